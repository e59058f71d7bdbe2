/**
 * Way 2: a neo4j:5.26-community container through testcontainers, when a
 * Docker (or compatible) engine answers. testcontainers is loaded only when
 * this way is tried: it is heavy, and most runs here never need it.
 */
import { randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { browserSettingsEnv, laurelUrl } from './browser.js';
import { waitForBolt, type Neo4jConnection } from './connection.js';
import { within, type ProvisionWay } from './way.js';

/** Undefined when a container engine answers, else why not. */
export type DockerProbe = () => Promise<string | undefined>;

const PROBE_TIMEOUT_MS = 5_000;

export const probeDocker: DockerProbe = () =>
  within(
    (async () => {
      try {
        const { getContainerRuntimeClient } = await import('testcontainers');
        // Resolves only once an engine has answered a ping and an info request.
        await getContainerRuntimeClient();
        return undefined;
      } catch (err) {
        return `no Docker engine answered (${(err as Error).message})`;
      }
    })(),
    PROBE_TIMEOUT_MS,
    () => `no Docker engine answered within ${PROBE_TIMEOUT_MS / 1000} s`,
  );

export function dockerWay(probe: DockerProbe = probeDocker): ProvisionWay {
  return {
    source: 'docker',
    describe: (config) => `Docker: a ${config.neo4j.image} container started with testcontainers`,
    unavailable: async (config) => (config.neo4j.noDocker ? 'skipped because LAUREL_NO_DOCKER is set' : probe()),
    async start(config: Config, log): Promise<Neo4jConnection> {
      const { Neo4jContainer } = await import('@testcontainers/neo4j');
      const password = randomBytes(16).toString('hex');
      log(`starting a ${config.neo4j.image} container (the first pull takes a while)`);
      const started = Date.now();
      const container = await new Neo4jContainer(config.neo4j.image)
        .withPassword(password)
        .withEnvironment({
          NEO4J_initial_dbms_default__database: config.neo4j.database,
          NEO4J_server_memory_heap_max__size: config.neo4j.heap,
          NEO4J_server_memory_pagecache_size: config.neo4j.pageCache,
          NEO4J_dbms_usage__report_enabled: 'false',
          // Browser is opened from the host, where Laurel listens.
          ...browserSettingsEnv(laurelUrl(config.server.host, config.server.port)),
        })
        .start();
      const conn: Neo4jConnection = {
        uri: container.getBoltUri(),
        username: container.getUsername(),
        password,
        database: config.neo4j.database,
        browserUrl: `${container.getHttpUri()}/browser/`,
        source: 'docker',
        stop: async () => {
          await container.stop();
        },
      };
      try {
        await waitForBolt(conn, { timeoutMs: 60_000 });
      } catch (err) {
        await container.stop().catch(() => {});
        throw err;
      }
      log(`Neo4j container ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return conn;
    },
  };
}
