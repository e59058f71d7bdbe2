/**
 * 江州市妇联 is 江州市妇女联合会: a place's body written with the short form
 * of its ending is named in full (the name the honours lexicon gives
 * conferrers, so an article writing either form meets the other in one
 * node), the short form an alias.
 */
import { lexicon } from '../lexicon.js';
import { isBody, repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

export const shortEndings: ResolveStep = (_doc, mentions) => {
  const endings = lexicon().shortEndings;
  return mentions.map((m) => {
    if (!isBody(m)) return m;
    const name = m.aliasOf ?? m.name;
    for (const [short, full] of endings) {
      // After a place only (江州市妇联, 九江县残联): 全国妇联 is a national body's alias already.
      if (name.endsWith(short) && /[省市区县州旗镇乡]$/.test(name.slice(0, -short.length))) return repoint(m, name.slice(0, -short.length) + full);
    }
    return m;
  });
};
