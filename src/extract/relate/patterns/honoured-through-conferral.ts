/**
 * When the story names the body that conferred an honour, the people it
 * says received that honour were honoured by that body.
 */
import { isBody } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import { storyStart } from '../../stages/resolve.js';
import { yearIn } from '../years.js';

export const honouredThroughConferral: Pattern = {
  name: 'honoured-through-conferral',
  start: (view, sink) => ({
    end() {
      const storyOf = (si: number) => storyStart(view.doc, view.doc.sentences[si]!.start);
      for (const c of sink.relations.filter((r) => r.type === 'CONFERRED_BY')) {
        const story = storyOf(c.sentence);
        const body = view.doc.entities.find((e) => e.name === c.to && isBody(e.type));
        if (!body) continue;
        // The conferral's year: written with the honour in its sentence, else the article's.
        const cs = view.doc.sentences[c.sentence]!;
        const year = yearIn(view.text.slice(cs.start, cs.end), view.doc.setting.year) ?? view.doc.setting.year;
        for (const h of sink.relations.filter((r) => (r.type === 'HOLDS_TITLE' || r.type === 'RECEIVED') && r.to === c.from && storyOf(r.sentence) === story)) {
          if (h.year === undefined) sink.setYear(h, year);
          sink.add('HONOURED_BY', { name: h.from, type: 'Person' }, body, h.sentence, 'through-conferral', { year: h.year });
        }
      }
    },
  }),
};
