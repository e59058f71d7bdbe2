/**
 * 江州远航集团 and 江州远航集团有限公司 in one article: the same company, with
 * and without its legal form. The full registered name is canonical.
 */
import { repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

const LEGAL_FORM = /^(?:有限公司|有限责任公司|股份有限公司|集团有限公司|集团股份有限公司|集团公司)$/;

export const legalFormVariants: ResolveStep = (_doc, mentions) => {
  const companies = [...new Set(mentions.filter((m) => m.type === 'Company' && !m.aliasOf).map((m) => m.name))];
  if (companies.length < 2) return mentions;
  return mentions.map((m) => {
    if (m.type !== 'Company' || m.aliasOf || m.name.length < 3) return m;
    const full = companies.find((c) => c.length > m.name.length && c.startsWith(m.name) && LEGAL_FORM.test(c.slice(m.name.length)));
    return full ? repoint(m, full) : m;
  });
};
