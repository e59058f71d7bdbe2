/**
 * The GraphQL API over real HTTP, on the real Neo4j, with a small graph
 * written from hand-made extractions (the seeds get their own test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, GraphWriter } from '../../src/graph/index.js';
import { article } from '../helpers/extraction.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';
import { gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;

const a1 = article(
  'e1',
  '全国劳动模范、星辰精密机械有限公司高级技师王晓东参加座谈。中华全国总工会表彰了王晓东。',
  [
    { type: 'Person', name: '王晓东' },
    { type: 'Title', name: '全国劳动模范', aliases: ['全国劳模'], level: '全国' },
    { type: 'Company', name: '星辰精密机械有限公司', aliases: ['星辰机械'] },
    { type: 'Union', name: '中华全国总工会', aliases: ['全总'] },
  ],
  [
    { type: 'HOLDS_TITLE', from: '王晓东', to: '全国劳动模范', year: 2025 },
    { type: 'WORKS_FOR', from: '王晓东', to: '星辰精密机械有限公司', position: '高级技师' },
    { type: 'HONOURED_BY', from: '王晓东', to: '中华全国总工会', year: 2025 },
  ],
  [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: '中华全国总工会' }],
);
const a2 = article(
  'e2',
  '青禾农业合作社社长赵青是全国劳动模范，曾获全国五一劳动奖章。全国劳动模范王晓东也来到现场。',
  [
    { type: 'Person', name: '赵青' },
    { type: 'Person', name: '王晓东' },
    { type: 'Title', name: '全国劳动模范' },
    { type: 'Award', name: '全国五一劳动奖章' },
    { type: 'Organization', name: '青禾农业合作社' },
  ],
  [
    { type: 'HOLDS_TITLE', from: '赵青', to: '全国劳动模范' },
    { type: 'RECEIVED', from: '赵青', to: '全国五一劳动奖章' },
    { type: 'WORKS_FOR', from: '赵青', to: '青禾农业合作社', position: '社长' },
    { type: 'HOLDS_TITLE', from: '王晓东', to: '全国劳动模范' },
  ],
);
// The same name, working elsewhere: a different person.
const a3 = article(
  'e3',
  '远航船舶有限公司焊工王晓东获得表彰。',
  [
    { type: 'Person', name: '王晓东' },
    { type: 'Company', name: '远航船舶有限公司' },
  ],
  [{ type: 'WORKS_FOR', from: '王晓东', to: '远航船舶有限公司', position: '焊工' }],
);

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  await new GraphWriter(graph).write([a1, a2, a3]);
  server = await startServer(graph);
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

describe('HTTP', () => {
  it('answers /health', async () => {
    const res = await fetch(`${server.base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('production mode', () => {
  it('gives error codes but no stack traces', async () => {
    const prod = await startServer(graph, true);
    try {
      const res = await gql(prod.graphql, '{ honourees(title: "没有这个称号") { year } }');
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    } finally {
      await prod.close();
    }
  });
});

describe('honourees(title)', () => {
  const query = `query ($title: String!) {
    honourees(title: $title) {
      person { id name }
      honour { name level ... on Title { key } }
      year
      facts { year provenance evidence { sentence start end } article { id title date newspaper text } }
    }
  }`;

  it('returns every holder with the evidence of each supporting article', async () => {
    const res = await gql(server.graphql, query, { title: '全国劳动模范' });
    expect(res.errors).toBeUndefined();
    const list = res.data.honourees;
    expect(list.map((h: any) => h.person.name).sort()).toEqual(['王晓东', '赵青'].sort());
    const wang = list.find((h: any) => h.person.name === '王晓东');
    expect(wang.person.id).toBe('Person:王晓东');
    expect(wang.honour).toEqual({ name: '全国劳动模范', level: '全国', key: '全国劳动模范' });
    expect(wang.year).toBe(2025);
    // Facts with a year first, then by article.
    expect(wang.facts.map((f: any) => [f.article.id, f.year])).toEqual([['e1', 2025], ['e2', null]]);
    for (const h of list) {
      for (const f of h.facts) {
        expect(f.provenance).toBe('TEXT');
        expect(f.evidence.sentence).toContain(h.person.name);
        expect(f.article.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.sentence);
        expect(f.article).toMatchObject({ newspaper: '测试日报', date: '2025-05-01' });
      }
    }
  });

  it('finds the title by an alias', async () => {
    const res = await gql(server.graphql, query, { title: '全国劳模' });
    expect(res.data.honourees).toHaveLength(2);
  });

  it('answers NOT_FOUND for an unknown title and BAD_USER_INPUT for an empty one', async () => {
    const unknown = await gql(server.graphql, query, { title: '没有这个称号' });
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const empty = await gql(server.graphql, query, { title: '  ' });
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('person(name)', () => {
  const query = `query ($name: String!) {
    person(name: $name) {
      key name
      titles { year honour { name } evidence { sentence } article { id } }
      awards { honour { __typename name } article { id } }
      employers { position employer { __typename name aliases } article { id } }
      mentionedIn { article { id } count surfaces evidence { sentence } }
      namesakes { key employers { employer { name } } }
    }
  }`;

  it('returns titles, awards, employers and the articles that mention the person', async () => {
    const res = await gql(server.graphql, query, { name: '赵青' });
    expect(res.errors).toBeUndefined();
    const p = res.data.person;
    expect(p.titles).toEqual([{ year: null, honour: { name: '全国劳动模范' }, evidence: { sentence: '青禾农业合作社社长赵青是全国劳动模范，曾获全国五一劳动奖章。' }, article: { id: 'e2' } }]);
    expect(p.awards).toEqual([{ honour: { __typename: 'Award', name: '全国五一劳动奖章' }, article: { id: 'e2' } }]);
    expect(p.employers).toEqual([{ position: '社长', employer: { __typename: 'Organization', name: '青禾农业合作社', aliases: [] }, article: { id: 'e2' } }]);
    expect(p.mentionedIn).toEqual([{ article: { id: 'e2' }, count: 1, surfaces: ['赵青'], evidence: { sentence: '青禾农业合作社社长赵青是全国劳动模范，曾获全国五一劳动奖章。' } }]);
    expect(p.namesakes).toEqual([]);
  });

  it('keeps a namesake with another employer apart, and lists it', async () => {
    const res = await gql(server.graphql, query, { name: '王晓东' });
    const p = res.data.person;
    expect(p.key).toBe('王晓东');
    expect(p.employers.map((e: any) => e.employer)).toEqual([{ __typename: 'Company', name: '星辰精密机械有限公司', aliases: ['星辰机械'] }]);
    expect(p.mentionedIn.map((m: any) => m.article.id).sort()).toEqual(['e1', 'e2']);
    expect(p.namesakes).toEqual([{ key: '王晓东#2', employers: [{ employer: { name: '远航船舶有限公司' } }] }]);
  });

  it('is null for an unknown name', async () => {
    const res = await gql(server.graphql, query, { name: '查无此人' });
    expect(res.errors).toBeUndefined();
    expect(res.data.person).toBeNull();
  });
});

describe('honouredBy(organization)', () => {
  const query = `query ($org: String!) {
    honouredBy(organization: $org) {
      via person { name } body { __typename name } honour { name } year provenance
      evidence { sentence } article { id }
      conferredBy { provenance article { id } honour { name } body { name } }
    }
  }`;

  it('lists people honoured directly and holders of honours the body confers, with how each is known', async () => {
    const res = await gql(server.graphql, query, { org: '全总' });
    expect(res.errors).toBeUndefined();
    const rows = res.data.honouredBy.map((r: any) => `${r.via} ${r.person.name} ${r.honour?.name ?? '-'} ${r.article.id}`);
    expect(rows).toEqual([
      'DIRECT 王晓东 - e1',
      'HONOUR 王晓东 全国劳动模范 e1',
      'HONOUR 王晓东 全国劳动模范 e2',
      'HONOUR 赵青 全国劳动模范 e2',
    ]);
    const direct = res.data.honouredBy[0];
    expect(direct).toMatchObject({ body: { __typename: 'Union', name: '中华全国总工会' }, year: 2025, provenance: 'TEXT', conferredBy: [] });
    expect(direct.evidence.sentence).toBe('中华全国总工会表彰了王晓东。');
    for (const r of res.data.honouredBy.slice(1)) {
      expect(r.conferredBy).toEqual([{ provenance: 'LEXICON', article: null, honour: { name: '全国劳动模范' }, body: { name: '中华全国总工会' } }]);
    }
  });

  it('answers NOT_FOUND for an unknown body', async () => {
    const res = await gql(server.graphql, query, { org: '不存在的机构' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('batching', () => {
  it('resolves a nested field for many parents in one query, not one per parent', async () => {
    const before = graph.queries;
    const res = await gql(server.graphql, `{ honourees(title: "全国劳动模范") { person { employers { position } mentionedIn { article { text } } } } }`);
    expect(res.errors).toBeUndefined();
    // findByName, holders, employers (batched), mentions (batched), article text (batched).
    expect(graph.queries - before).toBe(5);
  });
});
