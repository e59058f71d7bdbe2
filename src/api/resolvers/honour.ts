import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { notFound, requireName } from '../errors.js';
import type { HonoureeView } from '../repositories/honours.js';
import { Honouree } from '../types/facts.js';

@Resolver()
export class HonourResolver {
  @Query(() => [Honouree], {
    description: 'Who holds an honorary title: every person with a HOLDS_TITLE fact for it, by name, each with the evidence of every supporting article.',
  })
  async honourees(
    @Arg('title', () => String, { description: 'The title by canonical name or alias, for example 全国劳动模范 or 全国劳模.' }) title: string,
    @Ctx() ctx: ApiContext,
  ): Promise<HonoureeView[]> {
    const [found] = await ctx.repos.entities.findByName(['Title'], requireName(title, 'title'));
    if (!found) throw notFound(`no title named "${title}" in the graph`);
    return ctx.repos.honours.holders('Title', found.key);
  }
}
