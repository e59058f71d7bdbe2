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
import { allHan, isBreakAt, isHan, isHanUnit, WordSet, type TokenIndex } from '../text.js';
import { listedNames } from './name-lists.js';
import { isPlace, madeOfWords, NOT_IN_NAME, PLACE_END, PREPOSITION_SURNAMES, surnameAt, validName, type Surname } from './names.js';

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
  '现任', '作为', '说道', '透露', '表态', '建议', '寄语', '颁奖', '颁发', '送上', '送去', '先生', '女士', '小姐', '获',
]);
const WEAK_AFTER = new WordSet(['以', '曾', '向', '对', '为', '和', '与', '及', '是', '在', '从', '的', '将', '也', '还', '又', '就', '都', '已', '正', '被', '把', '让', '于', '今年', '去年', '多年', '一直', '每天', '不仅', '始终', '带着', '用', '通过', '所在', '自己', '他', '她']);
const LEFT_EXTRA = new WordSet(['领导', '获得者', '师傅', '冠军', '标兵', '能手', '主人公', '发起人']);
/** Who a person is, said before the name, less surely than an office (困难劳模NAME, 酿酒大师NAME, 工会会员NAME). */
const LEFT_ROLES = new WordSet(['劳模', '工匠', '大师', '会员']);
/** Function words a middle-dot name does not start with. */
const DOTTED_LEAD = /[为和与及向给对把被让在是的了将从]/;

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
  // Names the layout marks: lists (张三、李四、王五等10名), groups (授予张三等30名), credits (（张三 李四）).
  const taken = new Uint8Array(text.length + 1);
  for (const a of accepted) taken.fill(1, a.start, a.end);
  for (const m of listedNames(doc, toks, lx, (i, j) => inside(i, j) || taken.subarray(i, j).includes(1))) {
    accepted.push(m);
    ends.people.add(m.end);
    taken.fill(1, m.start, m.end);
  }
  for (const s of doc.sentences) {
    for (let i = s.start; i < s.end - 1; i++) {
      if (taken[i]) continue;
      // A name that continues a position word is not one (秘书长|冯 is 秘书长 + 冯…).
      if (lx.positions.endingAt(text, i + 1)) continue;
      // 於 is a preposition in traditional text (於今日), not the surname 于 it simplifies to.
      const surname = doc.original.charCodeAt(doc.toOriginal[i]!) === YU_PREPOSITION ? undefined : surnameAt(text, i, lx);
      // A name that starts like a Han surname but is not one (孟和巴图, 斯琴高娃) may still stand between strong cues.
      const best = (surname ? bestCandidate(doc, toks, lx, i, surname, ends) : undefined) ?? (mayFollowCue(text, lx, i) ? unsurnamedName(doc, lx, i, ends) : undefined);
      if (best && !inside(best.start, best.end) && !taken.subarray(best.start, best.end).includes(1)) {
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

function bestCandidate(
  doc: Doc,
  toks: TokenIndex,
  lx: Lexicon,
  i: number,
  surname: Surname,
  ends: Ends,
): EntityMention | undefined {
  const text = doc.text;
  // A list row that opens with a name (张三（某公司）, 1. 张三 某公司焊工): the row is the cue.
  const row = rowName(text, i, surname.length);
  if (row) return { start: i, end: row, type: 'Person', name: text.slice(i, row), cue: 'person:row' };
  // A credit (记者 张三 摄, 作者：张三, 责编：张三、李四): the name runs to a space, a mark or the next credit.
  const credit = creditName(text, toks, lx, i, surname);
  if (credit) return { start: i, end: credit, type: 'Person', name: text.slice(i, credit), cue: 'person:byline' };
  const left = leftCue(doc, toks, i, lx, ends);
  // A word jieba read across the surname holds no name (领导|班子, 长江|流域, 机修|班).
  const host = toks.at(i);
  // (A pronoun or adverb may: 主任|何某某 where jieba read 任何.)
  // After an office the surname may still start a name when only its first character is caught (院长|江宜桦, not 部长|江流域).
  const caught = host && host.start < i && /^(n|v|a)/.test(host.tag) && !host.tag.startsWith('nr') && lx.word(host.word);
  if (caught && !(left === 'office' && host.end === i + 1 && !lx.word(text.slice(i + 1, i + 3)))) return undefined;
  // With no cue on the left only a name jieba knows can stand (习近平总书记), or one an office or
  // a form of address follows (许某某部长, 王某某女士).
  if (left === 'none' && !(toks.startsAt(i)?.tag ?? '').startsWith('nr')) return addressedName(text, toks, lx, i, surname);
  let best: { end: number; score: number } | undefined;
  for (const given of [1, 2]) {
    const end = i + surname.length + given;
    const name = text.slice(i, end);
    // 张家口 is a place, unless an office stands before it (市政协主席吉林).
    if (end > text.length || !validName(name, surname.length, false) || (left !== 'office' && isPlace(name, lx))) continue;
    // 某镇长梁村: a village after an office; a reporter's name may end in 村 (记者汤朝村摄).
    if (name.endsWith('村') && !lx.bylines.endingAt(text, i)) continue;
    const right = rightCue(text, toks, end, lx, ends);
    const strongLeft = left === 'office' || left === 'strong' || (left === 'role' && !surname.rare);
    // 胡从柱, 刘更生: a character that is mostly a function word, where the cues leave no doubt; a preposition never
    // ends the name (谢某在主持人…: 在 starts the next phrase).
    if (!validName(name, surname.length) && !(given === 2 && strongLeft && !PREPOSITION_END.test(name) && (right === 'punct' || right === 'strong' || /^[和及与向]/.test(text[end] ?? '')) && !madeOfWords(name.slice(0, 2), lx))) continue;
    const word = lx.word(name);
    // jieba tags some everyday words as names (荣誉/nr): a frequent word is a word.
    const commonWord = !!word && (!word.tag.startsWith('nr') || word.freq >= 500);
    // 党组副书记, 党委副: a body or office word is not the start of a name.
    if (lx.units.startingAt(name, 0) || lx.positions.startingAt(name, 0) || lx.orgSuffixes.startingAt(name, 0)) continue;
    // After a role said less surely than an office, no word stands for a name (劳模|宣讲进).
    if (left === 'role' && madeOfWords(name, lx)) continue;
    // 向|劳模, 和|奖章: a surname that is also a preposition, before a word.
    const givenWord = lx.word(name.slice(surname.length));
    if (PREPOSITION_SURNAMES.has(text[i]!) && givenWord && givenWord.freq >= 50 && !givenWord.tag.startsWith('nr')) continue;
    const head = lx.word(name.slice(0, 2));
    if (given === 2 && surname.length === 1 && head && !head.tag.startsWith('nr') && head.freq >= 1000) continue;
    // 林明|溱: a character jieba leaves on its own, one that does not stand alone, is the name's last.
    const next = toks.startsAt(end);
    if (given === 1 && next && next.end === end + 1 && isHan(next.word) && (BOUND_TAG.test(next.tag) || (left === 'office' && next.tag === 'a')) && !NOT_IN_NAME.test(next.word)) continue;
    const aligned = toks.boundary(end) || end === text.length;
    const tokenName = toks.startsAt(i)?.end === end && /^(nr|nrfg|nrt|x)$/.test(toks.startsAt(i)!.tag);
    const jiebaName = !!word && word.tag.startsWith('nr') && !commonWord;
    // 殷殷, 欣欣: a doubled character is a word, not a name.
    if (given === 1 && name[name.length - 1] === name[name.length - 2]) continue;
    let ok: boolean;
    // A list line "夏天 陕西交通建设集团有限公司…" is as strong a cue as an office.
    const listLine = (i === 0 || text[i - 1] === '\n') && text[end] === ' ' && right === 'strong';
    // A verb (应邀, 干起) is never a name, a noun or adjective (高峰, 白雪) can be.
    const verb = !!word && /^(v|vd|vn|d|ad|p|c|u)/.test(word.tag);
    // 农民|劳务工: a rare surname before a word needs more than a stop after it.
    const rareWord = given === 2 && !!givenWord && givenWord.freq >= 100 && !givenWord.tag.startsWith('nr');
    if (commonWord) ok = !verb && ((left === 'office' && (right === 'strong' || right === 'punct')) || listLine);
    else if (surname.rare) ok = strongLeft ? right === 'strong' || (right === 'punct' && !rareWord) || (left === 'office' && right === 'weak' && given === 2 && !word && !((lx.word(name.slice(1))?.freq ?? 0) >= 1000)) : (right === 'strong' && tokenName) || listLine;
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

/** Single characters jieba leaves on their own that do not stand alone (morphemes, unknowns): 林明|溱. */
/** A preposition at a name's end is the next phrase's (谢某在主持人…, 王某为大家…). */
const PREPOSITION_END = /[在为从向对于将被把]$/;
const BOUND_TAG = /^(g|ng|vg|ag|dg|tg|zg|x)$/;
/** An office that heads a body, written after a name (许某某部长, 方某某董事长); not a place's head (张家口|市长). */
const HEAD_OFFICE = /(长|书记|主任|主席|董事|经理|总监|总裁|秘书|议员)$/;
const PLACE_HEAD = /^副?[省市区县州镇乡村旗]长$/;

/**
 * A name with nothing before it but an office or a form of address after it
 * (…肯定许某某部长, 最年长的王某某女士): a surname and two given characters,
 * no word.
 */
function addressedName(text: string, toks: TokenIndex, lx: Lexicon, i: number, surname: Surname): EntityMention | undefined {
  const end = i + surname.length + 2;
  const name = text.slice(i, end);
  if (end > text.length || !validName(name, surname.length) || isPlace(name, lx) || lx.word(name) || madeOfWords(name, lx)) return undefined;
  // Where jieba reads a word across the surname, the name starts elsewhere.
  if (surname.rare && !toks.boundary(i)) return undefined;
  const office = lx.offices.startingAt(text, end);
  const addressed = /^(先生|女士|小姐)(?!们)/.test(text.slice(end, end + 3)) || (!!office && HEAD_OFFICE.test(office) && !PLACE_HEAD.test(office));
  return addressed ? { start: i, end, type: 'Person', name, cue: 'person:addressed' } : undefined;
}

/** What ends a name in a credit: a space, a mark, 摄, or the next credit (责任编辑：张三来源：…). */
const CREDIT_END = /^([\s、，。；：）)|/]|摄|来源|稿源|出处|发布|时间|日期)/;

/** The end of a name in a credit (after a byline word, a space or a colon), if the credit has that shape. */
function creditName(text: string, toks: TokenIndex, lx: Lexicon, i: number, surname: Surname): number | undefined {
  let b = i;
  if (text.charCodeAt(b - 1) === SPACE || text[b - 1] === '：') b--;
  const word = cueEndingAt(lx.bylines, text, b, toks, lx);
  // 拍摄|王府井: 摄 credits only after a space or mark.
  if (!word || (word === '摄' && b === i)) return undefined;
  for (const given of [2, 1]) {
    const end = i + surname.length + given;
    if (end > text.length || !validName(text.slice(i, end), surname.length, false)) continue;
    if (end === text.length || CREDIT_END.test(text.slice(end, end + 2)) || lx.bylines.startingAt(text, end)) return end;
  }
  return undefined;
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

/** unsurnamedName's cues in one lookup each: a space, or a character a byline or position word ends with, before `i`. */
function mayFollowCue(text: string, lx: Lexicon, i: number): boolean {
  return text.charCodeAt(i - 1) === SPACE || text.charCodeAt(i - 1) === EM_DASH || lx.bylines.mayEndAt(text, i) || lx.positions.mayEndAt(text, i);
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
  // “西藏工匠”获得者——NAME，: a caption's honour, a dash, then its holder.
  const holder = text.charCodeAt(i - 1) === EM_DASH && /(获得者|得主|获奖者)——$/.test(text.slice(Math.max(0, i - 6), i));
  if (!holder && !lx.positions.endingAt(text, i) && !lx.bylines.endingAt(text, i)) return undefined;
  for (const n of [4, 3]) {
    const name = text.slice(i, i + n);
    if (!/^[\u4e00-\u9fff]+$/.test(name) || NOT_IN_NAME.test(name) || lx.word(name)) continue;
    // A transliterated name is not made of Chinese words (暖心|驿站, 风筝|制 are).
    const wordy = madeOfWords(name, lx);
    const after = AFTER_NAME.startingAt(text, i + n);
    // Four characters closed by a comma or a bracket (董事长巴桑顿珠，) stand as a name too.
    const closed = n === 4 && (text[i + n] === '，' || text[i + n] === '（');
    if (wordy || (!after && !closed) || after === '等') continue;
    return { start: i, end: i + n, type: 'Person', name, cue: 'person:office' };
  }
  return undefined;
}

const SPACE = 0x20;
const EM_DASH = 0x2014; // —
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

function leftCue(doc: Doc, toks: TokenIndex, i: number, lx: Lexicon, ends: Ends): LeftCue {
  const text = doc.text;
  let b = i;
  while (b > 0 && text.charCodeAt(b - 1) === SPACE) b--;
  if (cueEndingAt(lx.bylines, text, b, toks, lx) || cueEndingAt(lx.positions, text, b, toks, lx) || cueEndingAt(LEFT_EXTRA, text, b, toks, lx)) return 'office';
  // 责任编辑：卢佳, （摄影：麦浩然）.
  const before = text.charAt(b - 1);
  if (before === '：' && cueEndingAt(lx.bylines, text, b - 1, toks, lx)) return 'office';
  // A role known only by its form must end where a word ends (工程|师 is not 工程 + 师…).
  const host = toks.at(i);
  if (roleWordBefore(text, b, lx) && (!host || host.start === i || host.tag === 'x')) return 'role';
  if (cueEndingAt(LEFT_ROLES, text, b, toks, lx)) return 'role';
  if (ends.named.has(b)) return 'strong';
  // 来自ORG的NAME, 获得“某奖章”的NAME, 按摩师的NAME: a body, an honour or an occupation, then 的.
  if (before === '的' && (ends.named.has(b - 1) || ends.bodies.has(b - 1) || cueEndingAt(lx.positions, text, b - 1, toks, lx))) return 'strong';
  // 有着“女焊神”称号的NAME, 素有“X”美誉的NAME: an epithet, then the person it belongs to.
  if (before === '的' && /[”」’](称号|美誉|之称|雅号|绰号)$/.test(text.slice(Math.max(0, b - 5), b - 1))) return 'strong';
  // 某卫生院：NAME — a list row's employer, then its people.
  if (before === '：' && ends.bodies.has(b - 1)) return 'strong';
  if (partOfBodyBefore(text, b, lx, ends)) return 'strong';
  // The next name in a list: 陈雍、魏小东、崔述强.
  if ((before === '、' || before === '，' || before === '和' || before === '及' || before === '与') && ends.people.has(b - 1)) return 'strong';
  if (b < i && ends.people.has(b)) return 'strong';
  // 李某（某村、某合作社理事长）、NAME（…）: the next item after a person's bracketed note.
  if (before === '、' && text[b - 2] === '）') {
    const open = text.lastIndexOf('（', b - 2);
    if (open >= 0 && b - 2 - open <= 60 && ends.people.has(open) && !text.slice(open, b - 2).includes('）')) return 'strong';
  }
  if (b === 0 || isBreakAt(text, b - 1) || b < i) return 'boundary';
  return 'none';
}

/**
 * 某县邮政局龙兴邮政支局NAME, 某公司二车间NAME: a body, then a branch, workshop
 * or station of it (a few characters, no break, ending as such parts end),
 * then the name — as honouree lists print where a person works.
 */
function partOfBodyBefore(text: string, b: number, lx: Lexicon, ends: Ends): boolean {
  const part = lx.bodyParts.endingAt(text, b);
  if (!part) return false;
  for (let e = b - part.length; e >= Math.max(0, b - part.length - 8); e--) {
    if (ends.bodies.has(e)) return true;
    if (!isHanUnit(text.charCodeAt(e - 1))) return false;
  }
  return false;
}

/**
 * The longest word of `set` ending at `b`, unless it is the end of another
 * word: one jieba read across its start (公司|机 holds no 司机), or a longer
 * word the lexicons do not list (工作者 holds no byline 作者).
 */
function cueEndingAt(set: WordSet, text: string, b: number, toks: TokenIndex, lx: Lexicon): string | undefined {
  const w = set.endingAt(text, b);
  if (!w) return undefined;
  const start = b - w.length;
  const host = toks.at(start);
  if (host && host.start < start && host.end < b && lx.word(host.word)) return undefined;
  if (set === lx.bylines && start > 0 && lx.word(text.slice(start - 1, b)) && !lx.positions.has(text.slice(start - 1, b))) return undefined;
  return w;
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

function rightCue(text: string, toks: TokenIndex, e: number, lx: Lexicon, ends: Ends): RightCue {
  if (e >= text.length) return 'punct';
  // A headline byline: "彭菲 2023年度“大国工匠年度人物”、汉王科技股份有限公司高级工程师".
  if (text.charCodeAt(e) === SPACE) {
    let k = e + 1;
    while (text.charCodeAt(k) === SPACE) k++;
    if (ends.namedStarts.has(k)) return 'strong';
  }
  if (text.charCodeAt(e) === 0xff08 /* （ */ && /^（(左|右|中|前|后)[一二三四五六七八九十\d]*）/.test(text.slice(e, e + 6))) return 'strong';
  if (isBreakAt(text, e)) return 'punct';
  const after = lx.offices.startingAt(text, e) ?? AFTER_NAME.startingAt(text, e);
  // 严守|工作: a one-character verb inside a word jieba read is no verb (作 of 工作).
  if (after) return after.length === 1 && !toks.boundary(e) && lx.word(toks.at(e)?.word ?? '') ? 'none' : 'strong';
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
