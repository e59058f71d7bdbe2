/**
 * How the graph compares names: the SPEC's comparison (NFKC, no quotes,
 * book-title marks or white space), so that 全角（括号） and 半角(括号), or
 * “全国劳动模范” and 全国劳动模范, are one entity.
 */

const IGNORED = /[\s“”„‟"'‘’‛「」『』《》〈〉]/gu;

export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(IGNORED, '');
}
