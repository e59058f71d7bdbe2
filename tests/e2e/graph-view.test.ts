/**
 * The graph view in a real browser (Debian's chromium), offline, over the
 * real server and the seeds in the real Neo4j: it draws a union's
 * neighbourhood with Chinese names, expands a node on click, shows an edge's
 * evidence with a link to its article, saves the picture, and draws the
 * network a query in the explorer returned. Screenshots
 * are kept in tests/artifacts/.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExamples } from '../../src/api/examples.js';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph } from '../../src/graph/index.js';
import { ARTIFACTS, artifact } from '../helpers/artifacts.js';
import { openOfflineBrowser, requireCjkFont, type OfflineBrowser } from '../helpers/browser.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';
import { gql, startServer, type RunningServer } from '../helpers/server.js';

let graph: Graph;
let server: RunningServer;
let browser: OfflineBrowser;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  expect((await loadPaths(graph, [SEEDS_DIR])).failed).toEqual([]);
  server = await startServer(graph);
  browser = await openOfflineBrowser();
  await browser.page.setViewportSize({ width: 1400, height: 900 });
  await mkdir(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await graph?.close();
});

const NETWORK = `query ($id: ID!, $depth: Int!) { network(center: { id: $id }, depth: $depth, limit: 60) { nodes { id label } edges { source target type } } }`;

interface Drawn {
  nodes: { id: string; label: string; type: string; x: number; y: number }[];
  edges: { id: string; source: string; target: string; type: string; label: string; x: number; y: number }[];
}

/** What the page has drawn, with rendered positions in page coordinates. */
function drawn(): Promise<Drawn> {
  return browser.page.evaluate(() => {
    const cy = (globalThis as any).laurelGraph;
    const box = (globalThis as any).document.getElementById('cy').getBoundingClientRect();
    return {
      nodes: cy.nodes().map((n: any) => ({ ...n.data(), x: n.renderedPosition().x + box.left, y: n.renderedPosition().y + box.top })),
      edges: cy.edges().map((e: any) => ({ ...e.data(), x: e.renderedMidpoint().x + box.left, y: e.renderedMidpoint().y + box.top })),
    };
  });
}

describe('the graph view', () => {
  it('draws a union\'s neighbourhood with Chinese names, expands a node on click, shows an edge\'s evidence, and saves PNG and SVG', async () => {
    const { page, blocked, errors } = browser;
    // The union with the most facts in the seeds, and what the API says is around it.
    const [union] = await graph.read<{ id: string; name: string }>(
      `MATCH (u:Union)-[r:HOLDS_TITLE|RECEIVED|WORKS_FOR|HONOURED_BY|CONFERRED_BY]-() WITH u, count(r) AS facts
       RETURN 'Union:' + u.key AS id, u.name AS name ORDER BY facts DESC, id LIMIT 1`,
    );
    expect(union).toBeDefined();
    const around = (await gql(server.graphql, NETWORK, { id: union!.id, depth: 1 })).data.network;
    expect(around.nodes.length).toBeGreaterThan(2);

    await page.goto(`${server.base}/explorer/graph`);
    await requireCjkFont(page);
    await page.getByLabel('Name to start from').fill(union!.name);
    await page.getByRole('button', { name: 'Draw' }).click();
    await expect.poll(async () => (await drawn()).nodes.length, { timeout: 20_000 }).toBe(around.nodes.length);
    let view = await drawn();
    expect(view.nodes.map((n) => `${n.id} ${n.label}`).sort()).toEqual(around.nodes.map((n: any) => `${n.id} ${n.label}`).sort());
    expect(view.nodes.some((n) => /[\u4e00-\u9fff]/.test(n.label))).toBe(true);
    expect(view.edges.length).toBe(around.edges.length);
    for (const e of view.edges) expect(e.label.startsWith(e.type)).toBe(true);
    // The legend names every kind of node.
    for (const label of ['Person', 'Title', 'Award', 'Union', 'Company', 'Organization']) await expect(page.locator(`#legend li[data-label="${label}"]`).count()).resolves.toBe(1);
    await page.screenshot({ path: artifact('graph-view-union.png') });

    // Click a neighbour that has neighbours of its own beyond the picture: they are added.
    let grown: { id: string; adds: string[] } | undefined;
    for (const n of view.nodes.filter((n) => n.id !== union!.id)) {
      const own = (await gql(server.graphql, NETWORK, { id: n.id, depth: 1 })).data.network;
      const adds = own.nodes.map((x: any) => x.id).filter((id: string) => !view.nodes.some((v) => v.id === id));
      if (adds.length) {
        grown = { id: n.id, adds };
        break;
      }
    }
    expect(grown, 'a neighbour of the union leads further').toBeDefined();
    const target = view.nodes.find((n) => n.id === grown!.id)!;
    await page.mouse.click(target.x, target.y);
    await expect.poll(async () => (await drawn()).nodes.map((n) => n.id), { timeout: 20_000 }).toEqual(expect.arrayContaining(grown!.adds));
    await expect(page.locator('#details h2').innerText()).resolves.toBe(target.label);
    await page.screenshot({ path: artifact('graph-view-expanded.png') });

    // Click an edge whose facts an article states: its sentences and the article's link appear.
    view = await drawn();
    const edge = view.edges.find((e) => e.type !== 'CONFERRED_BY') ?? view.edges[0]!;
    const facts = await graph.read<{ sentences: string[]; article: string }>(
      `MATCH (s {key: $s})-[r]->(t {key: $t}) WHERE type(r) = $type AND r.provenance = 'text'
       RETURN coalesce(r.evidences, [r.evidence]) AS sentences, r.article AS article`,
      { s: edge.source.slice(edge.source.indexOf(':') + 1), t: edge.target.slice(edge.target.indexOf(':') + 1), type: edge.type },
    );
    expect(facts.length, `${edge.id} is stated by an article`).toBeGreaterThan(0);
    await page.mouse.click(edge.x, edge.y);
    const details = page.locator('#details');
    await expect.poll(() => details.locator('.evidence q').allInnerTexts(), { timeout: 20_000 }).toEqual(facts.flatMap((f) => f.sentences));
    const link = details.locator(`a.article-link[data-article="${facts[0]!.article}"]`);
    await expect(link.count()).resolves.toBe(1);
    await page.screenshot({ path: artifact('graph-view-evidence.png') });
    // The link opens the article with the sentence marked.
    await link.click();
    await expect.poll(() => details.locator('mark').innerText(), { timeout: 20_000 }).toBe(facts[0]!.sentences[0]);

    // Save the picture.
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    const pngBytes = await readDownload(png);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = pngBytes.readUInt32BE(16);
    const height = pngBytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(300);
    await writeFile(artifact('graph-view-saved.png'), pngBytes);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    const svgText = (await readDownload(svg)).toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const n of (await drawn()).nodes) expect(svgText).toContain(`>${n.label}</text>`);
    await writeFile(artifact('graph-view-saved.svg'), svgText);

    // The downloads are for the neighbourhood on screen.
    const href = await page.locator('a[data-export="graph.graphml"]').getAttribute('href');
    expect(href).toBe(`/export/graph.graphml?center=${encodeURIComponent(union!.id)}&depth=1`);
    const graphml = await fetch(`${server.base}${href}`);
    expect(graphml.status).toBe(200);
    expect(await graphml.text()).toContain(`<node id="${union!.id}">`);

    expect(blocked, 'requests the page made off this machine').toEqual([]);
    expect(errors, 'console errors and page errors').toEqual([]);
  });

  it('draws a path between two entities', async () => {
    const { page, errors } = browser;
    const [pair] = await graph.read<{ from: string; to: string; hops: number }>(
      `MATCH (a:Person), (b:Person) WHERE a.key < b.key
       MATCH p = shortestPath((a)-[:HOLDS_TITLE|RECEIVED|WORKS_FOR|HONOURED_BY|CONFERRED_BY*..4]-(b))
       WITH a, b, length(p) AS hops WHERE hops >= 2
       RETURN 'Person:' + a.key AS from, 'Person:' + b.key AS to, hops ORDER BY hops DESC, from, to LIMIT 1`,
    );
    expect(pair).toBeDefined();
    await page.goto(`${server.base}/explorer/graph?from=${encodeURIComponent(pair!.from)}&to=${encodeURIComponent(pair!.to)}`);
    await expect.poll(async () => (await drawn()).nodes.length, { timeout: 20_000 }).toBe(pair!.hops + 1);
    const view = await drawn();
    expect(view.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([pair!.from, pair!.to]));
    expect(view.edges.length).toBeGreaterThanOrEqual(pair!.hops);
    await page.screenshot({ path: artifact('graph-view-path.png') });
    expect(errors).toEqual([]);
  });

  it('draws the network a query in the explorer returned, from GraphiQL\'s ◎ button', async () => {
    const { page } = browser;
    const example = (await readExamples()).find((e) => e.kind === 'query' && /\bnetwork\s*\(/.test(e.query));
    expect(example, 'docs/queries.graphql has a network example').toBeDefined();
    const direct = (await gql(server.graphql, example!.query, example!.variables)).data.network;
    expect(direct.nodes.length).toBeGreaterThan(2);

    await page.goto(`${server.base}/explorer`);
    const panel = page.getByRole('region', { name: 'Example queries' });
    await panel.waitFor({ timeout: 30_000 });
    await panel.locator(`button[data-example="${example!.name}"]`).click();
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => page.locator('.graphiql-response').innerText(), { timeout: 20_000 }).toContain(direct.nodes[0].id);
    const [view] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('button', { name: 'Draw this network or path in the graph view' }).click(),
    ]);
    const shown = () => view.evaluate(() => (globalThis as any).laurelGraph?.nodes().map((n: any) => `${n.id()} ${n.data('label')}`) ?? []);
    await expect.poll(async () => (await shown()).sort(), { timeout: 20_000 }).toEqual(direct.nodes.map((n: any) => `${n.id} ${n.label}`).sort());
    await expect(view.evaluate(() => (globalThis as any).laurelGraph.edges().length)).resolves.toBe(direct.edges.length);
    await view.close();
  });

  it('is linked from the GraphQL explorer', async () => {
    const { page } = browser;
    await page.goto(`${server.base}/explorer`);
    const link = page.getByRole('link', { name: /Graph view/ });
    await link.waitFor({ timeout: 30_000 });
    await expect(link.getAttribute('href')).resolves.toBe('/explorer/graph');
  });
});

async function readDownload(d: import('playwright-core').Download): Promise<Buffer> {
  const stream = await d.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
