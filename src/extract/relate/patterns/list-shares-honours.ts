/** 北京市劳动模范代表陈大鹏、王广洋: the honour before a 、-list belongs to every name in it. */
import type { EntityType } from '../../../domain/model.js';
import type { Pattern } from '../pattern.js';

export const listSharesHonours: Pattern = {
  name: 'list-shares-honours',
  start: (view, sink) => ({
    sentence(s, si) {
      const people = view.mentionsIn(s).filter((m) => m.type === 'Person');
      for (let i = 1; i < people.length; i++) {
        const prev = people[i - 1]!;
        const cur = people[i]!;
        if (view.text.slice(prev.end, cur.start) !== '、') continue;
        const from = view.canonical(prev).name;
        for (const r of sink.relations.filter((r) => r.from === from && (r.type === 'HOLDS_TITLE' || r.type === 'RECEIVED' || r.type === 'HONOURED_BY') && r.sentence === si)) {
          const toType: EntityType = r.type === 'HONOURED_BY' ? 'Organization' : r.type === 'RECEIVED' ? 'Award' : 'Title';
          sink.add(r.type, cur, { name: r.to, type: toType }, si, 'list', { year: r.year });
        }
      }
    },
  }),
};
