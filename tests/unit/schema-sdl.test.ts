/** schema/schema.graphql must be what the code builds: run `npm run schema` after changing the API. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLField, type GraphQLInputObjectType, type GraphQLNamedType, isInputObjectType, isInterfaceType, isObjectType, isEnumType } from 'graphql';
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

  it('offers a query per use, with filters and pages, and the two mutations', async () => {
    const schema = await buildApiSchema();
    const args = (f: GraphQLField<unknown, unknown> | undefined) => f!.args.map((a) => `${a.name}: ${a.type}`).sort();
    const q = schema.getQueryType()!.getFields();
    expect(Object.keys(q).sort()).toEqual(
      [
        'article', 'articles', 'award', 'awards', 'colleagues', 'companies', 'company', 'entity', 'honouredBy', 'honourees',
        'network', 'organization', 'organizations', 'path', 'people', 'person', 'search', 'stats', 'title', 'titles', 'union', 'unions',
      ].sort(),
    );
    const page = ['after: String', 'first: Int'];
    expect(args(q.person)).toEqual(['id: ID', 'name: String']);
    expect(args(q.people)).toEqual(['filter: PeopleFilter', ...page].sort());
    expect(args(q.honourees)).toEqual(['award: String', 'level: HonourLevel', 'title: String', 'year: Int', 'yearFrom: Int', 'yearTo: Int', ...page].sort());
    expect(args(q.honouredBy)).toEqual(['id: ID', 'organization: String', ...page].sort());
    expect(args(q.path)).toEqual(['from: EntityRef!', 'maxHops: Int!', 'to: EntityRef!']);
    expect(args(q.network)).toEqual(['center: EntityRef!', 'depth: Int!', 'limit: Int!']);
    expect(args(q.search)).toEqual(['text: String!', 'types: [EntityType!]', ...page].sort());
    const filter = schema.getType('PeopleFilter') as GraphQLInputObjectType;
    expect(Object.keys(filter.getFields()).sort()).toEqual(['award', 'company', 'level', 'organization', 'title', 'union', 'year', 'yearFrom', 'yearTo']);
    // Every list a query returns is a connection.
    for (const [name, field] of Object.entries(q)) {
      if (String(field.type).startsWith('[')) throw new Error(`Query.${name} returns a plain list`);
    }
    const m = schema.getMutationType()!.getFields();
    expect(Object.keys(m).sort()).toEqual(['deleteArticle', 'ingestArticle']);
    expect(args(m.ingestArticle)).toEqual(expect.arrayContaining(['text: String', 'html: String', 'title: String', 'date: String', 'source: String']));
    expect(m.ingestArticle!.description).toMatch(/LAUREL_API_TOKEN/);
    expect(m.deleteArticle!.description).toMatch(/MUTATIONS_DISABLED/);
  });
});
