/**
 * The four benchmarked requests, shaped as the API's users write them (see
 * docs/queries.graphql), and how their variables are drawn from the loaded
 * graph: half from the hubs (the most written-about people, the most held
 * honours) and half at random, so both the heavy and the typical case count.
 */
import type { Graph } from '../../src/graph/index.js';

export interface BenchQuery {
  name: 'person' | 'honourees' | 'network' | 'path';
  query: string;
  /** Variables for successive requests, cycled through. */
  variables: Record<string, unknown>[];
}

const PERSON = `query Person($name: String!) {
  person(name: $name) {
    id name aliases
    titles(first: 10) { edges { node { name level } year facts(first: 3) { evidence { sentence } article { id } } } }
    awards(first: 10) { edges { node { name level } year } }
    employers(first: 10) { edges { node { name type } positions } }
    mentions(first: 5) { edges { node { id title date } evidence { sentence } } }
  }
}`;

const HONOUREES = `query Honourees($title: String!) {
  honourees(title: $title, first: 20) {
    totalCount
    edges { node { id name } year facts(first: 3) { evidence { sentence } article { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const NETWORK = `query Network($id: ID!) {
  network(center: { id: $id }, depth: 2, limit: 50) {
    truncated
    nodes { id label type depth }
    edges { id source target type label factCount }
  }
}`;

const PATH = `query Path($from: ID!, $to: ID!) {
  path(from: { id: $from }, to: { id: $to }, maxHops: 4) {
    length
    nodes { id name type }
    hops { from { id } to { id } factCount facts(first: 3) { type evidence { sentence } article { id } } }
  }
}`;

/** The request documents, by benchmark name. */
export const DOCUMENTS: Record<BenchQuery['name'], string> = { person: PERSON, honourees: HONOUREES, network: NETWORK, path: PATH };

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Draws `n` values for each query: n/2 hubs, n/2 at random. */
export async function benchQueries(graph: Graph, n: number, random: () => number): Promise<BenchQuery[]> {
  const half = Math.ceil(n / 2);
  // Hubs: people by number of mentions, titles by number of holders.
  const hubPeople = await graph.read<{ id: string; name: string }>(
    `MATCH (p:Person) WITH p, COUNT { (p)<-[:MENTIONS]-() } AS m ORDER BY m DESC LIMIT toInteger($half)
     RETURN 'Person:' + p.key AS id, p.name AS name`,
    { half },
  );
  const randomPeople = await graph.read<{ id: string; name: string }>(
    `MATCH (p:Person) WITH p ORDER BY rand() LIMIT toInteger($n)
     RETURN 'Person:' + p.key AS id, p.name AS name`,
    { n: 2 * n },
  );
  const hubTitles = await graph.read<{ name: string }>(
    `MATCH (t:Title) WITH t, COUNT { (t)<-[:HOLDS_TITLE]-() } AS h ORDER BY h DESC LIMIT toInteger($half) RETURN t.name AS name`,
    { half },
  );
  const randomTitles = await graph.read<{ name: string }>(`MATCH (t:Title) WITH t ORDER BY rand() LIMIT toInteger($half) RETURN t.name AS name`, { half });

  const people = shuffle([...hubPeople, ...randomPeople.slice(0, half)], random);
  const others = shuffle(randomPeople.slice(half), random);
  return [
    { name: 'person', query: PERSON, variables: people.map((p) => ({ name: p.name })) },
    { name: 'honourees', query: HONOUREES, variables: shuffle([...hubTitles, ...randomTitles], random).map((t) => ({ title: t.name })) },
    { name: 'network', query: NETWORK, variables: people.map((p) => ({ id: p.id })) },
    { name: 'path', query: PATH, variables: people.map((p, i) => ({ from: p.id, to: others[i % others.length]!.id })) },
  ];
}
