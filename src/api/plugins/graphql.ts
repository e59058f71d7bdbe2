/**
 * Apollo Server on a fastify route. Receives the schema and the repositories
 * explicitly; builds a fresh context (with its DataLoaders and the caller's
 * access) per request; refuses over-deep and over-costly operations before
 * they run (limits.ts); gives every error a code (errors.ts).
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { GraphQLSchema } from 'graphql';
import { accessOf } from '../auth.js';
import { createContext, type ApiContext } from '../context.js';
import { formatError } from '../errors.js';
import { complexityLimit, depthLimit } from '../limits.js';
import type { Repositories } from '../repositories/index.js';

export interface GraphqlPluginOptions {
  schema: GraphQLSchema;
  repos: Repositories;
  path: string;
  /** Hides stack traces and the messages of unexpected errors from clients. */
  production: boolean;
  /** The bearer token mutations need; without one, mutations are disabled. */
  apiToken?: string;
  /** Neo4j's limit for one read, named in QUERY_TIMEOUT errors. */
  queryTimeoutMs?: number;
}

export const graphqlPlugin: FastifyPluginAsync<GraphqlPluginOptions> = async (app, opts) => {
  const apollo = new ApolloServer<ApiContext>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: !opts.production,
    introspection: true,
    validationRules: [depthLimit()],
    formatError: formatError({ production: opts.production, queryTimeoutMs: opts.queryTimeoutMs, log: (err) => logUnexpected(app, err) }),
    // Apollo's landing page loads from a CDN and fails offline; the explorer plugin serves one from local packages.
    plugins: [ApolloServerPluginLandingPageDisabled(), complexityLimit()],
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
    handler: fastifyApolloHandler(apollo, { context: async (request) => createContext(opts.repos, accessOf(request.headers.authorization, opts.apiToken)) }),
  });
};

/** Unexpected errors go to the request log when there is one, else to stderr: production clients see only "internal server error". */
function logUnexpected(app: FastifyInstance, err: unknown): void {
  if (app.log.level && app.log.level !== 'silent') app.log.error({ err }, 'GraphQL request failed');
  else process.stderr.write(`laurel: GraphQL request failed: ${(err as Error)?.stack ?? String(err)}\n`);
}
