/**
 * neo4j.conf for one locally started instance: loopback only, its own ports
 * and folders, modest memory, no outbound usage reports, and whatever else
 * the caller adds (Neo4j Browser's settings for Laurel).
 */
import { join } from 'node:path';

export interface InstanceSettings {
  /** The instance's home: conf/, data/, logs/, plugins/, run/ live under it. */
  home: string;
  boltPort: number;
  httpPort: number;
  /** JVM heap such as 512m or 1g. */
  heap: string;
  /** Name of the default database (Community has one user database). */
  database: string;
  pageCache?: string;
  /** More settings (Neo4j Browser's, see ../browser.ts). */
  extra?: Record<string, string>;
}

export const LOOPBACK = '127.0.0.1';

export function renderNeo4jConf(s: InstanceSettings): string {
  const settings: Array<[string, string]> = [
    ['server.default_listen_address', LOOPBACK],
    ['server.default_advertised_address', LOOPBACK],
    ['server.bolt.enabled', 'true'],
    ['server.bolt.listen_address', `${LOOPBACK}:${s.boltPort}`],
    ['server.bolt.advertised_address', `${LOOPBACK}:${s.boltPort}`],
    ['server.http.enabled', 'true'],
    ['server.http.listen_address', `${LOOPBACK}:${s.httpPort}`],
    ['server.http.advertised_address', `${LOOPBACK}:${s.httpPort}`],
    ['server.https.enabled', 'false'],
    ['server.directories.data', join(s.home, 'data')],
    ['server.directories.logs', join(s.home, 'logs')],
    ['server.directories.plugins', join(s.home, 'plugins')],
    ['server.directories.run', join(s.home, 'run')],
    ['server.directories.import', join(s.home, 'import')],
    ['dbms.security.auth_enabled', 'true'],
    ['initial.dbms.default_database', s.database],
    ['server.memory.heap.initial_size', s.heap],
    ['server.memory.heap.max_size', s.heap],
    ['server.memory.pagecache.size', s.pageCache ?? '256m'],
    // The machine may have no route out; and a throwaway server has nothing to report.
    ['dbms.usage_report.enabled', 'false'],
    ...Object.entries(s.extra ?? {}),
  ];
  return `# Written by Laurel for one local instance; removed with it.\n${settings.map(([k, v]) => `${k}=${v}`).join('\n')}\n`;
}

/**
 * JVM flags the neo4j launch script would pass (the subset that matters on
 * Java 17/21); we start the JVM ourselves, so we pass them.
 */
export function jvmArgs(heap: string): string[] {
  return [
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
}
