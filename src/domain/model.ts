/**
 * The graph's vocabulary: entity types (which are also Neo4j labels) and
 * relation types, as data. Extraction, the graph layer and the API all take
 * their names from here so that a label is spelled in exactly one place.
 */

export const ENTITY_TYPES = ['Person', 'Title', 'Award', 'Union', 'Company', 'Organization'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Bodies: the entity types that can employ, honour or confer. */
export const BODY_TYPES = ['Union', 'Company', 'Organization'] as const satisfies readonly EntityType[];
export type BodyType = (typeof BODY_TYPES)[number];

/** Honours: the entity types a person can hold or receive. */
export const HONOUR_TYPES = ['Title', 'Award'] as const satisfies readonly EntityType[];
export type HonourType = (typeof HONOUR_TYPES)[number];

export const ARTICLE_LABEL = 'Article';

export interface RelationSpec {
  from: readonly EntityType[];
  to: readonly EntityType[];
  /** Attributes the relation may carry besides its evidence. */
  attributes: readonly ('year' | 'position')[];
  description: string;
}

/** SPEC section 4. */
export const RELATION_TYPES = {
  HOLDS_TITLE: {
    from: ['Person'],
    to: ['Title'],
    attributes: ['year'],
    description: 'the person holds or was awarded the honorary title',
  },
  RECEIVED: {
    from: ['Person'],
    to: ['Award'],
    attributes: ['year'],
    description: 'the person received the medal, prize or competition honour',
  },
  WORKS_FOR: {
    from: ['Person'],
    to: BODY_TYPES,
    attributes: ['position'],
    description: "the person's employer or office",
  },
  HONOURED_BY: {
    from: ['Person'],
    to: BODY_TYPES,
    attributes: ['year'],
    description: 'a named body conferred, commended, awarded or formally honoured the person',
  },
  CONFERRED_BY: {
    from: HONOUR_TYPES,
    to: BODY_TYPES,
    attributes: [],
    description: 'the body that confers the honour',
  },
} as const satisfies Record<string, RelationSpec>;

export type RelationType = keyof typeof RELATION_TYPES;
export const RELATION_TYPE_NAMES = Object.keys(RELATION_TYPES) as RelationType[];

/** (:Article)-[:MENTIONS]->(entity), carrying the evidence sentence. */
export const MENTIONS = 'MENTIONS';

/** Where a fact comes from: the article's text, or Laurel's honours lexicon. */
export type Provenance = 'text' | 'lexicon';

export function isEntityType(s: string): s is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(s);
}

export function isRelationType(s: string): s is RelationType {
  return Object.hasOwn(RELATION_TYPES, s);
}
