/**
 * The seed articles through the real extractor into the real Neo4j: what the
 * graph holds, that every evidence sentence is where its offsets say, and
 * that loading twice changes no count.
 */
import { evidenceFits } from '../helpers/evidence.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadPaths } from '../../src/cli/runtime.js';
import { Graph, graphCounts, type GraphCounts } from '../../src/graph/index.js';
import { openTestGraph, resetGraph } from '../helpers/graph.js';

let graph: Graph;
let first: GraphCounts;

beforeAll(async () => {
  graph = openTestGraph();
  await resetGraph(graph);
  const report = await loadPaths(graph, [SEEDS_DIR]);
  expect(report.failed).toEqual([]);
  first = await graphCounts(graph);
});
afterAll(async () => graph?.close());

describe('seeds in Neo4j', () => {
  it('holds the five articles and the people, honours and bodies they name', () => {
    expect(first.labels.Article).toBe(5);
    for (const label of ['Person', 'Title', 'Union', 'Company', 'Organization']) {
      expect(first.labels[label], `${label} nodes`).toBeGreaterThan(0);
    }
    for (const type of ['MENTIONS', 'HOLDS_TITLE', 'WORKS_FOR']) {
      expect(first.relationships[type], `${type} relationships`).toBeGreaterThan(0);
    }
  });

  it('links every text fact and mention to its article, with the evidence sentence at its offsets', async () => {
    const facts = await graph.read<{ text: string | null; sentence: string; start: number; end: number }>(
      `MATCH ()-[r]->() WHERE r.provenance = 'text'
       OPTIONAL MATCH (a:Article {id: r.article})
       RETURN a.text AS text, r.evidence AS sentence, r.start AS start, r.end AS end`,
    );
    const mentions = await graph.read<{ text: string; sentence: string; start: number; end: number; count: number }>(
      `MATCH (a:Article)-[m:MENTIONS]->() RETURN a.text AS text, m.evidence AS sentence, m.start AS start, m.end AS end, m.count AS count`,
    );
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.filter((f) => f.text === null || !evidenceFits(f.text, f))).toEqual([]);
    expect(mentions.filter((m) => m.count < 1 || !evidenceFits(m.text, m))).toEqual([]);
  });

  it('keeps every count when the seeds are loaded again', async () => {
    await loadPaths(graph, [SEEDS_DIR]);
    expect(await graphCounts(graph)).toEqual(first);
  });
});
