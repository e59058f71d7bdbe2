/**
 * What repositories return: plain objects shaped like the GraphQL types, and
 * the Cypher projections that produce them. Shared by every repository so
 * that an entity, an article or a fact reads the same everywhere.
 */
import type { EntityType, RelationType } from '../../domain/model.js';
import type { Provenance } from '../types/enums.js';

export interface EntityView {
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
  source: string | null;
}

export interface EvidenceView {
  sentence: string;
  start: number;
  end: number;
}

export interface FactView {
  type: RelationType;
  year: number | null;
  position: string | null;
  evidence: EvidenceView | null;
  article: ArticleView | null;
  provenance: Provenance;
}

/** Cypher map projection of an entity node bound to `v`. */
export function entityMap(v: string): string {
  return `${v} {.key, .name, .aliases, .level, type: head(labels(${v}))}`;
}

/** Cypher map projection of an article node bound to `v` (without its text, which is loaded on demand). */
export function articleMap(v: string): string {
  return `${v} {.id, .title, .date, .newspaper, .page, .source}`;
}

/** Cypher map projection of a fact relationship bound to `r`, with its supporting article. */
export function factMap(r: string): string {
  return `${r} {.year, .position, .evidence, .start, .end, .provenance, type: type(${r}),
    article: head(COLLECT { MATCH (src:Article {id: ${r}.article}) RETURN ${articleMap('src')} })}`;
}

interface RawEntity {
  key: string;
  name: string;
  aliases: string[] | null;
  level: string | null;
  type: EntityType;
}

export function toEntity(raw: RawEntity): EntityView {
  return { id: `${raw.type}:${raw.key}`, type: raw.type, key: raw.key, name: raw.name, aliases: raw.aliases ?? [], level: raw.level ?? null };
}

interface RawFact {
  type: RelationType;
  year: number | null;
  position: string | null;
  evidence: string | null;
  start: number | null;
  end: number | null;
  provenance: Provenance;
  article: ArticleView | null;
}

export function toFact(raw: RawFact): FactView {
  return {
    type: raw.type,
    year: raw.year ?? null,
    position: raw.position ?? null,
    evidence: raw.evidence != null ? { sentence: raw.evidence, start: raw.start ?? 0, end: raw.end ?? 0 } : null,
    article: raw.article ?? null,
    provenance: raw.provenance,
  };
}

/** Groups rows by a key, keeping the order of `keys` (what DataLoader expects). */
export function groupBy<K, R, V>(keys: readonly K[], rows: R[], keyOf: (r: R) => K, value: (r: R) => V): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(value(r));
  return keys.map((k) => map.get(k) ?? []);
}
