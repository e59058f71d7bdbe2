/**
 * The HTTP server, assembled from small fastify plugins. Everything it needs
 * comes in through `deps`: no globals, no environment reads. Nothing a
 * request leaves behind shapes the next (cursors are positions, bookmarks
 * travel with the client): any number of replicas can serve one graph.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Graph } from '../graph/client.js';
import { readExamples } from './examples.js';
import { browserPlugin } from './plugins/browser.js';
import { explorerPlugin } from './plugins/explorer.js';
import { EXPORT_PATH, exportPlugin } from './plugins/export.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { healthPlugin } from './plugins/health.js';
import { buildApiSchema } from './schema.js';
import { ClientShares, QUERIES_PER_CLIENT } from './shares.js';

export const GRAPHQL_PATH = '/graphql';
/** The query explorer page (GraphiQL from local packages, with docs/queries.graphql); `/` redirects to it. The graph view is at /explorer/graph. */
export const EXPLORER_PATH = '/explorer';

/** LAUREL_QUERY_TIMEOUT_MS's default. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

export interface ServerDeps {
  graph: Graph;
  /** LAUREL_DEBUG: clients see stack traces and the messages of unexpected errors; otherwise codes only. */
  debug?: boolean;
  /** Request logging (pino, to stderr); off by default. */
  logger?: boolean;
  /** LAUREL_API_TOKEN: the bearer token mutations need; without one, mutations are disabled. */
  apiToken?: string;
  /** LAUREL_QUERY_TIMEOUT_MS: how long one request may take, whatever Neo4j does. */
  queryTimeoutMs?: number;
  /** Neo4j queries one client may have running at once (shares.ts). */
  queriesPerClient?: number;
  /** LAUREL_TRUST_PROXY: proxies whose X-Forwarded-For names the client (the address shares.ts goes by). */
  trustProxy?: string[];
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ? { level: 'info', stream: process.stderr } : false,
    ...(deps.trustProxy?.length ? { trustProxy: deps.trustProxy } : {}),
  });
  const schema = await buildApiSchema();
  const shares = new ClientShares(deps.queriesPerClient ?? QUERIES_PER_CLIENT);
  const queryTimeoutMs = deps.queryTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  await app.register(healthPlugin, { graph: deps.graph });
  await app.register(graphqlPlugin, {
    schema,
    graph: deps.graph,
    shares,
    path: GRAPHQL_PATH,
    debug: deps.debug ?? false,
    apiToken: deps.apiToken,
    queryTimeoutMs,
  });
  await app.register(exportPlugin, { graph: deps.graph, shares, queryTimeoutMs });
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
