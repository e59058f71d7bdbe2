/**
 * Facts as edges: each is one relationship of the graph with its properties
 * (year, position, evidence sentence, supporting article, provenance) and
 * both of its ends. A fact that several articles state appears once per
 * article, each with that article's evidence.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import type { RelationType as RelationTypeName } from '../../domain/model.js';
import { Article, Evidence } from './article.js';
import { Body, Honour, Person } from './entities.js';
import { HonourLink, Provenance, RelationType } from './enums.js';

// Not a GraphQL type itself: its fields are inherited by the fact types below.
@ObjectType()
export abstract class FactBase {
  @Field(() => Evidence, { nullable: true, description: 'The sentence stating the fact; null for lexicon facts.' })
  evidence?: Evidence | null;

  @Field(() => Article, { nullable: true, description: 'The article supporting the fact; null for lexicon facts.' })
  article?: Article | null;

  @Field(() => Provenance, { description: 'Whether an article states the fact or the honours lexicon supplies it.' })
  provenance!: Provenance;
}

@ObjectType({ description: 'A person holds a title (HOLDS_TITLE) or received an award (RECEIVED).' })
export class HonourFact extends FactBase {
  @Field(() => RelationType, { description: 'HOLDS_TITLE for a title, RECEIVED for an award.' })
  type!: RelationTypeName;

  @Field(() => Person, { description: 'The honouree.' })
  person!: Person;

  @Field(() => Honour, { description: 'The title or award.' })
  honour!: Honour;

  @Field(() => Int, { nullable: true, description: 'The year the honour was conferred, when the text gives or fixes it.' })
  year?: number | null;
}

@ObjectType({ description: "A person's employer or office (WORKS_FOR)." })
export class EmploymentFact extends FactBase {
  @Field(() => Person, { description: 'The employee or office holder.' })
  person!: Person;

  @Field(() => Body, { description: 'The company, union or organisation.' })
  employer!: Body;

  @Field(() => String, { nullable: true, description: 'The position as written (高级工程师, 副总经理, 主席).' })
  position?: string | null;
}

@ObjectType({ description: 'A body confers an honour (CONFERRED_BY).' })
export class ConferralFact extends FactBase {
  @Field(() => Honour, { description: 'The title or award.' })
  honour!: Honour;

  @Field(() => Body, { description: 'The body that confers it.' })
  body!: Body;
}

@ObjectType({ description: 'An article mentions an entity (MENTIONS).' })
export class Mention {
  @Field(() => Article, { description: 'The article.' })
  article!: Article;

  @Field(() => Evidence, { description: 'The sentence of the first mention.' })
  evidence!: Evidence;

  @Field(() => [String], { description: 'The surface forms the article uses for the entity.' })
  surfaces!: string[];

  @Field(() => Int, { description: 'How many times the article mentions the entity.' })
  count!: number;
}

@ObjectType({ description: 'A person who holds an honour, with every fact that says so.' })
export class Honouree {
  @Field(() => Person, { description: 'The honouree.' })
  person!: Person;

  @Field(() => Honour, { description: 'The title or award.' })
  honour!: Honour;

  @Field(() => Int, { nullable: true, description: 'The earliest year any supporting fact gives.' })
  year?: number | null;

  @Field(() => [HonourFact], { description: 'The supporting facts, one per article, each with its evidence.' })
  facts!: HonourFact[];
}

@ObjectType({
  description:
    'A person a body honoured: directly (HONOURED_BY), or by holding an honour the body confers (HOLDS_TITLE/RECEIVED and CONFERRED_BY). The evidence, article and provenance are those of the person\'s fact.',
})
export class HonouredPerson extends FactBase {
  @Field(() => Person, { description: 'The person honoured.' })
  person!: Person;

  @Field(() => Body, { description: 'The body that honoured them.' })
  body!: Body;

  @Field(() => HonourLink, { description: 'How the link is known.' })
  via!: HonourLink;

  @Field(() => Honour, { nullable: true, description: 'For HONOUR links: the honour the body confers and the person holds.' })
  honour?: Honour | null;

  @Field(() => Int, { nullable: true, description: "The year of the person's fact, when known." })
  year?: number | null;

  @Field(() => [ConferralFact], { description: 'For HONOUR links: the facts saying the body confers the honour; empty for DIRECT.' })
  conferredBy!: ConferralFact[];
}
