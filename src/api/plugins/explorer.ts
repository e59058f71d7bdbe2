/**
 * The query explorer, served by the server itself so that it works with no
 * network: GraphiQL's self-contained browser bundle and React's UMD builds
 * come from the installed npm packages, the page script from
 * src/api/explorer, and the example operations of docs/queries.graphql are
 * embedded in the page. A Content-Security-Policy allows this origin only,
 * so nothing can load from a CDN even by accident.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { Example } from '../examples.js';

export interface ExplorerPluginOptions {
  /** Where the page lives, e.g. /explorer; `/` redirects there. */
  path: string;
  /** The GraphQL endpoint the page queries (same origin). */
  graphqlPath: string;
  examples: Example[];
}

interface Asset {
  body: Buffer;
  type: string;
}

const require = createRequire(import.meta.url);
/** src/api/explorer at the package root, from src/api/plugins or dist/api/plugins alike. */
const PAGE_DIR = fileURLToPath(new URL('../../../src/api/explorer/', import.meta.url));

/** A file of an installed package, found through its package.json (the bundles are not in the packages' exports). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const ASSET_FILES: Record<string, { file: string; type: string }> = {
  'react.production.min.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'react-dom.production.min.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript; charset=utf-8' },
  'graphiql.min.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css; charset=utf-8' },
  'explorer.js': { file: join(PAGE_DIR, 'explorer.js'), type: 'text/javascript; charset=utf-8' },
  'explorer.css': { file: join(PAGE_DIR, 'explorer.css'), type: 'text/css; charset=utf-8' },
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

  app.get('/', async (_req, reply) => reply.redirect(base));
  app.get(base, async (_req, reply) =>
    reply.header('content-security-policy', CSP).header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(page),
  );
  app.get<{ Params: { name: string } }>(`${base}/assets/:name`, async (req, reply) => {
    const asset = assets.get(req.params.name);
    if (!asset) return reply.code(404).type('text/plain; charset=utf-8').send(`no explorer asset ${req.params.name}\n`);
    return reply.header('cache-control', 'public, max-age=3600').type(asset.type).send(asset.body);
  });
};

function renderPage(base: string, opts: ExplorerPluginOptions): string {
  const config = {
    graphqlUrl: opts.graphqlPath,
    examples: opts.examples,
    // Changes with the examples, so that saved tabs do not hide new ones.
    storageNamespace: `laurel-explorer-${createHash('sha256').update(JSON.stringify(opts.examples)).digest('hex').slice(0, 12)}`,
  };
  // JSON inside <script> must not be able to close the element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const asset = (name: string) => `${base}/assets/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Laurel · GraphQL explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset('graphiql.min.css')}">
<link rel="stylesheet" href="${asset('explorer.css')}">
</head>
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
