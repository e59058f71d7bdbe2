/** Articles: lookup, lists, text, and what each mentions and supports. */
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { badInput, requireName } from '../errors.js';
import { PageArgs, nodeConnection, pageKey, toConnection, toPage } from '../pagination.js';
import type { ArticleView } from '../repositories/views.js';
import { Article } from '../types/article.js';
import { ArticleConnection, ArticleMentionConnection, FactConnection } from '../types/edges.js';
import { ArticleFilter } from '../types/inputs.js';

export const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => Article, { nullable: true, description: 'An article by id, or null: its text, metadata, the entities it mentions and the facts it supports.' })
  article(@Arg('id', () => ID, { description: 'The article id (the file name without extension, for loaded files).' }) id: string, @Ctx() ctx: ApiContext): Promise<ArticleView | null> {
    return ctx.loaders.article.load(requireName(id, 'id'));
  }

  @Query(() => ArticleConnection, { description: 'Articles, newest first (undated last).' })
  async articles(
    @Arg('filter', () => ArticleFilter, { nullable: true, description: 'Conditions the articles must meet; all given must hold.' }) filter: ArticleFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    for (const k of ['dateFrom', 'dateTo'] as const) {
      const v = filter?.[k];
      if (v != null && !ISO_DATE.test(v)) throw badInput(`filter.${k} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${v}"`);
    }
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.articles.list(filter ?? {}, page));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The full text of the article, as loaded; evidence offsets point into it.' })
  text(@Root() article: ArticleView, @Ctx() ctx: ApiContext): Promise<string | null> {
    return ctx.loaders.articleText.load(article.id);
  }

  @FieldResolver(() => ArticleMentionConnection, { description: 'The entities the article mentions, in order of first mention, each with the sentence and the surface forms.' })
  async mentions(@Root() article: ArticleView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    const paged = await ctx.loaders.keyed('Article.mentions', pageKey(page), (ids) => ctx.repos.articles.mentions(ids, page)).load(article.id);
    return toConnection(page, paged, (m) => ({ node: m.entity, evidence: m.evidence, surfaces: m.surfaces, count: m.count }));
  }

  @FieldResolver(() => FactConnection, {
    description: 'The facts the article supports: those its text states (in text order, with evidence), then the lexicon facts its extraction asserted.',
  })
  async facts(@Root() article: ArticleView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    const paged = await ctx.loaders.keyed('Article.facts', pageKey(page), (ids) => ctx.repos.articles.facts(ids, page)).load(article.id);
    return nodeConnection(page, paged);
  }
}
