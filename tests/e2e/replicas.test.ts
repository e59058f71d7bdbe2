/**
 * Past one machine: several API replicas on one Neo4j answer any client's
 * requests alike (the API keeps nothing between requests), a mutation's
 * bookmarks carry its writes to the client's next read on any replica, and
 * Laurel works through a `neo4j://` (routing) URI, with reads in read
 * transactions, so a cluster can send them to its secondaries. On the
 * tests' single real Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOKMARK_HEADER, encodeBookmarks } from '../../src/api/bookmarks.js';
import { Graph, GraphWriter } from '../../src/graph/index.js';
import { article } from '../helpers/extraction.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';
import { bearer, startServer, type RunningServer } from '../helpers/server.js';

const TOKEN = 'replica-token-0123456789abcdef';

let graph: Graph;
let routed: Graph;
let replicas: RunningServer[];

/** A routing driver's view of the tests' Neo4j: `neo4j://` instead of `bolt://`. */
function routingTarget() {
  const t = testTarget();
  return { ...t, uri: t.uri.replace(/^bolt:/, 'neo4j:') };
}

const people = Array.from({ length: 7 }, (_, i) => `测试员${'甲乙丙丁戊己庚'[i]}`);

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  await new GraphWriter(graph).write(
    people.map((name, i) =>
      article(`r${i}`, `星河重工有限公司技师${name}获评全国劳动模范。`, [
        { type: 'Person', name },
        { type: 'Company', name: '星河重工有限公司' },
        { type: 'Title', name: '全国劳动模范', level: 'national' },
      ], [
        { type: 'WORKS_FOR', from: name, to: '星河重工有限公司', position: '技师' },
        { type: 'HOLDS_TITLE', from: name, to: '全国劳动模范', year: 2020 + i },
      ]),
    ),
  );
  routed = Graph.open(routingTarget(), { maxConnectionPoolSize: 5 });
  // Two replicas, as behind a load balancer: one over bolt://, one over neo4j://.
  replicas = [await startServer(graph, { apiToken: TOKEN }), await startServer(routed, { apiToken: TOKEN })];
});
afterAll(async () => {
  for (const r of replicas ?? []) await r.close();
  await routed?.close();
  await graph?.close();
});

interface Answer {
  status: number;
  bookmark: string | null;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(server: RunningServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(server.graphql, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, bookmark: res.headers.get(BOOKMARK_HEADER), body: (await res.json()) as Answer['body'] };
}

describe('replicas of the API', () => {
  it('page through a list alike, each page from another replica', async () => {
    const query = `query ($after: String) { honourees(title: "全国劳动模范", first: 3, after: $after) { totalCount edges { node { name } year } pageInfo { hasNextPage endCursor } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; ; i++) {
      const { body } = await post(replicas[i % 2]!, query, { after });
      expect(body.errors).toBeUndefined();
      const page = body.data.honourees;
      expect(page.totalCount).toBe(people.length);
      seen.push(...page.edges.map((e: any) => e.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...people].sort());
  });

  it("carry a mutation's writes to the client's next read on another replica, through the bookmark it answered with", async () => {
    const text = '本报讯 星河重工有限公司高级技师李建国获得全国五一劳动奖章。';
    const ingest = await post(replicas[0]!, `mutation ($text: String!) { ingestArticle(text: $text, id: "r-new", title: "新闻") { article { id } } }`, { text }, bearer(TOKEN));
    expect(ingest.body.errors).toBeUndefined();
    expect(ingest.bookmark, 'a mutation answers with its bookmarks').toMatch(/^[\w-]+$/);
    const read = await post(replicas[1]!, `{ article(id: "r-new") { id title } }`, {}, { [BOOKMARK_HEADER]: ingest.bookmark! });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data).toEqual({ article: { id: 'r-new', title: '新闻' } });
    // A query answers without a bookmark: only writes move the client's causal chain.
    expect(read.bookmark).toBeNull();

    const removed = await post(replicas[1]!, `mutation { deleteArticle(id: "r-new") { id } }`, {}, { ...bearer(TOKEN), [BOOKMARK_HEADER]: ingest.bookmark! });
    expect(removed.body.errors).toBeUndefined();
    expect(removed.bookmark).toBeTruthy();
    const gone = await post(replicas[0]!, `{ article(id: "r-new") { id } }`, {}, { [BOOKMARK_HEADER]: removed.bookmark! });
    expect(gone.body.data).toEqual({ article: null });
  });

  it('refuse a bookmark header they did not give out, before reading anything', async () => {
    for (const bad of ['not a bookmark', encodeBookmarks([]).slice(0, 2), Buffer.from('{"a":1}').toString('base64url'), 'x'.repeat(5000)]) {
      const res = await post(replicas[0]!, '{ stats { nodes } }', {}, { [BOOKMARK_HEADER]: bad });
      expect(res.status, bad.slice(0, 20)).toBe(400);
      expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0]!.message).toMatch(BOOKMARK_HEADER);
    }
    // Well formed, but no transaction of this database.
    const res = await post(replicas[1]!, '{ stats { nodes } }', {}, { [BOOKMARK_HEADER]: encodeBookmarks(['FB:not-a-real-bookmark']) });
    expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});

describe('a neo4j:// URI (a routing driver) on a single Neo4j', () => {
  it('serves queries and mutations', async () => {
    const { body } = await post(replicas[1]!, `{ person(name: "测试员甲") { name employers { edges { node { name } positions } } } }`);
    expect(body.data.person).toEqual({ name: '测试员甲', employers: { edges: [{ node: { name: '星河重工有限公司' }, positions: ['技师'] }] } });
  });

  it('runs reads in read transactions, alone or batched, and writes in write transactions', async () => {
    const write = 'CREATE (n:ReadModeProbe) RETURN count(n) AS n';
    const request = routed.forRequest({ deadline: Date.now() + 10_000 });
    // One read alone (an auto-commit transaction), two in one level (an explicit one): both refuse to write.
    await expect(request.read(write)).rejects.toThrow(/read access mode|not allowed|read only/i);
    await expect(Promise.all([request.read(write), request.read('RETURN 1 AS one')])).rejects.toThrow(/read access mode|not allowed|read only/i);
    await expect(routed.read(write)).rejects.toThrow(/read access mode|not allowed|read only/i);
    // The same statement in a write transaction writes.
    await request.write((tx) => tx.run(write));
    expect((await routed.read<{ n: number }>('MATCH (n:ReadModeProbe) RETURN count(n) AS n'))[0]!.n).toBe(1);
    await routed.write((tx) => tx.run('MATCH (n:ReadModeProbe) DELETE n'));
  });
});
