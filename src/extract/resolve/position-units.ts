/** A department named before an office (…办事处武装部部长) is part of the position, not an organisation of its own. */
import { lexicon } from '../lexicon.js';
import type { ResolveStep } from './step.js';

/**
 * …街道办事处武装部部长: a body ending in an internal unit, followed by an
 * office, is the body plus part of a position. The body (its head mention)
 * stays; the longer name goes.
 */
export const dropPositionUnits: ResolveStep = (doc, mentions) => {
  const lx = lexicon();
  // The shortest head starting at each offset.
  const headEnd = new Map<number, number>();
  for (const h of mentions) if (h.cue === 'head') headEnd.set(h.start, Math.min(headEnd.get(h.start) ?? Infinity, h.end));
  return mentions.filter((m) => {
    if (m.type === 'Person' || m.type === 'Title' || m.type === 'Award' || m.cue !== 'suffix') return true;
    const unit = lx.internalUnits.endingAt(doc.text, m.end);
    if (!unit || !lx.positions.startingAt(doc.text, m.end)) return true;
    // 某局南投办事处|主任: the unit is the body's own ending (办事处), not a unit inside it.
    if ((lx.orgSuffixes.endingAt(doc.text, m.end)?.length ?? 0) > unit.length) return true;
    return !((headEnd.get(m.start) ?? Infinity) < m.end);
  });
};
