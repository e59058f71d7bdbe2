/**
 * A fact is one relationship of the graph with its properties: the year or
 * position it gives, the evidence sentence and the supporting article (text
 * facts), or the lexicon (lexicon facts). A fact several articles state is
 * one relationship per article, each with that article's evidence.
 */
import { Arg, Field, Int, ObjectType } from 'type-graphql';
import type { RelationType as RelationTypeName } from '../../domain/model.js';
import { DEFAULT_FACTS_PER_EDGE, MAX_FACTS_PER_EDGE } from '../limits.js';
import { badInput } from '../errors.js';
import type { FactView } from '../repositories/views.js';
import { Article, Evidence } from './article.js';
import { Entity } from './entities.js';
import { Provenance, RelationType } from './enums.js';

@ObjectType({ description: 'One fact of the graph (a relationship), with its properties and its evidence.' })
export class Fact {
  @Field(() => RelationType, { description: 'What the fact says (the relationship type).' })
  type!: RelationTypeName;

  @Field(() => Entity, { description: 'The entity the fact starts from (the person, or the honour for CONFERRED_BY).' })
  from!: Entity;

  @Field(() => Entity, { description: 'The entity the fact points to (the honour or the body).' })
  to!: Entity;

  @Field(() => Int, { nullable: true, description: 'The year the fact gives (HOLDS_TITLE, RECEIVED, HONOURED_BY), when the text gives or fixes it.' })
  year?: number | null;

  @Field(() => String, { nullable: true, description: 'The position as written (WORKS_FOR): 高级工程师, 副总经理, 主席.' })
  position?: string | null;

  @Field(() => Evidence, {
    nullable: true,
    description: 'The sentence stating the fact most explicitly (the first of `evidences`), with its offsets in the article text; null for lexicon facts.',
  })
  evidence?: Evidence | null;

  @Field(() => [Evidence], {
    description:
      'Every sentence of the article that states the fact, the most explicit first (a headline fragment after the body sentence that states the same), each with its offsets; empty for lexicon facts.',
  })
  evidences!: Evidence[];

  @Field(() => Article, { nullable: true, description: 'The article supporting the fact; null for lexicon facts.' })
  article?: Article | null;

  @Field(() => Provenance, { description: "How the fact is known: an article's text states it (TEXT), or Laurel's honours lexicon supplies it (LEXICON)." })
  provenance!: Provenance;

  @Field(() => Int, { description: 'How many articles support the fact: 1 for a text fact; for a lexicon fact, the articles whose extraction asserted it.' })
  support!: number;
}

/** `facts(first:)` on edges that group the facts of a pair. */
export function sliceFacts(list: FactView[], first: number): FactView[] {
  if (!Number.isInteger(first) || first < 0 || first > MAX_FACTS_PER_EDGE) throw badInput(`facts(first:) must be 0 to ${MAX_FACTS_PER_EDGE}, not ${first}`);
  return list.slice(0, first);
}

/** Edges whose link is a group of facts (one per supporting article). */
@ObjectType()
export abstract class FactGroup {
  /** The facts read for the edge (at most MAX_FACTS_PER_EDGE). */
  factList!: FactView[];

  @Field(() => Int, { description: 'How many facts support this link (one per supporting article, or one lexicon fact).' })
  factCount!: number;

  @Field(() => [Fact], { description: 'The facts that support this link, earliest year first, each with its evidence and article.' })
  facts(
    @Arg('first', () => Int, { defaultValue: DEFAULT_FACTS_PER_EDGE, description: `How many facts to list (at most ${MAX_FACTS_PER_EDGE}); factCount says how many there are.` })
    first: number,
  ): FactView[] {
    return sliceFacts(this.factList, first);
  }
}
