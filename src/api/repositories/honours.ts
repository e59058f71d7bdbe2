/** Who holds an honour, and who confers it. */
import { BODY_TYPES } from '../../domain/model.js';
import type { Graph, Params } from '../../graph/client.js';
import { MAX_FACTS_PER_EDGE } from '../limits.js';
import type { Page, Paged } from '../pagination.js';
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
  /** The first facts (at most MAX_FACTS_PER_EDGE), earliest year first. */
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
}

const HONOURS = ['Title', 'Award'] as const;

/** Facts of a pair, earliest year first (unknown last), then by article. */
export function byYearThenArticle(a: FactView, b: FactView): number {
  return (a.year ?? Infinity) - (b.year ?? Infinity) || (a.articleId ?? '\uffff').localeCompare(b.articleId ?? '\uffff');
}

function toHonouree(r: RawHonouree): HonoureeView {
  const facts = r.facts.map(toFact).sort(byYearThenArticle);
  return { person: toEntity(r.person), honour: toEntity(r.honour), year: r.year ?? null, factList: facts.slice(0, MAX_FACTS_PER_EDGE), factCount: facts.length };
}

// Only fixed text; the values are parameters.
const FACT_FITS = `($year IS NULL OR r.year = $year) AND ($yearFrom IS NULL OR r.year >= $yearFrom) AND ($yearTo IS NULL OR r.year <= $yearTo)`;
const LEVEL_FITS = `($level IS NULL OR h.level = $level)`;

/**
 * Pages (person, honour) pairs grouped by `key`, then reads the facts of
 * the page's pairs only: an honour held by thousands costs one page of facts.
 */
const PAGE_PAIRS = `
  WITH key, p, h, min(r.year) AS year
  ORDER BY p.norm, p.key, h.norm
  WITH key, collect({p: p, h: h, year: year}) AS rows
  WITH key, size(rows) AS total, rows[$skip..($skip + $limit)] AS page
  UNWIND (CASE size(page) WHEN 0 THEN [null] ELSE page END) AS x
  WITH key, total, x, x.p AS p, x.h AS h
  RETURN key, total, collect(CASE WHEN x IS NULL THEN null ELSE {
    person: ${entityMap('p')}, honour: ${entityMap('h')}, year: x.year,
    facts: [(p)-[r:HOLDS_TITLE|RECEIVED]->(h) WHERE ${FACT_FITS} | ${factMap('r')}]
  } END) AS items`;

export class HonourRepository {
  constructor(private readonly graph: Graph) {}

  /** For each honour id (`Title:key` or `Award:key`): one page of the people holding it, by name. */
  async holders(ids: readonly string[], filter: HolderFilter, page: Page): Promise<Paged<HonoureeView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawHonouree[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${FACT_FITS} AND ${LEVEL_FITS}
       WITH id AS key, p, h, r
       ${PAGE_PAIRS}`,
      { ...keysByLabel(ids, HONOURS), ...this.params(filter), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toHonouree) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  /** One page of (person, honour) pairs over several honours together (an honour at every level: 五一劳动奖章). */
  async holdersOfAll(ids: readonly string[], filter: HolderFilter, page: Page): Promise<Paged<HonoureeView>> {
    const [row] = await this.graph.read<{ total: number; items: RawHonouree[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${FACT_FITS} AND ${LEVEL_FITS}
       WITH 'all' AS key, p, h, r
       ${PAGE_PAIRS}`,
      { ...keysByLabel(ids, HONOURS), ...this.params(filter), ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toHonouree) };
  }

  /** One page of (person, honour) pairs over every title and award matching the filter (level, years). */
  async holdersOfAny(filter: HolderFilter, page: Page): Promise<Paged<HonoureeView>> {
    const [row] = await this.graph.read<{ total: number; items: RawHonouree[] }>(
      `MATCH (h)<-[r:HOLDS_TITLE|RECEIVED]-(p:Person)
       WHERE ${hasLabel('h', HONOURS)} AND ${FACT_FITS} AND ${LEVEL_FITS}
       WITH 'all' AS key, p, h, r
       ${PAGE_PAIRS}`,
      { ...this.params(filter), ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toHonouree) };
  }

  /** For each honour id: one page of the bodies that confer it (CONFERRED_BY), by name, with the facts. */
  async conferrers(ids: readonly string[], page: Page): Promise<Paged<LinkView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawLink[] }>(
      `${bindByIds(HONOURS, 'h')}
       MATCH (h)-[r:CONFERRED_BY]->(other)
       WHERE ${hasLabel('other', BODY_TYPES)}
       WITH id AS key, h, other, r
       ${pageLinks('h', '(h)-[r:CONFERRED_BY]->(other)', 'name', MAX_FACTS_PER_EDGE)}`,
      { ...keysByLabel(ids, HONOURS), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toLink) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  private params(f: HolderFilter): Params {
    return { year: f.year ?? null, yearFrom: f.yearFrom ?? null, yearTo: f.yearTo ?? null, level: f.level ?? null };
  }
}
