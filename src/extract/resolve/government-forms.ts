/**
 * 江州市政府 and 江州市人民政府 are one body: a mainland government goes by
 * its full name (the name the honours lexicon gives its conferrers, so text
 * and lexicon facts meet in one node), the short form an alias. Taiwan's
 * 臺中市政府 or 南投縣政府 are full names already, as are the governments of
 * Hong Kong and Macau (…特別行政區政府).
 */
import type { Doc } from '../document.js';
import { lexicon } from '../lexicon.js';
import { repoint } from './repoint.js';
import type { ResolveStep } from './step.js';

const GOVERNMENT = /^(.{2,12}?(?:省|市|区|县|州|旗|盟))(?:人民)?政府$/;
const NOT_MAINLAND = /^(台湾|香港|澳门)/;

export const governmentForms: ResolveStep = (doc, mentions) =>
  mentions.map((m) => {
    if (m.type !== 'Organization') return m;
    const place = GOVERNMENT.exec(m.aliasOf ?? m.name)?.[1];
    if (!place || !mainland(doc, place)) return m;
    return repoint(m, `${place}人民政府`);
  });

/** Whether a place (江州市, 南投县, 九江区) is on the mainland: by its province, else by the article's. */
function mainland(doc: Doc, place: string): boolean {
  const lx = lexicon();
  const stem = place.replace(/(省|市|县|区|自治区)$/, '');
  const province = lx.provinceByForm.get(stem)?.name ?? lx.cityProvince.get(stem);
  return !NOT_MAINLAND.test(province ?? doc.setting.province ?? '');
}
