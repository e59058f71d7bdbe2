/** The ends and the article of a fact, batched across all the facts of a response. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import type { ArticleView, EntityView, FactView } from '../repositories/views.js';
import { Article } from '../types/article.js';
import { Entity } from '../types/entities.js';
import { Fact } from '../types/facts.js';

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => Entity, { description: 'The entity the fact starts from (the person, or the honour for CONFERRED_BY).' })
  async from(@Root() fact: FactView, @Ctx() ctx: ApiContext): Promise<EntityView> {
    return (await ctx.loaders.entity.load(fact.fromId))!;
  }

  @FieldResolver(() => Entity, { description: 'The entity the fact points to (the honour or the body).' })
  async to(@Root() fact: FactView, @Ctx() ctx: ApiContext): Promise<EntityView> {
    return (await ctx.loaders.entity.load(fact.toId))!;
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The article supporting the fact; null for lexicon facts.' })
  article(@Root() fact: FactView, @Ctx() ctx: ApiContext): Promise<ArticleView | null> {
    return fact.articleId ? ctx.loaders.article.load(fact.articleId) : Promise.resolve(null);
  }
}
