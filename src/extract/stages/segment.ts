/**
 * Stage 4, segment: jieba word segmentation and part-of-speech tags for each
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
  tag(s: string): { word: string; tag: string }[];
}

const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;

function loadJieba(): Jieba {
  if (jieba) return jieba;
  const j = require('nodejieba') as Jieba;
  j.load({ userDict: writeUserDict() });
  return (jieba = j);
}

/** The user dictionary as text: one `word freq tag` per line. */
export function userDictionary(): string {
  const lx = lexicon();
  const lines = new Set<string>();
  const add = (w: string, tag: string, freq = 20000) => {
    if (w.length >= 2) lines.add(`${w} ${freq} ${tag}`);
  };
  for (const h of lx.scoped) for (const w of [h.core, ...h.aliases]) add(w, 'nz');
  for (const h of lx.named) for (const w of [h.name, ...h.aliases]) add(w, 'nz');
  for (const w of lx.positions.words) add(w, 'n');
  for (const w of lx.bylines.words) add(w, 'n');
  for (const w of lx.orgSuffixes.words) add(w, 'n', 5000);
  for (const b of lx.national) for (const w of [b.name, ...b.aliases]) add(w, 'nt');
  for (const p of lx.provinces) for (const w of [p.name, ...p.short]) add(w, 'ns', 5000);
  for (const c of lx.cityProvince.keys()) {
    add(c, 'ns', 3000);
    add(`${c}市`, 'ns', 3000);
  }
  return [...lines].join('\n') + '\n';
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

export function segment(doc: Doc): Doc {
  const j = loadJieba();
  const tokens: Token[] = [];
  for (const s of doc.sentences) {
    const text = doc.text.slice(s.start, s.end);
    let at = 0;
    for (const { word, tag } of j.tag(text)) {
      const found = text.indexOf(word, at);
      if (found < 0) continue;
      tokens.push({ start: s.start + found, end: s.start + found + word.length, word, tag });
      at = found + word.length;
    }
  }
  return { ...doc, tokens };
}
