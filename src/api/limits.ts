/**
 * What one request may ask of the API, and the two checks that refuse the
 * rest before anything reaches Neo4j: a depth limit (a validation rule) and a
 * complexity limit (graphql-query-complexity, in an Apollo plugin because
 * the cost depends on variables such as `first`).
 */
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
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

/** Apollo plugin: computes each operation's cost once it is resolved, and refuses it above `max`. */
export function complexityLimit(max: number = MAX_COMPLEXITY): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            ...(request.operationName ? { operationName: request.operationName } : {}),
            estimators: [listEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > max) {
            throw refused(`the operation's estimated cost is ${cost}; the limit is ${max}. Ask for smaller pages (first) or fewer nested lists`, {
              code: LIMIT_CODE,
              limit: 'complexity',
              max,
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
