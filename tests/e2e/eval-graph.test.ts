/**
 * `laurel eval --graph`, as a user runs it after `laurel load`: the Union,
 * Company and Organization nodes the gold documents' articles name, checked
 * against the gold in the real Neo4j of the test run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../src/graph/index.js';
import { envWith, requireBuild, run } from '../helpers/cli.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';

const GOLD = fileURLToPath(new URL('../fixtures/seed-gold/', import.meta.url));
const SEED = '000_2ee2c595263c3633';
let graph: Graph;
let neo4jEnv: NodeJS.ProcessEnv;
let gold: string;

beforeAll(async () => {
  requireBuild();
  graph = openTestGraph();
  await resetGraph(graph);
  const t = testTarget();
  neo4jEnv = envWith({ NEO4J_URI: t.uri, NEO4J_USERNAME: t.username, NEO4J_PASSWORD: t.password, NEO4J_DATABASE: t.database });
  // The gold of one seed without one of its companies: that company's node must come out unmatched.
  const doc = JSON.parse(readFileSync(join(GOLD, `${SEED}.json`), 'utf8')) as { entities: { type: string; name: string }[] };
  doc.entities = doc.entities.filter((e) => e.name !== '北京京东世纪贸易有限公司');
  gold = mkdtempSync(join(tmpdir(), 'laurel-gold-'));
  writeFileSync(join(gold, `${SEED}.json`), JSON.stringify(doc));
}, 120_000);
afterAll(async () => {
  await graph?.close();
});

describe('laurel eval --graph', () => {
  it('says what is missing before anything is loaded', async () => {
    const res = await run(['eval', '--gold', gold, '--graph'], neo4jEnv);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('none of the 1 gold documents is an article in the graph');
  });

  it("lists the loaded bodies of the gold documents' articles that no gold entity names, and only theirs", async () => {
    expect((await run(['load', 'seeds'], neo4jEnv)).code).toBe(0);
    const res = await run(['eval', '--gold', gold, '--graph'], neo4jEnv);
    expect(res.code, res.stderr).toBe(0);
    const listed = res.stdout.split('\n').filter((l) => l.startsWith('  ') && l.includes('\t'));
    expect(listed.some((l) => l.includes('Company\t北京京东世纪贸易有限公司'))).toBe(true);
    // Bodies the gold names are matched (by name or alias); bodies of the other seeds are not this set's.
    expect(listed.some((l) => l.includes('朝阳区总工会'))).toBe(false);
    expect(listed.some((l) => l.includes('温州市总工会'))).toBe(false);
    const [, total, unmatched] = /bodies the articles name: (\d+), matching no gold entity: (\d+)/.exec(res.stdout) ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(8);
    expect(Number(unmatched)).toBeGreaterThanOrEqual(1);
    expect(Number(unmatched)).toBeLessThan(Number(total));
    // The full gold of that seed names the company: nothing of it is left unmatched but what extraction invents.
    const full = await run(['eval', '--gold', join(GOLD, `${SEED}.json`), '--graph', '--json'], neo4jEnv);
    const check = JSON.parse(full.stdout) as { total: number; unmatched: { name: string }[] };
    expect(check.total).toBe(Number(total));
    expect(check.unmatched.map((b) => b.name)).not.toContain('北京京东世纪贸易有限公司');
    expect(check.unmatched.length).toBe(Number(unmatched) - 1);
  }, 180_000);

  it('refuses article paths with --graph, and needs a configured Neo4j', async () => {
    const both = await run(['eval', '--gold', gold, '--graph', 'seeds'], neo4jEnv);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give no article paths');
    const none = await run(['eval', '--gold', gold, '--graph'], envWith());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('laurel eval --graph needs a running Neo4j');
  });
});
