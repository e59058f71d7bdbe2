/**
 * People: filtered lists, and what the graph says about a person (honours,
 * employers, bodies that honoured them), batched over person keys.
 */
import { BODY_TYPES, type RelationType } from '../../domain/model.js';
import type { Graph, Params } from '../../graph/client.js';
import { MAX_FACTS_PER_EDGE } from '../limits.js';
import type { Page, Paged } from '../pagination.js';
import { entityMap, hasLabel, pageAll, pageLinks, toEntity, toLink, type EntityView, type LinkView, type RawEntity, type RawLink } from './views.js';

/** people(filter): entity names already resolved to keys by the resolver. */
export interface PeopleQuery {
  titleKey?: string;
  awardKey?: string;
  unionKey?: string;
  companyKey?: string;
  organizationKey?: string;
  year?: number;
  yearFrom?: number;
  yearTo?: number;
  level?: string;
}

const PERSON_LINKS = {
  HOLDS_TITLE: { target: ['Title'] },
  RECEIVED: { target: ['Award'] },
  WORKS_FOR: { target: BODY_TYPES },
  HONOURED_BY: { target: BODY_TYPES },
} as const satisfies Partial<Record<RelationType, { target: readonly string[] }>>;

export type PersonLinkType = keyof typeof PERSON_LINKS;

export class PeopleRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * People matching every condition given, by name. Honour conditions
   * (title, award; year, yearFrom, yearTo, level) concern HOLDS_TITLE and
   * RECEIVED facts: with a title or an award, that honour's facts must match
   * the year and level; with neither, some title or award the person holds
   * must. Bodies (union, company, organization) are employers (WORKS_FOR).
   */
  async find(q: PeopleQuery, page: Page): Promise<Paged<EntityView>> {
    const conditions: string[] = [];
    const params: Params = { ...page, year: q.year ?? null, yearFrom: q.yearFrom ?? null, yearTo: q.yearTo ?? null, level: q.level ?? null };
    // Only fixed fragments are put together here; names and years are parameters.
    const factFits = `($year IS NULL OR r.year = $year) AND ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)`;
    const honourFits = `($level IS NULL OR h.level = $level)`;
    const honourFilter = q.year !== undefined || q.yearFrom !== undefined || q.yearTo !== undefined || q.level !== undefined;
    if (q.titleKey !== undefined) {
      conditions.push(`EXISTS { MATCH (p)-[r:HOLDS_TITLE]->(h:Title {key: $titleKey}) WHERE ${factFits} AND ${honourFits} }`);
      params.titleKey = q.titleKey;
    }
    if (q.awardKey !== undefined) {
      conditions.push(`EXISTS { MATCH (p)-[r:RECEIVED]->(h:Award {key: $awardKey}) WHERE ${factFits} AND ${honourFits} }`);
      params.awardKey = q.awardKey;
    }
    if (q.titleKey === undefined && q.awardKey === undefined && honourFilter) {
      conditions.push(`EXISTS { MATCH (p)-[r:HOLDS_TITLE|RECEIVED]->(h) WHERE ${factFits} AND ${honourFits} }`);
    }
    for (const [body, key] of [
      ['Union', q.unionKey],
      ['Company', q.companyKey],
      ['Organization', q.organizationKey],
    ] as const) {
      if (key === undefined) continue;
      conditions.push(`EXISTS { MATCH (p)-[:WORKS_FOR]->(:${body} {key: $${body}Key}) }`);
      params[`${body}Key`] = key;
    }
    // Start from the most selective anchor the filter names, so the index on the honour or body is used.
    const anchor =
      q.titleKey !== undefined
        ? `MATCH (:Title {key: $titleKey})<-[:HOLDS_TITLE]-(p:Person)`
        : q.awardKey !== undefined
          ? `MATCH (:Award {key: $awardKey})<-[:RECEIVED]-(p:Person)`
          : q.unionKey !== undefined
            ? `MATCH (:Union {key: $UnionKey})<-[:WORKS_FOR]-(p:Person)`
            : q.companyKey !== undefined
              ? `MATCH (:Company {key: $CompanyKey})<-[:WORKS_FOR]-(p:Person)`
              : q.organizationKey !== undefined
                ? `MATCH (:Organization {key: $OrganizationKey})<-[:WORKS_FOR]-(p:Person)`
                : `MATCH (p:Person)`;
    const [row] = await this.graph.read<{ total: number; items: RawEntity[] }>(
      `${anchor}
       WITH DISTINCT p
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       WITH p ORDER BY p.norm, p.key
       WITH ${entityMap('p')} AS row
       ${pageAll()}`,
      params,
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toEntity) };
  }

  /**
   * For each person key, one page of what the person is linked to by `type`,
   * one link per entity with every fact (one per supporting article):
   * honours earliest year first, then by name; bodies by name.
   */
  async links(type: PersonLinkType, keys: readonly string[], page: Page): Promise<Paged<LinkView>[]> {
    const targets = PERSON_LINKS[type].target;
    const rel = `(p)-[r:${type}]->(other)`;
    const rows = await this.graph.read<{ key: string; total: number; items: RawLink[] }>(
      `UNWIND $keys AS key
       MATCH (p:Person {key: key})
       MATCH ${rel}
       WHERE ${hasLabel('other', targets)}
       ${pageLinks('p', rel, type === 'WORKS_FOR' ? 'name' : 'year', MAX_FACTS_PER_EDGE)}`,
      { keys, ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toLink) }]));
    return keys.map((k) => byKey.get(k) ?? { total: 0, items: [] });
  }
}
