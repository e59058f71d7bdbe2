/**
 * 九江县中医院 and 九江苗族自治县中医院 in one article: an autonomous county
 * (or prefecture) is written short, its people left out; the full name is
 * canonical, the short form an alias.
 */
import { isBody, repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

const FULL = /^([\u4e00-\u9fff]{2,3}?)[\u4e00-\u9fff]{2,12}?自治(县|州|旗)(.+)$/;

export const autonomousCountyForms: ResolveStep = (_doc, mentions) => {
  // Short form (九江县中医院) → full name, from every full name the article writes.
  const short = new Map<string, string>();
  for (const m of mentions) {
    const parts = isBody(m) ? FULL.exec(m.aliasOf ?? m.name) : null;
    if (parts) short.set(`${m.type}|${parts[1]}${parts[2]}${parts[3]}`, m.aliasOf ?? m.name);
  }
  if (!short.size) return mentions;
  return mentions.map((m) => {
    const full = isBody(m) ? short.get(`${m.type}|${m.aliasOf ?? m.name}`) : undefined;
    return full ? repoint(m, full) : m;
  });
};
