/**
 * Exports of the graph for researchers' tools: what to export (the whole
 * graph, a neighbourhood, the holders of an honour) and how to write it
 * (GraphML, CSV, node-link JSON). Used by `laurel export` and the server's
 * /export routes alike.
 */
import { ENTITY_TYPES, HONOUR_TYPES, type EntityType } from '../../domain/model.js';
import type { Graph } from '../client.js';
import { graphCounts } from '../stats.js';
import { findEntities, honourHolders, neighbourhood, wholeGraph, type FoundEntity, type Selection } from './selection.js';

export { FORMATS, graphml, nodeLinkJson, nodesCsv, relationshipsCsv, type ExportFormat } from './formats.js';
export type { ExportEdge, ExportNode } from './records.js';
export type { Selection } from './selection.js';

export interface SelectionRequest {
  /** An entity id (`Type:key`) or name: export its neighbourhood. */
  center?: string;
  /** Steps out from the centre (default 1). */
  depth?: number;
  /** A title or award (id or name): export its holders, their employers and honouring bodies. */
  honour?: string;
  /** At most this many nodes in a subgraph (the server's limit); none by default. */
  limit?: number;
}

/** A request that names nothing, or something ambiguous or invalid; the message is for the user. */
export class ExportRequestError extends Error {
  override name = 'ExportRequestError';
  constructor(
    message: string,
    readonly notFound = false,
  ) {
    super(message);
  }
}

export async function selectionFor(graph: Graph, req: SelectionRequest): Promise<Selection> {
  if (req.center !== undefined && req.honour !== undefined) throw new ExportRequestError('give a centre or an honour, not both');
  if (req.depth !== undefined && req.center === undefined) throw new ExportRequestError('depth goes with a centre');
  if (req.center !== undefined) {
    const depth = req.depth ?? 1;
    if (!Number.isInteger(depth) || depth < 1) throw new ExportRequestError(`depth must be a whole number from 1, not ${req.depth}`);
    return neighbourhood(graph, await theOne(graph, req.center, ENTITY_TYPES, 'centre'), depth, req.limit);
  }
  if (req.honour !== undefined) return honourHolders(graph, await theOne(graph, req.honour, HONOUR_TYPES, 'honour'), req.limit);
  const counts = await graphCounts(graph);
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return wholeGraph(graph, { nodes: sum(counts.labels), edges: sum(counts.relationships) });
}

/** The entity a name or id names; several namesakes must be told apart by id. */
async function theOne(graph: Graph, ref: string, types: readonly EntityType[], what: string): Promise<FoundEntity> {
  const name = ref.trim();
  if (!name) throw new ExportRequestError(`the ${what} is empty`);
  const found = await findEntities(graph, name, types);
  if (found.length === 0) throw new ExportRequestError(`no ${types.length === ENTITY_TYPES.length ? 'entity' : types.join(' or ')} named "${name}" in the graph`, true);
  if (found.length > 1) {
    throw new ExportRequestError(`"${name}" names ${found.length} entities: ${found.map((f) => f.id).join(', ')}; give the one you mean by its id`);
  }
  return found[0]!;
}
