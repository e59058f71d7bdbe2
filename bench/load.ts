/**
 * Writer benchmark: `npm run bench:load [-- --articles 100000 --per-row 1000 --baseline ../old-checkout --import]`.
 *
 * Writes the synthetic world of bench/api/world.ts (--articles articles, as
 * extraction hands them to the writer) into dedicated, throwaway local
 * Neo4j servers (never NEO4J_URI), and compares ways of writing it side by
 * side, interleaved chunk by chunk so the shared machine's noise falls on
 * all of them alike:
 *
 *  - online: GraphWriter, as `laurel load` writes (batches of --batch
 *    articles); with --baseline DIR also the GraphWriter of another checkout
 *    of Laurel (for example the commit before a change: `git worktree add
 *    DIR <rev>` and link node_modules), on its own server;
 *  - per row: the first --per-row articles written one MERGE per row
 *    (bench/load/per-row.ts) against the same articles through GraphWriter,
 *    each on its own server that already holds as many other articles
 *    (written untimed), so the batching gain is a measured ratio;
 *  - import (--import): `laurel import` of the same articles into CSV files,
 *    neo4j-admin database import into a fresh server, start and schema,
 *    against the online load's time.
 *
 * Every way must leave the same counts per label and relationship type (the
 * run fails otherwise). Progress goes to stderr; the tables to stdout and
 * bench/out/load.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../src/config.js';
import type { ArticleExtraction } from '../src/extract/contract.js';
import { Graph, GraphWriter, applySchema, graphCounts, type GraphCounts } from '../src/graph/index.js';
import type { Neo4jConnection } from '../src/graph/provision/connection.js';
import { localWay } from '../src/graph/provision/local/index.js';
import { World } from './api/world.js';
import { describeShare, machineShare, machineTicks, type MachineShare } from './lib/machine.js';
import { writePerRow } from './load/per-row.js';
import { runImport } from './load/import.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    batch: { type: 'string', default: '200' },
    'per-row': { type: 'string', default: '1000' },
    baseline: { type: 'string' },
    /** Articles per transaction of the baseline's writer (as it was run before). */
    'baseline-batch': { type: 'string', default: '200' },
    import: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const BATCH = Number(values.batch);
const CHUNK = Math.max(BATCH, Number(values['baseline-batch'])) * 5;
const PER_ROW = Math.min(Number(values['per-row']), ARTICLES);
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const log = (s: string) => process.stderr.write(`bench:load: ${s}\n`);

/** One way of writing, on a server of its own. */
interface Lane {
  name: string;
  /** Writes through GraphWriter, untimed. */
  warm(articles: ArticleExtraction[]): Promise<void>;
  write(articles: ArticleExtraction[]): Promise<void>;
  counts(): Promise<GraphCounts>;
  close(): Promise<void>;
  seconds: number;
}

async function startServer(config: Config, name: string): Promise<Neo4jConnection> {
  return localWay().start(config, (m) => log(`${name}: neo4j: ${m}`));
}

/** GraphWriter of this checkout. */
async function laurelLane(config: Config, name: string): Promise<Lane> {
  const neo4j = await startServer(config, name);
  const graph = Graph.open(neo4j);
  await applySchema(graph);
  const writer = new GraphWriter(graph, { batchSize: BATCH });
  return {
    name,
    seconds: 0,
    warm: async (articles) => void (await writer.write(articles)),
    write: async (articles) => void (await writer.write(articles)),
    counts: () => graphCounts(graph),
    close: async () => {
      await graph.close();
      await neo4j.stop();
    },
  };
}

/** GraphWriter (and schema) of another checkout of Laurel, loaded from its sources. */
async function baselineLane(config: Config, dir: string): Promise<Lane> {
  const mod = (await import(pathToFileURL(join(resolve(dir), 'src/graph/index.ts')).href)) as typeof import('../src/graph/index.js');
  const neo4j = await startServer(config, 'baseline');
  const graph = mod.Graph.open(neo4j);
  await mod.applySchema(graph);
  const writer = new mod.GraphWriter(graph, { batchSize: Number(values['baseline-batch']) });
  const ours = Graph.open(neo4j);
  return {
    name: `baseline (${dir})`,
    seconds: 0,
    warm: async (articles) => void (await writer.write(articles)),
    write: async (articles) => void (await writer.write(articles)),
    counts: () => graphCounts(ours),
    close: async () => {
      await graph.close();
      await ours.close();
      await neo4j.stop();
    },
  };
}

async function perRowLane(config: Config): Promise<Lane> {
  const neo4j = await startServer(config, 'per-row');
  const graph = Graph.open(neo4j);
  await applySchema(graph);
  const writer = new GraphWriter(graph, { batchSize: BATCH });
  return {
    name: 'one MERGE per row',
    seconds: 0,
    warm: async (articles) => void (await writer.write(articles)),
    write: (articles) => writePerRow(graph, articles),
    counts: () => graphCounts(graph),
    close: async () => {
      await graph.close();
      await neo4j.stop();
    },
  };
}

interface PhaseResult {
  phase: string;
  articles: number;
  lanes: { name: string; seconds: number; articlesPerSecond: number }[];
  counts: GraphCounts;
  machine: MachineShare;
}

/** Writes `count` articles of the world through every lane, chunk by chunk, in turn. */
async function interleave(phase: string, world: World, count: number, chunk: number, lanes: Lane[]): Promise<PhaseResult> {
  const m0 = machineTicks();
  for (let i = 0; i < count; i += chunk) {
    const articles = Array.from({ length: Math.min(chunk, count - i) }, (_, k) => world.article(i + k));
    // Alternate which lane goes first, so none always follows the same neighbour.
    const order = (i / chunk) % 2 ? [...lanes].reverse() : lanes;
    for (const lane of order) {
      const t0 = performance.now();
      await lane.write(articles);
      lane.seconds += (performance.now() - t0) / 1000;
    }
    const done = i + articles.length;
    if (done === count || (i / chunk) % 10 === 0) {
      log(`${phase}: ${done}/${count} articles; ${lanes.map((l) => `${l.name} ${(done / l.seconds).toFixed(0)}/s`).join(', ')}`);
    }
  }
  const machine = machineShare(m0);
  const counts = await Promise.all(lanes.map((l) => l.counts()));
  for (const [i, c] of counts.entries()) {
    if (JSON.stringify(c) !== JSON.stringify(counts[0])) {
      throw new Error(`${phase}: ${lanes[i]!.name} left other counts than ${lanes[0]!.name}:\n${JSON.stringify(c)}\n${JSON.stringify(counts[0])}`);
    }
  }
  return { phase, articles: count, lanes: lanes.map((l) => ({ name: l.name, seconds: l.seconds, articlesPerSecond: count / l.seconds })), counts: counts[0]!, machine };
}

function table(rows: Record<string, string>[]): string {
  const head = Object.keys(rows[0]!);
  const widths = head.map((h) => Math.max(h.length, ...rows.map((r) => r[h]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(head.map((h) => r[h]!)))].join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig({ LAUREL_NEO4J_HEAP: '2g', LAUREL_NEO4J_PAGECACHE: '2g', ...process.env });
  const world = new World({ seed: Number(values.seed), articles: ARTICLES });
  log(`world: ${ARTICLES} articles, ${world.people.length} people (seed ${values.seed}); servers: heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache}`);
  const results: PhaseResult[] = [];
  const imports = [];

  // Online: this checkout's writer, and the baseline's beside it.
  {
    const lanes = [await laurelLane(config, 'GraphWriter')];
    if (values.baseline) lanes.push(await baselineLane(config, values.baseline));
    try {
      results.push(await interleave('online', world, ARTICLES, CHUNK, lanes));
    } finally {
      for (const l of lanes) await l.close();
    }
  }

  // One MERGE per row against the batches, on a sample. Both first write the
  // same articles untimed through GraphWriter, so Neo4j has planned its
  // statements and the sample meets a graph that is not empty.
  if (PER_ROW > 0) {
    const lanes = [await perRowLane(config), await laurelLane(config, 'GraphWriter (sample)')];
    try {
      const warm = Array.from({ length: PER_ROW }, (_, k) => world.article(PER_ROW + k));
      for (const l of lanes) await l.warm(warm);
      results.push(await interleave('per-row sample', world, PER_ROW, Math.min(BATCH, 100), lanes));
    } finally {
      for (const l of lanes) await l.close();
    }
  }

  if (values.import) {
    const online = results[0]!;
    const r = await runImport(config, world, ARTICLES, log);
    if (JSON.stringify(r.counts) !== JSON.stringify(online.counts)) {
      throw new Error(`import left other counts than the online load:\n${JSON.stringify(r.counts)}\n${JSON.stringify(online.counts)}`);
    }
    imports.push({ ...r, onlineSeconds: online.lanes[0]!.seconds, speedup: online.lanes[0]!.seconds / r.seconds });
  }

  const rows: Record<string, string>[] = [];
  for (const r of results) {
    const first = r.lanes[0]!;
    for (const l of r.lanes) {
      rows.push({
        phase: r.phase,
        way: l.name,
        articles: String(r.articles),
        seconds: l.seconds.toFixed(1),
        'articles/s': l.articlesPerSecond.toFixed(0),
        'vs first': (l.articlesPerSecond / first.articlesPerSecond).toFixed(2),
        steal: r.machine.steal === undefined ? 'n/a' : `${(100 * r.machine.steal).toFixed(1)}%`,
        load1: r.machine.load1.toFixed(1),
      });
    }
  }
  process.stdout.write(`${table(rows)}\n`);
  for (const r of results) process.stdout.write(`${r.phase}: every way left ${JSON.stringify(r.counts)}; machine: ${describeShare(r.machine)}\n`);
  for (const i of imports) {
    process.stdout.write(
      `import: ${i.seconds.toFixed(1)} s for ${ARTICLES} articles (CSV ${i.csvSeconds.toFixed(1)} s, neo4j-admin ${i.adminSeconds.toFixed(1)} s, schema ${i.schemaSeconds.toFixed(1)} s; ` +
        `server start ${i.startSeconds.toFixed(1)} s not counted), ` +
        `${i.speedup.toFixed(1)}x the online load's ${i.onlineSeconds.toFixed(1)} s; same counts\n`,
    );
  }
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'load.json'), `${JSON.stringify({ when: new Date().toISOString(), articles: ARTICLES, batch: BATCH, results, imports }, null, 2)}\n`);
  log('results in bench/out/load.json');
}

main().catch((err) => {
  process.stderr.write(`bench:load: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
