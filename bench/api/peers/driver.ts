/**
 * The floor of the API benchmark: plain `node:http` and neo4j-driver, one
 * hand-written Cypher statement per request in one read transaction
 * (`executeRead`), answering with the JSON the Laurel API gives for the
 * benchmark's documents (bench/api/queries.ts), and nothing else: no
 * GraphQL, no validation, no limits. What a request costs beyond this is
 * what Laurel's layers cost.
 *
 * `network` and `path` run Laurel's own statements (src/api/repositories/
 * explore.ts) the same way: their cost is the graph search itself.
 *
 * Run as a child process: `tsx bench/api/peers/driver.ts` with NEO4J_URI,
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; prints `listening <url>`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import neo4j from 'neo4j-driver';
import { ExploreRepository } from '../../../src/api/repositories/explore.js';
import { Graph } from '../../../src/graph/client.js';
import { normaliseName } from '../../../src/graph/names.js';

const env = process.env;
const target = { uri: env.NEO4J_URI!, username: env.NEO4J_USERNAME ?? 'neo4j', password: env.NEO4J_PASSWORD!, database: env.NEO4J_DATABASE ?? 'neo4j' };
const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), { disableLosslessIntegers: true, maxConnectionPoolSize: 100 });
// For network and path only: Laurel's repository over the same kind of driver.
const explore = new ExploreRepository(Graph.open(target, { maxConnectionPoolSize: 100 }));

async function read<T>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
  const session = driver.session({ database: target.database, defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject() as T));
  } finally {
    await session.close();
  }
}

const cursor = (offset: number) => Buffer.from(`laurel:${offset}`).toString('base64url');

/** Facts of a pair, as Laurel lists them: earliest year first (unknown last), then by article. */
const BY_YEAR = 'ORDER BY r.year, r.article';

const PERSON = `
  MATCH (p:Person {norm: $norm})
  WITH p ORDER BY CASE WHEN p.key = p.norm THEN 1 ELSE toInteger(split(p.key, '#')[1]) END, p.key LIMIT 1
  CALL (p) {
    MATCH (p)-[r:HOLDS_TITLE]->(t:Title)
    WITH t, r ${BY_YEAR}
    WITH t, min(r.year) AS year, collect(r)[0..3] AS rs
    ORDER BY year, t.norm, t.key LIMIT 10
    RETURN collect({node: {name: t.name, level: t.level}, year: year,
      facts: [r IN rs | {evidence: CASE WHEN r.evidence IS NULL THEN null ELSE {sentence: r.evidence} END,
                         article: CASE WHEN r.article IS NULL THEN null ELSE {id: r.article} END}]}) AS titles
  }
  CALL (p) {
    MATCH (p)-[r:RECEIVED]->(a:Award)
    WITH a, min(r.year) AS year ORDER BY year, a.norm, a.key LIMIT 10
    RETURN collect({node: {name: a.name, level: a.level}, year: year}) AS awards
  }
  CALL (p) {
    MATCH (p)-[r:WORKS_FOR]->(b)
    WITH b, r ${BY_YEAR}
    WITH b, collect(r.position) AS positions ORDER BY b.norm, b.key LIMIT 10
    RETURN collect({node: {name: b.name, type: head(labels(b))}, positions: positions}) AS employers
  }
  CALL (p) {
    MATCH (p)<-[m:MENTIONS]-(a:Article)
    WITH a, m ORDER BY a.date, a.id LIMIT 5
    RETURN collect({node: {id: a.id, title: a.title, date: a.date}, evidence: {sentence: m.evidence}}) AS mentions
  }
  RETURN {id: 'Person:' + p.key, name: p.name, aliases: coalesce(p.aliases, []),
          titles: {edges: titles}, awards: {edges: awards}, employers: {edges: employers}, mentions: {edges: mentions}} AS person`;

/** Laurel's rule for an employer's positions: in the order of its first 100 facts, then any others by name. */
function positions(all: (string | null)[]): string[] {
  const listed = all.slice(0, 100).filter((p): p is string => p !== null);
  const rest = all.slice(100).filter((p): p is string => p !== null).sort();
  return [...new Set([...listed, ...rest])];
}

async function person(v: { name: string }) {
  const [row] = await read<{ person: any }>(PERSON, { norm: normaliseName(v.name) });
  if (row) for (const e of row.person.employers.edges) e.positions = positions(e.positions);
  return { person: row?.person ?? null };
}

const HONOUREES = `
  MATCH (h:Title {norm: $norm})
  CALL (h) {
    MATCH (h)<-[r:HOLDS_TITLE]-(p:Person)
    WITH p, min(r.year) AS year ORDER BY p.norm, p.key
    RETURN collect({p: p, year: year}) AS rows
  }
  UNWIND (CASE size(rows) WHEN 0 THEN [null] ELSE rows[0..20] END) AS x
  CALL (h, x) {
    WITH h, x.p AS p
    MATCH (p)-[r:HOLDS_TITLE]->(h)
    WITH r ${BY_YEAR} LIMIT 3
    RETURN collect({evidence: CASE WHEN r.evidence IS NULL THEN null ELSE {sentence: r.evidence} END,
                    article: CASE WHEN r.article IS NULL THEN null ELSE {id: r.article} END}) AS facts
  }
  RETURN size(rows) AS total,
         collect(CASE WHEN x IS NULL THEN null ELSE {node: {id: 'Person:' + x.p.key, name: x.p.name}, year: x.year, facts: facts} END) AS edges`;

async function honourees(v: { title: string }) {
  const [row] = await read<{ total: number; edges: unknown[] }>(HONOUREES, { norm: normaliseName(v.title) });
  const total = row?.total ?? 0;
  const edges = row?.edges ?? [];
  return {
    honourees: {
      totalCount: total,
      edges,
      pageInfo: { hasNextPage: edges.length < total, endCursor: edges.length ? cursor(edges.length - 1) : null },
    },
  };
}

const byId = (id: string) => {
  const i = id.indexOf(':');
  return { type: id.slice(0, i) as never, key: id.slice(i + 1) };
};

function edgeLabel(type: string, years: number[], positions: string[]): string {
  const detail = positions.length === 1 ? positions[0] : years.length === 1 ? String(years[0]) : '';
  return detail ? `${type} ${detail}` : type;
}

async function network(v: { id: string }) {
  // Only what the benchmark's request selects: no facts, their years and positions for the labels.
  const net = await explore.network(byId(v.id), 2, 50, { count: 0, evidence: false, evidences: false, ends: false });
  if (!net) return { network: null };
  return {
    network: {
      truncated: net.truncated,
      nodes: net.nodes.map((n) => ({ id: n.entity.id, label: n.entity.name, type: n.entity.type, depth: n.depth })),
      edges: net.edges.map((e) => ({
        id: `${e.type}:${e.source.id}->${e.target.id}`,
        source: e.source.id,
        target: e.target.id,
        type: e.type,
        label: edgeLabel(e.type, e.years, e.positions),
        factCount: e.factCount,
      })),
    },
  };
}

async function path(v: { from: string; to: string }) {
  if (v.from === v.to) return { path: { length: 0, nodes: [], hops: [] } };
  const p = await explore.path(byId(v.from), byId(v.to), 4, { count: 3, evidence: true, evidences: false, ends: false });
  if (!p) return { path: null };
  return {
    path: {
      length: p.hops.length,
      nodes: p.nodes.map((n) => ({ id: n.id, name: n.name, type: n.type })),
      hops: p.hops.map((h) => ({
        from: { id: h.from.id },
        to: { id: h.to.id },
        factCount: h.factCount,
        facts: h.factList.slice(0, 3).map((f) => ({
          type: f.type,
          evidence: f.evidence ? { sentence: f.evidence.sentence } : null,
          article: f.articleId ? { id: f.articleId } : null,
        })),
      })),
    },
  };
}

const ROUTES: Record<string, (v: any) => Promise<unknown>> = { person, honourees, network, path };

async function body(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const server = createServer(async (req, res) => {
  const route = ROUTES[(req.url ?? '').slice(1)];
  if (req.method !== 'POST' || !route) {
    res.writeHead(404).end();
    return;
  }
  try {
    const data = await route((await body(req)).variables ?? {});
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: (err as Error).message }] }));
  }
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  process.stdout.write(`listening http://127.0.0.1:${a.port}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
