/**
 * Applies the Cypher in schema/*.cypher (constraints and indexes), statement
 * by statement. Every statement says IF NOT EXISTS, so this runs at every
 * start; it then waits until the indexes are online so the first queries use
 * them, and upgrades data an earlier writer left in an older form.
 */
import { readFile, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Graph } from './client.js';
import { upgradeLexiconFacts } from './writer/writer.js';

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

export async function applySchema(graph: Graph, dir = SCHEMA_DIR): Promise<{ statements: number }> {
  const statements = await readSchemaStatements(dir);
  for (const statement of statements) {
    if (!/\bIF NOT EXISTS\b/i.test(statement)) {
      throw new Error(`schema statement is not idempotent (needs IF NOT EXISTS): ${statement.slice(0, 80)}`);
    }
    await graph.autoCommit(statement);
  }
  await graph.autoCommit('CALL db.awaitIndexes(300)');
  // Data written by an earlier form of the writer.
  await upgradeLexiconFacts(graph);
  return { statements: statements.length };
}
