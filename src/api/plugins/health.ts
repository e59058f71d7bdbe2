/**
 * GET /health: the process is up (for a liveness probe; never asks Neo4j).
 * GET /ready: Neo4j answers (for a readiness probe): 200, or 503 with the reason.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Graph } from '../../graph/client.js';

export interface HealthPluginOptions {
  graph: Graph;
  /** How long /ready waits for Neo4j before it answers 503. */
  readyTimeoutMs?: number;
}

export const healthPlugin: FastifyPluginAsync<HealthPluginOptions> = async (app, opts) => {
  const timeoutMs = opts.readyTimeoutMs ?? 3_000;
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/ready', async (_request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      // One round trip on a fresh connection, without the driver's retries: a probe wants a quick answer.
      const answered = opts.graph.driver.getServerInfo({ database: opts.graph.database });
      answered.catch(() => {}); // when the timeout wins, a later failure is not news
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Neo4j did not answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([answered, late]);
      return { status: 'ready' };
    } catch (err) {
      return reply.code(503).send({ status: 'unavailable', reason: `Neo4j is not reachable: ${(err as Error).message.split('\n')[0]}` });
    } finally {
      clearTimeout(timer);
    }
  });
};
