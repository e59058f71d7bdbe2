import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context.js';
import { requireName } from '../errors.js';
import type { MentionView } from '../repositories/entities.js';
import type { EmploymentFactView, HonourFactView } from '../repositories/people.js';
import type { EntityView } from '../repositories/views.js';
import { Person } from '../types/entities.js';
import { EmploymentFact, HonourFact, Mention } from '../types/facts.js';

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, {
    nullable: true,
    description:
      'The person with this name (canonical name or alias), or null. When several people share the name (different employers), the first known is returned and `namesakes` lists the others.',
  })
  async person(@Arg('name', () => String, { description: 'The name as written, for example 张三.' }) name: string, @Ctx() ctx: ApiContext): Promise<EntityView | null> {
    const [first] = await ctx.repos.entities.findByName(['Person'], requireName(name, 'name'));
    return first ?? null;
  }

  @FieldResolver(() => [HonourFact], { description: 'Titles the person holds (HOLDS_TITLE), one fact per supporting article.' })
  titles(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<HonourFactView[]> {
    return ctx.loaders.titles.load(person.key);
  }

  @FieldResolver(() => [HonourFact], { description: 'Awards the person received (RECEIVED), one fact per supporting article.' })
  awards(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<HonourFactView[]> {
    return ctx.loaders.awards.load(person.key);
  }

  @FieldResolver(() => [EmploymentFact], { description: "The person's employers and offices (WORKS_FOR), one fact per supporting article." })
  employers(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<EmploymentFactView[]> {
    return ctx.loaders.employers.load(person.key);
  }

  @FieldResolver(() => [Mention], { description: 'The articles that mention the person, oldest first, each with the sentence of the first mention.' })
  mentionedIn(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<MentionView[]> {
    return ctx.loaders.mentions.load(person.id);
  }

  @FieldResolver(() => [Person], { description: 'Other people with the same name whose employers show they are someone else.' })
  namesakes(@Root() person: EntityView, @Ctx() ctx: ApiContext): Promise<EntityView[]> {
    return ctx.loaders.namesakes.load(person.key);
  }
}
