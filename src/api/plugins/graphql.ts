/**
 * Apollo Server on a fastify route. Receives the schema and the graph
 * explicitly; builds a fresh context per request: repositories over a graph
 * handle bounded by the request's deadline and the client's share of Neo4j,
 * DataLoaders, the caller's access and bookmarks; refuses over-deep and over-costly
 * operations before they run (limits.ts); gives every error a code (errors.ts).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { accessOf } from '../auth.js';
import { BOOKMARK_HEADER, bookmarkHeader, requestBookmarks } from '../bookmarks.js';
import { createContext, type ApiContext } from '../context.js';
import { formatError } from '../errors.js';
import { costLimits, depthLimit } from '../limits.js';
import type { Graph } from '../../graph/index.js';
import { createRepositories } from '../repositories/index.js';
import { neo4jFields } from '../schema.js';
import type { ClientShares } from '../shares.js';

export interface GraphqlPluginOptions {
  schema: GraphQLSchema;
  graph: Graph;
  /** Each client's share of Neo4j. */
  shares: ClientShares;
  path: string;
  /** Shows clients stack traces and the messages of unexpected errors (LAUREL_DEBUG); off by default. */
  debug: boolean;
  /** The bearer token mutations need; without one, mutations are disabled. */
  apiToken?: string;
  /** How long one request may take (LAUREL_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (app, opts) => {
  const apollo = new ApolloServer<ApiContext>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: opts.debug,
    introspection: true,
    validationRules: [depthLimit()],
    formatError: formatError({ debug: opts.debug, queryTimeoutMs: opts.queryTimeoutMs, log: (err) => logUnexpected(app, err) }),
    // Apollo's landing page loads from a CDN and fails offline; the explorer plugin serves one from local packages.
    // No cache hints: Apollo's cache-control plugin would only wrap every field's resolver to look for them.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), costLimits({ neo4jFields: neo4jFields(opts.schema) }), bookmarkHeader()],
    // The command that owns the process decides when to stop, through fastify.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  // fastify.close() stops taking requests and waits for those in flight, then
  // this stops Apollo. (Apollo's fastify drain plugin would call fastify.close()
  // from apollo.stop(), which deadlocks when closing starts from fastify.)
  app.addHook('onClose', async () => apollo.stop());
  app.route({
    url: opts.path,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: fastifyApolloHandler(apollo, {
      // Nothing outlives the request: any replica of the server can answer a client's next one.
      context: async (request) => {
        const bookmarks = requestBookmarks(request.headers[BOOKMARK_HEADER]);
        const graph = opts.graph.forRequest({ deadline: Date.now() + opts.queryTimeoutMs, gate: opts.shares.gateFor(request.ip), bookmarks });
        return createContext(createRepositories(graph), accessOf(request.headers.authorization, opts.apiToken), bookmarks);
      },
    }),
  });
};

/** Unexpected errors go to the request log when there is one, else to stderr: clients see only "internal server error" (unless LAUREL_DEBUG). */
function logUnexpected(app: FastifyInstance, err: unknown): void {
  if (app.log.level && app.log.level !== 'silent') app.log.error({ err }, 'GraphQL request failed');
  else process.stderr.write(`laurel: GraphQL request failed: ${(err as Error)?.stack ?? String(err)}\n`);
}
