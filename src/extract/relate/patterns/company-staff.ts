/** 戚宏昶等5名公司…代表: people counted as the company's are its staff (the story's company). */
import { storyStart } from '../../stages/resolve.js';
import type { Pattern } from '../pattern.js';

export const companyStaff: Pattern = {
  name: 'company-staff',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text;
      const people = view.mentionsIn(s).filter((m) => m.type === 'Person');
      for (const p of people) {
        if (!/^等[\d一二三四五六七八九十]+(名|位)(该)?(公司|企业)/.test(text.slice(p.end, p.end + 8))) continue;
        const story = storyStart(view.doc, s.start);
        const company = view.lastEntryBefore(p.start, ({ m }) => m.type === 'Company' && m.cue !== 'short-form', story)?.m;
        if (!company) continue;
        // Everyone in the 、-list that ends with this name.
        let k = people.indexOf(p);
        while (k > 0 && text.slice(people[k - 1]!.end, people[k]!.start) === '、') k--;
        for (const q of people.slice(k, people.indexOf(p) + 1)) sink.add('WORKS_FOR', q, view.canonical(company), si, 'staff');
      }
    },
  }),
};
