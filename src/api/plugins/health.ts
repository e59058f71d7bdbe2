/** GET /health: the process is up. (Issue 4 adds /ready, which asks Neo4j.) */
import type { FastifyPluginAsync } from 'fastify';

export const healthPlugin: FastifyPluginAsync = async (app) => {
  app.get('/health', async () => ({ status: 'ok' }));
};
