/** Whom a body honoured. */
import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { BODY_TYPES } from '../../domain/model.js';
import type { ApiContext } from '../context.js';
import { PageArgs, toConnection, toPage } from '../pagination.js';
import { HonouredPersonConnection } from '../types/edges.js';
import { requireEntity } from './lookup.js';

@Resolver()
export class BodyResolver {
  @Query(() => HonouredPersonConnection, {
    description:
      'Who was honoured by a body (union, company or organisation): people it honoured directly (HONOURED_BY) first, then people holding an honour it confers (CONFERRED_BY); each saying how the link is known (via), with the provenance and evidence of every fact.',
  })
  async honouredBy(
    @Arg('organization', () => String, {
      nullable: true,
      description: 'The body by canonical name or alias, for example 中华全国总工会 or 全总; when several bodies share it, the first (union, company, organisation).',
    })
    organization: string | null,
    @Arg('id', () => ID, { nullable: true, description: 'The body by id (Union:…, Company:…, Organization:…), instead of organization.' }) id: string | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: ApiContext,
  ) {
    const body = await requireEntity(ctx, { id, name: organization }, BODY_TYPES, 'organization');
    const page = toPage(args);
    const [paged] = await ctx.repos.bodies.honoured([body.id], page);
    return toConnection(page, paged!, (h) => ({ ...h, node: h.person }));
  }
}
