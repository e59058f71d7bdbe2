/**
 * The GraphQL schema, built by type-graphql from the resolver classes. New
 * query modules are added to RESOLVERS; nothing else needs to change.
 */
import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
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
