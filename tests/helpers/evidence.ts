/**
 * The evidence contract (src/extract/contract.ts): the sentence is written as
 * in the article, without the layout's line breaks or an interrupting
 * caption, and lies between its offsets: it starts at `start`, ends at
 * `end`, and its characters occur there in order.
 */
export function evidenceFits(text: string, e: { sentence: string; start: number; end: number }): boolean {
  const span = text.slice(e.start, e.end).replace(/\s/g, '');
  const sentence = e.sentence.replace(/\s/g, '');
  if (!sentence || span[0] !== sentence[0] || span[span.length - 1] !== sentence[sentence.length - 1]) return false;
  let j = 0;
  for (const ch of span) if (ch === sentence[j]) j++;
  return j === sentence.length;
}
