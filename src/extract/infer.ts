/**
 * Facts the honours lexicon knows and the text does not say: which body
 * confers an honour (全国劳动模范 by 中共中央 and 国务院). They carry
 * provenance 'lexicon', have no evidence sentence, and never appear in
 * `laurel extract` output.
 */
import type { ExtractedEntity, ExtractedRelation } from './contract.js';
import type { Doc } from './document.js';
import { lexicon } from './lexicon.js';

export function inferFromLexicon(doc: Doc, entities: ExtractedEntity[]): ExtractedRelation[] {
  const lx = lexicon();
  const out: ExtractedRelation[] = [];
  const national = new Map(lx.national.map((b) => [b.name, b.type]));
  for (const e of entities) {
    if (e.type !== 'Title' && e.type !== 'Award') continue;
    const named = lx.named.find((h) => h.name === e.name || h.aliases.includes(e.name));
    let bodies: string[] = named?.conferredBy ?? [];
    if (!named) {
      const scoped = lx.scoped.find((h) => e.name.endsWith(h.core));
      const level = e.level as keyof NonNullable<typeof scoped>['conferredBy'] | undefined;
      const templates = scoped && level ? (scoped.conferredBy[level] ?? []) : [];
      const place = scoped ? e.name.slice(0, e.name.length - scoped.core.length) : '';
      // Only a place written in full (浙江省, 宁波市) names its bodies; 福田 or 首都 does not.
      bodies = /(省|市|自治区|特别行政区)$/.test(place) ? templates.map((t) => t.replace('{province}', place).replace('{city}', place)) : [];
    }
    for (const body of bodies) {
      if (/\{/.test(body)) continue;
      const type = national.get(body) ?? (/工会$/.test(body) ? 'Union' : 'Organization');
      out.push({ type: 'CONFERRED_BY', from: e.name, fromType: e.type, to: body, toType: type, provenance: 'lexicon' });
    }
  }
  void doc;
  return out;
}
