/** Articles: metadata, text (loaded only when asked for), the entities they mention and the facts they support. */
import { ENTITY_TYPES, RELATION_TYPE_NAMES } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import type { Page, Paged } from '../pagination.js';
import { toMention, type MentionView, type RawMention } from './entities.js';
import { articleMap, entityMap, factMap, hasLabel, pageAll, pagePerKey, relType, toArticle, toFact, type ArticleView, type FactView, type RawArticle, type RawFact } from './views.js';

export interface ArticleFilter {
  newspaper?: string | null;
  /** ISO dates (YYYY, YYYY-MM or YYYY-MM-DD), compared as text: 2025-05 covers 2025-05-01. */
  dateFrom?: string | null;
  dateTo?: string | null;
}

export class ArticleRepository {
  constructor(private readonly graph: Graph) {}

  async byIds(ids: readonly string[]): Promise<(ArticleView | null)[]> {
    const rows = await this.graph.read<{ a: RawArticle }>(`UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN ${articleMap('a')} AS a`, { ids });
    const byId = new Map(rows.map((r) => [r.a.id, toArticle(r.a)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.graph.read<{ id: string; text: string | null }>(`UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.text AS text`, { ids });
    const byId = new Map(rows.map((r) => [r.id, r.text]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** Articles, newest first (undated last), then by id. */
  async list(filter: ArticleFilter, page: Page): Promise<Paged<ArticleView>> {
    const [row] = await this.graph.read<{ total: number; items: RawArticle[] }>(
      `MATCH (a:Article)
       WHERE ($newspaper IS NULL OR a.newspaper = $newspaper)
         AND ($dateFrom IS NULL OR a.date >= $dateFrom)
         AND ($dateTo IS NULL OR a.date <= $dateTo OR a.date STARTS WITH $dateTo)
       WITH a ORDER BY a.date IS NULL, a.date DESC, a.id
       WITH ${articleMap('a')} AS row
       ${pageAll()}`,
      { newspaper: filter.newspaper ?? null, dateFrom: filter.dateFrom ?? null, dateTo: filter.dateTo ?? null, ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toArticle) };
  }

  /** For each article id: one page of the entities it mentions, in order of first mention. */
  async mentions(ids: readonly string[], page: Page): Promise<Paged<MentionView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; items: RawMention[] }>(
      `UNWIND $ids AS key
       MATCH (a:Article {id: key})-[m:MENTIONS]->(n)
       WHERE ${hasLabel('n', ENTITY_TYPES)}
       WITH key, a, m, n ORDER BY m.start, n.norm
       WITH key, {article: ${articleMap('a')}, entity: ${entityMap('n')}, m: m {.evidence, .start, .end, .surfaces, .count}} AS row
       ${pagePerKey()}`,
      { ids, ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toMention) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  /**
   * For each article id: one page of the facts it supports: the facts its
   * text states (in text order), then the lexicon facts its extraction
   * asserted. Found through the per-type indexes on `article` and on `fact`
   * (the keys the article lists in `lexiconFacts`).
   */
  async facts(ids: readonly string[], page: Page): Promise<Paged<FactView>[]> {
    const text = RELATION_TYPE_NAMES.map((t) => `MATCH ()-[r:${relType(t)}]->() WHERE r.article = key RETURN r, 0 AS lexicon`);
    const lexicon = RELATION_TYPE_NAMES.map(
      (t) => `MATCH (a:Article {id: key}) UNWIND coalesce(a.lexiconFacts, []) AS k MATCH ()-[r:${relType(t)} {fact: k}]->() RETURN r, 1 AS lexicon`,
    );
    const rows = await this.graph.read<{ key: string; total: number; items: RawFact[] }>(
      `UNWIND $ids AS key
       CALL (key) { ${[...text, ...lexicon].join(' UNION ALL ')} }
       WITH key, r ORDER BY lexicon, r.start, type(r), startNode(r).norm, endNode(r).norm
       WITH key, ${factMap('r')} AS row
       ${pagePerKey()}`,
      { ids, ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, { total: r.total, items: r.items.map(toFact) }]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }
}
