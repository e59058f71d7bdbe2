/**
 * 中共江州市委, 中国共产党江州市委员会 and 江州市委 are one body, named
 * 江州市委 (as the honours lexicon names conferring committees); the forms
 * with 中共 are its aliases. So are their departments (中共江州市委组织部).
 * The central committee (中共中央) is a national body of its own.
 */
import { repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

const PARTY = /^(?:中共|中国共产党)(.{2,12}?(?:省|市|区|县|州|旗|盟))(?:委员会|委)(.*)$/;

export const partyCommitteeForms: ResolveStep = (_doc, mentions) =>
  mentions.map((m) => {
    if (m.type !== 'Organization') return m;
    const parts = PARTY.exec(m.aliasOf ?? m.name);
    return parts ? repoint(m, `${parts[1]}委${parts[2]}`) : m;
  });
