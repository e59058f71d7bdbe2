/**
 * The query explorer and, beside it, the graph view, served by the server
 * itself so that they work with no network: GraphiQL's self-contained
 * browser bundle, React's UMD builds and Cytoscape.js come from the
 * installed npm packages, the page scripts from src/api/explorer, and the
 * example operations of docs/queries.graphql are embedded in the page. A
 * Content-Security-Policy allows this origin only, so nothing can load from
 * a CDN even by accident.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Example } from '../examples.js';
import { CJK_FONT_STACK, LABEL_STYLES, RELATION_COLOURS } from '../palette.js';

export interface ExplorerPluginOptions {
  /** Where the page lives, e.g. /explorer; `/` redirects there. */
  path: string;
  /** The GraphQL endpoint the page queries (same origin). */
  graphqlPath: string;
  /** Where the downloads are (/export); the graph view links to them. */
  exportPath: string;
  examples: Example[];
}

/** The graph view, under the explorer's path. */
export const GRAPH_VIEW = '/graph';
/** Nodes the graph view asks `network` for at a time. */
const GRAPH_VIEW_LIMIT = 60;

interface Asset {
  body: Buffer;
  type: string;
}

const require = createRequire(import.meta.url);
/** src/api/explorer at the package root, from src/api/plugins or dist/api/plugins alike. */
const PAGE_DIR = fileURLToPath(new URL('../../../src/api/explorer/', import.meta.url));

/**
 * A file of an installed package, from the package's folder (the bundles are
 * not in the packages' exports; nor, for some, is package.json, so the folder
 * is found above the package's main file).
 */
function packageFile(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, file);
}

const ASSET_FILES: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
  'explorer.js': { file: join(PAGE_DIR, 'explorer.js'), type: 'text/javascript; charset=utf-8' },
  'explorer.css': { file: join(PAGE_DIR, 'explorer.css'), type: 'text/css; charset=utf-8' },
  'cytoscape.min.js': { file: packageFile('cytoscape', 'dist/cytoscape.min.js'), type: 'text/javascript; charset=utf-8' },
  'graph.js': { file: join(PAGE_DIR, 'graph.js'), type: 'text/javascript; charset=utf-8' },
  'graph.css': { file: join(PAGE_DIR, 'graph.css'), type: 'text/css; charset=utf-8' },
};

// Inline styles are GraphiQL's own (resizable panes); scripts and requests stay on this origin.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const explorerPlugin: FastifyPluginAsync<ExplorerPluginOptions> = async (app, opts) => {
  const assets = new Map<string, Asset>();
  for (const [name, { file, type }] of Object.entries(ASSET_FILES)) {
    try {
      assets.set(name, { body: await readFile(file), type });
    } catch (err) {
      throw new Error(`the explorer cannot serve ${name}: ${(err as Error).message} (run \`npm ci\`)`);
    }
  }
  const base = opts.path.replace(/\/$/, '');
  const page = renderPage(base, opts);
  const graphPage = renderGraphPage(base, opts);

  app.get('/', async (_req, reply) => reply.redirect(base));
  app.get(base, async (_req, reply) =>
    reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page),
  );
  app.get(`${base}${GRAPH_VIEW}`, async (_req, reply) =>
    reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(graphPage),
  );
  app.get<{ Params: { name: string } }>(`${base}/assets/:name`, async (req, reply) => {
    const asset = assets.get(req.params.name);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send(`no explorer asset ${req.params.name}\n`);
    return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });
};

/** The start of a page, up to <body>: same-origin stylesheets only, and no favicon request. */
function pageHead(lang: string, title: string, stylesheets: string[], inlineStyle?: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${stylesheets.map((href) => `<link rel="stylesheet" href="${href}">`).join('\n')}${inlineStyle ? `\n<style>${inlineStyle}</style>` : ''}
</head>`;
}

/** JSON inside <script> must not be able to close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function renderPage(base: string, opts: ExplorerPluginOptions): string {
  const config = {
    graphqlUrl: opts.graphqlPath,
    graphViewUrl: `${base}${GRAPH_VIEW}`,
    examples: opts.examples,
    // Changes with the examples (and the page's handling of them), so that saved tabs do not hide new ones.
    storageNamespace: `laurel-explorer-${createHash('sha256').update(`2:${JSON.stringify(opts.examples)}`).digest('hex').slice(0, 12)}`,
  };
  const json = scriptJson(config);
  const asset = (name: string) => `${base}/assets/${name}`;
  return `${pageHead('en', 'Laurel · GraphQL explorer', [asset('graphiql.min.css'), asset('explorer.css')])}
<body>
<div id="explorer" class="laurel-loading">Loading the explorer…</div>
<script id="laurel-explorer-config" type="application/json">${json}</script>
<script src="${asset('react.production.min.js')}"></script>
<script src="${asset('react-dom.production.min.js')}"></script>
<script src="${asset('graphiql.min.js')}"></script>
<script src="${asset('explorer.js')}"></script>
</body>
</html>
`;
}

function renderGraphPage(base: string, opts: ExplorerPluginOptions): string {
  const labels = Object.fromEntries(Object.entries(LABEL_STYLES).map(([l, s]) => [l, { color: s.color, border: s.border, shape: s.shape, size: s.size, legend: s.legend }]));
  const config = { graphqlUrl: opts.graphqlPath, exportPath: opts.exportPath, fonts: CJK_FONT_STACK, labels, relations: RELATION_COLOURS, limit: GRAPH_VIEW_LIMIT };
  const asset = (name: string) => `${base}/assets/${name}`;
  const exports = [
    ['graph.graphml', 'GraphML'],
    ['nodes.csv', 'nodes.csv'],
    ['relationships.csv', 'relationships.csv'],
    ['graph.json', 'JSON'],
  ]
    .map(([file, text]) => `<a data-export="${file}" href="${opts.exportPath}/${file}" download>${text}</a>`)
    .join(' ');
  return `${pageHead('zh-Hans', 'Laurel · graph view', [asset('graph.css')], `:root { --laurel-fonts: ${CJK_FONT_STACK}; }`)}
<body>
<header>
  <h1>Laurel</h1>
  <nav><a href="${base}">GraphQL explorer</a><a href="${base}${GRAPH_VIEW}" aria-current="page">Graph view</a></nav>
  <form id="start" role="search">
    <input id="search" type="search" list="suggestions" placeholder="名称 · a name to start" aria-label="Name to start from" required>
    <datalist id="suggestions"></datalist>
    <label>depth <select id="depth"><option>1</option><option>2</option><option>3</option></select></label>
    <button type="submit">Draw</button>
  </form>
  <form id="path-form">
    <input id="from" type="search" list="suggestions" placeholder="path from" aria-label="Path from" required>
    <input id="to" type="search" list="suggestions" placeholder="to" aria-label="Path to" required>
    <button type="submit">Path</button>
  </form>
  <span>Save <button id="save-png" type="button">PNG</button> <button id="save-svg" type="button">SVG</button></span>
  <span class="downloads">Download <span id="export-scope">the whole graph</span>: ${exports}</span>
</header>
<p id="status" role="status"></p>
<div id="cy" aria-label="The graph"></div>
<aside>
  <ul id="legend" aria-label="Legend"></ul>
  <section id="details" aria-live="polite"><p class="muted">Click a node to expand it, an edge to read the sentences that state its facts.</p></section>
</aside>
<script id="laurel-graph-config" type="application/json">${scriptJson(config)}</script>
<script src="${asset('cytoscape.min.js')}"></script>
<script src="${asset('graph.js')}"></script>
</body>
</html>
`;
}
