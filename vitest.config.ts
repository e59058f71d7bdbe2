import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for type-graphql and Apollo; without
    // this, Vite would hand our own code the .mjs build, and graphql refuses
    // to mix types from two copies ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
    projects: [
      // Pure code: extraction stages, the scorer, schema and naming rules. No database.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          // One real Neo4j serves these files (provisioned in globalSetup); they
          // run one at a time, in one process, so their counts do not mix.
          globalSetup: ['tests/setup/neo4j.global.ts'],
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        extends: true,
        test: {
          // Hostile inputs, requests and Neo4j faults (freeze, kill, signals). The files
          // needing Neo4j start their own, which they may kill; one file at a time.
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
