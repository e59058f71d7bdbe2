/** The API over real HTTP on the seeds, extracted by the real extractor and loaded into the real Neo4j. */
import { evidenceFits } from '../helpers/evidence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph } from '../../src/graph/index.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';
import { gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  await loadPaths(graph, [SEEDS_DIR]);
  server = await startServer(graph);
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('the seeds through GraphQL', () => {
  it('honourees(title: "全国劳动模范") returns people from several articles, each with evidence', async () => {
    const res = await gql(
      server.graphql,
      `{ honourees(title: "全国劳动模范") {
           person { name }
           facts { provenance evidence { sentence start end } article { id text } }
         } }`,
    );
    expect(res.errors).toBeUndefined();
    const list = res.data.honourees as any[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const articles = new Set<string>();
    for (const h of list) {
      expect(h.facts.length, `facts for ${h.person.name}`).toBeGreaterThan(0);
      for (const f of h.facts) {
        expect(f.provenance).toBe('TEXT');
        expect(evidenceFits(f.article.text, f.evidence), `evidence of ${h.person.name} at its offsets`).toBe(true);
        expect(f.evidence.sentence).toContain(h.person.name);
        articles.add(f.article.id);
      }
    }
    expect(articles.size).toBeGreaterThanOrEqual(2);
  });

  it('person(name) of an honouree returns the title with evidence, its employer and the articles that mention it', async () => {
    const holders = await gql(server.graphql, `{ honourees(title: "全国劳动模范") { person { name } } }`);
    const names = (holders.data?.honourees ?? []).map((h: any) => h.person.name) as string[];
    expect(names.length).toBeGreaterThan(0);
    let withEmployer = 0;
    for (const name of names) {
      const res = await gql(
        server.graphql,
        `query ($name: String!) { person(name: $name) {
           name titles { honour { name } evidence { sentence } } employers { employer { name } position }
           mentionedIn { article { id } evidence { sentence } }
         } }`,
        { name },
      );
      expect(res.errors).toBeUndefined();
      const p = res.data.person;
      expect(p.name).toBe(name);
      expect(p.titles.map((t: any) => t.honour.name)).toContain('全国劳动模范');
      expect(p.mentionedIn.length).toBeGreaterThan(0);
      if (p.employers.length) withEmployer++;
    }
    // National labour models in these articles are introduced with their workplace.
    expect(withEmployer).toBeGreaterThan(0);
  });

  it('honouredBy finds the people a seed union or body honoured', async () => {
    const bodies = await graph.read<{ name: string }>(
      `MATCH (b)<-[:HONOURED_BY|CONFERRED_BY]-() WHERE b:Union OR b:Company OR b:Organization RETURN DISTINCT b.name AS name`,
    );
    expect(bodies.length, 'bodies that honour someone or confer an honour').toBeGreaterThan(0);
    let people = 0;
    for (const { name } of bodies) {
      const res = await gql(server.graphql, `query ($o: String!) { honouredBy(organization: $o) { via person { name } evidence { sentence } } }`, { o: name });
      expect(res.errors).toBeUndefined();
      people += res.data.honouredBy.length;
    }
    expect(people).toBeGreaterThan(0);
  });
});
