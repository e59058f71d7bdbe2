/**
 * What provisioning hands back, and the Bolt checks every way shares: a
 * server counts as ready only once it answers a Cypher query.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export type Neo4jSource = 'env' | 'docker' | 'local';

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** Neo4j Browser address when known (HTTP port). */
  browserUrl?: string;
  source: Neo4jSource;
  /** The server's process, when Laurel started it on this machine. */
  pid?: number;
  /**
   * Resolves, with what happened, if a server Laurel started stops by
   * itself (killed, crashed); never after stop(). Absent where Laurel does
   * not watch the server (NEO4J_URI: not Laurel's to watch).
   */
  exited?: Promise<string>;
  /** Stops a server Laurel started; a no-op for 'env'. */
  stop(): Promise<void>;
}

export interface BoltTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
}

function openDriver(target: BoltTarget): Driver {
  return neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 1,
    // We poll ourselves; the driver's own retries (30 s of back-off) would hide a ready server.
    maxTransactionRetryTime: 0,
    // The driver logs nothing by default; keep it that way during polling.
    logging: { level: 'error', logger: () => {} },
  });
}

/** Runs `RETURN 1` on the target database; throws the driver's error as is. */
export async function queryOnce(target: BoltTarget): Promise<void> {
  const driver = openDriver(target);
  try {
    await driver.executeQuery('RETURN 1 AS ok', {}, { database: target.database });
  } finally {
    await driver.close();
  }
}

/** A sentence a user can act on, for the driver errors people actually meet. */
export function explainBoltError(err: unknown, target: BoltTarget): string {
  const e = err as { code?: string; message?: string };
  const code = e.code ?? '';
  const message = e.message ?? String(err);
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return `Neo4j at ${target.uri} refused user "${target.username}": wrong username or password (${message})`;
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return `Neo4j at ${target.uri} is rate-limiting logins after failed attempts; wait and check the password (${message})`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${target.uri} has no database "${target.database}" (${message})`;
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return `Neo4j at ${target.uri} is unreachable (${message})`;
  }
  return `Neo4j at ${target.uri} did not answer a query: ${code ? `${code}: ` : ''}${message}`;
}

/** Errors that will not go away by waiting. */
function isPermanent(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code.startsWith('Neo.ClientError.Security.') || code === 'Neo.ClientError.Database.DatabaseNotFound';
}

export class Neo4jUnreachableError extends Error {
  override name = 'Neo4jUnreachableError';
}

/**
 * Polls until the server answers a query. `alive` lets the caller end the
 * wait early when the process it started has died; its message explains why.
 */
export async function waitForBolt(
  target: BoltTarget,
  opts: { timeoutMs: number; intervalMs?: number; alive?: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let last: unknown;
  for (;;) {
    const dead = opts.alive?.();
    if (dead) throw new Neo4jUnreachableError(dead);
    try {
      await queryOnce(target);
      return;
    } catch (err) {
      last = err;
      if (isPermanent(err)) throw new Neo4jUnreachableError(explainBoltError(err, target));
    }
    if (Date.now() >= deadline) {
      throw new Neo4jUnreachableError(
        `${explainBoltError(last, target)}; gave up after ${Math.round(opts.timeoutMs / 1000)} s`,
      );
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 500));
  }
}
