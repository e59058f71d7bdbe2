/** The API's rules on their own: cursors and page sizes, the depth limit, who may write, and what clients see of errors. */
import 'reflect-metadata';
import { GraphQLError, parse, validate } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { accessOf } from '../../src/api/auth.js';
import { formatError } from '../../src/api/errors.js';
import { MAX_DEPTH, MAX_PAGE_SIZE, depthLimit } from '../../src/api/limits.js';
import { decodeCursor, encodeCursor, toConnection, toPage } from '../../src/api/pagination.js';
import { buildApiSchema } from '../../src/api/schema.js';

describe('pages', () => {
  it('turn first/after into skip/limit, and a page back into a connection', () => {
    expect(toPage({})).toEqual({ skip: 0, limit: 20 });
    expect(toPage({ first: 5, after: encodeCursor(9) })).toEqual({ skip: 10, limit: 5 });
    const conn = toConnection({ skip: 10, limit: 2 }, { total: 13, items: ['a', 'b'] }, (node) => ({ node }));
    expect(conn.edges.map((e) => [e.node, decodeCursor(e.cursor)])).toEqual([
      ['a', 10],
      ['b', 11],
    ]);
    expect(conn.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor(10), endCursor: encodeCursor(11) });
    expect(conn.totalCount).toBe(13);
  });

  it('refuse oversized pages and cursors the API did not give out, as BAD_USER_INPUT', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return (err as GraphQLError).extensions.code;
      }
      return 'accepted';
    };
    expect(code(() => toPage({ first: MAX_PAGE_SIZE }))).toBe('accepted');
    expect(code(() => toPage({ first: MAX_PAGE_SIZE + 1 }))).toBe('BAD_USER_INPUT');
    expect(code(() => toPage({ first: -1 }))).toBe('BAD_USER_INPUT');
    expect(code(() => toPage({ after: 'xyz' }))).toBe('BAD_USER_INPUT');
    expect(code(() => toPage({ after: Buffer.from('laurel:-3').toString('base64url') }))).toBe('BAD_USER_INPUT');
  });
});

describe('depth limit', () => {
  const depthErrors = async (source: string) =>
    validate(await buildApiSchema(), parse(source), [depthLimit()]).map((e) => e.extensions);
  const nest = (n: number) => {
    // person → namesakes → namesakes … → id: n fields deep.
    let q = 'id';
    for (let i = 2; i < n; i++) q = `namesakes { ${q} }`;
    return `{ person(name: "x") { ${q} } }`;
  };

  it(`accepts ${MAX_DEPTH} fields and refuses ${MAX_DEPTH + 1}, through fragments too`, async () => {
    expect(await depthErrors(nest(MAX_DEPTH))).toEqual([]);
    expect(await depthErrors(nest(MAX_DEPTH + 1))).toEqual([{ limit: 'depth', max: MAX_DEPTH, actual: MAX_DEPTH + 1 }]);
    const viaFragment = `{ person(name: "x") { ...F } } fragment F on Person { ${nest(MAX_DEPTH + 1).slice('{ person(name: "x") { '.length, -4)} }`;
    expect(await depthErrors(viaFragment)).toHaveLength(1);
  });
});

describe('access', () => {
  const token = 'a-token-of-enough-length';
  it('needs the configured bearer token; without one configured, nobody writes', () => {
    expect(accessOf(`Bearer ${token}`, token)).toBe('writer');
    expect(accessOf(`bearer   ${token}`, token)).toBe('writer');
    expect(accessOf(undefined, token)).toBe('missing');
    expect(accessOf(`Basic ${token}`, token)).toBe('missing');
    expect(accessOf(`Bearer ${token}x`, token)).toBe('invalid');
    expect(accessOf(`Bearer ${token}`, undefined)).toBe('disabled');
  });
});

describe('what clients see of errors', () => {
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['person'] });
  const format = (production: boolean, error: GraphQLError) => {
    const debug = !production;
    const formatted = { message: error.message, path: error.path, extensions: { code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR', stacktrace: ['at somewhere'] } };
    return formatError({ debug, log: () => {} })(formatted, error);
  };

  it('hides the message and stack of an unexpected error unless LAUREL_DEBUG asks for them', () => {
    const err = wrap(new Error('Cypher went wrong near MATCH (p:Person)'));
    expect(format(true, err)).toEqual({ message: 'internal server error', path: ['person'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(format(false, err)).toMatchObject({ message: 'Cypher went wrong near MATCH (p:Person)', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at somewhere'] } });
  });

  it("names the driver's errors: unreachable, refused credentials, timed out", () => {
    const driver = (code: string) => wrap(new Neo4jError('raw driver text', code, '', ''));
    expect(format(true, driver('ServiceUnavailable')).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(format(true, driver('Neo.ClientError.Security.Unauthorized')).extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
    expect(format(true, driver('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    expect(format(true, driver('ServiceUnavailable')).message).not.toContain('raw driver text');
  });

  it('passes known codes through', () => {
    const err = new GraphQLError('no title named "x"', { extensions: { code: 'NOT_FOUND' } });
    expect(format(true, err)).toEqual({ message: 'no title named "x"', path: undefined, extensions: { code: 'NOT_FOUND' } });
  });
});
