/**
 * Organisations, unions and companies, found by how their names end
 * (有限公司, 总工会, 人大常委会, 学院 …): from each ending the name's left
 * boundary is found by walking back over jieba's words while they can be
 * part of a name. A name must carry something proper (a place, an unknown
 * word, a rare word), so 创新工作室 or 各级工会 are not organisations.
 */
import type { EntityType } from '../../domain/model.js';
import type { Doc, EntityMention, Token } from '../document.js';
import { lexicon, type Lexicon } from '../lexicon.js';
import { isHan, type TokenIndex } from '../text.js';

/** Tags of words that never belong to a name (verbs, prepositions, particles …). */
const STOP_TAGS = new Set(['l', 'i', 'v', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'rr', 'rz', 'd', 'y', 'e', 'o', 'q', 'f', 'zg', 'ad', 'an']);
/** Words that may sit inside a name despite their tag. */
const NAME_CONNECTORS = new Set(['附属', '国家', '职业', '技术', '管理', '服务', '发展', '建设', '研究', '设计', '运行', '控制', '预防', '教育']);
/** Words that end a name on the left despite a noun tag. */
const LEFT_STOPS = new Set(['领导', '代表', '同志', '职工', '全体', '广大', '以及', '其中', '目前', '近日', '日前', '今年', '去年', '同时', '此外', '下属', '所属', '直属', '旗下', '联合', '携手', '牵头', '本报讯', '本报', '记者', '通讯员', '讯']);
/** Bare administrative prefixes resolved later from context (市委 → 北京市委). */
export const PLACE_PREFIXES = ['省', '市', '区', '县', '州', '镇', '乡'];
const COMMON_FREQ = 300;

export interface OrgMention extends EntityMention {
  /** Offset where the name part ends and the suffix begins. */
  suffixStart: number;
  /** Leading bare 省/市/区… to resolve against the setting. */
  placePrefix?: string;
}

export function recogniseOrganisations(doc: Doc, toks: TokenIndex): OrgMention[] {
  const lx = lexicon();
  const text = doc.text;
  const found: OrgMention[] = [];
  found.push(...nationalBodies(doc));
  for (let e = 1; e <= text.length; e++) {
    const suffix = lx.orgSuffixes.endingAt(text, e);
    if (!suffix) continue;
    const m = orgEndingAt(doc, toks, lx, suffix, e);
    if (m) found.push(m);
  }
  return [...maximal(found, doc, toks, lx), ...shortForms(doc, found)];
}

function nationalBodies(doc: Doc): OrgMention[] {
  const out: OrgMention[] = [];
  for (const body of lexicon().national) {
    for (const form of [body.name, ...body.aliases]) {
      for (let i = doc.text.indexOf(form); i >= 0; i = doc.text.indexOf(form, i + form.length)) {
        out.push({ start: i, end: i + form.length, type: body.type, name: body.name, cue: 'national', suffixStart: i + form.length });
      }
    }
  }
  return out;
}

function commonWord(lx: Lexicon, w: string): boolean {
  const entry = lx.word(w);
  return !!entry && entry.freq >= COMMON_FREQ && !/^(ns|nt|nz|nr|nrt|nrfg|j|eng)$/.test(entry.tag);
}

/** Whether a jieba word can be part of an organisation's name. */
function nameToken(t: Token, lx: Lexicon): boolean {
  if (!/^[\u3400-\u9fffA-Za-z0-9]+$/.test(t.word)) return false;
  if (LEFT_STOPS.has(t.word) || lx.positions.has(t.word) || lx.bylines.has(t.word)) return false;
  if (lx.genericModifiers.has(t.word)) return false;
  if (NAME_CONNECTORS.has(t.word)) return true;
  if (/^\d+$/.test(t.word)) return true;
  if (/^[年月日]$/.test(t.word) || /\d+年/.test(t.word)) return false;
  return !STOP_TAGS.has(t.tag) || !lx.word(t.word);
}

/** A word that shows the name is a proper name, not a generic phrase. */
function properToken(t: Token, lx: Lexicon): boolean {
  if (/[A-Za-z0-9]/.test(t.word)) return true;
  if (lx.provinceByForm.has(t.word) || lx.cityProvince.has(t.word.replace(/市$/, ''))) return true;
  if (/^[\u3400-\u9fff]{1,4}[区县镇乡]$/.test(t.word) && t.word.length >= 3) return true;
  if (/^(ns|nt|nz|nr|nrt|nrfg|j)$/.test(t.tag)) return !honourWord(t.word, lx);
  const entry = lx.word(t.word);
  if (!entry) return t.word.length >= 2 || !STOP_TAGS.has(t.tag);
  return entry.freq < COMMON_FREQ && !honourWord(t.word, lx) && t.word.length >= 2;
}

function honourWord(w: string, lx: Lexicon): boolean {
  return lx.scoped.some((h) => h.core === w || h.aliases.includes(w)) || w === '工匠' || w === '劳模';
}

function orgEndingAt(doc: Doc, toks: TokenIndex, lx: Lexicon, suffix: string, e: number): OrgMention | undefined {
  const text = doc.text;
  const s = e - suffix.length;
  // The suffix must end a word: 中心任务 is not an organisation.
  const last = toks.at(e - 1);
  if (last && last.end > e && !lx.orgSuffixes.has(last.word)) return undefined;
  // A one-character suffix must be its own word or end an organisation-like word.
  const host = toks.at(s);
  if (host && host.start < s) {
    const w = text.slice(host.start, e);
    const orgWord = lx.units.has(w) || lx.partyCommittees.has(w) || lx.orgSuffixes.has(w);
    if (!orgWord && suffix.length === 1 && commonWord(lx, host.word)) return undefined;
  }
  let left = host && host.start < s && !lx.orgSuffixes.has(text.slice(host.start, e)) ? host.start : s;
  // Walk left over name words, and over short parentheticals inside names: 阿里巴巴（中国）有限公司.
  for (;;) {
    if (text[left - 1] === '）') {
      const open = text.lastIndexOf('（', left - 1);
      const inner = open >= 0 ? text.slice(open + 1, left - 1) : '';
      if (open >= 0 && left - open <= 7 && /^[\u3400-\u9fff]{1,5}$/.test(inner) && isHan(text[open - 1])) {
        left = open;
        continue;
      }
      break;
    }
    const t = toks.endsAt(left);
    if (!t || !nameToken(t, lx)) break;
    left = t.start;
  }
  if (left >= s) {
    return undefined;
  }
  const namePart = text.slice(left, s);
  const tokensIn = doc.tokens.filter((t) => t.start >= left && t.end <= s);
  let placePrefix: string | undefined;
  if (tokensIn[0] && PLACE_PREFIXES.includes(tokensIn[0].word)) placePrefix = tokensIn[0].word;
  if (lx.genericModifiers.startingAt(namePart, 0) && !placePrefix) return undefined;
  const rest = placePrefix ? tokensIn.slice(1) : tokensIn;
  const proper = rest.some((t) => properToken(t, lx)) || lx.partyCommittees.has(text.slice(left, e));
  if (!proper && !(placePrefix && rest.length <= 4)) return undefined;
  if (lx.genericNames.has(text.slice(left, e))) return undefined;
  // 丰台工会系统, 工会工作: a place and 工会 naming a system or a kind of work, not a body.
  if (/^(系统|工作)/.test(text.slice(e, e + 2)) && rest.length <= 1) return undefined;
  let end = e;
  // A short parenthetical right after the ending belongs to the name: 航天六院11所（京）.
  const tail = /^（[\u3400-\u9fff]{1,3}）/.exec(text.slice(e, e + 6));
  if (tail && !/简称/.test(tail[0])) end = e + tail[0].length;
  const type = lx.orgSuffixType.get(suffix) as EntityType;
  return { start: left, end, type, name: text.slice(left, end), cue: 'suffix', suffixStart: s, placePrefix };
}

/**
 * Keeps the longest names; of a name made of a body and its department
 * (北京市总工会女职工部, 恒丰银行北京分行工会) the body is kept too.
 */
function maximal(found: OrgMention[], doc: Doc, toks: TokenIndex, lx: Lexicon): OrgMention[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgMention[] = [];
  for (const m of sorted) {
    const outer = kept.find((k) => k.start <= m.start && m.end <= k.end);
    if (!outer) {
      if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
      continue;
    }
    // An inner name starting where the outer one starts is the body the outer
    // belongs to (恒丰银行北京分行 of its 工会), unless the rest is only a legal
    // form (…中心有限公司) or a fragment (人大常委|会).
    const rest = outer.name.slice(m.end - m.start);
    const isBody = rest.length >= 2 && !LEGAL_FORM_ONLY.test(rest.replace(/（[^）]*）$/, '')) || /^(直属|下属|所属)?(工会|总工会)/.test(rest);
    if (m.start === outer.start && m.cue !== 'national' && isBody && toks.boundary(m.end)) kept.push({ ...m, cue: 'head' });
    else if (m.cue === 'national' && m.start > outer.start && outer.type === 'Union') kept.push(m);
  }
  for (const m of kept) {
    // A department of a body is of the body's type: 北京市总工会女职工部 is a Union.
    const unit = lx.units.endingAt(doc.text, m.end);
    if (unit && m.type === 'Organization') {
      const head = kept.find((k) => k.start === m.start && k.end === m.end - unit.length);
      if (head) m.type = head.type;
    }
    // 直属/下属 before 工会 qualify the union, they do not start a new body.
    const union = /(直属|下属|所属)?(工会联合会|工会委员会|总工会|工会)$/.exec(m.name);
    if (union?.[1] && m.type === 'Union') {
      const bodyEnd = m.end - union[0].length;
      const head = kept.find((k) => k.start === m.start && k.end === bodyEnd);
      if (!head) {
        const inner = found.find((f) => f.start === m.start && f.end === bodyEnd);
        if (inner) kept.push({ ...inner, cue: 'head' });
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

const LEGAL_FORM = '(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|公司)';
const LEGAL_FORM_ONLY = new RegExp(`^${LEGAL_FORM}$`);
const LEGAL_FORM_END = new RegExp(`${LEGAL_FORM}$`);

/**
 * Short forms a document uses for a company it also names in full: an
 * explicit 简称 ("X（简称“Y”）"), or the start of the name without its place
 * and legal form (汉王科技 for 汉王科技股份有限公司, 京东 for
 * 北京京东世纪贸易有限公司).
 */
function shortForms(doc: Doc, found: OrgMention[]): OrgMention[] {
  const lx = lexicon();
  const text = doc.text;
  const out: OrgMention[] = [];
  const full = found.filter((m) => m.cue === 'suffix' || m.cue === 'national');
  const covered = (i: number, n: number) => found.some((f) => f.start <= i && i + n <= f.end);
  const addAll = (short: string, of: OrgMention, cue: string) => {
    for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + short.length)) {
      if (!covered(i, short.length) && !out.some((o) => o.start === i)) {
        out.push({ start: i, end: i + short.length, type: of.type, name: short, aliasOf: of.name, cue, suffixStart: i + short.length });
      }
    }
  };
  for (const m of full) {
    const explicit = /^（(?:以下)?简称[“"「]?([^”"」）]{2,12})[”"」]?）/.exec(text.slice(m.end, m.end + 20));
    if (explicit) {
      addAll(explicit[1]!, m, 'abbreviation');
      continue;
    }
    if (m.type !== 'Company') continue;
    let core = m.name.replace(LEGAL_FORM_END, '');
    for (const p of lx.provinces) {
      const form = [p.name, ...p.short].find((f) => f.length >= 2 && core.startsWith(f));
      if (form && core.length - form.length >= 2) {
        core = core.slice(form.length);
        break;
      }
    }
    if (core.length < 2 || core === m.name) continue;
    // Every place the core's first two characters occur, take the longest shared start.
    const head = core.slice(0, 2);
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
      if (covered(i, 2)) continue;
      let n = 2;
      while (n < core.length && text[i + n] === core[n]) n++;
      const short = text.slice(i, i + n);
      if (lx.word(short) && commonWord(lx, short) && n < core.length) continue;
      if (!out.some((o) => o.start === i)) {
        out.push({ start: i, end: i + n, type: m.type, name: short, aliasOf: m.name, cue: 'short-form', suffixStart: i + n });
      }
    }
  }
  return out;
}
