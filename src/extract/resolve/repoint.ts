/**
 * Re-pointing a mention at the canonical name of the body it names: its own
 * name (placed, as resolved so far) and surface stay as aliases.
 */
import type { EntityMention } from '../document.js';

export const BODY = new Set(['Union', 'Company', 'Organization']);

export function isBody(m: EntityMention): boolean {
  return BODY.has(m.type);
}

/** The mention, now naming `canonical` (unchanged when it already does). */
export function repoint(m: EntityMention, canonical: string): EntityMention {
  return canonical === (m.aliasOf ?? m.name) ? m : { ...m, aliasOf: canonical };
}
