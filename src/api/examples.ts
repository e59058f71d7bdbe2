/**
 * The example operations of docs/queries.graphql, as the explorer offers
 * them: one per named operation, with the fragments it uses, its
 * description (the comment lines right above it) and its variables (a
 * `# variables: {...}` comment line among them).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { GraphQLError, Kind, TokenKind, parse, visit, type DocumentNode, type FragmentDefinitionNode, type Token } from 'graphql';

/** docs/queries.graphql at the package root, from src/api or dist/api alike. */
export const EXAMPLES_PATH = new URL('../../docs/queries.graphql', import.meta.url);

export interface Example {
  /** The operation name. */
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  description: string;
  /** The operation followed by the fragments it uses: a document that runs on its own. */
  query: string;
  variables?: Record<string, unknown>;
}

export class ExamplesError extends Error {
  override name = 'ExamplesError';
}

const VARIABLES = /^\s*variables:\s*(.*)$/;

export function parseExamples(source: string, file = 'docs/queries.graphql'): Example[] {
  let doc: DocumentNode;
  try {
    doc = parse(source);
  } catch (err) {
    const loc = err instanceof GraphQLError && err.locations?.[0] ? `:${err.locations[0].line}:${err.locations[0].column}` : '';
    throw new ExamplesError(`${file}${loc}: ${(err as Error).message}`);
  }
  const text = (node: { loc?: { start: number; end: number } }) => source.slice(node.loc!.start, node.loc!.end);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const examples: Example[] = [];
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const line = d.loc!.startToken.line;
    if (!d.name) throw new ExamplesError(`${file}:${line}: every example needs a name (query Name { … })`);
    const name = d.name.value;
    if (examples.some((e) => e.name === name)) throw new ExamplesError(`${file}:${line}: two examples are named ${name}`);

    const description: string[] = [];
    let variables: Record<string, unknown> | undefined;
    for (const c of commentsAbove(d.loc!.startToken)) {
      const m = VARIABLES.exec(c.value);
      if (!m) {
        description.push(c.value.trim());
        continue;
      }
      try {
        variables = JSON.parse(m[1]!) as Record<string, unknown>;
      } catch (err) {
        throw new ExamplesError(`${file}:${c.line}: the variables of ${name} are not JSON: ${(err as Error).message}`);
      }
      if (!variables || typeof variables !== 'object' || Array.isArray(variables)) {
        throw new ExamplesError(`${file}:${c.line}: the variables of ${name} must be a JSON object`);
      }
    }

    const used = usedFragments(d, fragments, file);
    examples.push({
      name,
      kind: d.operation,
      description: description.join(' ').replace(/\s+/g, ' ').trim(),
      query: [text(d), ...used.map((f) => text(f))].join('\n\n') + '\n',
      ...(variables ? { variables } : {}),
    });
  }
  if (examples.length === 0) throw new ExamplesError(`${file}: no named operation to offer as an example`);
  return examples;
}

export async function readExamples(path: URL = EXAMPLES_PATH): Promise<Example[]> {
  const file = fileURLToPath(path);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new ExamplesError(`cannot read the example queries at ${file}: ${(err as Error).message}`);
  }
  return parseExamples(source, file);
}

/** The comment lines directly above a definition (no blank line between), top to bottom. */
function commentsAbove(start: Token): Token[] {
  const out: Token[] = [];
  let expected = start.line - 1;
  for (let t = start.prev; t && t.kind === TokenKind.COMMENT && t.line === expected; t = t.prev, expected--) out.unshift(t);
  return out;
}

/** The fragments an operation spreads, directly or through other fragments, in file order. */
function usedFragments(op: DocumentNode['definitions'][number], fragments: Map<string, FragmentDefinitionNode>, file: string): FragmentDefinitionNode[] {
  const seen = new Set<string>();
  const queue = [op];
  while (queue.length) {
    visit(queue.pop()!, {
      FragmentSpread(node) {
        const name = node.name.value;
        if (seen.has(name)) return;
        const f = fragments.get(name);
        if (!f) throw new ExamplesError(`${file}:${node.loc!.startToken.line}: fragment ${name} is not defined`);
        seen.add(name);
        queue.push(f);
      },
    });
  }
  return [...fragments.values()].filter((f) => seen.has(f.name.value));
}
