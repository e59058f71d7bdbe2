/**
 * Parts of a company are not bodies of their own: the employer is the legal
 * entity, the part belongs to the position or the team's name. Of
 * 远航重工有限公司设计部, 远航重工有限公司一分厂纺部 or 远航重工集团九院 only the
 * company stays (its own mention, found as the head of the longer name). A
 * subsidiary (…公司铸锻公司, …分公司), a depot (…段: a company's own unit,
 * of the company's type) and an institute (…研究院) are bodies still.
 *
 * And a body found only as the head of a head (江州大学 in
 * 江州大学第一附属医院肝胆外科医学部, where the hospital is the employer) is
 * not named on its own.
 */
import type { EntityMention } from '../document.js';
import { isBody } from './repoint.js';
import type { ResolveStep } from './step.js';

/** A department, workshop, team, plant or numbered institute: what a company is made of. */
const PART = /(?:事业部|部|处|科|室|车间|班组|班|组|中心|分厂|厂|作业区|工区|[一二三四五六七八九十\d]+院)$/;
/** A subsidiary or branch company stays a body. */
const COMPANY = /(?:公司|分公司|分行|支行)$/;
/** An institution affiliated to a university or body is the employer, not its parent. */
const INSTITUTION = /(?:医院|学院|研究院|研究所|大学|学校|中学|小学)$/;

export const subUnits: ResolveStep = (doc, mentions) => {
  // Body mentions by start, longest first.
  const byStart = new Map<number, EntityMention[]>();
  for (const m of mentions) if (isBody(m)) byStart.set(m.start, [...(byStart.get(m.start) ?? []), m]);
  for (const list of byStart.values()) list.sort((a, b) => b.end - a.end);
  const dropped = new Set<EntityMention>();
  const depots = new Set<EntityMention>();
  for (const list of byStart.values()) {
    // Shortest first: a part is judged against the company right inside it.
    for (let i = list.length - 2; i >= 0; i--) {
      const m = list[i]!;
      const head = list.slice(i + 1).find((h) => h.type === 'Company' && !dropped.has(h));
      if (!head || m.type === 'Union') continue;
      const rest = doc.text.slice(head.end, m.end);
      if (PART.test(rest) && !COMPANY.test(rest)) dropped.add(m);
      else if (/段$/.test(rest)) depots.add(m);
    }
    // A head of a head: the longer head is the body the text names.
    for (let i = list.length - 1; i > 0; i--) {
      const head = list[i]!;
      const above = list.slice(0, i).reverse().find((x) => !dropped.has(x));
      if (head.cue === 'head' && above?.cue === 'head' && INSTITUTION.test(doc.text.slice(head.end, above.end))) dropped.add(head);
    }
  }
  if (!dropped.size && !depots.size) return mentions;
  return mentions.filter((m) => !dropped.has(m)).map((m) => (depots.has(m) ? { ...m, type: 'Company' as const } : m));
};
