/**
 * The HTTP server, assembled from small fastify plugins. Everything it needs
 * comes in through `deps`: no globals, no environment reads.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Graph } from '../graph/client.js';
import { readExamples } from './examples.js';
import { browserPlugin } from './plugins/browser.js';
import { explorerPlugin } from './plugins/explorer.js';
import { EXPORT_PATH, exportPlugin } from './plugins/export.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { healthPlugin } from './plugins/health.js';
import { createRepositories } from './repositories/index.js';
import { buildApiSchema } from './schema.js';

export const GRAPHQL_PATH = '/graphql';
/** The query explorer page (GraphiQL from local packages, with docs/queries.graphql); `/` redirects to it. The graph view is at /explorer/graph. */
export const EXPLORER_PATH = '/explorer';

export interface ServerDeps {
  graph: Graph;
  production: boolean;
  /** Request logging (pino, to stderr); off by default. */
  logger?: boolean;
  /** LAUREL_API_TOKEN: the bearer token mutations need; without one, mutations are disabled. */
  apiToken?: string;
  /** LAUREL_QUERY_TIMEOUT_MS, as the graph applies it; named in QUERY_TIMEOUT errors. */
  queryTimeoutMs?: number;
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ? { level: 'info', stream: process.stderr } : false });
  const schema = await buildApiSchema();
  await app.register(healthPlugin, { graph: deps.graph });
  await app.register(graphqlPlugin, {
    schema,
    repos: createRepositories(deps.graph),
    path: GRAPHQL_PATH,
    production: deps.production,
    apiToken: deps.apiToken,
    queryTimeoutMs: deps.queryTimeoutMs,
  });
  await app.register(exportPlugin, { graph: deps.graph });
  await app.register(browserPlugin, { explorerPath: EXPLORER_PATH });
  await app.register(explorerPlugin, { path: EXPLORER_PATH, graphqlPath: GRAPHQL_PATH, exportPath: EXPORT_PATH, examples: await readExamples() });
  return app;
}

/** Listens and returns the address clients use. */
export async function listen(app: FastifyInstance, host: string, port: number): Promise<{ url: string; port: number }> {
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${actualPort}`, port: actualPort };
}
