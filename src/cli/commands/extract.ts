import { Command } from 'commander';
import { extractFiles } from '../../extract/batch.js';
import { toSpecJson } from '../../extract/contract.js';
import { progress } from '../progress.js';

export function extractCommand(): Command {
  return new Command('extract')
    .description(
      'Extract entities and relations from articles and print one JSON object per document (SPEC section 1) to stdout. Needs no database.',
    )
    .argument('<paths...>', 'article files or directories (read recursively: *.txt, *.md)')
    .addHelpText('after', '\nFiles that cannot be read are named on stderr; the rest of the batch still runs, and the exit code is 1.')
    .action(async (paths: string[]) => {
      const bar = progress('extract');
      let failed = 0;
      for await (const item of extractFiles(paths, (p) => bar.update(p.done, p.total, p.path))) {
        if (item.ok) process.stdout.write(`${JSON.stringify(toSpecJson(item.extraction))}\n`);
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
