import { Command } from 'commander';
import { loadConfig, type Config } from '../../config.js';
import { graphCounts } from '../../graph/index.js';
import { BROWSER_GUIDE_PATH, BROWSER_STYLE_PATH } from '../../graph/provision/browser.js';
import { freePorts } from '../../graph/provision/local/instance.js';
import { status } from '../progress.js';
import { SEEDS_DIR, articleLimits, formatReport, loadPaths, openDatabase } from '../runtime.js';
import { port } from './load.js';
import { serveUntilSignal } from './serve.js';

export function upCommand(): Command {
  return new Command('up')
    .description('Bring Laurel up: find or start Neo4j, apply the schema, load the seed articles, and serve GraphQL.')
    .option('--host <host>', 'address to listen on (default: LAUREL_HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 for any free port (default: LAUREL_PORT or 4000)', port)
    .option('--seeds <dir>', 'articles to load first', SEEDS_DIR)
    .option('--import <dir>', 'start on the graph of a `laurel import` folder (neo4j-admin import into a new database) instead of loading the seeds')
    .addHelpText(
      'after',
      '\nNeo4j is found in this order: NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD); a neo4j:5.26-community' +
        '\nDocker container; a Neo4j 5.26 server from Maven Central run with the local Java. A Neo4j that Laurel' +
        '\nstarted is stopped on exit, SIGINT, SIGTERM or SIGHUP (to Laurel or to the npx that launched it); if it' +
        '\nstops by itself, Laurel says so and exits with code 1. With --import, Laurel starts its own Neo4j (the' +
        '\nlocal way) and builds its database from the folder with neo4j-admin before the server starts.',
    )
    .action(async (opts: { host?: string; port?: number; seeds: string; import?: string }) => {
      const started = Date.now();
      const config = await fixServerAddress(loadConfig(), opts);
      const db = await openDatabase(config, opts.import ? { importDir: opts.import } : {});
      if (opts.import) {
        const counts = await graphCounts(db.graph);
        status(`imported: ${Object.entries(counts.labels).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      } else {
        try {
          process.stderr.write(formatReport(await loadPaths(db.graph, [opts.seeds], undefined, articleLimits(config))));
        } catch (err) {
          await db.close();
          throw err;
        }
      }
      const { connection: c } = db;
      await serveUntilSignal(config, db, {}, (url, explorer) => {
        const lines = [
          `Laurel is up (${((Date.now() - started) / 1000).toFixed(1)} s).`,
          `GraphQL:        ${url}`,
          `Explorer:       ${explorer}  (example queries, works offline)`,
          `Neo4j Browser:  ${c.browserUrl ?? '(no HTTP address known for this Neo4j)'}  ${browserHint(c.source, url.replace(/\/graphql$/, ''))}`,
          `Neo4j Bolt:     ${c.uri}  user ${c.username}  password ${c.password}  database ${c.database}  (${describeSource(c.source)}${c.pid ? `, pid ${c.pid}` : ''})`,
          'Press Ctrl-C to stop.',
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
      status('stopped');
    });
}

/**
 * The address Laurel will listen on, fixed before Neo4j starts: a Neo4j that
 * Laurel starts has its Browser fetch Laurel's style and guide from there
 * (port 0 becomes a free port now, so that Browser can be told which).
 */
async function fixServerAddress(config: Config, opts: { host?: string; port?: number }): Promise<Config> {
  const host = opts.host ?? config.server.host;
  let port = opts.port ?? config.server.port;
  if (port === 0) [port] = (await freePorts(1)) as [number];
  return { ...config, server: { host, port } };
}

/** How Laurel's style and guide reach Neo4j Browser. */
function browserHint(source: string, laurel: string): string {
  return source === 'env'
    ? `(for Laurel's style and guide: :style ${laurel}${BROWSER_STYLE_PATH} and :play ${laurel}${BROWSER_GUIDE_PATH})`
    : "(Laurel's style and guide open on connect)";
}

function describeSource(source: string): string {
  return source === 'env' ? 'from NEO4J_URI' : source === 'docker' ? 'Docker container started by Laurel' : 'local server started by Laurel';
}
