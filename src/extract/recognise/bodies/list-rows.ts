/**
 * The employer cell of a list row: 张三（恒岳米业）, 李四(江州市恒岳企业管理
 * 咨询服务有限公司), 王五　市二医, 赵六　九江县恒岳机电　技术员. A page that
 * prints two or more such rows lists people with their employers, so the
 * cell names a body even without a standard ending (a company's short
 * name: 恒岳米业), and a body with one starts at the cell (where a name
 * inside it, 王森企业…, would stop the walk back from its ending). Relating
 * the person to it is the relation stage's work.
 */
import type { Doc } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import type { OrgMention } from '../organisations.js';

/** A row: numbering, a name of two to four characters (马　伟), then the cell in brackets or after a space. */
const ROW = /^[ \t\u3000]*(?:\d{1,3}[.、．)）]\s*)?([\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3})(?:[ \t\u3000]*[（(]([^（()）\n]{2,40})[）)]|[ \t\u3000]+([^\s（(][^\n]{1,40}?))[ \t\u3000]*$/;
/** A cell naming a place, not a body (牌楼镇来龙村). */
const PLACE_ONLY = /(村|镇|乡|街道|社区|区|县|市|省)$/;
/** Short names of bodies that are not companies: 市二医, 某派出所, 某小学. */
const NOT_COMPANY = /(医|院|校|局|所|站|办|委|队|馆|会|处|中心|部)$/;

export function listRowEmployers(doc: Doc): OrgMention[] {
  const lx = lexicon();
  const text = doc.text;
  const cells: { start: number; cell: string }[] = [];
  for (let line = 0; line < text.length; ) {
    const next = text.indexOf('\n', line);
    const end = next < 0 ? text.length : next;
    // Rows are short lines: skip the rest without a regular expression.
    if (end - line <= 60) {
      const row = ROW.exec(text.slice(line, end));
      const person = row?.[1]?.replace(/[ \u3000]/g, '');
      if (row && person && surnamed(person)) {
        const cell = (row[2] ?? row[3]!).split('/')[0]!;
        const at = line + row.index + row[0].indexOf(cell, row[0].indexOf(row[1]!) + row[1]!.length);
        cells.push({ start: at, cell });
      }
    }
    line = end + 1;
  }
  if (cells.length < 2) return [];
  const out: OrgMention[] = [];
  for (const { start, cell } of cells) {
    const m = bodyInCell(doc, start, cell);
    if (m) out.push(m);
  }
  return out;
}

function surnamed(name: string): boolean {
  const { common, rare, compound } = lexicon().surnames;
  return common.has(name[0]!) || rare.has(name[0]!) || compound.has(name.slice(0, 2));
}

/** The body a cell names: up to its last ending before the cell's end or a position; else the whole short name. */
function bodyInCell(doc: Doc, start: number, cell: string): OrgMention | undefined {
  const lx = lexicon();
  // The cell without a position at its end (…公司技术部部长, 恒岳机电 技术员).
  let body = cell.trim();
  for (let guard = 0; guard < 3; guard++) {
    const cut = body.replace(/[ \u3000]+$/, '');
    const position = lx.positions.endingAt(cut, cut.length);
    if (!position || position.length >= cut.length) break;
    body = cut.slice(0, -position.length);
  }
  body = body.trim();
  if (!/^[\u4e00-\u9fff][\u4e00-\u9fff()（）]{1,29}$/.test(body)) return undefined;
  let end = 0;
  for (let e = 2; e <= body.length; e++) if (lx.orgSuffixes.endingAt(body, e)) end = e;
  const placePrefix = /^[市县区]/.test(body) && !lx.word(body.slice(0, 2)) ? body[0] : undefined;
  if (end) {
    const name = body.slice(0, end);
    const suffix = lx.orgSuffixes.endingAt(body, end)!;
    if (name.length - suffix.length < 2 || lx.genericNames.has(name)) return undefined;
    return { start, end: start + end, type: lx.orgSuffixType.get(suffix)!, name, cue: 'list-row', suffixStart: start + end - suffix.length, placePrefix };
  }
  if (body.length < 3 || body.length > 10 || PLACE_ONLY.test(body) || lx.positions.has(body) || lx.word(body)) return undefined;
  const type = NOT_COMPANY.test(body) ? 'Organization' : 'Company';
  return { start, end: start + body.length, type, name: body, cue: 'list-row', suffixStart: start + body.length, placePrefix };
}
