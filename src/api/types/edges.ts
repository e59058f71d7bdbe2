/**
 * Edges and connections. An edge is a link in a list: its `node` is the
 * entity at the other end, and the edge carries the relationship's
 * properties (year, positions) and the facts that support it, each with its
 * evidence sentence, article and provenance.
 */
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection, NodeEdge } from '../pagination.js';
import { Article, Evidence } from './article.js';
import { Award, Body, Company, Entity, Honour, Organization, Person, Title, Union } from './entities.js';
import { ColleagueKind, HonourLink } from './enums.js';
import { Fact, FactGroup } from './facts.js';

// ---- Lists of nodes without relationship properties.

export const PersonEdge = NodeEdge('Person', () => Person, 'A person.');
export const PersonConnection = Connection('Person', () => PersonEdge, 'people');
export const TitleEdge = NodeEdge('Title', () => Title, 'An honorary title.');
export const TitleConnection = Connection('Title', () => TitleEdge, 'honorary titles');
export const AwardEdge = NodeEdge('Award', () => Award, 'An award.');
export const AwardConnection = Connection('Award', () => AwardEdge, 'awards');
export const UnionEdge = NodeEdge('Union', () => Union, 'A trade union.');
export const UnionConnection = Connection('Union', () => UnionEdge, 'trade unions');
export const CompanyEdge = NodeEdge('Company', () => Company, 'A company.');
export const CompanyConnection = Connection('Company', () => CompanyEdge, 'companies');
export const OrganizationEdge = NodeEdge('Organization', () => Organization, 'An organisation.');
export const OrganizationConnection = Connection('Organization', () => OrganizationEdge, 'organisations');
export const ArticleEdge = NodeEdge('Article', () => Article, 'An article.');
export const ArticleConnection = Connection('Article', () => ArticleEdge, 'articles');
export const FactEdge = NodeEdge('Fact', () => Fact, 'A fact.');
export const FactConnection = Connection('Fact', () => FactEdge, 'facts');

// ---- A person's links.

@ObjectType({ description: 'An honour a person holds (HOLDS_TITLE) or received (RECEIVED), with its year and the evidence of every supporting article.' })
export class HeldHonourEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Honour, { description: 'The title or award.' })
  node!: Honour;

  @Field(() => Int, { nullable: true, description: 'The earliest year any supporting fact gives; null when none does.' })
  year?: number | null;
}
export const HeldHonourConnection = Connection('HeldHonour', () => HeldHonourEdge, "a person's titles or awards");

@ObjectType({ description: "A person's employer or office (WORKS_FOR), with the positions and the evidence of every supporting article." })
export class EmployerEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Body, { description: 'The company, union or organisation.' })
  node!: Body;

  @Field(() => [String], { description: 'The positions the facts give, as written (高级工程师, 副总经理, 主席); empty when none does.' })
  positions!: string[];
}
export const EmployerConnection = Connection('Employer', () => EmployerEdge, "a person's employers");

@ObjectType({ description: 'A body that honoured a person directly (HONOURED_BY), with the year and the evidence of every supporting article.' })
export class HonouringBodyEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Body, { description: 'The union, company or organisation that honoured the person.' })
  node!: Body;

  @Field(() => Int, { nullable: true, description: 'The earliest year any supporting fact gives; null when none does.' })
  year?: number | null;
}
export const HonouringBodyConnection = Connection('HonouringBody', () => HonouringBodyEdge, 'bodies that honoured a person');

// ---- An honour's and a body's links.

@ObjectType({ description: 'A person who holds an honour, with the year and the evidence of every supporting article.' })
export class HonoureeEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Person, { description: 'The honouree.' })
  node!: Person;

  @Field(() => Honour, { description: 'The title or award held.' })
  honour!: Honour;

  @Field(() => Int, { nullable: true, description: 'The earliest year the (matching) facts give; null when none does.' })
  year?: number | null;
}
export const HonoureeConnection = Connection('Honouree', () => HonoureeEdge, 'honourees: people with the honour they hold');

@ObjectType({ description: 'A body that confers an honour (CONFERRED_BY), with the facts saying so.' })
export class ConferrerEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Body, { description: 'The body that confers the honour.' })
  node!: Body;
}
export const ConferrerConnection = Connection('Conferrer', () => ConferrerEdge, 'bodies that confer an honour');

@ObjectType({ description: 'An honour a body confers (CONFERRED_BY), with the facts saying so.' })
export class ConferredHonourEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Honour, { description: 'The title or award the body confers.' })
  node!: Honour;
}
export const ConferredHonourConnection = Connection('ConferredHonour', () => ConferredHonourEdge, 'honours a body confers');

@ObjectType({ description: 'A person who works for a body (WORKS_FOR), with the positions and the evidence of every supporting article.' })
export class EmployeeEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Person, { description: 'The employee or office holder.' })
  node!: Person;

  @Field(() => [String], { description: 'The positions the facts give, as written; empty when none does.' })
  positions!: string[];
}
export const EmployeeConnection = Connection('Employee', () => EmployeeEdge, 'people who work for a body');

@ObjectType({
  description:
    "A person a body honoured: directly (via DIRECT: the person's HONOURED_BY facts), or by holding an honour the body confers (via HONOUR: the person's HOLDS_TITLE or RECEIVED facts, and the CONFERRED_BY facts of the honour).",
})
export class HonouredPersonEdge extends FactGroup {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Person, { description: 'The person honoured.' })
  node!: Person;

  @Field(() => Body, { description: 'The body that honoured them.' })
  body!: Body;

  @Field(() => HonourLink, { description: 'How the link is known: DIRECT (HONOURED_BY) or HONOUR (an honour the body confers).' })
  via!: HonourLink;

  @Field(() => Honour, { nullable: true, description: 'For HONOUR links: the honour the person holds and the body confers; null for DIRECT.' })
  honour?: Honour | null;

  @Field(() => Int, { nullable: true, description: "The earliest year the person's facts give; null when none does." })
  year?: number | null;

  @Field(() => [Fact], {
    description: "For HONOUR links: the facts saying the body confers the honour, each with its provenance (TEXT with evidence, or LEXICON); empty for DIRECT.",
  })
  conferredBy!: Fact[];
}
export const HonouredPersonConnection = Connection('HonouredPerson', () => HonouredPersonEdge, 'people a body honoured, with how each link is known');

// ---- Mentions.

@ObjectType()
abstract class MentionProperties {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Evidence, { description: 'The sentence of the first mention, with its offsets in the article text.' })
  evidence!: Evidence;

  @Field(() => [String], { description: 'The surface forms the article uses for the entity.' })
  surfaces!: string[];

  @Field(() => Int, { description: 'How many times the article mentions the entity.' })
  count!: number;
}

@ObjectType({ description: 'An article that mentions an entity (MENTIONS).' })
export class EntityMentionEdge extends MentionProperties {
  @Field(() => Article, { description: 'The article.' })
  node!: Article;
}
export const EntityMentionConnection = Connection('EntityMention', () => EntityMentionEdge, 'the articles that mention an entity');

@ObjectType({ description: 'An entity an article mentions (MENTIONS).' })
export class ArticleMentionEdge extends MentionProperties {
  @Field(() => Entity, { description: 'The entity.' })
  node!: Entity;
}
export const ArticleMentionConnection = Connection('ArticleMention', () => ArticleMentionEdge, 'the entities an article mentions');

// ---- Search and colleagues.

@ObjectType({ description: 'An entity found by search, with its rank.' })
export class SearchResultEdge {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Entity, { description: 'The entity whose name or alias matches.' })
  node!: Entity;

  @Field(() => Float, { description: "Lucene's relevance score (higher is better); exact name matches are listed first whatever their score." })
  score!: number;
}
export const SearchResultConnection = Connection('SearchResult', () => SearchResultEdge, 'search results, best first');

@ObjectType({ description: 'Something two colleagues share: an employer, a union or an honour (entity), or an article (article).' })
export class SharedThing {
  @Field(() => ColleagueKind, { description: 'What kind of thing is shared.' })
  kind!: ColleagueKind;

  @Field(() => Entity, { nullable: true, description: 'The shared employer, union or honour; null for ARTICLE.' })
  entity?: Entity | null;

  @Field(() => Article, { nullable: true, description: 'The article that honours both; null unless ARTICLE.' })
  article?: Article | null;
}

@ObjectType({ description: 'A person who shares something with the person asked about.' })
export class ColleagueEdge {
  @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
  cursor!: string;

  @Field(() => Person, { description: 'The colleague.' })
  node!: Person;

  @Field(() => [SharedThing], { description: 'Everything the two share, by kind.' })
  shared!: SharedThing[];
}
export const ColleagueConnection = Connection('Colleague', () => ColleagueEdge, 'colleagues, those sharing the most first');
