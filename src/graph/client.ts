/**
 * A small handle on one Neo4j database: the driver, the database name and the
 * transaction timeout, passed explicitly to whoever needs the graph. Results
 * come back as plain objects with JavaScript numbers; whole numbers in
 * parameters travel as Neo4j integers (JavaScript has one number type, which
 * the driver would otherwise send, and Neo4j store, as a float).
 */
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';

export interface GraphTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export interface GraphOptions {
  /**
   * Server-side limit for one read transaction (the API's queries). Writes
   * are loads of whole batches, which a cold server can take longer over;
   * they have no limit unless `write` is given one.
   */
  queryTimeoutMs?: number;
  maxConnectionPoolSize?: number;
  /**
   * How long the driver keeps retrying a transaction that failed for a
   * transient reason, such as no server to connect to (the driver's default
   * is 30 s). The API sets it to its query timeout, so a client learns that
   * Neo4j is down in about the time it would wait for an answer.
   */
  maxRetryTimeMs?: number;
}

export type Params = Record<string, unknown>;

export class Graph {
  /** Transactions run so far; lets tests and benchmarks see how many round trips a request costs. */
  queries = 0;

  private constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number | undefined,
  ) {}

  static open(target: GraphTarget, options: GraphOptions = {}): Graph {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      ...(options.maxRetryTimeMs !== undefined ? { maxTransactionRetryTime: options.maxRetryTimeMs } : {}),
      logging: { level: 'error', logger: () => {} },
    });
    return new Graph(driver, target.database, options.queryTimeoutMs);
  }

  /** Throws when the database does not answer. */
  async verify(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.queries++;
    const session = this.session('READ');
    try {
      return await session.executeRead(async (tx) => toObjects<T>(await tx.run(cypher, boltParams(params))), this.txConfig());
    } finally {
      await session.close();
    }
  }

  /** One write transaction; `work` may run several statements and is retried on transient errors. */
  async write<T>(work: (tx: GraphTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    this.queries++;
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx) => work({ run: (cypher, params = {}) => tx.run(cypher, boltParams(params)) }), options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
    } finally {
      await session.close();
    }
  }

  /** Runs one statement outside an explicit transaction (schema commands need this). */
  async autoCommit(cypher: string, params: Params = {}): Promise<void> {
    this.queries++;
    const session = this.session('WRITE');
    try {
      await session.run(cypher, boltParams(params));
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  private txConfig() {
    return this.timeoutMs ? { timeout: this.timeoutMs } : undefined;
  }
}

/** A write transaction's statements; parameters as Graph.read takes them. */
export interface GraphTransaction {
  run(cypher: string, params?: Params): Promise<QueryResult>;
}

/** Parameters with every whole number (at any depth) as a Neo4j integer, so `year: 2025` is stored as the integer it is. */
export function boltParams(params: Params): Params {
  return boltValue(params) as Params;
}

function boltValue(v: unknown): unknown {
  if (typeof v === 'number') return Number.isSafeInteger(v) ? neo4j.int(v) : v;
  if (Array.isArray(v)) return v.map(boltValue);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const k in v) out[k] = boltValue((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function toObjects<T extends RecordShape>(result: QueryResult): T[] {
  return result.records.map((r) => r.toObject() as T);
}
