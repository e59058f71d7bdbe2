/**
 * A Neo4j of a fault test's own, which it may freeze and kill: the suite's
 * shared Neo4j (tests/setup/neo4j.global.ts) serves other test files at the
 * same time. Always started the local way (a JVM on this machine), whatever
 * NEO4J_URI says, since a test can only signal a process it can see.
 */
import { loadConfig } from '../../src/config.js';
import type { Neo4jConnection } from '../../src/graph/provision/index.js';
import { localWay } from '../../src/graph/provision/local/index.js';

export async function startDedicatedNeo4j(log: (msg: string) => void = (m) => process.stderr.write(`[fault neo4j] ${m}\n`)): Promise<Neo4jConnection & { pid: number }> {
  const config = loadConfig({ ...process.env, NEO4J_URI: '', LAUREL_NEO4J_HEAP: process.env.LAUREL_NEO4J_HEAP ?? '512m' });
  const way = localWay();
  const missing = await way.unavailable(config);
  if (missing) {
    throw new Error(`the fault tests freeze and kill a Neo4j of their own, started the local way (Java and Maven or the cache), which is missing here:\n${missing}`);
  }
  const neo4j = await way.start(config, log);
  if (!neo4j.pid) {
    await neo4j.stop();
    throw new Error('the local Neo4j started without a known pid: the fault tests cannot signal it');
  }
  return { ...neo4j, pid: neo4j.pid };
}
