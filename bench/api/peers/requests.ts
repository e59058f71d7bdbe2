/**
 * How each server of the peer benchmark is asked the benchmark's questions,
 * and how its answer is read back into the shape of Laurel's, so that all
 * answers can be checked equal before anything is timed.
 *
 *  - laurel (and laurel-before, an older checkout): the GraphQL documents of
 *    queries.ts at /graphql;
 *  - driver: the same variables at /<query>, answered in Laurel's shape;
 *  - neo4j-graphql: the equivalent query in the library's own schema, in
 *    each natural form, read back by the client as its users would
 *    (grouping a pair's facts, which the library lists one relationship at
 *    a time, and ordering them as Laurel does).
 */
import type { BenchQuery } from '../queries.js';

export type ServerName = 'laurel' | 'driver' | 'neo4j-graphql' | 'laurel-before';

export interface Form {
  server: ServerName;
  /** Which natural form, for a server that has several. */
  form: string;
  path: string;
  body(variables: Record<string, unknown>): string;
  /** The answer as Laurel's `data`; throws on an error answer. */
  answer(json: any): unknown;
}

const cursor = (offset: number) => Buffer.from(`laurel:${offset}`).toString('base64url');

function data(json: any): unknown {
  if (json.errors?.length) throw new Error(json.errors.map((e: { message: string }) => e.message).join('; '));
  return json.data;
}

const graphql = (server: ServerName, q: BenchQuery): Form => ({
  server,
  form: 'graphql',
  path: '/graphql',
  body: (variables) => JSON.stringify({ query: q.query, variables }),
  answer: data,
});

// ---- neo4j-graphql: one relationship per supporting article, grouped by the client.

interface FactEdge {
  year?: number | null;
  evidence?: string | null;
  article?: string | null;
  position?: string | null;
}

/** Laurel's order of a pair's facts: earliest year first (unknown last), then by article. */
const byYear = (a: FactEdge, b: FactEdge) => (a.year ?? Infinity) - (b.year ?? Infinity) || (a.article ?? '\uffff').localeCompare(b.article ?? '\uffff');
const minYear = (facts: FactEdge[]) => facts.reduce<number | null>((m, f) => (f.year == null ? m : m === null ? f.year : Math.min(m, f.year)), null);
const fact = (f: FactEdge) => ({ evidence: f.evidence == null ? null : { sentence: f.evidence }, article: f.article == null ? null : { id: f.article } });
/** Ascending, unknown last, as Cypher orders; then by `norm` and `key`. */
const byYearThenName = (a: { year: number | null; norm: string; key: string }, b: typeof a) =>
  (a.year ?? Infinity) - (b.year ?? Infinity) || cmp(a.norm, b.norm) || cmp(a.key, b.key);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<E>(edges: E[], key: (e: E) => string): E[][] {
  const groups = new Map<string, E[]>();
  for (const e of edges) {
    const k = key(e);
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  return [...groups.values()];
}

/** Laurel's rule for an employer's positions: in the order of its first 100 facts, then any others by name. */
function positions(facts: FactEdge[]): string[] {
  const listed = facts.slice(0, 100).flatMap((f) => (f.position == null ? [] : [f.position]));
  const rest = facts.slice(100).flatMap((f) => (f.position == null ? [] : [f.position])).sort();
  return [...new Set([...listed, ...rest])];
}

const FACT_SORT = '[{ edge: { year: ASC } }, { edge: { article: ASC } }]';

const PERSON = `query Person($name: String!) {
  people(where: { name: { eq: $name } }, sort: [{ key: ASC }], limit: 1) {
    key name aliases
    titlesConnection(sort: ${FACT_SORT}) { edges { node { key norm name level } properties { year evidence article } } }
    awardsConnection { edges { node { key norm name level } properties { year } } }
    employersConnection(sort: ${FACT_SORT}) {
      edges {
        node { __typename ... on Union { key norm name } ... on Company { key norm name } ... on Organization { key norm name } }
        properties { year article position }
      }
    }
    mentionsConnection(first: 5, sort: [{ node: { date: ASC } }, { node: { id: ASC } }]) { edges { node { id title date } properties { evidence } } }
  }
}`;

function personAnswer(json: any) {
  const [p] = (data(json) as { people: any[] }).people;
  if (!p) return { person: null };
  type Edge = { node: { key: string; norm: string; name: string; level?: string | null; __typename?: string }; properties: FactEdge };
  const honours = (edges: Edge[], withFacts: boolean) =>
    groupBy(edges, (e) => e.node.key)
      .map((g) => ({ ...g[0]!.node, year: minYear(g.map((e) => e.properties)), facts: g.map((e) => e.properties).sort(byYear) }))
      .sort(byYearThenName)
      .slice(0, 10)
      .map((h) => ({ node: { name: h.name, level: h.level ?? null }, year: h.year, ...(withFacts ? { facts: h.facts.slice(0, 3).map(fact) } : {}) }));
  const employers = groupBy(p.employersConnection.edges as Edge[], (e) => `${e.node.__typename}:${e.node.key}`)
    .map((g) => ({ ...g[0]!.node, year: null, positions: positions(g.map((e) => e.properties).sort(byYear)) }))
    .sort(byYearThenName)
    .slice(0, 10)
    .map((b) => ({ node: { name: b.name, type: b.__typename }, positions: b.positions }));
  return {
    person: {
      id: `Person:${p.key}`,
      name: p.name,
      aliases: p.aliases ?? [],
      titles: { edges: honours(p.titlesConnection.edges, true) },
      awards: { edges: honours(p.awardsConnection.edges, false) },
      employers: { edges: employers },
      mentions: { edges: p.mentionsConnection.edges.map((e: any) => ({ node: e.node, evidence: { sentence: e.properties.evidence } })) },
    },
  };
}

const TITLE_FACTS = `titlesConnection(where: { node: { name: { eq: $title } } }, sort: ${FACT_SORT}) { edges { properties { year evidence article } } }`;

/** Filtering people by their title: the library pages people, and lists each one's facts for the title. */
const HONOUREES_FILTER = `query Honourees($title: String!) {
  peopleConnection(first: 20, where: { titles: { some: { name: { eq: $title } } } }, sort: [{ norm: ASC }, { key: ASC }]) {
    totalCount
    edges { node { key name ${TITLE_FACTS} } }
    pageInfo { hasNextPage }
  }
}`;

/** Walking from the title to its holders: distinct holders, paged by name, are a @cypher field (the relationship lists one entry per article). */
const HONOUREES_TITLE = `query Honourees($title: String!) {
  titles(where: { name: { eq: $title } }) {
    holderCount
    holderPage(offset: 0, limit: 20) { key name ${TITLE_FACTS} }
  }
}`;

function honoureeEdges(people: any[]) {
  return people.map((p) => {
    const facts: FactEdge[] = p.titlesConnection.edges.map((e: any) => e.properties);
    return { node: { id: `Person:${p.key}`, name: p.name }, year: minYear(facts), facts: facts.sort(byYear).slice(0, 3).map(fact) };
  });
}

function honourees(total: number, edges: unknown[]) {
  return { honourees: { totalCount: total, edges, pageInfo: { hasNextPage: edges.length < total, endCursor: edges.length ? cursor(edges.length - 1) : null } } };
}

function neo4jGraphqlForms(q: BenchQuery): Form[] {
  const form = (name: string, query: string, answer: (json: any) => unknown): Form => ({
    server: 'neo4j-graphql',
    form: name,
    path: '/',
    body: (variables) => JSON.stringify({ query, variables }),
    answer,
  });
  switch (q.name) {
    case 'person':
      return [form('people by name', PERSON, personAnswer)];
    case 'honourees':
      return [
        form('filter people by title', HONOUREES_FILTER, (json) => {
          const c = (data(json) as any).peopleConnection;
          return honourees(c.totalCount, honoureeEdges(c.edges.map((e: any) => e.node)));
        }),
        form('from the title', HONOUREES_TITLE, (json) => {
          const [t] = (data(json) as any).titles;
          return t ? honourees(t.holderCount, honoureeEdges(t.holderPage)) : null;
        }),
      ];
    default:
      // No native form for a bounded neighbourhood or a shortest path.
      return [];
  }
}

/** Every server's forms of the query; `servers` picks which servers run. */
export function formsFor(q: BenchQuery, servers: readonly ServerName[]): Form[] {
  const forms: Form[] = [];
  for (const s of servers) {
    if (s === 'laurel' || s === 'laurel-before') forms.push(graphql(s, q));
    else if (s === 'driver') forms.push({ ...graphql(s, q), form: 'one statement', path: `/${q.name}` });
    else forms.push(...neo4jGraphqlForms(q));
  }
  return forms;
}
