/**
 * Stage 2, sentences: splits the normalised text at 。！？；… (with any
 * closing quotes that follow) and at line breaks, which after normalisation
 * only separate headlines, bylines and paragraphs.
 */
import type { Doc, Sentence } from '../document.js';
import { unitTable } from '../text.js';

// Code units, not one-character strings: text[i] allocates a string for every Han character.
const END = unitTable('。！？；…');
const CLOSE = unitTable('”’」』）');
const NEWLINE = 0x0a;
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
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      push(i);
      if (text.charCodeAt(i + 1) === NEWLINE) paragraph++;
      while (text.charCodeAt(i + 1) === NEWLINE) i++;
      start = i + 1;
    } else if (END[c]) {
      let j = i + 1;
      while (j < text.length && (END[text.charCodeAt(j)] || CLOSE[text.charCodeAt(j)])) j++;
      push(j);
      start = j;
      i = j - 1;
    }
  }
  push(text.length);
  return { ...doc, sentences: out };
}
