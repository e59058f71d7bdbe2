/**
 * The query explorer: served by the real server from local packages, loaded
 * in a real browser (Debian's chromium) with the network cut off, running an
 * example of docs/queries.graphql against the real Neo4j loaded with the seeds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExamples, type Example } from '../../src/api/examples.js';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph } from '../../src/graph/index.js';
import { openOfflineBrowser, type OfflineBrowser } from '../helpers/browser.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';
import { gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;
let examples: Example[];

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  await loadPaths(graph, [SEEDS_DIR]);
  server = await startServer(graph);
  examples = await readExamples();
});
afterAll(async () => {
  await server?.close();
  await graph?.close();
});

/** The first string found under a `name` key, depth first: a name the result pane must show. */
function firstName(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = firstName(v);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'name' && typeof v === 'string' && v) return v;
      const found = firstName(v);
      if (found) return found;
    }
  }
  return undefined;
}

describe('the explorer over HTTP', () => {
  it('serves the page at /explorer (and / redirects there) with the examples and only same-origin assets', async () => {
    const root = await fetch(`${server.base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/explorer');

    const res = await fetch(`${server.base}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    // Nothing on the page points off the server.
    expect(html.match(/(?:src|href)="[^"]*"/g)?.filter((a) => !/="(\/|data:)/.test(a)) ?? []).toEqual([]);
    for (const e of examples) expect(html).toContain(JSON.stringify(e.name));

    for (const src of html.match(/(?<=(?:src|href)=")\/[^"]+/g) ?? []) {
      const asset = await fetch(`${server.base}${src}`);
      expect(asset.status, src).toBe(200);
      expect(asset.headers.get('content-type'), src).toMatch(src.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(0);
    }
    expect((await fetch(`${server.base}/explorer/assets/nothing.js`)).status).toBe(404);
  });

  it("does not serve Apollo's CDN landing page", async () => {
    const res = await fetch(server.graphql, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/apollographql\.com|embeddable-sandbox|<html/i);
  });
});

describe('the explorer in a real browser, offline', () => {
  let browser: OfflineBrowser;
  beforeAll(async () => {
    browser = await openOfflineBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('loads, opens an example from the Examples panel, runs it against the server and shows the result', async () => {
    const example = examples.find((e) => e.kind === 'query' && /\bhonourees\s*\(/.test(e.query));
    expect(example, 'docs/queries.graphql has a honourees example').toBeDefined();
    const direct = await gql(server.graphql, example!.query, example!.variables);
    expect(direct.errors).toBeUndefined();
    const name = firstName(direct.data);
    expect(name, 'the example finds someone in the seeds').toBeDefined();

    const { page, blocked, errors } = browser;
    await page.goto(`${server.base}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    const panel = page.getByRole('region', { name: 'Example queries' });
    await panel.waitFor({ timeout: 10_000 });
    for (const e of examples) await expect(panel.locator(`button[data-example="${e.name}"]`).count()).resolves.toBe(1);

    // Replace the active tab's query with one of our own; the example must then open in a tab of its own.
    // (Counted from what is open: GraphiQL restores the tabs a browser profile stored.)
    const tabs = page.locator('.graphiql-tab');
    const before = await tabs.count();
    const editor = page.locator('.graphiql-query-editor .CodeMirror');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ __typename }');
    await panel.locator(`button[data-example="${example!.name}"]`).click();
    await expect.poll(() => tabs.count()).toBe(Math.max(before, 1) + 1);
    await expect.poll(() => editor.evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue())).toBe(example!.query);

    await page.locator('.graphiql-execute-button').click();
    const response = page.locator('.graphiql-response');
    await expect.poll(() => response.innerText(), { timeout: 20_000 }).toContain(name!);
    const shown = await response
      .locator('.CodeMirror')
      .evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(shown)).toEqual({ data: direct.data });

    expect(blocked, 'requests the page made off this machine').toEqual([]);
    expect(errors, 'console errors and page errors').toEqual([]);
  });
});

describe('the explorer on a first visit, in a real browser', () => {
  let browser: OfflineBrowser;
  beforeAll(async () => {
    browser = await openOfflineBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the first example with its variables filled in, and runs every example on the first click', async () => {
    const { page, errors } = browser;
    const value = (selector: string) =>
      page.locator(selector).first().evaluate((el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    // A first visit: the browser's profile is new, nothing is stored.
    await page.goto(`${server.base}/explorer`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    const panel = page.getByRole('region', { name: 'Example queries' });
    await panel.waitFor({ timeout: 10_000 });

    const queries = examples.filter((e) => e.kind === 'query');
    await expect.poll(() => value('.graphiql-query-editor .CodeMirror'), { timeout: 20_000 }).toBe(examples[0]!.query);
    for (const [i, example] of queries.entries()) {
      if (i > 0) await panel.locator(`button[data-example="${example.name}"]`).click();
      await expect.poll(() => value('.graphiql-query-editor .CodeMirror'), { message: example.name }).toBe(example.query);
      const variables = await value('.graphiql-editor-tool .CodeMirror');
      expect(variables.trim() ? JSON.parse(variables) : undefined, example.name).toEqual(example.variables);
      const direct = await gql(server.graphql, example.query, example.variables);
      expect(direct.errors, example.name).toBeUndefined();
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(async () => {
          const shown = await value('.graphiql-response .CodeMirror');
          return shown.trim().startsWith('{') ? JSON.parse(shown) : shown;
        }, { message: example.name, timeout: 20_000 })
        .toEqual({ data: direct.data });
    }
    expect(errors, 'console errors and page errors').toEqual([]);
    // Sixteen examples, each awaited by state: on a loaded host this takes minutes, not the default minute.
  }, 240_000);
});
