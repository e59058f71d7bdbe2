/**
 * What every entity has (its mentions), what every honour and body has, the
 * lookups and lists of every entity type, and full-text search.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { ENTITY_TYPES, type EntityType as EntityTypeName } from '../../domain/model.js';
import type { ApiContext } from '../context.js';
import { badInput, requireName } from '../errors.js';
import { PageArgs, nodeConnection, pageKey, toConnection, toPage } from '../pagination.js';
import { needsKey, type EntityView, type LinkView } from '../repositories/views.js';
import { factNeeds } from '../selection.js';
import {
  AwardConnection,
  CompanyConnection,
  ConferredHonourConnection,
  ConferrerConnection,
  EmployeeConnection,
  EntityMentionConnection,
  HonoureeConnection,
  HonouredPersonConnection,
  OrganizationConnection,
  SearchResultConnection,
  TitleConnection,
  UnionConnection,
} from '../types/edges.js';
import { Award, Body, Company, Entity, Honour, Organization, Title, Union } from '../types/entities.js';
import { EntityType } from '../types/enums.js';
import { HonourLevel } from '../types/level.js';
import { findEntity } from './lookup.js';

/** A link (an entity and the facts to it) is already shaped as its edge. */
const linkEdge = (l: LinkView) => l;

@Resolver(() => Entity)
export class EntityFieldsResolver {
  @FieldResolver(() => EntityMentionConnection, { description: 'The articles that mention the entity, oldest first, each with the sentence of the first mention.' })
  async mentions(@Root() entity: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    const paged = await ctx.loaders.mentions(page).load(entity.id);
    return toConnection(page, paged, (m) => ({ node: m.article, evidence: m.evidence, surfaces: m.surfaces, count: m.count }));
  }
}

@Resolver(() => Honour)
export class HonourFieldsResolver {
  @FieldResolver(() => HonoureeConnection, { description: 'The people who hold the honour, by name, each with the year and the evidence of every supporting article.' })
  async holders(
    @Root() honour: EntityView,
    @Arg('year', () => Int, { nullable: true, description: 'Only facts that give this year.' }) year: number | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = toPage(args);
    const filter = { year: year ?? null };
    const needs = factNeeds(info, ['edges', 'facts']);
    const paged = await ctx.loaders
      .keyed('Honour.holders', [pageKey(page), filter, needsKey(needs)], (ids) => ctx.repos.honours.holders(ids, filter, page, needs))
      .load(honour.id);
    return toConnection(page, paged, (h) => ({ node: h.person, honour: h.honour, year: h.year, factList: h.factList, factCount: h.factCount }));
  }

  @FieldResolver(() => ConferrerConnection, { description: 'The bodies that confer the honour (CONFERRED_BY), by the text or by the honours lexicon.' })
  async conferredBy(@Root() honour: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    const page = toPage(args);
    const needs = factNeeds(info, ['edges', 'facts']);
    const paged = await ctx.loaders
      .keyed('Honour.conferredBy', [pageKey(page), needsKey(needs)], (ids) => ctx.repos.honours.conferrers(ids, page, needs))
      .load(honour.id);
    return toConnection(page, paged, linkEdge);
  }
}

@Resolver(() => Body)
export class BodyFieldsResolver {
  @FieldResolver(() => EmployeeConnection, { description: 'The people who work for the body (WORKS_FOR), by name, with their positions.' })
  async employees(@Root() body: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    const page = toPage(args);
    const needs = factNeeds(info, ['edges', 'facts']);
    const paged = await ctx.loaders
      .keyed('Body.employees', [pageKey(page), needsKey(needs)], (ids) => ctx.repos.bodies.employees(ids, page, needs))
      .load(body.id);
    return toConnection(page, paged, linkEdge);
  }

  @FieldResolver(() => HonouredPersonConnection, {
    description: 'The people the body honoured: directly (HONOURED_BY) first, then those holding an honour it confers (CONFERRED_BY); as the honouredBy query.',
  })
  async honoured(@Root() body: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    const paged = await ctx.loaders.keyed('Body.honoured', pageKey(page), (ids) => ctx.repos.bodies.honoured(ids, page)).load(body.id);
    return toConnection(page, paged, (h) => ({ ...h, node: h.person }));
  }

  @FieldResolver(() => ConferredHonourConnection, { description: 'The titles and awards the body confers (CONFERRED_BY), by name.' })
  async confers(@Root() body: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    const page = toPage(args);
    const needs = factNeeds(info, ['edges', 'facts']);
    const paged = await ctx.loaders
      .keyed('Body.confers', [pageKey(page), needsKey(needs)], (ids) => ctx.repos.bodies.confers(ids, page, needs))
      .load(body.id);
    return toConnection(page, paged, linkEdge);
  }
}

const ID_ARG = { nullable: true, description: 'The id, `Type:key` (or just the key).' } as const;
const NAME_ARG = { nullable: true, description: 'The canonical name or an alias; the first match when several share it.' } as const;
const LEVEL_ARG = { nullable: true, description: 'Only honours of this level: national, provincial, municipal, district or sector.' } as const;

@Resolver()
export class EntityQueriesResolver {
  @Query(() => Entity, { nullable: true, description: 'Any entity by its id (`Type:key`, as every entity, path and network node gives it), or null.' })
  entity(@Arg('id', () => ID, { description: 'The entity id, for example Title:全国劳动模范.' }) id: string, @Ctx() ctx: ApiContext): Promise<EntityView | null> {
    return findEntity(ctx, { id }, ENTITY_TYPES);
  }

  @Query(() => Title, { nullable: true, description: 'An honorary title by id or name (give one), or null.' })
  title(@Arg('id', () => ID, ID_ARG) id: string | null, @Arg('name', () => String, NAME_ARG) name: string | null, @Ctx() ctx: ApiContext) {
    return findEntity(ctx, { id, name }, ['Title']);
  }

  @Query(() => Award, { nullable: true, description: 'An award by id or name (give one), or null.' })
  award(@Arg('id', () => ID, ID_ARG) id: string | null, @Arg('name', () => String, NAME_ARG) name: string | null, @Ctx() ctx: ApiContext) {
    return findEntity(ctx, { id, name }, ['Award']);
  }

  @Query(() => Union, { nullable: true, description: 'A trade union by id or name (give one), or null.' })
  union(@Arg('id', () => ID, ID_ARG) id: string | null, @Arg('name', () => String, NAME_ARG) name: string | null, @Ctx() ctx: ApiContext) {
    return findEntity(ctx, { id, name }, ['Union']);
  }

  @Query(() => Company, { nullable: true, description: 'A company by id or name (give one), or null.' })
  company(@Arg('id', () => ID, ID_ARG) id: string | null, @Arg('name', () => String, NAME_ARG) name: string | null, @Ctx() ctx: ApiContext) {
    return findEntity(ctx, { id, name }, ['Company']);
  }

  @Query(() => Organization, { nullable: true, description: 'An organisation by id or name (give one), or null.' })
  organization(@Arg('id', () => ID, ID_ARG) id: string | null, @Arg('name', () => String, NAME_ARG) name: string | null, @Ctx() ctx: ApiContext) {
    return findEntity(ctx, { id, name }, ['Organization']);
  }

  @Query(() => TitleConnection, { description: 'Honorary titles, by name.' })
  async titles(@Arg('level', () => HonourLevel, LEVEL_ARG) level: string | null, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.entities.list('Title', { level }, page));
  }

  @Query(() => AwardConnection, { description: 'Awards, by name.' })
  async awards(@Arg('level', () => HonourLevel, LEVEL_ARG) level: string | null, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.entities.list('Award', { level }, page));
  }

  @Query(() => UnionConnection, { description: 'Trade unions, by name.' })
  async unions(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.entities.list('Union', {}, page));
  }

  @Query(() => CompanyConnection, { description: 'Companies, by name.' })
  async companies(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.entities.list('Company', {}, page));
  }

  @Query(() => OrganizationConnection, { description: 'Organisations (party and government bodies, institutions, associations, media …), by name.' })
  async organizations(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    const page = toPage(args);
    return nodeConnection(page, await ctx.repos.entities.list('Organization', {}, page));
  }

  @Query(() => SearchResultConnection, {
    description:
      "Full-text search over every entity's name and aliases (Neo4j's `cjk` full-text index: Chinese as overlapping character pairs, so 劳动模范 finds 全国劳动模范; a single character finds the names where it starts a pair). Exact name matches first, then by relevance.",
  })
  async search(
    @Arg('text', () => String, { description: 'What to look for: a name or part of one (at most 100 characters). Search syntax is not interpreted.' }) text: string,
    @Arg('types', () => [EntityType], { nullable: true, description: 'Only entities of these types; all when omitted.' }) types: EntityTypeName[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const query = requireName(text, 'text');
    if (query.length > 100) throw badInput('text is too long (at most 100 characters)');
    if (types && types.length === 0) throw badInput('types must name at least one type (or be omitted)');
    const page = toPage(args);
    const paged = await ctx.repos.entities.search(query, types ?? ENTITY_TYPES, page);
    return toConnection(page, paged, (r) => ({ node: r.entity, score: r.score }));
  }
}
