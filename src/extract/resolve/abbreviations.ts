/** Short forms join their full names (简称, 汉王科技, 京能集团). */
import type { EntityMention } from '../document.js';
import { lexicon } from '../lexicon.js';
import type { OrgMention } from '../recognise/organisations.js';
import type { ResolveStep } from './step.js';

/**
 * 京能集团 for 北京能源集团有限责任公司: a short name whose characters all occur,
 * in order, in a longer name of the same type and ending, is that body.
 */
export const linkAbbreviations: ResolveStep = (_doc, mentions) => {
  const full = mentions.filter((m) => (m.cue === 'suffix' || m.cue === 'head') && m.name.length >= 6);
  const linked = mentions.map((m) => {
    if (m.cue !== 'suffix' || m.name.length > 5 || m.aliasOf) return m;
    // A newspaper is its own body, not a short form of its group (江州日报 of 江州日报报业集团).
    if (lexicon().media.newspapers.endingAt(m.name, m.name.length)) return m;
    const o = m as OrgMention;
    const ending = m.name.slice(o.suffixStart - m.start);
    const core = m.name.slice(0, o.suffixStart - m.start);
    if (core.length < 2) return m;
    const target = full.find((f) => f.type === m.type && f.name !== m.name && f.name.includes(ending) && subsequence(core, f.name.slice(0, f.name.indexOf(ending))) && f.start < m.start);
    return target ? { ...m, aliasOf: target.name, cue: 'abbreviation' } : m;
  });
  return expandShortPrefixes(linked);
};

/**
 * 岱能集团物流分公司 where 岱能集团 is 山东岱岳能源集团有限公司: a name that starts
 * with a body's short form is, in full, that body's name and the rest
 * (SPEC: the fullest name the document makes certain); the short form stays an alias.
 */
function expandShortPrefixes(mentions: EntityMention[]): EntityMention[] {
  const shortToFull = new Map<string, string>();
  // Only forms tied to the body by 简称, an abbreviation, or a three-character start of its name (not 怀柔 of 怀柔邮政公司).
  for (const m of mentions) if (m.aliasOf && (m.cue === 'abbreviation' || m.name.length >= 3)) shortToFull.set(m.name, m.aliasOf);
  if (!shortToFull.size) return mentions;
  const shorts = [...shortToFull.keys()].sort((a, b) => b.length - a.length);
  return mentions.map((m) => {
    if (m.aliasOf || m.type === 'Person' || m.type === 'Title' || m.type === 'Award') return m;
    const short = shorts.find((x) => m.name.startsWith(x) && m.name.length > x.length && !m.name.startsWith(shortToFull.get(x)!) && !shortToFull.get(x)!.startsWith(m.name));
    return short ? { ...m, name: shortToFull.get(short)! + m.name.slice(short.length) } : m;
  });
}

function subsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

