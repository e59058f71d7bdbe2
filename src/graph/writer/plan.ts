/**
 * Turns one ArticleExtraction into the rows the writer sends to Neo4j. Pure:
 * no database, so it is easy to test. People are left unresolved (label and
 * normalised name); identity.ts gives them keys once the graph is consulted.
 */
import { RELATION_TYPES, type EntityType, type Provenance, type RelationType } from '../../domain/model.js';
import type { ArticleExtraction, Evidence, ExtractedEntity, ExtractedRelation } from '../../extract/contract.js';
import { normaliseName } from '../names.js';

export interface EntityRef {
  label: EntityType;
  norm: string;
}

export interface PlannedEntity extends EntityRef {
  name: string;
  aliases: string[];
  level: string | null;
  /** The MENTIONS relationship from the article; absent when the entity has no mention. */
  mention: MentionProps | null;
}

/**
 * `evidence`, `start` and `end` mean the same on every relationship: the
 * sentence and its offsets in the article text (end exclusive).
 */
export interface MentionProps {
  evidence: string;
  start: number;
  end: number;
  surfaces: string[];
  count: number;
}

/**
 * `evidence`, `start` and `end` are the most explicit sentence stating the
 * fact; `evidences`, `evidenceStarts` and `evidenceEnds` list every sentence
 * of the article that states it, the most explicit first (parallel lists:
 * Neo4j properties cannot hold maps). All null for lexicon facts.
 */
export interface FactProps {
  year: number | null;
  position: string | null;
  evidence: string | null;
  start: number | null;
  end: number | null;
  evidences: string[] | null;
  evidenceStarts: number[] | null;
  evidenceEnds: number[] | null;
}

/** How the bulk import declares a stored property (neo4j-admin import's CSV header types). */
export type PropertyType = 'string' | 'int' | 'string[]' | 'int[]' | 'boolean';

// The types of what the writer stores, for the bulk import's CSV headers.
// Typed so that a property added to an interface above cannot be left out.
export const MENTION_PROPERTY_TYPES = { evidence: 'string', start: 'int', end: 'int', surfaces: 'string[]', count: 'int' } as const satisfies Record<keyof MentionProps, PropertyType>;
export const FACT_PROPERTY_TYPES = {
  year: 'int',
  position: 'string',
  evidence: 'string',
  start: 'int',
  end: 'int',
  evidences: 'string[]',
  evidenceStarts: 'int[]',
  evidenceEnds: 'int[]',
} as const satisfies Record<keyof FactProps, PropertyType>;

export interface PlannedFact {
  type: RelationType;
  from: EntityRef;
  to: EntityRef;
  provenance: Provenance;
  /** The supporting article; null for lexicon facts, which no article supports. */
  article: string | null;
  props: FactProps;
}

export interface ArticleProps {
  /** What Neo4j Browser captions the article with: its title, else its id. */
  name: string;
  title: string | null;
  date: string | null;
  newspaper: string | null;
  page: string | null;
  place: string | null;
  source: string | null;
  text: string;
}

export const ARTICLE_PROPERTY_TYPES = {
  title: 'string',
  name: 'string',
  date: 'string',
  newspaper: 'string',
  page: 'string',
  place: 'string',
  source: 'string',
  text: 'string',
} as const satisfies Record<keyof ArticleProps, PropertyType>;

export interface ArticlePlan {
  id: string;
  props: ArticleProps;
  entities: PlannedEntity[];
  facts: PlannedFact[];
  /** Relations that could not be placed, with the reason, for the load report. */
  skipped: string[];
}

export function refId(ref: EntityRef): string {
  return `${ref.label}:${ref.norm}`;
}

/**
 * The key of a lexicon fact (its `fact` property, and what an article lists
 * in `lexiconFacts`): the type, then its ends by label and key, as the API
 * names a network edge, for example
 * `CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会`. It starts with `TYPE:`.
 */
export function lexiconFactKey(type: RelationType, fromLabel: EntityType, fromKey: string, toLabel: EntityType, toKey: string): string {
  return `${type}:${fromLabel}:${fromKey}->${toLabel}:${toKey}`;
}

export function planArticle(x: ArticleExtraction): ArticlePlan {
  const { article } = x;
  const entities = new Map<string, PlannedEntity>();
  for (const e of x.entities) {
    const norm = normaliseName(e.name);
    if (!norm) continue;
    const ref = { label: e.type, norm };
    const existing = entities.get(refId(ref));
    if (existing) mergeEntity(existing, e);
    else entities.set(refId(ref), planEntity(ref, e));
  }
  const names = nameIndex(x.entities);
  const facts = new Map<string, PlannedFact>();
  const skipped: string[] = [];
  // An end the article does not list as an entity can still be placed when the
  // relation gives its type (the lexicon names bodies an article never
  // mentions): it becomes an entity of the article without a MENTIONS.
  const unlisted = (name: string, type: EntityType | undefined, accepted: readonly EntityType[]): EntityRef | undefined => {
    const norm = normaliseName(name);
    if (!type || type === 'Person' || !accepted.includes(type) || !norm) return undefined;
    const ref = { label: type, norm };
    if (!entities.has(refId(ref))) entities.set(refId(ref), { ...ref, name, aliases: [], level: null, mention: null });
    return ref;
  };
  for (const r of [...x.relations, ...x.inferred]) {
    const spec = RELATION_TYPES[r.type];
    const from = endpoint(names, r.from, spec.from) ?? unlisted(r.from, r.fromType, spec.from);
    const to = endpoint(names, r.to, spec.to) ?? unlisted(r.to, r.toType, spec.to);
    if (!from || !to) {
      const which = !from ? `from "${r.from}"` : `to "${r.to}"`;
      skipped.push(`${r.type} ${r.from} → ${r.to}: ${which} is neither an entity of this article nor given a type ${r.type} accepts`);
      continue;
    }
    const fact = planFact(r, from, to, article.id);
    const key = `${fact.type}|${refId(from)}|${refId(to)}|${fact.article ?? ''}`;
    const existing = facts.get(key);
    if (existing) fillMissing(existing.props, fact.props);
    else facts.set(key, fact);
  }
  const m = article.meta;
  return {
    id: article.id,
    props: {
      name: m.title ?? article.id,
      title: m.title ?? null,
      date: m.date ?? null,
      newspaper: m.newspaper ?? null,
      page: m.page ?? null,
      place: m.place ?? null,
      source: m.source ?? null,
      text: article.text,
    },
    entities: [...entities.values()],
    facts: [...facts.values()],
    skipped,
  };
}

function planEntity(ref: EntityRef, e: ExtractedEntity): PlannedEntity {
  const planned: PlannedEntity = { ...ref, name: e.name, aliases: [], level: e.level ?? null, mention: null };
  mergeEntity(planned, e);
  return planned;
}

/** Folds a (duplicate) entity of the same label and name into the planned one. */
function mergeEntity(into: PlannedEntity, e: ExtractedEntity): void {
  for (const a of [e.name, ...e.aliases]) if (a !== into.name && !into.aliases.includes(a)) into.aliases.push(a);
  into.level ??= e.level ?? null;
  const first = e.mentions[0];
  if (!first) return;
  if (!into.mention) {
    into.mention = { evidence: first.evidence.sentence, start: first.evidence.start, end: first.evidence.end, surfaces: [], count: 0 };
  }
  for (const m of e.mentions) {
    if (!into.mention.surfaces.includes(m.surface)) into.mention.surfaces.push(m.surface);
    into.mention.count++;
  }
}

/** Normalised name or alias → the entities of the article that carry it (canonical names first). */
function nameIndex(entities: ExtractedEntity[]): Map<string, EntityRef[]> {
  const index = new Map<string, EntityRef[]>();
  const add = (name: string, ref: EntityRef) => {
    const k = normaliseName(name);
    const list = index.get(k) ?? [];
    if (!list.some((r) => r.label === ref.label && r.norm === ref.norm)) list.push(ref);
    index.set(k, list);
  };
  for (const e of entities) add(e.name, { label: e.type, norm: normaliseName(e.name) });
  for (const e of entities) for (const a of e.aliases) add(a, { label: e.type, norm: normaliseName(e.name) });
  return index;
}

function endpoint(names: Map<string, EntityRef[]>, name: string, types: readonly EntityType[]): EntityRef | undefined {
  return names.get(normaliseName(name))?.find((r) => types.includes(r.label));
}

function planFact(r: ExtractedRelation, from: EntityRef, to: EntityRef, articleId: string): PlannedFact {
  const text = r.provenance === 'text';
  return {
    type: r.type,
    from,
    to,
    provenance: r.provenance,
    article: text ? articleId : null,
    props: { year: r.year ?? null, position: r.position ?? null, ...evidenceProps(evidencesOf(r)) },
  };
}

/** Every sentence stating the relation, the most explicit first (the contract: absent `evidences` means `[evidence]`). */
function evidencesOf(r: ExtractedRelation): Evidence[] {
  const list = r.evidences?.length ? r.evidences : r.evidence ? [r.evidence] : [];
  // The contract names `evidence` the first; should the two disagree, it leads.
  return r.evidence && !list.some((e) => sameSpan(e, r.evidence!)) ? [r.evidence, ...list] : list;
}

function sameSpan(a: Evidence, b: Evidence): boolean {
  return a.start === b.start && a.end === b.end;
}

function evidenceProps(list: Evidence[]): Pick<FactProps, 'evidence' | 'start' | 'end' | 'evidences' | 'evidenceStarts' | 'evidenceEnds'> {
  const first = list[0];
  return {
    evidence: first?.sentence ?? null,
    start: first?.start ?? null,
    end: first?.end ?? null,
    evidences: list.length ? list.map((e) => e.sentence) : null,
    evidenceStarts: list.length ? list.map((e) => e.start) : null,
    evidenceEnds: list.length ? list.map((e) => e.end) : null,
  };
}

function evidenceList(p: FactProps): Evidence[] {
  return (p.evidences ?? []).map((sentence, i) => ({ sentence, start: p.evidenceStarts![i]!, end: p.evidenceEnds![i]! }));
}

/**
 * Folds a relation the article states again into the fact already planned:
 * the first relation's year and position stand, and its evidence stays in
 * front; sentences only the later one gives are added after it.
 */
function fillMissing(into: FactProps, from: FactProps): void {
  into.year ??= from.year;
  into.position ??= from.position;
  const list = evidenceList(into);
  for (const e of evidenceList(from)) if (!list.some((x) => sameSpan(x, e))) list.push(e);
  Object.assign(into, evidenceProps(list));
}
