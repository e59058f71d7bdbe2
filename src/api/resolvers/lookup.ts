/** Finding the entity an argument names: by id (`Type:key`) or by name, with the errors a client can act on. */
import { ENTITY_TYPES, HONOUR_TYPES, type EntityType, type HonourType } from '../../domain/model.js';
import { normaliseName } from '../../graph/names.js';
import type { ApiContext } from '../context.js';
import { badInput, notFound, requireName } from '../errors.js';
import { bareHonour, honourSpellings } from '../honour-names.js';
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
  const name = requireName(ref.name!, 'name');
  if (isHonours(wanted)) return oneHonour(name, await findHonours(ctx, name, wanted));
  const [first] = await ctx.repos.entities.findByName(wanted, name);
  return first ?? null;
}

const isHonours = (types: readonly EntityType[]): types is readonly HonourType[] => types.every((t) => (HONOUR_TYPES as readonly string[]).includes(t));

/**
 * The honours of `types` a name names: the one of that name or alias, as
 * written or in its canonical form (全国劳模 is 全国劳动模范); for a name
 * written without its level (五一劳动奖章), that honour at every level the
 * graph has.
 */
export async function findHonours(ctx: ApiContext, name: string, types: readonly HonourType[]): Promise<EntityView[]> {
  for (const spelling of honourSpellings(name)) {
    const [found] = await ctx.repos.entities.findByName(types, spelling);
    if (found) return [found];
  }
  const bare = bareHonour(name);
  if (!bare) return [];
  const { items } = await ctx.repos.entities.search(bare, types, { skip: 0, limit: 100 });
  return items.map((i) => i.entity).filter((e) => normaliseName(e.name).endsWith(bare));
}

/** Where one honour is wanted and a name without a level names several: the national one, else the name is too vague. */
function oneHonour(name: string, found: EntityView[]): EntityView | null {
  if (found.length <= 1) return found[0] ?? null;
  const national = found.find((h) => h.level === 'national');
  if (national) return national;
  throw badInput(`"${name}" names ${found.length} honours: ${found.map((h) => h.name).join(', ')}; give one of them`);
}

/**
 * As findHonours, but finding nothing is NOT_FOUND, named after the
 * argument, saying which argument to use when the name is an honour of the
 * other kind (全国五一劳动奖章 is an award, not a title), else naming
 * similar honours.
 */
export async function requireHonours(ctx: ApiContext, name: string, type: HonourType, argument: string): Promise<EntityView[]> {
  const wanted = requireName(name, argument);
  const found = await findHonours(ctx, wanted, [type]);
  if (found.length) return found;
  throw await honourNotFound(ctx, wanted, type, argument);
}

async function honourNotFound(ctx: ApiContext, name: string, type: HonourType, argument: string) {
  const other: HonourType = type === 'Title' ? 'Award' : 'Title';
  const elsewhere = await findHonours(ctx, name, [other]);
  if (elsewhere.length) {
    const otherArgument = argument.replace(type.toLowerCase(), other.toLowerCase());
    const what = elsewhere.length === 1 ? `the ${other} ${elsewhere[0]!.name}` : `${other}s (${elsewhere.map((h) => h.name).join(', ')})`;
    return notFound(`${argument}: no ${type} named "${name}"; it names ${what}: ask with ${otherArgument}: "${name}"`, { argument: otherArgument });
  }
  const { items } = await ctx.repos.entities.search(name, [type], { skip: 0, limit: 3 });
  const similar = items.length ? `; similar: ${items.map((i) => i.entity.name).join(', ')}` : '';
  return notFound(`${argument}: no ${type} named "${name}" in the graph${similar}`);
}

/** As findEntity, but a missing entity is NOT_FOUND, named after the argument. */
export async function requireEntity(ctx: ApiContext, ref: RefArgs, types: readonly EntityType[], argument: string): Promise<EntityView> {
  const found = await findEntity(ctx, ref, types);
  if (!found && ref.name && types.length === 1 && isHonours(types)) throw await honourNotFound(ctx, ref.name.trim(), types[0]!, argument);
  if (!found) {
    const what = types.length === ENTITY_TYPES.length ? 'entity' : types.join(' or ');
    throw notFound(`${argument}: no ${what} ${ref.id ? `with id "${ref.id}"` : `named "${ref.name}"`} in the graph`);
  }
  return found;
}
