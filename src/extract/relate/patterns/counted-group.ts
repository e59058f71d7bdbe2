/**
 * A group named by its first members and a count, then its honour:
 * 表彰了甲、乙等10名“某镇最美劳动者”, 授予丙等5人“某市工匠”称号. Every name of the
 * group holds the honour, whoever the act's subject is (a body, or 大会).
 */
import { honourRelation, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { yearIn } from '../years.js';

/** The count that closes a group and what may stand between it and the honour. */
const COUNT = /^等[\d一二三四五六七八九十百千]+(名|位|人|个)(同志|职工|人员|个人|先进个人|同学|教师|员工)?(为|荣获|获得|获评)?[“「]?/;

export const countedGroup: Pattern = {
  name: 'counted-group',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text;
      const ms = view.mentionsIn(s);
      const people = ms.filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
      for (const [k, p] of people.entries()) {
        const count = COUNT.exec(text.slice(p.end, p.end + 16));
        if (!count) continue;
        const at = p.end + count[0].length;
        const honour = ms.find((m) => isHonour(m.type) && (m.start === at || (m.start < at && m.end > at)) && !/[，。；]/.test(text.slice(p.end, m.start)));
        if (!honour) continue;
        // The group: this name and those joined to it by 、/和 before it.
        let first = k;
        while (first > 0 && /^([、，和及与]|以及)$/.test(text.slice(people[first - 1]!.end, people[first]!.start))) first--;
        const h = view.canonical(honour);
        const year = honour.year ?? yearIn(text.slice(s.start, p.start), view.doc.setting.year) ?? view.doc.setting.year;
        for (const q of people.slice(first, k + 1)) sink.add(honourRelation(h.type), q, h, si, 'counted-group', { year });
      }
    },
  }),
};
