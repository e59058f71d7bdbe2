/** Character classes and small text utilities shared by the stages. */
import type { Doc, Span, Token } from './document.js';

/** A Han character's code unit (CJK unified ideographs, extension A, compatibility ideographs). */
export const isHanUnit = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

export const isHan = (ch: string | undefined): boolean => !!ch && isHanUnit(ch.charCodeAt(0));

/** Whether every code unit of `s` is Han (and `s` is not empty). */
export function allHan(s: string): boolean {
  if (!s) return false;
  for (let k = 0; k < s.length; k++) if (!isHanUnit(s.charCodeAt(k))) return false;
  return true;
}

/**
 * A membership table over UTF-16 code units: 1 for each of `chars` and
 * each [first, last] range. For
 * per-character loops, where a Set lookup (or text[i], a string per
 * character) costs more than the work it guards.
 */
export function unitTable(chars: string, ranges: readonly (readonly [number, number])[] = []): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  for (const [first, last] of ranges) table.fill(1, first, last + 1);
  return table;
}

/** What /\s/ matches, as a table over code units. */
export const WHITE_SPACE = unitTable('\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff');

const BREAKS = unitTable(' \t\n\r\f\v\u00a0\u3000，。、；：！？“”‘’「」『』《》〈〉（）()【】[]|｜·…—-,.;:!?\'"/');

/** Punctuation, white space and line breaks: anything that separates words. */
export const isBreak = (ch: string | undefined): boolean => ch === undefined || BREAKS[ch.charCodeAt(0)] === 1;

/** isBreak for the character at `at` (past either end counts as a break), without making a string of it. */
export const isBreakAt = (text: string, at: number): boolean => at < 0 || at >= text.length || BREAKS[text.charCodeAt(at)] === 1;

/** A year written as 2025年 / 2025年度 right before `at` (quotes and spaces allowed). */
export function yearBefore(text: string, at: number): { year: number; start: number } | undefined {
  const m = /((?:19|20)\d{2})\s*年度?\s*[“‘「]?\s*$/.exec(text.slice(Math.max(0, at - 12), at));
  return m ? { year: Number(m[1]), start: at - m[0].length } : undefined;
}

/** Whether any existing span overlaps [start, end). */
export function overlaps(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => s.start < end && start < s.end);
}

/** Index of tokens by start and end offset, for boundary checks. */
export class TokenIndex {
  /** For each text offset, the index of the token starting / ending / lying there, or -1. */
  private readonly starting: Int32Array;
  private readonly ending: Int32Array;
  private readonly covering: Int32Array;

  constructor(
    private readonly tokens: readonly Token[],
    length: number,
  ) {
    this.starting = new Int32Array(length + 1).fill(-1);
    this.ending = new Int32Array(length + 1).fill(-1);
    this.covering = new Int32Array(length + 1).fill(-1);
    // A plain loop: most tokens are one to three units, too short for fill() to pay its call.
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      this.starting[t.start] = k;
      this.ending[t.end] = k;
      for (let x = t.start; x < t.end; x++) this.covering[x] = k;
    }
  }

  private token(k: number | undefined): Token | undefined {
    return k === undefined || k < 0 ? undefined : this.tokens[k];
  }

  startsAt(at: number): Token | undefined {
    return this.token(this.starting[at]);
  }

  endsAt(at: number): Token | undefined {
    return this.token(this.ending[at]);
  }

  /** Whether a token boundary falls at `at`. */
  boundary(at: number): boolean {
    return (this.starting[at] ?? -1) >= 0 || (this.ending[at] ?? -1) >= 0;
  }

  /** The token containing offset `at`. */
  at(at: number): Token | undefined {
    return this.token(this.covering[at]);
  }
}

export function tokenIndex(doc: Pick<Doc, 'tokens' | 'text'>): TokenIndex {
  return new TokenIndex(doc.tokens, doc.text.length);
}

interface TrieNode {
  /** Children by UTF-16 code unit. */
  next: Map<number, TrieNode>;
  /** A word ends here (the word read forwards). */
  word?: string;
}

function insert(root: TrieNode, units: number[], word: string): void {
  let node = root;
  for (const u of units) {
    let child = node.next.get(u);
    if (!child) node.next.set(u, (child = { next: new Map() }));
    node = child;
  }
  node.word = word;
}

/**
 * A set of words that can be matched at a position of a text, forwards
 * (startingAt) or backwards (endingAt), by walking a trie of UTF-16 units:
 * the cost is the length of the match, not the size of the set, and a
 * position no word can end at is rejected with one array lookup.
 */
export class WordSet {
  private readonly forward: TrieNode = { next: new Map() };
  private readonly backward: TrieNode = { next: new Map() };
  private readonly firsts = new Uint8Array(0x10000);
  private readonly lasts = new Uint8Array(0x10000);
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const all = new Set([...words].filter(Boolean));
    this.words = all;
    for (const w of all) {
      const units = Array.from({ length: w.length }, (_, k) => w.charCodeAt(k));
      insert(this.forward, units, w);
      insert(this.backward, [...units].reverse(), w);
      this.firsts[units[0]!] = 1;
      this.lasts[units[units.length - 1]!] = 1;
    }
  }

  has(w: string): boolean {
    return this.words.has(w);
  }

  /** Whether some word could end at `at` (its last unit is one a word ends with): one lookup. */
  mayEndAt(text: string, at: number): boolean {
    return at > 0 && this.lasts[text.charCodeAt(at - 1)] === 1;
  }

  /** Longest word ending exactly at `at`. */
  endingAt(text: string, at: number): string | undefined {
    if (!this.mayEndAt(text, at)) return undefined;
    let node: TrieNode | undefined = this.backward;
    let found: string | undefined;
    for (let i = at - 1; i >= 0 && node; i--) {
      node = node.next.get(text.charCodeAt(i));
      if (node?.word) found = node.word;
    }
    return found;
  }

  /** Longest word starting exactly at `at`. */
  startingAt(text: string, at: number): string | undefined {
    if (at >= text.length || !this.firsts[text.charCodeAt(at)]) return undefined;
    let node: TrieNode | undefined = this.forward;
    let found: string | undefined;
    for (let i = at; i < text.length && node; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (node?.word) found = node.word;
    }
    return found;
  }
}
