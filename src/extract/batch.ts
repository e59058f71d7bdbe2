/**
 * Runs the pipeline over files and directories. One bad file never stops the
 * batch: it is reported as a failure naming the file and the reason.
 */
import { ArticleReadError, listArticleFiles, readArticle } from './io/read-article.js';
import type { ArticleExtraction } from './contract.js';
import { extractArticle } from './pipeline.js';

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
): AsyncGenerator<BatchItem> {
  const { files, errors } = await listArticleFiles(inputs);
  for (const err of errors) yield { ok: false, path: err.path, reason: err.reason };
  let done = 0;
  for (const path of files) {
    try {
      const article = await readArticle(path);
      yield { ok: true, path, extraction: extractArticle(article) };
    } catch (err) {
      const reason = err instanceof ArticleReadError ? err.reason : `extraction failed: ${(err as Error).stack ?? err}`;
      yield { ok: false, path, reason };
    }
    onProgress?.({ total: files.length, done: ++done, path });
  }
}
