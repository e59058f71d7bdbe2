/**
 * Export benchmark: `npm run bench:export [-- --articles 100000 --rounds 2]
 * [--formats graphml,csv,json] [--capped-heap 160] [--baseline DIR]`.
 *
 * 1. Starts a dedicated, throwaway Neo4j (the local way; never NEO4J_URI),
 *    sized by LAUREL_NEO4J_HEAP / LAUREL_NEO4J_PAGECACHE (default here 2g / 2g).
 * 2. Writes --articles synthetic articles (bench/api/world.ts, as bench:api)
 *    through GraphWriter.
 * 3. Runs, interleaved round by round so host noise falls on all:
 *    - `laurel export --format graphml` (and csv, json), the built command as
 *      users run it, to a file;
 *    - the floor: one streamed Cypher read of every node and every
 *      relationship with neo4j-driver, written as JSON lines, nothing else.
 *    - with --capped-heap MB: the GraphML export again in a Node whose heap
 *      may not grow beyond MB (--max-old-space-size): it finishes only if
 *      what it holds does not grow with the graph;
 *    - with --baseline DIR: the GraphML export of another built checkout
 *      (e.g. a worktree of main), to compare a change side by side.
 *    For each: wall time, peak RSS of the process (VmHWM from /proc), bytes
 *    written, and for GraphML that the file holds as many <node> and <edge>
 *    elements as the graph's counts (stats).
 *
 * Progress goes to stderr; the table to stdout and bench/out/export.json.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { Graph, GraphWriter, applySchema, graphCounts } from '../src/graph/index.js';
import { localWay } from '../src/graph/provision/local/index.js';
import { World } from './api/world.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '2' },
    batch: { type: 'string', default: '200' },
    formats: { type: 'string', default: 'graphml,csv,json' },
    'capped-heap': { type: 'string' },
    baseline: { type: 'string' },
  },
});
const FORMATS = values.formats.split(',');
const CAPPED_HEAP_MB = values['capped-heap'] === undefined ? undefined : Number(values['capped-heap']);
const BASELINE = values.baseline;
const ARTICLES = Number(values.articles);
const ROUNDS = Number(values.rounds);
const BATCH = Number(values.batch);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));
const log = (s: string) => process.stderr.write(`bench:export: ${s}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The floor: every node and relationship, streamed by the driver, one JSON line each. */
const FLOOR = `
import neo4j from 'neo4j-driver';
import { createWriteStream } from 'node:fs';
const [uri, user, password, database, file] = process.argv.slice(2);
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
const out = createWriteStream(file);
const write = (s) => (out.write(s) ? undefined : new Promise((r) => out.once('drain', r)));
const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
for (const q of ['MATCH (n) RETURN labels(n) AS l, properties(n) AS p', 'MATCH (s)-[r]->(t) RETURN elementId(s) AS s, type(r) AS t, elementId(t) AS e, properties(r) AS p']) {
  for await (const rec of session.run(q)) await write(JSON.stringify(rec.toObject()) + '\\n');
}
await session.close();
await driver.close();
await new Promise((r) => out.end(r));
`;

interface Run {
  what: string;
  round: number;
  seconds: number;
  peakRssMb: number;
  outputMb: number;
}

/** Runs a command, sampling the child's peak RSS (VmHWM) until it exits. */
function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    let peakKb = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* exited */
      }
    };
    const timer = setInterval(sample, 25);
    child.on('exit', (code) => {
      clearInterval(timer);
      if (code !== 0) reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${stderr}`));
      else resolve({ seconds: (Date.now() - started) / 1000, peakRssMb: peakKb / 1024 });
    });
  });
}

async function countElements(file: string): Promise<{ nodes: number; edges: number }> {
  let nodes = 0;
  let edges = 0;
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (line.startsWith('    <node ')) nodes++;
    else if (line.startsWith('    <edge ')) edges++;
  }
  return { nodes, edges };
}

async function main(): Promise<void> {
  const config = loadConfig({ LAUREL_NEO4J_HEAP: '2g', LAUREL_NEO4J_PAGECACHE: '2g', ...process.env });
  log(`starting a dedicated Neo4j (heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache})`);
  const neo4j = await localWay().start(config, (m) => log(`neo4j: ${m}`));
  const graph = Graph.open(neo4j);
  const dir = join(tmpdir(), `laurel-bench-export-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    await applySchema(graph);
    const world = new World({ seed: Number(values.seed), articles: ARTICLES });
    const writer = new GraphWriter(graph, { batchSize: BATCH });
    const t1 = Date.now();
    for (let i = 0, written = 0; i < ARTICLES; i += BATCH * 5) {
      const batch = Array.from({ length: Math.min(BATCH * 5, ARTICLES - i) }, (_, k) => world.article(i + k));
      written += (await writer.write(batch)).articles;
      log(`load: ${written}/${ARTICLES} articles (${secs(Date.now() - t1)})`);
    }
    const counts = await graphCounts(graph);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const expected = { nodes: sum(counts.labels), edges: sum(counts.relationships) };
    process.stdout.write(`Graph: ${ARTICLES} synthetic articles written in ${secs(Date.now() - t1)}: ${expected.nodes} nodes, ${expected.edges} relationships\n`);

    const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
    const floorScript = join(ROOT, 'bench', `.floor-${process.pid}.mjs`);
    writeFileSync(floorScript, FLOOR);
    const runs: Run[] = [];
    const laurel = (root: string, format: string, out: string, node: string[] = []) => ({
      cmd: process.execPath,
      args: [...node, join(root, 'bin/laurel.js'), 'export', '--format', format, '--out', out],
    });
    const graphmlFile = join(dir, 'graph.graphml');
    const cases: { what: string; out: string; cmd: string; args: string[] }[] = [
      { what: 'laurel export --format graphml', out: graphmlFile, ...laurel(ROOT, 'graphml', graphmlFile) },
      { what: 'floor (driver, JSON lines)', out: join(dir, 'floor.jsonl'), cmd: process.execPath, args: [floorScript, neo4j.uri, neo4j.username, neo4j.password, neo4j.database, join(dir, 'floor.jsonl')] },
    ];
    if (CAPPED_HEAP_MB !== undefined) {
      const out = join(dir, 'capped.graphml');
      cases.push({ what: `laurel export --format graphml, heap ≤ ${CAPPED_HEAP_MB} MB`, out, ...laurel(ROOT, 'graphml', out, [`--max-old-space-size=${CAPPED_HEAP_MB}`]) });
    }
    if (BASELINE) {
      const out = join(dir, 'baseline.graphml');
      cases.push({ what: `baseline ${BASELINE}: laurel export --format graphml`, out, ...laurel(BASELINE, 'graphml', out) });
    }
    if (FORMATS.includes('csv')) cases.push({ what: 'laurel export --format csv', out: join(dir, 'csv'), ...laurel(ROOT, 'csv', join(dir, 'csv')) });
    if (FORMATS.includes('json')) cases.push({ what: 'laurel export --format json', out: join(dir, 'graph.json'), ...laurel(ROOT, 'json', join(dir, 'graph.json')) });
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const c of cases) {
          log(`round ${round}: ${c.what}`);
          let m: { seconds: number; peakRssMb: number };
          try {
            m = await measure(c.cmd, c.args, env);
          } catch (err) {
            // A capped heap may run out: that is a result, not the end of the benchmark.
            log(`  FAILED: ${(err as Error).message}`);
            runs.push({ what: `${c.what} (FAILED)`, round, seconds: NaN, peakRssMb: NaN, outputMb: NaN });
            process.exitCode = 1;
            continue;
          }
          const size = c.what.includes('csv') ? statSync(join(c.out, 'nodes.csv')).size + statSync(join(c.out, 'relationships.csv')).size : statSync(c.out).size;
          runs.push({ what: c.what, round, ...m, outputMb: size / 2 ** 20 });
          log(`  ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB, ${(size / 2 ** 20).toFixed(0)} MB written`);
        }
      }
    } finally {
      rmSync(floorScript, { force: true });
    }
    const graphmls = cases.filter((c) => c.out.endsWith('.graphml'));
    const found = await countElements(graphmlFile);
    for (const c of graphmls) {
      if (runs.some((r) => r.what === `${c.what} (FAILED)`)) continue;
      const f = await countElements(c.out);
      const same = f.nodes === expected.nodes && f.edges === expected.edges;
      process.stdout.write(`${c.what}: ${f.nodes} <node> and ${f.edges} <edge> elements; stats counts ${expected.nodes} nodes and ${expected.edges} relationships: ${same ? 'equal' : 'DIFFERENT'}\n`);
    }
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, 'export.json'), `${JSON.stringify({ articles: ARTICLES, counts, graphml: found, runs }, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await graph.close();
    await neo4j.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:export: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
