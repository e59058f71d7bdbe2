/**
 * GraphQL errors with the codes clients can act on, and the one place that
 * turns whatever a resolver threw into what a client sees.
 *
 *   BAD_USER_INPUT       an argument is wrong (empty name, page too large, bad cursor, …)
 *   NOT_FOUND            an argument names something the graph does not have
 *   UNAUTHENTICATED      a mutation without `Authorization: Bearer <LAUREL_API_TOKEN>`, or with a wrong token
 *   MUTATIONS_DISABLED   a mutation on a server started without LAUREL_API_TOKEN
 *   SERVICE_UNAVAILABLE  Neo4j cannot be reached (or refuses Laurel's credentials)
 *   QUERY_TIMEOUT        the request needed more than LAUREL_QUERY_TIMEOUT_MS
 *   GRAPHQL_VALIDATION_FAILED  the operation is invalid, too deep or too costly (limits.ts)
 *   INTERNAL_SERVER_ERROR anything else; its message is hidden unless LAUREL_DEBUG=1
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { DeadlineError, Neo4jNoAnswerError } from '../graph/index.js';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  MUTATIONS_DISABLED: 'MUTATIONS_DISABLED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

/** `hint` says how to ask instead (for example which argument names such a thing). */
export function notFound(message: string, hint: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, ...hint } });
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
}

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
}

export function mutationsDisabled(): GraphQLError {
  return new GraphQLError('mutations are disabled: this server was started without LAUREL_API_TOKEN, so it accepts queries only', {
    extensions: { code: ErrorCode.MUTATIONS_DISABLED },
  });
}

/** Rejects blank and overlong names before they reach the database. */
export function requireName(value: string, what: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${what} must not be empty`);
  if (trimmed.length > 200) throw badInput(`${what} is too long (at most 200 characters)`);
  return trimmed;
}

// Driver codes for "no server to talk to", and server codes that mean the same for a client.
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const TIMED_OUT = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);
// A Laurel-Bookmark header that decodes but names no transaction of this database (bookmarks.ts).
const BAD_BOOKMARK = new Set(['Neo.ClientError.Transaction.InvalidBookmark', 'Neo.ClientError.Transaction.InvalidBookmarkMixture']);
// The cluster member a read reached has not caught up with the client's writes in time.
const BOOKMARK_TIMEOUT = 'Neo.TransientError.Transaction.BookmarkTimeout';

/** The client-facing code for an error from the driver, or undefined when it is not one Laurel explains. */
export function neo4jErrorCode(err: unknown): string | undefined {
  if (err instanceof Neo4jNoAnswerError) return ErrorCode.SERVICE_UNAVAILABLE;
  if (err instanceof DeadlineError) return ErrorCode.QUERY_TIMEOUT;
  if (!(err instanceof Neo4jError)) return undefined;
  if (UNAVAILABLE.has(err.code) || err.code === BOOKMARK_TIMEOUT) return ErrorCode.SERVICE_UNAVAILABLE;
  if (BAD_BOOKMARK.has(err.code)) return ErrorCode.BAD_USER_INPUT;
  // The pool could neither lend a connection nor open one in time (the driver gives this no code).
  if (err.message.startsWith('Connection acquisition timed out')) return ErrorCode.SERVICE_UNAVAILABLE;
  if (TIMED_OUT.has(err.code)) return ErrorCode.QUERY_TIMEOUT;
  return undefined;
}

export interface ErrorFormatOptions {
  /** LAUREL_DEBUG: keep stack traces and the messages of unexpected errors. */
  debug: boolean;
  queryTimeoutMs?: number;
  /** Where unexpected errors are logged in full (the client sees less unless debugging). */
  log?: (err: unknown) => void;
}

/** Apollo's formatError: known codes pass through; driver errors get their code; the rest is masked unless debugging. */
export function formatError(opts: ErrorFormatOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = neo4jErrorCode(original);
    const { stacktrace, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const keepStack = opts.debug && stacktrace ? { stacktrace } : {};
    if (code === ErrorCode.SERVICE_UNAVAILABLE) {
      const message =
        original instanceof Neo4jNoAnswerError
          ? `the graph database (Neo4j) did not answer within ${original.waitedMs} ms; try again later`
          : 'the graph database (Neo4j) cannot be reached; try again later';
      return { ...formatted, message, extensions: { ...keepStack, code } };
    }
    if (code === ErrorCode.BAD_USER_INPUT) {
      return { ...formatted, message: 'the laurel-bookmark header names no transaction of this database (send back the value a mutation\'s answer carried)', extensions: { ...keepStack, code } };
    }
    if (code === ErrorCode.QUERY_TIMEOUT) {
      const limit = opts.queryTimeoutMs ? ` (${opts.queryTimeoutMs} ms)` : '';
      return { ...formatted, message: `the query took longer than the server allows${limit}; ask for less (smaller pages, lower depth)`, extensions: { ...keepStack, code } };
    }
    if (rest.code === undefined || rest.code === ErrorCode.INTERNAL_SERVER_ERROR) {
      opts.log?.(original);
      if (!opts.debug) return { ...formatted, message: 'internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
      return { ...formatted, extensions: { ...rest, ...keepStack, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    }
    return { ...formatted, extensions: { ...rest, ...keepStack } };
  };
}
