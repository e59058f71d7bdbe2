/**
 * A worker thread of the extraction pool: reads one article and runs the
 * pipeline. With `spec`, it returns the line `laurel extract` prints (the
 * SPEC view and what loading needs, see toExtractionLine), a string, so the
 * main thread does not pay for cloning the whole extraction.
 */
import { ArticleReadError, readArticle, type ReadOptions } from './io/read-article.js';
import { toExtractionLine } from './contract.js';
import { extractArticle } from './pipeline.js';
import type { BatchItem } from './batch.js';

export interface WorkerTask {
  path: string;
  spec: boolean;
  /** The size limit and how to change it. */
  read?: ReadOptions;
  /** Only load jieba and the lexicons (by extracting a one-line article). */
  warm?: boolean;
}

export type WorkerResult = BatchItem | { ok: true; path: string; spec: string };

export default async function extractInWorker({ path, spec, read, warm }: WorkerTask): Promise<WorkerResult> {
  if (warm) {
    extractArticle({ id: 'warm', text: '全国劳动模范、某某有限公司工程师张三出席会议。', meta: {} });
    return { ok: true, path, spec: '' };
  }
  try {
    const article = await readArticle(path, read);
    const extraction = extractArticle(article);
    return spec ? { ok: true, path, spec: JSON.stringify(toExtractionLine(extraction)) } : { ok: true, path, extraction };
  } catch (err) {
    return { ok: false, path, reason: err instanceof ArticleReadError ? err.reason : `extraction failed: ${(err as Error).stack ?? err}` };
  }
}
