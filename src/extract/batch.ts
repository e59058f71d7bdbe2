/**
 * Runs the pipeline over files and directories. One bad file never stops the
 * batch: it is reported as a failure naming the file and the reason.
 */
import { isExtractionLines, readExtractionLines } from './io/extraction-lines.js';
import { ArticleReadError, listArticleFiles, readArticle, type ReadOptions } from './io/read-article.js';
import type { ArticleExtraction } from './contract.js';
import { extractArticle } from './pipeline.js';
import { createExtractPool } from './pool.js';
import type { WorkerResult } from './worker.js';

export type BatchItem =
  | { ok: true; path: string; extraction: ArticleExtraction }
  | { ok: false; path: string; reason: string };

export interface BatchProgress {
  total: number;
  done: number;
  path: string;
}

export async function* extractFiles(
  inputs: string[],
  onProgress?: (p: BatchProgress) => void,
  read: ReadOptions = {},
): AsyncGenerator<BatchItem> {
  const { files, errors } = await listArticleFiles(inputs);
  for (const err of errors) yield { ok: false, path: err.path, reason: err.reason };
  let done = 0;
  // Reads one file ahead: the disk works while the pipeline runs.
  const readOne = (path: string) => readArticle(path, read).then((article) => ({ article }), (error: unknown) => ({ error }));
  let ahead = files.length ? readOne(files[0]!) : undefined;
  for (const [i, path] of files.entries()) {
    const r = await ahead!;
    ahead = i + 1 < files.length ? readOne(files[i + 1]!) : undefined;
    try {
      if ('error' in r) throw r.error;
      yield { ok: true, path, extraction: extractArticle(r.article) };
    } catch (err) {
      const reason = err instanceof ArticleReadError ? err.reason : `extraction failed: ${(err as Error).stack ?? err}`;
      yield { ok: false, path, reason };
    }
    onProgress?.({ total: files.length, done: ++done, path });
  }
}

/**
 * The extractions of `inputs`, in order: articles (files and directories)
 * are extracted; `*.jsonl` files and `-` (stdin) are read back as lines
 * `laurel extract` printed. Progress counts files, or bytes of a JSON Lines
 * file.
 */
export async function* extractionsOf(inputs: string[], onProgress?: (p: BatchProgress) => void, read: ReadOptions = {}): AsyncGenerator<BatchItem> {
  let texts: string[] = [];
  for (const [i, input] of inputs.entries()) {
    if (!isExtractionLines(input)) texts.push(input);
    if (texts.length && (isExtractionLines(input) || i === inputs.length - 1)) {
      yield* extractFiles(texts, onProgress, read);
      texts = [];
    }
    if (isExtractionLines(input)) {
      yield* readExtractionLines(input, (bytes, total) => onProgress?.({ done: bytes, total: total ?? bytes, path: input }));
    }
  }
}

/**
 * The lines `laurel extract` prints for a batch, extracted by a pool of worker threads and
 * yielded in file order. Failures come through as in extractFiles.
 */
export async function* extractFilesInPool(
  inputs: string[],
  jobs: number,
  onProgress?: (p: BatchProgress) => void,
  read: ReadOptions = {},
): AsyncGenerator<{ ok: true; path: string; spec: string } | { ok: false; path: string; reason: string }> {
  const { files, errors } = await listArticleFiles(inputs);
  for (const err of errors) yield { ok: false, path: err.path, reason: err.reason };
  const pool = createExtractPool(jobs);
  try {
    // Keep a window of tasks in flight; yield in order as they complete.
    const window = jobs * 4;
    const pending: Promise<WorkerResult>[] = [];
    let next = 0;
    let done = 0;
    while (done < files.length) {
      while (next < files.length && pending.length < window) pending.push(pool.run({ path: files[next++]!, spec: true, read }));
      const result = await pending.shift()!;
      onProgress?.({ total: files.length, done: ++done, path: result.path });
      if (result.ok && 'spec' in result) yield result;
      else if (!result.ok) yield result;
    }
  } finally {
    await pool.close();
  }
}
