import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build for type-graphql and Apollo; without
    // this, Vite would hand our own code the .mjs build, and graphql refuses
    // to mix types from two copies ("from another module or realm").
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // One real Neo4j serves the whole run (provisioned in globalSetup). Test
    // files that write to it run one at a time so their counts do not mix.
    globalSetup: ['tests/setup/neo4j.global.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
