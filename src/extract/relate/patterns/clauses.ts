/**
 * Clause patterns with a person as subject: NAME今年获得“…”, NAME被ORG授予…,
 * NAME获此殊荣, NAME是ORG POSITION / NAME是TITLE, NAME在ORG任职…期间. The
 * subject carries over the clauses of a sentence; 他/她 stands for the last
 * person named.
 */
import type { EntityMention, Sentence } from '../../document.js';
import { sentenceAt, sentenceContaining } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import { storyStart } from '../../stages/resolve.js';
import { WHITE_SPACE, unitTable } from '../../text.js';
import { honourRelation, isBody, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import type { RelationSink } from '../sink.js';
import type { DocView } from '../view.js';
import { yearIn } from '../years.js';

/** As code units: the clause loop visits every character, and text[i] allocates for Han ones. */
const CLAUSE_END = unitTable('，。；！？：\n');
/** A clause that starts with a pronoun (or 王师傅), maybe after a year: 2019年，他… / 1985年出生的她. */
const PRONOUN_SUBJECT = /^((?:19|20)\d{2}年，?)?(1[89]\d{2}|20\d{2})?(年出生的)?(他|她|您|我|[\u4e00-\u9fff](?:师傅|老师|工))/;

export const clauses: Pattern = {
  name: 'clauses',
  start: (view, sink) => ({
    sentence: (s, si) => clausePatterns(view, sink, s, si),
  }),
};

function clausePatterns(view: DocView, sink: RelationSink, s: Sentence, si: number): void {
  const text = view.text;
  let subject: EntityMention | undefined;
  let clauseStart = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i < s.end && !CLAUSE_END[text.charCodeAt(i)]) continue;
    const clause = { start: clauseStart, end: i };
    const ms = view.mentionsIn(clause);
    const person = ms.find((m) => m.type === 'Person');
    let lead = clause.start;
    while (lead < clause.end && WHITE_SPACE[text.charCodeAt(lead)]) lead++;
    // A pronoun and what may precede it are at most 17 units: no need to copy the whole clause.
    const pronoun = PRONOUN_SUBJECT.exec(text.slice(lead, Math.min(clause.end, lead + 20)));
    // The subject carries over the clauses of a sentence until another person or a pronoun appears;
    // every person of the clause is tried, as the pattern must follow its name directly.
    const people = ms.filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
    if (people.length) subject = people[people.length - 1];
    // A clause that opens with a group the recogniser did not read (甲、乙2人获…) has a subject of its own.
    else if (/^[\u4e00-\u9fff·、]{2,30}?[\d一二三四五六七八九十]+(人|名|位)/.test(text.slice(lead, Math.min(clause.end, lead + 36)))) subject = undefined;
    else if (pronoun) subject = referent(view, pronoun[4]!, clause.start);
    else if (person) subject = undefined;
    // Coordinated subjects share the predicate: A、B和C等10名同志光荣入选 — each clause is read after the last of them.
    for (const p of people) clause1(view, sink, p, groupEnd(text, people, p), clause.end, ms, si, s.start);
    if (!people.length && subject) clause1(view, sink, subject, clause.start + (pronoun?.[0].length ?? 0), clause.end, ms, si, s.start);
    clauseStart = i + 1;
  }
}

/**
 * Who a pronoun or form of address stands for: 他/她 the last person named;
 * 您 (an interviewer's question) the person the article is about; 我 the
 * speaker of an interview answer ("NAME：…"); 杨师傅 the last 杨 named.
 */
function referent(view: DocView, word: string, at: number): EntityMention | undefined {
  if (word === '他' || word === '她') return view.lastPersonBefore(at);
  const people = view.subjectPeople();
  if (word === '您') {
    const counts = new Map<string, number>();
    for (const x of people) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    return top && top[1] >= 3 ? people.find((x) => x.name === top[0])!.m : undefined;
  }
  if (word === '我') {
    // The paragraph's first sentence: walk back from the one holding `at`.
    const here = sentenceContaining(view.doc, at, true);
    let k = here ? sentenceAt(view.doc, here.start) : -1;
    while (k > 0 && view.doc.sentences[k - 1]!.paragraph === here!.paragraph) k--;
    const first = k >= 0 ? view.doc.sentences[k] : undefined;
    const speaker = first && /^([\u4e00-\u9fff·]{2,8})：/.exec(view.text.slice(first.start, first.end));
    return speaker ? people.find((x) => x.name === speaker[1])?.m : undefined;
  }
  const surname = word[0]!;
  return view.lastEntryBefore(at, (x) => x.type === 'Person' && !view.bylineNames.has(x.name) && x.name.startsWith(surname))?.m;
}

/** Where the coordination of names holding `p` ends (A、B和C: C's end), or p's own end. */
function groupEnd(text: string, people: EntityMention[], p: EntityMention): number {
  let k = people.indexOf(p);
  // A name the recogniser missed may stand between two it found (A、尼玛拉毛、B).
  while (k + 1 < people.length && /^([、，,和及与]|以及)([\u4e00-\u9fff·]{2,8}[、，,和及与])?$/.test(text.slice(people[k]!.end, people[k + 1]!.start).replace(/[（(][^）)]{1,4}[）)]/, ''))) k++;
  return people[k]!.end;
}

/** The patterns of one clause, with `subject` as its subject and the clause's text from `from` to `to`. */
function clause1(view: DocView, sink: RelationSink, subject: EntityMention, from: number, to: number, ms: EntityMention[], si: number, sentenceStart: number): void {
  const text = view.text;
  const rest = text.slice(from, to);
  const after = ms.filter((m) => m.start >= from && m.end <= to && m.type !== 'Person');
  // NAME今年获得“全国劳动模范”荣誉称号 / 荣获 / 获评 / 被授予 / 当选.
  const got = /^(.{0,12}?)(获得|荣获|获评|获授|被授予|被评为|被命名为|被表彰为|表彰为|评为|命名为|认定为|当选为|当选|入选|摘得|夺得|曾获|成为|获(?!悉|知|此))/.exec(rest);
  // 2021年被全国妇联授予“全国三八红旗手”称号: the body between 被 and the verb honoured the subject.
  const by = /^(.{0,12}?)被([^，。；]{2,30}?)(授予|评为|命名为|表彰为|认定为|表彰)/.exec(rest);
  if (by && !got) {
    const vAt = from + by[0].length;
    const agents = after.filter((m) => isBody(m.type) && m.start >= from + by[1]!.length && m.end <= vAt - by[3]!.length);
    const honours = after.filter((m) => isHonour(m.type) && m.start >= vAt);
    const year = yearIn(text.slice(sentenceStart, from + by[1]!.length), view.doc.setting.year);
    for (const h of honours) sink.add(honourRelation(h.type), subject, view.canonical(h), si, 'passive', { year: h.year ?? year });
    for (const a of agents) {
      sink.add('HONOURED_BY', subject, view.canonical(a), si, 'passive', { year });
      for (const h of honours) sink.add('CONFERRED_BY', view.canonical(h), view.canonical(a), si, 'passive');
    }
    if (honours.length) return;
  }
  // 以及有多位成员获荣誉勋章: the clause names a subject of its own, a group.
  if (got && /^(以及|还有|另有|此外)|有[^，。；]{0,6}(位|名|个|人)/.test(got[1]!)) return;
  // 向获得…荣誉称号的个人表示祝贺: the winners are others, in a relative clause.
  if (got && !/[向为对给替]/.test(got[1]!) && after.some((m) => isHonour(m.type))) {
    // An act the article reports (获评, 被授予, 表彰为) happened in its year unless the clause says when;
    // one it looks back on (曾获, 获得过, 多次获得) has no year of its own.
    const past = /(曾|先后|多次|历年|此前|过去|以前)/.test(got[1]! + got[2]!) || /^过/.test(text.slice(from + got[0].length, from + got[0].length + 1));
    const year = yearIn(text.slice(sentenceStart, from + got[1]!.length), view.doc.setting.year) ?? (past ? undefined : view.doc.setting.year);
    for (const m of after) if (isHonour(m.type) && !/^[”」’]?(荣誉称号|称号)?的/.test(text.slice(m.end, m.end + 5))) sink.add(honourRelation(m.type), subject, view.canonical(m), si, 'got', { year: m.year ?? year });
    return;
  }
  // NAME获此殊荣: the honour the story just named.
  const thisHonour =
    /^(?:((?:19|20)\d{2})年)?(?:也|还|又|同样|均|都)?(?:获此殊荣|获此荣誉|获此称号|获此奖项|获此奖章|榜上有名|名列其中|位列其中)/.exec(rest) ??
    // …等10名同志光荣入选 / 上榜 with nothing after: the honour just named.
    (!after.some((m) => isHonour(m.type)) ? /^(?:((?:19|20)\d{2})年)?(?:[和及、][\u4e00-\u9fff·]{2,8}?)?(?:等[\d一二三四五六七八九十百]+[名位人][^，。；]{0,6}?)?(?:也|还|又|同样|均|都)?(?:光荣|成功|同时)?(?:入选|上榜|当选|获评)(?:[。，；]|$)/.exec(rest + '。') : null);
  if (thisHonour) {
    const story = storyStart(view.doc, from);
    const last = view.entriesIn(story, from).reverse().find((x) => isHonour(x.type) && !lexicon().scoped.find((h) => x.name.endsWith(h.core))?.collective);
    if (last) {
      const where = sentenceContaining(view.doc, last.m.start)!;
      const year = thisHonour[1] ? Number(thisHonour[1]) : (last.m.year ?? yearIn(text.slice(where.start, where.end), view.doc.setting.year) ?? view.doc.setting.year);
      sink.add(honourRelation(last.type), subject, last, si, 'this-honour', { year });
    }
    return;
  }
  // NAME是（一名）ORG POSITION / NAME是TITLE.
  const is = /^(?:同时|此外|另外)?(?:也|还|又)?(?:是|为|系|现为|现任)(?:一名|一位|一个)?/.exec(rest);
  // NAME为10名“X”颁奖 / 为获奖者颁发证书: 为 is "for", the act is the subject's, the honour the others'.
  if (is && /^为[^，。；]{0,30}?(颁奖|颁发|颁授|授牌|授奖|颁证|发放|佩戴|戴上|披上|献花|送上)/.test(rest)) return;
  if (is) {
    const body = after.find((m) => isBody(m.type));
    const honour = after.find((m) => isHonour(m.type));
    if (honour && (!body || honour.start < body.start)) {
      sink.add(honourRelation(honour.type), subject, view.canonical(honour), si, 'is', { year: honour.year });
    } else if (body) {
      const office = officeAfter(view, body.end, to);
      sink.add('WORKS_FOR', subject, view.canonical(body), si, 'is', { position: office });
    }
    return;
  }
  // NAME在ORG任职/工作/担任驾驶员期间.
  const at = /^(?:曾|曾经|一直|长期|先后)?在$/.exec(text.slice(from, after.find((m) => isBody(m.type))?.start ?? from));
  const body = after.find((m) => isBody(m.type));
  if (at && body) {
    const tail = /^(?:任职|工作|就职|从事|担任|任)([^，。；]{0,10}?)(?:期间|时|以来|至今|多年|工作|$)/.exec(text.slice(body.end, to));
    if (tail) {
      const office = tail[1] ? lexicon().positions.endingAt(tail[1], tail[1].length) : undefined;
      const position = office ? tail[1]!.slice(tail[1]!.length - office.length) : undefined;
      sink.add('WORKS_FOR', subject, view.canonical(body), si, 'at', { position });
    }
  }
}

/** The office after a body: 首钢集团的普通职工 → 职工, 阿里巴巴（中国）有限公司资深技术专家. */
function officeAfter(view: DocView, from: number, to: number): string | undefined {
  const tail = view.text.slice(from, to).replace(/^的/, '');
  const lx = lexicon();
  const direct = lx.positions.startingAt(tail, 0);
  if (direct) {
    let end = direct.length;
    for (let next = lx.positions.startingAt(tail, end); next; next = lx.positions.startingAt(tail, end)) end += next.length;
    const skipped = view.text.slice(from, to).length - tail.length;
    return view.written({ start: from + skipped, end: from + skipped + end });
  }
  for (let i = Math.min(tail.length, 12); i > 0; i--) {
    const w = lx.positions.endingAt(tail, i);
    if (w) return w;
  }
  return undefined;
}
