/**
 * The peer of the API benchmark: the Neo4j GraphQL Library (@neo4j/graphql)
 * with type definitions for Laurel's labels (neo4j-graphql-types.ts), served
 * by Apollo Server's standalone HTTP server, as its documentation sets it up.
 * Each request is translated into one Cypher statement by the library.
 *
 * Run as a child process: `tsx bench/api/peers/neo4j-graphql.ts` with NEO4J_URI,
 * NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE; prints `listening <url>`.
 */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { TYPE_DEFS } from './neo4j-graphql-types.js';

const env = process.env;
const driver = neo4j.driver(env.NEO4J_URI!, neo4j.auth.basic(env.NEO4J_USERNAME ?? 'neo4j', env.NEO4J_PASSWORD!), { maxConnectionPoolSize: 100 });
const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
const server = new ApolloServer({ schema });
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: 0 },
  context: async () => ({ sessionConfig: { database: env.NEO4J_DATABASE ?? 'neo4j' } }),
});
process.stdout.write(`listening ${url}\n`);
process.on('SIGTERM', () => {
  void server.stop().then(() => driver.close()).then(() => process.exit(0));
});
