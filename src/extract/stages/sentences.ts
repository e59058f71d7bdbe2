/**
 * Stage 2, sentences: splits the normalised text at 。！？；… (with any
 * closing quotes that follow) and at line breaks, which after normalisation
 * only separate headlines, bylines and paragraphs.
 */
import type { Doc, Sentence } from '../document.js';

const END = new Set(['。', '！', '？', '；', '…']);
const CLOSE = new Set(['”', '’', '」', '』', '）']);
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x3000;

export function sentences(doc: Doc): Doc {
  const { text } = doc;
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e, paragraph });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      if (text[i + 1] === '\n') paragraph++;
      while (text[i + 1] === '\n') i++;
      start = i + 1;
    } else if (END.has(ch)) {
      let j = i + 1;
      while (j < text.length && (END.has(text[j]!) || CLOSE.has(text[j]!))) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return { ...doc, sentences: out };
}
