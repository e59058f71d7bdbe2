/**
 * API load benchmark: `npm run bench:api [-- --articles 100000 --duration 15]`.
 *
 * 1. Starts a dedicated, throwaway Neo4j (the local way of src/graph/provision,
 *    never NEO4J_URI: the graph is wiped and rebuilt), sized by
 *    LAUREL_NEO4J_HEAP / LAUREL_NEO4J_PAGECACHE (default here 3g / 4g).
 * 2. Writes --articles synthetic articles (bench/api/world.ts) through the
 *    real GraphWriter, as `laurel load` would, and prints what the graph holds.
 * 3. Runs the server (`laurel serve`, NODE_ENV=production) as a child
 *    process and loads it with autocannon: person, honourees, network and
 *    path, each at 1, 16 and 64 concurrent clients, after a warm-up, with
 *    variables drawn from the graph (hubs and random entities). Before each
 *    warm-up and measurement, Neo4j is let finish the queries of requests
 *    the previous run abandoned, so no run pays for another's backlog.
 *
 * Progress goes to stderr; the results table to stdout and bench/out/api-*.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse, validate } from 'graphql';
import { buildApiSchema } from '../src/api/schema.js';
import { loadConfig } from '../src/config.js';
import { Graph, GraphWriter, applySchema, graphCounts } from '../src/graph/index.js';
import { localWay } from '../src/graph/provision/local/index.js';
import { DOCUMENTS, benchQueries, type BenchQuery } from './api/queries.js';
import { World, rng } from './api/world.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    /** Seconds measured per query and concurrency, after `warmup` seconds not measured. */
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,16,64' },
    /** Articles per write transaction. */
    batch: { type: 'string', default: '200' },
    /** Distinct variable sets per query. */
    samples: { type: 'string', default: '400' },
    only: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const SEED = Number(values.seed);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = values.connections!.split(',').map(Number);
const BATCH = Number(values.batch);
const SAMPLES = Number(values.samples);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));

const log = (s: string) => process.stderr.write(`bench:api: ${s}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---- Machine load: CPU busy share of the whole machine, and of one process.

function cpuTimes(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = line[3]! + (line[4] ?? 0);
  const total = line.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

function processTicks(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

const TICKS_PER_SECOND = 100;

// ---- The server under test, as users run it.

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  // From the sources through tsx, so the server measured is the code checked out, built or not.
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/main.ts`, 'serve', '--host', '127.0.0.1', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(/GraphQL: (\S+)/);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`laurel serve exited with ${child.exitCode}:\n${err}`));
      }
    }, 100);
  });
  return {
    child,
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---- One measurement: a query at a concurrency.

interface Cell {
  query: string;
  connections: number;
  requests: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  graphqlErrors: number;
  machineCpu: number;
  serverCpu: number;
  loadavg1: number;
  /** Seconds Neo4j took, after the cell, to finish the queries of requests autocannon had given up on. */
  settleSeconds: number;
}

function run(url: string, q: BenchQuery, connections: number, seconds: number, onGraphqlError: (body: string) => void): Promise<autocannon.Result> {
  let next = 0;
  const bodies = q.variables.map((variables) => JSON.stringify({ query: q.query, variables }));
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
            onResponse: (_status, body) => {
              if (body.startsWith('{"errors"') || body.includes('"errors":[')) onGraphqlError(body);
            },
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/**
 * Waits until Neo4j runs no transaction but this check: autocannon stops at
 * the end of a run without waiting for the answers still due, and the
 * server goes on with their queries, which would otherwise land in the next
 * cell's latencies. Returns the seconds it took (at most two minutes).
 */
async function settle(graph: Graph): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000) {
    const [row] = await graph.read<{ n: number }>(
      `SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n`,
    );
    if (!row?.n) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (Date.now() - t0) / 1000;
}

async function measure(url: string, q: BenchQuery, connections: number, serverPid: number | undefined, graph: Graph): Promise<Cell> {
  let warmupErrors = 0;
  await run(url, q, connections, WARMUP, () => warmupErrors++);
  await settle(graph);
  const firstErrors: string[] = [];
  let graphqlErrors = 0;
  const cpu0 = cpuTimes();
  const srv0 = processTicks(serverPid);
  const t0 = Date.now();
  const r = await run(url, q, connections, DURATION, (body) => {
    graphqlErrors++;
    if (firstErrors.length < 3) firstErrors.push(body.slice(0, 300));
  });
  const elapsed = (Date.now() - t0) / 1000;
  const cpu1 = cpuTimes();
  const srv1 = processTicks(serverPid);
  for (const e of firstErrors) log(`  ${q.name}: GraphQL error: ${e}`);
  const settleSeconds = await settle(graph);
  return {
    query: q.name,
    connections,
    requests: r.requests.total,
    throughput: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
    graphqlErrors,
    machineCpu: (cpu1.busy - cpu0.busy) / Math.max(1, cpu1.total - cpu0.total),
    serverCpu: (srv1 - srv0) / TICKS_PER_SECOND / elapsed,
    loadavg1: loadavg()[0]!,
    settleSeconds,
  };
}

// ---- Main.

function table(cells: Cell[]): string {
  const head = ['query', 'clients', 'p50 ms', 'p90 ms', 'p99 ms', 'req/s', 'requests', 'errors', 'machine CPU', 'server CPU', 'load1', 'settle s'];
  const rows = cells.map((c) => [
    c.query,
    String(c.connections),
    c.p50.toFixed(1),
    c.p90.toFixed(1),
    c.p99.toFixed(1),
    c.throughput.toFixed(1),
    String(c.requests),
    String(c.errors + c.graphqlErrors),
    `${(c.machineCpu * 100).toFixed(0)}%`,
    `${(c.serverCpu * 100).toFixed(0)}%`,
    c.loadavg1.toFixed(2),
    c.settleSeconds.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  // Larger than the tests' defaults; the environment still decides.
  const config = loadConfig({ LAUREL_NEO4J_HEAP: '3g', LAUREL_NEO4J_PAGECACHE: '4g', ...process.env });

  // The requests must be valid against the API before an hour goes into loading.
  const schema = await buildApiSchema();
  for (const [name, query] of Object.entries(DOCUMENTS)) {
    const errors = validate(schema, parse(query));
    if (errors.length) throw new Error(`the ${name} request does not fit the API schema: ${errors.map((e) => e.message).join('; ')}`);
  }

  log(`starting a dedicated Neo4j (heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache})`);
  const neo4j = await localWay().start(config, (m) => log(`neo4j: ${m}`));
  const graph = Graph.open(neo4j);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await applySchema(graph);

    // ---- The graph.
    const t0 = Date.now();
    const world = new World({ seed: SEED, articles: ARTICLES });
    log(`world: ${world.people.length} people, ${world.companies.length} companies, ${world.organisations.length} organisations (${secs(Date.now() - t0)})`);
    const writer = new GraphWriter(graph, { batchSize: BATCH });
    const t1 = Date.now();
    let written = 0;
    let skipped = 0;
    const chunk = BATCH * 5;
    for (let i = 0; i < ARTICLES; i += chunk) {
      const batch = Array.from({ length: Math.min(chunk, ARTICLES - i) }, (_, k) => world.article(i + k));
      const s = await writer.write(batch);
      written += s.articles;
      skipped += s.skipped.length;
      const rate = written / ((Date.now() - t1) / 1000);
      log(`load: ${written}/${ARTICLES} articles, ${rate.toFixed(0)}/s, ETA ${secs(((ARTICLES - written) / rate) * 1000)}`);
    }
    const loadMs = Date.now() - t1;
    const counts = await graphCounts(graph);
    const distribution = await graph.read<{ what: string; max: number; p50: number; p99: number }>(
      `CALL { MATCH (t:Title) RETURN 'holders per title' AS what, COUNT { (t)<-[:HOLDS_TITLE]-() } AS n
              UNION ALL MATCH (b) WHERE b:Company OR b:Organization OR b:Union RETURN 'employees per body' AS what, COUNT { (b)<-[:WORKS_FOR]-() } AS n
              UNION ALL MATCH (p:Person) RETURN 'articles per person' AS what, COUNT { (p)<-[:MENTIONS]-() } AS n }
       RETURN what, max(n) AS max, percentileDisc(n, 0.5) AS p50, percentileDisc(n, 0.99) AS p99`,
    );
    const graphInfo = {
      articles: written,
      generator: 'bench/api/world.ts (synthetic, seeded), written through src/graph/writer (GraphWriter)',
      seed: SEED,
      loadSeconds: loadMs / 1000,
      articlesPerSecond: written / (loadMs / 1000),
      relationsSkipped: skipped,
      labels: counts.labels,
      relationships: counts.relationships,
      distribution,
    };
    process.stdout.write(`Graph: ${written} synthetic articles (seed ${SEED}) written through GraphWriter in ${secs(loadMs)} (${graphInfo.articlesPerSecond.toFixed(0)} articles/s)\n`);
    process.stdout.write(`  nodes: ${Object.entries(counts.labels).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    process.stdout.write(`  relationships: ${Object.entries(counts.relationships).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    for (const d of distribution) process.stdout.write(`  ${d.what}: median ${d.p50}, p99 ${d.p99}, max ${d.max}\n`);

    // ---- The server and the load.
    const queries = (await benchQueries(graph, SAMPLES, rng(SEED + 1))).filter((q) => !values.only || values.only.split(',').includes(q.name));
    server = await startServer({
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      NODE_ENV: 'production',
    });
    const url = `${server.url}`;
    log(`server: ${url} (pid ${server.child.pid})`);
    // What else the machine is doing (other processes), before any load of ours.
    const idle0 = cpuTimes();
    await new Promise((r) => setTimeout(r, 5000));
    const idle1 = cpuTimes();
    const background = { machineCpu: (idle1.busy - idle0.busy) / Math.max(1, idle1.total - idle0.total), loadavg1: loadavg()[0]! };
    log(`background: machine CPU ${(background.machineCpu * 100).toFixed(0)}% busy with no requests, load average ${background.loadavg1.toFixed(2)}`);
    const cells: Cell[] = [];
    for (const q of queries) {
      for (const c of CONNECTIONS) {
        log(`measure: ${q.name} at ${c} client(s): ${WARMUP} s warm-up, ${DURATION} s measured`);
        const cell = await measure(url, q, c, server.child.pid, graph);
        log(`  p50 ${cell.p50} ms, p99 ${cell.p99} ms, ${cell.throughput.toFixed(1)} req/s, errors ${cell.errors + cell.graphqlErrors}, settled in ${cell.settleSeconds.toFixed(1)} s`);
        cells.push(cell);
      }
    }

    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), freeGiB: +(freemem() / 2 ** 30).toFixed(1), node: process.version };
    process.stdout.write(`\n${table(cells)}\n`);
    process.stdout.write(
      `\nLatency in ms and req/s from autocannon over ${DURATION} s after ${WARMUP} s of warm-up; machine CPU is the busy share of all ${machine.cpus} cores ` +
        `(Neo4j, the server and autocannon share them), server CPU the laurel process's (100% = one core); settle is how long Neo4j then took ` +
        `to finish the queries of requests still unanswered when autocannon stopped (each cell starts on an idle database).\n` +
        `Before the load, with no requests: machine CPU ${(background.machineCpu * 100).toFixed(0)}% busy, load average ${background.loadavg1.toFixed(2)} (other processes on this machine).\n`,
    );
    mkdirSync(OUT, { recursive: true });
    const result = {
      when: new Date().toISOString(),
      machine,
      background,
      settings: { duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, samples: SAMPLES, heap: config.neo4j.heap, pageCache: config.neo4j.pageCache },
      graph: graphInfo,
      queries: queries.map((q) => ({ name: q.name, query: q.query, distinctVariables: q.variables.length })),
      results: cells,
      totalSeconds: (Date.now() - started) / 1000,
    };
    const file = `${OUT}api-${result.when.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${OUT}api-latest.json`, `${JSON.stringify(result, null, 2)}\n`);
    log(`results in ${file} (and bench/out/api-latest.json); total ${secs(Date.now() - started)}`);
  } finally {
    await server?.stop();
    await graph.close();
    await neo4j.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:api: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
