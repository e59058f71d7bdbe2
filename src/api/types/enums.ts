/** GraphQL enums, built from the domain vocabulary so that names live in one place. */
import { registerEnumType } from 'type-graphql';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType as EntityTypeName, type RelationType as RelationTypeName } from '../../domain/model.js';

export const EntityType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, t])) as { [K in EntityTypeName]: K };
registerEnumType(EntityType, {
  name: 'EntityType',
  description: 'The kind of an entity; also its Neo4j label.',
  valuesConfig: {
    Person: { description: 'A named individual.' },
    Title: { description: 'An honorary title (荣誉称号) such as 全国劳动模范.' },
    Award: { description: 'A medal, prize or competition honour such as 全国五一劳动奖章.' },
    Union: { description: 'A trade-union organisation (工会, 总工会).' },
    Company: { description: 'An enterprise, its branches and named subsidiaries.' },
    Organization: { description: 'Any other named body: party and government bodies, institutions, schools, associations, media.' },
  },
});

export const RelationType = Object.fromEntries(Object.keys(RELATION_TYPES).map((t) => [t, t])) as { [K in RelationTypeName]: K };
registerEnumType(RelationType, {
  name: 'RelationType',
  description: 'The kind of a fact; also its Neo4j relationship type.',
  valuesConfig: Object.fromEntries(Object.entries(RELATION_TYPES).map(([k, v]) => [k, { description: `${v.description[0]!.toUpperCase()}${v.description.slice(1)}.` }])),
});

export enum Provenance {
  TEXT = 'text',
  LEXICON = 'lexicon',
}
registerEnumType(Provenance, {
  name: 'Provenance',
  description: 'Where a fact comes from.',
  valuesConfig: {
    TEXT: { description: "An article's text states it; the fact carries the article and the evidence sentence." },
    LEXICON: { description: "Laurel's honours lexicon knows it (for example which body confers a national title); no article supports it." },
  },
});

export enum HonourLink {
  DIRECT = 'DIRECT',
  HONOUR = 'HONOUR',
}
registerEnumType(HonourLink, {
  name: 'HonourLink',
  description: 'How a person is linked to the body that honoured them.',
  valuesConfig: {
    DIRECT: { description: 'The body honoured the person directly (HONOURED_BY).' },
    HONOUR: { description: 'The person holds a title or award that the body confers (HOLDS_TITLE or RECEIVED, then CONFERRED_BY).' },
  },
});

export enum ColleagueKind {
  EMPLOYER = 'EMPLOYER',
  UNION = 'UNION',
  HONOUR = 'HONOUR',
  ARTICLE = 'ARTICLE',
}
registerEnumType(ColleagueKind, {
  name: 'ColleagueKind',
  description: 'What two colleagues share.',
  valuesConfig: {
    EMPLOYER: { description: 'Both work for the same company or organisation (WORKS_FOR).' },
    UNION: { description: 'Both work for, or were honoured by, the same union (WORKS_FOR or HONOURED_BY).' },
    HONOUR: { description: 'Both hold the same title or received the same award (HOLDS_TITLE or RECEIVED).' },
    ARTICLE: {
      description:
        'Both are honoured in the same article: it states a title, award or honouring body of each (HOLDS_TITLE, RECEIVED or HONOURED_BY). People an article merely names (bylines, photographers, leaders present) are not colleagues through it. Only when asked for (via: [ARTICLE]).',
    },
  },
});
