/**
 * Stage 6, resolve: canonical names and entities (SPEC section 3).
 *
 * - Bare 省/市/区 prefixes take the nearest place the text names before them
 *   in the same sentence or story, else the article's setting: 区总工会 after
 *   朝阳区 is 朝阳区总工会, 市委 in a Beijing article is 北京市委. One that
 *   cannot be placed is dropped rather than guessed.
 * - Short forms join their full names (简称, 汉王科技, 京能集团).
 * - A department named before an office (…办事处武装部部长) is part of the
 *   position, not an organisation of its own.
 * - Mentions with the same type and canonical name become one entity; two
 *   different bodies never share a name, so they never merge.
 */
import type { EntityType } from '../../domain/model.js';
import { sentenceAt, type Doc, type DocEntity, type EntityMention } from '../document.js';
import { lexicon } from '../lexicon.js';
import type { HonourMention } from '../recognise/honours.js';
import { NOT_A_PLACE, placeNameToken, type OrgMention } from '../recognise/organisations.js';

/** How far back (characters) a story's place still applies, unless a new story starts. */
const STORY_REACH = 800;

export function resolve(doc: Doc): Doc {
  const placed = doc.mentions.flatMap((m) => placeMention(doc, m));
  const linked = linkAbbreviations(placed);
  const kept = dropPositionUnits(doc, linked);
  const entities = group(doc, kept);
  return { ...doc, mentions: kept, entities };
}

/** Gives a mention with a bare 省/市/区 its place, or drops it. */
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
    const glued = next && next.start === t.end && kind.lead.test(next.word) && placeNameToken(t, lx);
    const word = next && (kind.bare.test(next.word) || glued) ? t.word + next.word[0] : t.word;
    if (!kind.word.test(word) || NOT_A_PLACE.test(word)) continue;
    const stem = word.slice(0, -1);
    if (prefix === '市') {
      const municipal = lx.provinceByForm.get(stem);
      if (lx.cityProvince.has(stem) || municipal?.municipality || t.tag === 'ns') return `${stem}市`;
    } else if (t.tag === 'ns' || glued || !lx.word(word) || lx.word(word)!.tag === 'ns') {
      // 北京市朝阳区 → 朝阳区.
      const cut = word.search(/[市省]/);
      return cut >= 0 && cut < word.length - 2 ? word.slice(cut + 1) : word;
    }
  }
  return undefined;
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

/**
 * 京能集团 for 北京能源集团有限责任公司: a short name whose characters all occur,
 * in order, in a longer name of the same type and ending, is that body.
 */
function linkAbbreviations(mentions: EntityMention[]): EntityMention[] {
  const full = mentions.filter((m) => (m.cue === 'suffix' || m.cue === 'head') && m.name.length >= 6);
  const linked = mentions.map((m) => {
    if (m.cue !== 'suffix' || m.name.length > 5 || m.aliasOf) return m;
    const o = m as OrgMention;
    const ending = m.name.slice(o.suffixStart - m.start);
    const core = m.name.slice(0, o.suffixStart - m.start);
    if (core.length < 2) return m;
    const target = full.find((f) => f.type === m.type && f.name !== m.name && f.name.includes(ending) && subsequence(core, f.name.slice(0, f.name.indexOf(ending))) && f.start < m.start);
    return target ? { ...m, aliasOf: target.name, cue: 'abbreviation' } : m;
  });
  return expandShortPrefixes(linked);
}

/**
 * 岱能集团物流分公司 where 岱能集团 is 山东岱岳能源集团有限公司: a name that starts
 * with a body's short form is, in full, that body's name and the rest
 * (SPEC: the fullest name the document makes certain); the short form stays an alias.
 */
function expandShortPrefixes(mentions: EntityMention[]): EntityMention[] {
  const shortToFull = new Map<string, string>();
  // Only forms tied to the body by 简称, an abbreviation, or a three-character start of its name (not 怀柔 of 怀柔邮政公司).
  for (const m of mentions) if (m.aliasOf && (m.cue === 'abbreviation' || m.name.length >= 3)) shortToFull.set(m.name, m.aliasOf);
  if (!shortToFull.size) return mentions;
  const shorts = [...shortToFull.keys()].sort((a, b) => b.length - a.length);
  return mentions.map((m) => {
    if (m.aliasOf || m.type === 'Person' || m.type === 'Title' || m.type === 'Award') return m;
    const short = shorts.find((x) => m.name.startsWith(x) && m.name.length > x.length && !m.name.startsWith(shortToFull.get(x)!) && !shortToFull.get(x)!.startsWith(m.name));
    return short ? { ...m, name: shortToFull.get(short)! + m.name.slice(short.length) } : m;
  });
}

function subsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (ch === short[j]) j++;
  return j === short.length;
}

/**
 * …街道办事处武装部部长: a body ending in an internal unit, followed by an
 * office, is the body plus part of a position. The body (its head mention)
 * stays; the longer name goes.
 */
function dropPositionUnits(doc: Doc, mentions: EntityMention[]): EntityMention[] {
  const lx = lexicon();
  // The shortest head starting at each offset.
  const headEnd = new Map<number, number>();
  for (const h of mentions) if (h.cue === 'head') headEnd.set(h.start, Math.min(headEnd.get(h.start) ?? Infinity, h.end));
  return mentions.filter((m) => {
    if (m.type === 'Person' || m.type === 'Title' || m.type === 'Award' || m.cue !== 'suffix') return true;
    const unit = lx.internalUnits.endingAt(doc.text, m.end);
    if (!unit || !lx.positions.startingAt(doc.text, m.end)) return true;
    return !((headEnd.get(m.start) ?? Infinity) < m.end);
  });
}

/** Mentions with one type and canonical name form one entity. */
function group(doc: Doc, mentions: EntityMention[]): DocEntity[] {
  const canonical = (m: EntityMention) => m.aliasOf ?? m.name;
  // An alias points at a full name; follow it to the full name's own (placed) canonical.
  const byName = new Map<string, EntityMention>();
  for (const m of mentions) if (!m.aliasOf) byName.set(`${m.type}|${m.name}`, m);
  const entities = new Map<string, DocEntity>();
  mentions.forEach((m, i) => {
    const name = canonical(m);
    const type: EntityType = m.aliasOf ? (byName.get(`${m.type}|${name}`)?.type ?? m.type) : m.type;
    const key = `${type}|${name}`;
    let e = entities.get(key);
    if (!e) {
      e = { type, name, aliases: [], mentions: [], ...(m.level ? { level: m.level } : {}) };
      entities.set(key, e);
    }
    e.mentions.push(i);
    for (const surface of surfaces(doc, m)) if (surface !== name && !e.aliases.includes(surface)) e.aliases.push(surface);
  });
  return [...entities.values()];
}

/** The forms a mention was written in: normalised, and the original when it differs (traditional characters). */
function surfaces(doc: Doc, m: EntityMention): string[] {
  const clean = (s: string) => s.replace(/^(首届|第[一二三四五六七八九十\d]+届)?\s*((?:19|20)\d{2}\s*年度?)?\s*/, '').replace(/[“”‘’「」『』"']/g, '').trim();
  const written = doc.text.slice(m.start, m.end);
  const normalised = clean(written);
  const from = doc.toOriginal[m.start]!;
  const to = doc.toOriginal[m.end - 1]! + 1;
  const raw = doc.original.slice(from, to);
  // The common case: written as it reads now, so the original form is the same one.
  if (raw === written && !/\s/.test(raw)) return [normalised];
  const original = clean(raw.replace(/\s+/g, ''));
  return original !== normalised && original.length === normalised.length ? [normalised, original] : [normalised];
}
