/**
 * The seed articles through the real extractor into the real Neo4j: what the
 * graph holds, that every evidence sentence is where its offsets say, and
 * that loading twice changes no count.
 */
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
    const [row] = await graph.read<{ facts: number; bad: number; mentions: number; badMentions: number }>(
      `CALL () {
         MATCH ()-[r]->() WHERE r.provenance = 'text'
         OPTIONAL MATCH (a:Article {id: r.article})
         RETURN count(r) AS facts,
                count(CASE WHEN a IS NULL OR substring(a.text, r.start, r.end - r.start) <> r.evidence THEN 1 END) AS bad
       }
       CALL () {
         MATCH (a:Article)-[m:MENTIONS]->()
         RETURN count(m) AS mentions,
                count(CASE WHEN substring(a.text, m.start, m.end - m.start) <> m.evidence OR m.count < 1 THEN 1 END) AS badMentions
       }
       RETURN facts, bad, mentions, badMentions`,
    );
    expect(row!.facts).toBeGreaterThan(0);
    expect(row).toMatchObject({ bad: 0, badMentions: 0 });
  });

  it('keeps every count when the seeds are loaded again', async () => {
    await loadPaths(graph, [SEEDS_DIR]);
    expect(await graphCounts(graph)).toEqual(first);
  });
});
