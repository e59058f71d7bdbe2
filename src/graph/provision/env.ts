/** Way 1: the Neo4j the user names with NEO4J_URI and its credentials. */
import type { Config } from '../../config.js';
import { waitForBolt, type Neo4jConnection } from './connection.js';
import type { ProvisionWay } from './way.js';

export class Neo4jConfigError extends Error {
  override name = 'Neo4jConfigError';
}

export function envWay(opts: { timeoutMs?: number } = {}): ProvisionWay {
  return {
    source: 'env',
    describe: () => 'NEO4J_URI: a Neo4j you run yourself (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)',
    unavailable: async (config) => (config.neo4j.uri ? undefined : 'NEO4J_URI is not set'),
    async start(config: Config, log): Promise<Neo4jConnection> {
      const { uri, username, password, database } = config.neo4j;
      if (!uri || password === undefined) throw new Neo4jConfigError('NEO4J_URI and NEO4J_PASSWORD must both be set');
      const target = { uri, username, password, database };
      log(`using the Neo4j at ${uri} (NEO4J_URI), database "${database}"`);
      try {
        // A short wait covers a server that is still starting (docker compose, CI services).
        await waitForBolt(target, { timeoutMs: opts.timeoutMs ?? 10_000 });
      } catch (err) {
        throw new Neo4jConfigError(
          `${(err as Error).message}. Check NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD, or unset NEO4J_URI to let Laurel start a Neo4j itself.`,
        );
      }
      return { ...target, source: 'env', stop: async () => {} };
    },
  };
}
