import { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { EXPLORER_PATH, GRAPHQL_PATH, buildServer, listen } from '../../api/server.js';
import { status } from '../progress.js';
import { openDatabase, untilStopped, type Database } from '../runtime.js';
import { port } from './load.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description(`Serve the GraphQL API over HTTP (${GRAPHQL_PATH}, the query explorer at ${EXPLORER_PATH}, plus /health) on the graph in Neo4j.`)
    .option('--host <host>', 'address to listen on (default: LAUREL_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free port (default: LAUREL_PORT or 4000)', port)
    .addHelpText('after', '\nNeeds NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD (use `laurel up` to start a Neo4j too). Stops on SIGINT or SIGTERM.')
    .action(async (opts: { host?: string; port?: number }) => {
      const config = loadConfig();
      const db = await openDatabase(config, { configuredOnly: 'laurel serve' });
      await serveUntilSignal(config, db, opts);
    });
}

/**
 * Serves until SIGINT, SIGTERM or SIGHUP (or npm, or the Neo4j Laurel
 * started, going away), then closes the server and the database.
 */
export async function serveUntilSignal(
  config: Config,
  db: Database,
  opts: { host?: string; port?: number },
  announce: (graphqlUrl: string, explorerUrl: string) => void = (url, explorer) => process.stdout.write(`GraphQL: ${url}\nExplorer: ${explorer}\n`),
): Promise<void> {
  const stopped = untilStopped(db.connection.exited);
  try {
    const app = await buildServer({
      graph: db.graph,
      debug: config.debug,
      apiToken: config.apiToken,
      queryTimeoutMs: config.queryTimeoutMs,
      queriesPerClient: config.queriesPerClient,
      trustProxy: config.trustProxy,
    });
    try {
      const { url } = await listen(app, opts.host ?? config.server.host, opts.port ?? config.server.port);
      announce(`${url}${GRAPHQL_PATH}`, `${url}${EXPLORER_PATH}`);
      const stop = await stopped;
      status(stop.reason);
      if (stop.exitCode) process.exitCode = stop.exitCode;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}
