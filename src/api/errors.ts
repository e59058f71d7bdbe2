/** GraphQL errors with the codes clients can act on. */
import { GraphQLError } from 'graphql';

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Rejects blank names before they reach the database. */
export function requireName(value: string, what: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${what} must not be empty`);
  if (trimmed.length > 200) throw badInput(`${what} is too long (at most 200 characters)`);
  return trimmed;
}
