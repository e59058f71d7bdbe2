/** The real HTTP server on a free local port, and a GraphQL client over fetch. */
import { buildServer, listen } from '../../src/api/server.js';
import type { Graph } from '../../src/graph/index.js';

export interface RunningServer {
  base: string;
  graphql: string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** LAUREL_DEBUG: stack traces and internal messages for clients. */
  debug?: boolean;
  /** LAUREL_API_TOKEN: mutations need it as a bearer token; without it they are disabled. */
  apiToken?: string;
  queryTimeoutMs?: number;
  /** A port to listen on (127.0.0.1); any free one by default. */
  port?: number;
}

/** `options` may be a boolean: debug or not. */
export async function startServer(graph: Graph, options: boolean | ServerOptions = {}): Promise<RunningServer> {
  const o = typeof options === 'boolean' ? { debug: options } : options;
  const app = await buildServer({ graph, debug: o.debug ?? false, apiToken: o.apiToken, queryTimeoutMs: o.queryTimeoutMs });
  const { url } = await listen(app, '127.0.0.1', o.port ?? 0);
  return { base: url, graphql: `${url}/graphql`, close: () => app.close() };
}

export interface GqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; stacktrace?: unknown; [k: string]: unknown };
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: GqlError[];
}

export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as object) };
}

/** The Authorization header for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

/** The codes of a response's errors, in order. */
export function codes(res: GqlResponse<unknown>): (string | undefined)[] {
  return (res.errors ?? []).map((e) => e.extensions?.code);
}
