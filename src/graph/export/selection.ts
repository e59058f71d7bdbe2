/**
 * What to export, read from Neo4j page by page so that memory stays bounded
 * however large the graph:
 *
 * - the whole graph: every entity and article, every fact and MENTIONS.
 *   Nodes are read per label in key order (an index seek per page), edges
 *   per label of their start node, a page of start nodes at a time; each
 *   page is its own short read transaction, and the next page is read while
 *   the current one is written;
 * - a subgraph: a set of entities (the neighbourhood of one, or the holders
 *   of an honour with their employers and honouring bodies) and every fact
 *   among them. Only the set's node ids are held in memory.
 *
 * Labels and relationship types are spliced in from the domain model; every
 * value is a parameter.
 */
import { ARTICLE_LABEL, ENTITY_TYPES, HONOUR_TYPES, MENTIONS, RELATION_TYPE_NAMES, type EntityType } from '../../domain/model.js';
import type { Graph } from '../client.js';
import { normaliseName } from '../names.js';
import { anyNodeProjection, edgeProjection, nodeProjection, type ExportEdge, type ExportNode } from './records.js';

/** Nodes (or start nodes) per page. */
const PAGE = 2000;
const FACTS = RELATION_TYPE_NAMES.join('|');
const LABELS: readonly string[] = [...ENTITY_TYPES, ARTICLE_LABEL];

export interface Selection {
  /** Says what was selected, for the file's header. */
  description: string;
  /** Whether a limit left out nodes the selection would hold. */
  truncated: boolean;
  /** How many nodes and edges to expect, when known beforehand (for progress). */
  expected?: { nodes: number; edges: number };
  nodes(): AsyncIterable<ExportNode[]>;
  edges(): AsyncIterable<ExportEdge[]>;
}

/** An entity as the export names it. */
export interface FoundEntity {
  element: string;
  id: string;
  label: EntityType;
  key: string;
  name: string;
}

/** Every entity and article, every fact and MENTIONS. */
export function wholeGraph(graph: Graph, expected?: { nodes: number; edges: number }): Selection {
  return {
    description: 'the whole graph',
    truncated: false,
    ...(expected ? { expected } : {}),
    async *nodes() {
      for (const label of LABELS) {
        const key = keyOf(label);
        yield* readAhead('', async (after) => {
          const rows = await graph.read<{ k: string; node: ExportNode }>(
            `MATCH (n:${label}) WHERE n.${key} > $after
             RETURN n.${key} AS k, ${nodeProjection('n', label)} AS node
             ORDER BY n.${key} LIMIT toInteger($page)`,
            { after, page: PAGE },
          );
          return { items: rows.map((r) => r.node), next: rows.length < PAGE ? null : rows.at(-1)!.k };
        });
      }
    },
    async *edges() {
      for (const label of LABELS) {
        const key = keyOf(label);
        const types = label === ARTICLE_LABEL ? MENTIONS : FACTS;
        // One row per edge (a start node without edges gives one row without): a
        // page's edges as one collected list cost the driver three times the CPU.
        yield* readAhead('', async (after) => {
          const rows = await graph.read<{ last: string; size: number; edge: ExportEdge | null }>(
            `MATCH (s:${label}) WHERE s.${key} > $after
             WITH s ORDER BY s.${key} LIMIT toInteger($page)
             WITH collect(s) AS ss
             UNWIND ss AS s
             OPTIONAL MATCH (s)-[r:${types}]->(t)
             RETURN last(ss).${key} AS last, size(ss) AS size, CASE WHEN r IS NULL THEN null ELSE ${edgeProjection('s', 'r', 't')} END AS edge`,
            { after, page: PAGE },
          );
          const items = rows.flatMap((r) => (r.edge ? [r.edge] : []));
          return { items, next: rows.length === 0 || rows[0]!.size < PAGE ? null : rows[0]!.last };
        });
      }
    },
  };
}

/**
 * The entities whose element ids are given, and every fact between two of
 * them. Ids are read in chunks; an edge is kept when its target is in the set.
 */
export function inducedSubgraph(graph: Graph, elements: readonly string[], description: string, truncated: boolean): Selection {
  const members = new Set(elements);
  return {
    description,
    truncated,
    async *nodes() {
      yield* readAhead(0, async (i) => {
        const rows = await graph.read<{ node: ExportNode }>(
          `UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id RETURN ${anyNodeProjection('n')} AS node`,
          { ids: elements.slice(i, i + PAGE) },
        );
        return { items: rows.map((r) => r.node), next: i + PAGE < elements.length ? i + PAGE : null };
      });
    },
    async *edges() {
      yield* readAhead(0, async (i) => {
        const rows = await graph.read<{ t: string; edge: ExportEdge }>(
          `UNWIND $ids AS id MATCH (s) WHERE elementId(s) = id
           MATCH (s)-[r:${FACTS}]->(t)
           RETURN elementId(t) AS t, ${edgeProjection('s', 'r', 't')} AS edge`,
          { ids: elements.slice(i, i + PAGE) },
        );
        return { items: rows.filter((r) => members.has(r.t)).map((r) => r.edge), next: i + PAGE < elements.length ? i + PAGE : null };
      });
    },
  };
}

/**
 * The entities within `depth` facts of the centre (breadth first, never
 * through articles), at most `limit` of them (the centre first, then by
 * distance, within a distance by label and key).
 */
export async function neighbourhood(graph: Graph, center: FoundEntity, depth: number, limit = Infinity): Promise<Selection> {
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`depth must be a whole number, not ${depth}`);
  const seen = new Set([center.element]);
  let frontier = [center.element];
  let truncated = false;
  for (let d = 0; d < depth && frontier.length && !truncated; d++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length && !truncated; i += PAGE) {
      // With a limit, enough rows to find one node more than there is room for, whatever is seen already.
      const enough = Number.isFinite(limit) ? limit + 1 : null;
      const rows = await graph.read<{ n: string }>(
        `UNWIND $ids AS id MATCH (f) WHERE elementId(f) = id
         MATCH (f)-[:${FACTS}]-(n)
         WITH DISTINCT n ORDER BY head(labels(n)), n.key
         RETURN elementId(n) AS n ${enough === null ? '' : 'LIMIT toInteger($enough)'}`,
        { ids: frontier.slice(i, i + PAGE), enough },
      );
      for (const { n } of rows) {
        if (seen.has(n)) continue;
        if (seen.size >= limit) {
          truncated = true;
          break;
        }
        seen.add(n);
        next.push(n);
      }
    }
    frontier = next;
  }
  const bound = truncated ? `, the first ${limit} nodes` : '';
  return inducedSubgraph(graph, [...seen], `the neighbourhood of ${center.id} within ${depth} step(s)${bound}`, truncated);
}

/**
 * An honour, the bodies that confer it, the people who hold it, and their
 * employers and the bodies that honoured them: every fact among these.
 */
export async function honourHolders(graph: Graph, honour: FoundEntity, limit = Infinity): Promise<Selection> {
  if (!(HONOUR_TYPES as readonly string[]).includes(honour.label)) throw new Error(`${honour.id} is not an honour (a Title or an Award)`);
  const rows = await graph.read<{ id: string }>(
    `MATCH (h) WHERE elementId(h) = $h
     CALL (h) {
       MATCH (h)-[:CONFERRED_BY]->(b) RETURN b AS n
       UNION
       MATCH (p:Person)-[:HOLDS_TITLE|RECEIVED]->(h) RETURN p AS n
       UNION
       MATCH (p:Person)-[:HOLDS_TITLE|RECEIVED]->(h) MATCH (p)-[:WORKS_FOR|HONOURED_BY]->(b) RETURN b AS n
     }
     WITH DISTINCT n ORDER BY CASE WHEN n:Person THEN 0 ELSE 1 END, n.key
     RETURN elementId(n) AS id ${Number.isFinite(limit) ? 'LIMIT toInteger($limit)' : ''}`,
    { h: honour.element, limit: Number.isFinite(limit) ? limit : null },
  );
  const ids = [honour.element, ...rows.map((r) => r.id).filter((id) => id !== honour.element)];
  const truncated = ids.length > limit;
  const kept = truncated ? ids.slice(0, limit) : ids;
  return inducedSubgraph(graph, kept, `the holders of ${honour.id}, their employers and the bodies that honoured them${truncated ? `, the first ${limit} nodes` : ''}`, truncated);
}

/**
 * The entities an argument names: an id (`Type:key`) or a name or alias
 * (compared as the graph compares names), among `types`; namesakes in key order.
 */
export async function findEntities(graph: Graph, ref: string, types: readonly EntityType[] = ENTITY_TYPES): Promise<FoundEntity[]> {
  const i = ref.indexOf(':');
  const prefix = i > 0 ? ref.slice(0, i) : '';
  const byId = (types as readonly string[]).includes(prefix);
  const parts = types.map((l) =>
    byId
      ? `MATCH (n:${l} {key: $key}) WHERE $label = '${l}' RETURN n, '${l}' AS label`
      : `MATCH (n:${l}) WHERE n.norm = $norm OR n.key = $norm RETURN n, '${l}' AS label
         UNION MATCH (n:${l}) WHERE $name IN n.aliases RETURN n, '${l}' AS label`,
  );
  const rows = await graph.read<{ element: string; label: EntityType; key: string; name: string }>(
    `CALL () { ${parts.join(' UNION ')} }
     RETURN elementId(n) AS element, label, n.key AS key, n.name AS name ORDER BY label, key`,
    { key: byId ? ref.slice(i + 1) : null, label: byId ? prefix : null, norm: normaliseName(ref), name: ref },
  );
  const order = (l: EntityType) => types.indexOf(l);
  return rows.sort((a, b) => order(a.label) - order(b.label)).map((r) => ({ ...r, id: `${r.label}:${r.key}` }));
}

/**
 * Pages read one after another from a cursor, the next read as soon as one
 * arrives: Neo4j reads page n+1 while the consumer writes page n. One query
 * at a time, at most two pages held; empty pages are not yielded.
 */
async function* readAhead<C, T>(start: C, read: (cursor: C) => Promise<{ items: T[]; next: C | null }>): AsyncGenerator<T[]> {
  let pending = read(start);
  for (;;) {
    const { items, next } = await pending;
    if (next !== null) {
      pending = read(next);
      pending.catch(() => {}); // awaited on the next turn; a consumer that stops early leaves it unread
    }
    if (items.length) yield items;
    if (next === null) return;
  }
}

function keyOf(label: string): string {
  return label === ARTICLE_LABEL ? 'id' : 'key';
}
