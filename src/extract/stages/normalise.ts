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
import { unitTable } from '../text.js';

/** text[t, t+n) came from original[o, o+n); most lines are one run. */
interface Run {
  t: number;
  o: number;
  n: number;
}

/** A run of output text with the runs that map it back to the original. */
interface Piece {
  text: string;
  runs: Run[];
  /** Some of its lines ran on (column breaks): it is running text, not a headline. */
  runOn?: boolean;
}

/** Appends a one-unit mapping, extending the last run when contiguous. */
function pushUnit(runs: Run[], t: number, o: number): void {
  const last = runs[runs.length - 1];
  if (last && last.t + last.n === t && last.o + last.n === o) last.n++;
  else runs.push({ t, o, n: 1 });
}

/** The original index of a piece's i-th unit. */
function originalAt(p: Piece, i: number): number {
  for (const r of p.runs) if (i >= r.t && i < r.t + r.n) return r.o + (i - r.t);
  return p.runs[p.runs.length - 1] ? p.runs[p.runs.length - 1]!.o + p.runs[p.runs.length - 1]!.n : 0;
}

/** Joins pieces (with separators mapped to `sepAt`) into one piece. */
function concat(pieces: Piece[], separators: { text: string; at: number }[]): Piece {
  let text = '';
  const runs: Run[] = [];
  pieces.forEach((p, i) => {
    if (i > 0) {
      const sep = separators[i - 1]!;
      for (let u = 0; u < sep.text.length; u++) runs.push({ t: text.length + u, o: sep.at, n: 1 });
      text += sep.text;
    }
    for (const r of p.runs) runs.push({ t: r.t + text.length, o: r.o, n: r.n });
    text += p.text;
  });
  return { text, runs };
}

/** Keeps text[a, b) of a piece (trimming). */
function slicePiece(p: Piece, a: number, b: number): Piece {
  const runs: Run[] = [];
  for (const r of p.runs) {
    const from = Math.max(a, r.t);
    const to = Math.min(b, r.t + r.n);
    if (from < to) runs.push({ t: from - a, o: r.o + (from - r.t), n: to - from });
  }
  return { text: p.text.slice(a, b), runs, runOn: p.runOn };
}

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

const HAN_FROM = 0x3400;
const HAN_TO = 0x9fff;
let traditionalChars: Uint8Array | undefined;
/** Characters that OpenCC would change (a bitmap over the Han block): their presence marks traditional text. */
function traditional(): Uint8Array {
  if (!traditionalChars) {
    traditionalChars = new Uint8Array(HAN_TO - HAN_FROM + 1);
    for (let c = HAN_FROM; c <= HAN_TO; c++) {
      const ch = String.fromCharCode(c);
      if (toSimplified(ch) !== ch) traditionalChars[c - HAN_FROM] = 1;
    }
  }
  return traditionalChars;
}

export function hasTraditional(text: string): boolean {
  const map = traditional();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= HAN_FROM && c <= HAN_TO && map[c - HAN_FROM]) return true;
  }
  return false;
}

/** Whether NFKC can change this UTF-16 unit (Han ideographs and Chinese punctuation never change). */
function mayChangeUnderNfkc(code: number): boolean {
  if (code < 0xa0) return false;
  if ((code >= 0x3001 && code <= 0x303f) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0x2010 && code <= 0x2027)) return false;
  return true;
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
  const whole = concat(
    joined,
    joined.slice(1).map((p) => ({ text: '\n\n', at: p.runs[0]?.o ?? original.length })),
  );
  const text = whole.text;
  const toOriginal = new Int32Array(text.length + 1);
  for (const r of whole.runs) for (let u = 0; u < r.n; u++) toOriginal[r.t + u] = r.o + u;
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

/** Lines made only of these need no per-character work: Han, Chinese punctuation, plain ASCII. */
const PLAIN = unitTable('\t "#$%&\'+-./<=>@\\^{|}~\u00b7\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f', [
  [0x41, 0x5a], // A-Z
  [0x61, 0x7a], // a-z
  [0x30, 0x39], // 0-9
  [0x2010, 0x2027], // dashes, quotes, ellipsis
  [0x3001, 0x303f], // CJK punctuation
  [0x3400, 0x9fff], // Han
]);

function isPlain(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!PLAIN[line.charCodeAt(i)]) return false;
  return true;
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
  const simplified = convert ? simplify(line) : line;
  let piece: Piece;
  if (isPlain(simplified)) {
    // The common case: unchanged one to one, a single run.
    piece = { text: simplified, runs: simplified.length ? [{ t: 0, o: offset, n: simplified.length }] : [] };
  } else {
    const drop = markdownMarks(line);
    const parts: string[] = [];
    const runs: Run[] = [];
    let t = 0;
    for (let i = 0; i < line.length; i++) {
      if (drop.has(i)) continue;
      const code = line.charCodeAt(i);
      // Keep surrogate pairs whole.
      const ch = code >= 0xd800 && code < 0xdc00 && i + 1 < line.length ? line.slice(i, i + 2) : simplified[i]!;
      const n = mayChangeUnderNfkc(code) ? ch.normalize('NFKC') : ch;
      // A comma grouping digits (1,000) is not a clause break.
      const digitGroup = n === ',' && /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '');
      const out = digitGroup ? n : (CHINESE_PUNCTUATION[n] ?? n);
      parts.push(out);
      for (let u = 0; u < out.length; u++) pushUnit(runs, t++, offset + i);
      if (ch.length === 2) i++;
    }
    piece = { text: parts.join(''), runs };
  }
  // Trim white space at both ends (NFKC turns the ideographic space into ' ').
  const text = piece.text;
  let a = 0;
  let b = text.length;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (a === b) return undefined;
  const trimmed = a === 0 && b === text.length ? piece : slicePiece(piece, a, b);
  return unpadNames(joinSpacedName(trimmed));
}

/** A line of single characters spaced out, maybe closed by a word: 常 州 市 武 进 区 卫生局. */
const SPACED_LINE = /^[\u4e00-\u9fff](?: [\u4e00-\u9fff]){3,}(?: [\u4e00-\u9fff]{2,})?$/;

/**
 * Decisions space a signing body's name out to the width of the page
 * (江 州 市 总 工 会): a line of spaced characters that, joined, ends like a
 * body's name is that name. Other spaced lines (names padded side by side)
 * are left alone.
 */
function joinSpacedName(p: Piece): Piece {
  if (!SPACED_LINE.test(p.text)) return p;
  const joined = p.text.replaceAll(' ', '');
  if (!lexicon().orgSuffixes.endingAt(joined, joined.length)) return p;
  let text = '';
  const runs: Run[] = [];
  for (let i = 0; i < p.text.length; i++) {
    if (p.text[i] === ' ') continue;
    pushUnit(runs, text.length, originalAt(p, i));
    text += p.text[i];
  }
  return { text, runs, runOn: p.runOn };
}

/**
 * Newspapers pad two-character names to the width of three with a space
 * (王　军, 记者 唐 敏): a surname, a space and one character, standing alone,
 * are one name. The space goes; the characters keep their map.
 */
function unpadNames(p: Piece): Piece {
  if (!/[\u4e00-\u9fff] [\u4e00-\u9fff]/.test(p.text)) return p;
  const surnames = lexicon().surnames;
  const drop = new Set<number>();
  for (const m of p.text.matchAll(PADDED_NAME)) {
    const at = m.index + m[1]!.length;
    const surname = p.text[at]!;
    if (surnames.common.has(surname) || surnames.rare.has(surname)) drop.add(at + 1);
  }
  if (!drop.size) return p;
  let text = '';
  const runs: Run[] = [];
  for (let i = 0; i < p.text.length; i++) {
    if (drop.has(i)) continue;
    pushUnit(runs, text.length, originalAt(p, i));
    text += p.text[i];
  }
  return { text, runs, runOn: p.runOn };
}

/** A padded name: at a line's start, after a byline word or an opening bracket; before a space, bracket, punctuation or the end. */
const PADDED_NAME = /(^|[（(：:\s]|记者|通讯员|编辑|校对|摄影|摄)[\u4e00-\u9fff] [\u4e00-\u9fff](?=[\s（(）)，,。、；：]|$)/g;

/** OpenCC converts phrase-aware; keep its result only when it maps one to one. */
function simplify(line: string): string {
  const out = toSimplified(line);
  if (out.length === line.length) return out;
  return Array.from(line, (ch) => toSimplified(ch)).join('');
}

/** Indices of a line's Markdown marks: **, __, `, and link or image syntax (a link keeps its text). */
function markdownMarks(line: string): Set<number> {
  const drop = new Set<number>();
  if (!/[*_`\[!]/.test(line)) return drop;
  for (const m of line.matchAll(/\*\*|__|`/g)) for (let i = 0; i < m[0].length; i++) drop.add(m.index + i);
  for (const m of line.matchAll(/(!?)\[([^\]]*)\]\(([^)]*)\)/g)) {
    const textStart = m.index + m[1]!.length + 1;
    const textEnd = textStart + m[2]!.length;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      if (m[1] === '!' || i < textStart || i >= textEnd) drop.add(i);
    }
  }
  return drop;
}

function lastChar(p: Piece): string {
  return p.text[p.text.length - 1] ?? '';
}

/** Printed width: a Chinese character is one column, an ASCII one half. */
function visibleLength(p: Piece): number {
  let w = 0;
  for (let i = 0; i < p.text.length; i++) w += p.text.charCodeAt(i) < 0x80 ? 0.5 : 1;
  return w;
}

/** A table row: Markdown (| a | b |), or cells set apart by runs of spaces. */
const TABLE_ROW = /^\s*\|.*\|\s*$|\S {2,}\S/;
/** A line of a list of people: a name (with a note: （女）, （土家族）), a space, then who they are, in no sentence. */
const LIST_ROW = /^[\u4e00-\u9fff]{2,4}([（(][^）)]{1,4}[）)])? [^，。；！？：]{4,40}$/;

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
  const separators = lines.slice(1).map((line, i) => {
    const prev = lines[i]!;
    const end = lastChar(prev);
    const next = line.text[0] ?? '';
    // A table row (| 1 | 张三 | … |, or cells set apart by runs of spaces) is a line of its own,
    // however column-like the table looks.
    const tableRow = TABLE_ROW.test(prev.text) || TABLE_ROW.test(line.text) || LIST_ROW.test(line.text);
    // A line that leaves a quote open (…表彰第二届“某市|优秀护士”的决定) runs on: a name is never broken by the writer.
    const runsOn = !tableRow && (SOFT_END.has(end) || /^[，、。；：！？）)”’]/.test(next) || (column && !TERMINAL.has(end) && !CLOSERS.has(end)) || opensQuote(prev.text));
    const at = originalAt(prev, prev.text.length - 1) + 1;
    if (!runsOn) return { text: '\n', at };
    return { text: /[A-Za-z0-9]/.test(end) && /[A-Za-z]/.test(next) ? ' ' : '', at };
  });
  return { ...concat(lines, separators), runOn: column };
}

/** Whether a line opens a “ it does not close. */
function opensQuote(line: string): boolean {
  let depth = 0;
  for (const ch of line) {
    if (ch === '“') depth++;
    else if (ch === '”' && depth > 0) depth--;
  }
  return depth > 0;
}

function endsMidSentence(p: Piece, next: Piece | undefined): boolean {
  // A list or table row ends its line.
  const lastLine = p.text.slice(p.text.lastIndexOf('\n') + 1);
  if (TABLE_ROW.test(lastLine) || LIST_ROW.test(lastLine)) return false;
  const end = lastChar(p);
  if (TERMINAL.has(end) || CLOSERS.has(end) || !(CJK.test(end) || SOFT_END.has(end) || /[0-9A-Za-z]/.test(end))) return false;
  const text = p.text;
  // A byline ("张三 某某公司总经理") or headline is not cut off running text.
  if (!p.runOn && !/。/.test(text) && / /.test(text)) return false;
  // Running text has commas or fills a column; headlines and credits do not.
  if (text.length >= 12 && (/[，。；]/.test(text) || p.runOn === true)) return true;
  // A lone line cut inside a word (…环保技 | 术有限责任公司…).
  const head = next?.text.slice(0, 2) ?? '';
  return text.length >= 6 && !!head && CJK.test(end) && isWord(end + head[0]) && !isWord(text.slice(-2)) && !NEW_STORY.test(next!.text);
}

function isWord(w: string): boolean {
  const entry = lexicon().word(w);
  return !!entry && entry.freq >= 50;
}

/** A paragraph that opens a new story is never the rest of the one before. */
const NEW_STORY = /^(【?本报讯|新华社|#)/;

/**
 * A paragraph that stops mid-sentence continues in the next paragraph that
 * is not a caption or credit line; captions in between move after it.
 */
function rejoinInterrupted(paragraphs: Piece[]): Piece[] {
  const out: Piece[] = [];
  const caption = paragraphs.map((p) => CAPTION.test(p.text));
  let i = 0;
  while (i < paragraphs.length) {
    let merged = paragraphs[i]!;
    const moved: Piece[] = [];
    let next = i + 1;
    for (;;) {
      // Skip up to two caption or credit paragraphs to find where the sentence goes on.
      let k = next;
      while (k < paragraphs.length && k - next < 3 && caption[k]) k++;
      const candidate = paragraphs[k];
      if (!candidate || k - next >= 3 || NEW_STORY.test(candidate.text) || !endsMidSentence(merged, candidate)) break;
      moved.push(...paragraphs.slice(next, k));
      merged = { ...concat([merged, candidate], [{ text: '', at: 0 }]), runOn: merged.runOn || candidate.runOn };
      next = k + 1;
    }
    out.push(merged, ...moved);
    i = next;
  }
  return out;
}
