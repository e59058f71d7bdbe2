/** People: lookup, filtered lists, and what the graph says about a person. */
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { badInput } from '../errors.js';
import { PageArgs, nodeConnection, pageKey, toConnection, toPage, type Page } from '../pagination.js';
import type { PeopleQuery, PersonLinkType } from '../repositories/people.js';
import type { EntityView, LinkView } from '../repositories/views.js';
import { EmployerConnection, HeldHonourConnection, HonouringBodyConnection, PersonConnection } from '../types/edges.js';
import { Person } from '../types/entities.js';
import { PeopleFilter } from '../types/inputs.js';
import { findEntity, requireEntity } from './lookup.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description:
      'A person by id or name (give one), or null. When several people share the name (the identity rule keeps people with different employers apart), the first known is returned and `namesakes` lists the others.',
  })
  person(
    @Arg('id', () => ID, { nullable: true, description: 'The id, Person:key (or just the key, for example 张三#2).' }) id: string | null,
    @Arg('name', () => String, { nullable: true, description: 'The name as written (canonical name or alias), for example 张三.' }) name: string | null,
    @Ctx() ctx: ApiContext,
  ): Promise<EntityView | null> {
    return findEntity(ctx, { id, name }, ['Person']);
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
  titles(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    return this.links('HOLDS_TITLE', person, toPage(args), ctx);
  }

  @FieldResolver(() => HeldHonourConnection, {
    description: 'Awards the person received (RECEIVED): each award once, with its year (the earliest known) and the evidence of every supporting article; earliest first.',
  })
  awards(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    return this.links('RECEIVED', person, toPage(args), ctx);
  }

  @FieldResolver(() => EmployerConnection, { description: "The person's employers and offices (WORKS_FOR): each body once, with the positions and the evidence; by name." })
  employers(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    return this.links('WORKS_FOR', person, toPage(args), ctx);
  }

  @FieldResolver(() => HonouringBodyConnection, {
    description: 'Bodies that honoured the person directly (HONOURED_BY), with the year and the evidence. Bodies that confer an honour the person holds are on the honour (Honour.conferredBy).',
  })
  honouredBy(@Root() person: EntityView, @Args(() => PageArgs) args: PageArgs, @Ctx() ctx: ApiContext) {
    return this.links('HONOURED_BY', person, toPage(args), ctx);
  }

  @FieldResolver(() => [Person], { description: 'Other people with the same name, whose employers show they are someone else.' })
  namesakes(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<EntityView[]> {
    return ctx.loaders.namesakes.load(person.key);
  }

  private async links(type: PersonLinkType, person: EntityView, page: Page, ctx: ApiContext) {
    const paged = await ctx.loaders.keyed(`Person.${type}`, pageKey(page), (keys) => ctx.repos.people.links(type, keys, page)).load(person.key);
    return toConnection(page, paged, (l: LinkView) => l);
  }
}
