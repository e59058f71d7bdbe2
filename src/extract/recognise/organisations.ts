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
import { shortGovernments } from './bodies/governments.js';
import { listRowEmployers } from './bodies/list-rows.js';
import { bylineMedia, datelineMedia, knownMedia, sourceLineMedia } from './bodies/media.js';
import { numberedSchools } from './bodies/schools.js';

/** Tags of words that never belong to a name (verbs, prepositions, particles …). */
const STOP_TAGS = new Set(['k', 'l', 'i', 'v', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'rr', 'rz', 'd', 'y', 'e', 'o', 'q', 'f', 'zg', 'ad', 'an']);
/**
 * Verbs that end a name on the left. Other verbs may sit inside a name
 * (郑州中原客车制造有限公司, 香港捷通铁路维修有限公司), but not at its start.
 */
const STOP_VERBS = new Set(['扎根', '走向', '来自', '走进', '参观', '举办', '召开', '举行', '加入', '进入', '签署', '发布', '印发', '成立', '组织', '带领', '推动', '获得', '荣获', '担任', '就职', '任职', '感谢', '邀请', '看望', '慰问', '走访', '表彰', '授予', '包括', '分别', '来到', '深入', '前往', '回到', '成为', '作为', '通过', '依托', '围绕', '参加', '出席', '会见', '调研', '考察', '协调', '推荐', '入选', '获评', '命名', '认定', '评选', '建立', '打造', '开展', '实施', '落实', '贯彻', '学习', '宣讲', '服务于', '供职于', '就业', '工作', '负责', '牵头', '主持', '讲话', '表示', '指出', '强调', '要求']);
/** Words that may sit inside a name despite their tag. */
const NAME_CONNECTORS = new Set(['附属', '卫生', '健康', '自来水', '国家', '职业', '技术', '管理', '服务', '发展', '建设', '研究', '设计', '运行', '控制', '预防', '教育', '工业']);
/** Words that end a name on the left despite a noun tag. */
const LEFT_STOPS = new Set(['领导', '代表', '同志', '全体', '广大', '以及', '其中', '目前', '近日', '日前', '正在', '今年', '去年', '昨天', '今天', '昨日', '今日', '当天', '当日', '前夕', '期间', '此前', '随后', '近年来', '近期', '同时', '此外', '下属', '所属', '旗下', '联合', '携手', '牵头', '本报讯', '本报', '版权', '记者', '通讯员', '讯', '会同', '协同', '主办', '承办', '协办', '指导', '支持']);
/** One-character words that never start or continue a name, whatever jieba tags them. */
const FUNCTION_CHARS = /^[是在到从由暨向对为把被让给和与及或并而也都均属就又还将已曾的了着过于以等之其这那各每该本此来去赴进入出据至跟年月日]$/;
/**
 * Prepositions and verbs that never start a name (经|中华全国总工会, 获省|总工会)
 * but may end a word jieba glued to a name's start (省经|信厅 is 省 + 经信厅).
 */
const LEADING_CHARS = /^[经获受据]$/;
/** A group of newspapers, broadcasters or publishers. */
const MEDIA_GROUP = /(报业|传媒|广电|广播电视|出版)[\u4e00-\u9fff]{0,4}集团$/;
/** Suffixes that follow only a place: 北京市人民政府, 朝阳区人大常委会. */
const PLACE_ONLY_SUFFIXES = new Set(['人民政府', '政府', '人大常委会', '常委会', '人大', '政协']);
/** After these a name is used generically: 工会工作, 工会系统, 工会大思政课. */
const GENERIC_FOLLOWERS = /^(工作|系统|组织|干部|事业|会员|经费|维权|大思政课|改革|力量)/;
/** Bare administrative prefixes resolved later from context (市委 → 北京市委). */
export const PLACE_PREFIXES = ['自治区', '省', '市', '区', '县', '州', '镇', '乡'];
const COMMON_FREQ = 300;

export interface OrgMention extends EntityMention {
  /** Offset where the name part ends and the suffix begins. */
  suffixStart: number;
  /** Leading bare 省/市/区… to resolve against the setting. */
  placePrefix?: string;
}

/** A way of finding bodies: each gives mentions; `maximal` then keeps the longest of overlapping names. */
export type OrgFinder = (doc: Doc, toks: TokenIndex) => OrgMention[];

/** The finders, in order (earlier mentions win ties between names of one length and start). */
export const ORG_FINDERS: readonly OrgFinder[] = [
  nationalBodies, // 中华全国总工会, 全总, 人社部: the national bodies of the lexicon
  suffixNames, // …有限公司, …总工会, …人大常委会, …日报: from the ending back to where the name starts
  knownMedia, // 人民网, 中工网, 光明日报: the national media of the lexicon, as whole words
  sourceLineMedia, // 来源：江州网-九江日报, 稿源:江州云
  datelineMedia, // 江州网九江5月3日电, 江州日报讯 at the start of a line
  bylineMedia, // 江州日报记者, 据九江晚报消息, 【江州新闻报道】
  numberedSchools, // 江州区一中, 九江县二中
  shortGovernments, // 縣府, 南投縣府, 苗縣府: a county's or city's 政府 written short
  listRowEmployers, // 张三（恒岳米业）, 李四　江州市恒岳企业管理咨询服务有限公司: the employer cell of a list row
  groupPapers, // 江州日报报业集团农村报: a paper named after the press group that publishes it
];

export function recogniseOrganisations(doc: Doc, toks: TokenIndex, finders: readonly OrgFinder[] = ORG_FINDERS): OrgMention[] {
  const lx = lexicon();
  const found = finders.flatMap((find) => find(doc, toks));
  const kept = maximal(found, doc, toks, lx);
  const shorts = shortForms(doc, kept);
  // A name written as the 简称 of another ("市人社局" in "…（简称“市人社局”）") is that body's alias, not a body of its own.
  const aliasSpans = shorts.filter((m) => m.cue === 'abbreviation');
  return [...kept.filter((m) => !aliasSpans.some((a) => a.start <= m.start && m.end <= a.end)), ...shorts];
}

/** Every name that ends like a body's (有限公司, 总工会, 学院 …), walked back to where it starts. */
export function suffixNames(doc: Doc, toks: TokenIndex): OrgMention[] {
  const lx = lexicon();
  const text = doc.text;
  const found: OrgMention[] = [];
  for (let e = 1; e <= text.length; e++) {
    const suffix = lx.orgSuffixes.endingAt(text, e);
    if (!suffix) continue;
    const m = orgEndingAt(doc, toks, lx, suffix, e);
    if (m) found.push(m);
  }
  return found;
}

/** A press group's paper: …报业集团 + a short name ending in 报, then what follows a name (not 报道, 报告). */
const GROUP_PAPER = /(?:报业|传媒)集团([\u4e00-\u9fff]{1,4}?报)(?=[^\u4e00-\u9fff]|联合|共同|主办|和|与|及|等|记者|讯|的|发布|公布)/g;

/** 江州日报报业集团农村报: the press group's name walked back as suffixNames would, and its paper after it. */
export function groupPapers(doc: Doc, toks: TokenIndex): OrgMention[] {
  const lx = lexicon();
  const out: OrgMention[] = [];
  for (const m of doc.text.matchAll(GROUP_PAPER)) {
    const end = m.index + m[0].length;
    const group = orgEndingAt(doc, toks, lx, '集团', end - m[1]!.length);
    if (group) out.push({ ...group, end, name: doc.text.slice(group.start, end), cue: 'media:group-paper', suffixStart: end - 1 });
  }
  return out;
}

/**
 * Every occurrence of a national body's name or alias (each form's
 * occurrences not overlapping one another), in lexicon order: body, form,
 * position. One pass over the text, trying only the forms that start with
 * the character at hand.
 */
export function nationalBodies(doc: Doc): OrgMention[] {
  const text = doc.text;
  const { forms, firsts, byFirst } = nationalForms(lexicon());
  const nextFree = new Int32Array(forms.length);
  const found: { form: number; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!firsts[text.charCodeAt(i)]) continue;
    const candidates = byFirst.get(text.charCodeAt(i))!;
    for (const f of candidates) {
      if (i >= nextFree[f]! && text.startsWith(forms[f]!.form, i)) {
        found.push({ form: f, at: i });
        nextFree[f] = i + forms[f]!.form.length;
      }
    }
  }
  found.sort((a, b) => a.form - b.form || a.at - b.at);
  return found.map(({ form, at }) => {
    const { body, form: surface } = forms[form]!;
    return { start: at, end: at + surface.length, type: body.type, name: body.name, cue: 'national', suffixStart: at + surface.length };
  });
}

type NationalBody = Lexicon['national'][number];
interface NationalForms {
  forms: { body: NationalBody; form: string }[];
  /** 1 for a code unit some form starts with. */
  firsts: Uint8Array;
  byFirst: Map<number, number[]>;
}
const nationalFormsOf = new WeakMap<Lexicon, NationalForms>();

/** The national bodies' forms in lexicon order, and their indexes by first code unit. */
function nationalForms(lx: Lexicon): NationalForms {
  let cached = nationalFormsOf.get(lx);
  if (!cached) {
    const forms = lx.national.flatMap((body) => [body.name, ...body.aliases].map((form) => ({ body, form })));
    const firsts = new Uint8Array(0x10000);
    const byFirst = new Map<number, number[]>();
    forms.forEach(({ form }, f) => {
      const first = form.charCodeAt(0);
      firsts[first] = 1;
      byFirst.set(first, [...(byFirst.get(first) ?? []), f]);
    });
    nationalFormsOf.set(lx, (cached = { forms, firsts, byFirst }));
  }
  return cached;
}

/**
 * 劳工及福利局, 民政及青年事务局: a bureau named by two portfolios joined by 及
 * (Hong Kong and Macau write them so). The word before 及 starts the name
 * when nothing that belongs to a name comes before it, and it is not a
 * body's name itself (某局及某局 are two bodies).
 */
function coordinatedBureau(t: Token, toks: TokenIndex, lx: Lexicon, suffix: string, pieces: { start: number; word: string; tag: string }[]): { start: number; word: string; tag: string } | undefined {
  if (t.word !== '及' || !/(局|署|处|委员会)$/.test(suffix) || pieces.length > 2) return undefined;
  const first = toks.endsAt(t.start);
  if (!first || !/^[\u4e00-\u9fff]{2,3}$/.test(first.word) || lx.orgSuffixes.endingAt(first.word, first.word.length) || STOP_VERBS.has(first.word)) return undefined;
  const before = toks.endsAt(first.start);
  if (before && /^[\u4e00-\u9fff]/.test(before.word)) return undefined;
  return { start: first.start, word: first.word, tag: first.tag };
}

/** Joins runs of one-character pieces into one (先|临 → 先临), the unknown word jieba split. */
function mergeSingles(pieces: { start: number; word: string; tag: string }[]): void {
  const han = (w: string) => /^[\u3400-\u9fff]$/.test(w);
  for (let i = 0; i < pieces.length; i++) {
    if (!han(pieces[i]!.word)) continue;
    let j = i + 1;
    while (j < pieces.length && han(pieces[j]!.word)) j++;
    if (j - i >= 2) pieces.splice(i, j - i, { start: pieces[i]!.start, word: pieces.slice(i, j).map((p) => p.word).join(''), tag: 'x' });
  }
}

/** 九江|县|政府: a place name jieba cut from its 县/区/市 is one piece again (九江县), so the name is a place's. */
function joinSplitPlaces(pieces: { start: number; word: string; tag: string }[], lx: Lexicon): void {
  for (let i = pieces.length - 1; i > 0; i--) {
    const prev = pieces[i - 1]!;
    if (!/^[省市区县]$/.test(pieces[i]!.word) || /(省|市|区|县|委|自治州)$/.test(prev.word)) continue;
    // A place jieba knows (九江/ns), or a word it does not know at all that reads as one (江川).
    const known = prev.tag === 'ns' || isPlace(prev.word, lx);
    if (known || (!lx.word(prev.word) && placeNameToken({ ...prev, end: pieces[i]!.start }, lx))) {
      pieces.splice(i - 1, 2, { start: prev.start, word: prev.word + pieces[i]!.word, tag: 'ns' });
    }
  }
}

function commonWord(lx: Lexicon, w: string): boolean {
  const entry = lx.word(w);
  return !!entry && entry.freq >= COMMON_FREQ && !/^(ns|nt|nz|nr|nrt|nrfg|j|eng)$/.test(entry.tag);
}

/**
 * A word that reads as the name of a district, county or city when it stands
 * right before 区/县/市 (即墨区, 宝安区, 张家港市): two to four Han characters,
 * not a function word, verb of the stop list or generic word, and rare enough
 * not to be everyday vocabulary (示范区 is not a district).
 */
export function placeNameToken(t: Token, lx: Lexicon): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(t.word)) return false;
  if (LEFT_STOPS.has(t.word) || STOP_VERBS.has(t.word) || lx.genericModifiers.has(t.word) || lx.positions.has(t.word) || honourWord(t.word, lx)) return false;
  if (NOT_A_PLACE.test(t.word)) return false;
  if (t.tag === 'ns' || isPlace(t.word, lx)) return true;
  const entry = lx.word(t.word);
  return !entry || entry.freq < 1000;
}

/** Words ending like a place that are not one: 城市, 园区, 社区, 全市 … */
export const NOT_A_PLACE = /(城市|全市|本市|各市|该市|超市|股市|楼市|门市|上市|都市|夜市|县市|省市|地区|园区|社区|城区|辖区|全区|本区|各区|该区|景区|小区|街区|片区|市区|郊区|新区|山区|矿区|灾区|库区|牧区|老区|特区|专区|县区|区县|全县|本县|各县|该县|区内)$/;

/** The place a name starts with: 北京市 / 北京 / 苏州 / 浙江省, or undefined. */
function placePrefixOf(name: string, lx: Lexicon): string | undefined {
  for (const len of [5, 4, 3, 2]) {
    const head = name.slice(0, len);
    if (lx.provinceByForm.has(head) || lx.provinceByForm.has(head.replace(/省$/, '')) || lx.cityProvince.has(head.replace(/市$/, ''))) return head;
  }
  return undefined;
}

function isPlace(w: string, lx: Lexicon): boolean {
  return lx.provinceByForm.has(w) || lx.cityProvince.has(w.replace(/市$/, '')) || (/^[\u3400-\u9fff]{2,4}[省市区县镇乡]$/.test(w) && !commonWord(lx, w));
}

/** Whether a jieba word can be part of an organisation's name. */
function nameToken(t: Token, lx: Lexicon, prev: Token | undefined, next: { word: string } | undefined, company: boolean): boolean {
  // 〇 is a digit in names (第一〇三中学).
  if (!/^[\u3400-\u9fffA-Za-z0-9〇]+$/.test(t.word)) return false;
  if (isPlace(t.word, lx)) return true;
  if (LEFT_STOPS.has(t.word) || lx.offices.has(t.word) || lx.bylines.has(t.word)) return false;
  if (lx.genericModifiers.has(t.word)) return false;
  if (NAME_CONNECTORS.has(t.word) || lx.orgSuffixes.has(t.word)) return true;
  // A parent body's last word inside the name (劳动力|发展署|中彰投分署).
  if (t.word.length >= 3 && lx.orgSuffixes.endingAt(t.word, t.word.length) && !lx.genericNames.has(t.word)) return true;
  if (/^\d+$/.test(t.word)) return true;
  // 区镇两级工会, 各级: levels of a system, not a name.
  if (/^[两三四五六七八九多各]级$/.test(t.word)) return false;
  if (t.word.length === 1) {
    if (FUNCTION_CHARS.test(t.word) || LEADING_CHARS.test(t.word)) return false;
    // jieba breaks unknown names into single characters (先/d 临/v, 交/v 控/v): a run of them is a name.
    const single = (w: { word: string } | undefined) => !!w && /^[\u3400-\u9fff]$/.test(w.word) && !FUNCTION_CHARS.test(w.word);
    if (single(prev) || single(next)) return true;
  }
  if (company && (t.tag === 'v' || t.tag === 'vn') && !STOP_VERBS.has(t.word)) return true;
  // 哈尔滨北方重型…有限公司: a two-character direction word inside a company's name.
  if (company && t.tag === 'f' && t.word.length === 2 && !/^(以上|以下|之间|之中|期间|之后|之前|以来|其中|当中)$/.test(t.word)) return true;
  return !STOP_TAGS.has(t.tag) || !lx.word(t.word);
}

/** A piece of a name that shows it is a proper name, not a generic phrase. */
function properPiece(word: string, tag: string, lx: Lexicon): boolean {
  if (/[A-Za-z]{2}|\d/.test(word)) return true;
  if (isPlace(word, lx)) return true;
  if (honourWord(word, lx)) return false;
  if (/^(ns|nt|nz|nr|nrt|nrfg|j)$/.test(tag)) return true;
  const entry = lx.word(word);
  if (!entry) return word.length >= 2;
  return entry.freq < COMMON_FREQ && word.length >= 2;
}

function honourWord(w: string, lx: Lexicon): boolean {
  return lx.scoped.some((h) => h.core === w || h.aliases.includes(w)) || w === '工匠' || w === '劳模';
}

function orgEndingAt(doc: Doc, toks: TokenIndex, lx: Lexicon, suffix: string, e: number): OrgMention | undefined {
  const text = doc.text;
  const s = e - suffix.length;
  // 市委常委 is an office (常委) of 市委, not a body ending in 委.
  const office = lx.offices.endingAt(text, e);
  if (office && office.length > suffix.length) return undefined;
  // The suffix must end a word: 中心任务 is not an organisation (but 市委|书记 glued by jieba is).
  const last = toks.at(e - 1);
  if (last && last.end > e && !lx.orgSuffixes.has(last.word) && !lx.offices.has(text.slice(e, last.end))) return undefined;
  // A word ending in the suffix (展厅, 格局, 上市公司) must itself be an organisation word or a name.
  const host = toks.at(s);
  const hostWord = host && host.start < s ? text.slice(host.start, e) : undefined;
  if (hostWord) {
    const orgWord = lx.units.has(hostWord) || lx.partyCommittees.has(hostWord) || lx.orgSuffixes.has(hostWord);
    // 党委 alone is generic; 集士港镇|党委 is a town's committee.
    if (lx.genericNames.has(hostWord) && !(lx.partyCommittees.has(hostWord) && /[镇乡]$/.test(toks.endsAt(host!.start)?.word ?? ''))) return undefined;
    // 格局, 干部, 展厅 are words; 服务局, 公安厅, 五院 are bodies.
    if (!orgWord && suffix.length === 1 && suffix !== '厂' && hostWord.length <= 2 && lx.word(host!.word) && !/^(nt|ns|nz|j)$/.test(host!.tag)) return undefined;
  }
  // The pieces of the name part: whole words, and the part of a word that runs into the suffix (北京市|总工会).
  const pieces: { start: number; word: string; tag: string }[] = [];
  let left = s;
  if (hostWord && !lx.orgSuffixes.has(hostWord)) {
    left = host!.start;
    pieces.push({ start: left, word: text.slice(left, s), tag: host!.tag });
  }
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
    if (!t) break;
    // jieba glues a function word to a name it does not know: 明是/x 集团 ends the name; 从市/x 总工会 keeps 市.
    if (t.tag === 'x' && t.word.length > 1 && FUNCTION_CHARS.test(t.word[t.word.length - 1]!)) break;
    if (t.tag === 'x' && t.word.length > 1 && (FUNCTION_CHARS.test(t.word[0]!) || LEADING_CHARS.test(t.word[0]!))) {
      pieces.unshift({ start: t.start + 1, word: t.word.slice(1), tag: 'x' });
      left = t.start + 1;
      break;
    }
    if (!nameToken(t, lx, toks.endsAt(t.start), pieces[0], lx.orgSuffixType.get(suffix) === 'Company')) {
      const joined = coordinatedBureau(t, toks, lx, suffix, pieces);
      if (joined) {
        pieces.unshift(joined, { start: t.start, word: t.word, tag: t.tag });
        left = joined.start;
      }
      break;
    }
    pieces.unshift({ start: t.start, word: t.word, tag: t.tag });
    left = t.start;
  }
  mergeSingles(pieces);
  // jieba glues a bare 省/市/区 to the unknown word after it (省经/x 信厅): split it off to be placed.
  const glued = pieces[0];
  if (glued && glued.word.length >= 2 && /^[省市区县]/.test(glued.word) && (glued.tag === 'x' || !lx.word(glued.word)) && !lx.word(glued.word.slice(0, 2)) && !isPlace(glued.word, lx)) {
    pieces.splice(0, 1, { start: glued.start, word: glued.word[0]!, tag: 'n' }, { start: glued.start + 1, word: glued.word.slice(1), tag: 'x' });
  }
  // A verb does not start a name (走进|长三角…中心): drop verbs left of the first name word.
  while (pieces.length > 1 && (pieces[0]!.tag === 'v' || pieces[0]!.tag === 'vd') && !isPlace(pieces[0]!.word, lx) && lx.word(pieces[0]!.word)) {
    pieces.shift();
    left = pieces[0]!.start;
  }
  // Counts and ordinals do not start a name: 100多名专职工会, 一名首钢集团.
  while (pieces.length && /^(\d+|[一二两三四五六七八九十百千万几多]+)(名|个|家|位|批|届|多名|多家|多个)?$|^(\d+|[一二两三四五六七八九十百]+)?(多名|名|个|家|位|批)$/.test(pieces[0]!.word)) {
    pieces.shift();
    left = pieces[0]?.start ?? s;
  }
  mergeSingles(pieces);
  joinSplitPlaces(pieces, lx);
  // A name starts at its place when only common words come before it (a headline run into the name: 精神温州市总工会).
  const anchor = pieces.findIndex((p, i) => i > 0 && (isPlace(p.word, lx) || PLACE_PREFIXES.includes(p.word) || /^[省市区县]委$/.test(p.word)));
  const before = anchor > 0 ? pieces.slice(0, anchor) : [];
  // …or when another body's name ends before the place (市总工会|会同|市人社局).
  // A whole body's name before a national name (全国总工会|中国能源化学地质工会).
  const wholeBody = (p: { word: string }) => p.word.length >= 3 && !!lx.orgSuffixes.endingAt(p.word, p.word.length) && !lx.genericNames.has(p.word);
  const anotherBody = before.some((p, i) => i > 0 && lx.orgSuffixes.has(p.word)) && PLACE_PREFIXES.includes(pieces[anchor]?.word ?? '');
  // …or when a verb comes before it (NAME踏入|安徽…有限公司: the person and the verb are not the company's).
  const verbBefore = before.some((p) => p.tag === 'v' && !!lx.word(p.word));
  if (anchor > 0 && (anotherBody || verbBefore || before.every((p) => !properPiece(p.word, p.tag, lx)))) {
    pieces.splice(0, anchor);
    left = pieces[0]!.start;
  }
  // A national name after a whole body's name starts a body of its own (全国总工会|中国能源化学地质工会).
  const national = pieces.findIndex((p, i) => i > 0 && /^(中国|中华|全国)/.test(p.word) && wholeBody(pieces[i - 1]!));
  if (national > 0) {
    pieces.splice(0, national);
    left = pieces[0]!.start;
  }
  // 即墨|区委, 龙华|区总工会, 协合|乡中心学校: a place name jieba does not know as one, right before a bare 区/县/市/乡/镇.
  const before0 = toks.endsAt(left);
  if (pieces[0] && /^[区县市乡镇]$/.test(pieces[0].word) && before0 && placeNameToken(before0, lx)) {
    pieces.unshift({ start: before0.start, word: before0.word, tag: 'ns' });
    left = before0.start;
  }
  if (left >= s || !pieces.length) return undefined;
  if (insideTitle(text, left, e)) return undefined;
  let placePrefix: string | undefined;
  if (PLACE_PREFIXES.includes(pieces[0]!.word)) placePrefix = pieces[0]!.word;
  // 市委组织部: the committee's bare place is resolved like 市委's.
  else if (/^[省市区县]委$/.test(pieces[0]!.word)) placePrefix = pieces[0]!.word[0];
  if (lx.genericModifiers.startingAt(text, left) && !placePrefix && !isPlace(pieces[0]!.word, lx)) return undefined;
  const rest = placePrefix ? pieces.slice(1) : pieces;
  const name = text.slice(left, e);
  if (lx.genericNames.has(name)) return undefined;
  // A lone character right before the ending is a fragment of a word jieba does not know (劳动|午|报社).
  const lastPiece = rest[rest.length - 1];
  const fragment = !!lastPiece && lastPiece.word.length === 1 && /[\u4e00-\u9fff]/.test(lastPiece.word) && !FUNCTION_CHARS.test(lastPiece.word) && !lx.word(lastPiece.word + suffix[0]);
  // A newspaper's name is a name whatever comes before its ending (民族日报, 南方都市报).
  const newspaper = lx.media.newspapers.has(suffix) && rest.length > 0;
  // A bureau named by two portfolios (民政及青年事务局) is a proper name.
  const coordinated = rest.some((p) => p.word === '及');
  // A key laboratory is named by its field (某某研究国家重点实验室): a name however common its words.
  const keyLaboratory = /重点实验室$/.test(text.slice(left, e)) && rest.length >= 4;
  const proper = newspaper || coordinated || keyLaboratory || rest.some((p) => properPiece(p.word, p.tag, lx)) || lx.partyCommittees.has(name) || (fragment && rest.length >= 2);
  if (!proper && !(placePrefix && rest.length <= 4)) return undefined;
  // A government, people's congress or CPPCC is named by its place only.
  if (PLACE_ONLY_SUFFIXES.has(suffix) && !(placePrefix && rest.length === 0) && !(rest.length && rest.every((p) => isPlace(p.word, lx)))) return undefined;
  // 科技 ends a company's short name (汉王科技), not a phrase (基因科技).
  if (suffix === '科技' && !(rest.length === 1 && rest[0]!.word.length <= 3 && !lx.word(rest[0]!.word))) return undefined;
  // 首都工会工作, 新业态工会工作: a place or a common phrase before 工会工作 is generic.
  // (会员 after another body, or after a union named in several words, is its members: 某促进会会员, 某县中药服务人员职业工会会员.)
  const members = text.startsWith('会员', e) && (!suffix.endsWith('工会') || rest.length >= 3);
  if (!members && GENERIC_FOLLOWERS.test(text.slice(e, e + 4)) && rest.every((p) => isPlace(p.word, lx) || !properPiece(p.word, p.tag, lx) || rest.length === 1)) return undefined;
  // …贡献工会力量, 工会系统: always a phrase.
  if (/^(力量|系统)/.test(text.slice(e, e + 2)) && suffix.endsWith('工会')) return undefined;
  // A 街道 or 社区 is a place unless it acts (泉河街道承办…); its offices and unions have longer names.
  if ((suffix === '街道' || suffix === '社区') && !/^(举办|主办|承办|协办|组织|开展|召开|联合|党工委|工委)/.test(text.slice(e, e + 3))) return undefined;
  // 唐山市总工会第十五届委员会: a session of a body, not another body.
  if (/第[一二三四五六七八九十百\d]+(届|次)/.test(name)) return undefined;
  // 机关干部, 全部, 内部: words, not departments.
  if (suffix === '部' && /(干部|全部|局部|内部|外部|东部|西部|南部|北部|中部|本部)$/.test(text.slice(e - 2, e))) return undefined;
  if (name.replace(/[（）]/g, '').length - suffix.length < 2 && !placePrefix && !lx.partyCommittees.has(name)) return undefined;
  if (NAME_CHECKS.some((check) => !check({ text, name, suffix, start: left, end: e, pieces }, lx))) return undefined;
  let end = e;
  // A short parenthetical right after the ending belongs to the name: 航天六院11所（京）.
  // Not the name's own short form in brackets (香港工会联合会（工联会）): that is an alias.
  // So is the host institution of a laboratory or centre: 某国家重点实验室（江州大学）.
  const hostInstitution = /(实验室|中心)$/.test(suffix) ? /^（([\u3400-\u9fff]{2,10}(?:大学|学院|研究院|研究所|医院))）/.exec(text.slice(e, e + 14)) : null;
  const tail = hostInstitution ?? /^（([\u3400-\u9fff]{1,3})）/.exec(text.slice(e, e + 6));
  if (tail && !/简称/.test(tail[0]) && !abbreviates(tail[1]!, text.slice(left, e))) end = e + tail[0].length;
  // A newspaper or media group is a news organisation, not a company (某报业传媒集团, 某日报报业集团).
  const type = (MEDIA_GROUP.test(text.slice(left, e)) ? 'Organization' : lx.orgSuffixType.get(suffix)) as EntityType;
  return { start: left, end, type, name: text.slice(left, end), cue: 'suffix', suffixStart: s, placePrefix };
}

/**
 * Inside a book title (《首都工匠学院体系建设三年行动方案》) a name is part of the
 * title; but the issuers that open a document's title are bodies
 * (《江州市人民政府关于表彰…的决定》, 《中共江州市委 江州市人民政府关于…》).
 * Looked for in the last 60 characters only: lastIndexOf over the whole text made this quadratic.
 */
export function insideTitle(text: string, left: number, e: number): boolean {
  const from = Math.max(0, left - 60);
  const open = text.slice(from, left + 1).lastIndexOf('《');
  const title = open >= 0 ? text.slice(from + open, from + open + 60) : '';
  const close = title.indexOf('》');
  if (close < 0 || from + open + close <= e) return false;
  return !titleIssuer(text, from + open + 1, left, e);
}

/** Whether the name [left, e) is among the issuers before 关于 at the start of a title opening at `start`. */
function titleIssuer(text: string, start: number, left: number, e: number): boolean {
  const about = text.indexOf('关于', e);
  if (about < 0 || about - start > 40) return false;
  // Only names and the spaces or 、 between them come before 关于.
  return !/[《》“”"，。；：:]/.test(text.slice(start, about)) && !text.slice(start, left).includes('关于');
}

/** A name read back from its ending, before it becomes a mention. */
export interface NameCandidate {
  text: string;
  name: string;
  suffix: string;
  start: number;
  end: number;
  pieces: readonly { start: number; word: string; tag: string }[];
}

/** A rule a name read from its ending must pass (false: not a body's name). */
export type NameCheck = (c: NameCandidate, lx: Lexicon) => boolean;

/** 中共中央国务院中央军委: national bodies written in a row are several bodies, not one. */
export const notARunOfNationalBodies: NameCheck = (c) => {
  const { forms } = nationalForms(lexicon());
  let at = 0;
  let count = 0;
  while (at < c.name.length) {
    const form = forms.find((f) => c.name.startsWith(f.form, at));
    if (!form) return true;
    at += form.form.length;
    count++;
  }
  return count < 2;
};

/** 某小学教师彭某院: a position inside the name is a person's, and a one-character ending after it is the person's name. */
export const noPositionBeforeShortEnding: NameCheck = (c, lx) =>
  c.suffix.length > 1 || !c.pieces.slice(0, -1).some((p) => lx.positions.endingAt(p.word, p.word.length) !== undefined && !lx.orgSuffixes.has(p.word));

/** 杰出义务工会工作者: a union worker is a title, not a union. */
export const notAUnionWorker: NameCheck = (c) => !(c.suffix.endsWith('工会') && c.text.startsWith('工作者', c.end));

/** 行政院|院长: jieba cut 院|长江; the second 院 starts an office, it does not end a second body. */
export const notTheOfficeAfter: NameCheck = (c, lx) =>
  !(c.suffix.length === 1 && c.name.endsWith(c.suffix + c.suffix) && lx.offices.has(c.suffix + c.text.slice(c.end, c.end + 1)));

/** 某饭店10楼国际会议厅, 某公司13楼圆弧厅: a room of a building is a place, not a body. */
export const notARoom: NameCheck = (c) => !/[\d一二三四五六七八九十]+(楼|层|F)|(会议|宴会|报告|演播|多功能|圆弧|大)厅$/.test(c.name);

/** 联系地址：江州市某街道省委大院…: an address line names places and buildings, not the bodies in them. */
export const notInAnAddress: NameCheck = (c) => {
  const line = c.text.lastIndexOf('\n', c.start - 1) + 1;
  return c.start - line > 40 || !/地址\s*[:：]/.test(c.text.slice(line, c.start));
};

/** The checks, in order; each is its own rule with its own tests. */
export const NAME_CHECKS: readonly NameCheck[] = [notARunOfNationalBodies, noPositionBeforeShortEnding, notAUnionWorker, notTheOfficeAfter, notARoom, notInAnAddress];

/**
 * Keeps the longest names; of a name made of a body and its department
 * (北京市总工会女职工部, 恒丰银行北京分行工会) the body is kept too.
 */
function maximal(found: OrgMention[], doc: Doc, toks: TokenIndex, lx: Lexicon): OrgMention[] {
  const sorted = [...found].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: OrgMention[] = [];
  // Names kept whole never overlap: cover[i] is 1 + the index in `kept` of the one over offset i.
  const cover = new Int32Array(doc.text.length + 1);
  for (const m of sorted) {
    const top = cover[m.start] ? kept[cover[m.start]! - 1]! : undefined;
    const outer = top && m.end <= top.end ? top : undefined;
    if (!outer) {
      if (!cover.subarray(m.start, m.end).some((k) => k > 0)) {
        kept.push(m);
        cover.fill(kept.length, m.start, m.end);
      }
      continue;
    }
    // An inner name starting where the outer one starts may be the body the outer belongs to.
    if (m.start === outer.start && m.cue !== 'national' && toks.boundary(m.end) && isHead(outer, m, lx)) kept.push({ ...m, cue: 'head' });
    else if (m.cue === 'national' && m.start > outer.start && outer.type === 'Union') kept.push(m);
  }
  const spanKey = (start: number, end: number) => start * 0x4000000 + end;
  const keptAt = new Map<number, OrgMention>();
  const foundAt = new Map<number, OrgMention>();
  const index = (map: Map<number, OrgMention>, m: OrgMention) => {
    if (!map.has(spanKey(m.start, m.end))) map.set(spanKey(m.start, m.end), m);
  };
  for (const m of kept) index(keptAt, m);
  for (const m of found) index(foundAt, m);
  for (const m of kept) {
    // A department of a body is of the body's type: 北京市总工会女职工部 is a Union.
    const unit = lx.units.endingAt(doc.text, m.end);
    if (unit && m.type === 'Organization') {
      const head = keptAt.get(spanKey(m.start, m.end - unit.length));
      if (head) m.type = head.type;
    }
    // 直属/下属 before 工会 qualify the union, they do not start a new body.
    const union = /(直属|下属|所属)?(工会联合会|工会委员会|总工会|工会)$/.exec(m.name);
    if (union?.[1] && m.type === 'Union') {
      const bodyEnd = m.end - union[0].length;
      const head = keptAt.get(spanKey(m.start, bodyEnd));
      if (!head) {
        const inner = foundAt.get(spanKey(m.start, bodyEnd));
        if (inner) {
          kept.push({ ...inner, cue: 'head' });
          index(keptAt, kept[kept.length - 1]!);
        }
      }
    }
  }
  return kept.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Whether `head` (a prefix of `outer`) is a body of its own that `outer`
 * belongs to: the company of a union (恒丰银行北京分行|工会), the body of an
 * internal unit (北京石油化工学院|党委) or department (北京市总工会|女职工部),
 * a company of its branch or lab, an academy of its numbered institute
 * (航天五院|508所). Not a legal form (…中心|有限公司), a fragment
 * (人大常委|会), or a place (安贞街道|总工会).
 */
function isHead(outer: OrgMention, head: OrgMention, lx: Lexicon): boolean {
  const rest = outer.name.slice(head.end - head.start).replace(/（[^）]*）$/, '');
  if (rest.length < 2 || LEGAL_FORM_ONLY.test(rest)) return false;
  if (/(街道|社区|地区|镇|乡|村)$/.test(head.name)) return false;
  if (/^(直属|下属|所属)?(工会|总工会|工会委员会|工会联合会)$/.test(rest)) return true;
  if (lx.units.endingAt(rest, rest.length)) return true;
  if (/^\d+(所|院|厂|研究所)/.test(rest)) return true;
  // A newspaper of its media group (某日报|报业集团).
  if (MEDIA_GROUP.test(outer.name) && lx.media.newspapers.endingAt(head.name, head.name.length)) return true;
  // A bureau of its office, station or team (某税务局|某税务所, 某局|办税服务厅, 某勘查局|313地质队).
  if (/局$/.test(head.name) && /(所|厅|队|站|中心)$/.test(rest)) return true;
  return head.type === 'Company';
}

const LEGAL_FORM = '(?:集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|公司)';
const LEGAL_FORM_ONLY = new RegExp(`^${LEGAL_FORM}$`);
const LEGAL_FORM_END = new RegExp(`${LEGAL_FORM}$`);

/** Whether `short` can abbreviate `full`: shorter, and its characters occur in `full` in order (工联会 of 工会联合会). */
export function abbreviates(short: string, full: string): boolean {
  if (short.length < 2 || short.length >= full.length) return false;
  let k = 0;
  for (let i = 0; i < full.length && k < short.length; i++) if (full[i] === short[k]) k++;
  return k === short.length;
}

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
  const full = found.filter((m) => m.cue === 'suffix' || m.cue === 'national' || m.cue === 'head');
  // reach[i]: the furthest end of a body starting at or before i, so "inside a body" is one lookup.
  const reach = new Int32Array(text.length + 1);
  for (const f of found) reach[f.start] = Math.max(reach[f.start]!, f.end);
  for (let i = 1; i <= text.length; i++) reach[i] = Math.max(reach[i]!, reach[i - 1]!);
  const covered = (i: number, n: number) => reach[i]! >= i + n;
  const starts = new Set<number>();
  const addAll = (short: string, of: OrgMention, cue: string) => {
    for (let i = text.indexOf(short); i >= 0; i = text.indexOf(short, i + short.length)) {
      if (i >= of.start && i + short.length <= of.end) continue;
      // An explicit 简称 wins over a body the suffix rule read at the same place.
      if (!(cue !== 'abbreviation' && covered(i, short.length)) && !starts.has(i)) {
        out.push({ start: i, end: i + short.length, type: of.type, name: short, aliasOf: of.name, cue, suffixStart: i + short.length });
        starts.add(i);
      }
    }
  };
  // A body named many times is searched for once (a long page would otherwise be quadratic).
  const searched = new Set<string>();
  for (const m of full) {
    const explicit = /^（(?:以下)?简称[“"「]?([^”"」）]{2,12})[”"」]?）/.exec(text.slice(m.end, m.end + 20));
    // Or the short form alone in brackets, when it abbreviates the name (深圳华芯半导体科技有限公司（华芯半导体）).
    const bare = explicit ?? /^（[“"「]?([\u3400-\u9fffA-Za-z0-9]{2,8})[”"」]?）/.exec(text.slice(m.end, m.end + 14));
    // A newspaper in brackets is the source of the text, not a short form (…（江州日报）).
    if (bare && (bare === explicit || (abbreviates(bare[1]!, m.name) && !lx.media.newspapers.endingAt(bare[1]!, bare[1]!.length)))) {
      addAll(bare[1]!, m, 'abbreviation');
      continue;
    }
    if (m.type !== 'Company' || searched.has(m.name)) continue;
    searched.add(m.name);
    let core = m.name.replace(LEGAL_FORM_END, '');
    // Without its place (北京|京东世纪贸易, 苏州|纳川精密机械): a province, city, or a district word.
    const place = placePrefixOf(core, lx);
    if (place && core.length - place.length >= 2) core = core.slice(place.length);
    if (core.length < 2 || core === m.name) continue;
    // Every place the core's first two characters occur, take the longest shared start.
    const head = core.slice(0, 2);
    for (let i = text.indexOf(head); i >= 0; i = text.indexOf(head, i + 1)) {
      if (covered(i, 2)) continue;
      let n = 2;
      while (n < core.length && text.charCodeAt(i + n) === core.charCodeAt(n)) n++;
      const short = text.slice(i, i + n);
      if (lx.word(short) && commonWord(lx, short) && n < core.length) continue;
      if (isPlace(short, lx) || placePrefixOf(short, lx) === short) continue;
      if (!starts.has(i)) {
        out.push({ start: i, end: i + n, type: m.type, name: short, aliasOf: m.name, cue: 'short-form', suffixStart: i + n });
        starts.add(i);
      }
    }
  }
  return out;
}
