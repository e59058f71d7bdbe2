/**
 * What extraction hands to the rest of Laurel. `laurel extract` prints one
 * line per article (toExtractionLine): the SPEC section 1 view of it (see
 * toSpecJson) with everything else the graph writer needs riding along as
 * extra fields, so `laurel load` can read the lines back (fromExtractionLine)
 * and write the graph loading the texts would. Nothing here knows about
 * jieba or Neo4j.
 */
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPE_NAMES, type EntityType, type Provenance, type RelationType } from '../domain/model.js';

/**
 * A sentence of the article, as written (traditional characters stay
 * traditional) but without the layout's line breaks or a caption that
 * interrupted it, and where it lies in the original text.
 */
export interface Evidence {
  sentence: string;
  /** Offsets into the article's original (decoded) text, end exclusive: the sentence's first and last characters. */
  start: number;
  end: number;
}

export interface Mention {
  /** The surface form as written in the original text (without line breaks). */
  surface: string;
  start: number;
  end: number;
  evidence: Evidence;
}

export interface ExtractedEntity {
  type: EntityType;
  /** Canonical name (SPEC section 3). */
  name: string;
  /** Other surface forms used for the same entity in this document. */
  aliases: string[];
  /** Level of an honour (national, provincial, …) when the lexicon knows it. */
  level?: string;
  mentions: Mention[];
}

export interface ExtractedRelation {
  type: RelationType;
  /** Canonical names of entities of the same document (or, for lexicon facts, of the bodies named by the lexicon). */
  from: string;
  to: string;
  /** Types of the two ends; lets the writer create lexicon bodies the article never names. */
  fromType?: EntityType;
  toType?: EntityType;
  year?: number;
  position?: string;
  /** For text facts, the sentence that states it most explicitly; lexicon facts have none. */
  evidence?: Evidence;
  /**
   * Every sentence of the article that states the fact, the most explicit
   * first (a headline fragment comes after the body sentence that states the
   * same); `evidence` is the first. Absent means `[evidence]`.
   */
  evidences?: Evidence[];
  provenance: Provenance;
}

export interface ArticleMeta {
  title?: string;
  /** ISO date, possibly partial (2025, 2025-05, 2025-05-01). */
  date?: string;
  newspaper?: string;
  page?: string;
  /** The city or province the newspaper writes from; resolves 市委, 省总工会 … */
  place?: string;
  source?: string;
}

export interface Article {
  /** The input file's name without extension. */
  id: string;
  text: string;
  meta: ArticleMeta;
}

export interface ArticleExtraction {
  article: Article;
  entities: ExtractedEntity[];
  /** Facts the text states. */
  relations: ExtractedRelation[];
  /** Facts that come from the honours lexicon, not the text. Never printed by `extract`. */
  inferred: ExtractedRelation[];
}

/** The SPEC section 1 line for one document; evidence rides along as extra fields. */
export function toSpecJson(x: ArticleExtraction): Record<string, unknown> {
  return {
    doc: x.article.id,
    entities: x.entities.map((e) => ({
      type: e.type,
      name: e.name,
      ...(e.aliases.length ? { aliases: e.aliases } : {}),
      ...(e.level ? { level: e.level } : {}),
      mentions: e.mentions.map((m) => ({ surface: m.surface, start: m.start, end: m.end })),
    })),
    relations: x.relations.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.position !== undefined ? { position: r.position } : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
      ...(r.evidences && r.evidences.length > 1 ? { evidences: r.evidences } : {}),
    })),
  };
}

/**
 * The line `laurel extract` prints: the SPEC view, and riding along as
 * extra fields (which the SPEC allows and its scorer ignores) what loading
 * needs besides: each mention's sentence, the types of a relation's ends,
 * every sentence stating it (`evidences`, when more than `evidence`), the
 * facts the honours lexicon adds (`inferred`, apart from `relations`), the
 * article's text and its metadata. fromExtractionLine(toExtractionLine(x))
 * gives x back.
 */
export function toExtractionLine(x: ArticleExtraction): Record<string, unknown> {
  const spec = toSpecJson(x) as { entities: Record<string, unknown>[]; relations: Record<string, unknown>[] };
  return {
    ...spec,
    entities: spec.entities.map((e, i) => ({ ...e, mentions: x.entities[i]!.mentions.map((m) => ({ surface: m.surface, start: m.start, end: m.end, evidence: m.evidence })) })),
    relations: spec.relations.map((r, i) => ({ ...r, ...relationExtras(x.relations[i]!) })),
    inferred: x.inferred.map((r) => ({ type: r.type, from: r.from, to: r.to, ...relationExtras(r), ...(r.year !== undefined ? { year: r.year } : {}), ...(r.position !== undefined ? { position: r.position } : {}), ...(r.evidence ? { evidence: r.evidence } : {}) })),
    text: x.article.text,
    meta: x.article.meta,
  };
}

function relationExtras(r: ExtractedRelation): Record<string, unknown> {
  return {
    ...(r.fromType ? { fromType: r.fromType } : {}),
    ...(r.toType ? { toType: r.toType } : {}),
    ...(r.evidences ? { evidences: r.evidences } : {}),
  };
}

const evidenceSchema = z.strictObject({ sentence: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const entityType = z.enum(ENTITY_TYPES);
const relationSchema = z.object({
  type: z.enum(RELATION_TYPE_NAMES as [RelationType, ...RelationType[]]),
  from: z.string().min(1),
  to: z.string().min(1),
  fromType: entityType.optional(),
  toType: entityType.optional(),
  year: z.number().int().optional(),
  position: z.string().optional(),
  evidence: evidenceSchema.optional(),
  evidences: z.array(evidenceSchema).optional(),
});
const lineSchema = z.object({
  doc: z.string().min(1),
  text: z.string({ error: 'no article text (a line of laurel extract carries it in `text`)' }),
  meta: z.record(z.string(), z.unknown()).default({}),
  entities: z.array(
    z.object({
      type: entityType,
      name: z.string().min(1),
      aliases: z.array(z.string()).optional(),
      level: z.string().optional(),
      mentions: z.array(z.strictObject({ surface: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), evidence: evidenceSchema })),
    }),
  ),
  relations: z.array(relationSchema),
  inferred: z.array(relationSchema).default([]),
});

/** A line that is not what `laurel extract` prints; `reason` is meant for the user. */
export class ExtractionLineError extends Error {
  override name = 'ExtractionLineError';
}

/**
 * The extraction a line of `laurel extract` carries (parsed JSON), checked:
 * the fields and their types, and every offset within the text.
 */
export function fromExtractionLine(value: unknown): ArticleExtraction {
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ExtractionLineError(`${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  const l = parsed.data;
  const within = (where: string, span: { start: number; end: number }) => {
    if (span.start > span.end || span.end > l.text.length) throw new ExtractionLineError(`${where}: offsets ${span.start}–${span.end} lie outside the text (${l.text.length} characters)`);
  };
  const entities: ExtractedEntity[] = l.entities.map((e, i) => ({
    type: e.type,
    name: e.name,
    aliases: e.aliases ?? [],
    ...(e.level !== undefined ? { level: e.level } : {}),
    mentions: e.mentions.map((m, j) => {
      within(`entities.${i}.mentions.${j}`, m);
      within(`entities.${i}.mentions.${j}.evidence`, m.evidence);
      return { surface: m.surface, start: m.start, end: m.end, evidence: m.evidence };
    }),
  }));
  const relation = (provenance: Provenance, where: string) => (r: z.infer<typeof relationSchema>, i: number): ExtractedRelation => {
    if (r.evidence) within(`${where}.${i}.evidence`, r.evidence);
    for (const [j, e] of (r.evidences ?? []).entries()) within(`${where}.${i}.evidences.${j}`, e);
    return {
      type: r.type,
      from: r.from,
      to: r.to,
      ...(r.fromType ? { fromType: r.fromType } : {}),
      ...(r.toType ? { toType: r.toType } : {}),
      ...(r.year !== undefined ? { year: r.year } : {}),
      ...(r.position !== undefined ? { position: r.position } : {}),
      ...(r.evidence ? { evidence: r.evidence } : {}),
      ...(r.evidences ? { evidences: r.evidences } : {}),
      provenance,
    };
  };
  return {
    article: { id: l.doc, text: l.text, meta: l.meta as ArticleMeta },
    entities,
    relations: l.relations.map(relation('text', 'relations')),
    inferred: l.inferred.map(relation('lexicon', 'inferred')),
  };
}
