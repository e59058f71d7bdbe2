/**
 * Appositive chains: the links Chinese news writes in front of a name
 * ("全国劳动模范、海盐沈荡酿造有限公司副总经理庞卫华") or, in headline bylines and
 * list rows, after it ("彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师").
 * Each link is an honour, a body with an office, or a bare office that
 * continues the body before it (党组副书记、副主任).
 */
import type { EntityMention, Sentence } from '../document.js';
import { lexicon } from '../lexicon.js';
import { storyStart } from '../stages/resolve.js';
import { NOT_IN_ROLE, officeEndingAt } from './offices.js';
import type { DocView } from './view.js';

export interface Item {
  kind: 'honour' | 'org' | 'office';
  start: number;
  end: number;
  mention?: EntityMention;
  /** Offsets of the office text (position), if any. */
  office?: { start: number; end: number };
  /** 代表 after an honour: the person represents this year's honourees. */
  representative?: boolean;
  /** The honour is named in a relative clause (获得…的); its year is the clause's. */
  relative?: boolean;
}

/** A note after a name in a list: （女）, （土家族）. Not part of what follows the name. */
export const NAME_NOTE = /^[（(][^）)]{1,4}[）)]/;
/** The length of the note right after `end`, if any. */
export const noteAfter = (text: string, end: number) => NAME_NOTE.exec(text.slice(end, end + 6))?.[0].length ?? 0;
const HONOUR_LEAD = /(百岁|首届|第[一二三四五六七八九十\d]+届|(?:19|20)\d{2}年度?|[“”‘’「」\s])+$/;

const FULL_COLON = 0xff1a; // ：
const FULL_SEMICOLON = 0xff1b; // ；

/**
 * The appositive chain in front of a person, nearest link first in the
 * returned order reversed (so the result reads left to right).
 */
export function leftChain(view: DocView, s: Sentence, p: EntityMention, people: EntityMention[]): Item[] {
  const text = view.doc.text;
  const prevPerson = [...people].reverse().find((q) => q.end <= p.start);
  let floor = s.start;
  if (prevPerson) floor = Math.max(floor, prevPerson.end);
  // A colon or semicolon ends the chain: look back only as far as the floor (the text before it can be long).
  for (let k = p.start - 1; k >= floor; k--) {
    const c = text.charCodeAt(k);
    if (c === FULL_COLON || c === FULL_SEMICOLON) {
      floor = k + 1;
      break;
    }
  }
  const items: Item[] = [];
  let pos = p.start;
  while (pos > floor && text[pos - 1] === ' ') pos--;
  if (text[pos - 1] === '的') pos--;
  for (;;) {
    const item = itemEndingAt(view, pos, floor);
    if (!item) {
      captionHonour(view, pos, floor, items);
      break;
    }
    items.unshift(item);
    pos = item.start;
    if (text[pos - 1] === '、' || (text[pos - 1] === '，' && item.kind === 'org')) {
      const prev = itemEndingAt(view, pos - 1, floor);
      // Across 、 a body needs its office: a bare body there is a list of places (走进X中心、Y工作室).
      if (!prev || (prev.kind === 'org' && !prev.office)) break;
      // 甲荣获银紫荆星章，某会议员乙: across a comma, an honour that a verb takes is the clause before's.
      if (text[pos - 1] === '，' && prev.kind === 'honour' && /(获|获得|荣获|荣膺|获评|被授予|授予|颁授|颁发)$/.test(text.slice(Math.max(floor, prev.start - 3), prev.start))) break;
      pos -= 1;
      continue;
    }
    // 获得四川省五一劳动奖章的|ORG POS NAME, 同获“天府工匠”命名的|ORG POS NAME: a relative clause naming the honour.
    if (text[pos - 1] === '的') {
      const relative = relativeHonour(view, pos - 1, floor);
      if (relative) items.unshift(relative);
      break;
    }
    // Links can also touch: 北汽福田全国劳模艾建龙.
    if (!itemEndingAt(view, pos, floor)) {
      captionHonour(view, pos, floor, items);
      break;
    }
  }
  return items;
}

/** A caption: “某奖章”获得者——ORG POS NAME. The honour before the dash is the person's too. */
function captionHonour(view: DocView, pos: number, floor: number, items: Item[]): void {
  const text = view.doc.text;
  if (text.slice(pos - 2, pos) !== '——' || text.slice(pos - 5, pos - 2) !== '获得者') return;
  const honour = itemEndingAt(view, pos - 2, floor);
  if (honour?.kind === 'honour') items.unshift(honour);
}

/** An honour in a relative clause ending at `at` (before 的): 获得H / 同获H命名 / 同样获评H. */
function relativeHonour(view: DocView, at: number, floor: number): Item | undefined {
  const text = view.doc.text;
  const tail = /(命名|称号|荣誉称号|荣誉)?[”’」]?$/.exec(text.slice(Math.max(floor, at - 6), at))![0];
  const h = view.honourEndingAt(at - tail.length, floor);
  if (!h) return undefined;
  const lead = text.slice(Math.max(floor, h.start - 8), h.start);
  if (!/(获得|获评|荣获|同获|同样获评|被评为|被授予|入选|当选)(了)?(今年的?|本年度|首届|第.届)?[“‘「]?$/.test(lead)) return undefined;
  return { kind: 'honour', start: h.start, end: at, mention: h, relative: true };
}

/** The employer a chain after a name opens with, and the offices that continue it (…班长、高级技师). */
export function employerAfter(chain: Item[]): Item[] {
  const lead: Item[] = [];
  for (const x of chain) {
    if (lead.length === 0 ? x.kind !== 'org' : x.kind !== 'office') break;
    lead.push(x);
  }
  return lead;
}

/** The chain after a headline byline: "彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师". */
export function rightChain(view: DocView, s: Sentence, p: EntityMention): Item[] {
  const text = view.doc.text;
  const lineEnd = (() => {
    const nl = text.indexOf('\n', p.end);
    return nl < 0 || nl > s.end ? s.end : nl;
  })();
  const segments: { start: number; end: number }[] = [];
  let start = p.end + noteAfter(text, p.end) + 1;
  while (text[start] === ' ') start++;
  for (let i = start; i <= lineEnd; i++) {
    if (i === lineEnd || text[i] === '、' || text[i] === '，') {
      segments.push({ start, end: i });
      start = i + 1;
    } else if (text[i] === ' ' && text[i + 1] === ' ' && i > start) {
      // A run of spaces separates the cells of a table row (张三    某公司工程师    全国劳动模范);
      // the next cell's segment keeps the spaces, as a mention may take them in.
      segments.push({ start, end: i });
      start = i;
      while (text[i + 1] === ' ') i++;
    }
  }
  const items: Item[] = [];
  for (const seg of segments) {
    const inner = segmentItems(view, seg);
    if (!inner) break;
    items.push(...inner);
  }
  return items;
}

/**
 * The links one segment of a chain holds (an honour and a body can share
 * one: 全国劳动模范某公司工程师), left to right; undefined when it does not
 * end in a link that starts near its start.
 */
export function segmentItems(view: DocView, seg: { start: number; end: number }): Item[] | undefined {
  const item = itemEndingAt(view, seg.end, seg.start);
  if (!item || item.start > seg.start + 8) return undefined;
  const inner: Item[] = [item];
  for (let pos = item.start; pos > seg.start; ) {
    const more = itemEndingAt(view, pos, seg.start);
    if (!more) break;
    inner.unshift(more);
    pos = more.start;
  }
  return inner;
}

/** One link of an appositive chain ending at `pos`: an honour, a body with its office, or a bare office. */
function itemEndingAt(view: DocView, pos: number, floor: number): Item | undefined {
  const text = view.doc.text;
  // An honour, possibly followed by 代表 / 获得者 and led by 百岁 / 首届 / a year.
  for (const tail of ['代表', '荣誉称号获得者', '称号获得者', '获得者', '荣誉称号', '称号', '']) {
    if (tail && !text.startsWith(tail, pos - tail.length)) continue;
    let end = pos - tail.length;
    while (/[”’」』]/.test(text[end - 1] ?? '')) end--;
    const h = view.honourEndingAt(end, floor);
    if (h) {
      const lead = HONOUR_LEAD.exec(text.slice(Math.max(floor, h.start - 12), h.start));
      return { kind: 'honour', start: h.start - (lead?.[0].length ?? 0), end: pos, mention: h, representative: tail === '代表' };
    }
  }
  // A body followed by its office: 朝阳区人大常委会党组副书记, 交控科技轨道交通国家工程实验室主任.
  // In a list row a space may stand between the body and the office (某公司 总经理).
  const spaced = (at: number) => (text[at - 1] === ' ' && view.bodyEndingAt(at - 1, floor).length > 0 ? at - 1 : at);
  const office = officeEndingAt(text, pos, floor, (at) => view.bodyEndingAt(spaced(at), floor).length > 0);
  const bodyEnd = office ? spaced(office.start) : pos;
  const bodies = view.bodyEndingAt(bodyEnd, floor).concat(office ? bodiesBefore(view, office.start, pos, floor) : []);
  if (bodies.length) {
    const body = employer(view, bodies);
    // After a short form in brackets (…公司（华芯半导体）工程师) the office starts past the bracket.
    let officeStart = body.end;
    while (officeStart < pos && /[”」’）) ]/.test(text[officeStart]!)) officeStart++;
    return { kind: 'org', start: body.start, end: pos, mention: body, office: office || officeStart < pos ? { start: officeStart, end: pos } : undefined };
  }
  // 某县邮政局龙兴邮政支局NAME: a branch, workshop or station of a body; the body is the employer.
  if (!office) {
    const part = partOfBody(view, pos, floor);
    if (part) return part;
  }
  // 公司首席技师: a bare 公司/该公司/本单位 stands for the story's company named before.
  const bare = /(该公司|本公司|公司|该企业|企业|本单位|单位)$/.exec(text.slice(Math.max(floor, (office?.start ?? pos) - 3), office?.start ?? pos));
  if (bare && office) {
    const at = office.start - bare[0].length;
    const story = storyStart(view.doc, at);
    const company = view.lastEntryBefore(at, ({ m }) => m.type === 'Company' && m.cue !== 'short-form', story)?.m;
    if (company) return { kind: 'org', start: at, end: pos, mention: company, office };
  }
  if (office) return { kind: 'office', start: office.start, end: pos, office };
  return undefined;
}

/** A body, then up to eight Han characters ending as a part of a body ends (支局, 车间, 站), ending at `pos`. */
function partOfBody(view: DocView, pos: number, floor: number): Item | undefined {
  const text = view.doc.text;
  const part = lexicon().bodyParts.endingAt(text, pos);
  if (!part) return undefined;
  for (let at = pos - part.length; at >= Math.max(floor, pos - part.length - 8); at--) {
    const bodies = view.bodyEndingAt(at, floor);
    if (bodies.length) {
      const body = employer(view, bodies);
      return { kind: 'org', start: body.start, end: pos, mention: body };
    }
    if (!/[\u4e00-\u9fff]/.test(text[at - 1] ?? '')) return undefined;
  }
  return undefined;
}

/** Bodies that end inside an office phrase (the phrase names a unit of the body: 政府网站建设处处长). */
function bodiesBefore(view: DocView, officeStart: number, pos: number, floor: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let at = officeStart - 1; at > Math.max(floor, officeStart - 16); at--) {
    const found = view.bodyEndingAt(at, floor);
    if (found.length) {
      // Only when what lies between is a department-like phrase with no punctuation.
      const between = view.doc.text.slice(at, pos);
      if (!/[，。、；：“”\s]/.test(between) && !NOT_IN_ROLE.test(between)) out.push(...found);
      break;
    }
  }
  return out;
}

/**
 * Of the bodies ending at one place, the employer: a company named at the
 * start (交控科技 of 交控科技轨道交通国家工程实验室) or the longest name.
 */
function employer(view: DocView, bodies: EntityMention[]): EntityMention {
  const longest = [...bodies].sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  const heads = view.mentionsIn(longest).filter((m) => m.cue === 'head' && m.start === longest.start && m.end < longest.end);
  // A company's plant or lab is part of the position: the employer is the legal entity (…有限公司|炼钢厂).
  const legal = heads.find((h) => h.type === 'Company' && /(公司|集团)$/.test(h.name));
  // …but a branch or subsidiary company (…钢结构分公司) is the employer itself.
  if (legal && longest.type === 'Company' && !/(公司|银行|分行|支行)$/.test(longest.name)) return legal;
  const company = heads.find((h) => h.type === 'Company');
  if (company && longest.type !== 'Company' && longest.type !== 'Union') return company;
  const lx = lexicon();
  if (lx.internalUnits.endingAt(view.doc.text, longest.end) && heads.length) return heads.sort((a, b) => b.end - a.end)[0]!;
  return longest;
}

