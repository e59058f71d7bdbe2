import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A news article loaded into the graph. Its text, the entities it mentions and the facts it supports are fields.' })
export class Article {
  @Field(() => ID, { description: 'Identifier: the file name without extension, or the id given to ingestArticle (by default `api-` and a digest of the text).' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Headline, when known.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Publication date as ISO text, possibly partial (2025, 2025-05, 2025-05-01).' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'The newspaper that printed it.' })
  newspaper?: string | null;

  @Field(() => String, { nullable: true, description: 'The page it was printed on.' })
  page?: string | null;

  @Field(() => String, { nullable: true, description: 'The city or province the newspaper writes from (it resolves 市委, 省总工会 …).' })
  place?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the text came from (a file path or what the ingesting client said).' })
  source?: string | null;
}

@ObjectType({ description: 'The sentence that states a fact or mentions an entity, with its place in the article text.' })
export class Evidence {
  @Field(() => String, { description: 'The sentence as the article writes it, without the layout\'s line breaks.' })
  sentence!: string;

  @Field(() => Int, { description: "Offset of the sentence's first character in the article text." })
  start!: number;

  @Field(() => Int, { description: "Offset just past the sentence's last character in the article text (end exclusive)." })
  end!: number;
}
