/**
 * The bodies that issue a commendation: the author of a decision or notice
 * (江州市总工会关于授予…称号的决定, 《江州市人民政府关于表彰…的决定》), the bodies
 * signing it (a line with a body's name, then a line with the date), and the
 * bodies that run a selection or publish its list (由A、B联合举办的“X”评选,
 * A、B联合公布“X”名单). Each confers the honours the decision or list names
 * (CONFERRED_BY), and every holder of those honours in the document was
 * honoured by it (HONOURED_BY), as of the decision's year.
 */
import type { EntityMention, Sentence } from '../../document.js';
import { SUBJECT_LEAD, clauseStartBefore } from '../clauses.js';
import { honourRelation, isBody, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { headingAt } from './sections.js';
import type { End, RelationSink } from '../sink.js';
import type { DocView } from '../view.js';
import { yearIn } from '../years.js';

/** 关于表彰…的决定: the subject of a decision, notice or announcement. */
const DECISION = /^关于(?:对)?(表彰|授予|命名|认定|公布|表扬|通报表彰|评选|确认|批准|追授|颁发|给予|奖励)([^。；\n]{0,80}?)的(决定|通报|通知|公告|批复|命令|意见|通告)/;
/** A date line closing a decision: 2016年3月25日, 二〇〇九年五月十一日. */
const DATE_LINE = /^(?:(?:19|20)\d{2}|[一二〇零○Ｏ三四五六七八九0-9]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
/** Acts that make a body the issuer of a list or selection: 发布…榜单, 公布…名单, 举办的…评选. */
const PUBLISHES = /^[^，。；]{0,16}?(?:发布|公布|揭晓|印发|下发)(?:了)?[^，。；]{0,40}/;
const LISTED = /^[^。；]{0,40}?(下列|以下|如下)[^。；]{0,12}?(颁授|授予|颁发|表彰|命名)/;
const HOSTS = /^(?:联合|共同)?(?:主办|举办|举行|组织|承办|组织开展|开展|发起)(?:[。，；]|$)/;
/** A body that decides to run a selection: 经研究决定在全镇开展“X”和“Y”评选活动. */
const LAUNCHES = /^[^。；]{0,24}?(开展|组织开展|举办|组织|启动)[^。；]{0,40}?(评选|选树|推选|评比|选拔)/;
/** 在ORG召开的…表彰大会上: the ceremony a body held, named in a relative clause. */
const HELD = /^(?:召开|举行|举办)的[^。；，]{0,60}?(?:表彰大会|表彰会|表扬大会|颁奖典礼|颁奖大会)/;
/** A body holding the ceremony of the honours the story is about: 某市政府今日举办模范劳工表扬大会. */
const CEREMONY = /^[^，。；]{0,12}?(?:举办|举行|召开)[^，。；]{0,16}?(?:表扬大会|表彰大会|颁奖典礼|颁奖大会|表扬活动|表彰活动)/;
const RUNS = /^(?:联合|共同)?(?:主办|举办|组织|开展|发起|评选|推选|组织开展|联合开展)的/;

interface Issue {
  bodies: End[];
  /** The honours it names, or undefined: the honours the document confers. */
  honours?: End[];
  sentence: number;
  year?: number;
  /** The decision's subject as written: honours of the document named there that no mention covers count too. */
  subject?: string;
}

export const issuers: Pattern = {
  name: 'issuers',
  start: (view, sink) => {
    const issues: Issue[] = [];
    return {
      sentence(s, si) {
        issues.push(...decisions(view, s, si), ...selections(view, s, si));
        const signed = signature(view, s, si);
        if (signed) issues.push(signed);
      },
      end() {
        for (const issue of issues) confer(view, sink, issue);
      },
    };
  },
};

/** ORG关于表彰…的决定 (a title line, or in 《》 inside a sentence). */
function decisions(view: DocView, s: Sentence, si: number): Issue[] {
  const text = view.text;
  const out: Issue[] = [];
  for (let at = text.indexOf('关于', s.start); at >= 0 && at < s.end; at = text.indexOf('关于', at + 2)) {
    const m = DECISION.exec(text.slice(at, s.end));
    if (!m) continue;
    // ORG关于… or ORG印发了《关于…》.
    const verb = /(日前|近日|近期|今天|昨天|今日|昨日|正式|联合)*(印发|下发|发布|公布|作出|出台|颁布|下达|发出)了?《$/.exec(text.slice(Math.max(s.start, at - 12), at));
    const bodies = bodiesEndingAt(view, verb ? at - verb[0].length : at, s.start);
    if (!bodies.length) continue;
    const inside = view.mentionsIn({ start: at, end: at + m[0].length }).filter((x) => isHonour(x.type));
    const year = yearIn(text.slice(s.start, s.end), undefined);
    out.push({ bodies, honours: inside.length ? inside.map((h) => view.canonical(h)) : undefined, sentence: si, year, subject: m[0] });
  }
  return out;
}

/** The bodies written right before `at` as one subject: A、B和C (a 《 between is allowed). */
function bodiesEndingAt(view: DocView, at: number, floor: number): End[] {
  const text = view.text;
  let end = at;
  if (text[end - 1] === '《') end--;
  const out: EntityMention[] = [];
  for (;;) {
    const body = view.bodyEndingAt(end, floor).sort((a, b) => a.start - b.start)[0];
    if (!body) break;
    out.unshift(body);
    // 中共中央、国务院 or, in a title, 中共中央 国务院.
    const sep = /[、和与及 \u3000]$/.exec(text.slice(Math.max(floor, body.start - 1), body.start));
    if (!sep) break;
    end = body.start - 1;
  }
  return out.map((b) => view.canonical(b));
}

/** A run of lines each holding one body's name, then a date line: the signature of a decision. */
function signature(view: DocView, s: Sentence, si: number): Issue | undefined {
  const text = view.text;
  const line = text.slice(s.start, s.end).replace(/\s+/g, '');
  if (!DATE_LINE.test(line)) return undefined;
  if (!/(决定|通报|通知|公告|名单|表彰|命名|授予)/.test(text.slice(0, s.start))) return undefined;
  const bodies: End[] = [];
  for (let k = si - 1; k >= 0 && si - k <= 4; k--) {
    const prev = view.doc.sentences[k]!;
    const only = view.mentionsIn(prev).filter((m) => isBody(m.type) && m.start === prev.start && m.end === prev.end);
    if (only.length !== 1) break;
    bodies.unshift(view.canonical(only[0]!));
  }
  if (!bodies.length) return undefined;
  return { bodies, sentence: si, year: yearOfDate(line) };
}

/** 由A、B联合举办的“X”评选 / A、B联合公布“X”名单 / A发布…榜单. */
function selections(view: DocView, s: Sentence, si: number): Issue[] {
  const text = view.text;
  const ms = view.mentionsIn(s);
  const out: Issue[] = [];
  const year = yearIn(text.slice(s.start, s.end), view.doc.setting.year);
  for (const b of ms.filter((m) => isBody(m.type))) {
    // Only the last body of a coordination acts: A、B和C联合公布.
    if (ms.some((x) => isBody(x.type) && x.start > b.end && /^[、和与及]$/.test(text.slice(b.end, x.start)))) continue;
    const rest = text.slice(b.end, s.end);
    const held = HELD.exec(rest);
    if (held) {
      const lead0 = text.slice(clauseStartBefore(text, b.start, s.start), b.start);
      if (/在\s*$/.test(lead0)) {
        const named = view.mentionsIn({ start: b.end, end: b.end + held[0].length }).filter((x) => isHonour(x.type));
        out.push({ bodies: bodiesEndingAt(view, b.end, s.start), sentence: si, year, ...(named.length ? { honours: named.map((h) => view.canonical(h)) } : {}) });
        continue;
      }
    }
    const runs = RUNS.exec(rest);
    const publishes = runs ? null : PUBLISHES.exec(rest);
    // 本次评选活动由A和B联合主办: the bodies run the selection the story is about.
    const hosts = runs || publishes ? null : HOSTS.exec(rest);
    // A body conferring on the people listed below (向下列人士颁授勋章): the honours the document lists.
    const listed = runs || publishes || hosts ? null : LISTED.exec(rest);
    const launches = runs || publishes || hosts || listed ? null : LAUNCHES.exec(rest);
    const ceremony = runs || publishes || hosts || listed || launches ? null : CEREMONY.exec(rest);
    if (!runs && !publishes && !hosts && !listed && !launches && !ceremony) continue;
    const bodies = bodiesEndingAt(view, b.end, s.start);
    // The first body of the coordination is the clause's subject (only time words before it), or follows 由.
    const firstStart = ms.filter((x) => isBody(x.type) && x.end <= b.end).find((x) => bodies.some((e) => e.name === view.canonical(x).name))?.start ?? b.start;
    const lead = text.slice(clauseStartBefore(text, firstStart, s.start), firstStart);
    if (listed || ceremony) {
      // A ceremony that names its honour (召开了“最美投递员”表彰大会) confers that one, else the story's.
      const named = ceremony ? view.mentionsIn({ start: b.end, end: b.end + ceremony[0].length }).filter((x) => isHonour(x.type)) : [];
      if (SUBJECT_LEAD.test(lead)) out.push({ bodies, sentence: si, year, ...(named.length ? { honours: named.map((h) => view.canonical(h)) } : {}) });
      continue;
    }
    if (hosts) {
      if (/(评选|评比|选树|推选|表彰)(表彰)?(活动|工作)?(由|是由)\s*$/.test(lead)) out.push({ bodies, sentence: si, year });
      continue;
    }
    if (runs ? !/由\s*$/.test(lead) : !SUBJECT_LEAD.test(lead)) continue;
    const span = runs ? { start: b.end, end: Math.min(s.end, b.end + runs[0].length + 40) } : { start: b.end, end: b.end + (publishes ?? launches)![0].length };
    const honours = view.mentionsIn(span).filter((x) => isHonour(x.type));
    // 特区政府公布2024年度授勋名单: a published list of honourees confers the honours the page lists.
    if (!honours.length && publishes && /(名单|榜单)/.test(text.slice(span.start, span.end))) {
      out.push({ bodies, sentence: si, year });
      continue;
    }
    if (!honours.length) continue;
    out.push({ bodies, honours: honours.map((h) => view.canonical(h)), sentence: si, year });
  }
  return out;
}

/** The honours a document confers: those held by someone in it, or named with an act of conferring. */
function documentHonours(view: DocView, sink: RelationSink): End[] {
  const held = new Map<string, End>();
  for (const r of sink.relations) {
    if (r.type === 'HOLDS_TITLE' || r.type === 'RECEIVED') held.set(r.to, { name: r.to, type: r.type === 'RECEIVED' ? 'Award' : 'Title' });
  }
  for (const s of view.doc.sentences) {
    // …and the honours its list headings name (a heading over bodies only gives no holder to find).
    if (!/(授予|命名|表彰|评为|认定)/.test(view.text.slice(s.start, s.end)) && !headingAt(view, s)) continue;
    for (const h of view.mentionsIn(s).filter((m) => isHonour(m.type))) {
      const c = view.canonical(h);
      held.set(c.name, c);
    }
  }
  return [...held.values()];
}

function confer(view: DocView, sink: RelationSink, issue: Issue): void {
  // 关于表彰全国模范职工之家 全国优秀工会工作者的决定: a list in a title may hold honours recognised only elsewhere.
  const named = issue.honours && issue.subject ? documentHonours(view, sink).filter((h) => issue.subject!.includes(h.name) && !issue.honours!.some((x) => x.name === h.name)) : [];
  const honours = issue.honours ? [...issue.honours, ...named] : documentHonours(view, sink);
  const year = issue.year ?? view.doc.setting.year;
  for (const h of honours) {
    for (const b of issue.bodies) sink.add('CONFERRED_BY', h, b, issue.sentence, 'issuer');
    for (const r of sink.relations.filter((r) => r.type === honourRelation(h.type) && r.to === h.name)) {
      // A holder named by the decision holds the honour as of it, unless their list gives a year.
      if (r.year === undefined && year !== undefined) sink.setYear(r, year);
      for (const b of issue.bodies) sink.add('HONOURED_BY', { name: r.from, type: 'Person' }, b, r.sentence, 'issuer', { year });
    }
  }
}

function yearOfDate(line: string): number | undefined {
  const digits = /^((?:19|20)\d{2})/.exec(line);
  if (digits) return Number(digits[1]);
  const map: Record<string, string> = { 〇: '0', 零: '0', '○': '0', Ｏ: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  const y = [...line.slice(0, 4)].map((c) => (/\d/.test(c) ? c : (map[c] ?? ''))).join('');
  return y.length === 4 ? Number(y) : undefined;
}
