/**
 * The ends and the article of a fact, batched across all the facts of a
 * response; not read at all when the request selects only what the fact
 * already knows of them (their ids, and fields other resolvers read by id).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { splitId, toArticle, type ArticleView, type EntityView, type FactView } from '../repositories/views.js';
import { selectsAny } from '../selection.js';
import { Article } from '../types/article.js';
import { Entity } from '../types/entities.js';
import { Fact } from '../types/facts.js';

@Resolver(() => Fact)
export class FactResolver {
  @FieldResolver(() => Entity, { description: 'The entity the fact starts from (the person, or the honour for CONFERRED_BY).' })
  async from(@Root() fact: FactView, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo): Promise<EntityView> {
    return end(fact.fromId, ctx, info);
  }

  @FieldResolver(() => Entity, { description: 'The entity the fact points to (the honour or the body).' })
  async to(@Root() fact: FactView, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo): Promise<EntityView> {
    return end(fact.toId, ctx, info);
  }

  @FieldResolver(() => Article, { nullable: true, description: 'The article supporting the fact; null for lexicon facts.' })
  article(@Root() fact: FactView, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo): Promise<ArticleView | null> {
    if (!fact.articleId) return Promise.resolve(null);
    // A fact's article exists (deleting an article deletes its facts): its id is all `article { id }` needs.
    if (!selectsAny(info, ARTICLE_PROPERTIES)) return Promise.resolve(toArticle({ id: fact.articleId }));
    return ctx.loaders.article.load(fact.articleId);
  }
}

/** What only the article node holds; its other fields are its id, or read by id by their own resolvers. */
const ARTICLE_PROPERTIES = ['title', 'date', 'newspaper', 'page', 'place', 'source'];
/** What only the entity node holds. */
const ENTITY_PROPERTIES = ['name', 'aliases', 'level'];

/** The entity at an end of a fact (which exists: a relationship has its ends), read only when more than its id is selected. */
async function end(id: string, ctx: ApiContext, info: GraphQLResolveInfo): Promise<EntityView> {
  const { type, key } = splitId(id);
  if (type && !selectsAny(info, ENTITY_PROPERTIES)) return { id, type, key, name: '', aliases: [], level: null };
  return (await ctx.loaders.entity.load(id))!;
}
