/**
 * Stage 3, segment: jieba word segmentation and part-of-speech tags for each
 * sentence, with offsets. jieba is loaded once per process with a user
 * dictionary generated from Laurel's lexicons, so honours, offices and
 * organisation endings come out as whole words.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Doc, Token } from '../document.js';
import { lexicon } from '../lexicon.js';

interface Jieba {
  load(opts: { userDict?: string }): void;
  cut(s: string, hmm?: boolean): string[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const j = require('nodejieba') as Jieba;
  j.load({ userDict: writeUserDict() });
  return (jieba = j);
}

/** The user dictionary as jieba reads it: one `word freq tag` per line. */
export function userDictionary(): string {
  return [...lexicon().userWords].map(([w, { freq, tag }]) => `${w} ${freq} ${tag}`).join('\n') + '\n';
}

function writeUserDict(): string {
  const text = userDictionary();
  const hash = createHash('sha1').update(text).digest('hex').slice(0, 12);
  const dir = join(tmpdir(), 'laurel-jieba');
  const path = join(dir, `user-${hash}.dict`);
  if (!existsSync(path)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    // Atomic publish: concurrent workers never read a half-written file.
    renameSync(tmp, path);
  }
  return path;
}

/**
 * jieba's cut, with each word's tag looked up in its dictionary (what its
 * tagger does for known words, at twice the speed); words the HMM found are
 * tagged x, as jieba tags them.
 */
export function segment(doc: Doc): Doc {
  const j = loadJieba();
  const lx = lexicon();
  const tokens: Token[] = [];
  const words = j.cut(doc.text, true);
  let at = 0;
  for (const word of words) {
    const found = doc.text.startsWith(word, at) ? at : doc.text.indexOf(word, at);
    if (found < 0) continue;
    at = found + word.length;
    const c = word.charCodeAt(0);
    if (c <= 0x20 || c === 0x3000) continue;
    tokens.push(new JiebaToken(found, at, word, lx));
  }
  return { ...doc, tokens };
}

/**
 * A word with its tag looked up on first use: most tokens never have their
 * tag read, and the lookup in jieba's 350k-word dictionary was a tenth of
 * the extraction time.
 */
class JiebaToken implements Token {
  #tag: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly word: string,
    private readonly lx: ReturnType<typeof lexicon>,
  ) {}
  get tag(): string {
    return (this.#tag ??= tagOf(this.word, this.lx));
  }
  toJSON(): Token {
    return { start: this.start, end: this.end, word: this.word, tag: this.tag };
  }
}

function tagOf(word: string, lx: ReturnType<typeof lexicon>): string {
  // As jieba's tagger: Laurel's user dictionary first, then jieba's own.
  const known = lx.userWords.get(word) ?? lx.word(word);
  if (known) return known.tag;
  const c = word.charCodeAt(0);
  if (c >= 0x3400) return 'x';
  if (/^[0-9０-９.]+$/.test(word)) return 'm';
  if (/^[A-Za-z]+$/.test(word)) return 'eng';
  return 'x';
}
