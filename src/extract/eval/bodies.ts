/**
 * The graph-level check of organisations: which Union, Company and
 * Organization nodes match no gold entity of the set. A node matches when a
 * gold entity of its type (in any document of the set) has a name or alias
 * equal to the node's name or one of its aliases, compared as the scorer
 * compares names. Bodies only the lexicon adds (the conferrers it knows for
 * an honour an article names) are not in the text, so gold cannot name them:
 * they are counted apart. Pure: the nodes come from the caller.
 */
import { normName, type ScoredDoc } from './score.js';

export interface Body {
  label: string;
  name: string;
  aliases: readonly string[];
  /** Named by an article's text; false for a body only a lexicon fact adds. */
  fromText: boolean;
}

export interface BodyCheck {
  total: number;
  unmatched: Body[];
  /** Per label: nodes and unmatched nodes. */
  byLabel: Record<string, { total: number; unmatched: number }>;
  /** Bodies only lexicon facts add, and those of them no gold entity names. */
  lexiconOnly: { total: number; unmatched: Body[] };
}

export function checkBodies(bodies: readonly Body[], gold: Iterable<ScoredDoc>): BodyCheck {
  const known = new Map<string, Set<string>>();
  for (const doc of gold) {
    for (const e of doc.entities ?? []) {
      const names = known.get(e.type) ?? new Set<string>();
      known.set(e.type, names);
      for (const n of [e.name, ...(e.aliases ?? [])]) names.add(normName(n));
    }
  }
  const matches = (b: Body) => [b.name, ...b.aliases].some((n) => known.get(b.label)?.has(normName(n)));
  const byLabel: BodyCheck['byLabel'] = {};
  const unmatched: Body[] = [];
  const lexiconOnly: BodyCheck['lexiconOnly'] = { total: 0, unmatched: [] };
  for (const b of bodies) {
    if (!b.fromText) {
      lexiconOnly.total++;
      if (!matches(b)) lexiconOnly.unmatched.push(b);
      continue;
    }
    const c = (byLabel[b.label] ??= { total: 0, unmatched: 0 });
    c.total++;
    if (matches(b)) continue;
    c.unmatched++;
    unmatched.push(b);
  }
  return { total: bodies.length - lexiconOnly.total, unmatched, byLabel, lexiconOnly };
}

const line = (b: Body) => `  ${b.label}\t${b.name}${b.aliases.length ? `\t(${b.aliases.join(', ')})` : ''}`;

export function formatBodyCheck(c: BodyCheck): string {
  const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '0.0');
  const lines = [
    `bodies the articles name: ${c.total}, matching no gold entity: ${c.unmatched.length} (${pct(c.unmatched.length, c.total)} %)`,
    ...Object.entries(c.byLabel).map(([l, x]) => `  ${l.padEnd(13)} ${String(x.total).padStart(5)} nodes, ${x.unmatched} unmatched`),
    ...(c.unmatched.length ? ['unmatched:'] : []),
    ...c.unmatched.map(line),
    `bodies only the lexicon adds (conferrers of honours the articles name; not in the text, so not in gold): ${c.lexiconOnly.total}, ${c.lexiconOnly.unmatched.length} of them named by no gold entity`,
    ...c.lexiconOnly.unmatched.map(line),
  ];
  return `${lines.join('\n')}\n`;
}
