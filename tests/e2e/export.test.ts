/**
 * Exports of the seed graph, from `laurel export` and from the server's
 * /export downloads, read back by the tools researchers use: NetworkX
 * (GraphML and node-link JSON) and pandas (CSV), in a real Python.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph, graphCounts, type GraphCounts } from '../../src/graph/index.js';
import { envWith, requireBuild, run } from '../helpers/cli.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';
import { python, runPython } from '../helpers/python.js';
import { gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;
let env: NodeJS.ProcessEnv;
let dir: string;
let counts: GraphCounts;

beforeAll(async () => {
  requireBuild();
  python(); // fails here, naming what is missing, when no Python can read the exports
  graph = openTestGraph();
  await resetGraph(graph);
  expect((await loadPaths(graph, [SEEDS_DIR])).failed).toEqual([]);
  counts = await graphCounts(graph);
  server = await startServer(graph);
  const t = testTarget();
  env = envWith({ NEO4J_URI: t.uri, NEO4J_USERNAME: t.username, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database });
  dir = await mkdtemp(join(tmpdir(), 'laurel-export-'));
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** What NetworkX makes of a GraphML or node-link JSON file: counts per label and type, and each node's name. */
const READ_BACK = `
import json, sys, collections
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path) if kind == 'graphml' else nx.node_link_graph(json.load(open(path, encoding='utf-8')), edges='edges')
print(json.dumps({
  'nodes': G.number_of_nodes(), 'edges': G.number_of_edges(),
  'labels': collections.Counter(d['label'] for _, d in G.nodes(data=True)),
  'types': collections.Counter(d['type'] for *_, d in G.edges(data=True)),
  'names': {n: d['name'] for n, d in G.nodes(data=True)},
  'edgeList': sorted(f"{u} {d['type']} {v}" for u, v, d in G.edges(data=True)),
  'years': sorted({d['year'] for *_, d in G.edges(data=True) if 'year' in d}),
  'yearTypes': sorted({type(d['year']).__name__ for *_, d in G.edges(data=True) if 'year' in d}),
}, ensure_ascii=False))
`;

const PANDAS = `
import json, sys
import pandas as pd
nodes = pd.read_csv(sys.argv[1] + '/nodes.csv')
rels = pd.read_csv(sys.argv[1] + '/relationships.csv')
print(json.dumps({
  'nodeColumns': list(nodes.columns), 'relColumns': list(rels.columns),
  'nodes': len(nodes), 'rels': len(rels),
  'names': dict(zip(nodes['id'], nodes['name'])),
  'labels': nodes['label'].value_counts().to_dict(), 'types': rels['type'].value_counts().to_dict(),
  'evidence': rels['evidence'].dropna().tolist(),
}, ensure_ascii=False))
`;

/** Every entity's name as the API gives it, by id. */
async function apiNames(): Promise<Record<string, string>> {
  const rows = await graph.read<{ id: string; name: string }>(`MATCH (n) WHERE n.key IS NOT NULL RETURN head(labels(n)) + ':' + n.key AS id, n.name AS name`);
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, n]) => n > 0));

describe('laurel export', () => {
  it('writes GraphML that NetworkX reads back with the counts of stats, names in Chinese and years as integers', async () => {
    const res = await run(['export', '--format', 'graphml'], env);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/laurel export: \d+ nodes and \d+ edges of the whole graph/);
    const file = join(dir, 'seeds.graphml');
    await writeFile(file, res.stdout);
    const g = await runPython(READ_BACK, [file, 'graphml']);
    const { stats } = (await gql(server.graphql, `{ stats { nodes relationshipTotal } }`)).data;
    expect(g.nodes).toBe(stats.nodes);
    expect(g.edges).toBe(stats.relationshipTotal);
    expect(g.labels).toEqual(nonZero(counts.labels));
    expect(g.types).toEqual(nonZero(counts.relationships));
    const names = await apiNames();
    for (const [id, name] of Object.entries(names)) expect(g.names[id], id).toBe(name);
    expect(g.yearTypes).toEqual(['int']);
  });

  it('writes CSV that pandas reads with Chinese intact, and that starts with the BOM Excel needs', async () => {
    const out = join(dir, 'csv');
    const res = await run(['export', '--format', 'csv', '--out', out], env);
    expect(res.code, res.stderr).toBe(0);
    for (const f of ['nodes.csv', 'relationships.csv']) {
      const bytes = await readFile(join(out, f));
      expect([...bytes.subarray(0, 3)], `${f} starts with the UTF-8 BOM`).toEqual([0xef, 0xbb, 0xbf]);
    }
    const t = await runPython(PANDAS, [out]);
    expect(t.nodeColumns.slice(0, 4)).toEqual(['id', 'label', 'key', 'name']);
    expect(t.relColumns.slice(0, 3)).toEqual(['source', 'target', 'type']);
    expect(t.nodes).toBe(Object.values(counts.labels).reduce((a, b) => a + b, 0));
    expect(t.rels).toBe(Object.values(counts.relationships).reduce((a, b) => a + b, 0));
    expect(t.types).toEqual(nonZero(counts.relationships));
    const names = await apiNames();
    for (const [id, name] of Object.entries(names)) expect(t.names[id], id).toBe(name);
    // Every evidence sentence pandas reads is one the graph holds.
    const sentences = new Set((await graph.read<{ e: string }>(`MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN DISTINCT r.evidence AS e`)).map((r) => r.e));
    expect(t.evidence.length).toBeGreaterThan(0);
    for (const e of t.evidence) expect(sentences.has(e), e).toBe(true);
  });

  it('writes node-link JSON that NetworkX node_link_graph reads with the same counts', async () => {
    const res = await run(['export', '--format', 'json'], env);
    expect(res.code, res.stderr).toBe(0);
    const file = join(dir, 'seeds.json');
    await writeFile(file, res.stdout);
    const g = await runPython(READ_BACK, [file, 'json']);
    expect(g.labels).toEqual(nonZero(counts.labels));
    expect(g.types).toEqual(nonZero(counts.relationships));
  });

  it('exports a neighbourhood: only the entities within depth of the centre, and every fact among them', async () => {
    // The union with the most facts in the seeds, from the graph itself.
    const [{ id } = { id: '' }] = await graph.read<{ id: string }>(
      `MATCH (u:Union)-[r]-(:Person|Title|Award) WITH u, count(r) AS facts RETURN 'Union:' + u.key AS id ORDER BY facts DESC, id LIMIT 1`,
    );
    const res = await run(['export', '--format', 'graphml', '--center', id!, '--depth', '2'], env);
    expect(res.code, res.stderr).toBe(0);
    const file = join(dir, 'center.graphml');
    await writeFile(file, res.stdout);
    const g = await runPython(READ_BACK, [file, 'graphml']);
    const within = await graph.read<{ id: string }>(
      `MATCH (c:Union {key: $key}) MATCH (c)-[:HOLDS_TITLE|RECEIVED|WORKS_FOR|HONOURED_BY|CONFERRED_BY*0..2]-(n)
       RETURN DISTINCT head(labels(n)) + ':' + n.key AS id`,
      { key: id!.slice('Union:'.length) },
    );
    expect(Object.keys(g.names).sort()).toEqual(within.map((r) => r.id).sort());
    expect(g.labels.Article).toBeUndefined();
    expect(g.nodes).toBeLessThan(Object.values(counts.labels).reduce((a, b) => a + b, 0));
    const facts = await graph.read<{ e: string }>(
      `MATCH (s)-[r:HOLDS_TITLE|RECEIVED|WORKS_FOR|HONOURED_BY|CONFERRED_BY]->(t)
       WITH head(labels(s)) + ':' + s.key AS s, type(r) AS type, head(labels(t)) + ':' + t.key AS t
       WHERE s IN $ids AND t IN $ids RETURN s + ' ' + type + ' ' + t AS e`,
      { ids: within.map((r) => r.id) },
    );
    expect(g.edgeList).toEqual(facts.map((f) => f.e).sort());
  });

  it('exports the holders of an honour with their employers and the bodies that honoured them', async () => {
    const res = await run(['export', '--format', 'json', '--honour', '全国劳动模范'], env);
    expect(res.code, res.stderr).toBe(0);
    const file = join(dir, 'honour.json');
    await writeFile(file, res.stdout);
    const g = await runPython(READ_BACK, [file, 'json']);
    const { honourees } = (await gql(server.graphql, `{ honourees(title: "全国劳动模范", first: 100) { edges { node { id } } } }`)).data;
    const holders = honourees.edges.map((e: any) => e.node.id);
    expect(holders.length).toBeGreaterThan(0);
    const people = Object.keys(g.names).filter((n) => n.startsWith('Person:'));
    expect(people.sort()).toEqual([...new Set<string>(holders)].sort());
    for (const e of g.edgeList as string[]) {
      const [, type] = e.split(' ');
      expect(['HOLDS_TITLE', 'WORKS_FOR', 'HONOURED_BY', 'CONFERRED_BY'], e).toContain(type);
    }
    expect(g.types.HOLDS_TITLE).toBeGreaterThanOrEqual(holders.length);
  });

  it('names what it cannot find, and says CSV needs a folder', async () => {
    const missing = await run(['export', '--center', '没有这个机构'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no entity named "没有这个机构"');
    const csv = await run(['export', '--format', 'csv'], env);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('--out DIR');
  });
});

describe('the /export downloads', () => {
  it('streams the same GraphML as the CLI, as an attachment', async () => {
    const res = await fetch(`${server.base}/export/graph.graphml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphml\+xml/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="laurel-graph-graph\.graphml"/);
    const file = join(dir, 'server.graphml');
    await writeFile(file, Buffer.from(await res.arrayBuffer()));
    const g = await runPython(READ_BACK, [file, 'graphml']);
    expect(g.labels).toEqual(nonZero(counts.labels));
    expect(g.types).toEqual(nonZero(counts.relationships));
  });

  it('gives a neighbourhood by name as CSV, within the limits, and refuses what they do not allow', async () => {
    const [{ name } = { name: '' }] = await graph.read<{ name: string }>(`MATCH (u:Union)-[r]-() WITH u, count(r) AS links RETURN u.name AS name ORDER BY links DESC, name LIMIT 1`);
    const res = await fetch(`${server.base}/export/nodes.csv?center=${encodeURIComponent(name!)}&depth=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-laurel-truncated')).toBe('false');
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(await res.arrayBuffer());
    expect(text.split('\n')[0]).toMatch(/^id,label,key,name,/);
    expect(text).toContain(name!);

    const deep = await fetch(`${server.base}/export/graph.json?center=${encodeURIComponent(name!)}&depth=9`);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
    const unknown = await fetch(`${server.base}/export/graph.json?honour=${encodeURIComponent('没有这个称号')}`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetch(`${server.base}/export/graph.xlsx`)).status).toBe(404);
  });
});
