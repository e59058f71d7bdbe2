/**
 * The `laurel` command itself, as a user runs it: load, serve and up against
 * the real Neo4j, real HTTP requests to what they serve, and shutdown on signals.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Graph, graphCounts } from '../../src/graph/index.js';
import { envWith, requireBuild, run, start, type Running } from '../helpers/cli.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';
import { portOpen } from '../helpers/processes.js';
import { gql } from '../helpers/server.js';

let graph: Graph;
let neo4jEnv: NodeJS.ProcessEnv;
const running: Running[] = [];

beforeAll(async () => {
  requireBuild();
  graph = openTestGraph();
  await resetGraph(graph);
  const t = testTarget();
  neo4jEnv = envWith({ NEO4J_URI: t.uri, NEO4J_USERNAME: t.username, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database });
});
afterAll(async () => {
  for (const r of running) await r.stop('SIGKILL', 5_000).catch(() => {});
  await graph?.close();
});

const HONOUREES = `{ honourees(title: "全国劳动模范") { edges { node { name } facts { evidence { sentence } } } } }`;

describe('laurel --help', () => {
  it.each([[], ['load'], ['import'], ['export'], ['serve'], ['up'], ['extract']])('explains %s', async (...cmd) => {
    const res = await run([...cmd, '--help'], envWith());
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Usage: laurel/);
  });
});

describe('laurel load', () => {
  it('loads the good files, names the broken one, prints a summary and exits 1', async () => {
    const broken = new URL('../../package.json', import.meta.url).pathname; // not an article
    const res = await run(['load', 'seeds', broken], neo4jEnv);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stdout).toMatch(/^loaded 5 of 6 article\(s\)/m);
    expect(res.stdout).toContain(`failed: ${broken}`);
    expect(res.stderr).toContain(`skipped ${broken}`);
    const counts = await graphCounts(graph);
    expect(counts.labels.Article).toBe(5);
    // Loading again leaves every count as it was.
    expect((await run(['load', 'seeds'], neo4jEnv)).code).toBe(0);
    expect(await graphCounts(graph)).toEqual(counts);
    // Two runs of the command, each starting jieba and extracting every seed: slow on a busy machine.
  }, 180_000);

  it('loads `laurel extract` output, from a file or stdin, as the texts load; names a broken line and loads the rest', async () => {
    const extracted = await run(['extract', 'seeds'], envWith());
    expect(extracted.code, extracted.stderr).toBe(0);
    const lines = extracted.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    await resetGraph(graph);
    expect((await run(['load', 'seeds'], neo4jEnv)).code).toBe(0);
    const counts = await graphCounts(graph);

    await resetGraph(graph);
    const file = join(mkdtempSync(join(tmpdir(), 'laurel-cli-')), 'seeds.jsonl');
    writeFileSync(file, `${lines[0]}\n{"doc": "cut short", "entit\n${lines.slice(1).join('\n')}\n`);
    const res = await run(['load', file], neo4jEnv);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stderr).toContain(`skipped ${file}:2: not JSON`);
    expect(res.stdout).toMatch(/^loaded 5 of 6 article\(s\)/m);
    expect(await graphCounts(graph)).toEqual(counts);

    await resetGraph(graph);
    const piped = await run(['load', '-'], neo4jEnv, 120_000, extracted.stdout);
    expect(piped.code, piped.stderr).toBe(0);
    expect(await graphCounts(graph)).toEqual(counts);
  }, 240_000);

  it('says what it needs when no Neo4j is configured', async () => {
    for (const cmd of [['load', 'seeds'], ['serve']]) {
      const res = await run(cmd, envWith());
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('needs a running Neo4j: set NEO4J_URI');
    }
  });
});

describe('laurel serve', () => {
  it('serves GraphQL and /health on the configured port until SIGTERM', async () => {
    const serve = start(['serve', '--port', '0'], neo4jEnv);
    running.push(serve);
    const [, url] = (await serve.waitFor(/GraphQL: (http:\/\/\S+)/, 60_000)) as unknown as [string, string];
    expect((await fetch(url.replace('/graphql', '/health'))).status).toBe(200);
    const [, explorer] = (await serve.waitFor(/Explorer: (http:\/\/\S+)/, 5_000)) as unknown as [string, string];
    const page = await fetch(explorer);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="laurel-explorer-config"');
    const res = await gql(url, HONOUREES);
    expect(res.errors).toBeUndefined();
    expect(res.data.honourees.edges.length).toBeGreaterThan(0);
    expect(await serve.stop('SIGTERM', 15_000)).toBe(0);
  });

  it('takes LAUREL_API_TOKEN for mutations from the environment, and shows clients no stack trace; through a neo4j:// (routing) URI', async () => {
    const token = 'cli-test-token-0123456789';
    const routing = testTarget().uri.replace(/^bolt:/, 'neo4j:');
    const serve = start(['serve', '--port', '0'], { ...neo4jEnv, NEO4J_URI: routing, LAUREL_API_TOKEN: token });
    running.push(serve);
    const [, url] = (await serve.waitFor(/GraphQL: (http:\/\/\S+)/, 60_000)) as unknown as [string, string];
    const remove = `mutation { deleteArticle(id: "no-such-article") { id } }`;
    const anonymous = await gql(url, remove);
    expect(anonymous.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const writer = await gql(url, remove, {}, { authorization: `Bearer ${token}` });
    expect(writer.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(await serve.stop('SIGTERM', 15_000)).toBe(0);
  });
});

describe('laurel up', () => {
  it('with NEO4J_URI: loads the seeds, serves, prints the addresses, and stops on SIGINT', async () => {
    await resetGraph(graph);
    const up = start(['up', '--port', '0'], neo4jEnv);
    running.push(up);
    const [, url] = (await up.waitFor(/GraphQL:\s+(http:\/\/\S+)/, 120_000)) as unknown as [string, string];
    expect(up.stdout()).toContain(`Neo4j Bolt:     ${testTarget().uri}  user ${testTarget().username}  password ${testTarget().password}`);
    expect(up.stdout()).toMatch(/Neo4j Browser: /);
    expect(up.stdout()).toContain(`Explorer:       ${url.replace('/graphql', '/explorer')}`);
    const res = await gql(url, HONOUREES);
    expect(res.errors).toBeUndefined();
    expect(res.data.honourees.edges.length).toBeGreaterThan(0);
    expect((await graphCounts(graph)).labels.Article).toBe(5);
    expect(await up.stop('SIGINT', 15_000)).toBe(0);
  });

  it('without NEO4J_URI: starts its own Neo4j, whose Browser answers, and stops it on SIGINT', async () => {
    const up = start(['up', '--port', '0'], envWith());
    running.push(up);
    const [, url] = (await up.waitFor(/GraphQL:\s+(http:\/\/\S+)/, 280_000)) as unknown as [string, string];
    const browser = up.stdout().match(/Neo4j Browser:\s+(http:\/\/\S+)/)?.[1];
    const bolt = up.stdout().match(/Neo4j Bolt:\s+bolt:\/\/([\d.]+|localhost):(\d+)/);
    expect(browser, up.stdout()).toBeDefined();
    expect(bolt, up.stdout()).not.toBeNull();
    expect((await fetch(browser!)).status).toBe(200);
    const res = await gql(url, HONOUREES);
    expect(res.errors).toBeUndefined();
    expect(res.data.honourees.edges.length).toBeGreaterThan(0);
    expect(await up.stop('SIGINT', 60_000)).toBe(0);
    // The Neo4j it started is gone: its Bolt port no longer accepts connections.
    await expect(portOpen(bolt![1]!, Number(bolt![2]))).resolves.toBe(false);
  }, 360_000);
});
