/**
 * 吉林敦化市总工会 and 吉林省延边朝鲜族自治州敦化市总工会 in an article that
 * also writes 敦化市总工会: the same body with its province or prefecture
 * written before it. The form without them is the canonical name, the
 * longer forms its aliases.
 */
import { lexicon } from '../lexicon.js';
import { isBody, repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

/** The shorter name must itself start with a place: 敦化市, 江州区 (not 总工会 alone). */
const PLACED = /^[\u4e00-\u9fff]{2,8}?(?:市|县|区|旗|州)/;

export const placeQualifiedForms: ResolveStep = (_doc, mentions) => {
  const canonicalOf = (m: (typeof mentions)[number]) => m.aliasOf ?? m.name;
  const shortest = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (!isBody(m) || !PLACED.test(canonicalOf(m))) continue;
    const names = shortest.get(m.type) ?? new Set<string>();
    shortest.set(m.type, names);
    names.add(canonicalOf(m));
  }
  if (!shortest.size) return mentions;
  return mentions.map((m) => {
    if (!isBody(m)) return m;
    const name = canonicalOf(m);
    const names = shortest.get(m.type);
    if (!names) return m;
    // The longest qualifier first: keep the shortest name the article writes.
    for (let cut = 2; cut <= name.length - 4; cut++) {
      const rest = name.slice(cut);
      if (names.has(rest) && qualifier(name.slice(0, cut))) return repoint(m, rest);
    }
    return m;
  });
};

/**
 * Provinces and prefectures written before a place: 吉林, 吉林省, 延边朝鲜族自治州,
 * 吉林省延边朝鲜族自治州, 江苏省苏州市.
 */
export function qualifier(q: string): boolean {
  const lx = lexicon();
  let rest = q;
  for (let guard = 0; rest && guard < 3; guard++) {
    const head = [5, 4, 3, 2].map((n) => rest.slice(0, n)).find((h) => lx.provinceByForm.has(h) || lx.provinceByForm.has(h.replace(/省$/, '')));
    if (head) {
      rest = rest.slice(head.length);
      continue;
    }
    const prefecture = /^[\u4e00-\u9fff]{2,10}?(?:自治州|地区|盟|州|市)/.exec(rest)?.[0];
    if (prefecture && (lx.cityProvince.has(prefecture.replace(/市$/, '')) || /(自治州|地区|盟|州)$/.test(prefecture))) {
      rest = rest.slice(prefecture.length);
      continue;
    }
    return false;
  }
  return rest === '';
}
