/**
 * Turns a file into an Article: detects the encoding (UTF-8, GB18030/GBK,
 * UTF-16, Big5; a saved web page's body and metadata through ./html.ts),
 * removes stray control characters, rejects empty, binary,
 * undecodable and oversized files with a reason, and picks up the metadata
 * kept beside it (`<name>.meta.json`).
 */
import { basename, extname, join } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { z } from 'zod';
import type { Article, ArticleMeta } from '../contract.js';
import { HTML_EXTENSIONS, readHtmlPage } from './html.js';
import { ArticleReadError, readRegularFile, walkInputs } from './walk.js';

export { ARTICLE_EXTENSIONS, ArticleReadError } from './walk.js';

/**
 * The largest article read by default (LAUREL_MAX_ARTICLE_MB): extraction
 * holds about fifty times an article's size in memory, and a news article,
 * even a whole page of a paper, is far below this.
 */
export const DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

export interface ReadOptions {
  /** Larger files are refused with a message naming the limit. */
  maxBytes?: number;
  /** How the user changes the limit, named in that message. */
  limitHint?: string;
}

/** Metadata files are small; anything bigger is not one. */
const MAX_META_BYTES = 1024 * 1024;

const metaSchema = z
  .object({
    title: z.string().optional(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD')
      .optional(),
    newspaper: z.string().optional(),
    page: z.string().optional(),
    place: z.string().optional(),
    source: z.string().optional(),
  })
  .passthrough();

export interface DecodedText {
  text: string;
  encoding: string;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Decodes bytes of unknown encoding, or says why it cannot. */
export function decodeText(bytes: Buffer): DecodedText {
  if (bytes.length === 0) throw new Error('empty file');
  const bom = bomEncoding(bytes);
  if (bom) return checked(iconv.decode(bytes, bom), bom);
  const control = controlBytes(bytes);
  const binary = control.count > MAX_STRAY_CONTROLS && control.share > STRAY_CONTROL_SHARE;
  if (control.nul || binary) {
    // UTF-16 without a BOM has NUL bytes too; it reads as plausible Chinese text, binary does not.
    const utf16 = ['UTF-16LE', 'UTF-16BE'].find((e) => plausibleText(iconv.decode(bytes, e)));
    if (utf16) return checked(iconv.decode(bytes, utf16), utf16);
    // A stray NUL or control byte in text is dropped (checked()); many make it
    // binary, and so does a NUL in what is not clean UTF-8 (a Chinese
    // encoding would turn any bytes into characters).
    const utf8 = binary ? undefined : decodeUtf8Strict(bytes);
    if (utf8 === undefined) throw new Error('binary file, not text');
    return checked(utf8, 'UTF-8');
  }
  const utf8 = decodeUtf8Strict(bytes);
  if (utf8 !== undefined) return checked(utf8, 'UTF-8');
  // Not valid UTF-8: ask chardet, keeping only encodings a Chinese corpus uses.
  const guesses = chardet.analyse(bytes).map((g) => g.name);
  const candidates = [...guesses.filter((n) => CHINESE_ENCODINGS[n]), 'GB18030', 'Big5'];
  for (const name of new Set(candidates.map((n) => CHINESE_ENCODINGS[n] ?? n))) {
    const text = iconv.decode(bytes, name);
    if (!text.includes('\ufffd') || replacementRatio(text) < 0.001) return checked(text, name);
  }
  throw new Error(`cannot decode: not UTF-8, and no Chinese encoding fits (chardet guessed ${guesses.slice(0, 3).join(', ') || 'nothing'})`);
}

const CHINESE_ENCODINGS: Record<string, string> = {
  GB18030: 'GB18030',
  GBK: 'GB18030',
  GB2312: 'GB18030',
  Big5: 'Big5',
  'UTF-16LE': 'UTF-16LE',
  'UTF-16BE': 'UTF-16BE',
};

function bomEncoding(b: Buffer): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'UTF-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16LE';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16BE';
  // UTF-16 without BOM: every other byte is zero for ASCII, and CJK is even-aligned.
  const n = Math.min(b.length, 4096) & ~1;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) zeroEven++;
    if (b[i + 1] === 0) zeroOdd++;
  }
  if (n >= 16 && zeroOdd > n / 8 && zeroEven === 0) return 'UTF-16LE';
  if (n >= 16 && zeroEven > n / 8 && zeroOdd === 0) return 'UTF-16BE';
  return undefined;
}

function decodeUtf8Strict(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A file whose first 8 KB hold more than a few control bytes (NUL included),
 * and more than this share, is binary; fewer are strays in text.
 */
const STRAY_CONTROL_SHARE = 0.01;
const MAX_STRAY_CONTROLS = 3;

function controlBytes(b: Buffer): { nul: boolean; count: number; share: number } {
  const n = Math.min(b.length, 8192);
  let control = 0;
  let nul = false;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c === 0) nul = true;
    if (c < 0x09 || (c > 0x0d && c < 0x20)) control++;
  }
  return { nul, count: control, share: control / n };
}

/** C0 control characters other than tab and line breaks, and DEL: never part of an article. */
const STRAY_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** Nearly all Han, Chinese punctuation, printable ASCII or white space, with some Han. */
function plausibleText(text: string): boolean {
  let good = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2010 && c <= 0x2027)) good++;
  }
  return han > 0 && good / Math.max(1, text.length) >= 0.95;
}

function replacementRatio(text: string): number {
  let bad = 0;
  for (const ch of text) if (ch === '\ufffd') bad++;
  return bad / Math.max(1, text.length);
}

function checked(raw: string, encoding: string): DecodedText {
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(STRAY_CONTROLS, '');
  if (!text.trim()) throw new Error('empty file (only white space)');
  if (!CJK.test(text)) throw new Error(`no Chinese text found (decoded as ${encoding}; wrong encoding or not an article)`);
  return { text, encoding };
}

/** Reads one article file (a regular file within the size limit) and the `<name>.meta.json` beside it, if any. */
export async function readArticle(path: string, options: ReadOptions = {}): Promise<Article & { encoding: string }> {
  const bytes = await readRegularFile(path, options.maxBytes ?? DEFAULT_MAX_ARTICLE_BYTES, options.limitHint);
  // A saved web page is decoded into its article's text and the metadata the page gives.
  let decoded: DecodedText & { meta?: ArticleMeta };
  try {
    decoded = HTML_EXTENSIONS.includes(extname(path).toLowerCase()) ? readHtmlPage(bytes) : decodeText(bytes);
  } catch (err) {
    throw new ArticleReadError(path, (err as Error).message);
  }
  const id = basename(path, extname(path));
  const meta = await readMeta(join(path, '..', `${id}.meta.json`), path);
  return { id, text: decoded.text, meta: { source: path, ...decoded.meta, ...meta }, encoding: decoded.encoding };
}

async function readMeta(metaPath: string, articlePath: string): Promise<ArticleMeta> {
  let raw: string;
  try {
    raw = (await readRegularFile(metaPath, MAX_META_BYTES)).toString('utf8');
  } catch (err) {
    if (err instanceof ArticleReadError && err.code === 'ENOENT') return {};
    throw new ArticleReadError(articlePath, `cannot read its metadata ${metaPath}: ${err instanceof ArticleReadError ? err.reason : (err as Error).message}`);
  }
  try {
    return metaSchema.parse(JSON.parse(raw)) as ArticleMeta;
  } catch (err) {
    const why = err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message;
    throw new ArticleReadError(articlePath, `bad metadata in ${metaPath}: ${why}`);
  }
}

/** Article files (*.txt, *.md, *.html, *.htm) under files and directories; see walkInputs. */
export function listArticleFiles(inputs: string[]): Promise<{ files: string[]; errors: ArticleReadError[] }> {
  return walkInputs(inputs);
}
