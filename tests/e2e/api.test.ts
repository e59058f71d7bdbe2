/**
 * The GraphQL API over real HTTP, on the real Neo4j, with a small graph
 * written from hand-made extractions whose every fact is known (the seeds
 * get their own test). Names are invented; none comes from the seeds.
 */
import { createServer } from 'node:net';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jErrorCode } from '../../src/api/errors.js';
import { MAX_DEPTH } from '../../src/api/limits.js';
import { Graph, GraphWriter, graphCounts } from '../../src/graph/index.js';
import { article } from '../helpers/extraction.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';
import { bearer, codes, gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;

const a1 = article(
  'e1',
  '全国劳动模范、星辰精密机械有限公司高级技师王晓东参加座谈。中华全国总工会表彰了王晓东。',
  [
    { type: 'Person', name: '王晓东' },
    { type: 'Title', name: '全国劳动模范', aliases: ['全国劳模'], level: 'national' },
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
    { type: 'Award', name: '全国五一劳动奖章', level: 'national' },
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
// A colleague of the first 王晓东 through his employer only, and a union official.
const a4 = article(
  'e4',
  '星辰精密机械有限公司工程师李明获评浙江省劳动模范。蓝天工会干事孙丽出席。',
  [
    { type: 'Person', name: '李明' },
    { type: 'Company', name: '星辰精密机械有限公司' },
    { type: 'Title', name: '浙江省劳动模范', level: 'provincial' },
    { type: 'Person', name: '孙丽' },
    { type: 'Union', name: '蓝天工会' },
  ],
  [
    { type: 'WORKS_FOR', from: '李明', to: '星辰精密机械有限公司', position: '工程师' },
    { type: 'HOLDS_TITLE', from: '李明', to: '浙江省劳动模范', year: 2023 },
    { type: 'WORKS_FOR', from: '孙丽', to: '蓝天工会', position: '干事' },
  ],
);
// Someone linked to nobody else.
const a5 = article(
  'e5',
  '孤岛有限公司职员周一发言。',
  [
    { type: 'Person', name: '周一' },
    { type: 'Company', name: '孤岛有限公司' },
  ],
  [{ type: 'WORKS_FOR', from: '周一', to: '孤岛有限公司', position: '职员' }],
);
const ALL = [a1, a2, a3, a4, a5];
const TEXT = Object.fromEntries(ALL.map((a) => [a.article.id, a.article.text]));

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  await new GraphWriter(graph).write(ALL);
  server = await startServer(graph);
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

const names = (conn: { edges: { node: { name: string } }[] }) => conn.edges.map((e) => e.node.name);

async function ok<T = any>(query: string, variables: Record<string, unknown> = {}, url = server.graphql): Promise<T> {
  const res = await gql<T>(url, query, variables);
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

describe('HTTP endpoints', () => {
  it('answers /health and /ready', async () => {
    const health = await fetch(`${server.base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('honourees', () => {
  const query = `query ($title: String, $award: String, $year: Int, $yearFrom: Int, $level: HonourLevel) {
    honourees(title: $title, award: $award, year: $year, yearFrom: $yearFrom, level: $level) {
      totalCount
      edges {
        node { id name }
        honour { __typename name level }
        year factCount
        facts { year provenance evidence { sentence start end } article { id title date newspaper text } }
      }
    }
  }`;

  it('returns every holder of a title, by name, with the year and the evidence of each supporting article', async () => {
    const { honourees } = await ok(query, { title: '全国劳动模范' });
    expect(honourees.totalCount).toBe(2);
    expect(names(honourees)).toEqual(['王晓东', '赵青']);
    const [wang, zhao] = honourees.edges;
    expect(wang.node.id).toBe('Person:王晓东');
    expect(wang.honour).toEqual({ __typename: 'Title', name: '全国劳动模范', level: 'national' });
    expect(wang.year).toBe(2025);
    expect(zhao.year).toBeNull();
    // Facts with a year first, then by article.
    expect(wang.facts.map((f: any) => [f.article.id, f.year])).toEqual([
      ['e1', 2025],
      ['e2', null],
    ]);
    expect(wang.factCount).toBe(2);
    for (const h of honourees.edges) {
      for (const f of h.facts) {
        expect(f.provenance).toBe('TEXT');
        expect(f.evidence.sentence).toContain(h.node.name);
        expect(f.article.text.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.sentence);
        expect(f.article).toMatchObject({ newspaper: '测试日报', date: '2025-05-01', title: `标题${f.article.id}` });
      }
    }
  });

  it('finds the title by an alias, and an award', async () => {
    expect(names((await ok(query, { title: '全国劳模' })).honourees)).toEqual(['王晓东', '赵青']);
    const { honourees } = await ok(query, { award: '全国五一劳动奖章' });
    expect(names(honourees)).toEqual(['赵青']);
    expect(honourees.edges[0].honour.__typename).toBe('Award');
  });

  it('filters by year (keeping only the facts of that year) and by level across all honours', async () => {
    const byYear = (await ok(query, { title: '全国劳动模范', year: 2025 })).honourees;
    expect(names(byYear)).toEqual(['王晓东']);
    expect(byYear.edges[0].facts.map((f: any) => f.article.id)).toEqual(['e1']);

    const national = (await ok(query, { level: 'national' })).honourees;
    expect(national.edges.map((e: any) => `${e.node.name} ${e.honour.name}`)).toEqual(['王晓东 全国劳动模范', '赵青 全国五一劳动奖章', '赵青 全国劳动模范']);
    const recent = (await ok(query, { yearFrom: 2023 })).honourees;
    expect(recent.edges.map((e: any) => `${e.node.name} ${e.honour.name} ${e.year}`)).toEqual(['李明 浙江省劳动模范 2023', '王晓东 全国劳动模范 2025']);
  });

  it('answers NOT_FOUND for an unknown title, BAD_USER_INPUT for an empty one or for title and award together', async () => {
    expect(codes(await gql(server.graphql, query, { title: '没有这个称号' }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(server.graphql, query, { title: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { title: '全国劳动模范', award: '全国五一劳动奖章' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('takes the forms people write: a short form, and an honour without its level (every level of it)', async () => {
    expect(names((await ok(query, { award: '五一劳动奖章' })).honourees)).toEqual(['赵青']);
    const anyLevel = (await ok(query, { title: '劳模' })).honourees;
    expect(anyLevel.edges.map((e: any) => `${e.node.name} ${e.honour.name}`)).toEqual(['李明 浙江省劳动模范', '王晓东 全国劳动模范', '赵青 全国劳动模范']);
    expect(names((await ok(query, { title: '劳模', level: 'provincial' })).honourees)).toEqual(['李明']);
    expect(names((await ok(query, { title: '浙江省劳模' })).honourees)).toEqual(['李明']);
  });

  it('says which argument to use when the name is an honour of the other kind, and names similar ones otherwise', async () => {
    const asTitle = await gql(server.graphql, query, { title: '全国五一劳动奖章' });
    expect(asTitle.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', argument: 'award' });
    expect(asTitle.errors![0]!.message).toBe('title: no Title named "全国五一劳动奖章"; it names the Award 全国五一劳动奖章: ask with award: "全国五一劳动奖章"');
    const typo = await gql(server.graphql, query, { title: '全国劳动模特' });
    expect(codes(typo)).toEqual(['NOT_FOUND']);
    expect(typo.errors![0]!.message).toMatch(/similar: 全国劳动模范/);
  });

  it('takes a level as the schema shows it, in any case or in Chinese, and lists the allowed ones otherwise', async () => {
    const national = ['王晓东 全国劳动模范', '赵青 全国五一劳动奖章', '赵青 全国劳动模范'];
    for (const level of ['national', 'NATIONAL', 'National', '全国']) {
      expect((await ok(query, { level })).honourees.edges.map((e: any) => `${e.node.name} ${e.honour.name}`), level).toEqual(national);
    }
    const literal = await ok(`{ honourees(level: NATIONAL) { totalCount } }`);
    expect(literal.honourees.totalCount).toBe(3);
    for (const res of [await gql(server.graphql, query, { level: 'nation' }), await gql(server.graphql, `{ honourees(level: nation) { totalCount } }`)]) {
      expect(res.status).toBe(400);
      expect(res.errors![0]!.message).toMatch(/level must be one of national, provincial, municipal, district, sector .*not "nation"/);
      expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(res.errors![0]!.extensions!.code);
    }
  });
});

describe('person', () => {
  const query = `query ($id: ID, $name: String) {
    person(id: $id, name: $name) {
      id key name
      titles { totalCount edges { year factCount node { name level } facts { year evidence { sentence } article { id } } } }
      awards { edges { node { __typename name } facts { article { id } } } }
      employers { edges { positions node { __typename name aliases } facts { position article { id } } } }
      honouredBy { edges { year node { name } facts { evidence { sentence } } } }
      mentions { totalCount edges { node { id } count surfaces evidence { sentence } } }
      namesakes { key employers { edges { node { name } } } }
    }
  }`;

  it('returns titles and awards with year and evidence, employers with positions, honouring bodies and mentions', async () => {
    const p = (await ok(query, { name: '赵青' })).person;
    const sentence = '青禾农业合作社社长赵青是全国劳动模范，曾获全国五一劳动奖章。';
    expect(p.titles).toEqual({
      totalCount: 1,
      edges: [{ year: null, factCount: 1, node: { name: '全国劳动模范', level: 'national' }, facts: [{ year: null, evidence: { sentence }, article: { id: 'e2' } }] }],
    });
    expect(p.awards.edges).toEqual([{ node: { __typename: 'Award', name: '全国五一劳动奖章' }, facts: [{ article: { id: 'e2' } }] }]);
    expect(p.employers.edges).toEqual([
      { positions: ['社长'], node: { __typename: 'Organization', name: '青禾农业合作社', aliases: [] }, facts: [{ position: '社长', article: { id: 'e2' } }] },
    ]);
    expect(p.honouredBy.edges).toEqual([]);
    expect(p.mentions).toEqual({ totalCount: 1, edges: [{ node: { id: 'e2' }, count: 1, surfaces: ['赵青'], evidence: { sentence } }] });
    expect(p.namesakes).toEqual([]);
  });

  it('keeps a namesake with another employer apart, and lists it; finds either by id', async () => {
    const p = (await ok(query, { name: '王晓东' })).person;
    expect(p.key).toBe('王晓东');
    expect(p.employers.edges.map((e: any) => [e.node.name, e.positions])).toEqual([['星辰精密机械有限公司', ['高级技师']]]);
    expect(p.honouredBy.edges).toEqual([{ year: 2025, node: { name: '中华全国总工会' }, facts: [{ evidence: { sentence: '中华全国总工会表彰了王晓东。' } }] }]);
    expect(p.mentions.edges.map((m: any) => m.node.id)).toEqual(['e1', 'e2']);
    expect(p.namesakes).toEqual([{ key: '王晓东#2', employers: { edges: [{ node: { name: '远航船舶有限公司' } }] } }]);
    for (const id of ['Person:王晓东#2', '王晓东#2']) {
      const other = (await ok(query, { id })).person;
      expect(other.id).toBe('Person:王晓东#2');
      expect(other.employers.edges[0].node.name).toBe('远航船舶有限公司');
    }
  });

  it('is null for an unknown name, and refuses ambiguous or mistyped arguments', async () => {
    expect((await ok(query, { name: '查无此人' })).person).toBeNull();
    expect(codes(await gql(server.graphql, query, { id: 'Person:王晓东', name: '王晓东' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, {}))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { id: 'Title:全国劳动模范' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('people(filter)', () => {
  const query = `query ($filter: PeopleFilter) { people(filter: $filter, first: 100) { totalCount edges { node { key name } } } }`;
  const keys = async (filter?: Record<string, unknown>) => (await ok(query, { filter })).people.edges.map((e: any) => e.node.key);

  it('lists everyone without a filter, by name', async () => {
    const all = await keys();
    expect(all).toEqual(['周一', '孙丽', '李明', '王晓东', '王晓东#2', '赵青']);
  });

  it('combines honour, year, level and employer conditions', async () => {
    expect(await keys({ title: '全国劳动模范' })).toEqual(['王晓东', '赵青']);
    expect(await keys({ title: '全国劳动模范', year: 2025 })).toEqual(['王晓东']);
    expect(await keys({ award: '全国五一劳动奖章' })).toEqual(['赵青']);
    expect(await keys({ company: '星辰机械' })).toEqual(['李明', '王晓东']);
    expect(await keys({ company: '星辰精密机械有限公司', title: '全国劳动模范' })).toEqual(['王晓东']);
    expect(await keys({ level: 'provincial' })).toEqual(['李明']);
    expect(await keys({ yearFrom: 2024 })).toEqual(['王晓东']);
    expect(await keys({ yearTo: 2024 })).toEqual(['李明']);
    expect(await keys({ union: '蓝天工会' })).toEqual(['孙丽']);
    expect(await keys({ organization: '青禾农业合作社' })).toEqual(['赵青']);
  });

  it('answers NOT_FOUND when a filter names an unknown entity', async () => {
    const res = await gql(server.graphql, query, { filter: { company: '不存在的公司' } });
    expect(codes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0]!.message).toContain('filter.company');
  });
});

describe('pagination', () => {
  const query = `query ($first: Int, $after: String) {
    people(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { key } } }
  }`;

  it('walks a list page by page with cursors, each item once', async () => {
    const all = (await ok(query, { first: 100 })).people.edges.map((e: any) => e.node.key);
    const seen: string[] = [];
    const flags: [boolean, boolean][] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(query, { first: 2, after })).people;
      expect(page.totalCount).toBe(all.length);
      seen.push(...page.edges.map((e: any) => e.node.key));
      flags.push([page.pageInfo.hasPreviousPage, page.pageInfo.hasNextPage]);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
    expect(flags).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
  });

  it('gives the total with an empty page (first: 0)', async () => {
    const page = (await ok(query, { first: 0 })).people;
    expect(page).toMatchObject({ totalCount: 6, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it('refuses an oversized or negative page and a foreign cursor with BAD_USER_INPUT', async () => {
    const big = await gql(server.graphql, query, { first: 101 });
    expect(codes(big)).toEqual(['BAD_USER_INPUT']);
    expect(big.status).toBe(400);
    expect(big.errors![0]!.message).toMatch(/at most 100/);
    // Nested connections too, and without variables.
    const nested = await gql(server.graphql, `{ person(name: "赵青") { mentions(first: 500) { totalCount } } }`);
    expect(codes(nested)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { first: -1 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { after: 'not-a-cursor' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, `{ person(name: "王晓东") { titles { edges { facts(first: 101) { year } } } } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('lookups and lists of every entity type', () => {
  it('finds each type by name, alias or id, with what it links to', async () => {
    const data = await ok(`{
      title(name: "全国劳动模范") { id level conferredBy { edges { node { name } factCount facts { provenance support article { id } evidence { sentence } } } } holders { totalCount } }
      byId: title(id: "Title:全国劳动模范") { name }
      award(name: "全国五一劳动奖章") { id holders { edges { node { name } } } }
      union(name: "全总") { id name confers { edges { node { name } } } employees { totalCount } }
      company(name: "星辰机械") { id employees { edges { node { name } positions } } }
      organization(name: "青禾农业合作社") { id employees { edges { node { name } } } }
      entity(id: "Union:蓝天工会") { __typename name ... on Body { employees { edges { node { name } positions } } } }
      nothing: company(name: "没有这家公司") { id }
    }`);
    expect(data.title).toEqual({
      id: 'Title:全国劳动模范',
      level: 'national',
      conferredBy: { edges: [{ node: { name: '中华全国总工会' }, factCount: 1, facts: [{ provenance: 'LEXICON', support: 1, article: null, evidence: null }] }] },
      holders: { totalCount: 2 },
    });
    expect(data.byId).toEqual({ name: '全国劳动模范' });
    expect(data.award).toEqual({ id: 'Award:全国五一劳动奖章', holders: { edges: [{ node: { name: '赵青' } }] } });
    expect(data.union).toEqual({ id: 'Union:中华全国总工会', name: '中华全国总工会', confers: { edges: [{ node: { name: '全国劳动模范' } }] }, employees: { totalCount: 0 } });
    expect(data.company).toEqual({
      id: 'Company:星辰精密机械有限公司',
      employees: {
        edges: [
          { node: { name: '李明' }, positions: ['工程师'] },
          { node: { name: '王晓东' }, positions: ['高级技师'] },
        ],
      },
    });
    expect(data.organization.employees.edges).toEqual([{ node: { name: '赵青' } }]);
    expect(data.entity).toEqual({ __typename: 'Union', name: '蓝天工会', employees: { edges: [{ node: { name: '孙丽' }, positions: ['干事'] }] } });
    expect(data.nothing).toBeNull();
  });

  it('lists each type, by name, honours filtered by level', async () => {
    const data = await ok(`{
      titles { totalCount edges { node { name } } }
      national: titles(level: "全国") { edges { node { name } } }
      awards { edges { node { name } } }
      unions { edges { node { name } } }
      companies { totalCount }
      organizations { edges { node { name } } }
      articles { totalCount edges { node { id } } }
      none: articles(filter: { dateFrom: "2026" }) { totalCount }
      byPaper: articles(filter: { newspaper: "测试日报", dateTo: "2025-05" }) { totalCount }
    }`);
    expect(data.titles.totalCount).toBe(2);
    expect(names(data.national)).toEqual(['全国劳动模范']);
    expect(names(data.awards)).toEqual(['全国五一劳动奖章']);
    expect(names(data.unions)).toEqual(['中华全国总工会', '蓝天工会']);
    expect(data.companies.totalCount).toBe(3);
    expect(names(data.organizations)).toEqual(['青禾农业合作社']);
    expect(data.articles.totalCount).toBe(5);
    expect(data.articles.edges.map((e: any) => e.node.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(data.none.totalCount).toBe(0);
    expect(data.byPaper.totalCount).toBe(5);
  });
});

describe('honouredBy', () => {
  const query = `query ($org: String, $id: ID) {
    honouredBy(organization: $org, id: $id) {
      totalCount
      edges {
        via node { name } body { __typename name } honour { name } year factCount
        facts { type provenance year evidence { sentence } article { id } }
        conferredBy { type provenance support article { id } from { name } to { name } }
      }
    }
  }`;

  it('lists people honoured directly and holders of honours the body confers, each saying how the link is known', async () => {
    const { honouredBy } = await ok(query, { org: '全总' });
    expect(honouredBy.edges.map((e: any) => `${e.via} ${e.node.name} ${e.honour?.name ?? '-'} ${e.facts.map((f: any) => f.article.id).join(',')}`)).toEqual([
      'DIRECT 王晓东 - e1',
      'HONOUR 王晓东 全国劳动模范 e1,e2',
      'HONOUR 赵青 全国劳动模范 e2',
    ]);
    const [direct, ...viaHonour] = honouredBy.edges;
    expect(direct).toMatchObject({ body: { __typename: 'Union', name: '中华全国总工会' }, year: 2025, conferredBy: [] });
    expect(direct.facts).toEqual([{ type: 'HONOURED_BY', provenance: 'TEXT', year: 2025, evidence: { sentence: '中华全国总工会表彰了王晓东。' }, article: { id: 'e1' } }]);
    for (const e of viaHonour) {
      expect(e.facts.every((f: any) => f.type === 'HOLDS_TITLE' && f.provenance === 'TEXT')).toBe(true);
      expect(e.conferredBy).toEqual([
        { type: 'CONFERRED_BY', provenance: 'LEXICON', support: 1, article: null, from: { name: '全国劳动模范' }, to: { name: '中华全国总工会' } },
      ]);
    }
    expect((await ok(query, { id: 'Union:中华全国总工会' })).honouredBy).toEqual(honouredBy);
  });

  it('answers NOT_FOUND for an unknown body', async () => {
    expect(codes(await gql(server.graphql, query, { org: '不存在的机构' }))).toEqual(['NOT_FOUND']);
  });
});

describe('colleagues', () => {
  const query = `query ($name: String!, $via: [ColleagueKind!]) {
    colleagues(name: $name, via: $via) { totalCount edges { node { name } shared { kind entity { name } article { id } } } }
  }`;
  // A ceremony report: two people honoured, a photographer credited, a leader present.
  const ceremony = article(
    'e6',
    '星火电子有限公司工人吴刚和王晓东同获“全国劳动模范”称号。钱多多摄。省长何平出席。',
    [
      { type: 'Person', name: '吴刚' },
      { type: 'Person', name: '王晓东' },
      { type: 'Person', name: '钱多多' },
      { type: 'Person', name: '何平' },
      { type: 'Title', name: '全国劳动模范' },
      { type: 'Company', name: '星火电子有限公司' },
      { type: 'Organization', name: '省人民政府' },
    ],
    [
      { type: 'HOLDS_TITLE', from: '吴刚', to: '全国劳动模范' },
      { type: 'HOLDS_TITLE', from: '王晓东', to: '全国劳动模范' },
      { type: 'WORKS_FOR', from: '何平', to: '省人民政府', position: '省长' },
    ],
  );
  beforeAll(async () => {
    await new GraphWriter(graph).write([ceremony]);
  });
  afterAll(async () => {
    await new GraphWriter(graph).deleteArticles(['e6']);
  });

  it('lists people sharing an employer, a union or an honour, most shared first, with the shared things', async () => {
    const { colleagues } = await ok(query, { name: '王晓东' });
    expect(colleagues.edges).toEqual([
      { node: { name: '吴刚' }, shared: [{ kind: 'HONOUR', entity: { name: '全国劳动模范' }, article: null }] },
      { node: { name: '李明' }, shared: [{ kind: 'EMPLOYER', entity: { name: '星辰精密机械有限公司' }, article: null }] },
      { node: { name: '赵青' }, shared: [{ kind: 'HONOUR', entity: { name: '全国劳动模范' }, article: null }] },
    ]);
    const employer = (await ok(query, { name: '王晓东', via: ['EMPLOYER'] })).colleagues;
    expect(names(employer)).toEqual(['李明']);
    expect((await ok(query, { name: '周一' })).colleagues.totalCount).toBe(0);
  });

  it('counts a shared article only when asked, and only between people it honours: never a photographer or a leader merely present', async () => {
    const byArticle = (await ok(query, { name: '王晓东', via: ['ARTICLE'] })).colleagues;
    expect(byArticle.edges).toEqual([
      { node: { name: '吴刚' }, shared: [{ kind: 'ARTICLE', entity: null, article: { id: 'e6' } }] },
      { node: { name: '赵青' }, shared: [{ kind: 'ARTICLE', entity: null, article: { id: 'e2' } }] },
    ]);
    for (const name of ['钱多多', '何平']) {
      expect((await ok(query, { name, via: ['EMPLOYER', 'UNION', 'HONOUR', 'ARTICLE'] })).colleagues.totalCount, name).toBe(0);
    }
    const both = (await ok(query, { name: '王晓东', via: ['HONOUR', 'ARTICLE'] })).colleagues;
    expect(both.edges[0].shared.map((s: any) => s.kind)).toEqual(['HONOUR', 'ARTICLE']);
  });

  it('still takes `kinds`, the old name of via, but not both at once', async () => {
    const old = `query ($name: String!, $kinds: [ColleagueKind!]) { colleagues(name: $name, kinds: $kinds) { totalCount } }`;
    expect((await ok(old, { name: '王晓东', kinds: ['EMPLOYER'] })).colleagues.totalCount).toBe(1);
    const res = await gql(server.graphql, `{ colleagues(name: "王晓东", via: [EMPLOYER], kinds: [HONOUR]) { totalCount } }`);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    expect(codes(await gql(server.graphql, query, { name: '查无此人' }))).toEqual(['NOT_FOUND']);
  });
});

describe('evidence', () => {
  // A profile whose headline names the honour in short, and whose body states it.
  const profile = article(
    'e7',
    '全国劳模孙立：匠心不改\n孙立今年获得“全国劳动模范”荣誉称号。',
    [
      { type: 'Person', name: '孙立' },
      { type: 'Title', name: '全国劳动模范', aliases: ['全国劳模'] },
    ],
    [{ type: 'HOLDS_TITLE', from: '孙立', to: '全国劳动模范', year: 2025 }],
  );
  const body = profile.relations[0]!.evidence!;
  const head = { sentence: '全国劳模孙立：匠心不改', start: 0, end: 11 };
  profile.relations[0]!.evidences = [body, head];
  beforeAll(async () => {
    await new GraphWriter(graph).write([profile]);
  });
  afterAll(async () => {
    await new GraphWriter(graph).deleteArticles(['e7']);
  });

  it('gives every sentence stating a fact, the most explicit first, each at its place in the article', async () => {
    const { person } = await ok(`{ person(name: "孙立") { titles { edges { facts { evidence { sentence } evidences { sentence start end } article { text } } } } } }`);
    const [fact] = person.titles.edges[0].facts;
    expect(fact.evidence.sentence).toBe('孙立今年获得“全国劳动模范”荣誉称号。');
    expect(fact.evidences.map((e: any) => e.sentence)).toEqual(['孙立今年获得“全国劳动模范”荣誉称号。', '全国劳模孙立：匠心不改']);
    for (const e of fact.evidences) expect(fact.article.text.slice(e.start, e.end)).toBe(e.sentence);
  });

  it('lists no evidence for a lexicon fact', async () => {
    const { article } = await ok(`{ article(id: "e1") { facts { edges { node { provenance evidence { sentence } evidences { sentence } } } } } }`);
    const lexicon = article.facts.edges.map((e: any) => e.node).filter((f: any) => f.provenance === 'LEXICON');
    expect(lexicon.length).toBeGreaterThan(0);
    for (const f of lexicon) expect(f).toMatchObject({ evidence: null, evidences: [] });
  });
});

describe('path', () => {
  const query = `query ($from: EntityRef!, $to: EntityRef!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      length
      nodes { id name }
      hops { from { id } to { id } factCount facts { type from { name } to { name } position provenance evidence { sentence start end } article { id text } } }
    }
  }`;

  it('finds two people connected only through their employer, every hop with its evidence', async () => {
    const { path } = await ok(query, { from: { name: '李明' }, to: { name: '王晓东' } });
    expect(path.length).toBe(2);
    expect(path.nodes.map((n: any) => n.id)).toEqual(['Person:李明', 'Company:星辰精密机械有限公司', 'Person:王晓东']);
    path.hops.forEach((hop: any, i: number) => {
      expect([hop.from.id, hop.to.id]).toEqual([path.nodes[i].id, path.nodes[i + 1].id]);
      expect(hop.factCount).toBe(1);
      const [fact] = hop.facts;
      expect(fact).toMatchObject({ type: 'WORKS_FOR', provenance: 'TEXT', to: { name: '星辰精密机械有限公司' } });
      expect(fact.article.text.slice(fact.evidence.start, fact.evidence.end)).toBe(fact.evidence.sentence);
      expect(fact.evidence.sentence).toContain(fact.from.name);
    });
  });

  it('respects maxHops, is null when nothing connects, and is empty from an entity to itself', async () => {
    const far = { from: { name: '李明' }, to: { name: '赵青' } };
    expect((await ok(query, { ...far, maxHops: 4 })).path.nodes.map((n: any) => n.name)).toEqual(['李明', '星辰精密机械有限公司', '王晓东', '全国劳动模范', '赵青']);
    expect((await ok(query, { ...far, maxHops: 3 })).path).toBeNull();
    expect((await ok(query, { from: { name: '周一' }, to: { name: '赵青' }, maxHops: 6 })).path).toBeNull();
    expect((await ok(query, { from: { id: 'Person:赵青' }, to: { name: '赵青', type: 'Person' } })).path).toEqual({
      length: 0,
      nodes: [{ id: 'Person:赵青', name: '赵青' }],
      hops: [],
    });
    // Any entity type: an honour to a union.
    const honour = (await ok(query, { from: { id: 'Title:浙江省劳动模范' }, to: { name: '中华全国总工会' } })).path;
    expect(honour.nodes[0].id).toBe('Title:浙江省劳动模范');
    expect(honour.nodes.at(-1).id).toBe('Union:中华全国总工会');
  });

  it('refuses maxHops outside 1–6 and unknown ends', async () => {
    const ends = { from: { name: '李明' }, to: { name: '王晓东' } };
    expect(codes(await gql(server.graphql, query, { ...ends, maxHops: 7 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { ...ends, maxHops: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { from: { name: '查无此人' }, to: { name: '王晓东' } }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql(server.graphql, query, { from: { name: '李明', id: 'Person:李明' }, to: { name: '王晓东' } }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('network', () => {
  const query = `query ($center: EntityRef!, $depth: Int, $limit: Int) {
    network(center: $center, depth: $depth, limit: $limit) {
      center { id } truncated
      nodes { id label type depth entity { name } }
      edges { id source target type label factCount facts { evidence { sentence } } }
    }
  }`;

  it('gives nodes and edges of the neighbourhood, shaped for drawing', async () => {
    const { network } = await ok(query, { center: { name: '星辰机械' }, depth: 1 });
    expect(network.center.id).toBe('Company:星辰精密机械有限公司');
    expect(network.truncated).toBe(false);
    expect(network.nodes.map((n: any) => `${n.depth} ${n.id}`)).toEqual(['0 Company:星辰精密机械有限公司', '1 Person:李明', '1 Person:王晓东']);
    expect(network.nodes[1]).toEqual({ id: 'Person:李明', label: '李明', type: 'Person', depth: 1, entity: { name: '李明' } });
    expect(network.edges.map((e: any) => e.label).sort()).toEqual(['WORKS_FOR 工程师', 'WORKS_FOR 高级技师']);
    for (const e of network.edges) {
      expect(e.id).toBe(`${e.type}:${e.source}->${e.target}`);
      expect(e.target).toBe('Company:星辰精密机械有限公司');
      expect(e.factCount).toBe(1);
      expect(e.facts[0].evidence.sentence).toContain('星辰精密机械有限公司');
    }
  });

  it('goes further with depth, every edge between nodes it returns, and stops at limit', async () => {
    const { network } = await ok(query, { center: { name: '星辰机械' }, depth: 2 });
    const ids = new Set(network.nodes.map((n: any) => n.id));
    expect([...ids].sort()).toEqual(
      ['Company:星辰精密机械有限公司', 'Person:李明', 'Person:王晓东', 'Title:浙江省劳动模范', 'Title:全国劳动模范', 'Union:中华全国总工会'].sort(),
    );
    expect(network.nodes.filter((n: any) => n.depth === 2).map((n: any) => n.id).sort()).toEqual(['Title:全国劳动模范', 'Title:浙江省劳动模范', 'Union:中华全国总工会'].sort());
    for (const e of network.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    // Among depth-2 nodes too: the lexicon's conferral.
    expect(network.edges.map((e: any) => e.id)).toContain('CONFERRED_BY:Title:全国劳动模范->Union:中华全国总工会');
    expect(network.edges.find((e: any) => e.id === 'HOLDS_TITLE:Person:王晓东->Title:全国劳动模范').factCount).toBe(2);

    const cut = (await ok(query, { center: { name: '星辰机械' }, depth: 2, limit: 2 })).network;
    expect(cut.nodes).toHaveLength(2);
    expect(cut.truncated).toBe(true);
  });

  it('refuses depth above 3 and limit above 500', async () => {
    const center = { name: '星辰机械' };
    expect(codes(await gql(server.graphql, query, { center, depth: 4 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(server.graphql, query, { center, limit: 501 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('search', () => {
  const query = `query ($text: String!, $types: [EntityType!]) { search(text: $text, types: $types) { totalCount edges { score node { __typename id name } } } }`;

  it('finds names and aliases through the cjk full-text index, exact matches first, then by score', async () => {
    const res = (await ok(query, { text: '劳动模范' })).search;
    const found = res.edges.map((e: any) => e.node.id);
    expect(found).toEqual(expect.arrayContaining(['Title:全国劳动模范', 'Title:浙江省劳动模范']));
    const scores = res.edges.map((e: any) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const exact = (await ok(query, { text: '浙江省劳动模范' })).search;
    expect(exact.edges[0].node.id).toBe('Title:浙江省劳动模范');
    const alias = (await ok(query, { text: '星辰机械', types: ['Company'] })).search;
    expect(alias.edges.map((e: any) => e.node.id)).toEqual(['Company:星辰精密机械有限公司']);
    // One character: the cjk index holds pairs, so it is looked for as the start of one.
    const single = (await ok(query, { text: '辰' })).search;
    expect(single.edges.map((e: any) => e.node.id)).toEqual(['Company:星辰精密机械有限公司']);
  });

  it('treats query syntax as text, and refuses empty text', async () => {
    const res = await gql(server.graphql, query, { text: '星辰 AND (* "机械 ~ :' });
    expect(res.errors).toBeUndefined();
    expect(codes(await gql(server.graphql, query, { text: ' ' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('article', () => {
  const query = `query ($id: ID!) {
    article(id: $id) {
      id title date newspaper page source text
      mentions { totalCount edges { node { __typename name } surfaces count evidence { sentence } } }
      facts { totalCount edges { node { type from { name } to { name } year position provenance support evidence { sentence start end } article { id } } } }
    }
  }`;

  it('returns the text, metadata, the entities it mentions and the facts it yields', async () => {
    const a = (await ok(query, { id: 'e1' })).article;
    expect(a).toMatchObject({ id: 'e1', title: '标题e1', date: '2025-05-01', newspaper: '测试日报', page: '01', source: 'e1.txt', text: TEXT.e1 });
    expect(a.mentions.edges.map((m: any) => m.node.name)).toEqual(['全国劳动模范', '星辰精密机械有限公司', '王晓东', '中华全国总工会']);
    expect(a.mentions.edges.find((m: any) => m.node.name === '王晓东')).toMatchObject({ count: 2, surfaces: ['王晓东'] });
    const facts = a.facts.edges.map((e: any) => e.node);
    expect(facts.map((f: any) => `${f.type} ${f.from.name} ${f.to.name} ${f.provenance}`)).toEqual([
      'HOLDS_TITLE 王晓东 全国劳动模范 TEXT',
      'WORKS_FOR 王晓东 星辰精密机械有限公司 TEXT',
      'HONOURED_BY 王晓东 中华全国总工会 TEXT',
      'CONFERRED_BY 全国劳动模范 中华全国总工会 LEXICON',
    ]);
    for (const f of facts.filter((f: any) => f.provenance === 'TEXT')) {
      expect(f.article.id).toBe('e1');
      expect(TEXT.e1!.slice(f.evidence.start, f.evidence.end)).toBe(f.evidence.sentence);
    }
    expect(facts.at(-1)).toMatchObject({ evidence: null, article: null, support: 1 });
  });

  it('is null for an unknown id', async () => {
    expect((await ok(query, { id: 'no-such-article' })).article).toBeNull();
  });
});

describe('stats', () => {
  it('counts every label and relationship type as the graph does', async () => {
    const { stats } = await ok(`{ stats { nodes relationshipTotal labels { label count } relationships { type count } } }`);
    const counts = await graphCounts(graph);
    expect(Object.fromEntries(stats.labels.map((l: any) => [l.label, l.count]))).toEqual(counts.labels);
    expect(Object.fromEntries(stats.relationships.map((r: any) => [r.type, r.count]))).toEqual(counts.relationships);
    expect(stats.labels.find((l: any) => l.label === 'Person').count).toBe(6);
    expect(stats.nodes).toBe(Object.values(counts.labels).reduce((a, b) => a + b, 0));
  });
});

describe('no N+1', () => {
  /** Statements and transactions (round trips to Neo4j) a request costs. */
  const cost = async (query: string, variables: Record<string, unknown> = {}) => {
    const [statements, transactions] = [graph.queries, graph.transactions];
    const data = await ok(query, variables);
    return { data, statements: graph.queries - statements, transactions: graph.transactions - transactions };
  };

  const query = `query ($first: Int) {
    people(first: $first) {
      edges { node {
        titles { edges { node { name } facts { article { title } } } }
        employers { edges { node { name } } }
        mentions { edges { node { text } } }
        namesakes { id }
      } }
    }
  }`;

  it('costs one round trip per level, the same for four people as for six', async () => {
    for (const first of [4, 6]) {
      const { data, statements, transactions } = await cost(query, { first });
      expect(data.people.edges).toHaveLength(first);
      // people; their titles, employers, mentions and namesakes; the titles' articles and the mentioning articles' texts.
      // (The first four people include two with titles, so every field is asked for in both.)
      expect(statements).toBe(7);
      expect(transactions).toBe(3);
    }
  });

  it('batches the ends of facts across a whole response, and reads no article only its id is asked of', async () => {
    const { statements } = await cost(
      `{ honouredBy(organization: "中华全国总工会") { edges { facts { from { name } to { name } article { id } } conferredBy { from { name } to { name } } } } }`,
    );
    // The body by its name, its honoured people, the facts' ends; the articles' ids are on the facts.
    expect(statements).toBe(3);
  });

  const personQuery = `query ($name: String!) {
    person(name: $name) {
      id name
      titles(first: 5) { totalCount edges { node { name } year facts(first: 2) { year evidence { sentence } article { id } } } }
      awards(first: 5) { edges { node { name } year } }
      employers(first: 5) { edges { node { name } positions factCount } }
      honouredBy(first: 5) { edges { node { name } year } }
      mentions(first: 1) { totalCount edges { node { id title } evidence { sentence } } }
      namesakes { id }
    }
  }`;

  it('reads a person and every list selected below it in one statement, answering as list by list', async () => {
    const { data, statements, transactions } = await cost(personQuery, { name: '王晓东' });
    expect([statements, transactions]).toEqual([1, 1]);
    // The same lists read one at a time, for a person reached through another list (people).
    const { people } = await ok(
      `{ people(first: 10) { edges { node {
        id name
        titles(first: 5) { totalCount edges { node { name } year facts(first: 2) { year evidence { sentence } article { id } } } }
        awards(first: 5) { edges { node { name } year } }
        employers(first: 5) { edges { node { name } positions factCount } }
        honouredBy(first: 5) { edges { node { name } year } }
        mentions(first: 1) { totalCount edges { node { id title } evidence { sentence } } }
        namesakes { id }
      } } } }`,
    );
    expect(people.edges.map((e: any) => e.node).find((p: any) => p.id === data.person.id)).toEqual(data.person);
    expect(data.person.titles.edges[0].facts[0].evidence.sentence).toContain('王晓东');
    expect(data.person.employers.edges[0].positions).toEqual(['高级技师']);
  });

  it('reads an honour by its name and a page of its holders in one statement', async () => {
    const { data, statements } = await cost(`{ honourees(title: "全国劳动模范") { totalCount edges { node { name } year facts { evidence { sentence } } } } }`);
    expect(statements).toBe(1);
    expect(data.honourees.totalCount).toBe(2);
  });
});

describe('reads only what is selected', () => {
  const link = `{ titles { edges { node { name } year factCount } } employers { edges { node { name } positions factCount } } }`;
  const withFacts = `{ titles { edges { node { name } year factCount facts { year position provenance evidence { sentence start end } evidences { sentence } from { id } to { id } } } }
    employers { edges { node { name } positions factCount facts { position evidence { sentence } } } } }`;

  it('gives a link the same year, positions and count whether its facts are read or not', async () => {
    for (const name of ['王晓东', '赵青', '李明']) {
      const bare = (await ok(`query ($n: String!) { person(name: $n) ${link} }`, { n: name })).person;
      const full = (await ok(`query ($n: String!) { person(name: $n) ${withFacts} }`, { n: name })).person;
      const strip = (p: any) => JSON.parse(JSON.stringify(p, (k, v) => (k === 'facts' ? undefined : v)));
      expect(strip(full)).toEqual(bare);
      // What was read is whole: every fact with its sentences and its ends.
      for (const e of full.titles.edges) {
        expect(e.facts).toHaveLength(e.factCount);
        for (const f of e.facts) {
          expect(f.evidences[0].sentence).toBe(f.evidence.sentence);
          expect(f.from.id).toMatch(/^Person:/);
          expect(f.to.id).toBe(`Title:${e.node.name}`);
        }
      }
    }
  });

  it('reads the network without its facts, with the same labels and counts', async () => {
    const q = (facts: string) => `{ network(center: { name: "星辰精密机械有限公司" }, depth: 2) { nodes { id } edges { id label factCount ${facts} } } }`;
    const bare = (await ok(q(''))).network;
    const full = (await ok(q('facts { year position evidence { sentence } }'))).network;
    expect(full.edges.map(({ facts, ...e }: any) => e)).toEqual(bare.edges);
    expect(full.edges.every((e: any) => e.facts.length === e.factCount)).toBe(true);
  });
});

describe('limits', () => {
  it(`refuses an operation nested deeper than ${MAX_DEPTH} fields, fragments included`, async () => {
    const deep = `{ person(name: "赵青") { titles { edges { node { holders { edges { node { employers { edges { node { mentions { edges { node { id } } } } } } } } } } } } } }`;
    const res = await gql(server.graphql, deep);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 'depth', max: MAX_DEPTH });
    expect(res.data).toBeUndefined();
    const viaFragments = `query Deep { person(name: "赵青") { ...T } }
      fragment T on Person { titles { edges { node { holders { edges { node { ...E } } } } } } }
      fragment E on Person { employers { edges { node { mentions { edges { node { id } } } } } } }`;
    expect(codes(await gql(server.graphql, viaFragments))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses an operation whose estimated cost is too high (pages of pages)', async () => {
    const res = await gql(server.graphql, `{ people(first: 100) { edges { node { titles(first: 100) { edges { node { name } } } } } } }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0]!.extensions).toMatchObject({ limit: 'complexity' });
  });

  it('lets introspection (as explorers send it) through', async () => {
    const res = await gql(server.graphql, getIntrospectionQuery());
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });
});

describe('errors', () => {
  it('gives codes but no stack traces by default; stack traces only when the operator asks (LAUREL_DEBUG)', async () => {
    const debug = await startServer(graph, { debug: true });
    try {
      for (const url of [server.graphql, debug.graphql]) {
        const res = await gql(url, '{ honourees(title: "没有这个称号") { totalCount } }');
        expect(codes(res)).toEqual(['NOT_FOUND']);
        expect(res.errors![0]!.extensions!.stacktrace === undefined).toBe(url === server.graphql);
      }
    } finally {
      await debug.close();
    }
  });

  it('names a transaction Neo4j timed out QUERY_TIMEOUT', async () => {
    const slow = Graph.open(testTarget(), { queryTimeoutMs: 200, maxConnectionPoolSize: 1 });
    try {
      const err = await slow.read('UNWIND range(1, 1000000000) AS x RETURN sum(x) AS s').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err, 'a billion-row sum outlasts 200 ms').toBeDefined();
      expect(neo4jErrorCode(err)).toBe('QUERY_TIMEOUT');
    } finally {
      await slow.close();
    }
  });
});

describe('when Neo4j is unreachable', () => {
  it('answers SERVICE_UNAVAILABLE (without a stack trace), /ready 503 and /health 200', async () => {
    const port = await closedPort();
    const t = testTarget();
    const down = Graph.open({ ...t, uri: `bolt://127.0.0.1:${port}` }, { maxRetryTimeMs: 500 });
    const prod = await startServer(down);
    try {
      for (const query of ['{ stats { nodes } }', '{ honourees(title: "全国劳动模范") { totalCount } }']) {
        const res = await gql(prod.graphql, query);
        expect(codes(res), query).toEqual(['SERVICE_UNAVAILABLE']);
        expect(res.errors![0]!.message).toMatch(/cannot be reached/);
        expect(res.errors![0]!.extensions!.stacktrace).toBeUndefined();
        expect(JSON.stringify(res.errors)).not.toContain('ECONNREFUSED');
      }
      const ready = await fetch(`${prod.base}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'unavailable' });
      expect((await fetch(`${prod.base}/health`)).status).toBe(200);
    } finally {
      await prod.close();
      await down.close();
    }
  });
});

describe('mutations', () => {
  const TOKEN = 'test-token-0123456789abcdef';
  const ingest = `mutation ($text: String!, $id: ID, $date: String, $title: String) {
    ingestArticle(text: $text, id: $id, date: $date, title: $title, source: "api.test") {
      created entities facts lexiconFacts skipped
      article { id title date source text mentions { totalCount edges { node { __typename name } } } facts { totalCount } }
    }
  }`;
  const remove = `mutation ($id: ID!) { deleteArticle(id: $id) { id removedNodes { label count } removedRelationships { type count } } }`;
  const text = '本报讯 全国先进工作者、启明电子科技有限公司高级工程师陈思远近日获得表彰。';

  it('are disabled, and say so, on a server without LAUREL_API_TOKEN', async () => {
    const before = await graphCounts(graph);
    const res = await gql(server.graphql, ingest, { text }, bearer(TOKEN));
    expect(codes(res)).toEqual(['MUTATIONS_DISABLED']);
    expect(res.errors![0]!.message).toMatch(/LAUREL_API_TOKEN/);
    expect(codes(await gql(server.graphql, remove, { id: 'e1' }))).toEqual(['MUTATIONS_DISABLED']);
    expect(await graphCounts(graph)).toEqual(before);
  });

  it('need the bearer token: none, another scheme or a wrong one is UNAUTHENTICATED', async () => {
    const writable = await startServer(graph, { apiToken: TOKEN });
    try {
      const before = await graphCounts(graph);
      for (const headers of [{}, { authorization: `Basic ${TOKEN}` }, bearer('wrong-token-0123456789')]) {
        expect(codes(await gql(writable.graphql, ingest, { text }, headers))).toEqual(['UNAUTHENTICATED']);
        expect(codes(await gql(writable.graphql, remove, { id: 'e1' }, headers))).toEqual(['UNAUTHENTICATED']);
      }
      expect(await graphCounts(graph)).toEqual(before);
      // Queries stay open.
      expect((await ok(`{ stats { nodes } }`, {}, writable.graphql)).stats.nodes).toBeGreaterThan(0);
    } finally {
      await writable.close();
    }
  });

  it('ingest an article with the real extraction, again idempotently, and delete it leaving the graph as it was', async () => {
    const writable = await startServer(graph, { apiToken: TOKEN });
    const auth = bearer(TOKEN);
    try {
      const before = await graphCounts(graph);
      const first = await gql(writable.graphql, ingest, { text, id: 'api-e1', date: '2025-05', title: '测试' }, auth);
      expect(first.errors).toBeUndefined();
      const r = first.data.ingestArticle;
      expect(r).toMatchObject({ created: true, skipped: [] });
      expect(r.article).toMatchObject({ id: 'api-e1', title: '测试', date: '2025-05', source: 'api.test', text });
      expect(r.entities).toBeGreaterThan(0);
      expect(r.article.mentions.totalCount).toBeGreaterThan(0);
      expect(r.article.mentions.edges.map((e: any) => e.node.name)).toContain('全国先进工作者');
      expect(r.article.facts.totalCount).toBe(r.facts + r.lexiconFacts);
      const loaded = await graphCounts(graph);
      expect(loaded.labels.Article).toBe(before.labels.Article! + 1);

      const again = await gql(writable.graphql, ingest, { text, id: 'api-e1', date: '2025-05', title: '测试' }, auth);
      expect(again.data.ingestArticle.created).toBe(false);
      expect(await graphCounts(graph)).toEqual(loaded);

      const deleted = await gql(writable.graphql, remove, { id: 'api-e1' }, auth);
      expect(deleted.errors).toBeUndefined();
      expect(deleted.data.deleteArticle.removedNodes).toContainEqual({ label: 'Article', count: 1 });
      expect(await graphCounts(graph)).toEqual(before);
      expect(codes(await gql(writable.graphql, remove, { id: 'api-e1' }, auth))).toEqual(['NOT_FOUND']);
    } finally {
      await writable.close();
    }
  });

  it('ingest a saved web page: its article body, with title and date from the page unless given', async () => {
    const writable = await startServer(graph, { apiToken: TOKEN });
    const auth = bearer(TOKEN);
    const page = `<!doctype html><html><head><meta charset="utf-8"><meta property="og:title" content="技术能手获表彰">
      <meta property="article:published_time" content="2025-04-29T09:00:00+08:00"><meta property="og:site_name" content="示例日报"></head>
      <body><nav><a href="/">首页</a><a href="/n">新闻</a></nav><article><h1>技术能手获表彰</h1><p>${text}</p><p>陈思远说，这份荣誉属于整个团队，今后将继续带好徒弟。</p></article>
      <div class="comments"><p>网友：点赞！</p></div><footer>版权所有</footer></body></html>`;
    const query = `mutation ($html: String!, $title: String) { ingestArticle(html: $html, title: $title, id: "api-page") {
      article { id title date newspaper text } } }`;
    try {
      const before = await graphCounts(graph);
      const res = await gql(writable.graphql, query, { html: page }, auth);
      expect(res.errors).toBeUndefined();
      const a = res.data.ingestArticle.article;
      expect(a).toMatchObject({ id: 'api-page', title: '技术能手获表彰', date: '2025-04-29', newspaper: '示例日报' });
      expect(a.text).toBe(`技术能手获表彰\n\n${text}\n\n陈思远说，这份荣誉属于整个团队，今后将继续带好徒弟。`);
      const titled = await gql(writable.graphql, query, { html: page, title: '另一个标题' }, auth);
      expect(titled.data.ingestArticle.article.title).toBe('另一个标题');
      expect((await gql(writable.graphql, remove, { id: 'api-page' }, auth)).errors).toBeUndefined();
      expect(await graphCounts(graph)).toEqual(before);
      const both = `mutation { ingestArticle(text: "${text}", html: "<p>${text}</p>") { created } }`;
      expect(codes(await gql(writable.graphql, both, {}, auth))).toEqual(['BAD_USER_INPUT']);
      const empty = await gql(writable.graphql, query, { html: '<html><body><nav><a href="/">首页</a></nav></body></html>' }, auth);
      expect(codes(empty)).toEqual(['BAD_USER_INPUT']);
      expect(empty.errors![0]!.message).toMatch(/no article body/);
    } finally {
      await writable.close();
    }
  });

  it('refuse bad input with BAD_USER_INPUT and change nothing', async () => {
    const writable = await startServer(graph, { apiToken: TOKEN });
    try {
      const before = await graphCounts(graph);
      for (const vars of [{ text: '   ' }, { text: 'no Chinese here at all' }, { text, date: '5 May 2025' }, { text, id: 'a/b' }]) {
        expect(codes(await gql(writable.graphql, ingest, vars, bearer(TOKEN))), JSON.stringify(vars)).toEqual(['BAD_USER_INPUT']);
      }
      expect(await graphCounts(graph)).toEqual(before);
    } finally {
      await writable.close();
    }
  });
});

/** A local port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
