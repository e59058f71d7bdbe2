/**
 * What repositories return: plain objects shaped like the GraphQL types, and
 * the Cypher fragments that produce them. Shared by every repository so that
 * an entity, an article or a fact reads the same everywhere.
 *
 * Labels and relationship types are spliced into Cypher only from the domain
 * model (checked by `label()` / `relType()`); every value is a parameter.
 */
import { ENTITY_TYPES, RELATION_TYPE_NAMES, isEntityType, isRelationType, type EntityType, type RelationType } from '../../domain/model.js';
import type { Params } from '../../graph/client.js';
import { MAX_FACTS_PER_EDGE } from '../limits.js';
import type { Provenance } from '../types/enums.js';

export interface EntityView {
  /** `Type:key`. */
  id: string;
  type: EntityType;
  key: string;
  name: string;
  aliases: string[];
  level: string | null;
}

export interface ArticleView {
  id: string;
  title: string | null;
  date: string | null;
  newspaper: string | null;
  page: string | null;
  place: string | null;
  source: string | null;
}

export interface EvidenceView {
  sentence: string;
  start: number;
  end: number;
}

/** One relationship of the graph: a fact, with its properties. */
export interface FactView {
  type: RelationType;
  fromId: string;
  toId: string;
  year: number | null;
  position: string | null;
  /** The most explicit sentence stating the fact (the first of `evidences`); null for lexicon facts (and when not read). */
  evidence: EvidenceView | null;
  /** Every sentence of the article that states the fact, the most explicit first; empty for lexicon facts. */
  evidences: EvidenceView[];
  /** The supporting article; null for lexicon facts. */
  articleId: string | null;
  provenance: Provenance;
  /** How many articles assert a lexicon fact; 1 for a text fact. */
  support: number;
}

/** A pair of entities and every fact linking them one way (one per supporting article). */
export interface LinkView {
  node: EntityView;
  /** Earliest year any of the facts gives. */
  year: number | null;
  /** Distinct positions the facts give (WORKS_FOR). */
  positions: string[];
  /** The first facts (as many as the request selects, at most MAX_FACTS_PER_EDGE), earliest year first. */
  factList: FactView[];
  factCount: number;
}

/**
 * What of a link's facts a request selects (src/api/selection.ts): how many
 * to list, earliest first (0 when `facts` is not selected), and which of
 * their heavier parts: the most explicit sentence (`evidence`), every
 * sentence (`evidences`), the ids of their ends (`from`, `to`). Years,
 * positions and counts are read whatever it says.
 */
export interface FactNeeds {
  count: number;
  evidence: boolean;
  evidences: boolean;
  ends: boolean;
}

/** A stable string for FactNeeds, to key per-request loaders. */
export function needsKey(needs: FactNeeds): string {
  return `${needs.count}${needs.evidence ? '+evidence' : ''}${needs.evidences ? '+evidences' : ''}${needs.ends ? '+ends' : ''}`;
}

/** Which parts of a fact factMap reads (what is not read is not in the statement at all). */
export type FactParts = Pick<FactNeeds, 'evidence' | 'evidences' | 'ends'>;

export const EVERY_PART: FactParts = { evidence: true, evidences: true, ends: true };

/** `rs[0..count]` in Cypher for a checked count. */
export function firstOf(list: string, needs: FactNeeds): string {
  const n = Math.trunc(needs.count);
  if (!(n >= 0)) throw new Error(`not a fact count: ${needs.count}`);
  return `${list}[0..${n}]`;
}

/** Every fact type: what paths, networks and an article's facts run over. */
export const FACT_TYPES: readonly RelationType[] = RELATION_TYPE_NAMES;

export function label(l: string): EntityType {
  if (!isEntityType(l)) throw new Error(`not an entity label: ${l}`);
  return l;
}

export function relType(t: string): RelationType {
  if (!isRelationType(t)) throw new Error(`not a relation type: ${t}`);
  return t;
}

/** `n:A OR n:B …` for a WHERE clause. */
export function hasLabel(v: string, labels: readonly EntityType[]): string {
  return `(${labels.map((l) => `${v}:${label(l)}`).join(' OR ')})`;
}

/** `A|B|…` for a relationship pattern. */
export function typeAlternatives(types: readonly RelationType[]): string {
  return types.map(relType).join('|');
}

/** Cypher map projection of an entity node bound to `v`. */
export function entityMap(v: string): string {
  return `${v} {.key, .name, .aliases, .level, type: head(labels(${v}))}`;
}

/** Cypher map projection of an article node bound to `v` (without its text, which is loaded on demand). */
export function articleMap(v: string): string {
  return `${v} {.id, .title, .date, .newspaper, .page, .place, .source}`;
}

/** Cypher map projection of a fact relationship bound to `r`, with the parts `parts` says (FactNeeds are FactParts). */
export function factMap(r: string, parts: FactParts = EVERY_PART): string {
  const part = (read: boolean, fields: Record<string, string>) => (read ? Object.entries(fields).map(([k, v]) => `${k}: ${v}`) : []);
  const end = (node: string) => `head(labels(${node}(${r}))) + ':' + ${node}(${r}).key`;
  const fields = [
    '.year',
    '.position',
    '.provenance',
    '.article',
    `type: type(${r})`,
    `support: CASE WHEN ${r}.provenance = 'lexicon' THEN coalesce(${r}.support, 0) ELSE 1 END`,
    ...part(parts.evidence, { evidence: `${r}.evidence`, start: `${r}.start`, end: `${r}.end` }),
    ...part(parts.evidences, { evidences: `${r}.evidences`, evidenceStarts: `${r}.evidenceStarts`, evidenceEnds: `${r}.evidenceEnds` }),
    ...part(parts.ends, { from: end('startNode'), to: end('endNode') }),
  ];
  return `${r} {${fields.join(', ')}}`;
}

export interface RawEntity {
  key: string;
  name: string;
  aliases: string[] | null;
  level: string | null;
  type: EntityType;
}

export function toEntity(raw: RawEntity): EntityView {
  return { id: `${raw.type}:${raw.key}`, type: raw.type, key: raw.key, name: raw.name, aliases: raw.aliases ?? [], level: raw.level ?? null };
}

export interface RawArticle {
  id: string;
  title?: string | null;
  date?: string | null;
  newspaper?: string | null;
  page?: string | null;
  place?: string | null;
  source?: string | null;
}

export function toArticle(raw: RawArticle): ArticleView {
  return {
    id: raw.id,
    title: raw.title ?? null,
    date: raw.date ?? null,
    newspaper: raw.newspaper ?? null,
    page: raw.page ?? null,
    place: raw.place ?? null,
    source: raw.source ?? null,
  };
}

export interface RawFact {
  type: RelationType;
  /** Absent when not asked for (FactParts.ends). */
  from?: string | null;
  to?: string | null;
  year: number | null;
  position: string | null;
  evidence: string | null;
  start: number | null;
  end: number | null;
  /** Absent on facts written before the writer kept every sentence: then `evidence` is the only one. */
  evidences?: string[] | null;
  evidenceStarts?: number[] | null;
  evidenceEnds?: number[] | null;
  provenance: Provenance;
  article: string | null;
  support: number;
}

export function toFact(raw: RawFact): FactView {
  const evidence = raw.evidence != null ? { sentence: raw.evidence, start: raw.start ?? 0, end: raw.end ?? 0 } : null;
  const evidences = raw.evidences?.length
    ? raw.evidences.map((sentence, i) => ({ sentence, start: raw.evidenceStarts?.[i] ?? 0, end: raw.evidenceEnds?.[i] ?? 0 }))
    : evidence
      ? [evidence]
      : [];
  return {
    type: raw.type,
    fromId: raw.from ?? '',
    toId: raw.to ?? '',
    year: raw.year ?? null,
    position: raw.position ?? null,
    evidence,
    evidences,
    articleId: raw.article ?? null,
    provenance: raw.provenance,
    support: raw.support ?? 1,
  };
}

/**
 * The parameters holding a page's bounds in a statement: `$skip` and
 * `$limit`, or prefixed ones (`$titles_skip`) where one statement reads
 * several pages (a root field and the lists below it, lookahead.ts).
 */
export interface PageParams {
  skip: string;
  limit: string;
}

export function pageParams(prefix = ''): PageParams {
  if (!/^\w*$/.test(prefix)) throw new Error(`not a parameter prefix: ${prefix}`);
  return { skip: `$${prefix}skip`, limit: `$${prefix}limit` };
}

/** A page as the parameters `pageParams(prefix)` names. */
export function pageValues(page: { skip: number; limit: number }, prefix = ''): Params {
  return { [`${prefix}skip`]: page.skip, [`${prefix}limit`]: page.limit };
}

/**
 * Cypher that pages links: rows of (`key`, `anchor`, `other`, `r`), where `r`
 * is one fact between the anchor and `other` as `rel` matches it, become one
 * link per (key, other), ordered by `order` (other's name, or earliest year
 * then name) and paged per key (`$skip`, `$limit`); only the page's links
 * are then read: their earliest year, positions, number of facts and the
 * first facts the request selects (earliest year first, then by article).
 * So a node linked to thousands costs one page, and a pair that thousands
 * of articles state costs one pass over its facts without building them
 * all. Returns `key, total, items` (RawLink).
 */
export function pageLinks(anchor: string, rel: string, order: 'name' | 'year', needs: FactNeeds, page: PageParams = pageParams()): string {
  const byYear = order === 'year';
  return `WITH ${byYear ? '' : 'DISTINCT '}key, ${anchor}, other${byYear ? ', min(r.year) AS year' : ''}
    ORDER BY ${byYear ? 'year, ' : ''}other.norm, other.key
    WITH key, ${anchor}, collect(other) AS rows
    WITH key, ${anchor}, size(rows) AS total, rows[${page.skip}..(${page.skip} + ${page.limit})] AS page
    UNWIND (CASE size(page) WHEN 0 THEN [null] ELSE page END) AS other
    CALL (${anchor}, other) {
      WITH ${anchor}, other WHERE other IS NOT NULL
      MATCH ${rel}
      WITH r ORDER BY r.year, r.article
      RETURN count(r) AS factCount, min(r.year) AS year, collect(DISTINCT r.position) AS positions,
             collect(r)[0..${MAX_FACTS_PER_EDGE}] AS rs
    }
    RETURN key, total, collect(CASE WHEN other IS NULL THEN null ELSE {
      node: ${entityMap('other')}, year: year, positions: positions, factCount: factCount,
      listed: reduce(listed = [], r IN rs | CASE WHEN r.position IS NULL OR r.position IN listed THEN listed ELSE listed + r.position END),
      facts: [r IN ${firstOf('rs', needs)} | ${factMap('r', needs)}]
    } END) AS items`;
}

export interface RawLink {
  node: RawEntity;
  year: number | null;
  positions: string[];
  /** The distinct positions of the first MAX_FACTS_PER_EDGE facts, in their order. */
  listed: string[];
  facts: RawFact[];
  factCount: number;
}

export function toLink(raw: RawLink): LinkView {
  return {
    node: toEntity(raw.node),
    year: raw.year ?? null,
    // Positions in the order of the facts that give them; any only later facts give, by name.
    positions: [...new Set([...raw.listed, ...[...raw.positions].sort()])],
    factList: raw.facts.map(toFact),
    factCount: raw.factCount,
  };
}

/** Pages rows already in order, per `key`: returns `key, total, items`. */
export function pagePerKey(row = 'row', key = 'key'): string {
  return `WITH ${key}, collect(${row}) AS rows
    RETURN ${key} AS key, size(rows) AS total, rows[$skip..($skip + $limit)] AS items`;
}

/** Pages rows already in order: returns `total, items`. */
export function pageAll(row = 'row'): string {
  return `WITH collect(${row}) AS rows
    RETURN size(rows) AS total, rows[$skip..($skip + $limit)] AS items`;
}

/**
 * Binds entity nodes by id (`Type:key`) as `n`, with `id`, for the labels
 * given: one index seek per key, UNION ALL over labels. Pass
 * `keysByLabel(ids)` as parameters.
 */
export function bindByIds(labels: readonly EntityType[] = ENTITY_TYPES, n = 'n'): string {
  const parts = labels.map((l) => `UNWIND $keys_${label(l)} AS key MATCH (${n}:${l} {key: key}) RETURN ${n}, '${l}:' + key AS id`);
  return `CALL () { ${parts.join(' UNION ALL ')} }`;
}

export function keysByLabel(ids: readonly string[], labels: readonly EntityType[] = ENTITY_TYPES): Params {
  const params: Params = Object.fromEntries(labels.map((l) => [`keys_${l}`, [] as string[]]));
  for (const id of ids) {
    const { type, key } = splitId(id);
    if (type && labels.includes(type)) (params[`keys_${type}`] as string[]).push(key);
  }
  return params;
}

/** `Type:key` → its parts; `type` is undefined when the prefix is not an entity type. */
export function splitId(id: string): { type: EntityType | undefined; key: string } {
  const i = id.indexOf(':');
  const type = i > 0 ? id.slice(0, i) : '';
  return isEntityType(type) ? { type, key: id.slice(i + 1) } : { type: undefined, key: id };
}
