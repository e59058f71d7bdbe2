/** What the graph says about people: their honours and employers. Batched by person key. */
import { BODY_TYPES } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { entityMap, factMap, groupBy, toEntity, toFact, type EntityView, type FactView } from './views.js';

export interface HonourFactView extends FactView {
  person: EntityView;
  honour: EntityView;
}

export interface EmploymentFactView extends FactView {
  person: EntityView;
  employer: EntityView;
}

type RawRow = { key: string; person: Parameters<typeof toEntity>[0]; other: Parameters<typeof toEntity>[0]; fact: Parameters<typeof toFact>[0] };

export class PeopleRepository {
  constructor(private readonly graph: Graph) {}

  /** For each person key: the titles it holds (HOLDS_TITLE) or the awards it received (RECEIVED). */
  async honours(kind: 'HOLDS_TITLE' | 'RECEIVED', keys: readonly string[]): Promise<HonourFactView[][]> {
    const target = kind === 'HOLDS_TITLE' ? 'Title' : 'Award';
    const rows = await this.graph.read<RawRow>(
      `UNWIND $keys AS key
       MATCH (p:Person {key: key})-[r:${kind}]->(h:${target})
       RETURN key, ${entityMap('p')} AS person, ${entityMap('h')} AS other, ${factMap('r')} AS fact
       ORDER BY r.year, h.name, r.article`,
      { keys },
    );
    return groupBy(keys, rows, (r) => r.key, (r) => ({ ...toFact(r.fact), person: toEntity(r.person), honour: toEntity(r.other) }));
  }

  /** For each person key: its employers and offices (WORKS_FOR). */
  async employers(keys: readonly string[]): Promise<EmploymentFactView[][]> {
    const rows = await this.graph.read<RawRow>(
      `UNWIND $keys AS key
       MATCH (p:Person {key: key})-[r:WORKS_FOR]->(b)
       WHERE ${BODY_TYPES.map((l) => `b:${l}`).join(' OR ')}
       RETURN key, ${entityMap('p')} AS person, ${entityMap('b')} AS other, ${factMap('r')} AS fact
       ORDER BY b.name, r.article`,
      { keys },
    );
    return groupBy(keys, rows, (r) => r.key, (r) => ({ ...toFact(r.fact), person: toEntity(r.person), employer: toEntity(r.other) }));
  }
}
