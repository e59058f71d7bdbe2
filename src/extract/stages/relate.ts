/**
 * Stage 7, relate: the relations of SPEC section 4, each with the sentence
 * that states it.
 *
 * Chinese news states most facts in an appositive chain in front of a name
 * ("全国劳动模范、海盐沈荡酿造有限公司副总经理庞卫华") or, in headline bylines,
 * after it ("彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师").
 * Each link of the chain is an honour, a body with an office, or a bare office
 * that continues the body before it (党组副书记、副主任). The rest are clause
 * patterns: NAME是…, NAME在ORG任职/担任…, NAME今年获得“…”, ORG走访慰问…NAME,
 * ORG《关于认定…为“TITLE”的决定》. 他/她 stands for the last person named.
 */
import type { EntityType, RelationType } from '../../domain/model.js';
import { sentenceAt, sentenceContaining, type Doc, type DocRelation, type EntityMention, type Sentence } from '../document.js';
import { lexicon } from '../lexicon.js';
import { WHITE_SPACE, unitTable } from '../text.js';
import type { HonourMention } from '../recognise/honours.js';
import { placeFor, storyStart } from './resolve.js';

interface Item {
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

const HONOUR_TAIL = /^(代表|获得者|称号|荣誉称号)/;
/** Lines inside a list of honourees that hold no honouree: a whole-line note in brackets, a table row, a place heading. */
const LIST_FURNITURE = /^([（(][^）)]*[）)]|\|.*\|)$|^[\u4e00-\u9fff]{2,10}(区|县|市|州|盟|旗|镇|乡)$/;
/** A count of holders introducing their names: 10名“烟台工匠”是：, 3位全国劳模分别为： (the honour inside). */
const COUNTED_HOLDERS = /(?:\d+|[一二三四五六七八九十百]+)(?:名|位)[^，。；：]{2,24}?[”」’]?(?:分别)?(?:是|为|有)：/;
/** The honour just named, referred back to: 获此殊荣, 获得这一荣誉. */
const THIS_HONOUR = /获(得)?(此|这一|此项|该)(殊荣|荣誉|称号|奖章|奖项)/;
/** A Markdown table row, read cell by cell. */
const MARKDOWN_ROW = /^\|.*\|$/;
/** A note after a name in a list: （女）, （土家族）. Not part of what follows the name. */
const NAME_NOTE = /^[（(][^）)]{1,4}[）)]/;
/** The length of the note right after `end`, if any. */
const noteAfter = (text: string, end: number) => NAME_NOTE.exec(text.slice(end, end + 6))?.[0].length ?? 0;
const HONOUR_LEAD = /(百岁|首届|第[一二三四五六七八九十\d]+届|(?:19|20)\d{2}年度?|[“”‘’「」\s])+$/;
const HONOURING = /(走访慰问|慰问|看望|表彰|表扬|嘉奖|授予|颁发|颁奖|命名|认定|评为|评选|评定)/;
const CONFERRING = /(授予|命名|认定|评选|评为|评定|表彰|颁发)/;
/** A verb right before a person that gives the honour named after them: 授予X…奖章, 命名X为…, 认定X为…. */
const AWARDING = /(授予|命名|认定|评为|评定)了?$/;
/** As code units: the clause loop visits every character, and text[i] allocates for Han ones. */
const CLAUSE_END = unitTable('，。；！？：\n');
/** A clause that starts with a pronoun (or 王师傅), maybe after a year: 2019年，他… / 1985年出生的她. */
const PRONOUN_SUBJECT = /^((?:19|20)\d{2}年，?)?(1[89]\d{2}|20\d{2})?(年出生的)?(他|她|您|我|[\u4e00-\u9fff](?:师傅|老师|工))/;

export function relate(doc: Doc): Doc {
  const ctx = new Context(doc);
  for (const [si, s] of doc.sentences.entries()) {
    const ms = ctx.mentionsIn(s);
    const people = ms.filter((m) => m.type === 'Person');
    for (const p of people) {
      const chain = leftChain(ctx, s, p, people);
      ctx.applyChain(p, chain, si);
      if (isHeadlineByline(doc, s, p)) ctx.applyChain(p, rightChain(ctx, s, p), si);
      // 韦春燕，某某集团有限公司水质检测中心主任，…: who a sentence's first name is, right after it.
      else if (p.start === s.start && doc.text[p.end] === '，') ctx.applyChain(p, employerAfter(rightChain(ctx, s, p)), si);
    }
    ctx.listsShareHonours(s, people, si);
    ctx.companyStaff(s, people, si);
    ctx.clausePatterns(s, si);
    ctx.honouring(s, ms, si);
    ctx.honourees(s, si);
    ctx.enumeration(s, si);
    ctx.tableRow(s, si);
  }
  ctx.honouredThroughConferral();
  ctx.storyHonourYears();
  return { ...doc, relations: ctx.relations };
}

interface Entry {
  m: EntityMention;
  name: string;
  type: EntityType;
}

class Context {
  readonly relations: DocRelation[] = [];
  private readonly seen = new Map<string, DocRelation>();
  private readonly text: string;
  /** Mentions by start, with the canonical name and type of their entity. */
  private readonly sorted: Entry[];
  private readonly byMention = new Map<EntityMention, Entry>();
  private readonly byEnd = new Map<number, Entry[]>();
  readonly honourYearForRepresentatives: number | undefined;
  /** Journalists and editors: named in bylines, never the subject of a fact. */
  readonly bylineNames: Set<string>;
  /** The body whose visit (走访慰问) a story reports, by story start: later 看望 in it are its visits too. */
  readonly visitingBody = new Map<number, { name: string; type: EntityType }>();

  constructor(readonly doc: Doc) {
    this.text = doc.text;
    const nameOf = new Map<number, { name: string; type: EntityType }>();
    for (const e of doc.entities) for (const i of e.mentions) nameOf.set(i, { name: e.name, type: e.type });
    this.sorted = doc.mentions
      .map((m, i) => ({ m, ...(nameOf.get(i) ?? { name: m.name, type: m.type }) }))
      .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
    for (const x of this.sorted) {
      this.byMention.set(x.m, x);
      const list = this.byEnd.get(x.m.end) ?? [];
      list.push(x);
      this.byEnd.set(x.m.end, list);
    }
    // Honourees presented as 代表 at a commendation hold the honour as of the event.
    this.honourYearForRepresentatives = /表彰|座谈会|颁奖/.test(doc.text) ? doc.setting.year : undefined;
    this.bylineNames = new Set(doc.mentions.filter((m) => m.cue === 'person:byline').map((m) => m.name));
  }

  /** Index of the first entry starting at or after `at` (binary search on the start). */
  private firstFrom(at: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.m.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entries lying within [start, end), in order. */
  entriesIn(start: number, end: number): Entry[] {
    const out: Entry[] = [];
    for (let k = this.firstFrom(start); k < this.sorted.length && this.sorted[k]!.m.start < end; k++) if (this.sorted[k]!.m.end <= end) out.push(this.sorted[k]!);
    return out;
  }

  /** The last entry in [floor, at) that satisfies `test` (walks back from the first at or after `at`). */
  lastEntryBefore(at: number, test: (x: Entry) => boolean, floor = 0): Entry | undefined {
    const lo = this.firstFrom(at);
    for (let k = lo - 1; k >= 0 && this.sorted[k]!.m.start >= floor; k--) if (this.sorted[k]!.m.end <= at && test(this.sorted[k]!)) return this.sorted[k];
    return undefined;
  }

  /** People who can be a sentence's subject (not the journalists), in order; computed once. */
  private subjects?: Entry[];
  private subjectPeople(): Entry[] {
    return (this.subjects ??= this.sorted.filter((x) => x.type === 'Person' && !this.bylineNames.has(x.name)));
  }

  mentionsIn(s: { start: number; end: number }): EntityMention[] {
    return this.entriesIn(s.start, s.end).map((x) => x.m);
  }

  canonical(m: EntityMention): { name: string; type: EntityType } {
    const x = this.byMention.get(m);
    return x ? { name: x.name, type: x.type } : { name: m.name, type: m.type };
  }

  /** Mentions of bodies (not people, not honours) ending exactly at `at`. */
  bodyEndingAt(at: number, from: number): EntityMention[] {
    return (this.byEnd.get(at) ?? []).filter((x) => x.m.start >= from && isBody(x.type)).map((x) => x.m);
  }

  honourEndingAt(at: number, from: number): EntityMention | undefined {
    return (this.byEnd.get(at) ?? []).find((x) => x.m.start >= from && isHonour(x.type))?.m;
  }

  add(type: RelationType, from: EntityMention | { name: string; type: EntityType }, to: { name: string; type: EntityType }, sentence: number, rule: string, extra: { year?: number; position?: string } = {}): void {
    const f = 'start' in from ? this.canonical(from) : from;
    const key = `${type}|${f.name}|${to.name}`;
    const existing = this.seen.get(key);
    if (existing) {
      existing.year ??= extra.year;
      existing.position ??= extra.position;
      return;
    }
    const r: DocRelation = { type, from: f.name, to: to.name, sentence, rule, ...definedOnly(extra) };
    this.seen.set(key, r);
    this.relations.push(r);
  }

  /** Position text as written in the original (traditional characters stay traditional). */
  written(span: { start: number; end: number }): string {
    const from = this.doc.toOriginal[span.start]!;
    const to = this.doc.toOriginal[span.end - 1]! + 1;
    const original = this.doc.original.slice(from, to).replace(/\s+/g, '');
    const normalised = this.text.slice(span.start, span.end).replace(/\s+/g, '');
    return original.length === normalised.length ? original : normalised;
  }

  applyChain(p: EntityMention, chain: Item[], si: number, carried: Item[] = []): void {
    // An office on its own continues the body before it: 党组副书记、副主任.
    const merged: Item[] = [];
    for (const item of chain) {
      const prev = merged[merged.length - 1];
      if (item.kind === 'office' && prev?.kind === 'org' && !standaloneOffice(this.text, item)) {
        prev.office = prev.office ? { start: prev.office.start, end: item.office!.end } : item.office;
        continue;
      }
      merged.push({ ...item });
    }
    for (const item of [...merged, ...carried]) {
      if (item.kind === 'honour' && item.mention) {
        const h = this.canonical(item.mention);
        const sentence = this.doc.sentences[si]!;
        const year =
          item.mention.year ??
          (item.representative ? this.honourYearForRepresentatives : undefined) ??
          (item.relative ? yearIn(this.text.slice(sentence.start, item.mention.start), this.doc.setting.year) : undefined);
        this.add(h.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', p, h, si, 'appositive', { year });
      } else if (item.kind === 'org' && item.mention) {
        const position = item.office ? this.written(item.office) : undefined;
        this.add('WORKS_FOR', p, this.canonical(item.mention), si, 'appositive', { position });
      } else if (item.kind === 'office' && item.office) {
        const body = impliedBody(this.doc, item.office);
        if (body) this.add('WORKS_FOR', p, body, si, 'office', { position: this.written(item.office) });
      }
    }
  }

  /** 戚宏昶等5名公司…代表: people counted as the company's are its staff (the story's company). */
  companyStaff(s: Sentence, people: EntityMention[], si: number): void {
    const text = this.text;
    for (const p of people) {
      if (!/^等[\d一二三四五六七八九十]+(名|位)(该)?(公司|企业)/.test(text.slice(p.end, p.end + 8))) continue;
      const story = storyStart(this.doc, s.start);
      const company = this.lastEntryBefore(p.start, ({ m }) => m.type === 'Company' && m.cue !== 'short-form', story)?.m;
      if (!company) continue;
      // Everyone in the 、-list that ends with this name.
      let k = people.indexOf(p);
      while (k > 0 && text.slice(people[k - 1]!.end, people[k]!.start) === '、') k--;
      for (const q of people.slice(k, people.indexOf(p) + 1)) this.add('WORKS_FOR', q, this.canonical(company), si, 'staff');
    }
  }

  /** 北京市劳动模范代表陈大鹏、王广洋: the honour before a list belongs to every name in it. */
  listsShareHonours(s: Sentence, people: EntityMention[], si: number): void {
    for (let i = 1; i < people.length; i++) {
      const prev = people[i - 1]!;
      const cur = people[i]!;
      if (this.text.slice(prev.end, cur.start) !== '、') continue;
      for (const r of this.relations.filter((r) => r.from === this.canonical(prev).name && (r.type === 'HOLDS_TITLE' || r.type === 'RECEIVED' || r.type === 'HONOURED_BY') && r.sentence === si)) {
        this.add(r.type, cur, { name: r.to, type: r.type === 'HONOURED_BY' ? 'Organization' : r.type === 'RECEIVED' ? 'Award' : 'Title' }, si, 'list', { year: r.year });
      }
    }
    void s;
  }

  /** NAME是…, NAME在ORG任职/担任…期间, NAME今年获得“…”; 他/她 for the last person named. */
  clausePatterns(s: Sentence, si: number): void {
    const text = this.text;
    let subject: EntityMention | undefined;
    let clauseStart = s.start;
    for (let i = s.start; i <= s.end; i++) {
      if (i < s.end && !CLAUSE_END[text.charCodeAt(i)]) continue;
      const clause = { start: clauseStart, end: i };
      const ms = this.mentionsIn(clause);
      const person = ms.find((m) => m.type === 'Person');
      let lead = clause.start;
      while (lead < clause.end && WHITE_SPACE[text.charCodeAt(lead)]) lead++;
      // A pronoun and what may precede it are at most 17 units: no need to copy the whole clause.
      const pronoun = PRONOUN_SUBJECT.exec(text.slice(lead, Math.min(clause.end, lead + 20)));
      // The subject carries over the clauses of a sentence until another person or a pronoun appears;
      // every person of the clause is tried, as the pattern must follow its name directly.
      const people = ms.filter((m) => m.type === 'Person' && !this.bylineNames.has(m.name));
      if (people.length) subject = people[people.length - 1];
      else if (pronoun) subject = this.referent(pronoun[4]!, clause.start);
      else if (person) subject = undefined;
      for (const p of people) this.clause(p, p.end, clause.end, ms, si, s.start);
      if (!people.length && subject) this.clause(subject, clause.start + (pronoun?.[0].length ?? 0), clause.end, ms, si, s.start);
      clauseStart = i + 1;
    }
  }

  /**
   * Who a pronoun or form of address stands for: 他/她 the last person named;
   * 您 (an interviewer's question) the person the article is about; 我 the
   * speaker of an interview answer ("NAME：…"); 杨师傅 the last 杨 named.
   */
  private referent(word: string, at: number): EntityMention | undefined {
    if (word === '他' || word === '她') return this.lastPersonBefore(at);
    const people = this.subjectPeople();
    if (word === '您') {
      const counts = new Map<string, number>();
      for (const x of people) counts.set(x.name, (counts.get(x.name) ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      return top && top[1] >= 3 ? people.find((x) => x.name === top[0])!.m : undefined;
    }
    if (word === '我') {
      // The paragraph's first sentence: walk back from the one holding `at`.
      const here = sentenceContaining(this.doc, at, true);
      let k = here ? sentenceAt(this.doc, here.start) : -1;
      while (k > 0 && this.doc.sentences[k - 1]!.paragraph === here!.paragraph) k--;
      const first = k >= 0 ? this.doc.sentences[k] : undefined;
      const speaker = first && /^([\u4e00-\u9fff·]{2,8})：/.exec(this.text.slice(first.start, first.end));
      return speaker ? people.find((x) => x.name === speaker[1])?.m : undefined;
    }
    const surname = word[0]!;
    return this.lastEntryBefore(at, (x) => x.type === 'Person' && !this.bylineNames.has(x.name) && x.name.startsWith(surname))?.m;
  }

  private lastPersonBefore(at: number): EntityMention | undefined {
    const paragraph = sentenceContaining(this.doc, at, true)?.paragraph ?? 0;
    const last = this.lastEntryBefore(at, (x) => x.type === 'Person' && !this.bylineNames.has(x.name));
    if (!last) return undefined;
    const lastParagraph = sentenceContaining(this.doc, last.m.start)?.paragraph ?? 0;
    return paragraph - lastParagraph <= 2 ? last.m : undefined;
  }

  private clause(subject: EntityMention, from: number, to: number, ms: EntityMention[], si: number, sentenceStart: number): void {
    const text = this.text;
    const rest = text.slice(from, to);
    const after = ms.filter((m) => m.start >= from && m.end <= to && m.type !== 'Person');
    // NAME今年获得“全国劳动模范”荣誉称号 / 荣获 / 获评 / 被授予 / 当选.
    const got = /^(.{0,12}?)(获得|荣获|获评|获授|被授予|被评为|被命名为|当选为|当选|入选|摘得|夺得|曾获|成为|获(?!悉|知|此))/.exec(rest);
    // 2021年被全国妇联授予“全国三八红旗手”称号: the body between 被 and the verb honoured the subject.
    const by = /^(.{0,12}?)被([^，。；]{2,30}?)(授予|评为|命名为|表彰为|认定为|表彰)/.exec(rest);
    if (by && !got) {
      const vAt = from + by[0].length;
      const agents = after.filter((m) => isBody(m.type) && m.start >= from + by[1]!.length && m.end <= vAt - by[3]!.length);
      const honours = after.filter((m) => isHonour(m.type) && m.start >= vAt);
      const year = yearIn(text.slice(sentenceStart, from + by[1]!.length), this.doc.setting.year);
      for (const h of honours) this.add(h.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', subject, this.canonical(h), si, 'passive', { year: h.year ?? year });
      for (const a of agents) {
        this.add('HONOURED_BY', subject, this.canonical(a), si, 'passive', { year });
        for (const h of honours) this.add('CONFERRED_BY', this.canonical(h), this.canonical(a), si, 'passive');
      }
      if (honours.length) return;
    }
    // 向获得…荣誉称号的个人表示祝贺: the winners are others, in a relative clause.
    if (got && !/[向为对给替]/.test(got[1]!)) {
      const year = yearIn(text.slice(sentenceStart, from + got[1]!.length), this.doc.setting.year);
      for (const m of after) if (isHonour(m.type) && !/^[”」’]?(荣誉称号|称号)?的/.test(text.slice(m.end, m.end + 5))) this.add(m.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', subject, this.canonical(m), si, 'got', { year: m.year ?? year });
      return;
    }
    // NAME是（一名）ORG POSITION / NAME是TITLE.
    // NAME获此殊荣: the honour the story just named.
    const thisHonour = /^(?:((?:19|20)\d{2})年)?(?:也|还|又|同样)?(?:获此殊荣|获此荣誉|获此称号|获此奖项|获此奖章|榜上有名|名列其中|位列其中)/.exec(rest);
    if (thisHonour) {
      const story = storyStart(this.doc, from);
      const last = this.entriesIn(story, from).reverse().find((x) => isHonour(x.type) && !lexicon().scoped.find((h) => x.name.endsWith(h.core))?.collective);
      if (last) {
        const where = sentenceContaining(this.doc, last.m.start)!;
        const year = thisHonour[1] ? Number(thisHonour[1]) : (last.m.year ?? yearIn(text.slice(where.start, where.end), this.doc.setting.year) ?? this.doc.setting.year);
        this.add(last.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', subject, last, si, 'this-honour', { year });
      }
      return;
    }
    const is = /^(?:同时|此外|另外)?(?:也|还|又)?(?:是|为|系|现为|现任)(?:一名|一位|一个)?/.exec(rest);
    if (is) {
      const body = after.find((m) => isBody(m.type));
      const honour = after.find((m) => isHonour(m.type));
      if (honour && (!body || honour.start < body.start)) {
        this.add(honour.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', subject, this.canonical(honour), si, 'is', { year: honour.year });
      } else if (body) {
        const office = this.officeAfter(body.end, to);
        this.add('WORKS_FOR', subject, this.canonical(body), si, 'is', { position: office });
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
        this.add('WORKS_FOR', subject, this.canonical(body), si, 'at', { position });
      }
    }
  }

  /** The office after a body: 首钢集团的普通职工 → 职工, 阿里巴巴（中国）有限公司资深技术专家. */
  private officeAfter(from: number, to: number): string | undefined {
    const tail = this.text.slice(from, to).replace(/^的/, '');
    const lx = lexicon();
    const direct = lx.positions.startingAt(tail, 0);
    if (direct) {
      let end = direct.length;
      for (let next = lx.positions.startingAt(tail, end); next; next = lx.positions.startingAt(tail, end)) end += next.length;
      return this.written({ start: from + (this.text.slice(from, to).length - tail.length), end: from + (this.text.slice(from, to).length - tail.length) + end });
    }
    for (let i = Math.min(tail.length, 12); i > 0; i--) {
      const w = lx.positions.endingAt(tail, i);
      if (w) return w;
    }
    return undefined;
  }

  /**
   * A body that honours or confers, with the people and honours after it in
   * the clause: ORG走访慰问…NAME, ORG授予NAME“TITLE”称号, ORG印发《关于表彰…TITLE…的决定》,
   * ORG召开…“TITLE”命名大会; and TITLE由ORG（会同ORG2）…评选.
   */
  honouring(s: Sentence, ms: EntityMention[], si: number): void {
    const text = this.text;
    // An act reported now (走访慰问, 表彰) happened in the article's year unless the sentence says otherwise.
    // Worked out only when a relation is added: most sentences add none.
    let known: number | undefined | null = null;
    const year = () => (known === null ? (known = yearIn(text.slice(s.start, s.end), this.doc.setting.year) ?? this.doc.setting.year) : known);
    const bodies = ms.filter((m) => isBody(m.type));
    for (const org of bodies) {
      // A body in a person's appositive (…公司模具钳工组长廖志坚) is an employer, not a subject; so is one whose spokesman speaks.
      if (lexicon().positions.startingAt(text, org.end) || text[org.start - 1] === '的' || /^(相关|有关)?负责人/.test(text.slice(org.end, org.end + 5))) continue;
      // The body must be the subject: only time words, 由/经 or a co-subject before it in its clause.
      const lead = text.slice(clauseStartBefore(text, org.start, s.start), org.start);
      // 被/受到 ORG 表彰 (the agent), or ORG《关于认定…》 (the author of a decision).
      const agent = /(被|受到|受|获)$/.test(lead) || text.startsWith('《关于', org.end);
      if (!agent && !SUBJECT_LEAD.test(lead) && !bodies.some((b) => b.end <= org.start && /^[、和与及]$/.test(text.slice(b.end, org.start)))) continue;
      // The act may follow in the next clauses when they have no subject of their own
      // (…作出决定，授予…，授予… / …举行发布仪式，经推荐评审，认定…).
      let end = clauseEnd(text, org.end, s.end);
      while (end < s.end && end - org.end < 120 && !bodies.concat(ms.filter((m) => m.type === 'Person')).some((m) => m.start === end + 1)) {
        const nextEnd = clauseEnd(text, end + 1, s.end);
        if (!/^，(命名|授予|表彰|认定|评选|评定|颁发|被授予|经|并|同时|联合)/.test(text.slice(end, end + 4))) break;
        end = nextEnd;
      }
      const tail = text.slice(org.end, end);
      const v = HONOURING.exec(tail.slice(0, 60));
      if (!v) continue;
      const vAt = org.end + v.index;
      const between = ms.filter((m) => m !== org && m.start >= org.end && m.end <= vAt);
      // Co-subjects (市总工会会同市人社局) share the act; a person or other body in between is not allowed.
      const partners = between.filter((m) => isBody(m.type) && /^(会同|联合|和|与|及|、)/.test(text.slice(org.end, m.start).replace(/^[^会联和与及、]*/, '')));
      if (between.some((m) => m.type === 'Person' || (isBody(m.type) && !partners.includes(m)))) continue;
      if (bodies.some((b) => b !== org && b.end <= org.start && partners.length === 0 && /^(会同|联合|和|与|及|、)$/.test(text.slice(b.end, org.start)))) continue;
      const subjects = [org, ...partners];
      if (/(走访|慰问|看望)/.test(v[0])) this.visitingBody.set(storyStart(this.doc, s.start), this.canonical(org));
      const after = ms.filter((m) => m.start >= org.end && m.end <= end);
      if (CONFERRING.test(v[0])) {
        for (const h of after.filter((m) => isHonour(m.type))) {
          for (const b of subjects) this.add('CONFERRED_BY', this.canonical(h), this.canonical(b), si, 'confers');
        }
      }
      if (/《/.test(tail.slice(0, v.index + 2))) continue;
      for (const p of after.filter((m) => m.type === 'Person' && m.start > vAt && !this.bylineNames.has(m.name))) {
        for (const b of subjects) this.add('HONOURED_BY', p, this.canonical(b), si, 'honours', { year: year() });
        // 授予何建军等30名职工2019年甘肃省五一劳动奖章, 命名X等10人为“Y工匠”: the honour in the person's clause.
        if (!AWARDING.test(text.slice(Math.max(s.start, p.start - 4), p.start))) continue;
        const h = after.find((m) => isHonour(m.type) && m.start >= p.end && !/[，；。]/.test(text.slice(p.end, m.start)));
        if (h) {
          const honour = this.canonical(h);
          this.add(honour.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', p, honour, si, 'awarded', { year: h.year ?? year() });
        }
      }
    }
    // 市总工会主席洪耀东带队，走访慰问了…蔡志鸿: an official visits on behalf of the body they lead.
    const visit = /(走访慰问|慰问|看望|走访|探望)/.exec(text.slice(s.start, s.end));
    if (visit) {
      const vAt = s.start + visit.index;
      const visitor = ms.filter((m) => m.type === 'Person' && m.end <= vAt).pop();
      const body = visitor && this.relations.find((r) => r.type === 'WORKS_FOR' && r.from === this.canonical(visitor).name && r.sentence === si);
      const bodyEntity = body && this.doc.entities.find((e) => e.name === body.to && isBody(e.type));
      const carried = this.visitingBody.get(storyStart(this.doc, s.start));
      const by = bodyEntity ?? (!visitor && !bodies.some((b) => b.end <= vAt) ? carried : undefined);
      if (by) {
        this.visitingBody.set(storyStart(this.doc, s.start), by);
        for (const p of ms.filter((m) => m.type === 'Person' && m.start > vAt && !this.bylineNames.has(m.name))) {
          this.add('HONOURED_BY', p, by, si, 'visit', { year: year() });
        }
      }
    }
    // TITLE由ORG（会同ORG2）每年评选命名; TITLE是ORG设立的荣誉称号.
    for (const h of ms.filter((m) => isHonour(m.type))) {
      const by = /^[”」’]?(由|经|是)/.exec(text.slice(h.end, h.end + 2));
      if (!by) continue;
      const end = clauseEnd(text, h.end, s.end);
      const v = (by[1] === '是' ? /(设立|设置|颁发|评选|授予)的/ : CONFERRING).exec(text.slice(h.end, end));
      if (!v) continue;
      const vAt = h.end + v.index;
      for (const b of bodies.filter((m) => m.start > h.end && m.end <= vAt)) this.add('CONFERRED_BY', this.canonical(h), this.canonical(b), si, 'conferred-by');
    }
  }

  /**
   * 获奖职工中，…A…；…B…: the people of a paragraph that opens by introducing
   * the honourees hold the story's latest individual honour, as of its year.
   */
  honourees(s: Sentence, si: number): void {
    const sentence = this.text.slice(s.start, s.end);
    const head =
      /^(在)?(本年度|今年的?|此次|本次|本届|首批|这批)?(获奖职工|获奖者|获评者|受表彰者|获得者|入选者|获奖人员|受表彰的[^，。；]{0,12}|(?:获得|获评|入选|当选)的?[^，。；]{0,12}的?[^，。；]{0,4})(中|当中)/.exec(sentence) ??
      // 本年度“苏州大工匠”平均年龄46岁…: a paragraph about this year's honourees, before their profiles.
      /^(本年度|今年的|本届|此次|本次|这批|首批|新一届)“?(?=\S)/.exec(sentence) ??
      // …陕西省五一劳动奖章获得者名单（16名） / 龙江工匠风采: a list of names or profiles follows.
      /^(?=.*名单(（[^）]*）)?$)/.exec(sentence) ??
      // 现将受表彰人员名单摘登如下：(and the list's first heading, when it runs on)
      /^(?=.*名单[^，。；]{0,16}如下：[\u4e00-\u9fff]{0,10}$)/.exec(sentence) ??
      (sentence.length <= 16 ? /^(?=.*(风采|名录|简介|事迹|巡礼|群像|掠影|谱)$)/.exec(sentence) : null);
    if (!head) return;
    const listHead = head[0] === '' && /名单|风采|名录|简介|事迹|巡礼|群像|掠影|谱/.test(sentence);
    if (!head[3] && !listHead && !this.entriesIn(s.start + head[0].length, s.start + head[0].length + 14).some((x) => isHonour(x.type) && x.m.start === s.start + head[0].length)) return;
    const story = storyStart(this.doc, s.start);
    const lx = lexicon();
    const individual = (x: { m: EntityMention; name: string; type: EntityType }) => isHonour(x.type) && !lx.scoped.find((h) => x.name.endsWith(h.core))?.collective;
    const headEnd = listHead ? s.end : s.start + head[0].length + (head[3] ? 0 : 14);
    // The honour named in the head (在受表彰的全国劳动模范中), else the story's latest individual honour.
    const honour =
      this.sorted.find((x) => individual(x) && x.m.start >= s.start && x.m.end <= headEnd) ??
      [...this.sorted].reverse().find((x) => individual(x) && x.m.end <= s.start && x.m.start >= story);
    if (!honour) return;
    if (/集体/.test(head[0])) return;
    const where = sentenceContaining(this.doc, honour.m.start)!;
    const year = honour.m.year ?? yearIn(this.text.slice(where.start, where.end), this.doc.setting.year) ?? this.doc.setting.year;
    const siblings = new Set(
      this.entriesIn(story, s.start)
        .filter((x) => individual(x) && x.name !== honour.name)
        .map((x) => x.name),
    );
    // The head's paragraph, and the paragraphs after it that each introduce an honouree by name and
    // office (…公司焊工班班长岳建军，…); one that opens with an official speaking ends the list.
    let paragraph = s.paragraph;
    for (const [k, x] of this.doc.sentences.entries()) {
      if (k < si || storyStart(this.doc, x.start) !== story) continue;
      // A note on the list (（共100名，按…排列）) or a table's header and rule rows: not the end of it.
      if (k > si) {
        const line = this.text.slice(x.start, x.end).trim();
        if (LIST_FURNITURE.test(line) && !this.mentionsIn(x).some((m) => m.type === 'Person')) {
          paragraph = x.paragraph;
          continue;
        }
      }
      if (x.paragraph !== paragraph) {
        const first = this.mentionsIn(x)[0];
        // A paragraph about the holder of a sibling honour of the same event (全国先进工作者 after 全国劳动模范) ends the list.
        const sibling = this.mentionsIn(x).find((m) => isHonour(m.type) && siblings.has(this.canonical(m).name));
        const firstPerson = this.mentionsIn(x).find((m) => m.type === 'Person');
        if (sibling && firstPerson && sibling.start < firstPerson.start) break;
        const opensWithName = first && x.paragraph === paragraph + 1 && this.mentionsIn(x).some((m) => m.type === 'Person' && m.start - x.start < 40);
        if (!opensWithName || /^[^，。；]{0,40}?(表示|指出|强调|要求|介绍)/.test(this.text.slice(x.start, x.end))) break;
        paragraph = x.paragraph;
      }
      for (const p of this.mentionsIn(x).filter((m) => m.type === 'Person' && !this.bylineNames.has(m.name))) {
        this.add(honour.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', p, honour, k, 'honourees', { year });
      }
    }
  }

  /**
   * A table row of honourees: | 1 | 张三（女） | 某某有限公司 | 焊工班长 |. The cell after a
   * person's that holds exactly one body is the employer; a plain cell after it is the position.
   */
  tableRow(s: Sentence, si: number): void {
    const line = this.text.slice(s.start, s.end);
    if (!MARKDOWN_ROW.test(line.trim())) return;
    const ms = this.mentionsIn(s);
    const cells: { start: number; end: number; text: string }[] = [];
    for (let at = s.start + line.indexOf('|') + 1; at < s.end; ) {
      const bar = this.text.indexOf('|', at);
      if (bar < 0 || bar >= s.end) break;
      const raw = this.text.slice(at, bar);
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      cells.push({ start: at + lead, end: at + lead + text.length, text });
      at = bar + 1;
    }
    const filling = (c: { start: number; end: number }) => ms.filter((m) => m.start >= c.start && m.end <= c.end);
    for (const [i, cell] of cells.entries()) {
      const person = filling(cell).find((m) => m.type === 'Person' && m.start === cell.start && m.end + noteAfter(this.text, m.end) === cell.end);
      if (!person || this.bylineNames.has(person.name)) continue;
      const employer = cells[i + 1];
      const inEmployer = employer ? filling(employer) : [];
      const body = inEmployer.length === 1 && isBody(inEmployer[0]!.type) && inEmployer[0]!.start === employer!.start && inEmployer[0]!.end === employer!.end ? inEmployer[0]! : undefined;
      if (!body) continue;
      const next = cells[i + 2];
      const position = next && next.text && filling(next).length === 0 && next.text.length <= 20 && !/\d/.test(next.text) ? next.text : undefined;
      this.add('WORKS_FOR', person, this.canonical(body), si, 'table', position ? { position } : {});
    }
  }

  /** …获奖名单，…分别是ORG POS A、ORG POS B，以及C: the people listed receive the honour named before. */
  enumeration(s: Sentence, si: number): void {
    const text = this.text.slice(s.start, s.end);
    const counted = COUNTED_HOLDERS.exec(text);
    const list = /(分别是|分别为|包括|他们是|依次是|依次为)/.exec(text) ?? counted;
    if (!list) return;
    const at = s.start + (list === counted ? list.index + list[0].length - 2 : list.index);
    const ms = this.mentionsIn(s);
    const lx = lexicon();
    // The honour the list holds: named in the count (10名“烟台工匠”是：), or before the list with
    // 名单/获奖/表彰 between, or — when the sentence says the list is of winners (此次获奖的6名职工分别是) —
    // the story's latest individual honour.
    const honour =
      (list === counted ? ms.find((m) => isHonour(m.type) && m.start >= s.start + list.index && m.end <= at) : undefined) ??
      [...ms].reverse().find((m) => isHonour(m.type) && m.end <= at && /名单|获奖|获评|表彰|授予/.test(this.text.slice(m.end, at))) ??
      (/(获奖|获评|受表彰|入选)的?[^，。；]{0,10}$/.test(this.text.slice(s.start, at)) || THIS_HONOUR.test(this.text.slice(s.start, at))
        ? this.entriesIn(storyStart(this.doc, s.start), s.start)
            .reverse()
            .find((x) => isHonour(x.type) && !lx.scoped.find((h) => x.name.endsWith(h.core))?.collective)?.m
        : undefined);
    if (!honour) return;
    const h = this.canonical(honour);
    const year = honour.year ?? yearIn(text, this.doc.setting.year) ?? this.doc.setting.year;
    for (const p of ms.filter((m) => m.type === 'Person' && m.start > at && !this.bylineNames.has(m.name))) {
      this.add(h.type === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE', p, h, si, 'enumeration', { year });
    }
  }

  /**
   * 我市14名同志被授予2025年全国劳动模范…: when a story names the year an honour
   * was conferred, the people it says hold that honour hold it as of that year.
   */
  storyHonourYears(): void {
    const years = new Map<string, number>();
    for (const x of this.sorted) {
      if (!isHonour(x.type)) continue;
      const s = sentenceContaining(this.doc, x.m.start)!;
      const sentence = this.text.slice(s.start, s.end);
      if (!/(授予|表彰|获评|命名|评为|获得|荣获|被评为|揭晓|公布)/.test(sentence)) continue;
      const year = x.m.year ?? (/(授予|表彰|命名|揭晓|公布)/.test(sentence) ? yearIn(sentence, undefined) : undefined);
      if (year !== undefined) years.set(`${storyStart(this.doc, s.start)}|${x.name}`, year);
    }
    for (const r of this.relations) {
      if ((r.type !== 'HOLDS_TITLE' && r.type !== 'RECEIVED') || r.year !== undefined) continue;
      const at = this.doc.sentences[r.sentence]!.start;
      r.year = years.get(`${storyStart(this.doc, at)}|${r.to}`);
      if (r.year === undefined) delete r.year;
    }
  }

  /**
   * When the story names the body that conferred an honour, the people it
   * says received that honour were honoured by that body.
   */
  honouredThroughConferral(): void {
    const storyOf = (si: number) => storyStart(this.doc, this.doc.sentences[si]!.start);
    for (const c of this.relations.filter((r) => r.type === 'CONFERRED_BY')) {
      const story = storyOf(c.sentence);
      const body = this.doc.entities.find((e) => e.name === c.to && isBody(e.type));
      if (!body) continue;
      // The conferral's year: written with the honour in its sentence, else the article's.
      const cs = this.doc.sentences[c.sentence]!;
      const year = yearIn(this.text.slice(cs.start, cs.end), this.doc.setting.year) ?? this.doc.setting.year;
      for (const h of this.relations.filter((r) => (r.type === 'HOLDS_TITLE' || r.type === 'RECEIVED') && r.to === c.from && storyOf(r.sentence) === story)) {
        h.year ??= year;
        this.add('HONOURED_BY', { name: h.from, type: 'Person' }, body, h.sentence, 'through-conferral', { year: h.year });
      }
    }
  }
}

/** What may come before a body that is the subject of its clause: time words, 由/经, a dateline. */
const SUBJECT_LEAD = /^(本报讯|[（(][^）)]*[）)]|近日|日前|昨天|今天|昨日|今日|此前|随后|同时|目前|今年|去年|当天|\d{4}年|\d{1,2}月\d{1,2}日|\d{1,2}月|“五一”前夕|五一前夕|前夕|期间|上午|下午|[，、\s])*(由|经)?$/;

/** Start of the clause containing `at`: after the last ，。；：！？ before it. */
function clauseStartBefore(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) if (/[，。；：！？]/.test(text[i]!)) return i + 1;
  return floor;
}

/** End of the clause starting at `from`: the next ，。； outside 《》 and quotes. */
function clauseEnd(text: string, from: number, limit: number): number {
  let depth = 0;
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (ch === '《' || ch === '“') depth++;
    else if ((ch === '》' || ch === '”') && depth > 0) depth--;
    else if (depth === 0 && /[，。；！？]/.test(ch)) return i;
  }
  return limit;
}

function definedOnly(x: { year?: number; position?: string }): { year?: number; position?: string } {
  return { ...(x.year !== undefined ? { year: x.year } : {}), ...(x.position ? { position: x.position } : {}) };
}

function isBody(t: EntityType): boolean {
  return t === 'Organization' || t === 'Union' || t === 'Company';
}

function isHonour(t: EntityType): boolean {
  return t === 'Title' || t === 'Award';
}

/** 今年 / 去年 / 2019年 in a clause, resolved against the article's year. */
/** The year the last time expression of a clause gives (2019年, 今年, 去年, 前年), against the article's year. */
function yearIn(s: string, articleYear: number | undefined): number | undefined {
  let year: number | undefined;
  for (const m of s.matchAll(/((?:19|20)\d{2})\s*年(?!代)|今年|本年度|本届|去年|前年/g)) {
    if (m[1]) year = Number(m[1]);
    else if (articleYear !== undefined) year = m[0] === '去年' ? articleYear - 1 : m[0] === '前年' ? articleYear - 2 : articleYear;
  }
  return year;
}

function isHeadlineByline(doc: Doc, s: Sentence, p: EntityMention): boolean {
  return p.start === s.start && doc.text[p.end + noteAfter(doc.text, p.end)] === ' ';
}

/** 国家主席 names its own office; 市长 the 市政府. */
function standaloneOffice(text: string, item: Item): boolean {
  const office = text.slice(item.office!.start, item.office!.end);
  return /^国家/.test(office) || !!lexicon().officeOf[office];
}

function impliedBody(doc: Doc, office: { start: number; end: number }): { name: string; type: EntityType } | undefined {
  const word = doc.text.slice(office.start, office.end);
  const body = lexicon().officeOf[word];
  if (!body) return undefined;
  const place = placeFor(doc, body[0]!, office.start);
  if (!place) return undefined;
  const name = `${place}${body.slice(1)}`;
  const known = doc.entities.find((e) => e.type === 'Organization' && (e.name === name || e.name === name.replace('政府', '人民政府') || e.name.replace('人民政府', '政府') === name));
  return { name: known?.name ?? name, type: 'Organization' };
}

const FULL_COLON = 0xff1a; // ：
const FULL_SEMICOLON = 0xff1b; // ；

/**
 * The appositive chain in front of a person, nearest link first in the
 * returned order reversed (so the result reads left to right).
 */
function leftChain(ctx: Context, s: Sentence, p: EntityMention, people: EntityMention[]): Item[] {
  const text = ctx.doc.text;
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
    const item = itemEndingAt(ctx, pos, floor);
    if (!item) break;
    items.unshift(item);
    pos = item.start;
    if (text[pos - 1] === '、' || (text[pos - 1] === '，' && item.kind === 'org')) {
      const prev = itemEndingAt(ctx, pos - 1, floor);
      // Across 、 a body needs its office: a bare body there is a list of places (走进X中心、Y工作室).
      if (!prev || (prev.kind === 'org' && !prev.office)) break;
      pos -= 1;
      continue;
    }
    // 获得四川省五一劳动奖章的|ORG POS NAME, 同获“天府工匠”命名的|ORG POS NAME: a relative clause naming the honour.
    if (text[pos - 1] === '的') {
      const relative = relativeHonour(ctx, pos - 1, floor);
      if (relative) items.unshift(relative);
      break;
    }
    // Links can also touch: 北汽福田全国劳模艾建龙.
    if (!itemEndingAt(ctx, pos, floor)) break;
  }
  return items;
}

/** An honour in a relative clause ending at `at` (before 的): 获得H / 同获H命名 / 同样获评H. */
function relativeHonour(ctx: Context, at: number, floor: number): Item | undefined {
  const text = ctx.doc.text;
  const tail = /(命名|称号|荣誉称号|荣誉)?[”’」]?$/.exec(text.slice(Math.max(floor, at - 6), at))![0];
  const h = ctx.honourEndingAt(at - tail.length, floor);
  if (!h) return undefined;
  const lead = text.slice(Math.max(floor, h.start - 8), h.start);
  if (!/(获得|获评|荣获|同获|同样获评|被评为|被授予|入选|当选)(了)?(今年的?|本年度|首届|第.届)?[“‘「]?$/.test(lead)) return undefined;
  return { kind: 'honour', start: h.start, end: at, mention: h, relative: true };
}

/** The employer a chain after a name opens with, and the offices that continue it (…班长、高级技师). */
function employerAfter(chain: Item[]): Item[] {
  const lead: Item[] = [];
  for (const x of chain) {
    if (lead.length === 0 ? x.kind !== 'org' : x.kind !== 'office') break;
    lead.push(x);
  }
  return lead;
}

/** The chain after a headline byline: "彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师". */
function rightChain(ctx: Context, s: Sentence, p: EntityMention): Item[] {
  const text = ctx.doc.text;
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
    const item = itemEndingAt(ctx, seg.end, seg.start);
    if (!item || item.start > seg.start + 8) break;
    // A segment can hold an honour and a body: the peeled links, left to right.
    const inner: Item[] = [item];
    for (let pos = item.start; pos > seg.start; ) {
      const more = itemEndingAt(ctx, pos, seg.start);
      if (!more) break;
      inner.unshift(more);
      pos = more.start;
    }
    items.push(...inner);
  }
  return items;
}

/** One link of an appositive chain ending at `pos`: an honour, a body with its office, or a bare office. */
function itemEndingAt(ctx: Context, pos: number, floor: number): Item | undefined {
  const text = ctx.doc.text;
  const lx = lexicon();
  // An honour, possibly followed by 代表 / 获得者 and led by 百岁 / 首届 / a year.
  for (const tail of ['代表', '获得者', '荣誉称号', '称号', '']) {
    if (tail && !text.startsWith(tail, pos - tail.length)) continue;
    let end = pos - tail.length;
    while (/[”’」』]/.test(text[end - 1] ?? '')) end--;
    const h = ctx.honourEndingAt(end, floor);
    if (h) {
      const lead = HONOUR_LEAD.exec(text.slice(Math.max(floor, h.start - 12), h.start));
      return { kind: 'honour', start: h.start - (lead?.[0].length ?? 0), end: pos, mention: h, representative: tail === '代表' };
    }
  }
  // A body followed by its office: 朝阳区人大常委会党组副书记, 交控科技轨道交通国家工程实验室主任.
  const office = officeEndingAt(text, pos, floor, (at) => ctx.bodyEndingAt(at, floor).length > 0);
  const bodyEnd = office ? office.start : pos;
  const bodies = ctx.bodyEndingAt(bodyEnd, floor).concat(office ? bodiesBefore(ctx, office.start, pos, floor) : []);
  if (bodies.length) {
    const body = employer(ctx, bodies);
    // After a short form in brackets (…公司（华芯半导体）工程师) the office starts past the bracket.
    let officeStart = body.end;
    while (officeStart < pos && /[”」’）)]/.test(text[officeStart]!)) officeStart++;
    return { kind: 'org', start: body.start, end: pos, mention: body, office: office || officeStart < pos ? { start: officeStart, end: pos } : undefined };
  }
  // 公司首席技师: a bare 公司/该公司/本单位 stands for the story's company named before.
  const bare = /(该公司|本公司|公司|该企业|企业|本单位|单位)$/.exec(text.slice(Math.max(floor, (office?.start ?? pos) - 3), office?.start ?? pos));
  if (bare && office) {
    const at = office.start - bare[0].length;
    const story = storyStart(ctx.doc, at);
    const company = ctx.lastEntryBefore(at, ({ m }) => m.type === 'Company' && m.cue !== 'short-form', story)?.m;
    if (company) return { kind: 'org', start: at, end: pos, mention: company, office };
  }
  if (office) return { kind: 'office', start: office.start, end: pos, office };
  void lx;
  return undefined;
}

/** Bodies that end inside an office phrase (the phrase names a unit of the body: 政府网站建设处处长). */
function bodiesBefore(ctx: Context, officeStart: number, pos: number, floor: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let at = officeStart - 1; at > Math.max(floor, officeStart - 16); at--) {
    const found = ctx.bodyEndingAt(at, floor);
    if (found.length) {
      // Only when what lies between is a department-like phrase with no punctuation.
      if (!/[，。、；：“”\s]/.test(ctx.doc.text.slice(at, pos))) out.push(...found);
      break;
    }
  }
  return out;
}

/**
 * Of the bodies ending at one place, the employer: a company named at the
 * start (交控科技 of 交控科技轨道交通国家工程实验室) or the longest name.
 */
function employer(ctx: Context, bodies: EntityMention[]): EntityMention {
  const longest = [...bodies].sort((a, b) => b.end - b.start - (a.end - a.start))[0]!;
  const heads = ctx.mentionsIn(longest).filter((m) => m.cue === 'head' && m.start === longest.start && m.end < longest.end);
  // A company's plant or lab is part of the position: the employer is the legal entity (…有限公司|炼钢厂).
  const legal = heads.find((h) => h.type === 'Company' && /(公司|集团)$/.test(h.name));
  // …but a branch or subsidiary company (…钢结构分公司) is the employer itself.
  if (legal && longest.type === 'Company' && !/(公司|银行|分行|支行)$/.test(longest.name)) return legal;
  const company = heads.find((h) => h.type === 'Company');
  if (company && longest.type !== 'Company' && longest.type !== 'Union') return company;
  const lx = lexicon();
  if (lx.internalUnits.endingAt(ctx.doc.text, longest.end) && heads.length) return heads.sort((a, b) => b.end - a.end)[0]!;
  return longest;
}

/** An office phrase ending at `pos`: offices and the units before them (党组副书记, 政府网站建设处处长). */
function officeEndingAt(text: string, pos: number, floor: number, bodyEndsAt: (at: number) => boolean): { start: number; end: number } | undefined {
  const lx = lexicon();
  const last = lx.positions.endingAt(text, pos) ?? roleEndingAt(text, pos, floor, bodyEndsAt);
  if (!last) return undefined;
  let start = pos - last.length;
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
  return start >= floor ? { start, end: pos } : undefined;
}

/**
 * A job no lexicon lists, known by its form and place: the two to four
 * characters between a body's name and a person that end like a job (…工,
 * …员, …长, …师, …手): 熔炼工, 选矿工, 炉长.
 */
function roleEndingAt(text: string, pos: number, floor: number, bodyEndsAt: (at: number) => boolean): string | undefined {
  if (!/[工员长师手]/.test(text[pos - 1] ?? '')) return undefined;
  for (const n of [2, 3, 4]) {
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
const ROLE_WORDS_NOT = /(成长|增长|延长|擅长|生长|成员|动员|人员|官员|施工|加工|开工|竣工|复工|用工|分工|手工|着手|联手|携手|对手|入手)$/;

export function relationEnds(doc: Doc, r: DocRelation): { fromType: EntityType; toType: EntityType } {
  const type = (name: string, allowed: readonly EntityType[]) => doc.entities.find((e) => e.name === name && allowed.includes(e.type))?.type;
  const spec = { HOLDS_TITLE: [['Person'], ['Title']], RECEIVED: [['Person'], ['Award']], WORKS_FOR: [['Person'], ['Organization', 'Union', 'Company']], HONOURED_BY: [['Person'], ['Organization', 'Union', 'Company']], CONFERRED_BY: [['Title', 'Award'], ['Organization', 'Union', 'Company']] } as const;
  const [from, to] = spec[r.type];
  return { fromType: type(r.from, from) ?? from[0], toType: type(r.to, to) ?? to[0] };
}

export type { HonourMention };
