/**
 * What an export is made of: nodes and edges as plain records, the same for
 * every format (GraphML, CSV, node-link JSON). Ids are the API's
 * (`Type:key`, `Article:id`), so an export and a GraphQL answer name the
 * same things alike. Lists (aliases, evidence sentences) stay lists here;
 * each format writes them as it can.
 */
import type { RelationType } from '../../domain/model.js';

export const ARTICLE_NODE = 'Article';

export interface ExportNode {
  id: string;
  /** The Neo4j label: an entity type, or Article. */
  label: string;
  /** The entity's key, or the article's id. */
  key: string;
  /** The entity's name; an article's title (its id when it has none). */
  name: string;
  aliases: string[];
  level: string | null;
  /** Articles only. */
  title: string | null;
  date: string | null;
  newspaper: string | null;
  page: string | null;
  place: string | null;
  source: string | null;
}

export interface ExportEdge {
  source: string;
  target: string;
  /** A fact type, or MENTIONS (an article naming an entity). */
  type: RelationType | 'MENTIONS';
  year: number | null;
  position: string | null;
  /** text or lexicon; null for MENTIONS. */
  provenance: string | null;
  /** The supporting article of a text fact. */
  article: string | null;
  /** The most explicit sentence (a fact), or the first sentence naming the entity (MENTIONS). */
  evidence: string | null;
  evidenceStart: number | null;
  evidenceEnd: number | null;
  /** Every sentence of the article stating the fact, the most explicit first. */
  evidences: string[];
  /** Articles asserting a lexicon fact; 1 for a text fact. */
  support: number | null;
  /** MENTIONS: how often, and as what, the article names the entity. */
  count: number | null;
  surfaces: string[];
}

/** Cypher projection of a node bound to `n` whose label is `label` (spliced from the model), giving an ExportNode. */
export function nodeProjection(n: string, label: string): string {
  if (label === ARTICLE_NODE) {
    return `{id: 'Article:' + ${n}.id, label: 'Article', key: ${n}.id, name: coalesce(${n}.title, ${n}.id), aliases: [], level: null,
      title: ${n}.title, date: ${n}.date, newspaper: ${n}.newspaper, page: ${n}.page, place: ${n}.place, source: ${n}.source}`;
  }
  return `{id: '${label}:' + ${n}.key, label: '${label}', key: ${n}.key, name: ${n}.name, aliases: coalesce(${n}.aliases, []), level: ${n}.level,
    title: null, date: null, newspaper: null, page: null, place: null, source: null}`;
}

/** A node of any label bound to `n`, giving an ExportNode. */
export function anyNodeProjection(n: string): string {
  return `CASE WHEN ${n}:Article THEN ${nodeProjection(n, ARTICLE_NODE)}
    ELSE {id: head(labels(${n})) + ':' + ${n}.key, label: head(labels(${n})), key: ${n}.key, name: ${n}.name, aliases: coalesce(${n}.aliases, []), level: ${n}.level,
      title: null, date: null, newspaper: null, page: null, place: null, source: null} END`;
}

/** The export id of a node bound to `n`. */
export function nodeId(n: string): string {
  return `CASE WHEN ${n}:Article THEN 'Article:' + ${n}.id ELSE head(labels(${n})) + ':' + ${n}.key END`;
}

/** Cypher projection of a relationship `r` from `s` to `t`, giving an ExportEdge. */
export function edgeProjection(s: string, r: string, t: string): string {
  return `{source: ${nodeId(s)}, target: ${nodeId(t)}, type: type(${r}), year: ${r}.year, position: ${r}.position,
    provenance: ${r}.provenance, article: ${r}.article, evidence: ${r}.evidence, evidenceStart: ${r}.start, evidenceEnd: ${r}.end,
    evidences: coalesce(${r}.evidences, CASE WHEN ${r}.evidence IS NULL OR type(${r}) = 'MENTIONS' THEN [] ELSE [${r}.evidence] END),
    support: CASE type(${r}) WHEN 'MENTIONS' THEN null ELSE CASE ${r}.provenance WHEN 'lexicon' THEN ${r}.support ELSE 1 END END,
    count: ${r}.count, surfaces: coalesce(${r}.surfaces, [])}`;
}
