/**
 * The GraphQL schema, built by type-graphql from the resolver classes. New
 * query modules are added to RESOLVERS; nothing else needs to change.
 */
import 'reflect-metadata';
import { isInterfaceType, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { authChecker } from './auth.js';
import { ArticleResolver } from './resolvers/article.js';
import { BodyResolver } from './resolvers/body.js';
import { BodyFieldsResolver, EntityFieldsResolver, EntityQueriesResolver, HonourFieldsResolver } from './resolvers/entity.js';
import { ExploreResolver } from './resolvers/explore.js';
import { FactResolver } from './resolvers/fact.js';
import { HonourResolver } from './resolvers/honour.js';
import { MutationResolver } from './resolvers/mutation.js';
import { PersonResolver } from './resolvers/person.js';
import { ENTITY_OBJECT_TYPES } from './types/entities.js';

export const RESOLVERS = [
  PersonResolver,
  EntityQueriesResolver,
  EntityFieldsResolver,
  HonourFieldsResolver,
  BodyFieldsResolver,
  HonourResolver,
  BodyResolver,
  ExploreResolver,
  ArticleResolver,
  FactResolver,
  MutationResolver,
] as const;

/** schema/schema.graphql at the package root, from src/api or dist/api alike. */
export const SDL_PATH = new URL('../../schema/schema.graphql', import.meta.url);

export function buildApiSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    orphanedTypes: ENTITY_OBJECT_TYPES,
    // Arguments are plain scalars checked in the resolvers; no class-validator.
    validate: false,
    // Mutations are @Authorized(); auth.ts says who may write, and why not.
    authChecker,
  });
}

/**
 * `Type.field` of every field whose resolver reads Neo4j: each root field,
 * and each field a resolver class resolves (@FieldResolver), on its type and
 * on the object types implementing it. Fields an object resolves from what
 * it already holds (a method of the type itself) are not. The cost limits
 * count these (limits.ts), so a new resolver is counted without a list to
 * keep up to date.
 */
export function neo4jFields(schema: GraphQLSchema): Set<string> {
  const fields = new Set<string>();
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const name of Object.keys(root?.getFields() ?? {})) fields.add(`${root!.name}.${name}`);
  }
  const metadata = getMetadataStorage();
  const typeName = (target: Function) =>
    [...metadata.objectTypes, ...metadata.interfaceTypes].find((t) => t.target === target)?.name ?? target.name;
  for (const resolver of metadata.fieldResolvers) {
    const owner = resolver.getObjectType?.();
    if (resolver.kind !== 'external' || !owner) continue;
    const type = schema.getType(typeName(owner));
    if (!type) continue;
    fields.add(`${type.name}.${resolver.schemaName}`);
    if (isInterfaceType(type)) {
      for (const impl of schema.getPossibleTypes(type)) fields.add(`${impl.name}.${resolver.schemaName}`);
      for (const sub of schema.getImplementations(type).interfaces) fields.add(`${sub.name}.${resolver.schemaName}`);
    }
  }
  return fields;
}
