/**
 * What the database commands (load, serve, up) share: getting a Neo4j
 * (provisioning), opening the graph with its schema applied, loading files,
 * and shutting everything down once on exit or on a signal.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import { extractionsOf } from '../extract/batch.js';
import type { ReadOptions } from '../extract/io/read-article.js';
import type { ArticleExtraction } from '../extract/contract.js';
import { Graph, GraphWriter, applySchema } from '../graph/index.js';
import { neo4jAdminImportArgs, readManifest } from '../graph/import/csv.js';
import { provisionNeo4j, type Neo4jConnection, type ProvisionWay } from '../graph/provision/index.js';
import { localWay } from '../graph/provision/local/index.js';
import { npmLaunchers, watchLaunchers } from './launcher.js';
import { progress, status } from './progress.js';

/** seeds/ at the package root, from src/cli or dist/cli alike. */
export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface Database {
  connection: Neo4jConnection;
  graph: Graph;
  /** Closes the driver and stops a Neo4j that Laurel started. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Finds or starts Neo4j, opens it, and applies the schema. `configuredOnly`
 * is for commands whose work would be lost on a Neo4j that Laurel starts and
 * throws away on exit (load, serve): they need NEO4J_URI.
 */
export async function openDatabase(config: Config, opts: { configuredOnly?: string; importDir?: string } = {}): Promise<Database> {
  if (opts.configuredOnly && !config.neo4j.uri) {
    throw new Error(
      `${opts.configuredOnly} needs a running Neo4j: set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD. ` +
        '(`laurel up` starts a Neo4j of its own, loads the seeds and serves; that Neo4j lives only as long as `laurel up`.)',
    );
  }
  const connection = await provisionNeo4j(config, (m) => status(`neo4j: ${m}`), opts.importDir ? [importingWay(config, opts.importDir)] : undefined);
  const graph = Graph.open(connection, {
    queryTimeoutMs: config.queryTimeoutMs,
    maxRetryTimeMs: config.queryTimeoutMs,
    // A Neo4j that stopped answering must not hold anyone longer than a query may take.
    connectionTimeoutMs: Math.min(5_000, config.queryTimeoutMs),
    connectionAcquisitionTimeoutMs: config.queryTimeoutMs,
  });
  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      await graph.close().catch(() => {});
      await connection.stop();
    })());
  try {
    await graph.verify();
    const { statements } = await applySchema(graph);
    status(`schema: ${statements} constraints and indexes in place`);
  } catch (err) {
    await close();
    throw err;
  }
  return { connection, graph, close };
}

/**
 * The local way, building its database from a `laurel import` folder before
 * the server starts. neo4j-admin writes the database files itself, so it
 * needs a Neo4j that Laurel starts: not NEO4J_URI's, nor a container.
 */
function importingWay(config: Config, dir: string): ProvisionWay {
  const manifest = readManifest(dir);
  if (config.neo4j.uri) {
    throw new Error(
      `--import builds a new database with neo4j-admin, which needs a Neo4j that Laurel starts itself; NEO4J_URI names one of yours. ` +
        `Unset NEO4J_URI, or import into your Neo4j (stopped), from its home:\n  bin/neo4j-admin ${neo4jAdminImportArgs(resolve(dir), manifest, config.neo4j.database).join(' ')}\nthen start it and run \`laurel serve\`.`,
    );
  }
  return localWay(undefined, { importArgs: neo4jAdminImportArgs(resolve(dir), manifest, config.neo4j.database) });
}

/** The article size limit of the configuration, as the readers take it. */
export function articleLimits(config: Pick<Config, 'maxArticleBytes'>): ReadOptions {
  return { maxBytes: config.maxArticleBytes, limitHint: 'LAUREL_MAX_ARTICLE_MB sets the limit' };
}

export interface LoadReport {
  files: number;
  loaded: number;
  failed: { path: string; reason: string }[];
  entities: number;
  mentions: number;
  facts: number;
  skipped: { article: string; reason: string }[];
}

/**
 * Extracts the files (or reads back `laurel extract` lines from `*.jsonl`
 * files and `-`, stdin) and writes them in batches. A file that cannot be
 * read or extracted, or a line that is not extraction output, is reported
 * (with its line number) and the rest still load.
 */
export async function loadPaths(graph: Graph, paths: string[], batchSize = 500, read: ReadOptions = {}): Promise<LoadReport> {
  const writer = new GraphWriter(graph, { batchSize });
  const report: LoadReport = { files: 0, loaded: 0, failed: [], entities: 0, mentions: 0, facts: 0, skipped: [] };
  const bar = progress('load');
  let pending: ArticleExtraction[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const s = await writer.write(pending);
    report.loaded += s.articles;
    report.entities += s.entities;
    report.mentions += s.mentions;
    report.facts += s.facts;
    report.skipped.push(...s.skipped);
    pending = [];
  };
  try {
    for await (const item of extractionsOf(paths, (p) => bar.update(p.done, p.total, p.path), read)) {
      report.files++;
      if (!item.ok) {
        report.failed.push({ path: item.path, reason: item.reason });
        process.stderr.write(`laurel load: skipped ${item.path}: ${item.reason}\n`);
        continue;
      }
      pending.push(item.extraction);
      if (pending.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    bar.stop();
  }
  return report;
}

export function formatReport(r: LoadReport): string {
  const lines = [
    `loaded ${r.loaded} of ${r.files} article(s): ${r.entities} entity writes, ${r.mentions} mentions, ${r.facts} facts`,
    ...r.failed.map((f) => `failed: ${f.path}: ${f.reason}`),
    ...(r.skipped.length ? [`${r.skipped.length} relation(s) not written (their ends are not entities of the article):`] : []),
    ...r.skipped.slice(0, 20).map((s) => `  ${s.article}: ${s.reason}`),
    ...(r.skipped.length > 20 ? [`  … and ${r.skipped.length - 20} more`] : []),
  ];
  return `${lines.join('\n')}\n`;
}

export interface Stop {
  /** What happened, for the log. */
  reason: string;
  /** The exit code Laurel should end with: 0 when asked to stop, non-zero when something it needs died. */
  exitCode: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Resolves when Laurel should stop: on SIGINT, SIGTERM or SIGHUP; when npm,
 * which launched it (`npx laurel up`), is gone (launcher.ts); or when
 * `died` resolves (the Neo4j Laurel started stopped by itself). Another
 * signal while cleaning up, a second or more after the first, exits at once.
 */
export function untilStopped(died?: Promise<string>): Promise<Stop> {
  return new Promise((resolve) => {
    let done = false;
    const stop = (s: Stop) => {
      if (done) return;
      done = true;
      const at = Date.now();
      for (const signal of SIGNALS) {
        process.off(signal, onSignal);
        process.on(signal, () => {
          // Ctrl-C under npx arrives twice: from the terminal and passed on by npm. That is one request.
          if (Date.now() - at > 1_000) process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
        });
      }
      unwatch();
      resolve(s);
    };
    const onSignal = (signal: NodeJS.Signals) => stop({ reason: `${signal}: shutting down`, exitCode: 0 });
    for (const signal of SIGNALS) process.on(signal, onSignal);
    const unwatch = watchLaunchers(npmLaunchers(), (pid) =>
      stop({ reason: `the npm process that launched Laurel (pid ${pid}) is gone: shutting down`, exitCode: 0 }),
    );
    died?.then((why) => stop({ reason: `the Neo4j that Laurel started has stopped: ${why}`, exitCode: 1 }));
  });
}
