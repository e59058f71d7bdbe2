/** Provisioning of a real Neo4j for `laurel up`, `laurel load`/`serve` and the tests. */
export type { Neo4jConnection, Neo4jSource } from './connection.js';
export { provisionNeo4j, defaultWays, NoNeo4jError } from './provision.js';
export { Neo4jConfigError } from './env.js';
export type { ProvisionWay } from './way.js';
