/**
 * The API under hostile requests and Neo4j faults, on a Neo4j of this file's
 * own (the suite's shared one serves other files meanwhile): aliased and
 * mistyped queries; `npx laurel up` stopped by signals to any of its
 * processes; Neo4j frozen with SIGSTOP (then thawed) and killed. Every
 * answer is timed against the bound Laurel promises, with a margin for a
 * busy machine; waits are polls on a condition, never blind sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph, applySchema } from '../../src/graph/index.js';
import { envWith, requireBuild, startWithNpx, type Running } from '../helpers/cli.js';
import { startDedicatedNeo4j } from '../helpers/dedicated-neo4j.js';
import { childrenOf, commandLine, isAlive, portOpen, timed, waitUntil } from '../helpers/processes.js';
import { codes, gql, startServer, type GqlResponse, type RunningServer } from '../helpers/server.js';

/** LAUREL_QUERY_TIMEOUT_MS of the server under test. */
const TIMEOUT_MS = 5_000;
/** What a busy machine may add to a bound (Laurel's own grace after the deadline is 250 ms). */
const MARGIN_MS = 1_500;
/** The bound for answering SERVICE_UNAVAILABLE when Neo4j is gone. */
const UNREACHABLE_MS = 2_000;

let neo4j: Awaited<ReturnType<typeof startDedicatedNeo4j>>;
let graph: Graph;
let server: RunningServer;
const started: Running[] = [];

beforeAll(async () => {
  requireBuild();
  neo4j = await startDedicatedNeo4j();
  graph = Graph.open(neo4j, { queryTimeoutMs: TIMEOUT_MS, connectionTimeoutMs: TIMEOUT_MS, connectionAcquisitionTimeoutMs: TIMEOUT_MS });
  await applySchema(graph);
  await loadPaths(graph, [SEEDS_DIR]);
  server = await startServer(graph, { queryTimeoutMs: TIMEOUT_MS });
  // A fresh Neo4j plans each query the first time, slowly on a busy machine: do that before anything is timed.
  for (const query of [HONOUREES, '{ stats { nodes } }', PERSON, '{ a: honourees(award: "五一劳动奖章") { totalCount } b: honourees(title: "全国劳模", level: NATIONAL) { totalCount } }']) {
    await waitUntil(`the API answers ${query}`, 60_000, async () => (await gql(server.graphql, query)).errors === undefined);
  }
});
afterAll(async () => {
  if (neo4j && isAlive(neo4j.pid)) process.kill(neo4j.pid, 'SIGCONT');
  for (const r of started) await r.stop('SIGKILL', 5_000).catch(() => {});
  await server?.close();
  await graph?.close();
  await neo4j?.stop();
});

const HONOUREES = '{ honourees(title: "全国劳动模范") { totalCount edges { node { name } year } } }';
const PERSON = '{ person(name: "余亮") { name titles { edges { node { name } } } } }';
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** Nothing of the server's insides: no stack, no path on this machine. */
function expectNoInsides(res: GqlResponse<unknown>): void {
  const body = JSON.stringify(res);
  expect(body).not.toContain('stacktrace');
  expect(body).not.toContain(process.cwd());
  expect(body).not.toMatch(/node_modules|\bat \S+ \(|file:\/\//);
}

describe('hostile and mistyped requests', () => {
  it.each([
    ['1000 aliases of stats', aliases(1000, 'stats { nodes }'), 'queries'],
    ['3000 aliases of stats', aliases(3000, 'stats { nodes }'), 'fields'],
    ['1000 aliases of honourees', aliases(1000, 'honourees(title: "全国劳动模范") { totalCount }'), 'queries'],
  ])('refuses %s with 400 and a code before anything runs', async (_, query, limit) => {
    const before = graph.queries;
    const { ms, value: res } = await timed(() => gql(server.graphql, query));
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ limit });
    expect(graph.queries, 'no query reached Neo4j').toBe(before);
    expect(ms).toBeLessThan(UNREACHABLE_MS);
    expectNoInsides(res);
  });

  it.each([
    ['a variable of the wrong type', { title: 5 }],
    ['a required variable missing', {}],
  ])('answers %s with 400 BAD_USER_INPUT', async (_, variables) => {
    const res = await gql(server.graphql, 'query ($title: String!) { honourees(title: $title) { totalCount } }', variables);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0]!.message).toMatch(/\$title/);
    expectNoInsides(res);
  });

  it('answers an honour under the wrong argument NOT_FOUND, saying which argument to use', async () => {
    const res = await gql(server.graphql, '{ honourees(title: "全国五一劳动奖章") { totalCount } }');
    expect(res.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', argument: 'award' });
    expectNoInsides(res);
    const forms = await gql(server.graphql, '{ a: honourees(award: "五一劳动奖章") { totalCount } b: honourees(title: "全国劳模", level: NATIONAL) { totalCount } }');
    expect(forms.errors).toBeUndefined();
    expect((forms.data as { a: { totalCount: number } }).a.totalCount).toBeGreaterThan(0);
  });
});

describe('`npx laurel up`, stopped by a signal to any of its processes', () => {
  /** The npm process the test started (npx) and Laurel under it (bash, the project's script-shell, replaced itself with it). */
  function tree(npm: number): { npm: number; laurel: number } {
    const [laurel] = childrenOf(npm);
    if (!laurel || !/bin\/laurel/.test(commandLine(laurel))) throw new Error(`unexpected process under npx (${npm}): ${laurel} ${commandLine(laurel ?? 0)}`);
    return { npm, laurel };
  }

  it.each([
    ['SIGTERM', 'npm'],
    ['SIGINT', 'npm'],
    ['SIGHUP', 'npm'],
    ['SIGHUP', 'laurel'],
  ] as const)('stops Laurel on %s to the %s process', async (signal, target) => {
    const env = envWith({ NEO4J_URI: neo4j.uri, NEO4J_USERNAME: neo4j.username, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database });
    const up = startWithNpx(['up', '--port', '0'], env);
    started.push(up);
    const [, url] = (await up.waitFor(/GraphQL:\s+(http:\/\/\S+)/, 180_000)) as unknown as [string, string];
    const port = Number(new URL(url).port);
    const pids = tree(up.child.pid!);
    expect(await portOpen('127.0.0.1', port)).toBe(true);
    process.kill(pids[target], signal);
    // Laurel closes its server and exits; nothing of it is left.
    await waitUntil(`laurel (${pids.laurel}) gone after ${signal} to ${target}`, 20_000, async () => !isAlive(pids.laurel) && !(await portOpen('127.0.0.1', port)));
    await waitUntil('npx gone', 10_000, () => !isAlive(pids.npm));
  }, 240_000);
});

describe('Neo4j frozen (SIGSTOP), then thawed', () => {
  it('answers every request (GraphQL, /ready, a download) within LAUREL_QUERY_TIMEOUT_MS, and serves again once Neo4j runs', async () => {
    expect((await gql(server.graphql, HONOUREES)).errors).toBeUndefined();
    process.kill(neo4j.pid, 'SIGSTOP');
    try {
      const requests = [HONOUREES, '{ stats { nodes } }', PERSON];
      const answers = await Promise.all(requests.map((q) => timed(() => gql(server.graphql, q))));
      for (const [i, { ms, value }] of answers.entries()) {
        expect(ms, requests[i]).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
        expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT'], `${requests[i]}: ${JSON.stringify(value.errors)}`).toContain(codes(value)[0]);
        expectNoInsides(value);
      }
      // New requests, once the pool's connections are all stuck, too.
      const again = await timed(() => gql(server.graphql, HONOUREES));
      expect(again.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(codes(again.value)[0]);
      const ready = await timed(() => fetch(`${server.base}/ready`));
      expect(ready.value.status).toBe(503);
      expect(ready.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      // A download, page by page, is bounded the same way.
      const download = await timed(() => fetch(`${server.base}/export/nodes.csv`));
      expect(download.value.status).toBe(503);
      expect(['SERVICE_UNAVAILABLE', 'QUERY_TIMEOUT']).toContain(((await download.value.json()) as { code: string }).code);
      expect(download.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    } finally {
      process.kill(neo4j.pid, 'SIGCONT');
    }
    await waitUntil('the API answers again after SIGCONT', 30_000, async () => (await gql(server.graphql, HONOUREES)).errors === undefined);
  }, 120_000);
});

describe('Neo4j killed', () => {
  it('answers SERVICE_UNAVAILABLE within 2 s (GraphQL and downloads), /ready 503 and /health 200', async () => {
    process.kill(neo4j.pid, 'SIGKILL');
    await waitUntil('Neo4j gone', 10_000, () => !isAlive(neo4j.pid));
    for (const query of [HONOUREES, '{ stats { nodes } }', HONOUREES]) {
      const { ms, value } = await timed(() => gql(server.graphql, query));
      expect(codes(value), query).toEqual(['SERVICE_UNAVAILABLE']);
      expect(ms, query).toBeLessThan(UNREACHABLE_MS);
      expectNoInsides(value);
    }
    const download = await timed(() => fetch(`${server.base}/export/graph.graphml`));
    expect(download.value.status).toBe(503);
    expect(((await download.value.json()) as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
    expect(download.ms).toBeLessThan(UNREACHABLE_MS);
    expect((await fetch(`${server.base}/ready`)).status).toBe(503);
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
  }, 60_000);
});
