/**
 * Stage 6, resolve: canonical names and entities (SPEC section 3).
 *
 * Small named steps (src/extract/resolve), in the order of RESOLVE_STEPS,
 * each a pure function of the mentions; then mentions with the same type
 * and canonical name become one entity. Two different bodies never share a
 * name, so they never merge.
 */
import type { EntityType } from '../../domain/model.js';
import type { Doc, DocEntity, EntityMention } from '../document.js';
import { linkAbbreviations } from '../resolve/abbreviations.js';
import { autonomousCountyForms } from '../resolve/autonomous-county-forms.js';
import { committeeOfDepartment, youthLeagueForms } from '../resolve/committee-forms.js';
import { governmentForms } from '../resolve/government-forms.js';
import { legalFormVariants } from '../resolve/legal-form-variants.js';
import { mediaForms } from '../resolve/media-forms.js';
import { parentBodyForms } from '../resolve/parent-body-forms.js';
import { partyCommitteeForms } from '../resolve/party-committee-forms.js';
import { placeBarePrefixes } from '../resolve/place-prefixes.js';
import { placeQualifiedForms } from '../resolve/place-qualified-forms.js';
import { shortEndings } from '../resolve/short-endings.js';
import { subUnits } from '../resolve/sub-units.js';
import { dropPositionUnits } from '../resolve/position-units.js';
import type { ResolveStep } from '../resolve/step.js';

export { placeFor, storyStart } from '../resolve/place-prefixes.js';

export const RESOLVE_STEPS: readonly ResolveStep[] = [
  placeBarePrefixes, // 区总工会 after 朝阳区 → 朝阳区总工会; 市委 in a Beijing article → 北京市委
  linkAbbreviations, // 京能集团 → 北京能源集团有限责任公司; 岱能集团物流分公司 → 山东岱岳能源集团有限公司物流分公司
  governmentForms, // 江州市政府 → 江州市人民政府 (not Taiwan's 臺中市政府)
  partyCommitteeForms, // 中共江州市委, 中国共产党江州市委员会 → 江州市委
  youthLeagueForms, // 团区委 → 共青团江州市九江区委员会, when the article writes both
  shortEndings, // 江州市妇联 → 江州市妇女联合会
  autonomousCountyForms, // 九江县中医院 → 九江苗族自治县中医院, when the article writes both
  placeQualifiedForms, // 吉林敦化市总工会 → 敦化市总工会, when the article writes both
  parentBodyForms, // 长江三峡通航管理局 → 交通运输部长江三峡通航管理局, when the article writes both
  mediaForms, // 江州云新闻 → 江州云, when the article names both
  committeeOfDepartment, // 江州市委|宣传部: the department is named, not the committee inside its name
  subUnits, // 远航重工有限公司设计部: the company is the body, the part is not
  legalFormVariants, // 江州远航集团 → 江州远航集团有限公司, when the article writes both
  dropPositionUnits, // …街道办事处武装部|部长: the unit is part of the position
];

export function resolve(doc: Doc, steps: readonly ResolveStep[] = RESOLVE_STEPS): Doc {
  const kept = steps.reduce((mentions, step) => step(doc, mentions), doc.mentions);
  const entities = group(doc, kept);
  return { ...doc, mentions: kept, entities };
}

/** Mentions with one type and canonical name form one entity. */
function group(doc: Doc, mentions: EntityMention[]): DocEntity[] {
  // A name re-pointed at a fuller one takes along the short forms that pointed at it (红光 → 红光集团 → 红光集团有限公司).
  const redirect = new Map<string, string>();
  for (const m of mentions) if (m.aliasOf && m.aliasOf !== m.name) redirect.set(`${m.type}|${m.name}`, m.aliasOf);
  const canonical = (m: EntityMention) => {
    let name = m.aliasOf ?? m.name;
    for (let hops = 0; hops < 4 && redirect.has(`${m.type}|${name}`); hops++) name = redirect.get(`${m.type}|${name}`)!;
    return name;
  };
  // An alias points at a full name; follow it to the full name's own (placed) canonical.
  const byName = new Map<string, EntityMention>();
  for (const m of mentions) if (!m.aliasOf) byName.set(`${m.type}|${m.name}`, m);
  const entities = new Map<string, DocEntity>();
  mentions.forEach((m, i) => {
    const name = canonical(m);
    const type: EntityType = m.aliasOf ? (byName.get(`${m.type}|${name}`)?.type ?? m.type) : m.type;
    const key = `${type}|${name}`;
    let e = entities.get(key);
    if (!e) {
      e = { type, name, aliases: [], mentions: [], ...(m.level ? { level: m.level } : {}) };
      entities.set(key, e);
    }
    e.mentions.push(i);
    // A mention re-pointed at a fuller name keeps its own (placed) name as an alias: 市政府 → 江州市政府 of 江州市人民政府.
    if (m.aliasOf && m.name !== name && !e.aliases.includes(m.name)) e.aliases.push(m.name);
    for (const surface of surfaces(doc, m)) if (surface !== name && !e.aliases.includes(surface)) e.aliases.push(surface);
  });
  return [...entities.values()];
}

/** The forms a mention was written in: normalised, and the original when it differs (traditional characters). */
function surfaces(doc: Doc, m: EntityMention): string[] {
  const clean = (s: string) => s.replace(/^(首届|第[一二三四五六七八九十\d]+届)?\s*((?:19|20)\d{2}\s*年度?)?\s*/, '').replace(/[“”‘’「」『』"']/g, '').trim();
  const written = doc.text.slice(m.start, m.end);
  const normalised = clean(written);
  const from = doc.toOriginal[m.start]!;
  const to = doc.toOriginal[m.end - 1]! + 1;
  const raw = doc.original.slice(from, to);
  // The common case: written as it reads now, so the original form is the same one.
  if (raw === written && !/\s/.test(raw)) return [normalised];
  const original = clean(raw.replace(/\s+/g, ''));
  return original !== normalised && original.length === normalised.length ? [normalised, original] : [normalised];
}
