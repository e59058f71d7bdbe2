/**
 * Stage 3, segment: jieba word segmentation and part-of-speech tags for each
 * sentence, with offsets. jieba is loaded once per process with a user
 * dictionary generated from Laurel's lexicons, so honours, offices and
 * organisation endings come out as whole words. The words come from
 * Laurel's addon over nodejieba's cppjieba (offsets, no strings), or from
 * nodejieba.cut itself when the addon is not built.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Doc, Token } from '../document.js';
import { lexicon } from '../lexicon.js';

/** Cuts text into words: [start, end) UTF-16 offsets, in order, covering the text. */
export type Cutter = (text: string) => ArrayLike<number>;

interface NodeJieba {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  load(opts: { userDict?: string }): void;
  cut(s: string, hmm?: boolean): string[];
}

interface OffsetsAddon {
  load(dict: string, hmmModel: string, userDict: string): void;
  cut(s: string, hmm: boolean): Uint32Array;
}

const require = createRequire(import.meta.url);
let cutter: Cutter | undefined;

function loadCutter(): Cutter {
  return (cutter ??= offsetsCutter() ?? nodejiebaCutter());
}

/**
 * Laurel's addon (src/extract/native): nodejieba's cppjieba and dictionaries,
 * returning offsets instead of strings. Undefined if it was not built.
 */
export function offsetsCutter(): Cutter | undefined {
  const path = addonPath();
  if (!path) {
    process.stderr.write(
      'laurel: the segmenter addon is not built (src/extract/native); using nodejieba.cut, which is slower. `npm run install` builds it.\n',
    );
    return undefined;
  }
  const addon = require(path) as OffsetsAddon;
  const nj = require('nodejieba') as NodeJieba;
  addon.load(nj.DEFAULT_DICT, nj.DEFAULT_HMM_DICT, writeUserDict());
  return (text) => addon.cut(text, true);
}

function addonPath(): string | undefined {
  // From src/extract/stages (tsx, tests) or dist/extract/stages (built).
  for (const root of ['../../..', '../../../..']) {
    const path = fileURLToPath(new URL(`${root}/src/extract/native/build/Release/jieba_offsets.node`, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/** nodejieba's own cut, its words found in the text again to get their offsets. */
export function nodejiebaCutter(): Cutter {
  const nj = require('nodejieba') as NodeJieba;
  nj.load({ userDict: writeUserDict() });
  return (text) => {
    const offsets: number[] = [];
    let at = 0;
    for (const word of nj.cut(text, true)) {
      const found = text.startsWith(word, at) ? at : text.indexOf(word, at);
      if (found < 0) continue;
      at = found + word.length;
      offsets.push(found, at);
    }
    return offsets;
  };
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
  const cut = loadCutter();
  const lx = lexicon();
  const text = doc.text;
  const tokens: Token[] = [];
  const bounds = cut(text);
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i]!;
    const c = text.charCodeAt(start);
    if (c <= 0x20 || c === 0x3000) continue;
    const end = bounds[i + 1]!;
    tokens.push(new JiebaToken(start, end, text.slice(start, end), lx));
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
