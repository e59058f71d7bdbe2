/**
 * Each client's share of Neo4j. At most `perClient` of one client's queries
 * run at a time, however many requests, aliases or connections it sends;
 * its other queries wait their turn, in order, until their request's
 * deadline. A client sending the most expensive requests the limits allow,
 * as fast as it can, then slows itself down and not everyone else: Neo4j's
 * cores are shared by clients, not by queries.
 *
 * A client is its address as the server sees it (behind a proxy, every
 * request comes from the proxy: configure the proxy to limit clients).
 */
import { DeadlineError, type Gate } from '../graph/index.js';

/** Neo4j queries one client may have running at once. */
export const QUERIES_PER_CLIENT = 2;

interface Waiter {
  start: () => void;
  timer: NodeJS.Timeout;
}

class Share {
  running = 0;
  readonly waiting: Waiter[] = [];

  constructor(
    private readonly limit: number,
    private readonly onIdle: () => void,
  ) {}

  async run<T>(work: () => Promise<T>, deadline: number): Promise<T> {
    if (this.running >= this.limit) await this.turn(deadline);
    else this.running++;
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** Waits until a running query of this client ends (which hands its place over), or the deadline. */
  private turn(deadline: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        start: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(waiter), 1);
          reject(new DeadlineError("the request ran out of time waiting for this client's earlier queries to finish"));
          if (!this.running && !this.waiting.length) this.onIdle();
        }, Math.max(0, deadline - Date.now())),
      };
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start(); // the place passes on: `running` stays
    else if (--this.running === 0) this.onIdle();
  }
}

export class ClientShares {
  private readonly shares = new Map<string, Share>();

  constructor(readonly perClient: number = QUERIES_PER_CLIENT) {}

  /** The gate of one client's queries. */
  gateFor(client: string): Gate {
    // Looked up at each query: a share is forgotten while its client is idle.
    return { run: (work, deadline) => this.shareOf(client).run(work, deadline) };
  }

  private shareOf(client: string): Share {
    let share = this.shares.get(client);
    if (!share) {
      share = new Share(this.perClient, () => this.shares.delete(client));
      this.shares.set(client, share);
    }
    return share;
  }

  /** Clients with queries running or waiting (idle ones are forgotten). */
  get activeClients(): number {
    return this.shares.size;
  }
}
