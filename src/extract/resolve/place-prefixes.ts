/**
 * Bare 省/市/区 prefixes take the nearest place the text names before them
 * in the same sentence or story, else the article's setting: 区总工会 after
 * 朝阳区 is 朝阳区总工会, 市委 in a Beijing article is 北京市委. One that
 * cannot be placed is dropped rather than guessed.
 */
import { sentenceAt, type Doc, type EntityMention } from '../document.js';
import { lexicon } from '../lexicon.js';
import type { HonourMention } from '../recognise/honours.js';
import { NOT_A_PLACE, placeNameToken, type OrgMention } from '../recognise/organisations.js';
import type { ResolveStep } from './step.js';

/** How far back (characters) a story's place still applies, unless a new story starts. */
const STORY_REACH = 800;

/** Gives each mention with a bare 省/市/区 its place, or drops it. */
export const placeBarePrefixes: ResolveStep = (doc, mentions) => mentions.flatMap((m) => placeMention(doc, m));

function placeMention(doc: Doc, m: EntityMention): EntityMention[] {
  const prefix = (m as OrgMention | HonourMention).placePrefix;
  if (!prefix) return [m];
  if ((m as HonourMention).place) return [m];
  const place = placeFor(doc, prefix, m.start);
  if (!place) return [];
  if (m.type === 'Title' || m.type === 'Award') {
    const h = m as HonourMention;
    const core = m.name.slice(prefix.length);
    return [{ ...h, name: `${place}${core}`, place } as HonourMention];
  }
  return [{ ...m, name: `${place}${m.name.slice(prefix.length)}` }];
}

/** The province, city or district a bare prefix refers to at offset `at`. */
export function placeFor(doc: Doc, prefix: string, at: number): string | undefined {
  const story = storyStart(doc, at);
  const sentence = doc.sentences[sentenceAt(doc, at)];
  const sentenceStart = sentence && sentence.start <= at && at < sentence.end ? sentence.start : at;
  const find = (from: number) => lastPlace(doc, prefix, Math.max(from, at - STORY_REACH), at);
  const near = find(sentenceStart) ?? find(story);
  if (near) return near;
  // 区/县 only from a district the story names; 省/市 fall back on the article's setting.
  if (prefix === '自治区') return /自治区$/.test(doc.setting.province ?? '') ? doc.setting.province : undefined;
  if (prefix === '省') return doc.setting.province;
  if (prefix === '市') return doc.setting.city;
  return undefined;
}

/** Where the story around `at` starts: multi-story pages begin each with 本报讯 or a dateline. */
export function storyStart(doc: Pick<Doc, 'text'>, at: number): number {
  const starts = storyStarts(doc.text);
  // The last start at or before `at` (binary search; starts[0] is 0).
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]!;
}

const STORY_HEAD = /本报讯|社.{0,6}\d+月\s*\d+\s*日电/g;
let storyCache: { text: string; starts: number[] } | undefined;

/** Offsets where stories start (本报讯, or the 电 of a dateline), computed once per text. */
function storyStarts(text: string): number[] {
  if (storyCache?.text !== text) {
    const starts = [0];
    for (const m of text.matchAll(STORY_HEAD)) starts.push(m[0] === '本报讯' ? m.index : m.index + m[0].length - 1);
    storyCache = { text, starts };
  }
  return storyCache.starts;
}

/**
 * The last place of the prefix's kind written in [from, to), read from
 * jieba's words: 浙江省 / 浙江 for 省; 宁波市, 张家港市, 宁波 before 市 for 市;
 * 朝阳区, 龙华区 for 区.
 */
function lastPlace(doc: Doc, prefix: string, from: number, to: number): string | undefined {
  const lx = lexicon();
  const tokens = tokensIn(doc, from, to);
  for (let k = tokens.length - 1; k >= 0; k--) {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (prefix === '自治区') continue;
    if (prefix === '省') {
      if (t.word.length < 2) continue;
      const p = lx.provinceByForm.get(t.word.endsWith('省') ? t.word.slice(0, -1) : t.word);
      if (p && !p.municipality) return p.name;
      continue;
    }
    const kind = PLACE_KINDS[prefix] ?? DISTRICT_KIND;
    // Only a word ending in 市 (区, 县), or one before a word starting with it, can name the place: skip the rest cheaply.
    if (!kind.end.test(t.word) && !(next && kind.lead.test(next.word))) continue;
    // 即墨|区委: a place name written right before a bare 区/县/市 word.
    // Not a word that merely starts with the character (最美|乡村, 全|市场): the bare place or a body after it.
    const glued = next && next.start === t.end && kind.lead.test(next.word) && bodyAfterPlace(next.word, lx) && placeNameToken(t, lx);
    const word = next && (kind.bare.test(next.word) || glued) ? t.word + next.word[0] : t.word;
    if (!kind.word.test(word) || NOT_A_PLACE.test(word)) continue;
    const stem = word.slice(0, -1);
    if (prefix === '市') {
      const municipal = lx.provinceByForm.get(stem);
      if (lx.cityProvince.has(stem) || municipal?.municipality || t.tag === 'ns') return `${stem}市`;
    } else if (t.tag === 'ns' || glued || !lx.word(word) || lx.word(word)!.tag === 'ns' || lx.cityProvince.has(stem)) {
      // 北京市朝阳区 → 朝阳区.
      const cut = word.search(/[市省]/);
      return cut >= 0 && cut < word.length - 2 ? word.slice(cut + 1) : word;
    }
  }
  return undefined;
}

/** 区委, 县总工会, 乡中心学校: a bare place character and the body it leads, as jieba cuts them. */
function bodyAfterPlace(word: string, lx: ReturnType<typeof lexicon>): boolean {
  const rest = word.slice(1);
  return rest === '' || lx.partyCommittees.has(word) || lx.orgSuffixes.has(rest) || lx.partyCommittees.has(rest) || !lx.word(word);
}

const CITY_KIND = { bare: /^市$/, lead: /^市/, end: /市$/, word: /^[\u4e00-\u9fff]{2,5}市$/ };
const DISTRICT_KIND = { bare: /^[区县]$/, lead: /^[区县]/, end: /[区县]$/, word: /^[\u4e00-\u9fff]{2,5}[区县]$/ };
/** A bare 市 takes a city, 镇 a town, 乡 a township, 州 a prefecture; 区 and 县 a district or county. */
const PLACE_KINDS: Record<string, typeof CITY_KIND> = {
  市: CITY_KIND,
  镇: { bare: /^镇$/, lead: /^镇/, end: /镇$/, word: /^[\u4e00-\u9fff]{2,5}镇$/ },
  乡: { bare: /^乡$/, lead: /^乡/, end: /乡$/, word: /^[\u4e00-\u9fff]{2,5}乡$/ },
  州: { bare: /^州$/, lead: /^州/, end: /州$/, word: /^[\u4e00-\u9fff]{2,8}州$/ },
};

function tokensIn(doc: Doc, from: number, to: number): Doc['tokens'] {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Doc['tokens'] = [];
  for (let k = lo; k < doc.tokens.length && doc.tokens[k]!.end <= to; k++) out.push(doc.tokens[k]!);
  return out;
}

