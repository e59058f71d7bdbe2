/** Researchers' queries: colleagues, paths, networks, and what the graph holds. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { ENTITY_TYPES } from '../../domain/model.js';
import type { ApiContext } from '../context.js';
import { badInput } from '../errors.js';
import {
  DEFAULT_NETWORK_DEPTH,
  DEFAULT_NETWORK_LIMIT,
  DEFAULT_PATH_HOPS,
  MAX_NETWORK_DEPTH,
  MAX_NETWORK_LIMIT,
  MAX_PATH_HOPS,
  NETWORK_FACTS_PER_NODE,
} from '../limits.js';
import { PageArgs, toConnection, toPage } from '../pagination.js';
import { factNeeds } from '../selection.js';
import { ColleagueConnection } from '../types/edges.js';
import { ColleagueKind } from '../types/enums.js';
import { Network, Path, Stats } from '../types/explore.js';
import { EntityRef } from '../types/inputs.js';
import { requireEntity } from './lookup.js';

/** What colleagues share unless asked otherwise: being named in one article is not a tie. */
export const DEFAULT_COLLEAGUE_KINDS = [ColleagueKind.EMPLOYER, ColleagueKind.UNION, ColleagueKind.HONOUR];

/** What to draw on a network edge: the type, and the year or position its facts (the distinct ones of its first facts) agree on. */
export function edgeLabel(type: string, years: readonly number[], positions: readonly string[]): string {
  const detail = positions.length === 1 ? positions[0] : years.length === 1 ? String(years[0]) : '';
  return detail ? `${type} ${detail}` : type;
}

@Resolver()
export class ExploreResolver {
  @Query(() => ColleagueConnection, {
    description:
      'People who share something with a person: an employer, a union or an honour (and, when asked with via: [ARTICLE], being honoured in the same article); those sharing the most first, each with what is shared.',
  })
  async colleagues(
    @Arg('id', () => ID, { nullable: true, description: 'The person by id (Person:key); give id or name.' }) id: string | null,
    @Arg('name', () => String, { nullable: true, description: 'The person by name (the first namesake when several share it).' }) name: string | null,
    @Arg('via', () => [ColleagueKind], {
      nullable: true,
      description: 'What the colleagues share: EMPLOYER, UNION and HONOUR when omitted; add ARTICLE for people honoured in the same article.',
    })
    via: ColleagueKind[] | null,
    @Arg('kinds', () => [ColleagueKind], { nullable: true, deprecationReason: 'Use via.', description: 'The old name of via.' }) kinds: ColleagueKind[] | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const person = await requireEntity(ctx, { id, name }, ['Person'], 'person');
    if (via && kinds) throw badInput('give via or kinds (its old name), not both');
    const wanted = via ?? kinds;
    if (wanted && wanted.length === 0) throw badInput('via must name at least one kind (or be omitted)');
    const page = toPage(args);
    const paged = await ctx.repos.explore.colleagues(person.key, [...new Set(wanted ?? DEFAULT_COLLEAGUE_KINDS)], page);
    return toConnection(page, paged, (c) => ({ node: c.person, shared: c.shared }));
  }

  @Query(() => Path, {
    nullable: true,
    description:
      'The shortest connection between two entities, or null when there is none within maxHops. It runs over facts only (HOLDS_TITLE, RECEIVED, WORKS_FOR, HONOURED_BY, CONFERRED_BY), in either direction, and never through articles: two people mentioned by one article are not thereby connected (see colleagues with via: [ARTICLE]). Every hop lists its facts with their evidence; lexicon facts (provenance LEXICON) have none.',
  })
  async path(
    @Arg('from', () => EntityRef, { description: 'Where the path starts.' }) from: EntityRef,
    @Arg('to', () => EntityRef, { description: 'Where the path ends.' }) to: EntityRef,
    @Arg('maxHops', () => Int, { defaultValue: DEFAULT_PATH_HOPS, description: `The longest path to look for, 1 to ${MAX_PATH_HOPS}.` }) maxHops: number,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS) throw badInput(`maxHops must be 1 to ${MAX_PATH_HOPS}, not ${maxHops}`);
    const [a, b] = await Promise.all([requireEntity(ctx, from, ENTITY_TYPES, 'from'), requireEntity(ctx, to, ENTITY_TYPES, 'to')]);
    if (a.id === b.id) return { length: 0, nodes: [a], hops: [] };
    const path = await ctx.repos.explore.path(a, b, maxHops, factNeeds(info, ['hops', 'facts']));
    return path && { length: path.hops.length, nodes: path.nodes, hops: path.hops };
  }

  @Query(() => Network, {
    description:
      `The neighbourhood of an entity, as nodes and edges for a graph-drawing client: entities up to depth steps away over facts (never through articles), nearest first, at most limit of them, and every fact among them. Each step shares the room left among the entities the step before reached, taking their new neighbours in turn (the first of each, then the second, …), each entity's neighbours ranked by how many facts link them, then by name; so one honour thousands hold cannot crowd out the rest. Only the first ${NETWORK_FACTS_PER_NODE} facts of an entity (as stored) are followed; truncated says whether anything within depth was left out.`,
  })
  async network(
    @Arg('center', () => EntityRef, { description: 'The entity at the centre.' }) center: EntityRef,
    @Arg('depth', () => Int, { defaultValue: DEFAULT_NETWORK_DEPTH, description: `How many steps out, 1 to ${MAX_NETWORK_DEPTH}.` }) depth: number,
    @Arg('limit', () => Int, { defaultValue: DEFAULT_NETWORK_LIMIT, description: `At most this many nodes, the centre included: 1 to ${MAX_NETWORK_LIMIT}.` }) limit: number,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_NETWORK_DEPTH) throw badInput(`depth must be 1 to ${MAX_NETWORK_DEPTH}, not ${depth}`);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NETWORK_LIMIT) throw badInput(`limit must be 1 to ${MAX_NETWORK_LIMIT}, not ${limit}`);
    const c = await requireEntity(ctx, center, ENTITY_TYPES, 'center');
    const net = await ctx.repos.explore.network(c, depth, limit, factNeeds(info, ['edges', 'facts']));
    if (!net) return { center: c, nodes: [{ id: c.id, label: c.name, type: c.type, depth: 0, entity: c }], edges: [], truncated: false };
    return {
      center: net.center,
      truncated: net.truncated,
      nodes: net.nodes.map((n) => ({ id: n.entity.id, label: n.entity.name, type: n.entity.type, depth: n.depth, entity: n.entity })),
      edges: net.edges.map((e) => ({
        id: `${e.type}:${e.source.id}->${e.target.id}`,
        source: e.source.id,
        target: e.target.id,
        type: e.type,
        label: edgeLabel(e.type, e.years, e.positions),
        factList: e.factList,
        factCount: e.factCount,
      })),
    };
  }

  @Query(() => Stats, { description: 'What the graph holds: nodes per label and relationships per type.' })
  async stats(@Ctx() ctx: ApiContext) {
    const counts = await ctx.repos.counts();
    const labels = Object.entries(counts.labels).map(([label, count]) => ({ label, count }));
    const relationships = Object.entries(counts.relationships).map(([type, count]) => ({ type, count }));
    return {
      labels,
      relationships,
      nodes: labels.reduce((s, l) => s + l.count, 0),
      relationshipTotal: relationships.reduce((s, r) => s + r.count, 0),
    };
  }
}
