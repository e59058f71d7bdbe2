import { Command } from 'commander';
import { resolve } from 'node:path';
import { extractionsOf } from '../../extract/batch.js';
import type { ArticleExtraction } from '../../extract/contract.js';
import { BulkImport, neo4jAdminImportArgs } from '../../graph/import/csv.js';
import { progress } from '../progress.js';

export function importCommand(): Command {
  return new Command('import')
    .description(
      'Write the graph of a corpus as CSV files for neo4j-admin database import: the first load of a big corpus, far faster than `laurel load`. Needs no database.',
    )
    .argument('<paths...>', 'article files or directories (read recursively: *.txt, *.md), `laurel extract` output (*.jsonl), or - for that output on stdin')
    .requiredOption('--out <dir>', 'folder for the CSV files and their manifest (laurel-import.json)')
    .addHelpText(
      'after',
      '\nThe files hold exactly the graph `laurel load` of the same articles writes (the same identity rule for' +
        '\nnamesakes, canonical bodies, lexicon facts and provenance). Then `laurel up --import <dir>` starts a Neo4j' +
        '\nof its own on them; for a Neo4j of your own, the neo4j-admin command is printed (the database must be' +
        '\nstopped; its files are replaced). Files and lines that cannot be read are named on stderr; the rest is' +
        '\nwritten, and the exit code is 1.',
    )
    .action(async (paths: string[], opts: { out: string }) => {
      const out = resolve(opts.out);
      const bulk = new BulkImport(out);
      const bar = progress('import');
      let failed = 0;
      let pending: ArticleExtraction[] = [];
      try {
        for await (const item of extractionsOf(paths, (p) => bar.update(p.done, p.total, p.path))) {
          if (!item.ok) {
            failed++;
            process.stderr.write(`laurel import: skipped ${item.path}: ${item.reason}\n`);
            continue;
          }
          pending.push(item.extraction);
          if (pending.length >= 1000) {
            bulk.add(pending);
            pending = [];
          }
        }
        bulk.add(pending);
      } finally {
        bar.stop();
      }
      const m = bulk.finish();
      const counts = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
      const lines = [
        `wrote ${out}: nodes ${counts(m.counts.labels)}; relationships ${counts(m.counts.relationships)}`,
        ...(failed ? [`${failed} file(s) or line(s) could not be read (named above)`] : []),
        ...(m.duplicates.length ? [`${m.duplicates.length} article(s) left out because an earlier one had their id: ${m.duplicates.slice(0, 10).join(', ')}${m.duplicates.length > 10 ? ', …' : ''}`] : []),
        ...(m.skipped.length ? [`${m.skipped.length} relation(s) not written (their ends are not entities of the article)`] : []),
        `Start Laurel on it:   laurel up --import ${opts.out}`,
        `Or, for a Neo4j of your own (stopped; run from its home): bin/neo4j-admin ${neo4jAdminImportArgs(out, m, 'neo4j').map(shellWord).join(' ')}`,
        '  then start it and run `laurel serve` (it applies the schema: constraints and indexes).',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
      if (failed) process.exitCode = 1;
    });
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}
