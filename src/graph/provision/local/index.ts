/**
 * Way 3: Neo4j Community from Maven Central, run with the machine's Java,
 * cached per user and version, one throwaway instance per start.
 */
import type { Config } from '../../../config.js';
import { browserSettings, laurelUrl } from '../browser.js';
import type { Neo4jConnection } from '../connection.js';
import type { ProvisionWay } from '../way.js';
import { cachedDistribution, ensureDistribution, type Distribution } from './distribution.js';
import { startLocalInstance } from './instance.js';
import { checkJava, checkMaven, javaBinary, MIN_JAVA, type Check } from './toolchain.js';

export interface LocalChecks {
  java(javaHome: string | undefined): Promise<Check>;
  maven(): Promise<Check>;
  cached(cacheDir: string, version: string): Promise<Distribution | undefined>;
}

export const machineChecks: LocalChecks = { java: checkJava, maven: checkMaven, cached: cachedDistribution };

/** What the started instance should hold: `importArgs` builds its database with neo4j-admin import first. */
export interface LocalInstanceOptions {
  importArgs?: string[];
  onImported?: (seconds: number) => void;
}

export function localWay(checks: LocalChecks = machineChecks, instance: LocalInstanceOptions = {}): ProvisionWay {
  return {
    source: 'local',
    describe: (config) =>
      `local: Neo4j Community ${config.neo4j.version} from Maven Central, run with this machine's Java (${MIN_JAVA}+) ` +
      `and Maven, cached in ${config.cacheDir}`,
    async unavailable(config) {
      const missing: string[] = [];
      const java = await checks.java(config.neo4j.javaHome);
      if (!java.ok) missing.push(java.reason);
      // Maven is needed only to fill the cache.
      if (!(await checks.cached(config.cacheDir, config.neo4j.version))) {
        const maven = await checks.maven();
        if (!maven.ok) missing.push(maven.reason);
      }
      return missing.length ? missing.join('\n') : undefined;
    },
    async start(config: Config, log): Promise<Neo4jConnection> {
      const dist = await ensureDistribution(config.cacheDir, config.neo4j.version, log);
      return startLocalInstance(
        {
          cacheDir: config.cacheDir,
          dist,
          javaBin: javaBinary(config.neo4j.javaHome),
          heap: config.neo4j.heap,
          pageCache: config.neo4j.pageCache,
          database: config.neo4j.database,
          settings: browserSettings(laurelUrl(config.server.host, config.server.port)),
          ...instance,
        },
        log,
      );
    },
  };
}
