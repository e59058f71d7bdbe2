/** Who holds an honour. */
import type { Graph } from '../../graph/client.js';
import type { HonourFactView } from './people.js';
import { entityMap, factMap, toEntity, toFact, type EntityView } from './views.js';

export interface HonoureeView {
  person: EntityView;
  honour: EntityView;
  year: number | null;
  facts: HonourFactView[];
}

export class HonourRepository {
  constructor(private readonly graph: Graph) {}

  /** People holding the title or award with this key, by name, each with the facts (one per article) that say so. */
  async holders(kind: 'Title' | 'Award', key: string): Promise<HonoureeView[]> {
    const rel = kind === 'Title' ? 'HOLDS_TITLE' : 'RECEIVED';
    const rows = await this.graph.read<{ person: Parameters<typeof toEntity>[0]; honour: Parameters<typeof toEntity>[0]; facts: Parameters<typeof toFact>[0][] }>(
      `MATCH (h:${kind} {key: $key})<-[r:${rel}]-(p:Person)
       WITH h, p, r ORDER BY r.year, r.article
       WITH h, p, collect(${factMap('r')}) AS facts
       RETURN ${entityMap('p')} AS person, ${entityMap('h')} AS honour, facts
       ORDER BY p.name, p.key`,
      { key },
    );
    return rows.map((r) => {
      const person = toEntity(r.person);
      const honour = toEntity(r.honour);
      const facts = r.facts.map((f) => ({ ...toFact(f), person, honour }));
      const years = facts.map((f) => f.year).filter((y): y is number => y !== null);
      return { person, honour, year: years.length ? Math.min(...years) : null, facts };
    });
  }
}
