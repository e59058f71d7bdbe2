/**
 * A body, a name, then the office (as Taiwan and Hong Kong papers write it):
 * 勞動部某某部長、某某司長, 某公司某某董事長. The office follows the name; the
 * names joined to the first by 、 with offices of their own share its body.
 * Without a body, an office that names one (某某市長 → the city's government)
 * gives it.
 */
import { lexicon } from '../../lexicon.js';
import { isBody } from '../kinds.js';
import { impliedBody } from '../offices.js';
import type { Pattern } from '../pattern.js';

export const nameThenOffice: Pattern = {
  name: 'name-then-office',
  start: (view, sink) => ({
    sentence(s, si) {
      const text = view.text;
      const lx = lexicon();
      const ms = view.mentionsIn(s);
      const people = ms.filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
      for (const [k, p] of people.entries()) {
        const body = ms.find((m) => isBody(m.type) && m.end === p.start);
        const office = lx.positions.startingAt(text, p.end);
        if (!office) continue;
        if (!body) {
          // 某某市長致詞: an office that names its body (市长 → the city's government), of the article's place.
          const span = { start: p.end, end: p.end + office.length };
          // Only a city's or county's: the article's place is surest at that level (我省 may be another province).
          const implied = /^[市县区]/.test(lx.officeOf[office] ?? '') ? impliedBody(view.doc, span) : undefined;
          if (implied) sink.add('WORKS_FOR', p, implied, si, 'name-then-office', { position: view.written(span) });
          continue;
        }
        const employer = view.canonical(body);
        sink.add('WORKS_FOR', p, employer, si, 'name-then-office', { position: view.written({ start: p.end, end: p.end + office.length }) });
        // 、某某司長: the next names with offices of their own, in the same body.
        let prevEnd = p.end + office.length;
        for (const q of people.slice(k + 1)) {
          const own = lx.positions.startingAt(text, q.end);
          if (text.slice(prevEnd, q.start) !== '、' || !own) break;
          sink.add('WORKS_FOR', q, employer, si, 'name-then-office', { position: view.written({ start: q.end, end: q.end + own.length }) });
          prevEnd = q.end + own.length;
        }
      }
    },
  }),
};
