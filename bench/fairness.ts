/**
 * Does one client's heavy use starve the others? `npm run bench:fairness
 * [-- --duration 20 --normal 16 --heavy 8]`.
 *
 * 1. Starts a throwaway Neo4j (the local way, never NEO4J_URI) and loads the
 *    seed articles: the seed graph.
 * 2. Serves it with `laurel serve` (a child process), once as configured by
 *    default and once, side by side, with the per-client share of Neo4j
 *    lifted (LAUREL_QUERIES_PER_CLIENT=1000), the peer that shows what the
 *    share does.
 * 3. Finds the heaviest query the per-request limits still accept among
 *    candidates at the limits (aliases up to the query limit, pages and
 *    networks up to the cost limit): each is timed alone, the slowest wins.
 * 4. Measures a normal query (docs/queries.graphql's Honourees) at --normal
 *    clients, alone and then while --heavy clients send the heaviest query,
 *    each client as fast as it is answered, each from its own loopback
 *    address (127.0.0.x), as separate machines would be.
 *
 * Progress goes to stderr; the table to stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleLimits, loadPaths, SEEDS_DIR } from '../src/cli/runtime.js';
import { loadConfig } from '../src/config.js';
import { Graph, applySchema } from '../src/graph/index.js';
import { localWay } from '../src/graph/provision/local/index.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    normal: { type: 'string', default: '16' },
    heavy: { type: 'string', default: '8' },
  },
});
const DURATION = Number(values.duration) * 1000;
const WARMUP = Number(values.warmup) * 1000;
const NORMAL = Number(values.normal);
const HEAVY = Number(values.heavy);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const log = (s: string) => process.stderr.write(`bench:fairness: ${s}\n`);

const NORMAL_QUERY = {
  query: `query Honourees($title: String!, $first: Int) { honourees(title: $title, first: $first) { totalCount edges { node { id name } year facts { year provenance evidence { sentence } article { id title } } } } }`,
  variables: { title: '全国劳动模范', first: 10 },
};

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
/** Requests at the per-request limits (30 Neo4j queries, cost 20,000), each heavy in its own way. */
const HEAVY_CANDIDATES: Record<string, string> = {
  '30 × path(maxHops: 6)': aliases(30, 'path(from: {name: "刘学"}, to: {name: "艾建龙"}, maxHops: 6) { length nodes { name } hops { facts { type evidence { sentence } } } }'),
  '30 × stats': aliases(30, 'stats { nodes relationshipTotal labels { label count } relationships { type count } }'),
  '30 × search(first: 100)': aliases(30, 'search(text: "劳动", first: 100) { totalCount edges { score node { name } } }'),
  '30 × colleagues(first: 100)': aliases(30, 'colleagues(name: "艾建龙", first: 100, kinds: [EMPLOYER, UNION, HONOUR, ARTICLE]) { totalCount edges { node { name } shared { kind } } }'),
  '5 × network(depth: 3, limit: 500)': aliases(5, 'network(center: {name: "北京市总工会"}, depth: 3, limit: 500) { truncated nodes { id label } edges { source target type } }'),
  '30 × honourees(first: 100)': aliases(30, 'honourees(first: 100) { totalCount edges { node { name } year factCount } }'),
  'people(first: 100) with honours and employers': `{ people(first: 100) { edges { node { name titles(first: 10) { edges { node { name } year } } awards(first: 10) { edges { node { name } year } } employers(first: 10) { edges { node { name } positions } } } } } }`,
};

interface Reply {
  ms: number;
  status: number;
  codes: string[];
}

function post(url: URL, agent: Agent, localAddress: string, body: string): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: 'POST', agent, localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let codes: string[] = [];
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { errors?: { extensions?: { code?: string } }[] };
            codes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
          } catch {
            codes = ['NOT_JSON'];
          }
          resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, codes });
        });
      },
    );
    req.on('error', (err) => resolve({ ms: performance.now() - started, status: 0, codes: [(err as NodeJS.ErrnoException).code ?? 'ERROR'] }));
    req.end(body);
  });
}

/** A client sending `body` as fast as it is answered until `until`, from its own address; replies after `from` are kept. */
async function client(url: URL, address: string, body: string, from: number, until: number): Promise<Reply[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const replies: Reply[] = [];
  while (Date.now() < until) {
    const r = await post(url, agent, address, body);
    if (Date.now() - r.ms >= from) replies.push(r);
  }
  agent.destroy();
  return replies;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

function summary(replies: Reply[], seconds: number) {
  const ms = replies.map((r) => r.ms).sort((a, b) => a - b);
  const codes: Record<string, number> = {};
  for (const r of replies) for (const c of r.codes.length ? r.codes : r.status === 200 ? [] : [`HTTP ${r.status}`]) codes[c] = (codes[c] ?? 0) + 1;
  return { n: ms.length, perSecond: ms.length / seconds, p50: pct(ms, 50), p90: pct(ms, 90), p99: pct(ms, 99), max: ms.at(-1) ?? NaN, codes };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: URL }> {
  // From the sources through tsx, so the server measured is the code checked out.
  const child = spawn(process.execPath, ['--import', 'tsx', `${ROOT}src/cli/main.ts`, 'serve', '--host', '127.0.0.1', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = out.match(/GraphQL: http:\/\/\S+:(\d+)(\/\S*)/);
      if (m) {
        clearInterval(timer);
        resolve(`http://127.0.0.1:${m[1]}${m[2]}`);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`laurel serve exited with ${child.exitCode}:\n${err}`));
      }
    }, 100);
  });
  return { child, url: new URL(url) };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

const address = (i: number) => `127.0.0.${10 + i}`;

async function measureServer(label: string, url: URL) {
  // The heaviest request the limits accept, by time alone on an idle server.
  const agent = new Agent({ keepAlive: true });
  const timed: { name: string; ms: number; accepted: boolean }[] = [];
  for (const [name, query] of Object.entries(HEAVY_CANDIDATES)) {
    const body = JSON.stringify({ query });
    await post(url, agent, address(200), body);
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await post(url, agent, address(200), body));
    const accepted = runs.every((r) => r.status === 200 && r.codes.length === 0);
    timed.push({ name, ms: runs.map((r) => r.ms).sort((a, b) => a - b)[1]!, accepted });
    log(`${label}: ${name}: ${accepted ? `${timed.at(-1)!.ms.toFixed(0)} ms alone` : `refused (${runs[0]!.status} ${runs[0]!.codes.join(',')})`}`);
  }
  agent.destroy();
  const heaviest = timed.filter((t) => t.accepted).sort((a, b) => b.ms - a.ms)[0]!;
  const normalBody = JSON.stringify(NORMAL_QUERY);
  const heavyBody = JSON.stringify({ query: HEAVY_CANDIDATES[heaviest.name] });

  const phase = async (withHeavy: boolean) => {
    const start = Date.now();
    const from = start + WARMUP;
    const until = from + DURATION;
    const normal = Array.from({ length: NORMAL }, (_, i) => client(url, address(i), normalBody, from, until));
    const heavy = withHeavy ? Array.from({ length: HEAVY }, (_, i) => client(url, address(100 + i), heavyBody, from, until)) : [];
    const [n, h] = await Promise.all([Promise.all(normal), Promise.all(heavy)]);
    return { normal: summary(n.flat(), DURATION / 1000), heavy: withHeavy ? summary(h.flat(), DURATION / 1000) : undefined };
  };
  log(`${label}: ${NORMAL} normal clients alone, ${(WARMUP + DURATION) / 1000} s`);
  const alone = await phase(false);
  log(`${label}: ${NORMAL} normal clients with ${HEAVY} sending ${heaviest.name}, ${(WARMUP + DURATION) / 1000} s`);
  const loaded = await phase(true);
  return { label, heaviest, alone, loaded };
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, NEO4J_URI: '', LAUREL_NEO4J_HEAP: process.env.LAUREL_NEO4J_HEAP ?? '1g' });
  const neo4j = await localWay().start(config, (m) => log(`neo4j: ${m}`));
  const graph = Graph.open(neo4j);
  const results = [];
  try {
    await applySchema(graph);
    const report = await loadPaths(graph, [SEEDS_DIR], 50, articleLimits(config));
    log(`seed graph: ${report.loaded} articles, ${report.facts} facts`);
    const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database };
    for (const [label, extra] of [
      ['default share', {}],
      ['share lifted (peer)', { LAUREL_QUERIES_PER_CLIENT: '1000' }],
    ] as const) {
      const server = await startServer({ ...env, ...extra });
      try {
        results.push(await measureServer(label, server.url));
      } finally {
        await stopServer(server.child);
      }
    }
  } finally {
    await graph.close();
    await neo4j.stop();
  }

  const f = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : '–');
  const codes = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ') || 'none';
  const lines = [
    `Normal query (Honourees, first 10) at ${NORMAL} clients, alone and while ${HEAVY} clients send the heaviest request the limits accept; ${DURATION / 1000} s each after ${WARMUP / 1000} s warm-up; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    '| server | heaviest request (alone) | normal p50 / p90 / p99 / max ms, alone | req/s | normal p50 / p90 / p99 / max ms, with heavy | req/s | errors (normal) | heavy req/s, p99 ms | errors (heavy) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.label} | ${r.heaviest.name} (${f(r.heaviest.ms)} ms) | ${f(r.alone.normal.p50)} / ${f(r.alone.normal.p90)} / ${f(r.alone.normal.p99)} / ${f(r.alone.normal.max)} | ${r.alone.normal.perSecond.toFixed(0)} ` +
        `| ${f(r.loaded.normal.p50)} / ${f(r.loaded.normal.p90)} / ${f(r.loaded.normal.p99)} / ${f(r.loaded.normal.max)} | ${r.loaded.normal.perSecond.toFixed(0)} | ${codes(r.loaded.normal.codes)} ` +
        `| ${r.loaded.heavy!.perSecond.toFixed(1)}, ${f(r.loaded.heavy!.p99)} | ${codes(r.loaded.heavy!.codes)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
