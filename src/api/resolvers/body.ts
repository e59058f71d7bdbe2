import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { BODY_TYPES } from '../../domain/model.js';
import type { ApiContext } from '../context.js';
import { notFound, requireName } from '../errors.js';
import type { HonouredPersonView } from '../repositories/bodies.js';
import { HonouredPerson } from '../types/facts.js';

@Resolver()
export class BodyResolver {
  @Query(() => [HonouredPerson], {
    description:
      'Who was honoured by a body (union, company or organisation): people it honoured directly (HONOURED_BY) and people holding an honour it confers (CONFERRED_BY), each with how the link is known and its evidence.',
  })
  async honouredBy(
    @Arg('organization', () => String, { description: 'The body by canonical name or alias, for example 中华全国总工会.' }) organization: string,
    @Ctx() ctx: ApiContext,
  ): Promise<HonouredPersonView[]> {
    const bodies = await ctx.repos.entities.findByName(BODY_TYPES, requireName(organization, 'organization'));
    if (bodies.length === 0) throw notFound(`no union, company or organisation named "${organization}" in the graph`);
    const lists = await Promise.all(bodies.map((b) => ctx.repos.bodies.honoured(b)));
    return lists.flat();
  }
}
