/**
 * The writer against the real Neo4j, with small hand-written extractions:
 * idempotence, the same-name rule, per-article facts and deletion.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Graph, GraphWriter, applySchema, graphCounts } from '../../src/graph/index.js';
import { VERSION_LABEL } from '../../src/graph/schema.js';
import { article } from '../helpers/extraction.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';

let graph: Graph;
let writer: GraphWriter;

beforeAll(async () => {
  graph = openTestGraph();
  writer = new GraphWriter(graph, { batchSize: 2 });
});
beforeEach(async () => resetGraph(graph));
afterAll(async () => graph?.close());

const honourArticle = article(
  'a1',
  '全国劳动模范、星辰精密机械有限公司高级技师王晓东今年获得全国劳动模范称号。星辰机械工会为他举办了座谈会。中华全国总工会表彰了王晓东。',
  [
    { type: 'Person', name: '王晓东' },
    { type: 'Title', name: '全国劳动模范', aliases: ['全国劳模'], level: '全国' },
    { type: 'Company', name: '星辰精密机械有限公司', aliases: ['星辰机械'] },
    { type: 'Union', name: '中华全国总工会' },
  ],
  [
    { type: 'HOLDS_TITLE', from: '王晓东', to: '全国劳动模范', year: 2025 },
    { type: 'WORKS_FOR', from: '王晓东', to: '星辰机械', position: '高级技师' },
    { type: 'HONOURED_BY', from: '王晓东', to: '中华全国总工会' },
  ],
  [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: '中华全国总工会' }],
);

const secondArticle = article(
  'a2',
  '全国劳动模范王晓东在星辰精密机械有限公司工作。青禾农业合作社社长赵青也是全国劳动模范。',
  [
    { type: 'Person', name: '王晓东' },
    { type: 'Person', name: '赵青' },
    { type: 'Title', name: '全国劳动模范' },
    { type: 'Company', name: '星辰精密机械有限公司' },
    { type: 'Organization', name: '青禾农业合作社' },
  ],
  [
    { type: 'HOLDS_TITLE', from: '王晓东', to: '全国劳动模范' },
    { type: 'WORKS_FOR', from: '王晓东', to: '星辰精密机械有限公司' },
    { type: 'HOLDS_TITLE', from: '赵青', to: '全国劳动模范' },
    { type: 'WORKS_FOR', from: '赵青', to: '青禾农业合作社', position: '社长' },
  ],
  // The lexicon says who confers the title, though this article does not name the body.
  [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: '中华全国总工会', toType: 'Union' }],
);

async function rows<T>(cypher: string, params = {}): Promise<T[]> {
  return graph.read(cypher, params) as Promise<T[]>;
}

/**
 * Every lexicon fact with its support count and the articles that list it,
 * checking on the way that the two agree and that no article lists a fact
 * that is not there.
 */
async function lexiconSupport(): Promise<{ fact: string; support: number; asserting: string[] }[]> {
  const facts = await rows<{ fact: string; support: number; asserting: string[] }>(
    `MATCH ()-[r {provenance: 'lexicon'}]->()
     RETURN r.fact AS fact, r.support AS support, COLLECT { MATCH (a:Article) WHERE r.fact IN a.lexiconFacts RETURN a.id ORDER BY a.id } AS asserting
     ORDER BY fact`,
  );
  for (const f of facts) expect(f.support, `support of ${f.fact}`).toBe(f.asserting.length);
  const dangling = await rows(
    `MATCH (a:Article) UNWIND coalesce(a.lexiconFacts, []) AS k
     WITH a, k WHERE NOT EXISTS { MATCH ()-[r {provenance: 'lexicon'}]->() WHERE r.fact = k }
     RETURN a.id AS article, k AS fact`,
  );
  expect(dangling, 'facts articles list but the graph lacks').toEqual([]);
  return facts;
}

describe('GraphWriter', () => {
  it('writes articles, entities, mentions with evidence and facts with their properties', async () => {
    const summary = await writer.write([honourArticle]);
    expect(summary).toMatchObject({ articles: 1, entities: 4, mentions: 4, facts: 4, skipped: [] });
    const counts = await graphCounts(graph);
    expect(counts.labels).toMatchObject({ Person: 1, Title: 1, Company: 1, Union: 1, Organization: 0, Award: 0, Article: 1 });
    expect(counts.relationships).toMatchObject({ MENTIONS: 4, HOLDS_TITLE: 1, WORKS_FOR: 1, HONOURED_BY: 1, CONFERRED_BY: 1, RECEIVED: 0 });

    const [fact] = await rows<Record<string, unknown>>(
      `MATCH (:Person {key: '王晓东'})-[r:HOLDS_TITLE]->(t:Title) RETURN r.year AS year, r.article AS article, r.provenance AS provenance, r.evidence AS evidence, r.start AS start, r.end AS end, t.level AS level, t.aliases AS aliases`,
    );
    expect(fact).toMatchObject({ year: 2025, article: 'a1', provenance: 'text', level: '全国', aliases: ['全国劳模'] });
    expect(honourArticle.article.text.slice(fact!.start as number, fact!.end as number)).toBe(fact!.evidence);

    // Whole numbers are stored as Neo4j integers, not floats.
    const types = await rows<{ t: string }>(
      `MATCH ()-[r]->() UNWIND [r.year, r.start, r.end, r.count, r.support] AS v WITH v WHERE v IS NOT NULL RETURN DISTINCT valueType(v) AS t`,
    );
    expect(types.map((t) => t.t)).toEqual(['INTEGER NOT NULL']);

    const [job] = await rows<Record<string, unknown>>(`MATCH (:Person)-[r:WORKS_FOR]->(c:Company) RETURN r.position AS position, c.name AS name`);
    expect(job).toEqual({ position: '高级技师', name: '星辰精密机械有限公司' });

    const [lexicon] = await rows<Record<string, unknown>>(`MATCH ()-[r:CONFERRED_BY]->() RETURN r.provenance AS provenance, r.article AS article`);
    expect(lexicon).toEqual({ provenance: 'lexicon', article: null });

    const [mention] = await rows<Record<string, unknown>>(
      `MATCH (a:Article {id: 'a1'})-[m:MENTIONS]->(:Company) RETURN m.surfaces AS surfaces, m.count AS count, m.evidence AS evidence, a.newspaper AS newspaper, a.text AS text`,
    );
    expect(mention).toMatchObject({ surfaces: ['星辰精密机械有限公司', '星辰机械'], count: 2, newspaper: '测试日报', text: honourArticle.article.text });
  });

  it('leaves every count unchanged when the same articles are loaded twice', async () => {
    await writer.write([honourArticle, secondArticle]);
    const once = await graphCounts(graph);
    await writer.write([honourArticle, secondArticle]);
    await writer.write([secondArticle]);
    expect(await graphCounts(graph)).toEqual(once);
    expect(once.relationships.HOLDS_TITLE).toBe(3); // 王晓东 by a1 and a2, 赵青 by a2
  });

  it('keeps one fact per supporting article, and deleting an article removes only what it alone supports', async () => {
    await writer.write([honourArticle, secondArticle]);
    const supports = await rows<{ article: string }>(
      `MATCH (:Person {key: '王晓东'})-[r:HOLDS_TITLE]->(:Title {key: '全国劳动模范'}) RETURN r.article AS article ORDER BY article`,
    );
    expect(supports.map((r) => r.article)).toEqual(['a1', 'a2']);

    await writer.deleteArticles(['a1']);
    const after = await graphCounts(graph);
    // The union is no longer mentioned, but a2 still asserts the lexicon fact that it
    // confers the title, so it stays with that fact; a1's HONOURED_BY goes.
    expect(after.labels).toMatchObject({ Article: 1, Person: 2, Title: 1, Company: 1, Organization: 1, Union: 1 });
    expect(after.relationships).toMatchObject({ HOLDS_TITLE: 2, WORKS_FOR: 2, HONOURED_BY: 0, CONFERRED_BY: 1 });
    const orphans = await rows(`MATCH (u:Union) WHERE NOT EXISTS { ()-[:MENTIONS]->(u) } RETURN u.name AS name`);
    expect(orphans).toEqual([{ name: '中华全国总工会' }]);

    const [lexicon] = await rows(`MATCH ()-[r:CONFERRED_BY]->() RETURN r.support AS support, r.fact AS fact, r.article AS article`);
    expect(lexicon).toEqual({ support: 1, fact: 'CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会', article: null });
    expect(await lexiconSupport()).toEqual([{ fact: 'CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会', support: 1, asserting: ['a2'] }]);

    // Once no article supports anything, nothing is left.
    await writer.deleteArticles(['a2']);
    expect((await graphCounts(graph)).labels).toMatchObject({ Article: 0, Person: 0, Title: 0, Union: 0, Company: 0, Organization: 0 });
    await writer.write([secondArticle]);
    const left = await rows<{ article: string }>(`MATCH (:Person {key: '王晓东'})-[r:HOLDS_TITLE]->() RETURN r.article AS article`);
    expect(left).toEqual([{ article: 'a2' }]);

    // Loading it again restores exactly the counts before the deletion.
    const before = await (async () => {
      await writer.write([honourArticle]);
      return graphCounts(graph);
    })();
    await writer.deleteArticles(['a1']);
    await writer.write([honourArticle]);
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('drops facts and entities an article no longer states when it is written again', async () => {
    await writer.write([honourArticle]);
    const revised = article('a1', '星辰精密机械有限公司高级技师王晓东。', [
      { type: 'Person', name: '王晓东' },
      { type: 'Company', name: '星辰精密机械有限公司' },
    ], [{ type: 'WORKS_FOR', from: '王晓东', to: '星辰精密机械有限公司', position: '高级技师' }]);
    await writer.write([revised]);
    const counts = await graphCounts(graph);
    expect(counts.labels).toMatchObject({ Person: 1, Company: 1, Title: 0, Union: 0, Article: 1 });
    expect(counts.relationships).toMatchObject({ MENTIONS: 2, WORKS_FOR: 1, HOLDS_TITLE: 0, HONOURED_BY: 0, CONFERRED_BY: 0 });
  });

  it('counts the articles asserting a lexicon fact once each, through reloads, and withdraws exactly one per deleted article', async () => {
    const fact = 'CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会';
    const third = article('a3', '全国劳动模范孙丽出席。', [{ type: 'Person', name: '孙丽' }, { type: 'Title', name: '全国劳动模范' }],
      [{ type: 'HOLDS_TITLE', from: '孙丽', to: '全国劳动模范' }],
      [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: '中华全国总工会', toType: 'Union' }]);
    // The same article twice in one batch asserts the fact once.
    await writer.write([honourArticle, secondArticle, third, third]);
    expect(await lexiconSupport()).toEqual([{ fact, support: 3, asserting: ['a1', 'a2', 'a3'] }]);
    const counts = await graphCounts(graph);

    await writer.write([secondArticle, honourArticle]);
    await writer.write([third]);
    expect(await lexiconSupport()).toEqual([{ fact, support: 3, asserting: ['a1', 'a2', 'a3'] }]);
    expect(await graphCounts(graph)).toEqual(counts);

    await writer.deleteArticles(['a2', 'a3']);
    expect(await lexiconSupport()).toEqual([{ fact, support: 1, asserting: ['a1'] }]);
    // An article that no longer yields the fact withdraws its support.
    await writer.write([{ ...honourArticle, inferred: [] }]);
    expect(await lexiconSupport()).toEqual([]);
    expect((await graphCounts(graph)).relationships.CONFERRED_BY).toBe(0);
  });

  it('upgrades lexicon facts of the earlier form (assertedBy lists) when the schema is applied, keeping deletion exact', async () => {
    await writer.write([honourArticle, secondArticle]);
    const current = await lexiconSupport();
    const counts = await graphCounts(graph);
    // The form an earlier writer left: the asserting articles listed on the fact, nothing on the articles.
    await graph.autoCommit(
      `MATCH ()-[r {provenance: 'lexicon'}]->()
       SET r.assertedBy = COLLECT { MATCH (a:Article) WHERE r.fact IN a.lexiconFacts RETURN a.id ORDER BY a.id }
       REMOVE r.support, r.fact`,
    );
    await graph.autoCommit(`MATCH (a:Article) REMOVE a.lexiconFacts`);
    // An earlier writer left no version mark.
    await graph.autoCommit(`MATCH (v:${VERSION_LABEL}) DELETE v`);
    await applySchema(graph);
    expect(await lexiconSupport()).toEqual(current);
    expect(await rows(`MATCH ()-[r]->() WHERE r.assertedBy IS NOT NULL RETURN r`)).toEqual([]);
    await applySchema(graph);
    expect(await lexiconSupport()).toEqual(current);
    expect(await graphCounts(graph)).toEqual(counts);
    await writer.deleteArticles(['a1']);
    expect(await lexiconSupport()).toEqual([{ fact: 'CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会', support: 1, asserting: ['a2'] }]);
  });

  it('stores as integers the whole numbers an earlier writer left as floats, once, when the schema is applied', async () => {
    await writer.write([honourArticle, secondArticle]);
    const valueTypes = () =>
      rows<{ t: string }>(`MATCH ()-[r]->() UNWIND [r.year, r.start, r.end, r.count, r.support] AS v WITH v WHERE v IS NOT NULL RETURN DISTINCT valueType(v) AS t ORDER BY t`);
    await graph.autoCommit(`MATCH ()-[r]->() SET r.year = toFloat(r.year), r.start = toFloat(r.start), r.end = toFloat(r.end), r.count = toFloat(r.count), r.support = toFloat(r.support)`);
    expect((await valueTypes()).map((t) => t.t)).toEqual(['FLOAT NOT NULL']);
    // Marked as upgraded: the relationships are not read again.
    await applySchema(graph);
    expect((await valueTypes()).map((t) => t.t)).toEqual(['FLOAT NOT NULL']);
    // An earlier writer left no version mark.
    await graph.autoCommit(`MATCH (v:${VERSION_LABEL}) DELETE v`);
    await applySchema(graph);
    expect((await valueTypes()).map((t) => t.t)).toEqual(['INTEGER NOT NULL']);
    const [fact] = await rows<{ year: number }>(`MATCH (:Person {key: '王晓东'})-[r:HOLDS_TITLE {article: 'a1'}]->() RETURN r.year AS year`);
    expect(fact!.year).toBe(2025);
  });

  it('drops a lexicon fact that no article yields any more, with the body only it kept', async () => {
    const withLexicon = (body: string) =>
      article('lx2', '周明是全国劳动模范。', [{ type: 'Person', name: '周明' }, { type: 'Title', name: '全国劳动模范' }],
        [{ type: 'HOLDS_TITLE', from: '周明', to: '全国劳动模范' }],
        [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: body, toType: 'Organization' }]);
    await writer.write([withLexicon('甲委员会')]);
    const counts = await graphCounts(graph);
    // The lexicon changed between two loads of the same article.
    await writer.write([withLexicon('乙委员会')]);
    expect(await graphCounts(graph)).toEqual(counts);
    const bodies = await rows<{ name: string }>(`MATCH (o:Organization) RETURN o.name AS name`);
    expect(bodies).toEqual([{ name: '乙委员会' }]);
  });

  it('keeps people of the same name apart when their employers contradict, and their keys stable on reload', async () => {
    const at = (id: string, employer?: string) =>
      article(
        id,
        employer ? `${employer}工程师李建国获得表彰。` : '李建国获得表彰。',
        [{ type: 'Person', name: '李建国' }, ...(employer ? [{ type: 'Company' as const, name: employer }] : [])],
        employer ? [{ type: 'WORKS_FOR', from: '李建国', to: employer, position: '工程师' }] : [],
      );
    const first = at('p1', '远航船舶有限公司');
    const other = at('p2', '晨光电子有限公司');
    const sameAsOther = at('p3', '晨光电子有限公司');
    const unknown = at('p4');
    await writer.write([first, other, sameAsOther, unknown]);

    const people = async () =>
      rows<{ key: string; name: string; articles: string[]; employers: string[] }>(
        `MATCH (p:Person {norm: '李建国'})
         RETURN p.key AS key, p.name AS name,
                [(a:Article)-[:MENTIONS]->(p) | a.id] AS articles,
                [(p)-[:WORKS_FOR]->(c) | c.name] AS employers
         ORDER BY key`,
      ).then((r) => r.map((p) => ({ ...p, articles: [...p.articles].sort(), employers: [...new Set(p.employers)].sort() })));
    const expected = [
      { key: '李建国', name: '李建国', articles: ['p1', 'p4'], employers: ['远航船舶有限公司'] },
      { key: '李建国#2', name: '李建国', articles: ['p2', 'p3'], employers: ['晨光电子有限公司'] },
    ];
    expect(await people()).toEqual(expected);

    const counts = await graphCounts(graph);
    await writer.write([unknown, sameAsOther, other, first]);
    expect(await people()).toEqual(expected);
    expect(await graphCounts(graph)).toEqual(counts);
  });

  it('creates a lexicon body the article never names, without a mention, and prunes it with its honour', async () => {
    const x = article(
      'lx',
      '周明是全国五一劳动奖章获得者。',
      [{ type: 'Person', name: '周明' }, { type: 'Award', name: '全国五一劳动奖章' }],
      [{ type: 'RECEIVED', from: '周明', to: '全国五一劳动奖章' }],
      [{ type: 'CONFERRED_BY', from: '全国五一劳动奖章', fromType: 'Award', to: '中华全国总工会', toType: 'Union' }],
    );
    const summary = await writer.write([x]);
    expect(summary.skipped).toEqual([]);
    const [body] = await rows<Record<string, unknown>>(
      `MATCH (:Award {key: '全国五一劳动奖章'})-[r:CONFERRED_BY]->(u:Union) RETURN u.name AS name, r.provenance AS provenance, COUNT { ()-[:MENTIONS]->(u) } AS mentions`,
    );
    expect(body).toEqual({ name: '中华全国总工会', provenance: 'lexicon', mentions: 0 });
    const counts = await graphCounts(graph);
    await writer.write([x]);
    expect(await graphCounts(graph)).toEqual(counts);
    await writer.deleteArticles(['lx']);
    const after = await graphCounts(graph);
    expect(Object.values(after.labels).every((n) => n === 0), JSON.stringify(after)).toBe(true);
  });

  it('reports relations whose ends are not entities of the article, and writes the rest', async () => {
    const x = article(
      'bad',
      '孙立平是全国劳动模范。',
      [{ type: 'Person', name: '孙立平' }, { type: 'Title', name: '全国劳动模范' }],
      [
        { type: 'HOLDS_TITLE', from: '孙立平', to: '全国劳动模范' },
        { type: 'WORKS_FOR', from: '孙立平', to: '不存在的公司' },
      ],
    );
    const summary = await writer.write([x]);
    expect(summary.facts).toBe(1);
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]).toMatchObject({ article: 'bad' });
    expect(summary.skipped[0]!.reason).toContain('不存在的公司');
  });

  it('makes names and aliases findable through the cjk full-text index', async () => {
    await writer.write([honourArticle]);
    const hits = await rows<{ name: string; labels: string[] }>(
      `CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score RETURN node.name AS name, labels(node) AS labels ORDER BY score DESC`,
      { q: '劳模' },
    );
    expect(hits[0]).toEqual({ name: '全国劳动模范', labels: ['Title'] });
  });
});
