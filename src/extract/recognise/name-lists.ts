/**
 * Names the layout marks as names, whatever the words around them: lists
 * of names (张三、李四、王五等10名同志; 分别是张三、李四、王五，…; 张三、李四2人获),
 * a group named by its first member (授予张三等30名职工), and the credits a
 * page puts in brackets (（张三 李四）). Each item is checked to look like a
 * name (names.ts); a list must hold three such items, or a count must close
 * it, so lists of places, trades or things stay out.
 */
import type { Doc, EntityMention } from '../document.js';
import type { Lexicon } from '../lexicon.js';
import { isHanUnit, type TokenIndex } from '../text.js';
import { listItemName, PREPOSITION_SURNAMES, surnameAt } from './names.js';

/** A count closing a group: 等10名, 3人, 等人. */
const COUNT_AFTER = /^(等?[\d一二两三四五六七八九十百千]+(名|位|人)|等人)/;
/** What may follow the last name of a list (刘七均获, 刘七等, 刘七3人). */
const AFTER_LAST = /^(等|及|和|与|均|都|共|分别|同志|获|荣获|被|为|是|在|将|的|也|先后|[\d一二两三四五六七八九十])/;
/** The longest item a list of names holds (布赫巴雅尔) and how far back the first one may start. */
const MAX_ITEM = 6;

export function listedNames(doc: Doc, toks: TokenIndex, lx: Lexicon, blocked: (i: number, j: number) => boolean): EntityMention[] {
  const text = doc.text;
  const found: EntityMention[] = [];
  const add = (start: number, end: number, cue = 'person:list') => {
    if (!blocked(start, end)) found.push({ start, end, type: 'Person', name: text.slice(start, end), cue });
  };
  const han = (k: number) => k >= 0 && k < text.length && isHanUnit(text.charCodeAt(k));

  // Lists joined by 、.
  for (let p = text.indexOf('、'); p >= 0; ) {
    const seps = [p];
    for (;;) {
      const q = seps[seps.length - 1]!;
      let k = q + 1;
      while (k - q <= MAX_ITEM + 1 && han(k)) k++;
      if (text[k] === '、' && k - q - 1 >= 2) seps.push(k);
      else break;
    }
    const items: { start: number; end: number; kind: 'name' | 'word' }[] = [];
    let valid = true;
    for (let s = 0; s + 1 < seps.length; s++) {
      const kind = listItemName(text.slice(seps[s]! + 1, seps[s + 1]!), lx);
      if (!kind) valid = false;
      else items.push({ start: seps[s]! + 1, end: seps[s + 1]!, kind });
    }
    const last = seps[seps.length - 1]!;
    if (valid) {
      const first = itemEndingAt(text, toks, lx, seps[0]!);
      const lastItem = itemStartingAt(text, lx, last + 1);
      if (first) items.unshift(first);
      if (lastItem) items.push(lastItem);
      const counted = !!lastItem && COUNT_AFTER.test(text.slice(lastItem.end, lastItem.end + 8));
      const words = items.filter((x) => x.kind === 'word').length;
      // Names that are also words (白金) stand in a list of names, not make one.
      const fewWords = words <= (counted ? Math.floor(items.length / 2) : Math.max(1, Math.floor(items.length / 3)));
      if (fewWords && (items.length >= 3 || (items.length === 2 && counted))) {
        for (const x of items) add(x.start, x.end);
      }
    }
    p = text.indexOf('、', last + 1);
  }

  // A group named by its first member: 授予张三等30名职工.
  for (let p = text.indexOf('等'); p >= 0; p = text.indexOf('等', p + 1)) {
    if (!COUNT_AFTER.test(text.slice(p, p + 8))) continue;
    const item = itemEndingAt(text, toks, lx, p);
    if (item && item.kind === 'name' && text[item.start - 1] !== '、') add(item.start, item.end);
  }

  // Credits in brackets: （张三 李四）, （江州日报 张三）.
  for (let p = text.indexOf('（'); p >= 0; p = text.indexOf('（', p + 1)) {
    const close = text.indexOf('）', p + 1);
    if (close < 0 || close - p > 40) continue;
    const parts: { start: number; end: number }[] = [];
    for (let k = p + 1; k < close; ) {
      while (k < close && (text[k] === ' ' || text[k] === '\u3000')) k++;
      const start = k;
      while (k < close && text[k] !== ' ' && text[k] !== '\u3000') k++;
      if (k > start) parts.push({ start, end: k });
    }
    // A leading body or byline word names who sends the credit.
    const lead = parts[0] && (blocked(parts[0].start, parts[0].end) || lx.bylines.has(text.slice(parts[0].start, parts[0].end))) ? 1 : 0;
    const names = parts.slice(lead);
    if (names.length + lead < 2 || names.length === 0) continue;
    if (names.every((x) => !!listItemName(text.slice(x.start, x.end), lx))) for (const x of names) add(x.start, x.end, 'person:byline');
  }
  return found;
}

/** The name that ends a run of Han characters at `end` (the first item of a list): 省领导|罗清泉、, 分别是|黄容、. */
function itemEndingAt(text: string, toks: TokenIndex, lx: Lexicon, end: number): { start: number; end: number; kind: 'name' | 'word' } | undefined {
  let a = end;
  while (a > 0 && end - a < MAX_ITEM && isHanUnit(text.charCodeAt(a - 1))) a--;
  if (a === end) return undefined;
  const candidates: number[] = [];
  if (end - 4 >= a && surnameAt(text, end - 4, lx)?.length === 2) candidates.push(end - 4);
  for (const start of [end - 3, end - 2]) if (start >= a && surnameAt(text, start, lx)) candidates.push(start);
  for (const start of candidates) {
    const kind = listItemName(text.slice(start, end), lx);
    if (!kind) continue;
    // 向|张三, 主任|王芳: a preposition, or the end of a word jieba read, stands before a shorter name.
    const shorter = end - start === 3 && surnameAt(text, start + 1, lx) && listItemName(text.slice(start + 1, end), lx);
    const host = toks.at(start);
    if (shorter && (PREPOSITION_SURNAMES.has(text[start]!) || (host && host.start < start && host.end === start + 1 && lx.word(host.word)))) continue;
    return { start, end, kind };
  }
  // A whole run set apart by punctuation (。尼玛拉毛、).
  if (end - a >= 4 && (a === 0 || !isHanUnit(text.charCodeAt(a - 1)))) {
    const kind = listItemName(text.slice(a, end), lx);
    if (kind) return { start: a, end, kind };
  }
  return undefined;
}

/** The name that opens a run of Han characters at `start` (the last item of a list): |黄德勇，, |王洪亮等23名. */
function itemStartingAt(text: string, lx: Lexicon, start: number): { start: number; end: number; kind: 'name' | 'word' } | undefined {
  let b = start;
  while (b < text.length && b - start < MAX_ITEM + 2 && isHanUnit(text.charCodeAt(b))) b++;
  if (b === start) return undefined;
  const surname = surnameAt(text, start, lx);
  if (surname) {
    for (const given of [2, 1]) {
      const end = start + surname.length + given;
      if (end > b) continue;
      const kind = listItemName(text.slice(start, end), lx);
      if (kind && (end === b || AFTER_LAST.test(text.slice(end, end + 2)))) return { start, end, kind };
    }
  }
  if (b - start >= 4 && b - start <= MAX_ITEM && (b === text.length || !isHanUnit(text.charCodeAt(b)))) {
    const kind = listItemName(text.slice(start, b), lx);
    if (kind) return { start, end: b, kind };
  }
  return undefined;
}
