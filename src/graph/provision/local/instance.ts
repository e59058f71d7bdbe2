/**
 * One throwaway Neo4j server: a fresh home (conf, data, logs) under the
 * cache, free loopback ports for Bolt and HTTP, a random password, the JVM
 * under a watchdog. Several can run side by side (tests and `laurel up`).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitForBolt, type Neo4jConnection } from '../connection.js';
import { jvmArgs, LOOPBACK, renderNeo4jConf } from './conf.js';
import type { Distribution } from './distribution.js';
import { EXIT_COMMAND_DIED, isAlive, killQuietly, startWatchdog, stopWatchdog } from './watchdog.js';

export interface InstanceOptions {
  cacheDir: string;
  dist: Distribution;
  javaBin: string;
  heap: string;
  /** Page cache size such as 256m or 2g; Neo4j's conf default here when absent. */
  pageCache?: string;
  database: string;
  /** How long the server may take to answer its first query. */
  startTimeoutMs?: number;
  /**
   * Builds the database with `neo4j-admin database import full` before the
   * server starts: the arguments after `neo4j-admin` (src/graph/import).
   */
  importArgs?: string[];
  /** Told how long neo4j-admin import took. */
  onImported?: (seconds: number) => void;
  /** More neo4j.conf settings (Neo4j Browser's for Laurel). */
  settings?: Record<string, string>;
}

const OWNER_FILE = 'watchdog.pid';

export function instancesRoot(cacheDir: string): string {
  return join(cacheDir, 'neo4j', 'instances');
}

/** Distinct free TCP ports on the loopback interface (held together so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (s) =>
          new Promise<number>((resolve, reject) => {
            s.once('error', reject);
            s.listen(0, LOOPBACK, () => resolve((s.address() as { port: number }).port));
          }),
      ),
    );
  } finally {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  }
}

/**
 * Instance folders whose watchdog is gone (machine restarted, watchdog
 * killed) are leftovers; folders still being set up have no pid file yet
 * and are spared for ten minutes.
 */
export async function sweepStaleInstances(cacheDir: string): Promise<number> {
  const root = instancesRoot(cacheDir);
  let removed = 0;
  for (const name of await readdir(root).catch(() => [] as string[])) {
    const dir = join(root, name);
    const pid = Number(await readFile(join(dir, OWNER_FILE), 'utf8').catch(() => ''));
    const stale = pid
      ? !isAlive(pid)
      : Date.now() - ((await stat(dir).catch(() => undefined))?.mtimeMs ?? 0) > 600_000;
    if (stale) {
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}

function tail(path: string, lines: number): string {
  try {
    return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function neo4jEnvCommand(home: string, javaBin: string, args: string[]): string[] {
  // `env` sets Neo4j's home and conf for the admin tool without touching our own environment.
  return ['env', `NEO4J_HOME=${home}`, `NEO4J_CONF=${join(home, 'conf')}`, javaBin, ...args];
}

/** Runs `neo4j-admin` on the instance (which must not be running). */
async function neo4jAdmin(home: string, o: InstanceOptions, jvm: string[], args: string[], timeoutMs: number): Promise<string> {
  const [cmd, ...rest] = neo4jEnvCommand(home, o.javaBin, [...jvm, '-cp', `${o.dist.libDir}/*`, 'org.neo4j.server.startup.Neo4jAdminCommand', ...args]);
  return new Promise<string>((resolve, reject) => {
    execFile(cmd!, rest, { cwd: home, timeout: timeoutMs, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`neo4j-admin ${args.slice(0, 3).join(' ')} failed: ${err.message}\n${stdout}${stderr}`.trim()));
      else resolve(`${stdout}${stderr}`);
    });
  });
}

async function setInitialPassword(home: string, o: InstanceOptions, password: string): Promise<void> {
  // A short task: a small heap, and no time spent compiling hot code.
  await neo4jAdmin(home, o, ['-Xmx256m', '-XX:TieredStopAtLevel=1'], ['dbms', 'set-initial-password', password], 120_000);
}

class StartFailed extends Error {
  constructor(
    message: string,
    readonly portClash: boolean,
  ) {
    super(message);
  }
}

async function startOnce(o: InstanceOptions, log: (msg: string) => void): Promise<Neo4jConnection> {
  const root = instancesRoot(o.cacheDir);
  await mkdir(root, { recursive: true });
  const home = await mkdtemp(join(root, 'i-'));
  for (const sub of ['conf', 'data', 'logs', 'plugins', 'run', 'import']) await mkdir(join(home, sub));
  const [boltPort, httpPort] = (await freePorts(2)) as [number, number];
  await writeFile(
    join(home, 'conf', 'neo4j.conf'),
    renderNeo4jConf({ home, boltPort, httpPort, heap: o.heap, pageCache: o.pageCache, database: o.database, extra: o.settings }),
  );
  const password = randomBytes(16).toString('hex');
  try {
    await setInitialPassword(home, o, password);
    if (o.importArgs) {
      const started = Date.now();
      log('importing with neo4j-admin database import full');
      const out = await neo4jAdmin(home, o, ['-Xmx1g'], o.importArgs, 6 * 3_600_000);
      const summary = out.match(/IMPORT DONE in [^\n]*/)?.[0];
      const seconds = (Date.now() - started) / 1000;
      o.onImported?.(seconds);
      log(`${summary ?? 'import done'} (${seconds.toFixed(1)} s)`);
    }
  } catch (err) {
    await rm(home, { recursive: true, force: true });
    throw err;
  }

  const consoleLog = join(home, 'logs', 'console.log');
  const neo4jLog = join(home, 'logs', 'neo4j.log');
  const pidFile = join(home, 'run', 'java.pid');
  const watchdog = startWatchdog({
    parentPid: process.pid,
    home,
    consoleLog,
    pidFile,
    command: [
      o.javaBin,
      ...jvmArgs(o.heap),
      '-cp',
      `${o.dist.libDir}/*`,
      'org.neo4j.server.CommunityEntryPoint',
      `--home-dir=${home}`,
      `--config-dir=${join(home, 'conf')}`,
    ],
  });
  if (watchdog.pid) await writeFile(join(home, OWNER_FILE), `${watchdog.pid}\n`);
  const javaPid = (): number | undefined => {
    try {
      return Number(readFileSync(pidFile, 'utf8')) || undefined;
    } catch {
      return undefined;
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // A server that died by itself keeps its folder for its logs (the next start sweeps it).
      if (watchdog.exitCode === EXIT_COMMAND_DIED) return;
      await stopWatchdog(watchdog, javaPid());
      // A watchdog killed from outside left its JVM behind.
      const left = javaPid();
      if (left && isAlive(left)) killQuietly(left, 'SIGKILL');
      await rm(home, { recursive: true, force: true });
    })());

  const uri = `bolt://${LOOPBACK}:${boltPort}`;
  const started = Date.now();
  log(`starting Neo4j ${o.dist.version} (bolt ${LOOPBACK}:${boltPort}, http ${LOOPBACK}:${httpPort}, logs ${join(home, 'logs')})`);
  try {
    await waitForBolt(
      { uri, username: 'neo4j', password, database: o.database },
      {
        timeoutMs: o.startTimeoutMs ?? 180_000,
        alive: () => {
          if (watchdog.exitCode !== null || watchdog.signalCode !== null) return 'the watchdog process exited';
          const pid = javaPid();
          return pid && !isAlive(pid) ? 'the Neo4j process exited during start-up' : undefined;
        },
      },
    );
  } catch (err) {
    const logs = [tail(neo4jLog, 25), tail(consoleLog, 25)].filter(Boolean).join('\n--- console ---\n');
    await stop();
    throw new StartFailed(
      `Neo4j did not come up: ${(err as Error).message}${logs ? `\n--- neo4j.log ---\n${logs}` : ''}`,
      /address already in use|BindException/i.test(logs),
    );
  }
  log(`Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const pid = javaPid();
  const exited = new Promise<string>((resolve) => {
    watchdog.once('exit', (code, signal) => {
      if (stopping) return;
      const why = code === EXIT_COMMAND_DIED ? `Neo4j (pid ${pid}) exited` : `its watchdog (pid ${watchdog.pid}) ended (${signal ?? `exit code ${code}`})`;
      const logs = tail(neo4jLog, 5);
      resolve(`${why}; its logs are kept in ${join(home, 'logs')}${logs ? `; the last lines of neo4j.log:\n${logs}` : ''}`);
    });
  });
  return {
    uri,
    username: 'neo4j',
    password,
    database: o.database,
    browserUrl: `http://${LOOPBACK}:${httpPort}/browser/`,
    source: 'local',
    pid,
    exited,
    stop,
  };
}

/** Starts an instance; a port taken between choosing and binding it gets a second try. */
export async function startLocalInstance(o: InstanceOptions, log: (msg: string) => void): Promise<Neo4jConnection> {
  const removed = await sweepStaleInstances(o.cacheDir);
  if (removed) log(`removed ${removed} leftover Neo4j instance folder(s) from ${instancesRoot(o.cacheDir)}`);
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(o, log);
    } catch (err) {
      if (!(err instanceof StartFailed && err.portClash && attempt < 3)) throw err;
      log('a port was taken meanwhile; retrying on other ports');
    }
  }
}
