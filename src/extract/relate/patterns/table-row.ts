/**
 * A table row of honourees: | 1 | 张三（女） | 某某有限公司 | 焊工班长 |. The cell after a
 * person's that holds exactly one body is the employer; a plain cell after it is the position.
 */
import { noteAfter } from '../chain.js';
import { isBody } from '../kinds.js';
import type { Pattern } from '../pattern.js';

/** A Markdown table row, read cell by cell. */
const MARKDOWN_ROW = /^\|.*\|$/;

export const tableRow: Pattern = {
  name: 'table-row',
  start: (view, sink) => ({
    sentence(s, si) {
      const line = view.text.slice(s.start, s.end);
      if (!MARKDOWN_ROW.test(line.trim())) return;
      const ms = view.mentionsIn(s);
      const cells: { start: number; end: number; text: string }[] = [];
      for (let at = s.start + line.indexOf('|') + 1; at < s.end; ) {
        const bar = view.text.indexOf('|', at);
        if (bar < 0 || bar >= s.end) break;
        const raw = view.text.slice(at, bar);
        const lead = raw.length - raw.trimStart().length;
        const text = raw.trim();
        cells.push({ start: at + lead, end: at + lead + text.length, text });
        at = bar + 1;
      }
      const filling = (c: { start: number; end: number }) => ms.filter((m) => m.start >= c.start && m.end <= c.end);
      for (const [i, cell] of cells.entries()) {
        const person = filling(cell).find((m) => m.type === 'Person' && m.start === cell.start && m.end + noteAfter(view.text, m.end) === cell.end);
        if (!person || view.bylineNames.has(person.name)) continue;
        const employer = cells[i + 1];
        const inEmployer = employer ? filling(employer) : [];
        const body = inEmployer.length === 1 && isBody(inEmployer[0]!.type) && inEmployer[0]!.start === employer!.start && inEmployer[0]!.end === employer!.end ? inEmployer[0]! : undefined;
        if (!body) continue;
        const next = cells[i + 2];
        const position = next && next.text && filling(next).length === 0 && next.text.length <= 20 && !/\d/.test(next.text) ? next.text : undefined;
        sink.add('WORKS_FOR', person, view.canonical(body), si, 'table', position ? { position } : {});
      }
    },
  }),
};
