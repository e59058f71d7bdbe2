/** Character classes and small text utilities shared by the stages. */
import type { Doc, Span, Token } from './document.js';

export const isHan = (ch: string | undefined): boolean => !!ch && /[\u3400-\u9fff\uf900-\ufaff]/.test(ch);

/** Punctuation, white space and line breaks: anything that separates words. */
export const isBreak = (ch: string | undefined): boolean =>
  ch === undefined || /[\s，。、；：！？“”‘’「」『』《》〈〉（）()【】\[\]|｜·…—\-,.;:!?'"/]/.test(ch);

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
  private readonly byStart = new Map<number, Token>();
  private readonly byEnd = new Map<number, Token>();
  private readonly covering: Token[];

  constructor(tokens: readonly Token[]) {
    this.covering = [...tokens];
    for (const t of tokens) {
      this.byStart.set(t.start, t);
      this.byEnd.set(t.end, t);
    }
  }

  startsAt(at: number): Token | undefined {
    return this.byStart.get(at);
  }

  endsAt(at: number): Token | undefined {
    return this.byEnd.get(at);
  }

  /** Whether a token boundary falls at `at`. */
  boundary(at: number): boolean {
    return this.byStart.has(at) || this.byEnd.has(at);
  }

  /** The token containing offset `at`. */
  at(at: number): Token | undefined {
    let lo = 0;
    let hi = this.covering.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.covering[mid]!;
      if (at < t.start) hi = mid - 1;
      else if (at >= t.end) lo = mid + 1;
      else return t;
    }
    return undefined;
  }
}

export function tokenIndex(doc: Pick<Doc, 'tokens'>): TokenIndex {
  return new TokenIndex(doc.tokens);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** A word ends here (the word read forwards). */
  word?: string;
}

function insert(root: TrieNode, key: string, word: string): void {
  let node = root;
  for (const ch of key) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { next: new Map() }));
    node = child;
  }
  node.word = word;
}

/**
 * A set of words that can be matched at a position of a text, forwards
 * (startingAt) or backwards (endingAt), by walking a trie: the cost is the
 * length of the match, not the size of the set.
 */
export class WordSet {
  private readonly forward: TrieNode = { next: new Map() };
  private readonly backward: TrieNode = { next: new Map() };
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const all = new Set([...words].filter(Boolean));
    this.words = all;
    for (const w of all) {
      insert(this.forward, w, w);
      insert(this.backward, [...w].reverse().join(''), w);
    }
  }

  has(w: string): boolean {
    return this.words.has(w);
  }

  /** Longest word ending exactly at `at`. */
  endingAt(text: string, at: number): string | undefined {
    let node: TrieNode | undefined = this.backward;
    let found: string | undefined;
    for (let i = at - 1; i >= 0 && node; i--) {
      node = node.next.get(text[i]!);
      if (node?.word) found = node.word;
    }
    return found;
  }

  /** Longest word starting exactly at `at`. */
  startingAt(text: string, at: number): string | undefined {
    let node: TrieNode | undefined = this.forward;
    let found: string | undefined;
    for (let i = at; i < text.length && node; i++) {
      node = node.next.get(text[i]!);
      if (node?.word) found = node.word;
    }
    return found;
  }
}
