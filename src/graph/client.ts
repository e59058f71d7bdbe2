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
 * turn at the request's gate (the client's share of Neo4j). The reads it is
 * asked for in one turn of the event loop (one level of a GraphQL response:
 * every DataLoader of that level) go to Neo4j together, as one read
 * transaction, so a request costs one round trip per level however many
 * fields it asks for. Its transactions carry the request's bookmarks: it
 * sees what the client wrote before, on any member of a cluster.
 *
 * Reads run in READ sessions and writes in WRITE sessions, so with a
 * `neo4j://` URI a cluster routes reads to its secondaries and writes to the
 * leader.
 */
import neo4j, { Neo4jError, type BookmarkManager, type Driver, type QueryResult, type RecordShape, type Session } from 'neo4j-driver';

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
  /**
   * The request's bookmarks: its transactions wait until the database has
   * what they name (the client's earlier writes, on whichever cluster member
   * answers), and its writes add theirs.
   */
  bookmarks?: BookmarkManager;
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

/** Statements and transactions run so far, counted over every handle of one driver. */
interface Counter {
  queries: number;
  transactions: number;
}

export class Graph {
  /** A request's reads waiting for the end of this turn of the event loop. */
  private readonly batch?: ReadBatch;

  private constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly timeoutMs: number | undefined,
    /** Shared by the handles of one driver. */
    private readonly counter: Counter,
    /** The budget of each transaction: one request's for all, or a fresh one each time (perQuery). */
    private readonly budget?: () => RequestBudget,
  ) {
    if (budget) this.batch = new ReadBatch((statements) => this.withinBudget(budget(), (timeout) => this.readTogether(statements, timeout)));
  }

  static open(target: GraphTarget, options: GraphOptions = {}): Graph {
    const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: options.maxConnectionPoolSize ?? 50,
      ...(options.maxRetryTimeMs !== undefined ? { maxTransactionRetryTime: options.maxRetryTimeMs } : {}),
      ...(options.connectionTimeoutMs !== undefined ? { connectionTimeout: options.connectionTimeoutMs } : {}),
      ...(options.connectionAcquisitionTimeoutMs !== undefined ? { connectionAcquisitionTimeout: options.connectionAcquisitionTimeoutMs } : {}),
      logging: { level: 'error', logger: () => {} },
      // No usage data to Neo4j (a TELEMETRY message before transactions).
      telemetryDisabled: true,
    });
    return new Graph(driver, target.database, options.queryTimeoutMs, { queries: 0, transactions: 0 });
  }

  /** Statements run so far (by every handle of this driver); lets tests and benchmarks see what a request costs. */
  get queries(): number {
    return this.counter.queries;
  }

  /** Transactions (round trips to Neo4j) so far, by every handle of this driver: a request's reads of one level share one. */
  get transactions(): number {
    return this.counter.transactions;
  }

  /** A handle for one request: the same driver, bounded by the request's deadline, queries passing its gate. */
  forRequest(budget: RequestBudget): Graph {
    return new Graph(this.driver, this.database, this.timeoutMs, this.counter, () => budget);
  }

  /**
   * A handle for a long task made of many short queries (an export streamed
   * page by page): each read has `timeoutMs` from when it is asked for, and
   * waits its turn at `gate`, so a Neo4j that stops answering fails the task
   * at its next page instead of holding it for ever.
   */
  perQuery(timeoutMs: number, gate?: Gate): Graph {
    return new Graph(this.driver, this.database, this.timeoutMs, this.counter, () => ({ deadline: Date.now() + timeoutMs, ...(gate ? { gate } : {}) }));
  }

  /** Throws when the database does not answer. */
  async verify(): Promise<void> {
    await this.read('RETURN 1 AS ok');
  }

  async read<T extends RecordShape = RecordShape>(cypher: string, params: Params = {}): Promise<T[]> {
    this.counter.queries++;
    if (this.batch) return this.batch.add<T>({ cypher: compact(cypher), params });
    this.counter.transactions++;
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
    this.counter.transactions++;
    const run = async (timeoutMs: number | undefined) => {
      const session = this.session('WRITE');
      try {
        return await session.executeWrite((tx) => work({ run: (cypher, params = {}) => tx.run(cypher, boltParams(params)) }), timeoutMs ? { timeout: timeoutMs } : undefined);
      } finally {
        await session.close();
      }
    };
    if (this.budget) return this.withinBudget(this.budget(), (timeout) => run(Math.min(timeout, options.timeoutMs ?? Infinity)));
    return run(options.timeoutMs);
  }

  /** Runs one statement outside an explicit transaction (schema commands need this). */
  async autoCommit(cypher: string, params: Params = {}): Promise<void> {
    this.counter.queries++;
    this.counter.transactions++;
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
   * A request's reads of one turn, in one read transaction, without the
   * driver's retry loop (its back-off would keep a client waiting while
   * Neo4j is down): a connection that broke is retried once, at once, as a
   * pooled connection to a restarted Neo4j does. One statement runs as an
   * auto-commit transaction (one message to Neo4j and its answer); several
   * share an explicit one, their statements sent together.
   */
  private async readTogether(statements: Statement[], timeoutMs: number): Promise<RecordShape[][]> {
    for (let attempt = 1; ; attempt++) {
      this.counter.transactions++;
      const session = this.session('READ');
      try {
        return await runTogether(session, statements, timeoutMs);
      } catch (err) {
        if (attempt >= 2 || !(err instanceof Neo4jError && CONNECTION_LOST.has(err.code))) throw err;
      } finally {
        void session.close().catch(() => {});
      }
    }
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.budget?.().bookmarks ? { bookmarkManager: this.budget().bookmarks } : {}),
    });
  }

  private txConfig() {
    return this.timeoutMs ? { timeout: this.timeoutMs } : undefined;
  }
}

interface Statement {
  cypher: string;
  params: Params;
}

const compacted = new Map<string, string>();

/**
 * A statement without its layout: runs of whitespace outside quotes become
 * one space. The driver sends a statement in 1,400-byte packets, each a
 * write to the socket, and the repositories' statements are mostly
 * indentation. Remembered per statement text (there are few).
 */
export function compact(cypher: string): string {
  let out = compacted.get(cypher);
  if (out !== undefined) return out;
  out = '';
  let space = false;
  for (let i = 0; i < cypher.length; i++) {
    const ch = cypher[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      // A quoted string or name, escapes included, as it is.
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== ch) j += cypher[j] === '\\' ? 2 : 1;
      if (space && out) out += ' ';
      space = false;
      out += cypher.slice(i, j + 1);
      i = j;
    } else if (ch === '/' && cypher[i + 1] === '/') {
      // A comment would swallow the rest of a statement on one line.
      while (i < cypher.length && cypher[i] !== '\n') i++;
      space = true;
    } else if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r') {
      space = true;
    } else {
      if (space && out) out += ' ';
      space = false;
      out += ch;
    }
  }
  // Statements with values spliced in would each be new: keep the map bounded.
  if (compacted.size >= 1000) compacted.clear();
  compacted.set(cypher, out);
  return out;
}

async function runTogether(session: Session, statements: Statement[], timeoutMs: number): Promise<RecordShape[][]> {
  if (statements.length === 1) {
    const [s] = statements as [Statement];
    return [toObjects(await session.run(s.cypher, boltParams(s.params), { timeout: timeoutMs }))];
  }
  const tx = session.beginTransaction({ timeout: timeoutMs });
  try {
    // Sent one after another without waiting: Neo4j answers them in order.
    const results = await Promise.all(statements.map((s) => tx.run(s.cypher, boltParams(s.params))));
    await tx.commit();
    return results.map((r) => toObjects(r));
  } catch (err) {
    if (tx.isOpen()) void tx.rollback().catch(() => {});
    throw err;
  }
}

/**
 * Collects the reads asked for in one turn of the event loop and runs them
 * together once it ends (setImmediate: after every promise and DataLoader
 * of the turn has asked). Each read gets its own rows, or the error.
 */
class ReadBatch {
  private waiting: (Statement & { resolve(rows: RecordShape[]): void; reject(err: unknown): void })[] = [];

  constructor(private readonly run: (statements: Statement[]) => Promise<RecordShape[][]>) {}

  add<T extends RecordShape>(statement: Statement): Promise<T[]> {
    return new Promise<T[]>((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ ...statement, resolve: resolve as (rows: RecordShape[]) => void, reject });
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    this.run(batch).then(
      (results) => batch.forEach((s, i) => s.resolve(results[i]!)),
      (err) => batch.forEach((s) => s.reject(err)),
    );
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
