import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import type { ArticleView } from '../repositories/views.js';
import { Article } from '../types/article.js';

@Resolver(() => Article)
export class ArticleResolver {
  @FieldResolver(() => String, { nullable: true, description: 'The full text of the article, as loaded.' })
  text(@Root() article: ArticleView, @Ctx() ctx: ApiContext): Promise<string | null> {
    return ctx.loaders.articleText.load(article.id);
  }
}
