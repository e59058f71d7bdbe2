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

/**
 * A set of words found by their first or last character, so matching at a
 * position costs a map lookup and a few comparisons, not a scan of the list.
 */
export class WordSet {
  private readonly byLast = new Map<string, string[]>();
  private readonly byFirst = new Map<string, string[]>();
  readonly words: ReadonlySet<string>;

  constructor(words: Iterable<string>) {
    const all = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
    this.words = new Set(all);
    for (const w of all) {
      const last = w[w.length - 1]!;
      const first = w[0]!;
      if (!this.byLast.has(last)) this.byLast.set(last, []);
      if (!this.byFirst.has(first)) this.byFirst.set(first, []);
      this.byLast.get(last)!.push(w);
      this.byFirst.get(first)!.push(w);
    }
  }

  has(w: string): boolean {
    return this.words.has(w);
  }

  /** Longest word ending exactly at `at`. */
  endingAt(text: string, at: number): string | undefined {
    for (const w of this.byLast.get(text[at - 1] ?? '') ?? []) {
      if (at >= w.length && text.startsWith(w, at - w.length)) return w;
    }
    return undefined;
  }

  /** Longest word starting exactly at `at`. */
  startingAt(text: string, at: number): string | undefined {
    for (const w of this.byFirst.get(text[at] ?? '') ?? []) if (text.startsWith(w, at)) return w;
    return undefined;
  }
}
