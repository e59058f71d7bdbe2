/**
 * Neo4j Browser, served by the Neo4j the tests started, in a real browser
 * (Debian's chromium): on connecting it applies Laurel's style (a person is
 * captioned with their name, in Laurel's colour) and opens Laurel's guide,
 * both fetched from the Laurel server. Screenshots in tests/artifacts/.
 */
import { mkdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LABEL_STYLES } from '../../src/api/palette.js';
import { renderGrass } from '../../src/api/plugins/browser.js';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph } from '../../src/graph/index.js';
import { ARTIFACTS, artifact } from '../helpers/artifacts.js';
import { openOfflineBrowser, requireCjkFont, type OfflineBrowser } from '../helpers/browser.js';
import { openTestGraph, resetGraph, testTarget } from '../helpers/graph.js';
import { startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  expect((await loadPaths(graph, [SEEDS_DIR])).failed).toEqual([]);
  // The port the tests' Neo4j was told Laurel listens on (tests/setup/neo4j.global.ts).
  server = await startServer(graph, { port: inject('laurelPort') });
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

describe('Laurel serves what Neo4j Browser needs', () => {
  it('serves the GraSS style and the guide to any origin, answering the preflight Browser sends', async () => {
    const style = await fetch(`${server.base}/browser/style.grass`, { headers: { origin: 'http://127.0.0.1:7474' } });
    expect(style.status).toBe(200);
    expect(style.headers.get('access-control-allow-origin')).toBe('*');
    expect(await style.text()).toBe(renderGrass());
    const preflight = await fetch(`${server.base}/browser/guide.html`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:7474', 'access-control-request-method': 'GET', 'access-control-request-headers': 'pragma,cache-control' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('pragma');
    const guide = await (await fetch(`${server.base}/browser/guide.html`)).text();
    expect(guide.match(/<slide /g)?.length).toBeGreaterThanOrEqual(5);
    expect(guide).toContain('class="pre-scrollable code runnable"');
    // No other path answers a cross-origin preflight.
    expect((await fetch(`${server.base}/graphql`, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } })).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('Neo4j Browser, connected to the tests\' Neo4j', () => {
  it('applies Laurel\'s style (a person captioned with their name) and opens the first slide of Laurel\'s guide', async () => {
    const target = testTarget();
    if (!target.browserUrl) throw new Error(`the tests' Neo4j (${target.source}) gives no HTTP address for Neo4j Browser; run the tests on a Neo4j Laurel starts (unset NEO4J_URI)`);
    const [config] = await graph.read<{ value: string }>(`CALL dbms.clientConfig() YIELD name, value WHERE name = 'client.allow_telemetry' RETURN value`);
    if (target.source !== 'env') expect(config?.value, 'Browser telemetry is off on a Neo4j Laurel starts').toBe('false');

    browser = await openOfflineBrowser();
    const { page } = browser;
    await page.setViewportSize({ width: 1400, height: 1000 });
    await page.goto(target.browserUrl);
    await requireCjkFont(page);
    await page.locator('[data-testid="boltaddress"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="boltaddress"]').fill(target.uri.replace(/^bolt:\/\//, ''));
    await page.locator('[data-testid="username"]').fill(target.username);
    await page.locator('[data-testid="password"]').fill(target.password);
    await page.locator('[data-testid="connect"]').click();

    const style = `${server.base}/browser/style.grass`;
    const guide = `${server.base}/browser/guide.html`;
    if (target.source === 'env') {
      // A Neo4j of your own: the README's two commands do what post_connect_cmd does for Laurel's.
      for (const cmd of [`:style ${style}`, `:play ${guide}`]) await runInEditor(cmd);
    }
    const first = page.getByRole('heading', { name: 'Laurel: honours in Chinese news, as a graph' });
    await first.waitFor({ timeout: 60_000 });
    await expect(page.getByText(`:play ${guide}`).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(`:style ${style}`).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: artifact('neo4j-browser-guide.png') });

    const [holder] = await graph.read<{ name: string }>(`MATCH (p:Person)-[:HOLDS_TITLE]->(:Title) RETURN p.name AS name ORDER BY name LIMIT 1`);
    expect(holder).toBeDefined();
    await runInEditor(`MATCH (p:Person {name: '${holder!.name}'})-[r:HOLDS_TITLE]->(t:Title) RETURN p, r, t`);
    const node = page.locator('svg g.node').filter({ has: page.locator('text', { hasText: holder!.name }) }).first();
    await node.waitFor({ timeout: 30_000 });
    const fill = await node.locator('circle.b-outline').first().getAttribute('fill');
    expect(fill?.toUpperCase(), "the person in Laurel's colour").toBe(LABEL_STYLES.Person.color.toUpperCase());
    await expect(page.locator('svg g.relationship text', { hasText: 'HOLDS_TITLE' }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: artifact('neo4j-browser-person.png') });
    expect(browser.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), 'page errors (Browser\'s own calls off this machine are cut)').toEqual([]);
  });
});

/** Types a command into Browser's editor and runs it. */
async function runInEditor(command: string): Promise<void> {
  const { page } = browser;
  const editor = page.locator('[data-testid="activeEditor"] textarea, .monaco-editor textarea').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(command);
  await page.keyboard.press('Control+Enter');
}
