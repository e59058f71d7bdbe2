import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { extractFiles } from '../../extract/batch.js';
import { toSpecJson } from '../../extract/contract.js';
import { checkBodies, formatBodyCheck } from '../../extract/eval/bodies.js';
import { formatReport, score, type ScoredDoc } from '../../extract/eval/score.js';
import { loadConfig } from '../../config.js';
import { bodyNodes } from '../../graph/index.js';
import { progress } from '../progress.js';
import { articleLimits, openDatabase } from '../runtime.js';

export function evalCommand(): Command {
  return new Command('eval')
    .description(
      'Extract articles and score the result against gold annotations (SPEC format, one JSON file per document): precision, recall and F1 per entity and relation type, with the matching rules of the project scorer.',
    )
    .requiredOption('-g, --gold <path>', 'a gold file or a directory of gold *.json files (doc = the article file name without extension)')
    .argument('[paths...]', 'article files or directories (read recursively: *.txt, *.md, saved web pages *.html, *.htm)')
    .option('-e, --errors', 'also list every miss, spurious item and wrong year or position')
    .option('--json', 'print the report as JSON instead of a table')
    .option(
      '--graph',
      'instead of extracting, check the Union, Company and Organization nodes already loaded (laurel load) into the Neo4j that NEO4J_URI names: ' +
        'those the gold documents\' articles name, listing each that matches no gold entity of its type by name or alias',
    )
    .addHelpText('after', '\nExamples:\n  laurel eval --gold my-gold/ my-articles/ --errors\n  laurel load my-articles/ && laurel eval --gold my-gold/ --graph')
    .action(async (paths: string[], options: { gold: string; errors?: boolean; json?: boolean; graph?: boolean }) => {
      const read = articleLimits(loadConfig());
      const { gold, problems } = loadGold(options.gold);
      for (const p of problems) process.stderr.write(`laurel eval: skipped gold ${p}\n`);
      if (options.graph) {
        if (paths.length) throw new InvalidArgumentError('--graph checks what is loaded already: give no article paths (load them with laurel load)');
        await checkGraph(gold, options.json);
        if (problems.length) process.exitCode = 1;
        return;
      }
      if (!paths.length) throw new InvalidArgumentError('give the article files or directories to extract and score (or --graph)');
      const predictions = new Map<string, ScoredDoc>();
      const bar = progress('eval');
      let failed = 0;
      for await (const item of extractFiles(paths, (p) => bar.update(p.done, p.total, p.path), read)) {
        if (item.ok) {
          const spec = toSpecJson(item.extraction) as unknown as ScoredDoc;
          predictions.set(spec.doc, spec);
        } else {
          failed++;
          process.stderr.write(`laurel eval: skipped ${item.path}: ${item.reason}\n`);
        }
      }
      bar.stop();
      const report = score(gold, predictions);
      if (options.errors) process.stdout.write(`${report.errors.join('\n')}\n`);
      if (options.json) {
        const { errors, ...rest } = report;
        void errors;
        process.stdout.write(`${JSON.stringify(rest)}\n`);
      } else process.stdout.write(`${formatReport(report)}\n`);
      if (failed || problems.length) process.exitCode = 1;
    });
}

/** The graph-level check: bodies loaded for the gold documents' articles that match no gold entity. */
async function checkGraph(gold: Map<string, ScoredDoc>, json?: boolean): Promise<void> {
  const db = await openDatabase(loadConfig(), { configuredOnly: 'laurel eval --graph' });
  try {
    const { bodies, articles } = await bodyNodes(db.graph, [...gold.keys()]);
    if (!articles) throw new Error(`none of the ${gold.size} gold documents is an article in the graph: load their articles first (laurel load)`);
    const check = checkBodies(bodies, gold.values());
    const note = articles < gold.size ? `${gold.size - articles} of ${gold.size} gold documents are not in the graph\n` : '';
    process.stdout.write(json ? `${JSON.stringify({ articles, ...check })}\n` : `${note}${formatBodyCheck(check)}`);
  } finally {
    await db.close();
  }
}

/** Gold documents by doc id; a file that is not a gold document is reported, not fatal. */
export function loadGold(path: string): { gold: Map<string, ScoredDoc>; problems: string[] } {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path).filter((f) => f.endsWith('.json')).sort().map((f) => join(path, f))
      : [path];
  } catch {
    throw new InvalidArgumentError(`no gold file or directory at ${path}`);
  }
  const gold = new Map<string, ScoredDoc>();
  const problems: string[] = [];
  for (const f of files) {
    try {
      const d = JSON.parse(readFileSync(f, 'utf8')) as ScoredDoc;
      if (!Array.isArray(d.entities)) throw new Error('no "entities" list');
      gold.set(typeof d.doc === 'string' ? d.doc : basename(f, '.json'), d);
    } catch (err) {
      problems.push(`${f}: ${(err as Error).message}`);
    }
  }
  if (!gold.size) throw new InvalidArgumentError(`no gold documents in ${path}${problems.length ? ` (${problems.join('; ')})` : ''}`);
  return { gold, problems };
}
