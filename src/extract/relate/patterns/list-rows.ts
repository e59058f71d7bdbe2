/**
 * Rows of a list that give each name its employer:
 *
 *   张三（某某有限公司技术部部长）       the employer and office in brackets after the name
 *   某某人民医院：张三、李四             a body, a colon, then the names working there
 *   上海：张三 某某大学教师              a place heading the row, then a name and its chain
 */
import type { EntityMention, Sentence } from '../../document.js';
import { noteAfter, rightChain, segmentItems } from '../chain.js';
import { isBody } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import type { DocView } from '../view.js';
import { applyChain } from './appositive.js';

/** What may come before a row's first name: a number, or a place and a colon (上海：). */
const ROW_HEAD = /^[ \t\u3000]*((\d{1,3}|[一二三四五六七八九十]{1,3})[、.．]|[（(]\d{1,3}[）)]|[\u4e00-\u9fff]{2,8}：)?[ \t\u3000]*$/;

export const listRows: Pattern = {
  name: 'list-rows',
  start: (view, sink) => ({
    sentence(s, si) {
      const ms = view.mentionsIn(s);
      const people = ms.filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
      if (!people.length) return;
      const text = view.text;
      const first = people[0]!;
      const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
      // NAME（EMPLOYER OFFICE）
      for (const p of people) {
        // A short bracket is a note (（女）) unless it holds a body (（某米业）).
        const open = ms.some((m) => isBody(m.type) && m.start === p.end + 1) ? p.end : p.end + noteAfter(text, p.end);
        if ((!rowStart(text, lineStart, p, people) && !listItem(text, p)) || !/[（(]/.test(text[open] ?? '')) continue;
        const close = text.indexOf(text[open] === '（' ? '）' : ')', open);
        if (close < 0 || close > s.end) continue;
        // The brackets hold exactly a body (张三（某米业）), or a body and an office read as a chain.
        const whole = ms.find((m) => isBody(m.type) && m.start === open + 1 && m.end === close);
        if (whole) {
          sink.add('WORKS_FOR', p, view.canonical(whole), si, 'row');
          continue;
        }
        // …or parts split by 、 (某村、某合作社理事长), each read on its own.
        for (let from = open + 1; from < close; ) {
          const cut = text.indexOf('、', from);
          const to = cut < 0 || cut > close ? close : cut;
          const items = segmentItems(view, { start: from, end: to });
          if (items && items[0]!.kind === 'org' && items[0]!.start === from) applyChain(view, sink, p, items, si);
          from = to + 1;
        }
      }
      // PLACE：NAME EMPLOYER+OFFICE — a row whose name follows a heading word and a space.
      if (first === ms.find((m) => m.start >= lineStart) || ms.every((m) => m.end <= first.start && !isBody(m.type))) {
        if (rowStart(text, lineStart, first, people) && text[first.end + noteAfter(text, first.end)] === ' ' && first.start > lineStart) {
          applyChain(view, sink, first, rightChain(view, s, first), si);
        }
      }
      // BODY：NAME、NAME
      const body = ms.find((m) => isBody(m.type) && m.start === s.start && text[m.end] === '：');
      if (body && people.every((p) => p.start > body.end) && /^[\u4e00-\u9fff·（）()女男、，\s]*$/.test(text.slice(body.end + 1, s.end).replace(/[。]$/, ''))) {
        for (const p of people) sink.add('WORKS_FOR', p, view.canonical(body), si, 'row');
      }
    },
  }),
};

/** Whether `p` opens its row: only a number or a place heading before it on its line. */
/** An item of a list on one line: after 是：/为：/名单： or after the previous item's bracket (…）、NAME（…）). */
function listItem(text: string, p: EntityMention): boolean {
  return /[：:]$/.test(text.slice(p.start - 1, p.start)) || text.slice(p.start - 2, p.start) === '）、';
}

function rowStart(text: string, lineStart: number, p: EntityMention, people: EntityMention[]): boolean {
  void people;
  return p.start - lineStart <= 12 && ROW_HEAD.test(text.slice(lineStart, p.start));
}

export type { Sentence };
