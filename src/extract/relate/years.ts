/** Years written in a clause (2019年, 今年, 去年), resolved against the article's year. */

const TIME = /((?:19|20)\d{2})\s*年(?!代)(\s*\d{1,2}\s*月)?|今年|本年度|本届|去年|前年/g;
/** A year that opens a period (2003年以来, 2019年至今) dates no act. */
const PERIOD_AFTER = /^(以来|至今|起|开始|到|至|—|-|～)/;

/**
 * The year a clause gives its act: the last full date in it (于2006年4月26日
 * 决定), else its last time expression (2019年, 今年, 去年, 前年) that does
 * not open a period, resolved against the article's year.
 */
export function yearIn(s: string, articleYear: number | undefined): number | undefined {
  let year: number | undefined;
  let dated: number | undefined;
  for (const m of s.matchAll(TIME)) {
    if (m[1]) {
      const rest = s.slice(m.index + m[0].length, m.index + m[0].length + 3);
      if (PERIOD_AFTER.test(rest.replace(/^\d{1,2}\s*日/, ''))) continue;
      year = Number(m[1]);
      if (m[2]) dated = year;
    } else if (articleYear !== undefined) year = m[0] === '去年' ? articleYear - 1 : m[0] === '前年' ? articleYear - 2 : articleYear;
  }
  return dated ?? year;
}
