/**
 * The Neo4j the test run provisioned (tests/setup/neo4j.global.ts) is a real
 * server: it answers Cypher over Bolt, has the `cjk` full-text analyzer the
 * schema needs, and (when Laurel started it) serves Neo4j Browser. A second
 * local instance runs beside it and goes away when stopped or when the
 * process that started it is killed.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jConnection } from '../../src/graph/provision/index.js';
import { queryOnce } from '../../src/graph/provision/connection.js';
import { envWay } from '../../src/graph/provision/env.js';

const target = inject('neo4j');
const config = loadConfig();
let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password));
});
afterAll(async () => {
  await driver?.close();
});

describe('the provisioned Neo4j', () => {
  it('answers Cypher over Bolt and is a Neo4j 5 server', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition',
      {},
      { database: target.database },
    );
    expect(records[0]?.get('name')).toBe('Neo4j Kernel');
    expect(records[0]?.get('version')).toMatch(/^5\./);
    if (target.source !== 'env') {
      expect(records[0]?.get('edition')).toBe('community');
      if (target.source === 'local') expect(records[0]?.get('version')).toBe(config.neo4j.version);
    }
  });

  it('writes and reads within a transaction (rolled back, so other tests see nothing)', async () => {
    const session = driver.session({ database: target.database });
    const tx = await session.beginTransaction();
    try {
      const created = await tx.run('CREATE (p:ProvisionProbe {name: $name}) RETURN p.name AS name', { name: '劳动模范' });
      expect(created.records[0]?.get('name')).toBe('劳动模范');
      const counted = await tx.run('MATCH (p:ProvisionProbe) RETURN count(p) AS n');
      expect(counted.records[0]?.get('n').toNumber()).toBe(1);
    } finally {
      await tx.rollback();
      await session.close();
    }
  });

  it('has the cjk full-text analyzer', async () => {
    const { records } = await driver.executeQuery(
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer RETURN collect(analyzer) AS analyzers',
      {},
      { database: target.database },
    );
    expect(records[0]?.get('analyzers')).toContain('cjk');
  });

  it.skipIf(!target.browserUrl)('serves Neo4j Browser and the discovery document on its HTTP port', async () => {
    const browser = await fetch(target.browserUrl!);
    expect(browser.status).toBe(200);
    expect(await browser.text()).toContain('<title>Neo4j Browser');
    const root = await fetch(new URL('/', target.browserUrl!), { headers: { accept: 'application/json' } });
    const discovery = (await root.json()) as { bolt_direct?: string; neo4j_version?: string };
    expect(discovery.neo4j_version).toMatch(/^5\./);
    expect(new URL(discovery.bolt_direct!).port).toBe(new URL(target.uri).port);
  });

  it('is usable as NEO4J_URI, and a wrong password is reported as such', async () => {
    const asEnv = loadConfig({
      NEO4J_URI: target.uri,
      NEO4J_USERNAME: target.username,
      NEO4J_PASSWORD: target.password,
      NEO4J_DATABASE: target.database,
    });
    const conn = await provisionNeo4j(asEnv, () => {});
    expect(conn.source).toBe('env');
    await conn.stop();
    await queryOnce(target); // stop() of a server we did not start leaves it running

    // Another user name, so the failed login does not lock out the tests' user.
    const wrong = loadConfig({ NEO4J_URI: target.uri, NEO4J_USERNAME: 'nobody', NEO4J_PASSWORD: 'not-the-password' });
    await expect(envWay().start(wrong, () => {})).rejects.toThrow(/wrong username or password/);
  });
});

/**
 * A cache folder of its own for extra instances (so the checks below see only
 * their own instance folders), sharing the jars already resolved for this run.
 */
async function isolatedCache(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'laurel-cache-'));
  await mkdir(join(dir, 'neo4j'));
  await symlink(join(config.cacheDir, 'neo4j', config.neo4j.version), join(dir, 'neo4j', config.neo4j.version));
  return dir;
}

async function refuses(conn: Pick<Neo4jConnection, 'uri' | 'username' | 'password' | 'database'>): Promise<boolean> {
  return queryOnce(conn).then(
    () => false,
    (err: { code?: string }) => err.code === 'ServiceUnavailable',
  );
}

describe.skipIf(target.source !== 'local')('a second local Neo4j', () => {
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await isolatedCache();
  });
  afterAll(async () => {
    await rm(cacheDir, { recursive: true, force: true });
  });
  const localOnly = () => ({ ...config, cacheDir, neo4j: { ...config.neo4j, uri: undefined, noDocker: true } });

  it('runs beside the first on its own ports and password, and stop() removes it', async () => {
    const second = await provisionNeo4j(localOnly(), () => {});
    try {
      expect(second.source).toBe('local');
      expect(second.uri).not.toBe(target.uri);
      expect(second.password).not.toBe(target.password);
      await queryOnce(second);
      await queryOnce(target);
      expect(await readdir(join(cacheDir, 'neo4j', 'instances'))).toHaveLength(1);
    } finally {
      await second.stop();
    }
    expect(await refuses(second)).toBe(true);
    expect(await readdir(join(cacheDir, 'neo4j', 'instances'))).toEqual([]);
    await queryOnce(target);
  }, 240_000);

  it('goes away when the process that started it is killed with SIGKILL', async () => {
    const child = spawn(
      join(process.cwd(), 'node_modules', '.bin', 'vite-node'),
      [join(process.cwd(), 'tests', 'fixtures', 'provision', 'provision-child.ts'), cacheDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`provision-child exited with ${code} before printing a connection`)));
      });
      const conn = JSON.parse(line) as Neo4jConnection;
      expect(conn.source).toBe('local');
      await queryOnce(conn);

      child.kill('SIGKILL');
      const deadline = Date.now() + 10_000;
      while (!(await refuses(conn))) {
        if (Date.now() > deadline) throw new Error(`Neo4j at ${conn.uri} still answers 10 s after its parent was killed`);
        await new Promise((r) => setTimeout(r, 250));
      }
      // The watchdog deletes the folder right after the JVM is gone.
      while ((await readdir(join(cacheDir, 'neo4j', 'instances'))).length) {
        if (Date.now() > deadline) throw new Error('the instance folder is still there 10 s after its parent was killed');
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 240_000);
});
