/**
 * The parts of Neo4j provisioning that need no Neo4j: the order in which the
 * ways are chosen, the error when none works, the rendered configuration,
 * the tool checks, the cache's completeness rule and the watchdog.
 */
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig, type Config } from '../../src/config.js';
import type { Neo4jConnection, Neo4jSource } from '../../src/graph/provision/connection.js';
import { browserSettings, browserSettingsEnv, laurelUrl } from '../../src/graph/provision/browser.js';
import { dockerWay } from '../../src/graph/provision/docker.js';
import { envWay, Neo4jConfigError } from '../../src/graph/provision/env.js';
import { NoNeo4jError, provisionNeo4j } from '../../src/graph/provision/index.js';
import { renderNeo4jConf } from '../../src/graph/provision/local/conf.js';
import { cachedDistribution, parseMavenDownload, renderPom, sweepStaleDownloads } from '../../src/graph/provision/local/distribution.js';
import { localWay, type LocalChecks } from '../../src/graph/provision/local/index.js';
import { freePorts, sweepStaleInstances } from '../../src/graph/provision/local/instance.js';
import { checkJava, parseJavaMajor } from '../../src/graph/provision/local/toolchain.js';
import { isAlive, startWatchdog, stopWatchdog } from '../../src/graph/provision/local/watchdog.js';
import type { ProvisionWay } from '../../src/graph/provision/way.js';

let tmp: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'laurel-provision-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function configWith(env: Record<string, string>): Config {
  return loadConfig({ LAUREL_CACHE_DIR: tmp, ...env });
}

/** A way that records whether it was asked and started; its connection is never used as a database. */
function recordingWay(source: Neo4jSource, behaviour: { unavailable?: string; fails?: string }) {
  const calls: string[] = [];
  const way: ProvisionWay = {
    source,
    describe: () => `${source} way`,
    unavailable: async () => {
      calls.push('probe');
      return behaviour.unavailable;
    },
    start: async () => {
      calls.push('start');
      if (behaviour.fails) throw new Error(behaviour.fails);
      return { uri: `${source}://x`, username: 'u', password: 'p', database: 'neo4j', source, stop: async () => {} } satisfies Neo4jConnection;
    },
  };
  return { way, calls };
}

const quiet = () => {};

describe('the order in which a Neo4j is chosen', () => {
  it('uses NEO4J_URI when set and asks neither Docker nor the local way', async () => {
    const env = recordingWay('env', {});
    const docker = recordingWay('docker', {});
    const local = recordingWay('local', {});
    const conn = await provisionNeo4j(configWith({}), quiet, [env.way, docker.way, local.way]);
    expect(conn.source).toBe('env');
    expect(docker.calls).toEqual([]);
    expect(local.calls).toEqual([]);
  });

  it('prefers Docker to the local server when an engine answers', async () => {
    const env = recordingWay('env', { unavailable: 'NEO4J_URI is not set' });
    const docker = recordingWay('docker', {});
    const local = recordingWay('local', {});
    const conn = await provisionNeo4j(configWith({}), quiet, [env.way, docker.way, local.way]);
    expect(conn.source).toBe('docker');
    expect(local.calls).toEqual([]);
  });

  it('falls back to the local server when no Docker engine answers, saying so', async () => {
    const lines: string[] = [];
    const env = recordingWay('env', { unavailable: 'NEO4J_URI is not set' });
    const docker = recordingWay('docker', { unavailable: 'no Docker engine answered' });
    const local = recordingWay('local', {});
    const conn = await provisionNeo4j(configWith({}), (m) => lines.push(m), [env.way, docker.way, local.way]);
    expect(conn.source).toBe('local');
    expect(docker.calls).toEqual(['probe']);
    expect(lines.join('\n')).toContain('no Docker engine answered');
  });

  it('falls back to the local server when Docker answers but the container fails', async () => {
    const lines: string[] = [];
    const env = recordingWay('env', { unavailable: 'NEO4J_URI is not set' });
    const docker = recordingWay('docker', { fails: 'pull access denied' });
    const local = recordingWay('local', {});
    const conn = await provisionNeo4j(configWith({}), (m) => lines.push(m), [env.way, docker.way, local.way]);
    expect(conn.source).toBe('local');
    expect(docker.calls).toEqual(['probe', 'start']);
    expect(lines.join('\n')).toContain('pull access denied');
  });

  it('reports a failing NEO4J_URI server instead of silently starting another one', async () => {
    const env = recordingWay('env', { fails: 'wrong username or password' });
    const docker = recordingWay('docker', {});
    const local = recordingWay('local', {});
    await expect(provisionNeo4j(configWith({}), quiet, [env.way, docker.way, local.way])).rejects.toThrow(
      'wrong username or password',
    );
    expect(docker.calls).toEqual([]);
    expect(local.calls).toEqual([]);
  });

  it('does not probe Docker when LAUREL_NO_DOCKER is set', async () => {
    let probed = false;
    const way = dockerWay(async () => {
      probed = true;
      return undefined;
    });
    const reason = await way.unavailable(configWith({ LAUREL_NO_DOCKER: '1' }));
    expect(reason).toContain('LAUREL_NO_DOCKER');
    expect(probed).toBe(false);
  });
});

describe('when no way works', () => {
  const noJava: LocalChecks = {
    java: async () => ({ ok: false, reason: 'Java not found: no `java` on PATH' }),
    maven: async () => ({ ok: false, reason: 'Maven not found: no `mvn` on PATH' }),
    cached: async () => undefined,
  };

  it('names all three ways and what was missing for each', async () => {
    const ways = [envWay(), dockerWay(async () => 'no Docker engine answered (socket not found)'), localWay(noJava)];
    const err = await provisionNeo4j(configWith({}), quiet, ways).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoNeo4jError);
    const message = (err as Error).message;
    expect(message).toMatch(/three ways/);
    expect(message).toContain('NEO4J_URI is not set');
    expect(message).toContain('neo4j:5.26-community');
    expect(message).toContain('no Docker engine answered (socket not found)');
    expect(message).toContain('Maven Central');
    expect(message).toContain('Java not found');
    expect(message).toContain('Maven not found');
    expect((err as NoNeo4jError).attempts.map((a) => a.way)).toHaveLength(3);
  });

  it('includes why the local server failed to start, not just that it did', async () => {
    const toolsOk: LocalChecks = {
      java: async () => ({ ok: true, detail: 'Java 17' }),
      maven: async () => ({ ok: true, detail: 'Maven 3.9.9' }),
      cached: async () => undefined,
    };
    const local = localWay(toolsOk);
    const failing: ProvisionWay = { ...local, start: async () => Promise.reject(new Error('Maven could not resolve Neo4j (exit 1); see /x/maven.log')) };
    const err = await provisionNeo4j(configWith({}), quiet, [envWay(), dockerWay(async () => 'no engine'), failing]).catch((e: unknown) => e);
    expect((err as Error).message).toContain('see /x/maven.log');
  });

  it('does not need Maven when the distribution is already cached', async () => {
    let askedMaven = false;
    const way = localWay({
      java: async () => ({ ok: true, detail: 'Java 17' }),
      maven: async () => {
        askedMaven = true;
        return { ok: false, reason: 'Maven not found' };
      },
      cached: async (_dir, version) => ({ version, libDir: '/cache/lib', jars: 214, bytes: 1 }),
    });
    expect(await way.unavailable(configWith({}))).toBeUndefined();
    expect(askedMaven).toBe(false);
  });
});

describe('NEO4J_URI pointing nowhere', () => {
  it('fails with an error that names the address and the variables to check', async () => {
    const [port] = await freePorts(1);
    const config = configWith({ NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'secret-password' });
    const err = await envWay({ timeoutMs: 300 })
      .start(config, quiet)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Neo4jConfigError);
    expect((err as Error).message).toContain(`bolt://127.0.0.1:${port}`);
    expect((err as Error).message).toMatch(/unreachable/);
    expect((err as Error).message).toContain('NEO4J_PASSWORD');
  });
});

describe('the Java check', () => {
  async function fakeJdk(versionLine: string): Promise<string> {
    const home = join(tmp, 'jdk');
    await mkdir(join(home, 'bin'), { recursive: true });
    await writeFile(join(home, 'bin', 'java'), `#!/bin/sh\necho '${versionLine}' >&2\n`);
    await chmod(join(home, 'bin', 'java'), 0o755);
    return home;
  }

  it('reads the major version from the formats Java has used', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_402"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('openjdk version "22-ea" 2024-03-19')).toBe(22);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });

  it('says clearly when Java is missing', async () => {
    const check = await checkJava(join(tmp, 'no-such-jdk'));
    expect(check).toMatchObject({ ok: false });
    expect(!check.ok && check.reason).toMatch(/Java not found.*JAVA_HOME.*JDK 17/);
  });

  it('says clearly when Java is too old', async () => {
    const check = await checkJava(await fakeJdk('openjdk version "11.0.22" 2024-01-16'));
    expect(!check.ok && check.reason).toMatch(/Java 11 is too old.*17/);
  });

  it('accepts Java 17 and newer', async () => {
    expect(await checkJava(await fakeJdk('openjdk version "21.0.2" 2024-01-16'))).toEqual({ ok: true, detail: 'Java 21' });
  });
});

describe('the local server configuration', () => {
  const conf = renderNeo4jConf({ home: '/c/i-1', boltPort: 41000, httpPort: 41001, heap: '512m', database: 'laurel' });
  const settings = new Map(
    conf
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('=', 2) as [string, string]),
  );

  it('listens on loopback only, Bolt and HTTP on the chosen ports, without HTTPS', () => {
    expect(settings.get('server.bolt.listen_address')).toBe('127.0.0.1:41000');
    expect(settings.get('server.bolt.advertised_address')).toBe('127.0.0.1:41000');
    expect(settings.get('server.http.listen_address')).toBe('127.0.0.1:41001');
    expect(settings.get('server.http.advertised_address')).toBe('127.0.0.1:41001');
    expect(settings.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(settings.get('server.https.enabled')).toBe('false');
  });

  it('keeps data, logs and plugins inside the instance home', () => {
    for (const key of ['data', 'logs', 'plugins', 'run']) {
      expect(settings.get(`server.directories.${key}`)).toBe(`/c/i-1/${key}`);
    }
  });

  it('requires a password, sizes memory and names the database', () => {
    expect(settings.get('dbms.security.auth_enabled')).toBe('true');
    expect(settings.get('server.memory.heap.max_size')).toBe('512m');
    expect(settings.get('server.memory.pagecache.size')).toBe('256m');
    expect(settings.get('initial.dbms.default_database')).toBe('laurel');
  });

  it('takes the page cache from LAUREL_NEO4J_PAGECACHE, and refuses a size it cannot read', () => {
    const config = loadConfig({ LAUREL_NEO4J_PAGECACHE: '3g' });
    const sized = renderNeo4jConf({ home: '/c/i-1', boltPort: 1, httpPort: 2, heap: '1g', pageCache: config.neo4j.pageCache, database: 'neo4j' });
    expect(sized).toContain('server.memory.pagecache.size=3g\n');
    expect(loadConfig({}).neo4j.pageCache).toBe('256m');
    expect(() => loadConfig({ LAUREL_NEO4J_PAGECACHE: 'lots' })).toThrow(/LAUREL_NEO4J_PAGECACHE: like 256m or 2g/);
  });

  it('trusts X-Forwarded-For only from the proxies LAUREL_TRUST_PROXY names, addresses or ranges', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ LAUREL_TRUST_PROXY: '10.0.0.5, 172.16.0.0/12,::1' }).trustProxy).toEqual(['10.0.0.5', '172.16.0.0/12', '::1']);
    for (const bad of ['true', 'lb.local', '10.0.0.0/33', '10.0.0.5/8/1']) {
      expect(() => loadConfig({ LAUREL_TRUST_PROXY: bad }), bad).toThrow(/LAUREL_TRUST_PROXY: must be addresses or CIDR ranges/);
    }
  });
});

describe("Neo4j Browser's settings for Laurel", () => {
  it('has Browser apply Laurel\'s style and guide from where Laurel listens, allow that host, and send no telemetry', () => {
    const local = browserSettings(laurelUrl('127.0.0.1', 4711));
    expect(local['browser.post_connect_cmd']).toBe('style http://127.0.0.1:4711/browser/style.grass; play http://127.0.0.1:4711/browser/guide.html');
    expect(local['browser.remote_content_hostname_whitelist']!.split(',')).toEqual(expect.arrayContaining(['127.0.0.1', 'localhost']));
    expect(local['client.allow_telemetry']).toBe('false');
    expect(laurelUrl('0.0.0.0', 4000)).toBe('http://localhost:4000');
    const conf = renderNeo4jConf({ home: '/c/i-1', boltPort: 1, httpPort: 2, heap: '1g', database: 'neo4j', extra: local });
    for (const [k, v] of Object.entries(local)) expect(conf).toContain(`\n${k}=${v}\n`);
  });

  it('are the ones docker-compose.yml gives its Neo4j, for a Browser opened on the host', async () => {
    const compose = await readFile(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
    const env = Object.fromEntries([...compose.matchAll(/^\s+(NEO4J_(?:browser|client)_\w+):\s*"([^"]*)"\s*$/gm)].map((m) => [m[1], m[2]]));
    expect(env).toEqual(browserSettingsEnv('http://localhost:4000'));
  });
});

describe("docker-compose.yml's replicas profile", () => {
  it('runs laurel serve replicas, with a configuration Laurel accepts, behind a load balancer that names the client', async () => {
    const compose = parseYaml(await readFile(new URL('../../docker-compose.yml', import.meta.url), 'utf8'));
    const replica = compose.services['api-replica'];
    expect(replica.profiles).toEqual(['replicas']);
    // Serving only: the seeds are loaded once, by `api`, before any replica starts.
    expect(replica.command).toEqual(['node', 'bin/laurel.js', 'serve']);
    expect(replica.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    expect(replica.deploy.replicas).toBe('${LAUREL_REPLICAS:-3}');
    const env = { ...replica.environment, NEO4J_PASSWORD: 'laurelpass' };
    const config = loadConfig(env);
    expect(config.trustProxy.length).toBeGreaterThan(0);
    const lb = compose.services.lb;
    expect(lb.profiles).toEqual(['replicas']);
    const nginx = compose.configs[lb.configs[0].source].content as string;
    expect(nginx).toContain(`server api-replica:${config.server.port};`);
    // $$ is compose's escape for nginx's own $.
    expect(nginx).toContain('X-Forwarded-For $$proxy_add_x_forwarded_for');
  });
});

describe('the Maven-resolved distribution', () => {
  it('asks Maven for the configured server version and the Browser', () => {
    const pom = renderPom('5.26.30', '5.24.0');
    expect(pom).toContain('<artifactId>neo4j</artifactId><version>5.26.30</version>');
    expect(pom).toContain('<groupId>org.neo4j.app</groupId><artifactId>neo4j-server</artifactId><version>5.26.30</version>');
    expect(pom).toContain('<groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId><version>5.24.0</version>');
  });

  it('counts downloaded bytes from Maven batch output for progress', () => {
    const line = 'Downloaded from central: https://repo.maven.apache.org/maven2/org/neo4j/neo4j-kernel/5.26.30/neo4j-kernel-5.26.30.jar (5.1 MB at 2.3 MB/s)';
    expect(parseMavenDownload(line)).toBe(5_100_000);
    expect(parseMavenDownload('[INFO] Downloaded from central: https://x/y.pom (2.4 kB at 60 kB/s)')).toBe(2_400);
    expect(parseMavenDownload('Downloading from central: https://x/y.jar')).toBeUndefined();
  });

  it('does not take an interrupted download for a cached one', async () => {
    const dir = join(tmp, 'neo4j', '5.26.30', 'lib');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'neo4j-kernel-5.26.30.jar'), 'partial');
    expect(await cachedDistribution(tmp, '5.26.30')).toBeUndefined();
    await writeFile(join(tmp, 'neo4j', '5.26.30', 'laurel-complete.json'), JSON.stringify({ version: '5.26.30', jars: 1, bytes: 7 }));
    expect(await cachedDistribution(tmp, '5.26.30')).toMatchObject({ version: '5.26.30', libDir: dir, jars: 1 });
  });
});

describe('leftovers of interrupted downloads', () => {
  it('are removed when their owner process is gone, and kept while it runs', async () => {
    const root = join(tmp, 'neo4j');
    const exited = spawn('true');
    await new Promise((r) => exited.once('exit', r));
    for (const [name, pid] of [['.download-5.26.30-dead', exited.pid], ['.download-5.26.30-live', process.pid]] as const) {
      await mkdir(join(root, name, 'lib'), { recursive: true });
      await writeFile(join(root, name, 'owner.pid'), `${pid}\n`);
    }
    await sweepStaleDownloads(root);
    await expect(stat(join(root, '.download-5.26.30-dead'))).rejects.toThrow();
    await expect(stat(join(root, '.download-5.26.30-live'))).resolves.toBeTruthy();
  });
});

describe('the watchdog', () => {
  async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await ok())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const gone = (path: string) => stat(path).then(() => false, () => true);
  const pidIn = async (file: string) => Number(await readFile(file, 'utf8').catch(() => '0'));

  it('kills the command and removes its folder when stopped', async () => {
    const home = join(tmp, 'instance');
    await mkdir(home);
    const pidFile = join(home, 'command.pid');
    const watchdog = startWatchdog({ parentPid: process.pid, home, consoleLog: join(home, 'console.log'), pidFile, command: ['sleep', '300'] });
    await until('the command runs', async () => (await pidIn(pidFile)) > 0);
    const pid = await pidIn(pidFile);
    expect(isAlive(pid)).toBe(true);
    await stopWatchdog(watchdog, pid);
    expect(isAlive(pid)).toBe(false);
    expect(await gone(home)).toBe(true);
  });

  it('kills the command and removes its folder when its parent is killed with SIGKILL', async () => {
    const home = join(tmp, 'instance');
    await mkdir(home);
    const parent = spawn(
      join(process.cwd(), 'node_modules', '.bin', 'vite-node'),
      [join(process.cwd(), 'tests', 'fixtures', 'provision', 'watchdog-parent.ts'), home, 'sleep', '300'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const pidFile = join(home, 'command.pid');
      await until('the command runs under the parent', async () => (await pidIn(pidFile)) > 0, 30_000);
      const pid = await pidIn(pidFile);
      expect(isAlive(pid)).toBe(true);
      parent.kill('SIGKILL');
      await until('the command is gone', () => !isAlive(pid), 5_000);
      await until('the folder is gone', () => gone(home), 5_000);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('sweeps instance folders whose watchdog is gone, and spares live ones', async () => {
    const root = join(tmp, 'neo4j', 'instances');
    await mkdir(join(root, 'i-dead'), { recursive: true });
    await mkdir(join(root, 'i-live'), { recursive: true });
    const exited = spawn('true');
    await new Promise((r) => exited.once('exit', r));
    await writeFile(join(root, 'i-dead', 'watchdog.pid'), `${exited.pid}\n`);
    await writeFile(join(root, 'i-live', 'watchdog.pid'), `${process.pid}\n`);
    expect(await sweepStaleInstances(tmp)).toBe(1);
    expect(await gone(join(root, 'i-dead'))).toBe(true);
    expect(await gone(join(root, 'i-live'))).toBe(false);
  });
});
