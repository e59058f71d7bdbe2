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
  return occurrences.map((o) => {
    const list = namesakes.get(o.norm) ?? [];
    namesakes.set(o.norm, list);
    list.sort((a, b) => suffixOf(a.key, o.norm) - suffixOf(b.key, o.norm));
    let chosen = list.find((c) => c.articles.has(o.article));
    chosen ??= list.find((c) => compatible(c.employers, o.employers));
    if (!chosen) {
      const used = new Set(list.map((c) => c.key));
      let n = 1;
      while (used.has(n === 1 ? o.norm : `${o.norm}#${n}`)) n++;
      chosen = { key: n === 1 ? o.norm : `${o.norm}#${n}`, employers: new Set(), articles: new Set() };
      list.push(chosen);
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
