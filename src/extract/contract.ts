/**
 * What extraction hands to the rest of Laurel. `laurel extract` prints the
 * SPEC section 1 view of it (see toSpecJson); the graph writer loads it whole.
 * Nothing here knows about jieba or Neo4j.
 */
import type { EntityType, Provenance, RelationType } from '../domain/model.js';

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
