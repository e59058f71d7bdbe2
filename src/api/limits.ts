/**
 * What one request may ask of the API, and the checks that refuse the rest
 * before anything reaches Neo4j: a depth limit (a validation rule), and in
 * an Apollo plugin (the cost depends on variables such as `first`) a
 * complexity limit and a limit on the Neo4j queries it may cause
 * (graphql-query-complexity). What one client may have running at once is
 * shares.ts.
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getVariableValues,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { createRequire } from 'node:module';
import type * as QueryComplexity from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

// Its ESM build imports graphql's .mjs files, a second copy of graphql beside
// the CommonJS one type-graphql and Apollo use ("from another module or
// realm"); the CommonJS build shares theirs.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } = createRequire(import.meta.url)('graphql-query-complexity') as typeof QueryComplexity;

/** Page sizes of every connection (`first`). */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Facts listed per edge (`facts(first:)`); more are counted in `factCount`. */
export const DEFAULT_FACTS_PER_EDGE = 20;
export const MAX_FACTS_PER_EDGE = 100;

/** path(maxHops:) */
export const DEFAULT_PATH_HOPS = 4;
export const MAX_PATH_HOPS = 6;

/** network(depth:, limit:) */
export const DEFAULT_NETWORK_DEPTH = 1;
export const MAX_NETWORK_DEPTH = 3;
export const DEFAULT_NETWORK_LIMIT = 50;
export const MAX_NETWORK_LIMIT = 500;
/**
 * network: how many of one node's facts are followed (the first, as stored);
 * a hub's others are left out and the network says it is truncated. Keeps a
 * step's cost bounded whatever the degree of the nodes it leaves from.
 */
export const NETWORK_FACTS_PER_NODE = 1000;

/**
 * Downloads (/export/…): a neighbourhood at most MAX_NETWORK_DEPTH steps out,
 * a subgraph (neighbourhood or honour) at most this many nodes (the rest is
 * left out and the response says it is truncated), and at most this many
 * exports streaming at once; each page of an export is one read transaction
 * under LAUREL_QUERY_TIMEOUT_MS, so even the whole graph streams in bounded
 * memory without holding a transaction open.
 */
export const MAX_EXPORT_NODES = 50_000;
export const MAX_CONCURRENT_EXPORTS = 2;

/** Nesting of fields below the operation (introspection fields not counted). */
export const MAX_DEPTH = 10;

/**
 * Estimated cost of one request: every field costs 1, and a list field
 * multiplies what is below it by how many items it may return (`first`,
 * `limit`, or the field's own estimate). Generous for real use (100 people
 * with their titles and employers is about 2,000) and refuses a page of
 * pages of pages.
 */
export const MAX_COMPLEXITY = 20_000;

/**
 * Neo4j queries one request may cause (each root field, aliases included,
 * and each nested field that reads related records: one per level, however
 * many parents). The richest example of docs/queries.graphql needs 12;
 * each costs Neo4j a few milliseconds at least, so a thousand aliases of
 * `stats` are refused instead of taking everyone's turn.
 */
export const MAX_QUERIES = 30;

/** Field selections one request may hold, fragments counted where they are spread (graphql-query-complexity's own guard). */
export const MAX_FIELDS = 5_000;

/** The code of a request refused by the depth or complexity limit (as graphql-js' own validation failures). */
export const LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

/** Validation rule: refuses operations nested deeper than `max` fields. */
export function depthLimit(max: number = MAX_DEPTH): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

    const depthOf = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
      let deepest = 0;
      for (const s of set?.selections ?? []) {
        if (s.kind === Kind.FIELD) {
          // Introspection (__schema, __type) is as deep as the type system, not the graph: not counted.
          if (s.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, 1 + depthOf(s.selectionSet, visiting));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(s.selectionSet, visiting));
        } else {
          const name = s.name.value;
          const f = fragments.get(name);
          // Unknown or cyclic fragments are reported by graphql's own rules.
          if (!f || visiting.has(name)) continue;
          deepest = Math.max(deepest, depthOf(f.selectionSet, new Set([...visiting, name])));
        }
      }
      return deepest;
    };

    return {
      OperationDefinition(op) {
        const depth = depthOf(op.selectionSet, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`${op.name ? `operation ${op.name.value}` : 'the operation'} is nested ${depth} fields deep; the limit is ${max}`, {
              nodes: [op],
              extensions: { limit: 'depth', max, actual: depth },
            }),
          );
        }
      },
    };
  };
}

/**
 * Cost estimate for list fields: `first` (connections, edge facts) or `limit`
 * (network) times the cost below. Sizes over their maximum are refused here
 * already, so an oversized page is BAD_USER_INPUT whatever else the query
 * holds (the resolvers check again, for the record).
 */
const listEstimator: ComplexityEstimator = ({ args, field, childComplexity }) => {
  const typeName = String(field.type).replace(/[[\]!]/g, '');
  if (typeName.endsWith('Connection')) {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (typeof first === 'number' && first > MAX_PAGE_SIZE) {
      throw refused(`first must be at most ${MAX_PAGE_SIZE} (asked for ${first}); page through larger lists with after`, { code: 'BAD_USER_INPUT' });
    }
    return 1 + Math.max(0, first) * childComplexity;
  }
  if (typeof args.limit === 'number') {
    if (args.limit > MAX_NETWORK_LIMIT) throw refused(`limit must be at most ${MAX_NETWORK_LIMIT} (asked for ${args.limit})`, { code: 'BAD_USER_INPUT' });
    return 1 + Math.max(1, args.limit) * childComplexity;
  }
  if (field.name === 'facts' && typeof args.first === 'number') return 1 + Math.max(0, Math.min(args.first, MAX_FACTS_PER_EDGE)) * childComplexity;
  return undefined;
};

/**
 * Counts the Neo4j queries an operation may cause: one per selection of a
 * field whose resolver reads the graph (every root field, and the nested
 * fields of `neo4jFields`), not multiplied by the parents above it,
 * since DataLoader fetches a nested field for all its parents at once.
 */
function queryCounter(neo4jFields: ReadonlySet<string>): ComplexityEstimator {
  return ({ type, field, childComplexity }) => (neo4jFields.has(`${type.name}.${field.name}`) ? 1 : 0) + childComplexity;
}

export interface CostLimits {
  /** `Type.field` of every field whose resolver runs a Neo4j query (schema.ts finds them). */
  neo4jFields: ReadonlySet<string>;
  maxComplexity?: number;
  maxQueries?: number;
}

/** The arguments the estimators read: a request's cost depends on its document and on the variables given for these only. */
const SIZE_ARGUMENTS = new Set(['first', 'limit']);

/** The variables a document passes to SIZE_ARGUMENTS. */
function sizeVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
    },
  });
  return [...names].sort();
}

interface Estimate {
  cost: number;
  queries: number;
}

/**
 * Estimates per document (Apollo keeps one parsed document per query text),
 * operation and sizes asked for: a client repeating a request with other
 * names costs one estimate, not one per request.
 */
class Estimates {
  private readonly byDocument = new WeakMap<DocumentNode, { variables: string[]; estimates: Map<string, Estimate> }>();

  get(document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>, estimate: () => Estimate): Estimate {
    let entry = this.byDocument.get(document);
    if (!entry) this.byDocument.set(document, (entry = { variables: sizeVariables(document), estimates: new Map() }));
    const key = JSON.stringify([operationName ?? null, ...entry.variables.map((v) => variables[v] ?? null)]);
    let found = entry.estimates.get(key);
    if (!found) {
      found = estimate();
      // Bounded: a document asked with many sizes keeps its latest hundred.
      if (entry.estimates.size >= 100) entry.estimates.delete(entry.estimates.keys().next().value!);
      entry.estimates.set(key, found);
    }
    return found;
  }
}

/**
 * Apollo plugin: before an operation runs, checks its variables, estimates
 * its size (complexity) and the Neo4j queries it may cause, and refuses it,
 * with HTTP 400 and a code, when either is over its limit.
 */
export function costLimits(limits: CostLimits): ApolloServerPlugin {
  const maxComplexity = limits.maxComplexity ?? MAX_COMPLEXITY;
  const maxQueries = limits.maxQueries ?? MAX_QUERIES;
  const estimates = new Estimates();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation }) {
          // Wrong or missing variables are the client's: say so (the estimators would throw them as a 500).
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 10 });
          if (coerced.errors) throw refused(coerced.errors.map((e) => e.message).join('; '), { code: 'BAD_USER_INPUT' });
          const options = {
            schema,
            query: document,
            variables: request.variables ?? {},
            maxQueryNodes: MAX_FIELDS,
            ...(request.operationName ? { operationName: request.operationName } : {}),
          };
          const { cost, queries } = estimates.get(document, request.operationName ?? undefined, request.variables ?? {}, () => {
            try {
              return {
                cost: getComplexity({ ...options, estimators: [listEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })] }),
                queries: getComplexity({ ...options, estimators: [queryCounter(limits.neo4jFields)] }),
              };
            } catch (err) {
              if (err instanceof GraphQLError && err.extensions.http) throw err;
              if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
                throw refused(`the operation selects more than ${MAX_FIELDS} fields (counting fragments where they are used); ask for less`, {
                  code: LIMIT_CODE,
                  limit: 'fields',
                  max: MAX_FIELDS,
                });
              }
              throw err;
            }
          });
          if (queries > maxQueries) {
            throw refused(
              `the operation may run ${queries} Neo4j queries (each root field and each nested list of related records is one, aliases included); the limit is ${maxQueries}. Split it into several requests`,
              { code: LIMIT_CODE, limit: 'queries', max: maxQueries, actual: queries },
            );
          }
          if (cost > maxComplexity) {
            throw refused(`the operation's estimated cost is ${cost}; the limit is ${maxComplexity}. Ask for smaller pages (first) or fewer nested lists`, {
              code: LIMIT_CODE,
              limit: 'complexity',
              max: maxComplexity,
              actual: cost,
            });
          }
        },
      };
    },
  };
}

/** An error that refuses the whole request before execution, with HTTP 400 (Apollo answers 500 otherwise). */
function refused(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400, headers: new HeaderMap() } } });
}
