/**
 * 我市14名同志被授予2025年全国劳动模范…: when a story names the year an honour
 * was conferred, the people it says hold that honour hold it as of that year.
 */
import { sentenceContaining } from '../../document.js';
import { storyStart } from '../../stages/resolve.js';
import { isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { yearIn } from '../years.js';

export const storyHonourYears: Pattern = {
  name: 'story-honour-years',
  start: (view, sink) => ({
    end() {
      const years = new Map<string, number>();
      for (const x of view.sorted) {
        if (!isHonour(x.type)) continue;
        const s = sentenceContaining(view.doc, x.m.start)!;
        const sentence = view.text.slice(s.start, s.end);
        if (!/(授予|表彰|获评|命名|评为|获得|荣获|被评为|揭晓|公布)/.test(sentence)) continue;
        const year = x.m.year ?? (/(授予|表彰|命名|揭晓|公布)/.test(sentence) ? yearIn(sentence, undefined) : undefined);
        if (year !== undefined) years.set(`${storyStart(view.doc, s.start)}|${x.name}`, year);
      }
      for (const r of sink.relations) {
        if ((r.type !== 'HOLDS_TITLE' && r.type !== 'RECEIVED') || r.year !== undefined) continue;
        const at = view.doc.sentences[r.sentence]!.start;
        sink.setYear(r, years.get(`${storyStart(view.doc, at)}|${r.to}`));
      }
    },
  }),
};
