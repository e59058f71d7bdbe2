/** The real HTTP server on a free local port, and a GraphQL client over fetch. */
import { buildServer, listen } from '../../src/api/server.js';
import type { Graph } from '../../src/graph/index.js';

export interface RunningServer {
  base: string;
  graphql: string;
  close(): Promise<void>;
}

export async function startServer(graph: Graph, production = false): Promise<RunningServer> {
  const app = await buildServer({ graph, production });
  const { url } = await listen(app, '127.0.0.1', 0);
  return { base: url, graphql: `${url}/graphql`, close: () => app.close() };
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; stacktrace?: unknown } }[];
}

export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}): Promise<GqlResponse<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as object) };
}
