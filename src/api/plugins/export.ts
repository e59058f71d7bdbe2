/**
 * Downloads of the graph for researchers' tools, the same as `laurel export`:
 *
 *   GET /export/graph.graphml   GraphML (NetworkX, Gephi, Cytoscape)
 *   GET /export/graph.json      node-link JSON (NetworkX node_link_graph, d3)
 *   GET /export/nodes.csv       CSV with a BOM (Excel, pandas, R)
 *   GET /export/relationships.csv
 *
 * with `?center=<id or name>&depth=N` for a neighbourhood or `?honour=<name>`
 * for the holders of an honour; the whole graph without either. Responses
 * stream page by page (bounded memory, each page a short read transaction);
 * a subgraph holds at most MAX_EXPORT_NODES nodes (`x-laurel-truncated: true`
 * says some were left out), depth is at most MAX_NETWORK_DEPTH, and at most
 * MAX_CONCURRENT_EXPORTS run at once (503 with Retry-After beyond). Each
 * page's read has LAUREL_QUERY_TIMEOUT_MS and waits its turn in the client's
 * share of Neo4j, as a GraphQL request's queries do: a Neo4j that stops
 * answering ends a download (503 before it starts, a cut stream after),
 * never holds it open.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import type { Graph } from '../../graph/client.js';
import type { ClientShares } from '../shares.js';
import { ExportRequestError, graphml, nodeLinkJson, nodesCsv, relationshipsCsv, selectionFor, type Selection } from '../../graph/export/index.js';
import { ErrorCode, neo4jErrorCode } from '../errors.js';
import { MAX_CONCURRENT_EXPORTS, MAX_EXPORT_NODES, MAX_NETWORK_DEPTH } from '../limits.js';

export const EXPORT_PATH = '/export';

export interface ExportPluginOptions {
  graph: Graph;
  /** Each client's share of Neo4j (the GraphQL requests' too). */
  shares: ClientShares;
  /** How long one page's read may take (LAUREL_QUERY_TIMEOUT_MS). */
  queryTimeoutMs: number;
}

const FILES: Record<string, { type: string; write: (s: Selection) => Readable }> = {
  'graph.graphml': { type: 'application/graphml+xml; charset=utf-8', write: (s) => Readable.from(graphml(s)) },
  'graph.json': { type: 'application/json; charset=utf-8', write: (s) => Readable.from(nodeLinkJson(s)) },
  'nodes.csv': { type: 'text/csv; charset=utf-8', write: nodesCsv },
  'relationships.csv': { type: 'text/csv; charset=utf-8', write: relationshipsCsv },
};

interface ExportQuery {
  center?: string;
  depth?: string;
  honour?: string;
}

export const exportPlugin: FastifyPluginAsync<ExportPluginOptions> = async (app, opts) => {
  let running = 0;
  app.get<{ Params: { file: string }; Querystring: ExportQuery }>(`${EXPORT_PATH}/:file`, async (req, reply) => {
    const file = FILES[req.params.file];
    if (!file) return fail(reply, 404, ErrorCode.NOT_FOUND, `no export ${req.params.file}; there are ${Object.keys(FILES).join(', ')}`);
    const { center, honour } = req.query;
    const depth = req.query.depth === undefined ? undefined : Number(req.query.depth);
    if (depth !== undefined && (!Number.isInteger(depth) || depth < 1 || depth > MAX_NETWORK_DEPTH)) {
      return fail(reply, 400, ErrorCode.BAD_USER_INPUT, `depth must be 1 to ${MAX_NETWORK_DEPTH}, not ${req.query.depth}`);
    }
    if (running >= MAX_CONCURRENT_EXPORTS) {
      reply.header('retry-after', '10');
      return fail(reply, 503, ErrorCode.SERVICE_UNAVAILABLE, `${running} exports are running, the most this server streams at once; try again shortly`);
    }
    running++;
    let released = false;
    const release = () => {
      if (!released) (released = true), running--;
    };
    reply.raw.once('close', release);
    let selection: Selection;
    try {
      const graph = opts.graph.perQuery(opts.queryTimeoutMs, opts.shares.gateFor(req.ip));
      selection = await selectionFor(graph, { center, depth, honour, limit: MAX_EXPORT_NODES });
    } catch (err) {
      release();
      if (err instanceof ExportRequestError) return fail(reply, err.notFound ? 404 : 400, err.notFound ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT, err.message);
      const code = neo4jErrorCode(err);
      if (code) return fail(reply, 503, code, code === ErrorCode.SERVICE_UNAVAILABLE ? 'the graph database (Neo4j) cannot be reached; try again later' : 'Neo4j took too long');
      throw err;
    }
    const what = center !== undefined ? 'neighbourhood' : honour !== undefined ? 'honour' : 'graph';
    const [base, ext] = req.params.file.split('.') as [string, string];
    return reply
      .header('content-disposition', `attachment; filename="laurel-${what}-${base}.${ext}"`)
      .header('x-laurel-truncated', String(selection.truncated))
      .header('cache-control', 'no-store')
      .type(file.type)
      .send(file.write(selection));
  });
};

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json; charset=utf-8').send({ error: message, code });
}
