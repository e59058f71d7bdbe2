/**
 * Extract anywhere, load once: `laurel extract` output loaded into the real
 * Neo4j gives the graph loading the seed texts gives, node for node and
 * fact for fact; a broken line is named by its number and the rest loads.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { extractFiles } from '../../src/extract/batch.js';
import { toExtractionLine } from '../../src/extract/contract.js';
import { Graph, graphCounts } from '../../src/graph/index.js';
import { graphDump, openTestGraph, resetGraph } from '../helpers/graph.js';

let graph: Graph;
let file: string;

beforeAll(async () => {
  graph = openTestGraph();
  const lines: string[] = [];
  for await (const item of extractFiles([SEEDS_DIR])) {
    if (!item.ok) throw new Error(`${item.path}: ${item.reason}`);
    lines.push(JSON.stringify(toExtractionLine(item.extraction)));
  }
  // A broken third line (cut short, as a copy interrupted) among the five seeds.
  lines.splice(2, 0, lines[0]!.slice(0, 200));
  file = join(mkdtempSync(join(tmpdir(), 'laurel-load-lines-')), 'seeds.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
});
afterAll(async () => graph?.close());

describe('laurel load of extraction lines', () => {
  it('writes exactly the graph the texts give, naming the broken line and loading the rest', async () => {
    await resetGraph(graph);
    const fromTexts = await loadPaths(graph, [SEEDS_DIR]);
    expect(fromTexts.failed).toEqual([]);
    const counts = await graphCounts(graph);
    const dump = await graphDump(graph);
    expect(counts.labels.Article).toBe(5);
    expect(dump.relationships.some((r) => r.includes('"provenance":"lexicon"'))).toBe(true);

    await resetGraph(graph);
    const fromLines = await loadPaths(graph, [file]);
    expect(fromLines.failed).toEqual([{ path: `${file}:3`, reason: expect.stringMatching(/^not JSON/) }]);
    expect(fromLines.loaded).toBe(5);
    expect(await graphCounts(graph)).toEqual(counts);
    expect(await graphDump(graph)).toEqual(dump);
  });
});
