/**
 * Honorary titles and awards. A scoped honour (劳动模范, 五一劳动奖章, 大工匠)
 * counts only with the level written before it — 全国, a province, a city, a
 * district, a sector body, or a bare 省/市/区 resolved later — or inherited
 * from the honour before it in a list (北京市劳动模范、先进工作者); alone it is
 * the generic word (劳模精神, 劳动模范示范引领作用). Named honours (中华技能大奖,
 * 大国工匠) stand alone. Competition placings (…大赛…冠军) are awards.
 */
import type { Doc, EntityMention } from '../document.js';
import { lexicon, type HonourLevel, type Lexicon, type NamedHonour, type ScopedHonour } from '../lexicon.js';
import { isHan, WordSet, yearBefore, type TokenIndex } from '../text.js';
import { placeNameToken, type OrgMention } from './organisations.js';
import { quotedHonours } from './quoted-honours.js';

export interface HonourMention extends EntityMention {
  type: 'Title' | 'Award';
  level?: HonourLevel;
  /** Place the level names, as a full province or city name, or the sector body. */
  place?: string;
  /** A bare 省/市/区 level, resolved against the setting later. */
  placePrefix?: string;
  honour?: ScopedHonour;
}

interface Forms {
  all: WordSet;
  scoped: Map<string, ScopedHonour>;
  named: Map<string, NamedHonour>;
  provinces: WordSet;
  cities: WordSet;
}

let forms: Forms | undefined;

function honourForms(lx: Lexicon): Forms {
  if (forms) return forms;
  const scoped = new Map<string, ScopedHonour>();
  for (const h of lx.scoped) for (const f of [h.core, ...h.aliases]) scoped.set(f, h);
  const named = new Map<string, NamedHonour>();
  for (const h of lx.named) for (const f of [h.name, ...h.aliases]) named.set(f, h);
  const provinceForms = lx.provinces.flatMap((p) => [p.name, ...p.short.filter((s) => s.length >= 2), ...p.aliases, ...p.short.filter((s) => s.length >= 2).map((s) => `${s}省`)]);
  const cityForms = [...lx.cityProvince.keys(), ...lx.cityAliases.keys()].flatMap((c) => [c, `${c}市`]);
  forms = {
    all: new WordSet([...scoped.keys(), ...named.keys()]),
    scoped,
    named,
    provinces: new WordSet(provinceForms),
    cities: new WordSet(cityForms),
  };
  return forms;
}

const OPEN_QUOTES = new Set(['“', '‘', '「', '『', ' ']);
const DISTRICT = /([\u4e00-\u9fff]{2,4}[区县])$/;
const NOT_DISTRICTS = /(地区|园区|社区|城区|辖区|全区|本区|各区|该区|景区|小区|街区|片区|市区|郊区|新区|山区|矿区|灾区|库区|牧区|老区|特区|专区|县区|区县|全县|本县|各县|该县)$/;
const BARE_LEVELS: [string, HonourLevel, string][] = [
  // 全省劳动模范 in a Hubei article is Hubei's: the level of the article's own province, city or district.
  ['全省', 'provincial', '省'],
  ['我省', 'provincial', '省'],
  ['本省', 'provincial', '省'],
  ['全市', 'municipal', '市'],
  ['我市', 'municipal', '市'],
  ['本市', 'municipal', '市'],
  ['全区', 'district', '区'],
  ['全县', 'district', '县'],
  ['全州', 'municipal', '州'],
  ['自治区', 'provincial', '自治区'],
  ['省级', 'provincial', '省'],
  ['市级', 'municipal', '市'],
  ['区级', 'district', '区'],
  ['县级', 'district', '县'],
  ['省', 'provincial', '省'],
  ['市', 'municipal', '市'],
  ['区', 'district', '区'],
];
/** Words after an honour word that make it part of another noun (工匠精神, 劳模协会). */
const COMPOUND_AFTER = /^(工匠|创新|精神|学院|人才|馆|协会|工作室|创新工作室|宣讲|故事|群体|文化|品牌|培育|培养|选树|评选|服务|队伍|摄影|风采|事迹|之家|驿站|基金|论坛|大讲堂|学校|园|班)/;

interface Level {
  level: HonourLevel;
  start: number;
  written: string;
  place?: string;
  placePrefix?: string;
}

export function recogniseHonours(doc: Doc, toks: TokenIndex, orgs: readonly OrgMention[]): HonourMention[] {
  const lx = lexicon();
  const f = honourForms(lx);
  const text = doc.text;
  const out: HonourMention[] = [];
  const bodies = indexBodies(orgs, text.length);
  const insideOrg = (i: number, j: number) => bodies.reach[i]! >= j;
  for (let i = 0; i < text.length; i++) {
    const form = f.all.startingAt(text, i);
    if (!form) continue;
    const j = i + form.length;
    if (insideOrg(i, j)) {
      i = j - 1;
      continue;
    }
    const named = f.named.get(form);
    // 全国劳动模范、时代楷模: an honour coordinated with one just read is one too.
    const qs = quoteStart(text, i);
    const listed = text[qs - 1] === '、' && out.length > 0 && out[out.length - 1]!.end === qs - 1;
    if (named?.needsContext && !listed && !honourContext(text, qs, j)) {
      i = j - 1;
      continue;
    }
    if (named) {
      const year = yearBefore(text, quoteStart(text, i));
      out.push({
        start: year?.start ?? quoteStart(text, i),
        end: j,
        type: named.type,
        name: named.name,
        level: named.level,
        place: named.place,
        year: year?.year,
        cue: 'named',
      });
      i = j - 1;
      continue;
    }
    const honour = f.scoped.get(form)!;
    const aligned = !toks.at(j - 1) || toks.at(j - 1)!.end <= j || text.startsWith(toks.at(j - 1)!.word, i);
    if (!aligned || COMPOUND_AFTER.test(text.slice(j, j + 5))) continue;
    const levels = levelsBefore(doc, toks, quoteStart(text, i), f, bodies) ?? inherited(doc, quoteStart(text, i), out);
    if (!levels?.length) continue;
    if (honour.needsPlace && (levels.every((l) => l.level === 'national') || !honourContext(text, Math.min(...levels.map((l) => l.start)), j))) continue;
    for (const level of levels) {
      const year = yearBefore(text, level.start);
      out.push({
        start: Math.min(level.start, i),
        end: j,
        type: honour.type,
        name: canonicalHonour(honour, level),
        level: level.level,
        place: level.place,
        placePrefix: level.placePrefix,
        honour,
        year: year?.year,
        cue: levels.length > 1 ? 'coordinated' : level.start === i ? 'inherited' : 'scoped',
      });
    }
    i = j - 1;
  }
  out.push(...competitions(doc, lx));
  return quotedHonours(doc, toks, out.sort((a, b) => a.start - b.start), (name) => f.all.has(name));
}

/** Whether the text treats [start, end) as an honour: quoted, before 称号/获得者, after 获评/荣获/授予/命名/是. */
function honourContext(text: string, start: number, end: number): boolean {
  if (/[“「‘]$/.test(text.slice(start - 1, start)) || /^[”」’]/.test(text.slice(end, end + 1))) return true;
  if (/^[”」’]?(荣誉称号|称号|获得者|荣誉)/.test(text.slice(end, end + 6))) return true;
  const before = text.slice(Math.max(0, start - 14), start);
  return /(获评|荣获|获得|获授|授予|命名为|命名|评为|认定为|当选为|当选|入选)[^，。；]{0,8}$/.test(before);
}

/** Bodies named in full (not by a short form), indexed for the per-character scan. */
interface Bodies {
  /** reach[i]: the furthest end of such a body (studios aside) starting at or before i. */
  reach: Int32Array;
  /** The first such body ending at an offset. */
  endingAt: Map<number, OrgMention>;
}

function indexBodies(orgs: readonly OrgMention[], length: number): Bodies {
  const reach = new Int32Array(length + 1);
  const endingAt = new Map<number, OrgMention>();
  for (const o of orgs) {
    if (o.cue === 'short-form') continue;
    if (!endingAt.has(o.end)) endingAt.set(o.end, o);
    // Honours may be read inside a studio's name (劳模创新工作室 names its holder's honour).
    if (!/工作室$/.test(o.name)) reach[o.start] = Math.max(reach[o.start]!, o.end);
  }
  for (let i = 1; i <= length; i++) reach[i] = Math.max(reach[i]!, reach[i - 1]!);
  return { reach, endingAt };
}

function quoteStart(text: string, i: number): number {
  let p = i;
  while (p > 0 && OPEN_QUOTES.has(text[p - 1]!)) p--;
  return p;
}

/** Where 全国邮政系统 or 江西省交通系统 starts: the whole country or a known province or city, a sector, 系统 ending at `p`. */
function systemStart(text: string, p: number, f: Forms): number | undefined {
  for (let k = p - 3; k >= Math.max(0, p - 8); k--) {
    const sector = text.slice(k, p - 2);
    if (!/^[\u4e00-\u9fff]+$/.test(sector) || /[的和与及]/.test(sector)) return undefined;
    if (text.startsWith('全国', k - 2)) return k - 2;
    const place = f.provinces.endingAt(text, k) ?? f.cities.endingAt(text, k);
    if (place) return k - place.length;
  }
  return undefined;
}

/** The level(s) written right before an honour word: 全国, 浙江省, 北京, 朝阳区, 首都, 省级, a sector body; 全国和北京市. */
function levelsBefore(doc: Doc, toks: TokenIndex, p: number, f: Forms, bodies: Bodies): Level[] | undefined {
  const first = levelEndingAt(doc, toks, p, f, bodies);
  if (!first) return undefined;
  const levels = [first];
  // A coordination of levels: 全国和北京市劳动模范, 全国和省劳动模范.
  const conj = /(和|及|与|、)$/.exec(doc.text.slice(first.start - 1, first.start));
  if (conj) {
    const second = levelEndingAt(doc, toks, first.start - 1, f, bodies);
    if (second && second.level !== first.level) levels.unshift(second);
  }
  return levels;
}

function levelEndingAt(doc: Doc, toks: TokenIndex, p: number, f: Forms, bodies: Bodies): Level | undefined {
  const lx = lexicon();
  const text = doc.text;
  // 全国邮政系统先进个人, 江西省交通系统劳动模范: a sector's honour, named with the system.
  const system = text.startsWith('系统', p - 2) ? systemStart(text, p, f) : undefined;
  if (system !== undefined) return { level: 'sector', start: system, written: text.slice(system, p), place: text.slice(system, p) };
  if (text.startsWith('全国', p - 2)) return { level: 'national', start: p - 2, written: '全国' };
  if (text.startsWith('中国', p - 2) && !isHan(text[p - 3])) return { level: 'national', start: p - 2, written: '中国' };
  // A body's own honour, possibly with its year between (山东某某集团有限公司2016年劳动模范).
  const yearGap = /((?:19|20)\d{2}年度?)$/.exec(text.slice(Math.max(0, p - 7), p))?.[0].length ?? 0;
  const sector = bodies.endingAt.get(p) ?? (yearGap ? bodies.endingAt.get(p - yearGap) : undefined);
  if (sector) return { level: 'sector', start: sector.start, written: sector.name, place: sector.name };
  const province = f.provinces.endingAt(text, p);
  if (province) {
    const prov = lx.provinceByForm.get(province.replace(/省$/, ''))!;
    return { level: 'provincial', start: p - province.length, written: province, place: prov.name };
  }
  const city = f.cities.endingAt(text, p);
  if (city) {
    const name = city.replace(/市$/, '');
    return { level: 'municipal', start: p - city.length, written: city, place: `${lx.cityAliases.get(name) ?? name}市` };
  }
  // A place jieba knows that Laurel's lexicon does not (即墨工匠, 张家港市劳动模范).
  const place = toks.endsAt(p);
  if (place && (place.tag === 'ns' || placeNameToken(place, lx)) && /^[\u4e00-\u9fff]{2,4}$/.test(place.word) && !/[省]$/.test(place.word) && honourContext(text, place.start, p + 4)) {
    const level: HonourLevel = /[区县]$/.test(place.word) ? 'district' : 'municipal';
    return { level, start: place.start, written: place.word, place: /[市区县]$/.test(place.word) ? place.word : undefined };
  }
  const district = DISTRICT.exec(text.slice(Math.max(0, p - 5), p));
  if (district && !NOT_DISTRICTS.test(district[1]!) && !/自治区$|^[年届获]/.test(district[1]!)) {
    return { level: 'district', start: p - district[1]!.length, written: district[1]!, place: district[1]! };
  }
  for (const [written, level, prefix] of BARE_LEVELS) {
    const s = p - written.length;
    if (s < 0 || !text.startsWith(written, s)) continue;
    // 省/市/区 stand alone or after 和/及/、 (or a year): 城市劳动模范 is not a city's title.
    const before = text[s - 1];
    // …or after a count (16名省劳模).
    if (before && isHan(before) && !/[和及与、年获]/.test(before) && !/[\d一二三四五六七八九十百千][名位个人]$/.test(text.slice(Math.max(0, s - 2), s))) continue;
    return { level, start: s, written, placePrefix: prefix };
  }
  return undefined;
}

/** In a list of honours (、 和 及, counts like 484名), an honour takes the level of the one before. */
function inherited(doc: Doc, p: number, found: readonly HonourMention[]): Level[] | undefined {
  const prev = found[found.length - 1];
  if (!prev || !prev.level || prev.cue === 'named') return undefined;
  const between = doc.text.slice(prev.end, p);
  if (!/^[”’」』]?(、|和|及|与|以及)?(\d+(名|个|位|人|家))?[“‘「『]?$/.test(between) || between === '') return undefined;
  const sameStart = found.filter((h) => h.end === prev.end);
  const last = sameStart[sameStart.length - 1]!;
  return [{ level: last.level!, start: p, written: '', place: last.place, placePrefix: last.placePrefix }];
}

/** 北京市劳动模范, 浙江省劳动模范, 北京大工匠, 中国航天科技集团劳动模范. */
export function canonicalHonour(h: ScopedHonour, level: Pick<Level, 'level' | 'written' | 'place' | 'placePrefix'>): string {
  // 中国工艺美术大师 is that title's own name; other national honours are 全国….
  if (level.level === 'national') return h.canonicalPlace === 'written' && level.written ? `${level.written}${h.core}` : `全国${h.core}`;
  if (level.placePrefix && !level.place) return `${level.placePrefix}${h.core}`;
  if (h.canonicalPlace === 'written' && level.written && !level.placePrefix) return `${level.written}${h.core}`;
  return `${level.place ?? level.written}${h.core}`;
}

/** The competition pattern, built once from the lexicon (it is the same for every article). */
let competitionRe: RegExp | undefined;
function competitionPattern(lx: Lexicon): RegExp {
  if (!competitionRe) {
    const events = lx.competition.events.join('|');
    const placings = lx.competition.placings.join('|');
    competitionRe = new RegExp(`(?:^|[，。、；：！？\\s]|是|获得|荣获|夺得|获|成为|拿了|拿下|摘得|斩获|取得)((?:首届|第[一二三四五六七八九十\\d]+届)?((?:\\d{4}年度?)?[^，。、；：！？\\s]{0,16}?(?:${events})[^，。、；：！？\\s]{0,8}?(?:${placings})))`, 'g');
  }
  return competitionRe;
}

/** "首届全国“红旗杯”班组长大赛建材赛道冠军": an event followed by a placing. */
function competitions(doc: Doc, lx: Lexicon): HonourMention[] {
  const out: HonourMention[] = [];
  // Every match ends in a placing: most articles have none, and the pattern below is slow to fail.
  if (!lx.competition.placings.some((p) => doc.text.includes(p))) return out;
  const re = competitionPattern(lx);
  for (const m of doc.text.matchAll(re)) {
    // The nearest verb before the event starts the honour (他是|第二届…冠军).
    const lead = /^.*(是|获得|荣获|夺得|成为|拿了|拿下|摘得|斩获|取得|获)/.exec(m[1]!)?.[0] ?? '';
    const whole = m[1]!.slice(lead.length);
    const name = whole.replace(/^(首届|第[一二三四五六七八九十\d]+届)/, '').replace(/^\d{4}年度?/, '');
    const start = m.index + m[0].length - whole.length;
    out.push({
      start,
      end: start + whole.length,
      type: 'Award',
      name,
      level: name.startsWith('全国') ? 'national' : undefined,
      cue: 'competition',
    });
  }
  return out;
}
