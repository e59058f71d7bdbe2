/** Years written in a clause (2019年, 今年, 去年), resolved against the article's year. */

/** The year the last time expression of a clause gives (2019年, 今年, 去年, 前年), against the article's year. */
export function yearIn(s: string, articleYear: number | undefined): number | undefined {
  let year: number | undefined;
  for (const m of s.matchAll(/((?:19|20)\d{2})\s*年(?!代)|今年|本年度|本届|去年|前年/g)) {
    if (m[1]) year = Number(m[1]);
    else if (articleYear !== undefined) year = m[0] === '去年' ? articleYear - 1 : m[0] === '前年' ? articleYear - 2 : articleYear;
  }
  return year;
}
