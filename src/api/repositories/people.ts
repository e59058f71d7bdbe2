/**
 * People: filtered lists, and what the graph says about a person (honours,
 * employers, bodies that honoured them), batched over person keys.
 */
import { BODY_TYPES, type RelationType } from '../../domain/model.js';
import { MAX_FACTS_PER_EDGE } from '../limits.js';
import type { Graph, Params } from '../../graph/client.js';
import type { Page, Paged } from '../pagination.js';
import { mentionCount, mentionsOf, namesakesOf, toMentionPage, type MentionView, type RawMention } from './entities.js';
import {
  entityMap,
  factMap,
  pageAll,
  pageParams,
  pageValues,
  toEntity,
  toLink,
  type EntityView,
  type FactNeeds,
  type FactParts,
  type LinkView,
  type RawEntity,
  type RawLink,
} from './views.js';

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

/** A person's lists that are links of one type: what they point to, and whether the earliest year orders them (else the name). */
const PERSON_LINKS = {
  HOLDS_TITLE: { target: ['Title'], byYear: true },
  RECEIVED: { target: ['Award'], byYear: true },
  WORKS_FOR: { target: BODY_TYPES, byYear: false },
  HONOURED_BY: { target: BODY_TYPES, byYear: true },
} as const satisfies Partial<Record<RelationType, { target: readonly string[]; byYear: boolean }>>;

export type PersonLinkType = keyof typeof PERSON_LINKS;

/** A page of one of a person's lists, and what of its facts to read. */
export interface LinkList {
  type: PersonLinkType;
  page: Page;
  needs: FactNeeds;
}

/** One entry of `$lists` (linkPages). */
function listParam(l: LinkList): Params {
  const { target, byYear } = PERSON_LINKS[l.type];
  return { type: l.type, targets: target, byYear, skip: l.page.skip, limit: l.page.limit, facts: l.needs.count };
}

/** The parts of facts any of the lists reads (a list that asks for less gets them too, and does not look). */
function partsOf(lists: readonly LinkList[]): FactParts {
  const read = lists.filter((l) => l.needs.count > 0);
  return { evidence: read.some((l) => l.needs.evidence), evidences: read.some((l) => l.needs.evidences), ends: read.some((l) => l.needs.ends) };
}

/**
 * For the person bound to `p`: one page per entry `l` of `$lists`
 * (listParam) of the entities the person is linked to by `l.type`, one link
 * per entity, ordered by earliest year then name, or by name; then of the
 * page's links only, their earliest year, positions, number of facts and
 * the first `l.facts` facts (earliest year first, then by article) with
 * `parts`. So a person linked to thousands costs one page, and a pair that
 * thousands of articles state one pass over its facts. Returns `lists`,
 * [{total, items: RawLink[]}] in the order of `$lists`. One text for every
 * choice of lists, pages and fact counts (the parameters), so Neo4j plans
 * it once for each of the few choices of parts.
 */
const linkPages = (parts: FactParts) => `
  CALL (p) {
    UNWIND $lists AS l
    CALL (p, l) {
      OPTIONAL MATCH (p)-[r]->(o) WHERE type(r) = l.type AND any(t IN labels(o) WHERE t IN l.targets)
      WITH l, o, min(r.year) AS year ORDER BY CASE WHEN l.byYear THEN year END, o.norm, o.key
      WITH l, collect(CASE WHEN o IS NOT NULL THEN {o: o, year: year} END) AS links
      WITH l, size(links) AS total, links[l.skip..(l.skip + l.limit)] AS page
      UNWIND (CASE size(page) WHEN 0 THEN [null] ELSE page END) AS x
      CALL (p, l, x) {
        WITH p, l, x.o AS o WHERE o IS NOT NULL
        MATCH (p)-[r]->(o) WHERE type(r) = l.type
        WITH r ORDER BY r.year, r.article
        RETURN count(r) AS factCount, collect(DISTINCT r.position) AS positions, collect(r)[0..${MAX_FACTS_PER_EDGE}] AS rs
      }
      WITH l, total, x, x.o AS o, factCount, positions, rs
      RETURN total, collect(CASE WHEN x IS NULL THEN null ELSE {
        node: ${entityMap('o')}, year: x.year, positions: positions, factCount: factCount,
        listed: reduce(listed = [], r IN rs | CASE WHEN r.position IS NULL OR r.position IN listed THEN listed ELSE listed + r.position END),
        facts: [r IN rs[0..l.facts] | ${factMap('r', parts)}]
      } END) AS items
    }
    RETURN collect({total: total, items: items}) AS lists
  }`;

type RawPage = { total: number; items: RawLink[] };
const toLinkPage = (l: RawPage): Paged<LinkView> => ({ total: l.total, items: l.items.map(toLink) });

/** Namesakes in the order a name finds them: the first known (key = name), then name#2, name#3, …. */
const NAMESAKE_ORDER = `CASE WHEN p.key = p.norm THEN 1 ELSE coalesce(toInteger(substring(p.key, size(p.norm) + 1)), 9007199254740991) END, p.key`;

/** What a `person` query selects below the person, read with it in one statement (`profile`). */
export interface PersonPlan {
  links: LinkList[];
  mentions: Page[];
  namesakes: boolean;
}

export interface PersonProfile {
  person: EntityView;
  /** In the plan's order. */
  links: Paged<LinkView>[];
  mentions: Paged<MentionView>[];
  namesakes: EntityView[];
}

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
   * one link per entity with its facts (one per supporting article; as
   * many as `needs` says): honours earliest year first, then by name;
   * bodies by name.
   */
  async links(type: PersonLinkType, keys: readonly string[], page: Page, needs: FactNeeds): Promise<Paged<LinkView>[]> {
    const rows = await this.graph.read<{ key: string; list: RawPage }>(
      `UNWIND $keys AS key
       MATCH (p:Person {key: key})
       ${linkPages(needs)}
       RETURN key, lists[0] AS list`,
      { keys, lists: [listParam({ type, page, needs })] },
    );
    const byKey = new Map(rows.map((r) => [r.key, toLinkPage(r.list)]));
    return keys.map((k) => byKey.get(k) ?? { total: 0, items: [] });
  }

  /**
   * A person (by key, or the first of a name's namesakes) and, in the same
   * statement, every list `plan` names: what `links`, `EntityRepository.mentions`
   * and `namesakes` would read for them. One round trip for a whole
   * `person` query. Null when there is no such person.
   */
  async profile(ref: { key: string } | { norm: string }, plan: PersonPlan): Promise<PersonProfile | null> {
    const params: Params = { ...ref, lists: plan.links.map(listParam) };
    const mentions = plan.mentions.map((page, i) => {
      Object.assign(params, pageValues(page, `m${i}_`));
      return `CALL (p) { ${mentionsOf('p', pageParams(`m${i}_`))} RETURN {total: ${mentionCount('p')}, items: items} AS m${i} }`;
    });
    const columns = [`${entityMap('p')} AS person`, 'lists', ...plan.mentions.map((_, i) => `m${i}`), ...(plan.namesakes ? [`${namesakesOf('p')} AS namesakes`] : [])];
    type MentionPage = { total: number; items: Omit<RawMention, 'entity'>[] };
    const [row] = await this.graph.read<{ person: RawEntity; lists: RawPage[]; namesakes?: RawEntity[] } & Record<string, unknown>>(
      `${'key' in ref ? 'MATCH (p:Person {key: $key})' : 'MATCH (p:Person {norm: $norm})'}
       WITH p ORDER BY ${NAMESAKE_ORDER} LIMIT 1
       ${linkPages(partsOf(plan.links))}
       ${mentions.join('\n')}
       RETURN ${columns.join(', ')}`,
      params,
    );
    if (!row) return null;
    return {
      person: toEntity(row.person),
      links: row.lists.map(toLinkPage),
      mentions: plan.mentions.map((_, i) => toMentionPage({ ...(row[`m${i}`] as MentionPage), entity: row.person })),
      namesakes: (row.namesakes ?? []).map(toEntity),
    };
  }
}
