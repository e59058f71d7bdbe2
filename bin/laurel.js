#!/usr/bin/env node
// The `laurel` command. The TypeScript is compiled to dist/ by `npm ci` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  console.error('laurel: dist/cli/main.js is missing; run `npm ci` (or `npm run build`) in the laurel folder first.');
  process.exit(2);
}
await import(main.href);
