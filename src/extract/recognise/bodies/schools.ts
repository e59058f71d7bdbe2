/**
 * Schools named by their number after a place: 江州区一中, 九江县二中
 * (the place's No. 1 and No. 2 middle schools). 中 alone ends too many
 * words to be an ending; after a place and an ordinal it names a school.
 */
import type { Doc } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import type { TokenIndex } from '../../text.js';
import type { OrgMention } from '../organisations.js';

const NUMBERED = /^[一二三四五六七八九十]{1,3}中$/;
const PLACE = /^[\u4e00-\u9fff]{2,6}(?:市|区|县|旗)$/;

export function numberedSchools(doc: Doc, toks: TokenIndex): OrgMention[] {
  const lx = lexicon();
  const out: OrgMention[] = [];
  for (const t of doc.tokens) {
    // The ordinal and 中 as jieba cuts them (二中/nrt), right after the place (江州区).
    if (!NUMBERED.test(t.word)) continue;
    let place = toks.endsAt(t.start);
    // 江州|区|二中: a place jieba cut from its 区.
    const before = place && /^[市区县旗]$/.test(place.word) ? toks.endsAt(place.start) : undefined;
    if (place && before?.tag === 'ns') place = { ...before, word: before.word + place.word, end: place.end, tag: 'ns' };
    if (!place || !PLACE.test(place.word) || (place.tag !== 'ns' && !lx.word(place.word.slice(0, -1))?.tag.startsWith('ns') && !lx.cityProvince.has(place.word.slice(0, -1)))) continue;
    // Not a middle school when a word runs on (一中心, 二中队).
    if (!toks.boundary(t.end)) continue;
    out.push({ start: place.start, end: t.end, type: 'Organization', name: doc.text.slice(place.start, t.end), cue: 'school', suffixStart: t.end - 1 });
  }
  return out;
}
