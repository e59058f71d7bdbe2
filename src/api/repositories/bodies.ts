/** Bodies (unions, companies, organisations): whom they honoured, employ, and which honours they confer. */
import { BODY_TYPES, HONOUR_TYPES } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { MAX_FACTS_PER_EDGE } from '../limits.js';
import type { Page, Paged } from '../pagination.js';
import { HonourLink } from '../types/enums.js';
import { byYearThenArticle } from './honours.js';
import {
  bindByIds,
  entityMap,
  factMap,
  hasLabel,
  keysByLabel,
  pageLinks,
  toEntity,
  toFact,
  toLink,
  type EntityView,
  type FactNeeds,
  type FactView,
  type LinkView,
  type RawEntity,
  type RawFact,
  type RawLink,
} from './views.js';

export interface HonouredPersonView {
  person: EntityView;
  body: EntityView;
  via: HonourLink;
  /** For HONOUR links: the honour the person holds and the body confers. */
  honour: EntityView | null;
  year: number | null;
  /** The person's facts: HONOURED_BY for DIRECT, HOLDS_TITLE/RECEIVED for HONOUR. */
  factList: FactView[];
  factCount: number;
  /** For HONOUR links: the CONFERRED_BY facts (text or lexicon). */
  conferredBy: FactView[];
}

interface RawHonoured {
  person: RawEntity;
  body: RawEntity;
  via: HonourLink;
  honour: RawEntity | null;
  year: number | null;
  facts: RawFact[];
  conferredBy: RawFact[];
}

function toHonoured(r: RawHonoured): HonouredPersonView {
  const facts = r.facts.map(toFact).sort(byYearThenArticle);
  return {
    person: toEntity(r.person),
    body: toEntity(r.body),
    via: r.via,
    honour: r.honour ? toEntity(r.honour) : null,
    year: r.year ?? null,
    factList: facts.slice(0, MAX_FACTS_PER_EDGE),
    factCount: facts.length,
    conferredBy: r.conferredBy.map(toFact).sort(byYearThenArticle),
  };
}

export class BodyRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * For each body id: one page of the people it honoured, directly
   * (HONOURED_BY) first, then through an honour it confers (HOLDS_TITLE or
   * RECEIVED, then CONFERRED_BY); by name. One edge per person and link; the
   * facts of only the page's edges are read.
   */
  async honoured(ids: readonly string[], page: Page): Promise<Paged<HonouredPersonView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawHonoured[] }>(
      `${bindByIds(BODY_TYPES, 'b')}
       CALL (b) {
         MATCH (p:Person)-[r:HONOURED_BY]->(b)
         RETURN p, null AS h, min(r.year) AS year, $direct AS via
         UNION ALL
         MATCH (p:Person)-[r:HOLDS_TITLE|RECEIVED]->(h)-[:CONFERRED_BY]->(b)
         RETURN p, h, min(r.year) AS year, $honour AS via
       }
       WITH id AS key, b, p, h, year, via ORDER BY via, p.norm, p.key, h.norm
       WITH key, b, collect({p: p, h: h, year: year, via: via}) AS rows
       WITH key, b, size(rows) AS total, rows[$skip..($skip + $limit)] AS page
       UNWIND (CASE size(page) WHEN 0 THEN [null] ELSE page END) AS x
       WITH key, b, total, x, x.p AS p, x.h AS h
       RETURN key, total, collect(CASE WHEN x IS NULL THEN null ELSE {
         person: ${entityMap('p')}, body: ${entityMap('b')}, via: x.via, year: x.year,
         honour: CASE WHEN h IS NULL THEN null ELSE ${entityMap('h')} END,
         facts: CASE WHEN h IS NULL THEN [(p)-[r:HONOURED_BY]->(b) | ${factMap('r')}]
                     ELSE [(p)-[r:HOLDS_TITLE|RECEIVED]->(h) | ${factMap('r')}] END,
         conferredBy: CASE WHEN h IS NULL THEN [] ELSE [(h)-[c:CONFERRED_BY]->(b) | ${factMap('c')}] END
       } END) AS items`,
      { ...keysByLabel(ids, BODY_TYPES), direct: HonourLink.DIRECT, honour: HonourLink.HONOUR, ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toHonoured) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  /** For each body id: one page of the people who work for it (WORKS_FOR), by name, with positions and facts. */
  async employees(ids: readonly string[], page: Page, needs: FactNeeds): Promise<Paged<LinkView>[]> {
    return this.links(ids, page, needs, `(b)<-[r:WORKS_FOR]-(other)`, `other:Person`);
  }

  /** For each body id: one page of the titles and awards it confers (CONFERRED_BY), by name. */
  async confers(ids: readonly string[], page: Page, needs: FactNeeds): Promise<Paged<LinkView>[]> {
    return this.links(ids, page, needs, `(b)<-[r:CONFERRED_BY]-(other)`, hasLabel('other', HONOUR_TYPES));
  }

  /** Pages the links `rel` (a fixed pattern from `b` to `other`, fact `r`) of each body, by name. */
  private async links(ids: readonly string[], page: Page, needs: FactNeeds, rel: string, otherFits: string): Promise<Paged<LinkView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawLink[] }>(
      `${bindByIds(BODY_TYPES, 'b')}
       MATCH ${rel}
       WHERE ${otherFits}
       WITH id AS key, b, other, r
       ${pageLinks('b', rel, 'name', needs)}`,
      { ...keysByLabel(ids, BODY_TYPES), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toLink) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }
}
