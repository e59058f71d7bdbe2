/**
 * Provides one real Neo4j to the test run, found or started by the same
 * provisioning as `laurel up`. Tests read it with inject('neo4j').
 */
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';

export interface Neo4jTestConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jTestConnection;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Placeholder until provisioning lands: only an explicitly configured Neo4j.
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new Error('tests need a Neo4j: set NEO4J_URI, NEO4J_USERNAME and NEO4J_PASSWORD');
  project.provide('neo4j', {
    uri,
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
  return async () => {};
}
