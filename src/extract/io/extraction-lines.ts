/**
 * Reads back what `laurel extract` printed: JSON Lines files (`*.jsonl`), or
 * standard input (`-`). A line that is not valid JSON or not an extraction
 * is reported with its file and line number; the lines around it still
 * come through, so one broken line loses nothing else.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fromExtractionLine, type ArticleExtraction } from '../contract.js';

export const STDIN = '-';

export function isExtractionLines(path: string): boolean {
  return path === STDIN || /\.jsonl$/i.test(path);
}

export type LineItem = { ok: true; path: string; extraction: ArticleExtraction } | { ok: false; path: string; reason: string };

/**
 * The extractions of one file (or stdin), line by line; `onBytes` follows
 * progress through the file (bytes read, of `total` when known).
 */
export async function* readExtractionLines(path: string, onBytes?: (read: number, total: number | undefined) => void): AsyncGenerator<LineItem> {
  const name = path === STDIN ? 'stdin' : path;
  let input: NodeJS.ReadableStream;
  let total: number | undefined;
  if (path === STDIN) input = process.stdin;
  else {
    try {
      total = (await stat(path)).size;
    } catch (err) {
      yield { ok: false, path, reason: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` };
      return;
    }
    input = createReadStream(path);
  }
  let n = 0;
  let bytes = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    bytes += Buffer.byteLength(line) + 1;
    onBytes?.(bytes, total);
    if (!line.trim()) continue;
    const where = `${name}:${n}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      yield { ok: false, path: where, reason: `not JSON: ${(err as Error).message}` };
      continue;
    }
    try {
      yield { ok: true, path: where, extraction: fromExtractionLine(value) };
    } catch (err) {
      yield { ok: false, path: where, reason: `not a line of laurel extract: ${(err as Error).message}` };
    }
  }
}
