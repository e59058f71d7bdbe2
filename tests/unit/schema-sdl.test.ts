/** schema/schema.graphql must be what the code builds: run `npm run schema` after changing the API. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLField, type GraphQLNamedType, isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { emitSchema } from '../../src/api/emit-schema.js';
import { SDL_PATH, buildApiSchema } from '../../src/api/schema.js';

describe('schema/schema.graphql', () => {
  it('is the SDL the code builds (run `npm run schema` when this fails)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'laurel-sdl-'));
    try {
      const fresh = await readFile(await emitSchema(join(dir, 'schema.graphql')), 'utf8');
      const committed = await readFile(fileURLToPath(SDL_PATH), 'utf8').catch(() => '');
      expect(committed, 'schema/schema.graphql is stale or missing: run `npm run schema` and commit it').toBe(fresh);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('parses, and describes every type, field, argument and enum value', async () => {
    const schema = buildSchema(await readFile(fileURLToPath(SDL_PATH), 'utf8'));
    const missing: string[] = [];
    const own = (t: GraphQLNamedType) => !t.name.startsWith('__') && !['String', 'Int', 'Float', 'Boolean', 'ID'].includes(t.name);
    for (const type of Object.values(schema.getTypeMap()).filter(own)) {
      // Root operation types (Query, Mutation) are described by their fields.
      const root = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].includes(type as never);
      if (!type.description && !root) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of (field as GraphQLField<unknown, unknown>).args ?? []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
    }
    expect(missing).toEqual([]);
  });

  it('offers the first-cut queries', async () => {
    const fields = (await buildApiSchema()).getQueryType()!.getFields();
    expect(Object.keys(fields).sort()).toEqual(['honouredBy', 'honourees', 'person']);
    expect(fields.honourees!.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['title: String!']);
    expect(fields.person!.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['name: String!']);
    expect(fields.honouredBy!.args.map((a) => `${a.name}: ${a.type}`)).toEqual(['organization: String!']);
  });
});
