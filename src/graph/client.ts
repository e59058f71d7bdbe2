/**
 * A small handle on one Neo4j database: the driver, the database name and the
 * transaction timeout, passed explicitly to whoever needs the graph. Results
 * come back as plain objects with JavaScript numbers; whole numbers in
 * parameters travel as Neo4j integers (JavaScript has one number type, which
 * the driver would otherwise send, and Neo4j store, as a float).
 *
 * A handle made for one API request (`forRequest`) answers by the request's
 * deadline whatever Neo4j does: Neo4j is told to give up in time, and if it
 * says nothing at all (frozen, or a network that drops packets) the call
 * fails anyway, a moment after the deadline. Its queries also wait their
 * turn at the request's gate (the client's share of Neo4j).
 */
import neo4j, { Neo4jError, type Driver, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';

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
   * transient reason (the driver's default is 30 s). Request handles do
   * not use the driver's retries: they retry once, at once, and only a
   * connection that broke.
   */
  maxRetryTimeMs?: number;
  /** How long opening a TCP connection to Neo4j may take (the driver's default is 30 s). */
  connectionTimeoutMs?: number;
  /** How long a query waits for a free connection of the pool (the driver's default is 60 s). */
  connectionAcquisitionTimeoutMs?: number;
}

/** Runs a request's Neo4j work in its turn, or fails once `deadline` (epoch ms) has passed. */
export interface Gate {
  run<T>(work: () => Promise<T>, deadline: number): Promise<T>;
}

export interface RequestBudget {
  /** When the request must have its answer (epoch ms). */
  deadline: number;
  /** Where its queries wait their turn; none means at once. */
  gate?: Gate;
}

/**
 * Neo4j said nothing by a request's deadline (it did not even report its own
 * transaction timeout): it is stalled or unreachable.
 */
export class Neo4jNoAnswerError extends Error {
  override name = 'Neo4jNoAnswerError';
  constructor(readonly waitedMs: number) {
    super(`Neo4j did not answer within ${waitedMs} ms`);
  }
}

/** A request's deadline passed before its query could start (it waited its turn too long). */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/**
 * How long before a request's deadline Neo4j is told to give up: it checks
 * transaction timeouts every 2 s (db.transaction.monitor.check.interval),
 * so its own QUERY_TIMEOUT error then still arrives in time.
 */
const SERVER_TIMEOUT_LEAD_MS = 2_000;
/** How long after the deadline a silent Neo4j is given up on. */
export const NO_ANSWER_GRACE_MS = 250;

/** Driver errors that mean a connection broke or could not be made. */
const CONNECTION_LOST = new Set(['ServiceUnavailable', 'SessionExpired']);
export type Params = Record<string, unknown>;

export class Graph {
  private constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number | undefined,
    /** Shared by the handles of one driver. */
    private readonly counter: { queries: number },
    private readonly budget?: RequestBudget,
  ) {}

  static open(target: GraphTarget, options: GraphOptions = {}): Graph {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      ...(options.maxRetryTimeMs !== undefined ? { maxTransactionRetryTime: options.maxRetryTimeMs } : {}),
      ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
      ...(options.connectionAcquisitionTimeoutMs !== undefined ? { connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs } : {}),
      logging: { level: 'error', logger: () => {} },
    });
    return new Graph(driver, target.database, options.queryTimeoutMs, { queries: 0 });
  }

  /** Transactions run so far (by every handle of this driver); lets tests and benchmarks see how many round trips a request costs. */
  get queries(): number {
    return this.counter.queries;
  }

  /** A handle for one request: the same driver, bounded by the request's deadline, queries passing its gate. */
  forRequest(budget: RequestBudget): Graph {
    return new Graph(this.driver, this.database, this.timeoutMs, this.counter, budget);
  }

  /** Throws when the database does not answer. */
  async verify(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.counter.queries++;
    if (this.budget) return this.withinBudget(this.budget, (timeout) => this.readOnce<T>(cypher, params, timeout));
    const session = this.session('READ');
    try {
      return await session.executeRead(async (tx) => toObjects<T>(await tx.run(cypher, boltParams(params))), this.txConfig());
    } finally {
      await session.close();
    }
  }

  /** One write transaction; `work` may run several statements and is retried on transient errors. */
  async write<T>(work: (tx: GraphTransaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    this.counter.queries++;
    const run = async (timeoutMs: number | undefined) => {
      const session = this.session('WRITE');
      try {
        return await session.executeWrite((tx) => work({ run: (cypher, params = {}) => tx.run(cypher, boltParams(params)) }), timeoutMs ? { timeout: timeoutMs } : undefined);
      } finally {
        await session.close();
      }
    };
    if (this.budget) return this.withinBudget(this.budget, (timeout) => run(Math.min(timeout, options.timeoutMs ?? Infinity)));
    return run(options.timeoutMs);
  }

  /** Runs one statement outside an explicit transaction (schema commands need this). */
  async autoCommit(cypher: string, params: Params = {}): Promise<void> {
    this.counter.queries++;
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

  /**
   * Runs `work` in the request's turn, telling Neo4j to give up before the
   * deadline (`work` gets that timeout) and failing a moment after it if
   * Neo4j has not answered at all.
   */
  private async withinBudget<T>(budget: RequestBudget, work: (serverTimeoutMs: number) => Promise<T>): Promise<T> {
    const attempt = async () => {
      const left = budget.deadline - Date.now();
      if (left <= 0) throw new DeadlineError('the request ran out of time before this query could start');
      const serverTimeout = Math.max(1, Math.min(this.timeoutMs ?? Infinity, left > 2 * SERVER_TIMEOUT_LEAD_MS ? left - SERVER_TIMEOUT_LEAD_MS : left / 2));
      let timer: NodeJS.Timeout | undefined;
      const silent = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Neo4jNoAnswerError(Math.round(left + NO_ANSWER_GRACE_MS))), left + NO_ANSWER_GRACE_MS);
      });
      const answer = work(Math.round(serverTimeout));
      answer.catch(() => {}); // once given up on, its late failure is not news
      try {
        return await Promise.race([answer, silent]);
      } finally {
        clearTimeout(timer);
      }
    };
    return budget.gate ? budget.gate.run(attempt, budget.deadline) : attempt();
  }

  /**
   * One read transaction without the driver's retry loop (its back-off would
   * keep a client waiting while Neo4j is down): a connection that broke is
   * retried once, at once, as a pooled connection to a restarted Neo4j does.
   */
  private async readOnce<T extends RecordShape>(cypher: string, params: Params, timeoutMs: number): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.session('READ');
      try {
        return await runRead<T>(session, cypher, params, timeoutMs);
      } catch (err) {
        if (attempt >= 2 || !(err instanceof Neo4jError && CONNECTION_LOST.has(err.code))) throw err;
      } finally {
        void session.close().catch(() => {});
      }
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  private txConfig() {
    return this.timeoutMs ? { timeout: this.timeoutMs } : undefined;
  }
}

async function runRead<T extends RecordShape>(session: Session, cypher: string, params: Params, timeoutMs: number): Promise<T[]> {
  const tx = session.beginTransaction({ timeout: timeoutMs });
  try {
    const rows = toObjects<T>(await tx.run(cypher, boltParams(params)));
    await tx.commit();
    return rows;
  } catch (err) {
    if (tx.isOpen()) void tx.rollback().catch(() => {});
    throw err;
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
