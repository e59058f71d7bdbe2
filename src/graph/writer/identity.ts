/**
 * Which Person node a person of an article is.
 *
 * Organisations and honours are one node per (label, normalised canonical
 * name). A person's name is weaker evidence, so two articles' people with the
 * same name are the same node unless their affiliations contradict:
 *
 *  0. If this article already mentions a Person of that name (a reload), it is
 *     that node, so keys never move on reload.
 *  1. Otherwise it is the first existing namesake (key `name`, then `name#2`,
 *     `name#3`, …) whose employers do not contradict: either side has no
 *     WORKS_FOR employer, or the two employer sets share at least one body
 *     (compared by label and key).
 *  2. Otherwise (every namesake works only for other bodies) it is a new node
 *     with the smallest free key of `name`, `name#2`, `name#3`, ….
 *
 * Only WORKS_FOR counts: titles, awards and honouring bodies are shared by many
 * different people and so say nothing about identity. The resolved person's
 * employers are added to the candidate, so later articles of the same batch
 * see them.
 */

import type { ArticlePlan } from './plan.js';
import { refId } from './plan.js';

export interface Namesake {
  key: string;
  /** Employers as `Label:key`. */
  employers: Set<string>;
  /** Articles (among those being written) that already mention this node. */
  articles: Set<string>;
}

export interface PersonOccurrence {
  article: string;
  norm: string;
  employers: string[];
}

/**
 * Stands for "employers other than those asked about": the writer asks the
 * graph only whether a namesake works for the employers the batch's people
 * of that name have, and whether it works anywhere at all, instead of
 * reading every WORKS_FOR fact of a much-written-about person. For the rule
 * that is the same: a namesake with employers is never compatible with a
 * person without them through this marker, which no occurrence lists.
 */
export const OTHER_EMPLOYER = '*';

/** Every person of every article, in order, with the employers its article gives it (as `Label:norm`). */
export function personOccurrences(plans: readonly ArticlePlan[]): PersonOccurrence[] {
  const occurrences: PersonOccurrence[] = [];
  for (const p of plans) {
    for (const e of p.entities) {
      if (e.label !== 'Person') continue;
      const employers = p.facts.filter((f) => f.type === 'WORKS_FOR' && f.from.label === 'Person' && f.from.norm === e.norm).map((f) => refId(f.to));
      occurrences.push({ article: p.id, norm: e.norm, employers: [...new Set(employers)] });
    }
  }
  return occurrences;
}

export function suffixOf(key: string, norm: string): number {
  if (key === norm) return 1;
  const m = key.slice(norm.length).match(/^#(\d+)$/);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * Resolves each occurrence (in order) to a key. `namesakes` maps a normalised
 * name to the Person nodes that have it; it is updated in place.
 */
export function resolvePeople(occurrences: PersonOccurrence[], namesakes: Map<string, Namesake[]>): string[] {
  // Each list in key order (name, name#2, …); sorted once per call, and again only when a node is added.
  const sorted = new Set<string>();
  const sort = (list: Namesake[], norm: string) => list.sort((a, b) => suffixOf(a.key, norm) - suffixOf(b.key, norm));
  return occurrences.map((o) => {
    const list = namesakes.get(o.norm) ?? [];
    namesakes.set(o.norm, list);
    if (!sorted.has(o.norm)) {
      sort(list, o.norm);
      sorted.add(o.norm);
    }
    let chosen = list.find((c) => c.articles.has(o.article));
    chosen ??= list.find((c) => compatible(c.employers, o.employers));
    if (!chosen) {
      const used = new Set(list.map((c) => c.key));
      let n = 1;
      while (used.has(n === 1 ? o.norm : `${o.norm}#${n}`)) n++;
      chosen = { key: n === 1 ? o.norm : `${o.norm}#${n}`, employers: new Set(), articles: new Set() };
      list.push(chosen);
      sort(list, o.norm);
    }
    for (const e of o.employers) chosen.employers.add(e);
    chosen.articles.add(o.article);
    return chosen.key;
  });
}

function compatible(known: Set<string>, employers: string[]): boolean {
  if (known.size === 0 || employers.length === 0) return true;
  return employers.some((e) => known.has(e));
}
