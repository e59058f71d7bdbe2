import { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { articleLimits, formatReport, loadPaths, openDatabase } from '../runtime.js';

export function loadCommand(): Command {
  return new Command('load')
    .description('Extract entities and relations from articles, or read what `laurel extract` printed, and write them into Neo4j (the one NEO4J_URI names).')
    .argument('<paths...>', 'article files or directories (read recursively: *.txt, *.md, saved web pages *.html, *.htm), `laurel extract` output (*.jsonl), or - for that output on stdin')
    .option('--batch-size <n>', 'articles per write transaction', (v) => positiveInt(v, '--batch-size'), 500)
    .addHelpText(
      'after',
      '\nLoading is idempotent: loading the same articles again replaces what they said and leaves every count unchanged.' +
        '\nLoading `laurel extract` output writes exactly the graph loading the texts would, so extraction can run' +
        '\nelsewhere: `laurel extract texts/ > x.jsonl` on any machine, `laurel load x.jsonl` (or `laurel extract … | laurel load -`).' +
        '\nFiles that cannot be read, and lines that are not extraction output, are named on stderr (file:line);' +
        '\nthe rest still load, and the exit code is 1.' +
        '\nThe summary goes to stdout, progress to stderr.',
    )
    .action(async (paths: string[], opts: { batchSize: number }) => {
      const config = loadConfig();
      const db = await openDatabase(config, { configuredOnly: 'laurel load' });
      try {
        const report = await loadPaths(db.graph, paths, opts.batchSize, articleLimits(config));
        process.stdout.write(formatReport(report));
        if (report.failed.length) process.exitCode = 1;
      } finally {
        await db.close();
      }
    });
}

export function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, not "${value}"`);
  return n;
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be 0–65535, not "${value}"`);
  return n;
}
