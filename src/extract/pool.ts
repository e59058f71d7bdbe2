/**
 * A pool of worker threads running the extraction pipeline, one per core by
 * default: jieba and the rules are single-threaded, so a batch scales with
 * cores only across threads. Each worker loads jieba and the lexicons once.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { WorkerResult, WorkerTask } from './worker.js';

export interface ExtractPool {
  readonly threads: number;
  run(task: WorkerTask): Promise<WorkerResult>;
  /** Resolves when every worker has loaded jieba and the lexicons. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

export function createExtractPool(threads = availableParallelism()): ExtractPool {
  // Under tsx (benchmarks, tests) this file is TypeScript and so is the worker.
  const here = import.meta.url;
  const filename = new URL(here.endsWith('.ts') ? './worker.ts' : './worker.js', here).href;
  // Two tasks per worker: one reads its file (async) while the other is extracted, so no thread waits on the disk.
  const pool = new Piscina<WorkerTask, WorkerResult>({ filename, minThreads: threads, maxThreads: threads, concurrentTasksPerWorker: 2, idleTimeout: 60_000 });
  return {
    threads,
    run: (task) => pool.run(task),
    async warm() {
      await Promise.all(Array.from({ length: threads }, () => pool.run({ path: '', spec: true, warm: true })));
    },
    close: () => pool.destroy(),
  };
}
