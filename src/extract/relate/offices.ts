/**
 * Offices: the position phrase before a name (党组副书记, 政府网站建设处处长,
 * 熔炼工) and the body an office implies on its own (市长 → 市政府).
 */
import type { EntityType } from '../../domain/model.js';
import type { Doc } from '../document.js';
import { lexicon } from '../lexicon.js';
import { placeFor } from '../stages/resolve.js';
import { isHanUnit } from '../text.js';

/** 国家主席 names its own office; 市长 the 市政府. */
export function standaloneOffice(text: string, item: { office?: { start: number; end: number } }): boolean {
  const office = text.slice(item.office!.start, item.office!.end);
  return /^国家/.test(office) || !!lexicon().officeOf[office];
}

export function impliedBody(doc: Doc, office: { start: number; end: number }): { name: string; type: EntityType } | undefined {
  const word = doc.text.slice(office.start, office.end);
  const body = lexicon().officeOf[word];
  if (!body) return undefined;
  const place = placeFor(doc, body[0]!, office.start);
  if (!place) return undefined;
  const name = `${place}${body.slice(1)}`;
  const known = doc.entities.find((e) => e.type === 'Organization' && (e.name === name || e.name === name.replace('政府', '人民政府') || e.name.replace('人民政府', '政府') === name));
  return { name: known?.name ?? name, type: 'Organization' };
}

/** An office phrase ending at `pos`: offices and the units before them (党组副书记, 政府网站建设处处长). */
export function officeEndingAt(text: string, pos: number, floor: number, bodyEndsAt: (at: number) => boolean): { start: number; end: number } | undefined {
  const lx = lexicon();
  const longest = lx.positions.endingAt(text, pos) ?? roleEndingAt(text, pos, floor, bodyEndsAt);
  if (!longest) return undefined;
  // A shorter office that ends where a body's name does wins over a longer one reaching into the name
  // (某镇党委|副书记, not 某镇|党委副书记, when 某镇党委 is the body).
  let last = longest;
  for (let n = longest.length - 1; n >= 2 && !bodyEndsAt(pos - longest.length); n--) {
    if (lx.positions.has(text.slice(pos - n, pos)) && bodyEndsAt(pos - n)) {
      last = text.slice(pos - n, pos);
      break;
    }
  }
  let start = pos - last.length;
  // 高级|教师, 首席|技师: a grade before an occupation is part of it.
  const rank = bodyEndsAt(start) ? undefined : lx.ranks.endingAt(text, start);
  if (rank && start - rank.length >= floor) start -= rank.length;
  // Offices and internal units stack: 党委副书记, 常务副部长, 城市管理办公室主任 — up to where a body's name ends.
  for (;;) {
    if (bodyEndsAt(start)) return { start, end: pos };
    const more = lx.positions.endingAt(text, start) ?? lx.units.endingAt(text, start);
    if (!more || start - more.length < floor) break;
    start -= more.length;
  }
  // A unit name written before an office (政府网站建设处处长, 城市管理办公室主任) is part of it.
  const startsWithUnit = lx.units.startingAt(text, start) && start < pos - last.length;
  const unit = startsWithUnit
    ? /[\u4e00-\u9fff]{2,8}$/.exec(text.slice(Math.max(floor, start - 8), start))
    : /[\u4e00-\u9fff]{2,10}(处|科|室|办公室|部|中心|所|队|组)$/.exec(text.slice(Math.max(floor, start - 12), start));
  if (unit && !bodyEndsAt(start) && !lx.orgSuffixes.endingAt(text, start - unit[0].length)) {
    // Never across the end of a body's name.
    let k = start - unit[0].length;
    while (k < start && !bodyEndsAt(k)) k++;
    start = k === start ? start - unit[0].length : k;
  }
  // 某渔业有限公司金枪鱼围网船队海上指挥: a team or place of work written before a known office, back to the body.
  if (lx.positions.has(last) && !bodyEndsAt(start)) {
    for (let k = start - 1; k >= Math.max(floor, start - 10) && isHanUnit(text.charCodeAt(k)) && !NOT_IN_ROLE.test(text[k]!); k--) {
      if (bodyEndsAt(k)) {
        start = k;
        break;
      }
    }
  }
  return start >= floor ? { start, end: pos } : undefined;
}

/** Words of a clause, not of a team's or a workplace's name. */
export const NOT_IN_ROLE = /[的在和与是为了对向从把被及或并由等]/;

/**
 * A job no lexicon lists, known by its form and place: the two to four
 * characters between a body's name and a person that end like a job (…工,
 * …员, …长, …师, …手): 熔炼工, 选矿工, 炉长.
 */
function roleEndingAt(text: string, pos: number, floor: number, bodyEndsAt: (at: number) => boolean): string | undefined {
  if (!/[工员长师手人家官监匠]/.test(text[pos - 1] ?? '')) return undefined;
  // Between a body's name and a person, any run of up to eight characters ending like a job is one (焊接培训师).
  for (const n of [2, 3, 4, 5, 6, 7, 8]) {
    const start = pos - n;
    if (start < floor || !/^[\u4e00-\u9fff]+$/.test(text.slice(start, pos))) break;
    if (!bodyEndsAt(start)) continue;
    const word = text.slice(start, pos);
    const entry = lexicon().word(word);
    if (!ROLE_WORDS_NOT.test(word) && (!entry || /^n/.test(entry.tag))) return word;
  }
  return undefined;
}

/** Words that end like a job but are not one. */
const ROLE_WORDS_NOT = /(成长|增长|延长|擅长|生长|成员|动员|人员|官员|施工|加工|开工|竣工|复工|用工|分工|手工|着手|联手|携手|对手|入手|大家|国家|人家|自家|专家|本人|个人|工人|家人|他人|友人|某人|众人|主人)$/;
