import { Command, InvalidArgumentError, Option } from 'commander';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { loadConfig } from '../../config.js';
import { ExportRequestError, FORMATS, graphml, nodeLinkJson, nodesCsv, relationshipsCsv, selectionFor, type ExportFormat, type Selection } from '../../graph/export/index.js';
import { progress } from '../progress.js';
import { openDatabase } from '../runtime.js';

export function exportCommand(): Command {
  return new Command('export')
    .description('Export the graph in Neo4j (the one NEO4J_URI names), or a part of it, for Gephi, Cytoscape, NetworkX, R or Excel.')
    .addOption(new Option('-f, --format <format>', 'graphml, csv or json (node-link)').choices(FORMATS).default('graphml'))
    .option('-o, --out <path>', 'csv: the folder for nodes.csv and relationships.csv (required); graphml, json: a file instead of stdout')
    .option('--center <name>', 'only the neighbourhood of this entity (a name, or an id such as Person:张三)')
    .option('--depth <n>', 'with --center: how many facts out (default 1)', positiveInt)
    .option('--honour <name>', 'only the holders of this title or award, their employers and the bodies that honoured them')
    .addHelpText(
      'after',
      '\nThe whole graph holds every entity and article, every fact and MENTIONS (its counts are those of the stats query);' +
        '\na neighbourhood or an honour holds entities and the facts among them (each fact names its article).' +
        '\nCSV is UTF-8 with a byte-order mark, so Excel shows Chinese; lists are joined by | and evidence sentences by line breaks.' +
        '\nData goes to stdout (or --out), progress to stderr.',
    )
    .action(async (opts: { format: ExportFormat; out?: string; center?: string; depth?: number; honour?: string }) => {
      if (opts.format === 'csv' && !opts.out) throw new Error('--format csv writes two files: give the folder for them with --out DIR');
      const db = await openDatabase(loadConfig(), { configuredOnly: 'laurel export' });
      try {
        let selection: Selection;
        try {
          selection = await selectionFor(db.graph, { center: opts.center, depth: opts.depth, honour: opts.honour });
        } catch (err) {
          if (err instanceof ExportRequestError) throw new Error(`export: ${err.message}`);
          throw err;
        }
        const bar = progress('export');
        const counted = counting(selection, (nodes, edges) => {
          const total = selection.expected ? selection.expected.nodes + selection.expected.edges : nodes + edges;
          bar.update(nodes + edges, Math.max(total, nodes + edges), `${nodes} nodes, ${edges} edges`);
        });
        try {
          if (opts.format === 'csv') {
            await mkdir(opts.out!, { recursive: true });
            await pipeline(nodesCsv(counted), createWriteStream(join(opts.out!, 'nodes.csv')));
            await pipeline(relationshipsCsv(counted), createWriteStream(join(opts.out!, 'relationships.csv')));
          } else {
            const chunks = opts.format === 'graphml' ? graphml(counted) : nodeLinkJson(counted);
            const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
            await pipeline(Readable.from(chunks), out, { end: out !== process.stdout });
          }
        } finally {
          bar.stop();
        }
        const c = counted.written;
        process.stderr.write(
          `laurel export: ${c.nodes} nodes and ${c.edges} edges of ${selection.description}${selection.truncated ? ' (truncated)' : ''}` +
            `${opts.out ? ` to ${opts.out}` : ''}\n`,
        );
      } finally {
        await db.close();
      }
    });
}

/** The selection, counting what passes through it. */
function counting(s: Selection, onPage: (nodes: number, edges: number) => void): Selection & { written: { nodes: number; edges: number } } {
  const written = { nodes: 0, edges: 0 };
  return {
    ...s,
    written,
    async *nodes() {
      for await (const page of s.nodes()) {
        written.nodes += page.length;
        onPage(written.nodes, written.edges);
        yield page;
      }
    },
    async *edges() {
      for await (const page of s.edges()) {
        written.edges += page.length;
        onPage(written.nodes, written.edges);
        yield page;
      }
    },
  };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number, at least 1');
  return n;
}
