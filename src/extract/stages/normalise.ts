/**
 * Stage 1, normalise: original text → clean text with a map back.
 *
 * - strips Markdown and layout debris (headings, emphasis, links, rules);
 * - NFKC (full-width letters and digits become half-width; punctuation is kept
 *   in its Chinese full-width form) and traditional → simplified
 *   characters, so recognisers see one script;
 * - joins lines broken inside running text (narrow newspaper columns break
 *   names: 习\n近平), keeping breaks between headline lines;
 * - rejoins a sentence that a photo caption or credit line interrupted, and a
 *   paragraph that ends mid-sentence with the next one.
 *
 * Every output character remembers the index of the original character it
 * came from, so evidence can point into the file as the user has it.
 */
import * as OpenCC from 'opencc-js';
import type { Article } from '../contract.js';
import type { Doc } from '../document.js';
import { lexicon } from '../lexicon.js';

/** A run of output characters, each with its original index. */
interface Piece {
  chars: string[];
  at: number[];
  /** Some of its lines ran on (column breaks): it is running text, not a headline. */
  runOn?: boolean;
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

let traditionalChars: Set<string> | undefined;
/** Characters that OpenCC would change: their presence marks traditional text. */
function traditional(): Set<string> {
  if (!traditionalChars) {
    traditionalChars = new Set();
    for (let c = 0x3400; c <= 0x9fff; c++) {
      const ch = String.fromCharCode(c);
      if (toSimplified(ch) !== ch) traditionalChars.add(ch);
    }
  }
  return traditionalChars;
}

export function hasTraditional(text: string): boolean {
  const set = traditional();
  for (const ch of text) if (set.has(ch)) return true;
  return false;
}

/**
 * NFKC turns full-width ，：；（）！？ into ASCII; Laurel keeps one form, the
 * Chinese one, so rules and canonical names (阿里巴巴（中国）有限公司) use it.
 */
const CHINESE_PUNCTUATION: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

const TERMINAL = new Set(['。', '！', '？', '!', '?', '…', '；']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》']);
const SOFT_END = new Set(['，', '、', '：', '“', '‘', '（', '(', '《', '·', '—']);
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Markdown and layout markup removed from the start of a line. */
const LINE_PREFIX = /^(\s*#{1,6}\s+|\s*>\s?|\s*[-*+]\s+(?=\S)|\s*\d+\.\s+(?=[\u3400-\u9fff]))/;
const RULE_LINE = /^\s*([-*_=]\s*){3,}$/;

/** Caption and photo-credit paragraphs that newspapers drop into running text. */
const CAPTION = /^(图为|图：|图:|（图|\(图|本报记者\s*\S{2,4}\s*摄|记者\s*\S{2,4}\s*摄|\S{2,4}\s*摄\s*$|.{0,30}摄影报道$)/;

export function normalise(article: Article): Doc {
  const original = article.text;
  const lines = splitLines(original);
  const convert = hasTraditional(original);
  const paragraphs: Piece[][] = [];
  let current: Piece[] = [];
  for (const line of lines) {
    const piece = cleanLine(original, line.start, line.end, convert);
    if (!piece) {
      if (current.length) paragraphs.push(current);
      current = [];
      continue;
    }
    current.push(piece);
  }
  if (current.length) paragraphs.push(current);

  const joined = rejoinInterrupted(paragraphs.map(joinLines));
  const chars: string[] = [];
  const at: number[] = [];
  joined.forEach((p, i) => {
    if (i > 0) {
      const sep = p.at[0] ?? original.length;
      chars.push('\n', '\n');
      at.push(sep, sep);
    }
    chars.push(...p.chars);
    at.push(...p.at);
  });
  const text = chars.join('');
  const toOriginal = new Int32Array(text.length + 1);
  // chars may hold multi-unit strings (NFKC of one char): expand per UTF-16 unit.
  let k = 0;
  chars.forEach((c, i) => {
    for (let j = 0; j < c.length; j++) toOriginal[k++] = at[i]!;
  });
  toOriginal[text.length] = original.length;
  return {
    id: article.id,
    meta: article.meta,
    original,
    text,
    toOriginal,
    sentences: [],
    setting: {},
    tokens: [],
    mentions: [],
    entities: [],
    relations: [],
  };
}

function splitLines(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let end = i;
      if (end > start && text[end - 1] === '\r') end--;
      out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

/** One line without markup, NFKC'd and simplified, trimmed; undefined when blank. */
function cleanLine(original: string, start: number, end: number, convert: boolean): Piece | undefined {
  let line = original.slice(start, end);
  if (RULE_LINE.test(line)) return undefined;
  let offset = start;
  const prefix = LINE_PREFIX.exec(line);
  if (prefix) {
    offset += prefix[0].length;
    line = line.slice(prefix[0].length);
  }
  const chars: string[] = [];
  const at: number[] = [];
  const simplified = convert ? simplify(line) : line;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    // Keep surrogate pairs whole.
    const ch = code >= 0xd800 && code < 0xdc00 && i + 1 < line.length ? line.slice(i, i + 2) : simplified[i]!;
    const n = ch.normalize('NFKC');
    chars.push(CHINESE_PUNCTUATION[n] ?? n);
    at.push(offset + i);
    if (ch.length === 2) i++;
  }
  stripInlineMarkdown(chars, at);
  // Trim white space at both ends (NFKC turns the ideographic space into ' ').
  while (chars.length && /^\s*$/.test(chars[0]!)) {
    chars.shift();
    at.shift();
  }
  while (chars.length && /^\s*$/.test(chars[chars.length - 1]!)) {
    chars.pop();
    at.pop();
  }
  return chars.length ? { chars, at } : undefined;
}

/** OpenCC converts phrase-aware; keep its result only when it maps one to one. */
function simplify(line: string): string {
  const out = toSimplified(line);
  if (out.length === line.length) return out;
  return Array.from(line, (ch) => toSimplified(ch)).join('');
}

/** Removes **, __, `, and link/image syntax in place, keeping link text. */
function stripInlineMarkdown(chars: string[], at: number[]): void {
  const s = chars.join('');
  if (!/[*_`\[!]/.test(s)) return;
  const drop = new Set<number>();
  for (const m of s.matchAll(/\*\*|__|`/g)) for (let i = 0; i < m[0].length; i++) drop.add(m.index + i);
  for (const m of s.matchAll(/(!?)\[([^\]]*)\]\(([^)]*)\)/g)) {
    const start = m.index;
    const textStart = start + m[1]!.length + 1;
    const textEnd = textStart + m[2]!.length;
    for (let i = start; i < start + m[0].length; i++) {
      if (m[1] === '!' || i < textStart || i >= textEnd) drop.add(i);
    }
  }
  if (!drop.size) return;
  // chars are single code points, so string index = array index only if no surrogate pairs;
  // map string positions to array positions.
  const keepChars: string[] = [];
  const keepAt: number[] = [];
  let pos = 0;
  chars.forEach((c, i) => {
    if (!drop.has(pos)) {
      keepChars.push(c);
      keepAt.push(at[i]!);
    }
    pos += c.length;
  });
  chars.splice(0, chars.length, ...keepChars);
  at.splice(0, at.length, ...keepAt);
}

function lastChar(p: Piece): string {
  return p.chars[p.chars.length - 1] ?? '';
}

/** Printed width: a Chinese character is one column, an ASCII one half. */
function visibleLength(p: Piece): number {
  let w = 0;
  for (const c of p.chars) w += c.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/**
 * Joins the lines of one paragraph. In a newspaper column every line but
 * the last is (nearly) as wide as the widest, so the breaks are the column's,
 * not the writer's: the lines run on with no separator. A headline stack
 * (lines of different widths) keeps its breaks, as does any line that ends
 * a sentence.
 */
function joinLines(lines: Piece[]): Piece {
  const widths = lines.map(visibleLength);
  const body = lines.slice(0, -1).filter((l) => !TERMINAL.has(lastChar(l)) && !CLOSERS.has(lastChar(l))).map(visibleLength);
  const widest = Math.max(0, ...body);
  const full = body.filter((w) => w >= 0.8 * widest).length;
  const column = lines.length >= 2 && widest >= 8 && full >= Math.max(1, 0.7 * body.length) && widths[widths.length - 1]! <= widest + 1.5;
  const out: Piece = { chars: [], at: [], runOn: column };
  lines.forEach((line, i) => {
    if (i > 0) {
      const prev = lines[i - 1]!;
      const end = lastChar(prev);
      const next = line.chars[0] ?? '';
      const runsOn = SOFT_END.has(end) || /^[，、。；：！？）)”’]/.test(next) || (column && !TERMINAL.has(end) && !CLOSERS.has(end));
      if (!runsOn) {
        out.chars.push('\n');
        out.at.push((prev.at[prev.at.length - 1] ?? 0) + 1);
      } else if (/[A-Za-z0-9]/.test(end) && /[A-Za-z]/.test(next)) {
        out.chars.push(' ');
        out.at.push((prev.at[prev.at.length - 1] ?? 0) + 1);
      }
    }
    out.chars.push(...line.chars);
    out.at.push(...line.at);
  });
  return out;
}

function endsMidSentence(p: Piece, next: Piece | undefined): boolean {
  const end = lastChar(p);
  if (TERMINAL.has(end) || CLOSERS.has(end) || !(CJK.test(end) || SOFT_END.has(end) || /[0-9A-Za-z]/.test(end))) return false;
  const text = p.chars.join('');
  // A byline ("张三 某某公司总经理") or headline is not cut off running text.
  if (!p.runOn && !/。/.test(text) && / /.test(text)) return false;
  // Running text has commas or fills a column; headlines and credits do not.
  if (text.length >= 12 && (/[，。；]/.test(text) || p.runOn === true)) return true;
  // A lone line cut inside a word (…环保技 | 术有限责任公司…).
  const head = next?.chars.slice(0, 2).join('') ?? '';
  return text.length >= 6 && !!head && CJK.test(end) && isWord(end + head[0]) && !isWord(text.slice(-2)) && !/^【?(本报讯|新华社)/.test(next!.chars.join(''));
}

function isWord(w: string): boolean {
  const entry = lexicon().word(w);
  return !!entry && entry.freq >= 50;
}

/**
 * A paragraph that stops mid-sentence continues in the next paragraph that
 * is not a caption or credit line; captions in between move after it.
 */
function rejoinInterrupted(paragraphs: Piece[]): Piece[] {
  const out: Piece[] = [];
  const queue = [...paragraphs];
  while (queue.length) {
    const p = queue.shift()!;
    let merged = p;
    const moved: Piece[] = [];
    while (queue.length && endsMidSentence(merged, queue.find((q) => !CAPTION.test(q.chars.join(''))))) {
      let k = 0;
      while (k < queue.length && k < 3 && CAPTION.test(queue[k]!.chars.join(''))) k++;
      const next = queue[k];
      if (!next || k >= 3 || /^(【?本报讯|新华社|#)/.test(next.chars.join(''))) break;
      moved.push(...queue.splice(0, k));
      queue.shift();
      merged = { chars: [...merged.chars, ...next.chars], at: [...merged.at, ...next.at], runOn: merged.runOn || next.runOn };
    }
    out.push(merged, ...moved);
  }
  return out;
}
