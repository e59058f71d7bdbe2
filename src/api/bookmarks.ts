/**
 * Causal consistency without state on the server: a mutation's answer
 * carries the bookmarks of its writes in the `Laurel-Bookmark` header; a
 * client that sends the header back with its next request reads what it
 * wrote, whichever replica of the API answers and whichever member of a
 * Neo4j cluster that replica's read is routed to (the read waits until that
 * member has the writes). A client that sends no header reads whatever the
 * member it reaches has. The token is opaque to clients: base64url of the
 * JSON list of Neo4j's bookmarks.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import neo4j, { type BookmarkManager } from 'neo4j-driver';
import { ErrorCode } from './errors.js';

export const BOOKMARK_HEADER = 'laurel-bookmark';

/** Neo4j's bookmarks are short ("FB:…"); a cluster's causal chain needs one per database. */
const MAX_HEADER_LENGTH = 4096;
const MAX_BOOKMARKS = 16;

export function encodeBookmarks(bookmarks: Iterable<string>): string {
  return Buffer.from(JSON.stringify([...bookmarks])).toString('base64url');
}

/** The bookmarks a request's header names; a header that is not one Laurel gave out is the client's error (HTTP 400). */
export function decodeBookmarks(header: string | string[] | undefined): string[] {
  if (header === undefined || header === '') return [];
  const value = Array.isArray(header) ? header.join(',') : header;
  const refuse = () =>
    new GraphQLError(`the ${BOOKMARK_HEADER} header is not a bookmark this service gave out (send back the value a mutation's answer carried)`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400, headers: new HeaderMap() } },
    });
  if (value.length > MAX_HEADER_LENGTH) throw refuse();
  let list: unknown;
  try {
    list = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(list) || list.length > MAX_BOOKMARKS || !list.every((b) => typeof b === 'string' && b.length > 0 && b.length <= 512)) throw refuse();
  return list as string[];
}

/** A request's bookmarks: what it must see, and, after it ran, what its writes add. */
export function requestBookmarks(header: string | string[] | undefined): BookmarkManager {
  return neo4j.bookmarkManager({ initialBookmarks: decodeBookmarks(header) });
}

/** Apollo plugin: a mutation's answer carries the bookmarks its writes left, for the client's next request. */
export function bookmarkHeader(): ApolloServerPlugin<{ bookmarks: BookmarkManager }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue, response }) {
          if (operation?.operation !== 'mutation') return;
          const bookmarks = [...(await contextValue.bookmarks.getBookmarks())];
          if (bookmarks.length) response.http.headers.set(BOOKMARK_HEADER, encodeBookmarks(bookmarks));
        },
      };
    },
  };
}
