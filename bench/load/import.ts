/**
 * The bulk import of the benchmark's world: `laurel import`'s CSV files
 * (BulkImport), neo4j-admin database import into a fresh local Neo4j as
 * `laurel up --import` runs it, then the schema (constraints and indexes,
 * built over the imported data). Timed step by step; the articles are
 * generated outside the timings, and the server's start is not counted,
 * as for the online load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config.js';
import { BulkImport, neo4jAdminImportArgs } from '../../src/graph/import/csv.js';
import { Graph, applySchema, graphCounts, type GraphCounts } from '../../src/graph/index.js';
import { localWay } from '../../src/graph/provision/local/index.js';
import type { World } from '../api/world.js';

export interface ImportResult {
  /** CSV files, neo4j-admin and server start, schema: the whole way to a graph ready to serve. */
  seconds: number;
  csvSeconds: number;
  /** neo4j-admin database import full. */
  adminSeconds: number;
  /** Starting the server on the imported database (not counted: an online load needs a started server too). */
  startSeconds: number;
  schemaSeconds: number;
  counts: GraphCounts;
}

export async function runImport(config: Config, world: World, articles: number, log: (s: string) => void): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'laurel-bench-import-'));
  try {
    let csv = 0;
    const bulk = new BulkImport(dir);
    for (let i = 0; i < articles; i += 1000) {
      const chunk = Array.from({ length: Math.min(1000, articles - i) }, (_, k) => world.article(i + k));
      const t = performance.now();
      bulk.add(chunk);
      csv += performance.now() - t;
    }
    let t = performance.now();
    const manifest = bulk.finish();
    csv += performance.now() - t;
    log(`import: CSV files for ${articles} articles in ${(csv / 1000).toFixed(1)} s`);

    t = performance.now();
    let admin = 0;
    const neo4j = await localWay(undefined, {
      importArgs: neo4jAdminImportArgs(dir, manifest, config.neo4j.database),
      onImported: (seconds) => (admin = seconds * 1000),
    }).start(config, (m) => log(`import: neo4j: ${m}`));
    const start = performance.now() - t - admin;
    const graph = Graph.open(neo4j);
    try {
      t = performance.now();
      await applySchema(graph);
      const schema = performance.now() - t;
      log(`import: neo4j-admin ${(admin / 1000).toFixed(1)} s, server start ${(start / 1000).toFixed(1)} s, schema ${(schema / 1000).toFixed(1)} s`);
      return {
        seconds: (csv + admin + schema) / 1000,
        csvSeconds: csv / 1000,
        adminSeconds: admin / 1000,
        startSeconds: start / 1000,
        schemaSeconds: schema / 1000,
        counts: await graphCounts(graph),
      };
    } finally {
      await graph.close();
      await neo4j.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
