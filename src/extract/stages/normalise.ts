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

/** A run of output text; at[i] is the original index of text's i-th UTF-16 unit. */
interface Piece {
  text: string;
  at: number[];
  /** Some of its lines ran on (column breaks): it is running text, not a headline. */
  runOn?: boolean;
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
  const parts: string[] = [];
  const toOriginal = new Int32Array(joined.reduce((n, p) => n + p.text.length + 2, 1));
  let k = 0;
  joined.forEach((p, i) => {
    if (i > 0) {
      const sep = p.at[0] ?? original.length;
      parts.push('\n\n');
      toOriginal[k++] = sep;
      toOriginal[k++] = sep;
    }
    parts.push(p.text);
    for (const a of p.at) toOriginal[k++] = a;
  });
  const text = parts.join('');
  toOriginal[text.length] = original.length;
  return {
    id: article.id,
    meta: article.meta,
    original,
    text,
    toOriginal: toOriginal.subarray(0, text.length + 1),
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

/** Characters that NFKC or the punctuation map may change, or that mark Markdown. */
const NEEDS_WORK = /[^\t -'*-+\-./0-9<->@-Z\\^a-z{-~\u2010-\u2027\u3001-\u303f\u3400-\u9fff]/;

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
  let text: string;
  let at: number[];
  if (!NEEDS_WORK.test(simplified)) {
    // The common case: Han, Chinese punctuation and plain ASCII, unchanged one to one.
    text = simplified;
    at = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) at[i] = offset + i;
  } else {
    const parts: string[] = [];
    at = [];
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      // Keep surrogate pairs whole.
      const ch = code >= 0xd800 && code < 0xdc00 && i + 1 < line.length ? line.slice(i, i + 2) : simplified[i]!;
      const n = mayChangeUnderNfkc(code) ? ch.normalize('NFKC') : ch;
      const out = CHINESE_PUNCTUATION[n] ?? n;
      parts.push(out);
      for (let u = 0; u < out.length; u++) at.push(offset + i);
      if (ch.length === 2) i++;
    }
    text = parts.join('');
    ({ text, at } = stripInlineMarkdown(text, at));
  }
  // Trim white space at both ends (NFKC turns the ideographic space into ' ').
  let a = 0;
  let b = text.length;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  if (a === b) return undefined;
  return a === 0 && b === text.length ? { text, at } : { text: text.slice(a, b), at: at.slice(a, b) };
}

/** OpenCC converts phrase-aware; keep its result only when it maps one to one. */
function simplify(line: string): string {
  const out = toSimplified(line);
  if (out.length === line.length) return out;
  return Array.from(line, (ch) => toSimplified(ch)).join('');
}

/** Removes **, __, `, and link/image syntax, keeping link text. */
function stripInlineMarkdown(text: string, at: number[]): { text: string; at: number[] } {
  if (!/[*_`\[!]/.test(text)) return { text, at };
  const drop = new Set<number>();
  for (const m of text.matchAll(/\*\*|__|`/g)) for (let i = 0; i < m[0].length; i++) drop.add(m.index + i);
  for (const m of text.matchAll(/(!?)\[([^\]]*)\]\(([^)]*)\)/g)) {
    const textStart = m.index + m[1]!.length + 1;
    const textEnd = textStart + m[2]!.length;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      if (m[1] === '!' || i < textStart || i >= textEnd) drop.add(i);
    }
  }
  if (!drop.size) return { text, at };
  let kept = '';
  const keptAt: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (drop.has(i)) continue;
    kept += text[i];
    keptAt.push(at[i]!);
  }
  return { text: kept, at: keptAt };
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
  const parts: string[] = [];
  const at: number[] = [];
  lines.forEach((line, i) => {
    if (i > 0) {
      const prev = lines[i - 1]!;
      const end = lastChar(prev);
      const next = line.text[0] ?? '';
      const runsOn = SOFT_END.has(end) || /^[，、。；：！？）)”’]/.test(next) || (column && !TERMINAL.has(end) && !CLOSERS.has(end));
      if (!runsOn || (/[A-Za-z0-9]/.test(end) && /[A-Za-z]/.test(next))) {
        parts.push(runsOn ? ' ' : '\n');
        at.push((prev.at[prev.at.length - 1] ?? 0) + 1);
      }
    }
    parts.push(line.text);
    for (const a of line.at) at.push(a);
  });
  return { text: parts.join(''), at, runOn: column };
}

function endsMidSentence(p: Piece, next: Piece | undefined): boolean {
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
      merged = { text: merged.text + candidate.text, at: merged.at.concat(candidate.at), runOn: merged.runOn || candidate.runOn };
      next = k + 1;
    }
    out.push(merged, ...moved);
    i = next;
  }
  return out;
}
