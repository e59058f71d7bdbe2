/**
 * 江州云 and 江州云新闻 (or 江州云客户端) in one article: the medium and its
 * news service or app are one body, named as the shorter form.
 */
import { repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

const SERVICE = /(?:新闻客户端|新闻|客户端)$/;

export const mediaForms: ResolveStep = (_doc, mentions) => {
  const media = new Set(mentions.filter((m) => m.cue.startsWith('media:')).map((m) => m.aliasOf ?? m.name));
  if (media.size < 2) return mentions;
  return mentions.map((m) => {
    if (!m.cue.startsWith('media:')) return m;
    const base = (m.aliasOf ?? m.name).replace(SERVICE, '');
    return base.length >= 2 && base !== m.name && media.has(base) ? repoint(m, base) : m;
  });
};
