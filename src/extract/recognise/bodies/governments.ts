/**
 * Governments written short: 县府 and 市府 (Taiwan writes them so, and
 * mainland pages at times): 縣府 is the county's 县政府, placed like 县总工会;
 * 南投縣府 names its county; 苗縣府 and 北市府 abbreviate it by one character
 * of the place's name (苗栗县, 台北市), which the article writes elsewhere.
 * 特区政府 is the government of the special administrative region the
 * article is set in (澳门特别行政区政府).
 */
import type { Doc } from '../../document.js';
import type { TokenIndex } from '../../text.js';
import type { OrgMention } from '../organisations.js';

const FORMS = ['县府', '市府'];
/** A government department of two or three characters and 处 or 局 (劳青处, 劳动局). */
const DEPARTMENT = /^([\u4e00-\u9fff]{2,3}[处局])/;

export function shortGovernments(doc: Doc, toks: TokenIndex): OrgMention[] {
  const text = doc.text;
  const out: OrgMention[] = [];
  for (const form of FORMS) {
    const level = form[0]!;
    for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 2)) {
      const end = i + 2;
      // Not inside a longer word (市府路, 县府街).
      if (/^[路街前后]/.test(text.slice(end, end + 1))) continue;
      const before = text[i - 1] ?? '';
      const place = /[\u4e00-\u9fff]/.test(before) ? placeOf(doc, before, level) : undefined;
      if (place) {
        // 南投縣府: the place is written in full; 苗縣府: one character of it.
        const start = text.slice(i - place.length + 1, i + 1) === place ? i - place.length + 1 : i - 1;
        out.push({ start, end, type: 'Organization', name: `${place}政府`, cue: 'short-government', suffixStart: end });
      } else if (!/[\u4e00-\u9fff]/.test(before) || !toks.boundary(i) || /[的与和及、在由经]/.test(before)) {
        out.push({ start: i, end, type: 'Organization', name: `${level}政府`, cue: 'short-government', suffixStart: end, placePrefix: level });
        // 縣府勞青處: a department of the government written after it, named in full (苗栗县政府劳青处).
        const department = DEPARTMENT.exec(text.slice(end, end + 6))?.[1];
        if (department) {
          out.push({ start: i, end: end + department.length, type: 'Organization', name: `${level}政府${department}`, cue: 'short-government', suffixStart: end + department.length, placePrefix: level });
        }
      }
    }
  }
  // 特区政府: the government of the special administrative region the article is set in.
  const region = doc.setting.province;
  if (region?.endsWith('特别行政区')) {
    for (let i = text.indexOf('特区政府'); i >= 0; i = text.indexOf('特区政府', i + 4)) {
      out.push({ start: i, end: i + 4, type: 'Organization', name: `${region}政府`, cue: 'short-government', suffixStart: i + 4 });
    }
  }
  return out;
}

/** The county or city (苗栗县, 台北市) the article names whose name holds `char` as its first or second character, or that ends at it. */
function placeOf(doc: Doc, char: string, level: string): string | undefined {
  for (const t of doc.tokens) {
    const w = t.word.endsWith(level) ? t.word : undefined;
    if (!w || w.length < 3 || w.length > 4) continue;
    if (w[0] === char || w[1] === char) return w;
  }
  return undefined;
}
