/** Which entity types are bodies and which honours, and the relation an honour takes. */
import type { EntityType } from '../../domain/model.js';

export function isBody(t: EntityType): boolean {
  return t === 'Organization' || t === 'Union' || t === 'Company';
}

export function isHonour(t: EntityType): boolean {
  return t === 'Title' || t === 'Award';
}

/** A person holds a title (HOLDS_TITLE) and receives an award (RECEIVED). */
export function honourRelation(t: EntityType): 'RECEIVED' | 'HOLDS_TITLE' {
  return t === 'Award' ? 'RECEIVED' : 'HOLDS_TITLE';
}
