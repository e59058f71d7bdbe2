/** The schema in schema/*.cypher, applied to the real Neo4j. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LABEL, ENTITY_TYPES } from '../../src/domain/model.js';
import { Graph, applySchema, readSchemaStatements } from '../../src/graph/index.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';

let graph: Graph;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
});
afterAll(async () => graph?.close());

interface Constraint {
  type: string;
  labelsOrTypes: string[];
  properties: string[];
}
interface Index {
  name: string;
  type: string;
  state: string;
  labelsOrTypes: string[];
  properties: string[];
  options: { indexConfig: Record<string, unknown> };
}

describe('graph schema', () => {
  it('makes every entity key and every article id unique', async () => {
    const constraints = await graph.read<Constraint>('SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties');
    const unique = constraints.filter((c) => c.type === 'UNIQUENESS').map((c) => `${c.labelsOrTypes.join()}.${c.properties.join()}`);
    for (const label of ENTITY_TYPES) expect(unique).toContain(`${label}.key`);
    expect(unique).toContain(`${ARTICLE_LABEL}.id`);
  });

  it('refuses a second node with the same key', async () => {
    await graph.autoCommit(`CREATE (:Award {key: 'dup-award-key'})`);
    await expect(graph.autoCommit(`CREATE (:Award {key: 'dup-award-key'})`)).rejects.toThrow(/already exists/);
    await graph.autoCommit(`MATCH (a:Award {key: 'dup-award-key'}) DELETE a`);
  });

  it('has an online cjk full-text index over names and aliases of every entity label', async () => {
    const indexes = await graph.read<Index>('SHOW FULLTEXT INDEXES YIELD name, type, state, labelsOrTypes, properties, options');
    const names = indexes.find((i) => i.name === 'entity_names');
    expect(names, 'full-text index entity_names').toBeDefined();
    expect(names!.state).toBe('ONLINE');
    expect([...names!.labelsOrTypes].sort()).toEqual([...ENTITY_TYPES].sort());
    expect(names!.properties).toEqual(['name', 'aliasText']);
    expect(names!.options.indexConfig['fulltext.analyzer']).toBe('cjk');
  });

  it('can be applied again without changing anything', async () => {
    const before = await graph.read('SHOW INDEXES YIELD name RETURN name ORDER BY name');
    const { statements } = await applySchema(graph);
    expect(statements).toBe((await readSchemaStatements()).length);
    expect(await graph.read('SHOW INDEXES YIELD name RETURN name ORDER BY name')).toEqual(before);
  });
});
