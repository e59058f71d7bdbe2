/** Finding the entity an argument names: by id (`Type:key`) or by name, with the errors a client can act on. */
import { ENTITY_TYPES, type EntityType } from '../../domain/model.js';
import type { ApiContext } from '../context.js';
import { badInput, notFound, requireName } from '../errors.js';
import { splitId, type EntityView } from '../repositories/views.js';

export interface RefArgs {
  id?: string | null;
  name?: string | null;
  type?: EntityType | null;
}

/** `Type:key`, or a bare key of `type` when the caller expects one type. */
export function idOf(id: string, types: readonly EntityType[]): string {
  const trimmed = requireName(id, 'id');
  const { type } = splitId(trimmed);
  if (type) {
    if (!types.includes(type)) throw badInput(`"${trimmed}" is a ${type}; expected ${types.join(' or ')}`);
    return trimmed;
  }
  if (types.length === 1) return `${types[0]}:${trimmed}`;
  throw badInput(`"${trimmed}" is not an entity id: ids look like Type:key, for example Person:张三`);
}

/**
 * The entity an id or a name names, among `types`, or null. With a name,
 * the first match in type order (Person, Title, …), namesakes in key order.
 */
export async function findEntity(ctx: ApiContext, ref: RefArgs, types: readonly EntityType[]): Promise<EntityView | null> {
  const given = [ref.id, ref.name].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw badInput('give exactly one of id and name');
  if (ref.id !== null && ref.id !== undefined) return ctx.loaders.entity.load(idOf(ref.id, types));
  const wanted = ref.type ? types.filter((t) => t === ref.type) : types;
  if (wanted.length === 0) throw badInput(`type must be one of ${types.join(', ')}`);
  const [first] = await ctx.repos.entities.findByName(wanted, requireName(ref.name!, 'name'));
  return first ?? null;
}

/** As findEntity, but a missing entity is NOT_FOUND, named after the argument. */
export async function requireEntity(ctx: ApiContext, ref: RefArgs, types: readonly EntityType[], argument: string): Promise<EntityView> {
  const found = await findEntity(ctx, ref, types);
  if (!found) {
    const what = types.length === ENTITY_TYPES.length ? 'entity' : types.join(' or ');
    throw notFound(`${argument}: no ${what} ${ref.id ? `with id "${ref.id}"` : `named "${ref.name}"`} in the graph`);
  }
  return found;
}
