/**
 * People. jieba's tags are no guide here (it tags 弘扬 and 光荣 as names),
 * so a name is a surname from the lexicon plus one or two characters, taken
 * only where the context says a person stands there: after a byline (记者,
 * 通讯员), an office or occupation (主席, 快递员), an honour, an employer, or
 * another name in a list; before a speech or action verb (指出, 出席, 说),
 * an office (总书记) or a photo position (（左二）). Names that are also
 * common words (高峰, 温暖) need cues on both sides. A name once found is
 * found everywhere else in the document.
 */
import type { Doc, EntityMention } from '../document.js';
import { lexicon, type Lexicon } from '../lexicon.js';
import { allHan, isBreakAt, WordSet, type TokenIndex } from '../text.js';

/**
 * office: an office, occupation or byline word; role: a word shaped like a
 * job (…工, …长) that no lexicon lists; strong: an honour, a body, a list of names.
 */
type LeftCue = 'office' | 'role' | 'strong' | 'boundary' | 'none';
type RightCue = 'strong' | 'punct' | 'weak' | 'none';

/** Verbs and words that follow a person's name. */
const AFTER_NAME = new WordSet([
  '说', '表示', '指出', '强调', '介绍', '分享', '认为', '告诉', '坦言', '笑着说', '回忆', '感慨', '动情地说',
  '主持', '出席', '致辞', '讲话', '宣读', '发言', '报道', '摄', '摄影', '带领', '率领', '参加', '参观', '调研',
  '获得', '荣获', '获评', '当选', '被评为', '被授予', '作', '等', '同志', '一行', '代表', '要求', '希望', '提出',
  '来到', '走进', '深入', '看望', '慰问', '会见', '考察', '出生', '生于', '从事', '担任', '任职', '先后', '凭借',
  '现任', '作为', '说道', '透露', '表态', '建议', '寄语', '颁奖', '颁发', '送上', '送去',
]);
const WEAK_AFTER = new WordSet(['以', '曾', '向', '对', '为', '和', '与', '及', '是', '在', '从', '的', '将', '也', '还', '又', '就', '都', '已', '正', '被', '把', '让', '于', '今年', '去年', '多年', '一直', '每天', '不仅', '始终', '带着', '用', '通过', '所在', '自己', '他', '她']);
const LEFT_EXTRA = new WordSet(['领导', '获得者', '师傅', '冠军', '标兵', '能手', '主人公', '发起人']);
/** Function words a middle-dot name does not start with. */
const DOTTED_LEAD = /[为和与及向给对把被让在是的了将从]/;
/** An act done to a group named by its first member: 授予|X等30名职工, 命名|X等10人. */
const GROUP_ACT = /(授予|命名|表彰|表扬|推选|选树|将|把|对)了?$/;
const GROUP_LIST = /^、[^，。；]{1,24}?等[\d一二三四五六七八九十百千]+(名|人|位|个)/;
const GROUP_COUNT = /^等[\d一二三四五六七八九十百千]+(名|人|位|个)/;
/** Characters that do not occur inside a given name. */
const NOT_IN_NAME = /[的了是在与等及为从把被向对就也都而或之其这那个们着过地很更最又再还已将会能要可所以于说道上下中内外年日时分第二三四五六七八九十百千万亿两几各每本该此]/;

/** Where other mentions end, so cue checks are lookups, not scans. */
interface Ends {
  /** Ends of bodies and honours. */
  named: Set<number>;
  /** Starts of bodies and honours. */
  namedStarts: Set<number>;
  /** Ends of bodies (for 来自ORG的NAME). */
  bodies: Set<number>;
  /** Ends of people found so far (for lists: 陈雍、魏小东). */
  people: Set<number>;
}

export function recognisePeople(doc: Doc, toks: TokenIndex, others: readonly EntityMention[]): EntityMention[] {
  const lx = lexicon();
  const text = doc.text;
  const accepted: EntityMention[] = [];
  const ends: Ends = { named: new Set(), namedStarts: new Set(), bodies: new Set(), people: new Set() };
  for (const o of others) {
    if (o.type === 'Person') continue;
    ends.named.add(o.end);
    ends.namedStarts.add(o.start);
    // An honour in quotes ends at its closing quote too.
    if (/[”’」]/.test(text[o.end] ?? '')) ends.named.add(o.end + 1);
    if (o.type !== 'Title' && o.type !== 'Award') {
      ends.bodies.add(o.end);
      // …有限公司（以下简称“江鹏汽配”）的秦雪梅: the body's name ends after its 简称.
      const short = /^（(以下)?简称[^）]{1,16}）/.exec(text.slice(o.end, o.end + 20));
      if (short) ends.bodies.add(o.end + short[0].length);
    }
  }
  // Offsets inside another mention (a studio named after a person aside): no name overlaps them.
  const blocked = new Uint8Array(text.length + 1);
  for (const o of others) if (!/工作室$/.test(o.name)) blocked.fill(1, o.start, o.end);
  const inside = (i: number, j: number) => blocked.subarray(i, j).includes(1);

  // Transliterated names joined by a middle dot (阿依古丽·吐尔逊) are names wherever they stand.
  for (const m of dottedNames(text)) {
    // Slogans use the dot too (中国梦·劳动美): a name's parts are not Chinese words, and not in quotes.
    // The name starts after any job word glued before it (护师|阿依古丽·吐尔逊).
    let start = m.index;
    const firstDot = m.index + m[0].indexOf('·');
    for (let j = m.index + 1; j < firstDot - 1; j++) if (lx.positions.endingAt(text, j) || lx.bylines.endingAt(text, j)) start = j;
    // Nor in the middle of a word jieba read there (奖章获得者|艾合买提 gave 得者艾合买提), nor at a function
    // word (为|热依拉), nor while what is left before the dot holds a Chinese word (马新民为|热依拉: 新民).
    for (let guard = 0; guard < 6 && start < firstDot - 2; guard++) {
      const t = toks.at(start);
      if (t && t.start < start && t.end <= firstDot - 2) start = t.end;
      else if (DOTTED_LEAD.test(text[start]!)) start++;
      else if (t && t.end <= firstDot - 2 && madeOfWords(text.slice(start, firstDot), lx)) start = t.end;
      else break;
    }
    // And ends before a verb, a conjunction or a job word glued after it (吐尔逊|说, 吐尔逊|和焊工),
    // where jieba also ends a word (买买提|出席, not 买买|提出).
    let end = m.index + m[0].length;
    for (let k = m.index + m[0].lastIndexOf('·') + 3; k < end; k++) {
      if (toks.boundary(k) && (AFTER_NAME.startingAt(text, k) || /[和与及]/.test(text[k]!) || lx.positions.startingAt(text, k))) end = k;
    }
    const name = text.slice(start, end);
    if (/[“「‘]/.test(text[m.index - 1] ?? '') || name.split('·').some((part) => madeOfWords(part, lx))) continue;
    accepted.push({ start, end, type: 'Person', name, cue: 'person:dotted' });
    ends.people.add(end);
  }
  const dotted = new Uint8Array(text.length + 1);
  for (const a of accepted) dotted.fill(1, a.start, a.end);
  for (const s of doc.sentences) {
    for (let i = s.start; i < s.end - 1; i++) {
      if (dotted[i]) continue;
      // A name that continues a position word is not one (秘书长|冯 is 秘书长 + 冯…).
      if (lx.positions.endingAt(text, i + 1)) continue;
      // 於 is a preposition in traditional text (於今日), not the surname 于 it simplifies to.
      const surname = doc.original.charCodeAt(doc.toOriginal[i]!) === YU_PREPOSITION ? undefined : surnameAt(text, i, lx);
      // A name that starts like a Han surname but is not one (孟和巴图, 斯琴高娃) may still stand between strong cues.
      const best = (surname ? bestCandidate(doc, toks, lx, i, surname, ends) : undefined) ?? (mayFollowCue(text, lx, i) ? unsurnamedName(doc, lx, i, ends) : undefined);
      if (best && !inside(best.start, best.end)) {
        accepted.push(best);
        ends.people.add(best.end);
        i = best.end - 1;
      }
    }
  }
  // A name that is also a word (高峰) recurs as a name only where a cue stands before it.
  const cued = (i: number) => leftCue(doc, toks, i, lx, ends) !== 'none';
  return propagate(doc, lx, accepted, others, cued);
}

const COMPOUND = { length: 2, rare: false };
const COMMON = { length: 1, rare: false };
const RARE = { length: 1, rare: true };
let surnameBits: Uint8Array | undefined;

/** 1: common surname, 2: rare, 4: first character of a compound surname — one lookup per character. */
function surnameTable(lx: Lexicon): Uint8Array {
  if (!surnameBits) {
    surnameBits = new Uint8Array(0x10000);
    for (const c of lx.surnames.common) surnameBits[c.charCodeAt(0)]! |= 1;
    for (const c of lx.surnames.rare) surnameBits[c.charCodeAt(0)]! |= 2;
    for (const c of lx.surnames.compound) surnameBits[c.charCodeAt(0)]! |= 4;
  }
  return surnameBits;
}

function surnameAt(text: string, i: number, lx: Lexicon): { length: number; rare: boolean } | undefined {
  const bits = surnameTable(lx)[text.charCodeAt(i)]!;
  if (!bits) return undefined;
  if (bits & 4 && lx.surnames.compound.has(text.slice(i, i + 2))) return COMPOUND;
  if (bits & 1) return COMMON;
  if (bits & 2) return RARE;
  return undefined;
}

function bestCandidate(
  doc: Doc,
  toks: TokenIndex,
  lx: Lexicon,
  i: number,
  surname: { length: number; rare: boolean },
  ends: Ends,
): EntityMention | undefined {
  const text = doc.text;
  // A list row that opens with a name (张三（某公司）, 1. 张三 某公司焊工): the row is the cue.
  const row = rowName(text, i, surname.length);
  if (row) return { start: i, end: row, type: 'Person', name: text.slice(i, row), cue: 'person:row' };
  const left = leftCue(doc, toks, i, lx, ends);
  // With no cue on the left only a name jieba knows can stand (习近平总书记).
  // 授予何建军等30名职工…: the first of a group an act names, by the count after it.
  const actBefore = left === 'none' && GROUP_ACT.test(text.slice(Math.max(0, i - 4), i));
  if (left === 'none' && !actBefore && !(toks.startsAt(i)?.tag ?? '').startsWith('nr')) return undefined;
  let best: { end: number; score: number } | undefined;
  for (const given of [1, 2]) {
    const end = i + surname.length + given;
    const name = text.slice(i, end);
    if (end > text.length || !validName(name, surname.length)) continue;
    const right = rightCue(text, end, lx, ends);
    const word = lx.word(name);
    // jieba tags some everyday words as names (荣誉/nr): a frequent word is a word.
    const commonWord = !!word && (!word.tag.startsWith('nr') || word.freq >= 500);
    // 党组副书记, 党委副: a body or office word is not the start of a name.
    if (lx.units.startingAt(name, 0) || lx.positions.startingAt(name, 0) || lx.orgSuffixes.startingAt(name, 0)) continue;
    const head = lx.word(name.slice(0, 2));
    if (given === 2 && surname.length === 1 && head && !head.tag.startsWith('nr') && head.freq >= 1000) continue;
    const aligned = toks.boundary(end) || end === text.length;
    const tokenName = toks.startsAt(i)?.end === end && /^(nr|nrfg|nrt|x)$/.test(toks.startsAt(i)!.tag);
    const strongLeft = left === 'office' || left === 'strong' || (left === 'role' && !surname.rare);
    const jiebaName = !!word && word.tag.startsWith('nr') && !commonWord;
    // 殷殷, 欣欣: a doubled character is a word, not a name.
    if (given === 1 && name[name.length - 1] === name[name.length - 2]) continue;
    let ok: boolean;
    if (actBefore) {
      // …or heads a list the count closes: 将A、B等14位同志.
      if ((GROUP_COUNT.test(text.slice(end, end + 8)) || GROUP_LIST.test(text.slice(end, end + 30))) && !commonWord) best = { end, score: 10 };
      continue;
    }
    // A list line "夏天 陕西交通建设集团有限公司…" is as strong a cue as an office.
    const listLine = (i === 0 || text[i - 1] === '\n') && text[end] === ' ' && right === 'strong';
    // A verb (应邀, 干起) is never a name, a noun or adjective (高峰, 白雪) can be.
    const verb = !!word && /^(v|vd|vn|d|ad|p|c|u)/.test(word.tag);
    if (commonWord) ok = !verb && ((left === 'office' && (right === 'strong' || right === 'punct')) || listLine);
    else if (surname.rare) ok = strongLeft ? right === 'strong' || right === 'punct' || (left === 'office' && right === 'weak' && given === 2 && !word && !((lx.word(name.slice(1))?.freq ?? 0) >= 1000)) : (right === 'strong' && tokenName) || listLine;
    else if (strongLeft) ok = right !== 'none' || aligned;
    else if (left === 'none') ok = jiebaName && right === 'strong' && !!lx.offices.startingAt(text, end);
    else ok = right === 'strong' || ((right === 'punct' || right === 'weak') && (tokenName || (given === 2 && !word && aligned)));
    if (!ok) continue;
    const score = (right === 'strong' ? 4 : right === 'punct' ? 4 : right === 'weak' ? 2 : 0) + (aligned ? 1 : 0) + (tokenName ? 1 : 0) + given * 0.1;
    if (!best || score > best.score) best = { end, score };
  }
  if (!best) return undefined;
  const name = text.slice(i, best.end);
  const byline = !!lx.bylines.endingAt(text, i - (text[i - 1] === ' ' || text[i - 1] === '：' ? 1 : 0));
  return { start: i, end: best.end, type: 'Person', name, cue: byline ? 'person:byline' : `person:${left}` };
}

/** What may open a list row before its name: a number (1. / （1） / 一、) or a place and a colon (上海：). */
const ROW_LEAD = /^[ \t\u3000]*((\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]|[（(]\d{1,3}[）)]|[\u4e00-\u9fff]{2,6}：)?[ \t\u3000]*$/;
/** What separates a row's name from the rest of it: a space or a bracket holding the employer. */
const ROW_SEPARATOR = /^([ \t\u3000]+[^ \t\u3000\n]|[（(][^）)\n]{2,30}[）)])/;
/** Characters no given name in a list row has (function words); rows relax the usual test, as 胡为义 shows. */
const NOT_IN_ROW_NAME = /[的了是在等和与及或之其这那个们着过地上下中内外年日月时第]/;

/** The end of a name opening a list row at `i`, if the row has that shape. */
function rowName(text: string, i: number, surnameLength: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  if (i - lineStart > 10 || !ROW_LEAD.test(text.slice(lineStart, i))) return undefined;
  for (const given of [2, 1]) {
    const end = i + surnameLength + given;
    const name = text.slice(i, end);
    if (!allHan(name) || NOT_IN_ROW_NAME.test(name.slice(surnameLength)) || PLACE_END.test(name)) continue;
    if (ROW_SEPARATOR.test(text.slice(end, end + 32))) return end;
  }
  return undefined;
}

/** Whether a string contains a Chinese word (two characters, frequent enough): 红色, 幸福, 劳动. */
function madeOfWords(s: string, lx: Lexicon): boolean {
  for (let k = 0; k + 2 <= s.length; k++) {
    const w = lx.word(s.slice(k, k + 2));
    if (w && w.freq >= 50 && !w.tag.startsWith('nr')) return true;
  }
  return false;
}

/** unsurnamedName's cues in one lookup each: a space, or a character a byline or position word ends with, before `i`. */
function mayFollowCue(text: string, lx: Lexicon, i: number): boolean {
  return text.charCodeAt(i - 1) === SPACE || lx.bylines.mayEndAt(text, i) || lx.positions.mayEndAt(text, i);
}

/**
 * A name without a Han surname (达瓦次仁, 阿依古丽 — Tibetan, Uyghur, Mongolian
 * names), taken only between the strongest cues: an office or byline right
 * before it and a speech or action verb right after it.
 */
function unsurnamedName(doc: Doc, lx: Lexicon, i: number, ends: Ends): EntityMention | undefined {
  const text = doc.text;
  // Code units, not text[i - 1]: this runs at every character.
  const spaced = text.charCodeAt(i - 1) === SPACE;
  const b = spaced ? i - 1 : i;
  // In a byline the name ends at a space or bracket: （记者 德吉央宗 尼玛次仁）.
  const byline = !!lx.bylines.endingAt(text, b) || (spaced && ends.people.has(i - 1));
  if (byline) {
    for (const n of [4, 3]) {
      const name = text.slice(i, i + n);
      if (/^[\u4e00-\u9fff]+$/.test(name) && /^[ ）)，、]/.test(text[i + n] ?? '') && !NOT_IN_NAME.test(name) && !lx.word(name) && !madeOfWords(name, lx)) {
        return { start: i, end: i + n, type: 'Person', name, cue: 'person:byline' };
      }
    }
  }
  if (!lx.positions.endingAt(text, i) && !lx.bylines.endingAt(text, i)) return undefined;
  for (const n of [4, 3]) {
    const name = text.slice(i, i + n);
    if (!/^[\u4e00-\u9fff]+$/.test(name) || NOT_IN_NAME.test(name) || lx.word(name)) continue;
    // A transliterated name is not made of Chinese words (暖心|驿站, 风筝|制 are).
    const wordy = madeOfWords(name, lx);
    const after = AFTER_NAME.startingAt(text, i + n);
    if (wordy || !after || after === '等') continue;
    return { start: i, end: i + n, type: 'Person', name, cue: 'person:office' };
  }
  return undefined;
}

const SPACE = 0x20;
const YU_PREPOSITION = 0x65bc; // 於

const DOTTED_NAME = /[\u4e00-\u9fff]{2,6}·[\u4e00-\u9fff]{2,6}(·[\u4e00-\u9fff]{2,6})?/;

/**
 * The matches of DOTTED_NAME, as a global scan finds them, trying the
 * pattern only around each middle dot (scanning a whole text with it was a
 * tenth of the people stage). A match starts at most 6 characters before its
 * first dot and ends at most 13 after it, so that window holds it whole.
 */
function* dottedNames(text: string): Generator<{ index: number; 0: string }> {
  let from = 0;
  for (let dot = text.indexOf('·'); dot >= 0; dot = text.indexOf('·', Math.max(dot + 1, from))) {
    const at = Math.max(from, dot - 6);
    const m = DOTTED_NAME.exec(text.slice(at, dot + 14));
    // A match starting past this dot uses a later one and may not fit this window: that dot's turn finds it.
    if (!m || at + m.index > dot) continue;
    yield { index: at + m.index, 0: m[0] };
    from = at + m.index + m[0].length;
  }
}

/** A surname and a form of address, not a name (杨师傅, 王老师, 李大姐). */
const ADDRESS = /^(师傅|老师|大姐|大哥|阿姨|先生|女士|同志|小姐|师|工|总|姐|哥|叔|伯|婶|嫂|某|老|嫂子|书记|主任|局长|院长|部长|市长|县长|区长|镇长|省长|处长|科长|厂长|校长|所长|站长|队长|社长|会长|理事长|董事长|经理|主席|委员|议员|秘书)$/;

/** A place ends like this (武进区, 江北县); a given name does not. */
const PLACE_END = /[省市区县镇乡]$/;

function validName(name: string, surnameLength: number): boolean {
  if (!allHan(name) || PLACE_END.test(name)) return false;
  if (ADDRESS.test(name.slice(surnameLength))) return false;
  return !NOT_IN_NAME.test(name.slice(surnameLength));
}

function leftCue(doc: Doc, toks: TokenIndex, i: number, lx: Lexicon, ends: Ends): LeftCue {
  const text = doc.text;
  let b = i;
  while (b > 0 && text.charCodeAt(b - 1) === SPACE) b--;
  if (lx.bylines.endingAt(text, b) || lx.positions.endingAt(text, b) || LEFT_EXTRA.endingAt(text, b)) return 'office';
  // 责任编辑：卢佳, （摄影：麦浩然）.
  const before = text.charAt(b - 1);
  if (before === '：' && lx.bylines.endingAt(text, b - 1)) return 'office';
  // A role known only by its form must end where a word ends (工程|师 is not 工程 + 师…).
  const host = toks.at(i);
  if (roleWordBefore(text, b, lx) && (!host || host.start === i || host.tag === 'x')) return 'role';
  if (ends.named.has(b)) return 'strong';
  // 来自ORG的NAME: a body, then 的.
  if (before === '的' && ends.bodies.has(b - 1)) return 'strong';
  // The next name in a list: 陈雍、魏小东、崔述强.
  if ((before === '、' || before === '，' || before === '和' || before === '及' || before === '与') && ends.people.has(b - 1)) return 'strong';
  if (b < i && ends.people.has(b)) return 'strong';
  if (b === 0 || isBreakAt(text, b - 1) || b < i) return 'boundary';
  return 'none';
}

/** Words that end like a role (…长, …员, …师, …工) but are not one. */
const NOT_ROLES = new Set(['成长', '增长', '延长', '擅长', '生长', '助长', '见长', '专长', '特长', '加长', '拉长', '成员', '动员', '人员', '官员', '施工', '加工', '开工', '竣工', '复工', '用工', '分工', '手工', '着手', '联手', '携手', '对手', '入手', '出手', '接手', '老师傅', '大师', '律师']);

const ROLE_ENDINGS = new Set([...'长员师工手'].map((c) => c.charCodeAt(0)));

/** A job title jieba or the lexicon does not know, by its form: 炉长, 盾构机主司机, 装配工. */
function roleWordBefore(text: string, b: number, lx: Lexicon): boolean {
  if (!ROLE_ENDINGS.has(text.charCodeAt(b - 1))) return false;
  const w = text.slice(Math.max(0, b - 2), b);
  if (w.length < 2 || !/^[\u4e00-\u9fff][长员师工手]$/.test(w) || NOT_ROLES.has(w)) return false;
  const entry = lx.word(w);
  return !entry || /^n/.test(entry.tag);
}

function rightCue(text: string, e: number, lx: Lexicon, ends: Ends): RightCue {
  if (e >= text.length) return 'punct';
  // A headline byline: "彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师".
  if (text.charCodeAt(e) === SPACE) {
    let k = e + 1;
    while (text.charCodeAt(k) === SPACE) k++;
    if (ends.namedStarts.has(k)) return 'strong';
  }
  if (text.charCodeAt(e) === 0xff08 /* （ */ && /^（(左|右|中|前|后)[一二三四五六七八九十\d]*）/.test(text.slice(e, e + 6))) return 'strong';
  if (isBreakAt(text, e)) return 'punct';
  if (lx.offices.startingAt(text, e) || AFTER_NAME.startingAt(text, e)) return 'strong';
  // The count that closes a list of names: 甲、乙、丙3人获….
  if (/^[\d一二三四五六七八九十]{1,3}(人|名|位)/.test(text.slice(e, e + 4))) return 'strong';
  if (WEAK_AFTER.startingAt(text, e)) return 'weak';
  return 'none';
}

/** Every other occurrence of a found name is a mention too (余亮 … 余亮又揭开了). */
function propagate(doc: Doc, lx: Lexicon, found: EntityMention[], others: readonly EntityMention[], cued: (i: number) => boolean): EntityMention[] {
  const text = doc.text;
  const names = [...new Set(found.map((m) => m.name))].sort((a, b) => b.length - a.length);
  const taken = [...found];
  // 1: a person there; 2: a body or honour there (a studio named after a person does not count).
  const covered = new Uint8Array(text.length + 1);
  for (const t of found) covered.fill(1, t.start, t.end);
  for (const o of others) if (!/工作室$/.test(o.name)) covered.fill(2, o.start, o.end);
  const free = (i: number, j: number) => {
    for (let k = i; k < j; k++) if (covered[k]) return false;
    return true;
  };
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      const j = i + name.length;
      if (!free(i, j)) continue;
      // 吉林省 is a place even where 吉林 is a person.
      if (/^[省市区县]/.test(text.slice(j, j + 1)) && lx.provinceByForm.has(name)) continue;
      if (lx.word(name) && !cued(i)) continue;
      taken.push({ start: i, end: j, type: 'Person', name, cue: 'person:again' });
      covered.fill(1, i, j);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
