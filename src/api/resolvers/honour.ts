/** Who holds an honour. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { normaliseName } from '../../graph/names.js';
import { badInput, requireName } from '../errors.js';
import { PageArgs, toConnection, toPage } from '../pagination.js';
import type { HolderFilter } from '../repositories/honours.js';
import { HonoureeConnection } from '../types/edges.js';
import { factNeeds } from '../selection.js';
import { HonourLevel } from '../types/level.js';
import { requireHonours } from './lookup.js';

@Resolver()
export class HonourResolver {
  @Query(() => HonoureeConnection, {
    description:
      'Who holds an honour: one edge per person and honour, by name, with the year and the evidence sentence and article of every fact. Give a title or an award (by name or alias); or neither, for every honour matching year and level.',
  })
  async honourees(
    @Arg('title', () => String, { nullable: true, description: 'The honorary title, for example 全国劳动模范 or 全国劳模.' }) title: string | null,
    @Arg('award', () => String, { nullable: true, description: 'The award, for example 全国五一劳动奖章.' }) award: string | null,
    @Arg('year', () => Int, { nullable: true, description: 'Only people with a fact giving this year.' }) year: number | null,
    @Arg('yearFrom', () => Int, { nullable: true, description: 'Only people with a fact giving this year or later.' }) yearFrom: number | null,
    @Arg('yearTo', () => Int, { nullable: true, description: 'Only people with a fact giving this year or earlier.' }) yearTo: number | null,
    @Arg('level', () => HonourLevel, { nullable: true, description: 'Only honours of this level: national, provincial, municipal, district or sector.' }) level: string | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (title != null && award != null) throw badInput('give title or award, not both');
    const page = toPage(args);
    const needs = factNeeds(info, ['edges', 'facts']);
    const filter: HolderFilter = { year, yearFrom, yearTo, level };
    const edge = (h: Awaited<ReturnType<typeof ctx.repos.honours.holdersOfAny>>['items'][number]) => ({
      node: h.person,
      honour: h.honour,
      year: h.year,
      factList: h.factList,
      factCount: h.factCount,
    });
    if (title == null && award == null) return toConnection(page, await ctx.repos.honours.holdersOfAny(filter, page, needs), edge);
    // The name as written names the honour (the usual case): it and its holders in one statement.
    const [type, argument] = title != null ? (['Title', 'title'] as const) : (['Award', 'award'] as const);
    const named = await ctx.repos.honours.holdersOfName(type, normaliseName(requireName(title ?? award!, argument)), filter, page, needs);
    if (named) return toConnection(page, named, edge);
    // A name without its level (五一劳动奖章) names the honour at every level: their holders together.
    const honours = title != null ? await requireHonours(ctx, title, 'Title', 'title') : await requireHonours(ctx, award!, 'Award', 'award');
    if (honours.length > 1) return toConnection(page, await ctx.repos.honours.holdersOfAll(honours.map((h) => h.id), filter, page, needs), edge);
    const [paged] = await ctx.repos.honours.holders([honours[0]!.id], filter, page, needs);
    return toConnection(page, paged!, edge);
  }
}
