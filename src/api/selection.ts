/**
 * What a request selects below a field, so that repositories read only that
 * from Neo4j: a link's facts only when `facts` is selected (as many as the
 * largest `first` asks for), their evidence sentences only when `evidence`
 * or `evidences` is; an article or entity of which nothing but what its id
 * says (and what other resolvers read by id) is selected is not read at all. graphql-parse-resolve-info walks the selection
 * (fragments, aliases, @skip and @include, argument defaults and variables).
 * (A fact's article needs only the id the fact holds: FactResolver.)
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

export type { ResolveTree };
import { DEFAULT_FACTS_PER_EDGE, MAX_FACTS_PER_EDGE } from './limits.js';
import type { FactNeeds } from './repositories/views.js';

/**
 * Read once per field of a request, however many parents it is resolved
 * for (the fact of every edge of a page): the field's nodes of the (cached)
 * document, which graphql-js hands every item of a list alike, within the
 * request's variables.
 */
const trees = new WeakMap<object, WeakMap<readonly FieldNode[], ResolveTree | undefined>>();

/** The selection below the resolver's field, or undefined when it cannot be read. */
function treeOf(info: GraphQLResolveInfo): ResolveTree | undefined {
  let byNode = trees.get(info.variableValues);
  if (!byNode) trees.set(info.variableValues, (byNode = new WeakMap()));
  const node = info.fieldNodes;
  if (byNode.has(node)) return byNode.get(node);
  const parsed = parseResolveInfo(info);
  const tree = parsed && 'fieldsByTypeName' in parsed ? (parsed as ResolveTree) : undefined;
  byNode.set(node, tree);
  return tree;
}

/** Every selection of field `name` directly below `trees` (all types, all aliases). */
function below(trees: ResolveTree[], name: string): ResolveTree[] {
  const out: ResolveTree[] = [];
  for (const t of trees) for (const fields of Object.values(t.fieldsByTypeName)) for (const f of Object.values(fields)) if (f.name === name) out.push(f);
  return out;
}

function fieldNames(tree: ResolveTree): Set<string> {
  const names = new Set<string>();
  for (const fields of Object.values(tree.fieldsByTypeName)) for (const f of Object.values(fields)) names.add(f.name);
  return names;
}

/** Everything of every fact: what a selection that cannot be read gets. */
const EVERYTHING: FactNeeds = { count: MAX_FACTS_PER_EDGE, evidence: true, evidences: true, ends: true };

/**
 * The facts the selection asks for at `path` below the resolver's field
 * (for a connection `['edges', 'facts']`): the largest `first` of every
 * such selection, and whether any selects their evidence. Every fact with
 * its evidence when the selection cannot be read.
 */
export function factNeeds(info: GraphQLResolveInfo, path: readonly string[]): FactNeeds {
  const root = treeOf(info);
  return root ? needsIn(root, path) : EVERYTHING;
}

/** factNeeds for a field of a selection already read (a list below a root field, read with it). */
export function needsIn(tree: ResolveTree, path: readonly string[]): FactNeeds {
  let trees = [tree];
  for (const step of path) trees = below(trees, step);
  const needs: FactNeeds = { count: 0, evidence: false, evidences: false, ends: false };
  for (const facts of trees) {
    const first = facts.args.first;
    needs.count = Math.max(needs.count, typeof first === 'number' && Number.isInteger(first) ? Math.min(Math.max(first, 0), MAX_FACTS_PER_EDGE) : DEFAULT_FACTS_PER_EDGE);
    const names = fieldNames(facts);
    needs.evidence ||= names.has('evidence');
    needs.evidences ||= names.has('evidences');
    needs.ends ||= names.has('from') || names.has('to');
  }
  return needs;
}

/**
 * The fields selected directly below the resolver's field (all types,
 * aliases apart), with their arguments: what a root field may read in its
 * own statement (lookahead). Empty when the selection cannot be read.
 */
export function fieldsBelow(info: GraphQLResolveInfo): ResolveTree[] {
  const root = treeOf(info);
  if (!root) return [];
  const out: ResolveTree[] = [];
  for (const fields of Object.values(root.fieldsByTypeName)) out.push(...Object.values(fields));
  return out;
}

/** Whether the resolver's field selects any of `fields` (what only the node itself holds, say); true when the selection cannot be read. */
export function selectsAny(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const tree = treeOf(info);
  if (!tree) return true;
  const names = fieldNames(tree);
  return fields.some((f) => names.has(f));
}
