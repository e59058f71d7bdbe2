/**
 * The real Neo4j of the test run (tests/setup/neo4j.global.ts), opened as the
 * graph layer opens it, and emptied at the start of each test file.
 */
import { inject } from 'vitest';
import { Graph, applySchema } from '../../src/graph/index.js';

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
