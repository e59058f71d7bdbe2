/**
 * Stage 5, recognise: mentions of the six entity types. Organisations come
 * first (their endings are the most reliable cue), then honours (which must
 * not be read inside an organisation's name: 浙江省劳模协会), then people
 * (whose strongest cues are the offices, honours and bodies next to them).
 */
import type { Doc } from '../document.js';
import { recogniseHonours } from '../recognise/honours.js';
import { recogniseOrganisations } from '../recognise/organisations.js';
import { recognisePeople } from '../recognise/people.js';
import { tokenIndex } from '../text.js';

export function recognise(doc: Doc): Doc {
  const toks = tokenIndex(doc);
  const orgs = recogniseOrganisations(doc, toks);
  const honours = recogniseHonours(doc, toks, orgs);
  const people = recognisePeople(doc, toks, [...orgs, ...honours]);
  const mentions = [...orgs, ...honours, ...people].sort((a, b) => a.start - b.start || b.end - a.end);
  return { ...doc, mentions };
}
