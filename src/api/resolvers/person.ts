/** People: lookup, filtered lists, and what the graph says about a person. */
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { badInput, requireName } from '../errors.js';
import { normaliseName } from '../../graph/names.js';
import { PageArgs, nodeConnection, pageKey, toConnection, toPage, type Page } from '../pagination.js';
import type { PeopleQuery, PersonLinkType, PersonPlan } from '../repositories/people.js';
import { needsKey, splitId, type EntityView, type LinkView } from '../repositories/views.js';
import { factNeeds, fieldsBelow, needsIn } from '../selection.js';
import { EmployerConnection, HeldHonourConnection, HonouringBodyConnection, PersonConnection } from '../types/edges.js';
import { Person } from '../types/entities.js';
import { PeopleFilter } from '../types/inputs.js';
import { findEntity, idOf, requireEntity } from './lookup.js';

/** The lists of a person that are links of one type. */
const LINK_FIELDS = new Map<string, PersonLinkType>([
  ['titles', 'HOLDS_TITLE'],
  ['awards', 'RECEIVED'],
  ['employers', 'WORKS_FOR'],
  ['honouredBy', 'HONOURED_BY'],
]);

function pageOf(args: { first?: unknown; after?: unknown }): Page | undefined {
  try {
    return toPage(args as { first?: number | null; after?: string | null });
  } catch {
    return undefined; // the field's own resolver says what is wrong with it
  }
}

/** The lists a `person` query selects below the person, each once (aliases asking alike share one). */
function personPlan(info: GraphQLResolveInfo): PersonPlan {
  const plan: PersonPlan = { links: [], mentions: [], namesakes: false };
  const planned = new Set<string>();
  const once = (key: string) => !planned.has(key) && !!planned.add(key);
  for (const field of fieldsBelow(info)) {
    const type = LINK_FIELDS.get(field.name);
    const page = type || field.name === 'mentions' ? pageOf(field.args) : undefined;
    if (type && page) {
      const needs = needsIn(field, ['edges', 'facts']);
      if (once(`${type}|${pageKey(page)}|${needsKey(needs)}`)) plan.links.push({ type, page, needs });
    } else if (field.name === 'mentions' && page) {
      if (once(`mentions|${pageKey(page)}`)) plan.mentions.push(page);
    } else if (field.name === 'namesakes') {
      plan.namesakes = true;
    }
  }
  return plan;
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description:
      'A person by id or name (give one), or null. When several people share the name (the identity rule keeps people with different employers apart), the first known is returned and `namesakes` lists the others.',
  })
  async person(
    @Arg('id', () => ID, { nullable: true, description: 'The id, Person:key (or just the key, for example 张三#2).' }) id: string | null,
    @Arg('name', () => String, { nullable: true, description: 'The name as written (canonical name or alias), for example 张三.' }) name: string | null,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EntityView | null> {
    if ((id == null) === (name == null)) return findEntity(ctx, { id, name }, ['Person']); // which says what is wrong
    // Lookahead: the person and every list selected below it, in one statement; the lists' loaders
    // then hold their pages, so their resolvers ask Neo4j nothing.
    const plan = personPlan(info);
    const ref = id != null ? { key: splitId(idOf(id, ['Person'])).key } : { norm: normaliseName(requireName(name!, 'name')) };
    const found = await ctx.repos.people.profile(ref, plan);
    // Not by its name: perhaps by an alias, which the full-text index finds.
    if (!found) return id != null ? null : findEntity(ctx, { id, name }, ['Person']);
    const { person } = found;
    ctx.loaders.entity.prime(person.id, person);
    plan.links.forEach((l, i) => ctx.loaders.personLinks(l.type, l.page, l.needs).prime(person.key, found.links[i]!));
    plan.mentions.forEach((page, i) => ctx.loaders.mentions(page).prime(person.id, found.mentions[i]!));
    if (plan.namesakes) ctx.loaders.namesakes.prime(person.key, found.namesakes);
    return person;
  }

  @Query(() => PersonConnection, { description: 'People matching a filter (all people when none), by name.' })
  async people(
    @Arg('filter', () => PeopleFilter, { nullable: true, description: 'Conditions the people must meet; all given must hold.' }) filter: PeopleFilter | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const page = toPage(args);
    const f = filter ?? {};
    const q: PeopleQuery = {};
    const key = async (name: string | null | undefined, type: 'Title' | 'Award' | 'Union' | 'Company' | 'Organization', arg: string) =>
      name === null || name === undefined ? undefined : (await requireEntity(ctx, { name }, [type], `filter.${arg}`)).key;
    [q.titleKey, q.awardKey, q.unionKey, q.companyKey, q.organizationKey] = await Promise.all([
      key(f.title, 'Title', 'title'),
      key(f.award, 'Award', 'award'),
      key(f.union, 'Union', 'union'),
      key(f.company, 'Company', 'company'),
      key(f.organization, 'Organization', 'organization'),
    ]);
    for (const k of ['year', 'yearFrom', 'yearTo'] as const) {
      const v = f[k];
      if (v !== null && v !== undefined) {
        if (v < 0 || v > 9999) throw badInput(`filter.${k} must be a year, not ${v}`);
        q[k] = v;
      }
    }
    if (f.level !== null && f.level !== undefined) q.level = f.level;
    return nodeConnection(page, await ctx.repos.people.find(q, page));
  }

  @FieldResolver(() => HeldHonourConnection, {
    description: 'Titles the person holds (HOLDS_TITLE): each title once, with its year (the earliest known) and the evidence of every supporting article; earliest first.',
  })
  titles(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return this.links('HOLDS_TITLE', person, toPage(args), ctx, info);
  }

  @FieldResolver(() => HeldHonourConnection, {
    description: 'Awards the person received (RECEIVED): each award once, with its year (the earliest known) and the evidence of every supporting article; earliest first.',
  })
  awards(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return this.links('RECEIVED', person, toPage(args), ctx, info);
  }

  @FieldResolver(() => EmployerConnection, { description: "The person's employers and offices (WORKS_FOR): each body once, with the positions and the evidence; by name." })
  employers(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return this.links('WORKS_FOR', person, toPage(args), ctx, info);
  }

  @FieldResolver(() => HonouringBodyConnection, {
    description: 'Bodies that honoured the person directly (HONOURED_BY), with the year and the evidence. Bodies that confer an honour the person holds are on the honour (Honour.conferredBy).',
  })
  honouredBy(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext, @Info() info: GraphQLResolveInfo) {
    return this.links('HONOURED_BY', person, toPage(args), ctx, info);
  }

  @FieldResolver(() => [Person], { description: 'Other people with the same name, whose employers show they are someone else.' })
  namesakes(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<EntityView[]> {
    return ctx.loaders.namesakes.load(person.key);
  }

  private async links(type: PersonLinkType, person: EntityView, page: Page, ctx: ApiContext, info: GraphQLResolveInfo) {
    const paged = await ctx.loaders.personLinks(type, page, factNeeds(info, ['edges', 'facts'])).load(person.key);
    return toConnection(page, paged, (l: LinkView) => l);
  }
}
