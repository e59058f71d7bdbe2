/**
 * The API over real HTTP on the seeds, extracted by the real extractor and
 * loaded into the real Neo4j: every example of docs/queries.graphql, and the
 * uses the issue names. Names are taken from the graph, not written here,
 * so these tests follow the extractor as it improves.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExamples } from '../../src/api/examples.js';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { readArticle } from '../../src/extract/io/read-article.js';
import { Graph, graphCounts } from '../../src/graph/index.js';
import { evidenceFits } from '../helpers/evidence.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';
import { bearer, gql, startServer, type RunningServer } from '../helpers/server.js';

const TOKEN = 'seeds-test-token-0123456789';
let graph: Graph;
let server: RunningServer;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  const report = await loadPaths(graph, [SEEDS_DIR]);
  expect(report.failed).toEqual([]);
  server = await startServer(graph, { apiToken: TOKEN });
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await gql<T>(server.graphql, query, variables, bearer(TOKEN));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

describe('docs/queries.graphql', () => {
  it('runs every example against the seeds without errors (the mutations too, leaving the graph as it was)', async () => {
    const examples = await readExamples();
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['Honourees', 'Person', 'People', 'Lookups', 'HonouredBy', 'Colleagues', 'Path', 'Network', 'Search', 'Article', 'Stats', 'IngestArticle', 'DeleteArticle']),
    );
    const before = await graphCounts(graph);
    for (const e of examples) {
      const res = await gql(server.graphql, e.query, e.variables ?? {}, bearer(TOKEN));
      expect(res.errors, `${e.name}: ${JSON.stringify(res.errors)}`).toBeUndefined();
      expect(res.status, e.name).toBe(200);
      // Every top-level field answers something: the examples show the seeds, not empty results.
      for (const [field, value] of Object.entries(res.data ?? {})) {
        expect(value, `${e.name}.${field}`).not.toBeNull();
        if (value && typeof value === 'object' && 'totalCount' in value) expect((value as { totalCount: number }).totalCount, `${e.name}.${field}.totalCount`).toBeGreaterThan(0);
      }
    }
    expect(await graphCounts(graph)).toEqual(before);
  });
});

describe('the seeds through GraphQL', () => {
  it('honourees(title: "全国劳动模范") returns the seed honourees with their evidence', async () => {
    const { honourees } = await ok(`{ honourees(title: "全国劳动模范", first: 100) {
      totalCount
      edges { node { name } honour { name } facts { provenance evidence { sentence start end } article { id text } } }
    } }`);
    // Every HOLDS_TITLE fact of the title in the graph, and no other.
    const [expected] = await graph.read<{ people: number; facts: number }>(
      `MATCH (p:Person)-[r:HOLDS_TITLE]->(:Title {key: '全国劳动模范'}) RETURN count(DISTINCT p) AS people, count(r) AS facts`,
    );
    expect(honourees.totalCount).toBe(expected!.people);
    expect(honourees.totalCount).toBeGreaterThanOrEqual(2);
    const articles = new Set<string>();
    let facts = 0;
    for (const h of honourees.edges) {
      expect(h.honour.name).toBe('全国劳动模范');
      expect(h.facts.length, `facts for ${h.node.name}`).toBeGreaterThan(0);
      for (const f of h.facts) {
        facts++;
        expect(f.provenance).toBe('TEXT');
        expect(evidenceFits(f.article.text, f.evidence), `evidence of ${h.node.name} at its offsets`).toBe(true);
        expect(f.evidence.sentence).toContain(h.node.name);
        articles.add(f.article.id);
      }
    }
    expect(facts).toBe(expected!.facts);
    expect(articles.size).toBeGreaterThanOrEqual(2);
  });

  it('person(name) of each honouree returns the title with evidence, the articles that mention them, and employers', async () => {
    const { honourees } = await ok(`{ honourees(title: "全国劳动模范", first: 100) { edges { node { name } } } }`);
    const names = honourees.edges.map((e: any) => e.node.name) as string[];
    let withEmployer = 0;
    for (const name of names) {
      const { person } = await ok(
        `query ($name: String!) { person(name: $name) {
           name
           titles { edges { node { name } facts { evidence { sentence } } } }
           employers { totalCount edges { node { name } positions } }
           mentions { totalCount }
         } }`,
        { name },
      );
      expect(person.name).toBe(name);
      const title = person.titles.edges.find((t: any) => t.node.name === '全国劳动模范');
      expect(title, `${name} holds 全国劳动模范`).toBeDefined();
      expect(title.facts[0].evidence.sentence).toContain(name);
      expect(person.mentions.totalCount).toBeGreaterThan(0);
      if (person.employers.totalCount) withEmployer++;
    }
    // National labour models in these articles are introduced with their workplace.
    expect(withEmployer).toBeGreaterThan(0);
  });

  it('honouredBy finds, for every body that honours or confers, the people it honoured and how', async () => {
    const bodies = await graph.read<{ id: string; people: number }>(
      `MATCH (b) WHERE (b:Union OR b:Company OR b:Organization) AND EXISTS { (b)<-[:HONOURED_BY|CONFERRED_BY]-() }
       RETURN head(labels(b)) + ':' + b.key AS id,
              COUNT { MATCH (p:Person) WHERE EXISTS { (p)-[:HONOURED_BY]->(b) } OR EXISTS { (p)-[:HOLDS_TITLE|RECEIVED]->()-[:CONFERRED_BY]->(b) } } AS people`,
    );
    expect(bodies.length, 'bodies that honour someone or confer an honour').toBeGreaterThan(0);
    let links = 0;
    for (const { id, people } of bodies) {
      const { honouredBy } = await ok(
        `query ($id: ID!) { honouredBy(id: $id, first: 100) { totalCount edges { via node { name } honour { name } facts { provenance evidence { sentence } } conferredBy { provenance } } } }`,
        { id },
      );
      expect(new Set(honouredBy.edges.map((e: any) => e.node.name)).size, id).toBe(people);
      for (const e of honouredBy.edges) {
        expect(e.facts.length).toBeGreaterThan(0);
        if (e.via === 'HONOUR') expect(e.conferredBy.length, `${id} confers ${e.honour.name}`).toBeGreaterThan(0);
        else expect(e.honour).toBeNull();
      }
      links += honouredBy.totalCount;
    }
    expect(links).toBeGreaterThan(0);
  });

  it('path between two seed people connected only through an organisation returns that route, with the evidence of each hop', async () => {
    // Two people with an employer in common and no honour in common: the body is the only short route.
    const pairs = await graph.read<{ a: string; b: string; via: string }>(
      `MATCH (a:Person)-[:WORKS_FOR]->(x)<-[:WORKS_FOR]-(b:Person)
       WHERE a.key < b.key
         AND NOT EXISTS { (a)-[:HOLDS_TITLE|RECEIVED|HONOURED_BY]->()<-[:HOLDS_TITLE|RECEIVED|HONOURED_BY]-(b) }
       RETURN 'Person:' + a.key AS a, 'Person:' + b.key AS b, head(labels(x)) + ':' + x.key AS via
       ORDER BY a, b LIMIT 3`,
    );
    expect(pairs.length, 'seed people who share only an employer').toBeGreaterThan(0);
    for (const { a, b, via } of pairs) {
      const { path } = await ok(
        `query ($a: ID!, $b: ID!) { path(from: {id: $a}, to: {id: $b}) {
           length nodes { id __typename }
           hops { from { id } to { id } facts { type provenance evidence { sentence start end } article { text } } }
        } }`,
        { a, b },
      );
      expect(path.length, `${a} – ${b}`).toBe(2);
      expect(path.nodes[0].id).toBe(a);
      expect(path.nodes[2].id).toBe(b);
      // The route runs through a body both work for (the one found, or another they share).
      const middle = path.nodes[1].id as string;
      expect(['Union', 'Company', 'Organization']).toContain(path.nodes[1].__typename);
      const shared = await graph.read<{ n: number }>(
        `MATCH (:Person {key: $a})-[:WORKS_FOR]->(x)<-[:WORKS_FOR]-(:Person {key: $b}) WHERE head(labels(x)) + ':' + x.key = $middle RETURN count(*) AS n`,
        { a: a.slice('Person:'.length), b: b.slice('Person:'.length), middle },
      );
      expect(shared[0]!.n, `${middle} is an employer of both (found ${via})`).toBeGreaterThan(0);
      for (const hop of path.hops) {
        expect(hop.facts.length).toBeGreaterThan(0);
        for (const f of hop.facts) {
          expect(f.type).toBe('WORKS_FOR');
          expect(f.provenance).toBe('TEXT');
          expect(evidenceFits(f.article.text, f.evidence)).toBe(true);
        }
      }
    }
  });

  it('search finds honours by part of their name through the cjk index', async () => {
    const { search } = await ok(`{ search(text: "劳动模范", types: [Title], first: 100) { totalCount edges { score node { name } } } }`);
    const titles = await graph.read<{ name: string }>(`MATCH (t:Title) WHERE t.name CONTAINS '劳动模范' RETURN t.name AS name`);
    expect(titles.length).toBeGreaterThan(0);
    expect(search.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(titles.map((t) => t.name)));
  });
});

describe('deleteArticle, then ingestArticle of the same text', () => {
  it('removes only what the article alone supports, and restores identical counts of every label and relationship type', async () => {
    const stats = async () => {
      const { stats } = await ok(`{ stats { labels { label count } relationships { type count } } }`);
      return {
        labels: Object.fromEntries(stats.labels.map((l: any) => [l.label, l.count])),
        relationships: Object.fromEntries(stats.relationships.map((r: any) => [r.type, r.count])),
      };
    };
    const before = await stats();
    expect(before).toEqual(await graphCounts(graph));

    // The seed article sharing the most entities and lexicon facts with the others, so that deleting it must keep things.
    const [target] = await graph.read<{ id: string }>(
      `MATCH (a:Article)
       WITH a, COUNT { MATCH (a)-[:MENTIONS]->(n)<-[:MENTIONS]-(o:Article) WHERE o <> a RETURN DISTINCT n } AS shared,
               COUNT { MATCH ()-[r {provenance: 'lexicon'}]->() WHERE r.fact IN a.lexiconFacts AND r.support > 1 } AS lexicon
       WHERE shared > 0 AND lexicon > 0
       RETURN a.id AS id ORDER BY shared + lexicon DESC, id LIMIT 1`,
    );
    expect(target, 'a seed article sharing entities and lexicon facts with another').toBeDefined();
    const kept = await graph.read<{ id: string; others: number }>(
      `MATCH (a:Article {id: $id})-[:MENTIONS]->(n)<-[m:MENTIONS]-(other:Article) WHERE other <> a
       RETURN head(labels(n)) + ':' + n.key AS id, count(m) AS others`,
      { id: target!.id },
    );
    const alone = await graph.read<{ type: string; from: string; to: string }>(
      `MATCH (s)-[r]->(t) WHERE r.article = $id
         AND NOT EXISTS { MATCH (s)-[o]->(t) WHERE type(o) = type(r) AND o <> r }
       RETURN type(r) AS type, s.key AS from, t.key AS to`,
      { id: target!.id },
    );
    const lexicon = await graph.read<{ from: string; to: string; support: number }>(
      `MATCH (a:Article {id: $id}), (s)-[r {provenance: 'lexicon'}]->(t) WHERE r.fact IN a.lexiconFacts AND r.support > 1
       RETURN s.key AS from, t.key AS to, r.support AS support`,
      { id: target!.id },
    );

    expect(kept.length, 'entities other articles mention too').toBeGreaterThan(0);
    expect(alone.length, 'facts only this article states').toBeGreaterThan(0);
    expect(lexicon.length, 'lexicon facts other articles assert too').toBeGreaterThan(0);

    const file = join(SEEDS_DIR, (await readdir(SEEDS_DIR)).find((f) => f.startsWith(target!.id))!);
    const { text } = await readArticle(file);

    const deleted = await gql(server.graphql, `mutation ($id: ID!) { deleteArticle(id: $id) { id removedNodes { label count } removedRelationships { type count } } }`, { id: target!.id }, bearer(TOKEN));
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteArticle.removedNodes).toContainEqual({ label: 'Article', count: 1 });
    const afterDelete = await stats();
    expect(afterDelete.labels.Article).toBe(before.labels.Article - 1);
    for (const { label, count } of deleted.data.deleteArticle.removedNodes) expect(afterDelete.labels[label]).toBe(before.labels[label] - count);

    // Entities other articles mention stay, with those articles' mentions.
    for (const k of kept) {
      const { entity } = await ok(`query ($id: ID!) { entity(id: $id) { id mentions { totalCount } } }`, { id: k.id });
      expect(entity, `${k.id} is mentioned elsewhere too`).not.toBeNull();
      expect(entity.mentions.totalCount).toBe(k.others);
    }
    // Facts only this article stated are gone; lexicon facts others assert too stay, with one supporter fewer.
    for (const f of alone) {
      const rows = await graph.read(`MATCH (s {key: $from})-[r]->(t {key: $to}) WHERE type(r) = $type RETURN r`, f);
      expect(rows, `${f.type} ${f.from} → ${f.to}`).toEqual([]);
    }
    for (const l of lexicon) {
      const rows = await graph.read<{ support: number }>(
        `MATCH (s {key: $from})-[r {provenance: 'lexicon'}]->(t {key: $to}) RETURN r.support AS support`,
        l,
      );
      expect(rows.map((r) => r.support)).toEqual([l.support - 1]);
    }

    const ingested = await gql(
      server.graphql,
      `mutation ($text: String!, $source: String) { ingestArticle(text: $text, source: $source) { created article { id text } } }`,
      { text, source: file },
      bearer(TOKEN),
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data.ingestArticle.created).toBe(true);
    expect(ingested.data.ingestArticle.article.text).toBe(text);
    expect(await stats()).toEqual(before);
    expect(await graphCounts(graph)).toEqual(before);
  });
});

describe('article titles', () => {
  it('names a seed without metadata by its headline: a line of its text, past the page furniture', async () => {
    const { articles } = await ok(`{ articles(first: 100) { edges { node { id title text } } } }`);
    const titled = articles.edges.map((e: any) => e.node).filter((a: any) => a.title !== null);
    // Most seeds open with a headline; one opens straight with its dateline and keeps no title.
    expect(titled.length).toBeGreaterThanOrEqual(3);
    for (const a of titled) {
      const lines = a.text.split('\n').map((l: string) => l.replace(/^#+\s*/, '').replace(/[\s\u3000]+/g, ' ').trim());
      expect(lines, a.id).toContain(a.title);
      expect(a.title, `${a.id}: a headline, not a date, page number or credit`).not.toMatch(/^\d+$|\d{4}年\d{1,2}月\d{1,2}日|本版|E-mail/);
    }
  });
});

describe('evidence of the seed facts', () => {
  it('keeps every sentence stating a fact, the most explicit first, each at its place in the article', async () => {
    const { honourees } = await ok(`{ honourees(title: "全国劳动模范", first: 100) {
      edges { facts { evidence { sentence } evidences { sentence start end } article { text } } } } }`);
    const facts = honourees.edges.flatMap((e: any) => e.facts);
    expect(facts.length).toBeGreaterThan(0);
    for (const f of facts) {
      expect(f.evidences.length).toBeGreaterThan(0);
      expect(f.evidences[0].sentence).toBe(f.evidence.sentence);
      for (const e of f.evidences) expect(evidenceFits(f.article.text, e), e.sentence).toBe(true);
    }
    // The extractor gives some facts in a headline and in the body: both are kept, the body's first.
    const several = facts.filter((f: any) => f.evidences.length > 1);
    expect(several.length).toBeGreaterThan(0);
    // A headline fragment (no closing punctuation) never comes before a body sentence stating the same.
    const closed = (s: string) => /[。！？!?][”’」』]?$/.test(s.trim());
    for (const f of several) if (f.evidences.some((e: any) => closed(e.sentence))) expect(closed(f.evidences[0].sentence), f.evidences[0].sentence).toBe(true);
  });
});
