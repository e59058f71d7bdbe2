/**
 * Applies the Cypher in schema/*.cypher (constraints and indexes), statement
 * by statement. Every statement says IF NOT EXISTS (IF EXISTS for a drop), so this runs at every
 * start; it then waits until the indexes are online so the first queries use
 * them, and upgrades data an earlier writer left in an older form.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Graph } from './client.js';
import { upgradeIntegers, upgradeLexiconFacts } from './writer/writer.js';

/** schema/ at the package root, from src/graph or dist/graph alike. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** Splits a Cypher script into statements, dropping `//` comment lines. */
export function splitStatements(script: string): string[] {
  const code = script
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return code
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function readSchemaStatements(dir = SCHEMA_DIR): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cypher')).sort();
  const statements: string[] = [];
  for (const f of files) statements.push(...splitStatements(await readFile(join(dir, f), 'utf8')));
  return statements;
}

/**
 * The form of the data this writer leaves; a graph records the form it was
 * brought to on a `(:LaurelGraph {version})` node. 1: lexicon facts count
 * their supporting articles; 2: whole numbers are stored as integers.
 */
export const GRAPH_VERSION = 2;
export const VERSION_LABEL = 'LaurelGraph';

/**
 * Brings data an earlier form of the writer left to the current form, once:
 * each upgrade reads every relationship, so a graph already upgraded (or
 * written by this writer from the start) is not read again at every start.
 */
async function upgradeData(graph: Graph): Promise<void> {
  const [row] = await graph.read<{ version: number | null }>(`MATCH (v:${VERSION_LABEL}) RETURN max(v.version) AS version`);
  if ((row?.version ?? 0) >= GRAPH_VERSION) return;
  await upgradeLexiconFacts(graph);
  await upgradeIntegers(graph);
  await graph.autoCommit(`MERGE (v:${VERSION_LABEL}) SET v.version = $version`, { version: GRAPH_VERSION });
}

export async function applySchema(graph: Graph, dir = SCHEMA_DIR): Promise<{ statements: number }> {
  const statements = await readSchemaStatements(dir);
  for (const statement of statements) {
    if (!/\bIF NOT EXISTS\b/i.test(statement) && !/^DROP\b[^;]*\bIF EXISTS\b/i.test(statement)) {
      throw new Error(`schema statement is not idempotent (needs IF NOT EXISTS, or IF EXISTS for a drop): ${statement.slice(0, 80)}`);
    }
    await graph.autoCommit(statement);
  }
  await graph.autoCommit('CALL db.awaitIndexes(300)');
  await upgradeData(graph);
  return { statements: statements.length };
}
