/**
 * Provides one real Neo4j to the test run, found or started by the same
 * provisioning as `laurel up` (NEO4J_URI, else Docker, else a local server
 * from Maven Central). Tests read it with inject('neo4j'). Progress goes to
 * stderr; when no way works, the run fails with the message naming all three.
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jSource } from '../../src/graph/provision/index.js';
import { freePorts } from '../../src/graph/provision/local/instance.js';

export interface Neo4jTestConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
  source: Neo4jSource;
  browserUrl?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestConnection;
    /** The port Neo4j Browser expects Laurel on (its post-connect style and guide come from there). */
    laurelPort: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const log = (msg: string) => process.stderr.write(`[neo4j] ${msg}\n`);
  const started = Date.now();
  // A Neo4j Laurel starts has its Browser fetch Laurel's style and guide from
  // Laurel's address; the Browser test serves Laurel on this free port.
  const [laurelPort] = (await freePorts(1)) as [number];
  const config = loadConfig();
  const neo4j = await provisionNeo4j({ ...config, server: { host: '127.0.0.1', port: laurelPort } }, log);
  log(`tests use ${neo4j.uri} (${neo4j.source}), ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // What tests need to connect; stop() and the exit watch stay here.
  const { stop, exited: _exited, ...connection } = neo4j;
  project.provide('neo4j', connection);
  project.provide('laurelPort', laurelPort);
  return async () => {
    await stop();
  };
}
