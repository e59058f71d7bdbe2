/**
 * One way of getting a Neo4j. Provisioning tries them in order; each says
 * up front whether it can be tried here, so the final error can name what
 * was missing for every way.
 */
import type { Config } from '../../config.js';
import type { Neo4jConnection, Neo4jSource } from './connection.js';

export interface ProvisionWay {
  source: Neo4jSource;
  /** How the way reads in messages, e.g. "Docker: a neo4j:5.26-community container (testcontainers)". */
  describe(config: Config): string;
  /** Why this way cannot be tried here, or undefined when it can. Quick: a few seconds at most. */
  unavailable(config: Config): Promise<string | undefined>;
  start(config: Config, log: (msg: string) => void): Promise<Neo4jConnection>;
}

/** Resolves to `fallback` if `promise` takes longer than `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback()), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
