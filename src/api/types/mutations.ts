/** What the mutations return. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Article } from './article.js';
import { LabelCount, RelationshipCount } from './explore.js';

@ObjectType({ description: 'What ingesting an article found and wrote. The article\'s `mentions` and `facts` list it all as the graph now holds it.' })
export class IngestResult {
  @Field(() => Article, { description: 'The article as loaded: query its mentions and facts for what was found.' })
  article!: Article;

  @Field(() => Boolean, { description: 'False when an article with this id was already loaded; what it said before was replaced.' })
  created!: boolean;

  @Field(() => Int, { description: 'Entities the extraction found in the text.' })
  entities!: number;

  @Field(() => Int, { description: 'Mentions of those entities in the text.' })
  mentions!: number;

  @Field(() => Int, { description: 'Facts the text states.' })
  facts!: number;

  @Field(() => Int, { description: "Facts added from the honours lexicon (for example which body confers a title the text names)." })
  lexiconFacts!: number;

  @Field(() => [String], { description: 'Relations the extraction found but the writer could not place, with the reason.' })
  skipped!: string[];
}

@ObjectType({ description: 'What deleting an article removed: the counts that changed, per label and relationship type.' })
export class DeleteArticleResult {
  @Field(() => ID, { description: 'The deleted article.' })
  id!: string;

  @Field(() => [LabelCount], { description: 'Nodes removed per label (the article, and entities nothing else supports); only labels that changed.' })
  removedNodes!: LabelCount[];

  @Field(() => [RelationshipCount], { description: 'Relationships removed per type (facts and mentions only this article supported); only types that changed.' })
  removedRelationships!: RelationshipCount[];
}
