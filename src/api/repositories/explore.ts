/**
 * Researchers' queries over the shape of the graph: colleagues (people who
 * share something), the shortest path between two entities, and the
 * neighbourhood of one.
 *
 * Paths and neighbourhoods run over facts only (HOLDS_TITLE, RECEIVED,
 * WORKS_FOR, HONOURED_BY, CONFERRED_BY), never through Article nodes: being
 * mentioned by the same article is not a relation between two entities
 * (colleagues via ARTICLE lists people honoured in one article). So every hop has a
 * fact to show for it: an evidence sentence, or the lexicon.
 */
import { HONOUR_TYPES, type EntityType } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { MAX_FACTS_PER_EDGE, MAX_NETWORK_DEPTH, MAX_PATH_HOPS, NETWORK_FACTS_PER_NODE } from '../limits.js';
import type { Page, Paged } from '../pagination.js';
import { ColleagueKind } from '../types/enums.js';
import {
  FACT_TYPES,
  articleMap,
  entityMap,
  factMap,
  firstOf,
  hasLabel,
  label,
  pageAll,
  toArticle,
  toEntity,
  toFact,
  typeAlternatives,
  type ArticleView,
  type EntityView,
  type FactNeeds,
  type FactView,
  type RawArticle,
  type RawEntity,
  type RawFact,
} from './views.js';

export interface SharedView {
  kind: ColleagueKind;
  entity: EntityView | null;
  article: ArticleView | null;
}

export interface ColleagueView {
  person: EntityView;
  shared: SharedView[];
}

export interface HopView {
  from: EntityView;
  to: EntityView;
  /** The first facts between the two, either way (one per supporting article; as many as asked for), earliest year first. */
  factList: FactView[];
  factCount: number;
}

export interface PathView {
  nodes: EntityView[];
  hops: HopView[];
}

export interface NetworkNodeView {
  entity: EntityView;
  depth: number;
}

export interface NetworkEdgeView {
  type: FactView['type'];
  source: EntityView;
  target: EntityView;
  /** The first facts (as many as asked for), earliest year first. */
  factList: FactView[];
  factCount: number;
  /** The distinct years and positions the first MAX_FACTS_PER_EDGE facts give, in their order (what an edge's label says). */
  years: number[];
  positions: string[];
}

export interface NetworkView {
  center: EntityView;
  nodes: NetworkNodeView[];
  edges: NetworkEdgeView[];
  truncated: boolean;
}

/** An entity by type and key, as resolvers hand it over. */
export interface EntityRef {
  type: EntityType;
  key: string;
}

const FACTS = typeAlternatives(FACT_TYPES);
/** The facts that say a person was honoured. */
const HONOURED_FACTS = typeAlternatives(['HOLDS_TITLE', 'RECEIVED', 'HONOURED_BY']);

/**
 * For each colleague kind: the colleagues `c` of the person `p` and the shared
 * thing `x`, with the kind as a literal of this fixed text.
 */
const COLLEAGUE_BRANCHES: Record<ColleagueKind, string> = {
  [ColleagueKind.EMPLOYER]: `MATCH (p)-[:WORKS_FOR]->(x)<-[:WORKS_FOR]-(c:Person) WHERE (x:Company OR x:Organization) AND c <> p RETURN DISTINCT c, x, 'EMPLOYER' AS kind`,
  [ColleagueKind.UNION]: `MATCH (p)-[:WORKS_FOR|HONOURED_BY]->(x:Union)<-[:WORKS_FOR|HONOURED_BY]-(c:Person) WHERE c <> p RETURN DISTINCT c, x, 'UNION' AS kind`,
  [ColleagueKind.HONOUR]: `MATCH (p)-[:HOLDS_TITLE|RECEIVED]->(x)<-[:HOLDS_TITLE|RECEIVED]-(c:Person) WHERE ${hasLabel('x', HONOUR_TYPES)} AND c <> p RETURN DISTINCT c, x, 'HONOUR' AS kind`,
  // Co-honourees only: both have an honour fact the article itself states (its id on the fact).
  [ColleagueKind.ARTICLE]: `MATCH (p)<-[:MENTIONS]-(x:Article)-[:MENTIONS]->(c:Person)
    WHERE c <> p AND EXISTS { (p)-[r:${HONOURED_FACTS}]->() WHERE r.article = x.id } AND EXISTS { (c)-[r:${HONOURED_FACTS}]->() WHERE r.article = x.id }
    RETURN DISTINCT c, x, 'ARTICLE' AS kind`,
};

export class ExploreRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * People sharing an employer, a union, an honour or (as co-honourees) an
   * article with the person, most shared things first, then by name; each
   * with what is shared.
   */
  async colleagues(personKey: string, kinds: readonly ColleagueKind[], page: Page): Promise<Paged<ColleagueView>> {
    const branches = kinds.map((k) => {
      const branch = COLLEAGUE_BRANCHES[k];
      if (!branch) throw new Error(`not a colleague kind: ${k}`);
      return branch;
    });
    const [row] = await this.graph.read<{ total: number; items: { person: RawEntity; shared: { kind: ColleagueKind; entity: RawEntity | null; article: RawArticle | null }[] }[] }>(
      `MATCH (p:Person {key: $key})
       CALL (p) { ${branches.join(' UNION ')} }
       WITH c, x, kind ORDER BY CASE kind WHEN 'EMPLOYER' THEN 0 WHEN 'UNION' THEN 1 WHEN 'HONOUR' THEN 2 ELSE 3 END, x.norm, x.date, x.id
       WITH c, collect({kind: kind, entity: CASE WHEN x:Article THEN null ELSE ${entityMap('x')} END,
                              article: CASE WHEN x:Article THEN ${articleMap('x')} ELSE null END}) AS shared
       ORDER BY size(shared) DESC, c.norm, c.key
       WITH {person: ${entityMap('c')}, shared: shared} AS row
       ${pageAll()}`,
      { key: personKey, ...page },
    );
    return {
      total: row?.total ?? 0,
      items: (row?.items ?? []).map((r) => ({
        person: toEntity(r.person),
        shared: r.shared.map((s) => ({ kind: s.kind, entity: s.entity ? toEntity(s.entity) : null, article: s.article ? toArticle(s.article) : null })),
      })),
    };
  }

  /**
   * The shortest path of at most `maxHops` facts between two entities, or
   * null. Neo4j's shortestPath searches from both ends at once (a
   * bidirectional breadth-first search) over fact relationships only; the
   * transaction timeout bounds it. Each hop then reads only the first facts
   * `needs` asks for (earliest year first, then by article) and counts the
   * rest, so a hop a person and the union they chair share in thousands of
   * articles costs one page.
   */
  async path(from: EntityRef, to: EntityRef, maxHops: number, needs: FactNeeds): Promise<PathView | null> {
    if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_PATH_HOPS) throw new Error(`maxHops out of range: ${maxHops}`);
    // A variable-length bound cannot be a parameter in Cypher; it is a checked integer here.
    const rows = await this.graph.read<{ nodes: RawEntity[]; hops: { facts: RawFact[]; count: number }[] }>(
      `MATCH (a:${label(from.type)} {key: $fromKey}), (b:${label(to.type)} {key: $toKey})
       MATCH path = shortestPath((a)-[:${FACTS}*..${maxHops}]-(b))
       WITH nodes(path) AS ns
       UNWIND range(0, size(ns) - 2) AS i
       WITH ns, i, ns[i] AS x, ns[i + 1] AS y
       CALL (x, y) {
         MATCH (x)-[r:${FACTS}]-(y)
         WITH r ORDER BY r.year, r.article
         WITH collect(r) AS rs
         RETURN size(rs) AS count, [r IN ${firstOf('rs', needs)} | ${factMap('r', needs)}] AS facts
       }
       WITH ns, i, facts, count ORDER BY i
       RETURN [n IN ns | ${entityMap('n')}] AS nodes, collect({facts: facts, count: count}) AS hops`,
      { fromKey: from.key, toKey: to.key },
    );
    const row = rows[0];
    if (!row) return null;
    const nodes = row.nodes.map(toEntity);
    return {
      nodes,
      hops: row.hops.map((h, i) => ({ from: nodes[i]!, to: nodes[i + 1]!, factList: h.facts.map(toFact), factCount: h.count })),
    };
  }

  /**
   * The neighbourhood of an entity: breadth first over facts, up to `depth`
   * steps and `limit` nodes, and every fact among the nodes taken, one edge
   * per pair and type.
   *
   * Each step shares the room left among the nodes the step before reached:
   * it takes each node's new neighbours in turn (the first of every node,
   * then the second, …), a node's neighbours ranked by how many facts link
   * them, then by name. Only the first NETWORK_FACTS_PER_NODE facts of a node
   * (as stored) are followed, so a hub (a title thousands hold) costs no more
   * than that, and a step stops once `limit` is reached. `truncated` says
   * whether anything within `depth` was left out, by `limit` or by the cap.
   * Each edge reads the years and positions of its first MAX_FACTS_PER_EDGE
   * facts, and the facts themselves only as far as `needs` asks.
   */
  async network(center: EntityRef, depth: number, limit: number, needs: FactNeeds): Promise<NetworkView | null> {
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_NETWORK_DEPTH) throw new Error(`depth out of range: ${depth}`);
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`limit out of range: ${limit}`);
    // One step of the search, repeated `depth` times (a checked integer): fixed text, values in parameters.
    // `room`: nodes still to take. Per node (`fi` in the frontier): at most $window facts to nodes
    // not yet seen, their ends ranked by links, the first room + 1 of them with their place in the
    // round (rank, then frontier order). With no room left, only whether anything was left out.
    const step = `
       WITH c, levels, seen, frontier, truncated, $limit - size(seen) AS room
       CALL (seen, frontier, room) {
         UNWIND CASE WHEN room > 0 THEN range(0, size(frontier) - 1) ELSE [] END AS fi
         CALL (fi, frontier, seen, room) {
           WITH frontier[fi] AS f, size(frontier) AS width, fi, seen, room
           MATCH (f)-[:${FACTS}]-(n)
           WHERE NOT n IN seen
           WITH n, width, fi, room LIMIT toInteger($window + 1)
           WITH collect(n) AS ns, width, fi, room
           WITH ns[0..$window] AS ns, size(ns) > $window AS capped, width, fi, room
           UNWIND ns AS n
           WITH n, count(*) AS links, capped, width, fi, room ORDER BY links DESC, n.norm, n.key LIMIT toInteger($limit)
           WITH collect(n) AS ranked, capped, width, fi, room
           WITH ranked[0..room + 1] AS ranked, capped, width, fi
           UNWIND range(0, size(ranked) - 1) AS rank
           RETURN ranked[rank] AS n, rank * width + fi AS pos, capped
         }
         WITH n, min(pos) AS pos, max(CASE WHEN capped THEN 1 ELSE 0 END) AS capped ORDER BY pos
         RETURN collect(n) AS found, coalesce(max(capped), 0) = 1 AS capped
       }
       WITH c, levels, seen, truncated, room, found, capped,
            room <= 0 AND any(f IN frontier WHERE EXISTS { (f)-[:${FACTS}]-(n) WHERE NOT n IN seen }) AS more
       WITH c, levels, seen, found[0..room] AS taken, truncated OR capped OR more OR size(found) > room AS truncated
       WITH c, levels + [taken] AS levels, seen + taken AS seen, taken AS frontier, truncated`;
    const rows = await this.graph.read<{
      center: RawEntity;
      levels: RawEntity[][];
      edges: { source: string; target: string; type: FactView['type']; facts: RawFact[]; count: number; years: number[]; positions: string[] }[];
      truncated: boolean;
    }>(
      `MATCH (c:${label(center.type)} {key: $key})
       WITH c, [[c]] AS levels, [c] AS seen, [c] AS frontier, false AS truncated
       ${step.repeat(depth)}
       CALL (seen) {
         UNWIND seen AS x
         MATCH (x)-[r:${FACTS}]->(y)
         WHERE y IN seen
         WITH x, y, type(r) AS type, r ORDER BY r.year, r.article
         WITH x, y, type, collect(r) AS stated
         WITH x, y, type, size(stated) AS count, stated[0..${MAX_FACTS_PER_EDGE}] AS rs
         RETURN collect({source: elementId(x), target: elementId(y), type: type, count: count,
                         years: reduce(ys = [], r IN rs | CASE WHEN r.year IS NULL OR r.year IN ys THEN ys ELSE ys + r.year END),
                         positions: reduce(ps = [], r IN rs | CASE WHEN r.position IS NULL OR r.position IN ps THEN ps ELSE ps + r.position END),
                         facts: [r IN ${firstOf('rs', needs)} | ${factMap('r', needs)}]}) AS edges
       }
       RETURN ${entityMap('c')} AS center,
              [level IN levels | [n IN level | n {.key, .name, .aliases, .level, type: head(labels(n)), element: elementId(n)}]] AS levels,
              edges, truncated`,
      { key: center.key, limit, window: NETWORK_FACTS_PER_NODE },
    );
    const row = rows[0];
    if (!row) return null;
    const byElement = new Map<string, EntityView>();
    const nodes: NetworkNodeView[] = [];
    row.levels.forEach((level, d) => {
      for (const raw of level) {
        const entity = toEntity(raw);
        byElement.set((raw as RawEntity & { element: string }).element, entity);
        nodes.push({ entity, depth: d });
      }
    });
    const edges = row.edges.map((e) => ({
      type: e.type,
      source: byElement.get(e.source)!,
      target: byElement.get(e.target)!,
      factList: e.facts.map(toFact),
      factCount: e.count,
      years: e.years,
      positions: e.positions,
    }));
    return { center: toEntity(row.center), nodes, edges, truncated: row.truncated };
  }
}
