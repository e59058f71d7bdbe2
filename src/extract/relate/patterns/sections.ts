/**
 * Lists of honourees under a heading that names their honour, as decisions
 * and papers print them:
 *
 *   一、江州市“十佳护士”            全国五一劳动奖章
 *   江州人民医院：张丽、王芳         贺 明 江州供电公司带电作业班班长
 *
 * A heading is a short line naming one or more honours and no person (a
 * number, quotes, 名单, a count may stand around them); the lines after it
 * that name people are its list, until the next heading or a line of prose.
 */
import type { Sentence } from '../../document.js';
import { honourRelation, isHonour } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import type { End } from '../sink.js';
import type { DocView } from '../view.js';

/** What a heading may hold besides its honours. */
const HEADING_FURNITURE = /^[\s一二三四五六七八九十\d、.．:：()（）“”‘’「」『』·]*$|^(第.{1,3}届|(?:19|20)\d{2}年度?|获得|获|荣获|拟表彰|表彰|拟推荐|推荐|人员|个人|先进个人|对象|名单|获得者|获奖者|候选人|公示|如下|共|名|人|位|个|[（(]\d+[名人位][）)]|[\u4e00-\u9fff]{2,4}(省|市|区|县|州)|的)+$/;
/** The longest line that is still a list row rather than prose. */
const MAX_ROW = 90;
/** How far into a row its first name may start: a number, a place or an employer may come first. */
const NAME_REACH = 40;

interface Heading {
  honours: (End & { year?: number })[];
}

export const sections: Pattern = {
  name: 'sections',
  start: (view, sink) => {
    let current: Heading | undefined;
    return {
      sentence(s, si) {
        const heading = headingAt(view, s);
        if (heading) {
          current = heading;
          return;
        }
        if (!current) return;
        const people = view.mentionsIn(s).filter((m) => m.type === 'Person' && !view.bylineNames.has(m.name));
        if (!isRow(view, s, people.map((p) => p.start))) {
          // Prose ends the list; a blank-ish line or a note does not.
          if (s.end - s.start > 12 || /[。！？]$/.test(view.text.slice(s.start, s.end))) current = undefined;
          return;
        }
        for (const p of people) {
          for (const h of current.honours) sink.add(honourRelation(h.type), p, h, si, 'section', { year: h.year });
        }
      },
    };
  },
};

/** The honours a heading line names, if the line is a heading. */
export function headingAt(view: DocView, s: Sentence): Heading | undefined {
  const line = view.text.slice(s.start, s.end);
  if (line.length > 40 || /[。！？；，]/.test(line)) return undefined;
  const ms = view.mentionsIn(s);
  if (ms.some((m) => m.type === 'Person')) return undefined;
  const honours = ms.filter((m) => isHonour(m.type));
  if (!honours.length) return undefined;
  // What is left when the honours and bodies are taken out must be furniture.
  let rest = '';
  let at = s.start;
  for (const m of ms) {
    if (m.start < at) continue;
    rest += view.text.slice(at, m.start);
    at = m.end;
  }
  rest += view.text.slice(at, s.end);
  if (rest.trim() && !HEADING_FURNITURE.test(rest.replace(/\s+/g, ''))) return undefined;
  return { honours: honours.map((h) => ({ ...view.canonical(h), ...(h.year !== undefined ? { year: h.year } : {}) })) };
}

/** A row of a list: short, not a sentence of prose, with a name near its start. */
function isRow(view: DocView, s: Sentence, nameStarts: number[]): boolean {
  if (!nameStarts.length || s.end - s.start > MAX_ROW) return false;
  const line = view.text.slice(s.start, s.end);
  if (/[。！？；]./.test(line) || nameStarts[0]! - s.start > NAME_REACH) return false;
  // Commas only between names (张三，李四，王五): a comma before prose makes the line a sentence.
  const parts = line.replace(/[。！？]$/, '').split('，');
  if (parts.length === 1) return !/[。！？]$/.test(line) || line.length <= 30;
  let at = s.start;
  return parts.every((part) => {
    const has = nameStarts.some((n) => n >= at && n < at + part.length);
    at += part.length + 1;
    return has;
  });
}
