/**
 * Relay-style cursor pagination, the same on every list: `first` (at most
 * MAX_PAGE_SIZE) and `after` in, a connection with edges, node, cursor,
 * pageInfo and totalCount out.
 *
 * A cursor is an opaque token for a position in the list's ordering (every
 * list has a total order, ties broken by key), so paging is stable while the
 * graph does not change. Repositories receive a plain `Page` (skip, limit)
 * and return a `Paged` (total and the items of the page).
 */
// Its classes are decorated: the metadata polyfill must come first, whoever imports this module first.
import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import type { ClassType } from 'type-graphql';
import { badInput } from './errors.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './limits.js';

export interface Page {
  skip: number;
  limit: number;
}

export interface Paged<T> {
  total: number;
  items: T[];
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return: 0 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when omitted. Larger pages are refused with BAD_USER_INPUT.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the items after this cursor (an edge's `cursor` or `pageInfo.endCursor` of the previous page)." })
  after?: string | null;
}

const CURSOR_PREFIX = 'laurel:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const n = raw.startsWith(CURSOR_PREFIX) ? Number(raw.slice(CURSOR_PREFIX.length)) : NaN;
  if (!Number.isInteger(n) || n < 0) throw badInput(`"${cursor}" is not a cursor this API gave out`);
  return n;
}

/** Checks `first` and `after`; the same rule as the complexity estimate uses (limits.ts). */
export function toPage(args: { first?: number | null; after?: string | null }): Page {
  const limit = checkPageSize(args.first);
  const skip = args.after ? decodeCursor(args.after) + 1 : 0;
  return { skip, limit };
}

export function checkPageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw badInput(`first must be 0 or more, not ${first}`);
  if (first > MAX_PAGE_SIZE) throw badInput(`first must be at most ${MAX_PAGE_SIZE} (asked for ${first}); page through larger lists with after`);
  return first;
}

/** A stable string for a page, to key per-request loaders by their arguments. */
export function pageKey(page: Page): string {
  return `${page.skip}:${page.limit}`;
}

@ObjectType({ description: 'Where a page lies in its list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "The last edge's cursor (pass it as `after` for the next page); null on an empty page." })
  endCursor!: string | null;
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

export interface ConnectionShape<E> {
  edges: E[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A connection from a repository's page. `edge` turns an item into the edge
 * without its cursor (the node, and the relationship's properties if any).
 */
export function toConnection<T, E extends object>(page: Page, paged: Paged<T>, edge: (item: T) => E): ConnectionShape<E & { cursor: string }> {
  const edges = paged.items.map((item, i) => ({ ...edge(item), cursor: encodeCursor(page.skip + i) }));
  return {
    edges,
    totalCount: paged.total,
    pageInfo: {
      hasNextPage: page.skip + edges.length < paged.total,
      hasPreviousPage: page.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A connection of edges whose only content is the node. */
export function nodeConnection<T>(page: Page, paged: Paged<T>): ConnectionShape<Edge<T>> {
  return toConnection(page, paged, (node) => ({ node }));
}

/**
 * The GraphQL connection type `${name}Connection` for an edge type (a thunk,
 * so that types may refer to each other in any module order).
 */
export function Connection<E extends object>(name: string, edge: () => ClassType<E>, what: string) {
  @ObjectType(`${name}Connection`, { description: `A page of ${what}.` })
  class ConnectionClass {
    @Field(() => [edge()], { description: 'The items of this page, each with its cursor.' })
    edges!: E[];

    @Field(() => PageInfo, { description: 'Where this page lies in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list has.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** An edge type `${name}Edge` holding just a node. */
export function NodeEdge<N extends object>(name: string, node: () => ClassType<N> | (abstract new () => N), what: string) {
  @ObjectType(`${name}Edge`, { description: `${what.replace(/\.$/, '')} in a list.` })
  class EdgeClass {
    @Field(() => String, { description: 'Where this edge lies in the list; pass it as `after` to continue from here.' })
    cursor!: string;

    @Field(() => node(), { description: what })
    node!: N;
  }
  return EdgeClass;
}
