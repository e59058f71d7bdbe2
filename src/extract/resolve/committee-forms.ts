/**
 * Party and youth-league committees as articles write them.
 *
 * - committeeOfDepartment: 江州市委宣传部 names the department; the committee
 *   found only as the head of that name (江州市委) is not named on its own.
 * - youthLeagueForms: 团区委 is the 共青团江州市九江区委员会 the article also
 *   writes (团市委, 团县委, 团省委 likewise).
 */
import { lexicon } from '../lexicon.js';
import { repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

export const committeeOfDepartment: ResolveStep = (doc, mentions) => {
  const lx = lexicon();
  const dropped = new Set(
    mentions.filter(
      (h) =>
        h.cue === 'head' &&
        h.type === 'Organization' &&
        /委$/.test(doc.text.slice(h.start, h.end)) &&
        mentions.some((m) => m !== h && m.start === h.start && m.end > h.end && lx.departments.has(doc.text.slice(h.end, m.end))),
    ),
  );
  return dropped.size ? mentions.filter((m) => !dropped.has(m)) : mentions;
};

const SHORT_LEAGUE = /^团([省市区县])委$/;

export const youthLeagueForms: ResolveStep = (doc, mentions) => {
  const full = [...new Set(mentions.filter((m) => m.type === 'Organization' && /^共青团.+委员会$/.test(m.name)).map((m) => m.name))];
  if (!full.length) return mentions;
  return mentions.map((m) => {
    const level = SHORT_LEAGUE.exec(doc.text.slice(m.start, m.end))?.[1];
    if (m.type !== 'Organization' || !level) return m;
    // The committee of that level: the full name's place ends with it (…武进区委员会 for 团区委).
    const target = full.find((f) => f.endsWith(`${level}委员会`));
    return target ? repoint(m, target) : m;
  });
};
