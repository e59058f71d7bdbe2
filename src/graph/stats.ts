/** Counts of every label and relationship type of the model, from Neo4j's count store. */
import { ARTICLE_LABEL, ENTITY_TYPES, MENTIONS, RELATION_TYPE_NAMES } from '../domain/model.js';
import type { Graph } from './client.js';

export interface GraphCounts {
  labels: Record<string, number>;
  relationships: Record<string, number>;
}

export const COUNTED_LABELS: readonly string[] = [...ENTITY_TYPES, ARTICLE_LABEL];
export const COUNTED_TYPES: readonly string[] = [...RELATION_TYPE_NAMES, MENTIONS];

export async function graphCounts(graph: Graph): Promise<GraphCounts> {
  // One query; each count is a count-store lookup. Names come from the model.
  const cypher = `RETURN ${[
    ...COUNTED_LABELS.map((l, i) => `COUNT { (:${l}) } AS l${i}`),
    ...COUNTED_TYPES.map((t, i) => `COUNT { ()-[:${t}]->() } AS t${i}`),
  ].join(', ')}`;
  const [row] = await graph.read<Record<string, number>>(cypher);
  return {
    labels: Object.fromEntries(COUNTED_LABELS.map((l, i) => [l, row?.[`l${i}`] ?? 0])),
    relationships: Object.fromEntries(COUNTED_TYPES.map((t, i) => [t, row?.[`t${i}`] ?? 0])),
  };
}
