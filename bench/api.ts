/**
 * API load benchmark: `npm run bench:api [-- --peers --articles 100000 --duration 15 --connections 1,16,64 --only person,honourees]`.
 *
 * 1. Starts a dedicated, throwaway Neo4j (the local way of src/graph/provision,
 *    never NEO4J_URI: the graph is wiped and rebuilt), sized by
 *    LAUREL_NEO4J_HEAP / LAUREL_NEO4J_PAGECACHE (default here 3g / 4g).
 * 2. Builds the graph of --articles synthetic articles (bench/api/world.ts):
 *    through the real GraphWriter, as `laurel load` would, or with --import
 *    through `laurel import`'s CSV files and neo4j-admin (the same graph,
 *    faster; bench:load checks the two agree), and prints what it holds.
 * 3. Runs the servers as child processes on that one Neo4j: `laurel serve`
 *    (NODE_ENV=production; LAUREL_QUERIES_PER_CLIENT raised to the largest
 *    --connections, as autocannon's connections stand for that many
 *    clients but all come from 127.0.0.1, which Laurel would otherwise
 *    treat as one client); with --peers also `driver` (the floor: node:http
 *    and one hand-written statement per request, bench/api/peers/driver.ts)
 *    and `neo4j-graphql` (the Neo4j GraphQL Library with type definitions
 *    for Laurel's labels, bench/api/peers/neo4j-graphql.ts); with
 *    --baseline DIR also `laurel-before`, the server of another checkout.
 * 4. Checks that every server (and every natural form of neo4j-graphql)
 *    gives the same answers for the same variables, before timing anything.
 * 5. Loads them with autocannon: person, honourees, network and path, each
 *    at every --connections count, one server after another for each query
 *    and count (the order rotating), so the host's noise falls on all; each
 *    after a warm-up, and after Neo4j has finished the queries of requests
 *    the previous run abandoned, so no run pays for another's backlog.
 *
 * Progress goes to stderr; the table to stdout, bench/out/api-latest.json
 * (everything), bench/out/api-peers.json ({query, clients, server, rps,
 * p50, p99, errors} for laurel, driver and neo4j-graphql, the faster form
 * of the latter) and, with --baseline, bench/out/api-baseline.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { parse, validate } from 'graphql';
import { buildApiSchema } from '../src/api/schema.js';
import { loadConfig, type Config } from '../src/config.js';
import { BulkImport, neo4jAdminImportArgs } from '../src/graph/import/csv.js';
import { Graph, GraphWriter, applySchema, graphCounts } from '../src/graph/index.js';
import type { Neo4jConnection } from '../src/graph/provision/index.js';
import { localWay } from '../src/graph/provision/local/index.js';
import { describeShare, machineShare, machineTicks, processCpuSeconds, type MachineShare } from './lib/machine.js';
import { formsFor, type Form, type ServerName } from './api/peers/requests.js';
import { DOCUMENTS, benchQueries, type BenchQuery } from './api/queries.js';
import { World, rng } from './api/world.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    /** Seconds measured per query, concurrency and server, after `warmup` seconds not measured. */
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,16,64' },
    /** Articles per write transaction. */
    batch: { type: 'string', default: '1000' },
    /** Distinct variable sets per query. */
    samples: { type: 'string', default: '400' },
    /** How many of them every server must answer alike before timing. */
    check: { type: 'string', default: '100' },
    only: { type: 'string' },
    peers: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    import: { type: 'boolean', default: false },
  },
});
const ARTICLES = Number(values.articles);
const SEED = Number(values.seed);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CONNECTIONS = values.connections!.split(',').map(Number);
const BATCH = Number(values.batch);
const SAMPLES = Number(values.samples);
const CHECK = Number(values.check);
const SERVERS: ServerName[] = ['laurel', ...(values.peers ? (['driver', 'neo4j-graphql'] as const) : []), ...(values.baseline ? (['laurel-before'] as const) : [])];
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = fileURLToPath(new URL('./out/', import.meta.url));

const log = (s: string) => process.stderr.write(`bench:api: ${s}\n`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---- The servers under test, each a child process printing its address.

interface Server {
  name: ServerName;
  child: ChildProcess;
  base: string;
  stop(): Promise<void>;
}

async function startServer(name: ServerName, neo4j: Neo4jConnection): Promise<Server> {
  const script: Record<ServerName, string[]> = {
    // From the sources through tsx, so the server measured is the code checked out, built or not.
    laurel: [`${ROOT}src/cli/main.ts`, 'serve', '--host', '127.0.0.1', '--port', '0'],
    'laurel-before': [`${resolve(values.baseline ?? '.')}/src/cli/main.ts`, 'serve', '--host', '127.0.0.1', '--port', '0'],
    driver: [`${ROOT}bench/api/peers/driver.ts`],
    'neo4j-graphql': [`${ROOT}bench/api/peers/neo4j-graphql.ts`],
  };
  const child = spawn(process.execPath, ['--import', 'tsx', ...script[name]], {
    env: {
      ...process.env,
      NEO4J_URI: neo4j.uri,
      NEO4J_USERNAME: neo4j.username,
      NEO4J_PASSWORD: neo4j.password,
      NEO4J_DATABASE: neo4j.database,
      NODE_ENV: 'production',
      // Every connection is a client of its own (they share 127.0.0.1 only because they run here).
      LAUREL_QUERIES_PER_CLIENT: String(Math.max(...CONNECTIONS)),
    },
    // tsx applies a tsconfig only to the files it includes: the baseline's own (decorators) from its folder.
    cwd: name === 'laurel-before' ? resolve(values.baseline!) : ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(/(?:GraphQL:|listening) (https?:\/\/[^/\s]+)/);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`${name} exited with ${child.exitCode}:\n${err}`));
      }
    }, 100);
  });
  return {
    name,
    child,
    base: url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---- The graph.

async function buildGraph(config: Config): Promise<{ neo4j: Neo4jConnection; info: Record<string, unknown> }> {
  const world = new World({ seed: SEED, articles: ARTICLES });
  log(`world: ${world.people.length} people, ${world.companies.length} companies, ${world.organisations.length} organisations`);
  if (values.import) {
    const dir = mkdtempSync(join(tmpdir(), 'laurel-bench-api-'));
    try {
      const t0 = Date.now();
      const bulk = new BulkImport(dir);
      for (let i = 0; i < ARTICLES; i += 1000) bulk.add(Array.from({ length: Math.min(1000, ARTICLES - i) }, (_, k) => world.article(i + k)));
      const manifest = bulk.finish();
      log(`import: CSV files in ${secs(Date.now() - t0)}`);
      const neo4j = await localWay(undefined, { importArgs: neo4jAdminImportArgs(dir, manifest, config.neo4j.database) }).start(config, (m) => log(`neo4j: ${m}`));
      const graph = Graph.open(neo4j);
      try {
        await applySchema(graph);
      } finally {
        await graph.close();
      }
      return { neo4j, info: { built: 'laurel import (BulkImport) and neo4j-admin database import full', seconds: (Date.now() - t0) / 1000 } };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const neo4j = await localWay().start(config, (m) => log(`neo4j: ${m}`));
  const graph = Graph.open(neo4j);
  try {
    await applySchema(graph);
    const writer = new GraphWriter(graph, { batchSize: BATCH });
    const t1 = Date.now();
    let written = 0;
    for (let i = 0; i < ARTICLES; i += BATCH * 5) {
      const s = await writer.write(Array.from({ length: Math.min(BATCH * 5, ARTICLES - i) }, (_, k) => world.article(i + k)));
      written += s.articles;
      const rate = written / ((Date.now() - t1) / 1000);
      log(`load: ${written}/${ARTICLES} articles, ${rate.toFixed(0)}/s, ETA ${secs(((ARTICLES - written) / rate) * 1000)}`);
    }
    const seconds = (Date.now() - t1) / 1000;
    return { neo4j, info: { built: 'GraphWriter (laurel load)', seconds, articlesPerSecond: written / seconds } };
  } finally {
    await graph.close();
  }
}

// ---- Checking answers.

async function ask(server: Server, form: Form, variables: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${server.base}${form.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: form.body(variables) });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  return form.answer(JSON.parse(text));
}

/** JSON with object keys in order: answers are compared whatever order a server writes keys in. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
}

/** The first difference between two JSON values, as a path and both sides. */
function difference(a: unknown, b: unknown, path = ''): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path || '.'}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`;
}

async function checkAnswers(q: BenchQuery, forms: Form[], servers: Map<ServerName, Server>): Promise<string[]> {
  const problems: string[] = [];
  const reference = forms.find((f) => f.server === 'laurel')!;
  for (const variables of q.variables.slice(0, CHECK)) {
    const expected = await ask(servers.get('laurel')!, reference, variables);
    for (const f of forms) {
      if (f === reference) continue;
      try {
        const d = difference(await ask(servers.get(f.server)!, f, variables), expected);
        if (d) problems.push(`${q.name} ${f.server} (${f.form}) ${JSON.stringify(variables)}: ${d}`);
      } catch (err) {
        problems.push(`${q.name} ${f.server} (${f.form}) ${JSON.stringify(variables)}: ${(err as Error).message.slice(0, 300)}`);
      }
    }
  }
  return problems;
}

// ---- One measurement: a form of a query at a concurrency.

interface Cell {
  query: string;
  clients: number;
  server: ServerName;
  form: string;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  requests: number;
  errors: number;
  /** The server process's CPU seconds per request (Neo4j's are not in it). */
  serverCpuMs: number;
  machine: MachineShare;
  settleSeconds: number;
}

function run(server: Server, form: Form, q: BenchQuery, connections: number, seconds: number, onError: (body: string) => void): Promise<autocannon.Result> {
  let next = 0;
  const bodies = q.variables.map((v) => form.body(v));
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${server.base}${form.path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
            onResponse: (_status, body) => {
              if (body.startsWith('{"errors"') || body.includes('"errors":[')) onError(body);
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
 * the end of a run without waiting for the answers still due, and a server
 * goes on with their queries, which would otherwise land in the next cell.
 */
async function settle(graph: Graph): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000) {
    const [row] = await graph.read<{ n: number }>(`SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN count(*) AS n`);
    if (!row?.n) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return (Date.now() - t0) / 1000;
}

async function measure(server: Server, form: Form, q: BenchQuery, connections: number, graph: Graph): Promise<Cell> {
  await settle(graph);
  await run(server, form, q, connections, WARMUP, () => {});
  await settle(graph);
  const firstErrors: string[] = [];
  let graphqlErrors = 0;
  const m0 = machineTicks();
  const cpu0 = processCpuSeconds(server.child.pid);
  const r = await run(server, form, q, connections, DURATION, (body) => {
    graphqlErrors++;
    if (firstErrors.length < 3) firstErrors.push(body.slice(0, 300));
  });
  const cpu = processCpuSeconds(server.child.pid) - cpu0;
  const machine = machineShare(m0);
  for (const e of firstErrors) log(`  ${q.name} ${server.name}: error answer: ${e}`);
  return {
    query: q.name,
    clients: connections,
    server: server.name,
    form: form.form,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.timeouts + r.non2xx + graphqlErrors,
    serverCpuMs: r.requests.total ? (cpu * 1000) / r.requests.total : 0,
    machine,
    settleSeconds: await settle(graph),
  };
}

// ---- Main.

function table(cells: Cell[]): string {
  const head = ['query', 'clients', 'server', 'form', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU ms/req', 'steal', 'machine busy', 'load1'];
  const rows = cells.map((c) => [
    c.query,
    String(c.clients),
    c.server,
    c.form,
    c.rps.toFixed(1),
    c.p50.toFixed(1),
    c.p99.toFixed(1),
    String(c.errors),
    c.serverCpuMs.toFixed(2),
    c.machine.steal === undefined ? 'n/a' : `${(100 * c.machine.steal).toFixed(1)}%`,
    c.machine.busy === undefined ? 'n/a' : `${(100 * c.machine.busy).toFixed(0)}%`,
    c.machine.load1.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i < 4 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** For each query and count: Laurel's req/s over the floor's and over the faster neo4j-graphql form's. */
function ratios(cells: Cell[]): string[] {
  const out: string[] = [];
  for (const q of new Set(cells.map((c) => c.query))) {
    for (const n of CONNECTIONS) {
      const at = cells.filter((c) => c.query === q && c.clients === n);
      const best = (s: ServerName) => Math.max(0, ...at.filter((c) => c.server === s).map((c) => c.rps));
      const laurel = best('laurel');
      const parts = [`${q} at ${n}: laurel ${laurel.toFixed(1)} req/s`];
      if (best('driver')) parts.push(`${(laurel / best('driver')).toFixed(2)}x driver`);
      if (best('neo4j-graphql')) parts.push(`${(laurel / best('neo4j-graphql')).toFixed(2)}x neo4j-graphql`);
      if (best('laurel-before')) parts.push(`${(laurel / best('laurel-before')).toFixed(2)}x laurel-before`);
      out.push(parts.join(', '));
    }
  }
  return out;
}

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig({ LAUREL_NEO4J_HEAP: '3g', LAUREL_NEO4J_PAGECACHE: '4g', ...process.env });

  // The requests must be valid against the API before an hour goes into loading.
  const schema = await buildApiSchema();
  for (const [name, query] of Object.entries(DOCUMENTS)) {
    const errors = validate(schema, parse(query));
    if (errors.length) throw new Error(`the ${name} request does not fit the API schema: ${errors.map((e) => e.message).join('; ')}`);
  }

  log(`starting a dedicated Neo4j (heap ${config.neo4j.heap}, page cache ${config.neo4j.pageCache})`);
  const { neo4j, info } = await buildGraph(config);
  const graph = Graph.open(neo4j);
  const servers = new Map<ServerName, Server>();
  try {
    const counts = await graphCounts(graph);
    const distribution = await graph.read<{ what: string; max: number; p50: number; p99: number }>(
      `CALL { MATCH (t:Title) RETURN 'holders per title' AS what, COUNT { (t)<-[:HOLDS_TITLE]-() } AS n
              UNION ALL MATCH (b) WHERE b:Company OR b:Organization OR b:Union RETURN 'employees per body' AS what, COUNT { (b)<-[:WORKS_FOR]-() } AS n
              UNION ALL MATCH (p:Person) RETURN 'articles per person' AS what, COUNT { (p)<-[:MENTIONS]-() } AS n }
       RETURN what, max(n) AS max, percentileDisc(n, 0.5) AS p50, percentileDisc(n, 0.99) AS p99`,
    );
    const graphInfo = { articles: ARTICLES, seed: SEED, ...info, labels: counts.labels, relationships: counts.relationships, distribution };
    process.stdout.write(`Graph: ${ARTICLES} synthetic articles (seed ${SEED}), built by ${info.built} in ${(info.seconds as number).toFixed(1)} s\n`);
    process.stdout.write(`  nodes: ${Object.entries(counts.labels).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    process.stdout.write(`  relationships: ${Object.entries(counts.relationships).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
    for (const d of distribution) process.stdout.write(`  ${d.what}: median ${d.p50}, p99 ${d.p99}, max ${d.max}\n`);

    const queries = (await benchQueries(graph, SAMPLES, rng(SEED + 1))).filter((q) => !values.only || values.only.split(',').includes(q.name));
    for (const name of SERVERS) {
      servers.set(name, await startServer(name, neo4j));
      log(`${name}: ${servers.get(name)!.base} (pid ${servers.get(name)!.child.pid})`);
    }

    // Same answers from every server and form, before any timing.
    const problems: string[] = [];
    for (const q of queries) {
      const found = await checkAnswers(q, formsFor(q, SERVERS), servers);
      log(`answers: ${q.name}: ${Math.min(CHECK, q.variables.length)} variable sets, ${found.length ? `${found.length} differences` : 'all servers agree'}`);
      problems.push(...found);
    }
    if (problems.length) {
      for (const p of problems.slice(0, 20)) log(`  ${p}`);
      throw new Error(`${problems.length} answers differ between servers; nothing was timed`);
    }

    const idle0 = machineTicks();
    await new Promise((r) => setTimeout(r, 5000));
    const background = machineShare(idle0);
    log(`background, no requests: ${describeShare(background)}`);

    const cells: Cell[] = [];
    let turn = 0;
    for (const q of queries) {
      const forms = formsFor(q, SERVERS);
      for (const c of CONNECTIONS) {
        // Rotate which server goes first, so none always runs on a host just left busy by another.
        const order = forms.map((_, i) => forms[(i + turn) % forms.length]!);
        turn++;
        for (const f of order) {
          log(`measure: ${q.name} at ${c} client(s) on ${f.server} (${f.form}): ${WARMUP} s warm-up, ${DURATION} s measured`);
          const cell = await measure(servers.get(f.server)!, f, q, c, graph);
          log(`  ${cell.rps.toFixed(1)} req/s, p50 ${cell.p50} ms, p99 ${cell.p99} ms, errors ${cell.errors}, ${describeShare(cell.machine)}`);
          cells.push(cell);
        }
      }
    }

    const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), freeGiB: +(freemem() / 2 ** 30).toFixed(1), node: process.version };
    process.stdout.write(`\n${table(cells)}\n\n${ratios(cells).join('\n')}\n`);
    process.stdout.write(
      `\nreq/s and latency from autocannon over ${DURATION} s after ${WARMUP} s of warm-up, servers in turn for each query and count; ` +
        `server CPU is the server process's (Neo4j's not included); steal and machine busy are shares of all ${machine.cpus} cores during the cell ` +
        `(Laurel ran with LAUREL_QUERIES_PER_CLIENT=${Math.max(...CONNECTIONS)}: each connection a client) ` +
        `(Neo4j, the servers and autocannon share them). With no requests: ${describeShare(background)}.\n`,
    );

    mkdirSync(OUT, { recursive: true });
    const result = {
      when: new Date().toISOString(),
      machine,
      background,
      settings: { duration: DURATION, warmup: WARMUP, connections: CONNECTIONS, samples: SAMPLES, servers: SERVERS, heap: config.neo4j.heap, pageCache: config.neo4j.pageCache },
      graph: graphInfo,
      queries: queries.map((q) => ({ name: q.name, query: q.query, distinctVariables: q.variables.length })),
      results: cells,
      totalSeconds: (Date.now() - started) / 1000,
    };
    writeFileSync(`${OUT}api-latest.json`, `${JSON.stringify(result, null, 2)}\n`);
    // One row per query, count and server; neo4j-graphql's faster form, the other forms beside it.
    const peers = [];
    for (const q of queries) {
      for (const n of CONNECTIONS) {
        for (const s of ['laurel', 'driver', 'neo4j-graphql'] as const) {
          const at = cells.filter((c) => c.query === q.name && c.clients === n && c.server === s).sort((a, b) => b.rps - a.rps);
          if (!at.length) continue;
          const [best] = at;
          const row = (c: Cell) => ({ rps: +c.rps.toFixed(1), p50: c.p50, p99: c.p99, errors: c.errors });
          peers.push({ query: q.name, clients: n, server: s, ...row(best!), form: best!.form, ...(at.length > 1 ? { forms: at.map((c) => ({ form: c.form, ...row(c) })) } : {}) });
        }
      }
    }
    writeFileSync(`${OUT}api-peers.json`, `${JSON.stringify(peers, null, 2)}\n`);
    const before = cells.filter((c) => c.server === 'laurel-before').map((c) => ({ query: c.query, clients: c.clients, server: c.server, rps: +c.rps.toFixed(1), p50: c.p50, p99: c.p99, errors: c.errors }));
    if (before.length) writeFileSync(`${OUT}api-baseline.json`, `${JSON.stringify({ baseline: resolve(values.baseline!), results: before }, null, 2)}\n`);
    log(`results in bench/out/api-latest.json, api-peers.json${before.length ? ', api-baseline.json' : ''}; total ${secs(Date.now() - started)}`);
  } finally {
    for (const s of servers.values()) await s.stop();
    await graph.close();
    await neo4j.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`bench:api: ${(err as Error).stack ?? err}\n`);
  process.exitCode = 1;
});
