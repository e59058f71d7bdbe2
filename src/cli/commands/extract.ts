import { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import { extractFiles, extractFilesInPool } from '../../extract/batch.js';
import { toExtractionLine } from '../../extract/contract.js';
import { loadConfig } from '../../config.js';
import { progress } from '../progress.js';
import { articleLimits } from '../runtime.js';

export function extractCommand(): Command {
  return new Command('extract')
    .description(
      'Extract entities and relations from articles and print one JSON object per document (SPEC section 1, with the text, metadata, every sentence and the lexicon facts riding along, so `laurel load` can load the lines) to stdout. Needs no database.',
    )
    .argument('<paths...>', 'article files or directories (read recursively: *.txt, *.md, saved web pages *.html, *.htm)')
    .option('-j, --jobs <n>', `worker threads (this machine has ${availableParallelism()} cores); 1 runs in-process`, parseJobs, 1)
    .addHelpText(
      'after',
      '\nFiles that cannot be read (not regular files, larger than LAUREL_MAX_ARTICLE_MB, binary, undecodable) are named on stderr' +
        ' with the reason; the rest of the batch still runs, and the exit code is 1.',
    )
    .action(async (paths: string[], options: { jobs: number }) => {
      const read = articleLimits(loadConfig());
      const bar = progress('extract');
      let failed = 0;
      const onProgress = (p: { done: number; total: number; path: string }) => bar.update(p.done, p.total, p.path);
      const items =
        options.jobs > 1
          ? extractFilesInPool(paths, options.jobs, onProgress, read)
          : mapItems(extractFiles(paths, onProgress, read));
      for await (const item of items) {
        if (item.ok) process.stdout.write(`${item.spec}\n`);
        else {
          failed++;
          process.stderr.write(`laurel extract: skipped ${item.path}: ${item.reason}\n`);
        }
      }
      bar.stop();
      if (failed) {
        process.stderr.write(`laurel extract: ${failed} file(s) failed\n`);
        process.exitCode = 1;
      }
    });
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of threads, at least 1');
  return n;
}

async function* mapItems(items: ReturnType<typeof extractFiles>) {
  for await (const item of items) {
    yield item.ok ? { ok: true as const, path: item.path, spec: JSON.stringify(toExtractionLine(item.extraction)) } : item;
  }
}
