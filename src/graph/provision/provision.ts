/**
 * Finds or starts a real Neo4j, in this order: the one named by NEO4J_URI;
 * a Docker container; a local server from Maven Central. `laurel up` and
 * the test run both come through here.
 */
import type { Config } from '../../config.js';
import type { Neo4jConnection } from './connection.js';
import { dockerWay } from './docker.js';
import { envWay } from './env.js';
import { localWay } from './local/index.js';
import type { ProvisionWay } from './way.js';

export class NoNeo4jError extends Error {
  override name = 'NoNeo4jError';
  constructor(readonly attempts: Array<{ way: string; reason: string }>) {
    super(
      [
        'no Neo4j could be found or started. Laurel tries three ways, in order:',
        ...attempts.map((a, i) => `  ${i + 1}. ${a.way}\n     ${a.reason.replace(/\n/g, '\n     ')}`),
        'Make one of them work: set NEO4J_URI (with NEO4J_USERNAME and NEO4J_PASSWORD), start a Docker engine, ' +
          'or install a JDK 17+ and Maven.',
      ].join('\n'),
    );
  }
}

export function defaultWays(): ProvisionWay[] {
  return [envWay(), dockerWay(), localWay()];
}

/**
 * The first way that can be tried is tried. A server named by NEO4J_URI is
 * used or reported, never silently replaced by another; a failing Docker
 * start falls through to the local server.
 */
export async function provisionNeo4j(
  config: Config,
  log: (msg: string) => void,
  ways: ProvisionWay[] = defaultWays(),
): Promise<Neo4jConnection> {
  const attempts: Array<{ way: string; reason: string }> = [];
  for (const way of ways) {
    const reason = await way.unavailable(config);
    if (reason) {
      if (way.source !== 'env') log(`${way.source}: not available: ${reason}`);
      attempts.push({ way: way.describe(config), reason: `not available: ${reason}` });
      continue;
    }
    if (way.source === 'env') return way.start(config, log);
    try {
      return await way.start(config, log);
    } catch (err) {
      const message = (err as Error).message;
      log(`${way.source}: failed: ${message.split('\n')[0]}`);
      attempts.push({ way: way.describe(config), reason: `failed: ${message}` });
    }
  }
  throw new NoNeo4jError(attempts);
}
