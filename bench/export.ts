/**
 * Export benchmark: `npm run bench:export [-- --articles 100000 --rounds 2]`.
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
  },
});
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
const [uri, user, password, database, file] = process.argv.slice(1);
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
    const cases: { what: string; out: string; cmd: string; args: string[] }[] = [
      { what: 'laurel export --format graphml', out: join(dir, 'graph.graphml'), cmd: process.execPath, args: [join(ROOT, 'bin/laurel.js'), 'export', '--format', 'graphml', '--out', join(dir, 'graph.graphml')] },
      { what: 'floor (driver, JSON lines)', out: join(dir, 'floor.jsonl'), cmd: process.execPath, args: [floorScript, neo4j.uri, neo4j.username, neo4j.password, neo4j.database, join(dir, 'floor.jsonl')] },
      { what: 'laurel export --format csv', out: join(dir, 'csv'), cmd: process.execPath, args: [join(ROOT, 'bin/laurel.js'), 'export', '--format', 'csv', '--out', join(dir, 'csv')] },
      { what: 'laurel export --format json', out: join(dir, 'graph.json'), cmd: process.execPath, args: [join(ROOT, 'bin/laurel.js'), 'export', '--format', 'json', '--out', join(dir, 'graph.json')] },
    ];
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const c of cases) {
          log(`round ${round}: ${c.what}`);
          const m = await measure(c.cmd, c.args, env);
          const size = c.what.includes('csv') ? statSync(join(c.out, 'nodes.csv')).size + statSync(join(c.out, 'relationships.csv')).size : statSync(c.out).size;
          runs.push({ what: c.what, round, ...m, outputMb: size / 2 ** 20 });
          log(`  ${m.seconds.toFixed(1)} s, peak RSS ${m.peakRssMb.toFixed(0)} MB, ${(size / 2 ** 20).toFixed(0)} MB written`);
        }
      }
    } finally {
      rmSync(floorScript, { force: true });
    }
    const found = await countElements(join(dir, 'graph.graphml'));
    const floor = runs.filter((r) => r.what.startsWith('floor'));
    const floorBest = Math.min(...floor.map((r) => r.seconds));
    const head = ['what', 'round', 'seconds', '÷ floor', 'peak RSS MB', 'output MB'];
    const rows = runs.map((r) => [r.what, String(r.round), r.seconds.toFixed(1), (r.seconds / floorBest).toFixed(2), r.peakRssMb.toFixed(0), r.outputMb.toFixed(0)]);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
    process.stdout.write(`${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`);
    process.stdout.write(`GraphML holds ${found.nodes} <node> and ${found.edges} <edge> elements; stats counts ${expected.nodes} nodes and ${expected.edges} relationships: ${found.nodes === expected.nodes && found.edges === expected.edges ? 'equal' : 'DIFFERENT'}\n`);
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
