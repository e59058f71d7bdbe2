/** Who holds an honour, and who confers it. */
import { BODY_TYPES, type HonourType } from '../../domain/model.js';
import type { Graph, Params } from '../../graph/client.js';
import type { Page, Paged } from '../pagination.js';
import {
  bindByIds,
  entityMap,
  factMap,
  firstOf,
  hasLabel,
  keysByLabel,
  label,
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

export interface HonoureeView {
  person: EntityView;
  honour: EntityView;
  /** Earliest year among the (matching) facts. */
  year: number | null;
  /** The first facts (as many as the request selects), earliest year first. */
  factList: FactView[];
  factCount: number;
}

export interface HolderFilter {
  year?: number | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  level?: string | null;
}

interface RawHonouree {
  person: RawEntity;
  honour: RawEntity;
  year: number | null;
  facts: RawFact[];
  factCount: number;
}

const HONOURS = ['Title', 'Award'] as const;

/** Facts of a pair, earliest year first (unknown last), then by article. */
export function byYearThenArticle(a: FactView, b: FactView): number {
  return (a.year ?? Infinity) - (b.year ?? Infinity) || (a.articleId ?? '\uffff').localeCompare(b.articleId ?? '\uffff');
}

function toHonouree(r: RawHonouree): HonoureeView {
  return { person: toEntity(r.person), honour: toEntity(r.honour), year: r.year ?? null, factList: r.facts.map(toFact), factCount: r.factCount };
}

// Only fixed text; the values are parameters.
const FACT_FITS = `($year IS NULL OR r.year = $year) AND ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)`;
const LEVEL_FITS = `($level IS NULL OR h.level = $level)`;

/**
 * Pages (person, honour) pairs grouped by `key`, then reads the facts of
 * the page's pairs only, as many as the request selects (earliest year
 * first, then by article) and their number: an honour held by thousands
 * costs one page of facts.
 */
function pagePairs(needs: FactNeeds): string {
  return `
  WITH key, p, h, min(r.year) AS year
  ORDER BY p.norm, p.key, h.norm
  WITH key, collect({p: p, h: h, year: year}) AS rows
  WITH key, size(rows) AS total, rows[$skip..($skip + $limit)] AS page
  UNWIND (CASE size(page) WHEN 0 THEN [null] ELSE page END) AS x
  CALL (x) {
    WITH x WHERE x IS NOT NULL
    WITH x.p AS p, x.h AS h
    MATCH (p)-[r:HOLDS_TITLE|RECEIVED]->(h) WHERE ${FACT_FITS}
    WITH r ORDER BY r.year, r.article
    WITH collect(r) AS rs
    RETURN size(rs) AS factCount, [r IN ${firstOf('rs', needs)} | ${factMap('r', needs)}] AS facts
  }
  WITH key, total, x, x.p AS holder, x.h AS held, factCount, facts
  RETURN key, total, collect(CASE WHEN x IS NULL THEN null ELSE {
    person: ${entityMap('holder')}, honour: ${entityMap('held')}, year: x.year, factCount: factCount, facts: facts
  } END) AS items`;
}

export class HonourRepository {
  constructor(private readonly graph: Graph) {}

  /** For each honour id (`Title:key` or `Award:key`): one page of the people holding it, by name. */
  async holders(ids: readonly string[], filter: HolderFilter, page: Page, needs: FactNeeds): Promise<Paged<HonoureeView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawHonouree[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${FACT_FITS} AND ${LEVEL_FITS}
       WITH id AS key, p, h, r
       ${pagePairs(needs)}`,
      { ...keysByLabel(ids, HONOURS), ...this.params(filter), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toHonouree) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  /**
   * The honour of `type` whose normalised name is `norm` and one page of its
   * holders, in one statement (what a lookup by name and `holders` read in
   * two); null when the graph has no honour of that name.
   */
  async holdersOfName(type: HonourType, norm: string, filter: HolderFilter, page: Page, needs: FactNeeds): Promise<Paged<HonoureeView> | null> {
    const [row] = await this.graph.read<{ total: number | null; items: RawHonouree[] | null }>(
      `MATCH (h:${label(type)} {norm: $norm})
       WITH h ORDER BY h.key LIMIT 1
       OPTIONAL CALL (h) {
         MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
         WHERE ${FACT_FITS} AND ${LEVEL_FITS}
         WITH h.key AS key, p, h, r
         ${pagePairs(needs)}
       }
       RETURN total, items`,
      { norm, ...this.params(filter), ...page },
    );
    return row ? { total: row.total ?? 0, items: (row.items ?? []).map(toHonouree) } : null;
  }

  /** One page of (person, honour) pairs over several honours together (an honour at every level: 五一劳动奖章). */
  async holdersOfAll(ids: readonly string[], filter: HolderFilter, page: Page, needs: FactNeeds): Promise<Paged<HonoureeView>> {
    const [row] = await this.graph.read<{ total: number; items: RawHonouree[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${FACT_FITS} AND ${LEVEL_FITS}
       WITH 'all' AS key, p, h, r
       ${pagePairs(needs)}`,
      { ...keysByLabel(ids, HONOURS), ...this.params(filter), ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toHonouree) };
  }

  /** One page of (person, honour) pairs over every title and award matching the filter (level, years). */
  async holdersOfAny(filter: HolderFilter, page: Page, needs: FactNeeds): Promise<Paged<HonoureeView>> {
    const [row] = await this.graph.read<{ total: number; items: RawHonouree[] }>(
      `MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${hasLabel('h', HONOURS)} AND ${FACT_FITS} AND ${LEVEL_FITS}
       WITH 'all' AS key, p, h, r
       ${pagePairs(needs)}`,
      { ...this.params(filter), ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toHonouree) };
  }

  /** For each honour id: one page of the bodies that confer it (CONFERRED_BY), by name, with the facts. */
  async conferrers(ids: readonly string[], page: Page, needs: FactNeeds): Promise<Paged<LinkView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawLink[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)-[r:CONFERRED_BY]->(other)
       WHERE ${hasLabel('other', BODY_TYPES)}
       WITH id AS key, h, other, r
       ${pageLinks('h', '(h)-[r:CONFERRED_BY]->(other)', 'name', needs)}`,
      { ...keysByLabel(ids, HONOURS), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toLink) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  private params(f: HolderFilter): Params {
    return { year: f.year ?? null, yearFrom: f.yearFrom ?? null, yearTo: f.yearTo ?? null, level: f.level ?? null };
  }
}
