/**
 * Entities in general: lookups by id and by name, lists per type, the
 * articles that mention an entity, and full-text search over names.
 */
import { ENTITY_TYPES, type EntityType } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { normaliseName } from '../../graph/names.js';
import { suffixOf } from '../../graph/writer/identity.js';
import type { Page, Paged } from '../pagination.js';
import {
  articleMap,
  bindByIds,
  entityMap,
  keysByLabel,
  label,
  pageAll,
  pageParams,
  type PageParams,
  toArticle,
  toEntity,
  type ArticleView,
  type EntityView,
  type EvidenceView,
  type RawArticle,
  type RawEntity,
} from './views.js';

export interface MentionView {
  article: ArticleView;
  entity: EntityView;
  evidence: EvidenceView;
  surfaces: string[];
  count: number;
}

export interface RawMention {
  article: RawArticle;
  entity: RawEntity;
  m: { evidence: string; start: number; end: number; surfaces: string[] | null; count: number | null };
}

export function toMention(r: RawMention): MentionView {
  return {
    article: toArticle(r.article),
    entity: toEntity(r.entity),
    evidence: { sentence: r.m.evidence, start: r.m.start, end: r.m.end },
    surfaces: r.m.surfaces ?? [],
    count: r.m.count ?? 1,
  };
}

/** A page of mentionsOf's items, of the entity they mention. */
export function toMentionPage(r: { total: number; entity: RawEntity; items: Omit<RawMention, 'entity'>[] }): Paged<MentionView> {
  return { total: r.total, items: r.items.map((i) => toMention({ ...i, entity: r.entity })) };
}

export interface ScoredEntity {
  entity: EntityView;
  score: number;
}

/** The full-text index over every entity's name and aliases (schema/graph.cypher). */
export const NAME_INDEX = 'entity_names';

/** Lucene's query syntax characters, escaped so user text is only ever searched for, never parsed as operators. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function luceneTerms(text: string): string {
  return text
    .replace(LUCENE_SPECIAL, (c) => `\\${c}`)
    .split(/\s+/)
    .filter(Boolean)
    // AND, OR and NOT are operators only in capitals; the analyzer lower-cases terms anyway.
    .map((t) => (/^(AND|OR|NOT)$/.test(t) ? t.toLowerCase() : t))
    // The cjk analyzer indexes character pairs, so one Han character alone matches no term: look for the pairs it starts.
    .map((t) => (/^\p{Script=Han}$/u.test(t) ? `${t}*` : t))
    .join(' ');
}

export function lucenePhrase(text: string): string {
  return `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * One page of the articles that mention the entity bound to `n`, oldest
 * first (`items`, RawMention without the entity), in a subquery; its total
 * is `mentionCount(n)`, the node's MENTIONS degree (only articles mention).
 * Only the page's articles are read, so an entity in thousands of articles
 * costs one page.
 */
export function mentionsOf(n: string, page: PageParams = pageParams()): string {
  return `CALL (${n}) {
    MATCH (${n})<-[m:MENTIONS]-(a:Article)
    WITH m, a ORDER BY a.date, a.id SKIP toInteger(${page.skip}) LIMIT toInteger(${page.limit})
    RETURN collect({article: ${articleMap('a')}, m: m {.evidence, .start, .end, .surfaces, .count}}) AS items
  }`;
}

export function mentionCount(n: string): string {
  return `COUNT { (${n})<-[:MENTIONS]-() }`;
}

/** The other people of the name of the person bound to `p` (kept apart by the identity rule), by key. */
export function namesakesOf(p: string): string {
  return `COLLECT { MATCH (o:Person {norm: ${p}.norm}) WHERE o <> ${p} RETURN ${entityMap('o')} ORDER BY o.key }`;
}

export class EntityRepository {
  constructor(private readonly graph: Graph) {}

  /** Entities by id (`Type:key`), in the order asked; null where none. One query. */
  async byIds(ids: readonly string[]): Promise<(EntityView | null)[]> {
    const rows = await this.graph.read<{ id: string; e: RawEntity }>(`${bindByIds()} RETURN id, ${entityMap('n')} AS e`, keysByLabel(ids));
    const found = new Map(rows.map((r) => [r.id, toEntity(r.e)]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /**
   * Entities of one of `labels` whose name (normalised) is `name`, else those
   * with it among their aliases; in label order, then namesakes in key order
   * (name, name#2, …).
   */
  async findByName(labels: readonly EntityType[], name: string): Promise<EntityView[]> {
    const norm = normaliseName(name);
    const byName = labels.map((l) => `MATCH (n:${label(l)} {norm: $norm}) RETURN ${entityMap('n')} AS e`).join(' UNION ALL ');
    let found = (await this.graph.read<{ e: RawEntity }>(byName, { norm })).map((r) => toEntity(r.e));
    if (found.length === 0) {
      // Aliases through the full-text index (a phrase query), then compared exactly, as names are.
      const rows = await this.graph.read<{ e: RawEntity }>(
        `CALL db.index.fulltext.queryNodes($index, $phrase, {limit: 200}) YIELD node
         WHERE ${labels.map((l) => `node:${label(l)}`).join(' OR ')}
         RETURN ${entityMap('node')} AS e`,
        { index: NAME_INDEX, phrase: lucenePhrase(name) },
      );
      found = rows.map((r) => toEntity(r.e)).filter((e) => e.aliases.some((a) => normaliseName(a) === norm));
    }
    const order = (t: EntityType) => ENTITY_TYPES.indexOf(t);
    return found.sort((a, b) => order(a.type) - order(b.type) || suffixOf(a.key, normaliseName(a.name)) - suffixOf(b.key, normaliseName(b.name)) || a.key.localeCompare(b.key));
  }

  /** Entities of one type, by name; honours may be filtered by level. */
  async list(type: EntityType, filter: { level?: string | null }, page: Page): Promise<Paged<EntityView>> {
    const [row] = await this.graph.read<{ total: number; items: RawEntity[] }>(
      `MATCH (n:${label(type)}) WHERE $level IS NULL OR n.level = $level
       WITH n ORDER BY n.norm, n.key
       WITH ${entityMap('n')} AS row
       ${pageAll()}`,
      { level: filter.level ?? null, ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map(toEntity) };
  }

  /** For each person key: the other people of the same name (kept apart by the identity rule). */
  async namesakes(keys: readonly string[]): Promise<EntityView[][]> {
    const rows = await this.graph.read<{ key: string; items: RawEntity[] }>(
      `UNWIND $keys AS key
       MATCH (n:Person {key: key})
       RETURN key, ${namesakesOf('n')} AS items`,
      { keys },
    );
    const byKey = new Map(rows.map((r) => [r.key, r.items.map(toEntity)]));
    return keys.map((k) => byKey.get(k) ?? []);
  }

  /** For each entity id: the articles that mention it, oldest first, one page each (mentionsOf). */
  async mentions(ids: readonly string[], page: Page): Promise<Paged<MentionView>[]> {
    const rows = await this.graph.read<{ key: string; total: number; entity: RawEntity; items: Omit<RawMention, 'entity'>[] }>(
      `${bindByIds()}
       ${mentionsOf('n')}
       RETURN id AS key, ${mentionCount('n')} AS total, ${entityMap('n')} AS entity, items`,
      { ...keysByLabel(ids), ...page },
    );
    const byKey = new Map(rows.map((r) => [r.key, toMentionPage(r)]));
    return ids.map((id) => byKey.get(id) ?? { total: 0, items: [] });
  }

  /**
   * Full-text search over names and aliases (the `cjk` analyzer: Chinese as
   * overlapping bigrams). Exact name matches first, then by Lucene's score.
   */
  async search(text: string, types: readonly EntityType[], page: Page): Promise<Paged<ScoredEntity>> {
    const [row] = await this.graph.read<{ total: number; items: { e: RawEntity; score: number }[] }>(
      `CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
       WHERE ${types.map((t) => `node:${label(t)}`).join(' OR ')}
       WITH node, score, CASE WHEN node.norm = $norm THEN 1 ELSE 0 END AS exact
       ORDER BY exact DESC, score DESC, node.norm, node.key
       WITH {e: ${entityMap('node')}, score: score} AS row
       ${pageAll()}`,
      { index: NAME_INDEX, query: luceneTerms(text), norm: normaliseName(text), ...page },
    );
    return { total: row?.total ?? 0, items: (row?.items ?? []).map((r) => ({ entity: toEntity(r.e), score: r.score })) };
  }
}
