/**
 * The real Neo4j of the test run (tests/setup/neo4j.global.ts), opened as the
 * graph layer opens it, and emptied at the start of each test file.
 */
import { inject } from 'vitest';
import { Graph, applySchema } from '../../src/graph/index.js';
import { VERSION_LABEL } from '../../src/graph/schema.js';

export function testTarget() {
  const neo4j = inject('neo4j');
  if (!neo4j?.uri) throw new Error('no Neo4j provided to the tests (tests/setup/neo4j.global.ts provides one as inject("neo4j"))');
  return neo4j;
}

export function openTestGraph(): Graph {
  return Graph.open(testTarget(), { maxConnectionPoolSize: 5 });
}

/** Deletes every node and relationship (the schema stays), then applies the schema. */
export async function resetGraph(graph: Graph): Promise<void> {
  await graph.autoCommit('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  await applySchema(graph);
}

/**
 * Everything the graph holds, in a canonical order, to compare two graphs:
 * every node with its labels and properties, every relationship with its
 * type, its ends (by key, or id for articles) and its properties.
 */
export async function graphDump(graph: Graph): Promise<{ nodes: string[]; relationships: string[] }> {
  const sorted = (o: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  const nodes = await graph.read<{ labels: string[]; props: Record<string, unknown> }>(
    `MATCH (n) WHERE NOT n:${VERSION_LABEL} RETURN labels(n) AS labels, properties(n) AS props`,
  );
  const rels = await graph.read<{ type: string; from: string; to: string; props: Record<string, unknown> }>(
    `MATCH (a)-[r]->(b) RETURN type(r) AS type, head(labels(a)) + ':' + coalesce(a.key, a.id) AS from, head(labels(b)) + ':' + coalesce(b.key, b.id) AS to, properties(r) AS props`,
  );
  return {
    nodes: nodes.map((n) => `${[...n.labels].sort().join(':')} ${sorted(n.props)}`).sort(),
    relationships: rels.map((r) => `${r.type} ${r.from} -> ${r.to} ${sorted(r.props)}`).sort(),
  };
}
