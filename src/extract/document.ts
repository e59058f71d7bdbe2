/**
 * The document that flows through the pipeline. Each stage is a pure
 * function that returns a copy with its own annotations added; offsets are
 * into `text` (the normalised text) and map back to `original` through
 * `toOriginal`.
 */
import type { EntityType, RelationType } from '../domain/model.js';
import type { ArticleMeta } from './contract.js';
import { WHITE_SPACE } from './text.js';

export interface Span {
  /** Offsets into Doc.text, end exclusive. */
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (block of text between blank lines) it belongs to. */
  paragraph: number;
}

export interface Token extends Span {
  word: string;
  /** jieba part-of-speech tag; unreliable for names, used only as a hint. */
  tag: string;
}

/** Where and when the article is set; resolves 今年, 市委, 省总工会. */
export interface Setting {
  /** Publication year, from metadata, a dateline, or the years the text uses. */
  year?: number;
  date?: string;
  /** Full province name (浙江省) and city (宁波市) the article writes from. */
  province?: string;
  city?: string;
}

export interface EntityMention extends Span {
  type: EntityType;
  /** Canonical name for this mention (after resolution: of its entity). */
  name: string;
  /** Level of an honour (national, provincial, municipal, district, sector). */
  level?: string;
  /** Why it was recognised (for debugging and tests): 'byline', 'suffix', … */
  cue: string;
  /** Year written with an honour (2025年北京市劳动模范). */
  year?: number;
  /** Set when this mention is a short form tied to a fuller name. */
  aliasOf?: string;
}

export interface DocEntity {
  type: EntityType;
  name: string;
  aliases: string[];
  level?: string;
  /** Indices into Doc.mentions. */
  mentions: number[];
}

export interface DocRelation {
  type: RelationType;
  from: string;
  to: string;
  year?: number;
  position?: string;
  /** Index into Doc.sentences of the sentence where it was first found. */
  sentence: number;
  /** Every sentence found stating it, in the order found (the first is `sentence`). */
  sentences: number[];
  /** Which rule found it (debugging and tests). */
  rule: string;
}

export interface Doc {
  id: string;
  meta: ArticleMeta;
  original: string;
  text: string;
  /** toOriginal[i] is the index in `original` of text[i]; toOriginal[text.length] = original.length. */
  toOriginal: Int32Array;
  sentences: Sentence[];
  setting: Setting;
  tokens: Token[];
  mentions: EntityMention[];
  entities: DocEntity[];
  relations: DocRelation[];
}

export function sliceText(doc: Pick<Doc, 'text'>, s: Span): string {
  return doc.text.slice(s.start, s.end);
}

/** The original characters behind a span of the normalised text. */
export function originalSpan(doc: Pick<Doc, 'toOriginal' | 'original' | 'text'>, s: Span): Span {
  const start = doc.toOriginal[s.start] ?? doc.original.length;
  const last = doc.toOriginal[Math.max(s.start, s.end - 1)] ?? start;
  return { start, end: Math.min(doc.original.length, last + 1) };
}

/**
 * The original characters behind a span of the normalised text, in reading
 * order: traditional characters stay traditional, but the layout's line
 * breaks and any caption that interrupted the span are left out.
 */
export function originalText(doc: Pick<Doc, 'toOriginal' | 'original' | 'text'>, s: Span): string {
  // Most spans come one to one from the original, with no white space: a slice.
  const from = doc.toOriginal[s.start]!;
  if (s.end > s.start && doc.toOriginal[s.end - 1]! - from === s.end - 1 - s.start) {
    const slice = doc.original.slice(from, from + (s.end - s.start));
    if (!/\s/.test(slice) && slice.length === s.end - s.start) return slice;
  }
  let out = '';
  let prev = -1;
  for (let i = s.start; i < s.end; i++) {
    if (WHITE_SPACE[doc.text.charCodeAt(i)]) {
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    const at = doc.toOriginal[i]!;
    if (at === prev) continue;
    prev = at;
    const code = doc.original.charCodeAt(at);
    out += code >= 0xd800 && code < 0xdc00 ? doc.original.slice(at, at + 2) : doc.original[at];
  }
  return out.trim();
}

/** Index of the sentence containing offset `at` (binary search). */
export function sentenceAt(doc: Pick<Doc, 'sentences'>, at: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.sentences[mid]!.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The sentence containing offset `at`, or undefined between sentences;
 * with `endInclusive` an offset right after a sentence belongs to it.
 */
export function sentenceContaining(doc: Pick<Doc, 'sentences'>, at: number, endInclusive = false): Sentence | undefined {
  const k = sentenceAt(doc, at);
  const prev = doc.sentences[k - 1];
  if (endInclusive && prev && prev.end === at) return prev;
  const s = doc.sentences[k];
  return s && s.start <= at && (at < s.end || (endInclusive && at === s.end)) ? s : undefined;
}
