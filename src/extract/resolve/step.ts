/**
 * A resolution step: a pure function from the document's mentions to new
 * ones (placed, re-pointed at a fuller name with aliasOf, or dropped). Their
 * order is RESOLVE_STEPS in stages/resolve.ts.
 */
import type { Doc, EntityMention } from '../document.js';

export type ResolveStep = (doc: Doc, mentions: EntityMention[]) => EntityMention[];
