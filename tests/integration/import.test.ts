/**
 * Bulk import: the CSV files `laurel import` writes for the seeds, imported
 * by the real neo4j-admin into a fresh local Neo4j, give the graph an online
 * load of the same articles gives, node for node and fact for fact.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { loadConfig } from '../../src/config.js';
import { extractFiles } from '../../src/extract/batch.js';
import type { ArticleExtraction } from '../../src/extract/contract.js';
import { BulkImport, neo4jAdminImportArgs } from '../../src/graph/import/csv.js';
import { Graph, applySchema, graphCounts } from '../../src/graph/index.js';
import type { Neo4jConnection } from '../../src/graph/provision/index.js';
import { localWay } from '../../src/graph/provision/local/index.js';
import { graphDump, openTestGraph, resetGraph } from '../helpers/graph.js';

let graph: Graph;
let imported: Neo4jConnection | undefined;
let importedGraph: Graph | undefined;
const extractions: ArticleExtraction[] = [];

beforeAll(async () => {
  graph = openTestGraph();
  for await (const item of extractFiles([SEEDS_DIR])) {
    if (!item.ok) throw new Error(`${item.path}: ${item.reason}`);
    extractions.push(item.extraction);
  }
});
afterAll(async () => {
  await importedGraph?.close();
  await imported?.stop();
  await graph?.close();
});

describe('laurel import', () => {
  it('gives, through neo4j-admin, the graph an online load of the same articles gives', async () => {
    await resetGraph(graph);
    await loadPaths(graph, [SEEDS_DIR]);
    const online = await graphDump(graph);

    const dir = mkdtempSync(join(tmpdir(), 'laurel-import-'));
    const bulk = new BulkImport(dir);
    // In two parts, as `laurel import` adds a big corpus, with a repeated article (left out, named).
    bulk.add(extractions.slice(0, 2));
    bulk.add([...extractions.slice(2), extractions[0]!]);
    const manifest = bulk.finish();
    expect(manifest.duplicates).toEqual([extractions[0]!.article.id]);
    expect(manifest.counts).toEqual(await graphCounts(graph));

    const way = localWay(undefined, { importArgs: neo4jAdminImportArgs(dir, manifest, 'neo4j') });
    const missing = await way.unavailable(loadConfig());
    if (missing) throw new Error(`the import test starts a local Neo4j and runs its neo4j-admin, which needs: ${missing}`);
    imported = await way.start(loadConfig(), () => {});
    importedGraph = Graph.open(imported);
    await applySchema(importedGraph);
    expect(await graphCounts(importedGraph)).toEqual(manifest.counts);
    expect(await graphDump(importedGraph)).toEqual(online);
  }, 300_000);
});
