/**
 * 长江三峡通航管理局 in an article that also writes 交通运输部长江三峡通航管理局:
 * the same body, once with the parent body it belongs to (a national body
 * or another body the article names). The fuller name is canonical (SPEC:
 * the fullest name the document gives).
 */
import { lexicon } from '../lexicon.js';
import { isBody, repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

export const parentBodyForms: ResolveStep = (_doc, mentions) => {
  const lx = lexicon();
  const names = new Set(mentions.filter(isBody).map((m) => m.aliasOf ?? m.name));
  const parents = new Set([...names, ...lx.national.flatMap((b) => [b.name, ...b.aliases])]);
  const full = new Map<string, string>();
  for (const n of names) {
    for (let cut = 2; cut <= n.length - 4; cut++) {
      const rest = n.slice(cut);
      if (names.has(rest) && parents.has(n.slice(0, cut)) && !full.has(rest)) full.set(rest, n);
    }
  }
  if (!full.size) return mentions;
  return mentions.map((m) => {
    const target = isBody(m) ? full.get(m.aliasOf ?? m.name) : undefined;
    return target ? repoint(m, target) : m;
  });
};
