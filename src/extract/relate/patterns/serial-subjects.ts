/**
 * 其中某医院内科主任董某，某小学校长叶某，某合作社理事冯某被授予全国五一劳动奖章,
 * 某公司赵某、某公司田某…等10名优秀技能人才荣获“某某工匠”称号:
 * clauses that are only a person with the chain before the name (a body and
 * an office) share what the clause of the last person in the series gives
 * (the honour, and who honoured them).
 */
import type { EntityType } from '../../../domain/model.js';
import { leftChain } from '../chain.js';
import type { Pattern } from '../pattern.js';

/** Relations a clause's predicate gives its subject (clauses: 'got', 'passive'). */
const PREDICATE_RULES = new Set(['got', 'passive']);
/** What separates the items of a series: 某医院主任A，某小学校长B / 某公司A、某公司B等10名… */
const SEPARATORS = new Set(['，', '、']);

export const serialSubjects: Pattern = {
  name: 'serial-subjects',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text;
      const people = view.mentionsIn(s).filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
      for (let i = people.length - 1; i > 0; i--) {
        const name = view.canonical(people[i]!).name;
        const given = sink.relations.filter((r) => r.sentence === si && r.from === name && PREDICATE_RULES.has(r.rule) && r.type !== 'CONFERRED_BY');
        if (!given.length) continue;
        for (let k = i; k > 0; k--) {
          const prev = people[k - 1]!;
          const cur = people[k]!;
          if (!SEPARATORS.has(text[prev.end] ?? '')) break;
          // Between the two names: the comma, then the next one's chain and nothing else.
          const chain = leftChain(view, s, cur, people);
          if ((chain[0]?.start ?? cur.start) !== prev.end + 1) break;
          // Each earlier item is a list item too: a body or an office before the name.
          if (!leftChain(view, s, prev, people).some((it) => it.kind === 'org' || it.kind === 'office')) break;
          for (const r of given) {
            const type: EntityType = r.type === 'HONOURED_BY' ? 'Organization' : r.type === 'RECEIVED' ? 'Award' : 'Title';
            sink.add(r.type, prev, { name: r.to, type }, si, 'serial', r.year !== undefined ? { year: r.year } : {});
          }
        }
        return;
      }
    },
  }),
};
