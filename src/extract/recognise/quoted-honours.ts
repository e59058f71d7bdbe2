/**
 * Honours the lexicon does not know, written the way real pages write them:
 * in quotes, where the text treats the quoted words as an honour —
 * 授予…“某市好人·最美女性”荣誉称号, 10位“最美职工”分别是, 被命名为“江州名匠”,
 * “江州市先进生产(工作)者”称号, 入选“江州工匠培育对象”名单. A quoted name is
 * taken whole: a lexicon honour read inside it (“全国青年岗位能手标兵”) gives way.
 */
import type { Doc } from '../document.js';
import { lexicon } from '../lexicon.js';
import { unitTable, yearBefore, type TokenIndex } from '../text.js';
import type { HonourMention } from './honours.js';

const CLOSE: Record<string, string> = { '“': '”', '「': '」', '『': '』', '‘': '’' };
const OPEN = unitTable('“「『‘');
/** What may follow the closing quote of an honour. */
const AFTER_HONOUR = /^(光荣称号|荣誉称号|称号|荣誉|名单|榜单|获得者|殊荣|提名|人选|人员名单|评选结果|表彰名单)/;
/** What may come right before the opening quote: a conferring verb, a count of holders, a year or edition. */
const BEFORE_HONOUR = /(授予|评为|命名为|被命名为|获评|荣获|获得|获颁|喜获|获|当选为|当选|入选|表彰为|认定为|选树为|推选为|[\d一二三四五六七八九十百千]+(名|位|人|个)|年度|年|届)$/;
/** How honours end: the holder's kind (工匠, 标兵, 劳动者), a medal or prize. */
const HONOURISH = /(奖章|奖状|奖牌|勋章|奖|工匠|名匠|巨匠|匠人|能手|标兵|模范|劳模|红旗手|带头人|之星|卫士|楷模|人物|好人|职工|劳动者|建设者|员工|先锋号|先锋|英雄|大师|名师|技师|人才|女性|母亲|家庭|工作者|生产者|个人|集体|班组|单位|企业|示范岗|金蓝领|蓝领|农民工|劳工|移工|公务员|党员|干部|青年|巾帼|园丁|教师|医生|护士|培育对象|员|者|手|师|家|户|号|岗|团队|班组|工人|村医|（[^）]{1,6}）)$/;
/** Quoted words that are events, campaigns or slogans, not honours. */
const NOT_HONOUR = /(精神|活动|节|大会|会议|行动|工程|计划|项目|论坛|讲堂|工作室|竞赛|比赛|大赛|杯|主题|口号|品牌|基地|平台|系统|制度|理念)$/;
const AWARD_END = /(奖章|奖状|奖牌|勋章|奖|奖项|大奖)$/;
/** A campaign or an act named in quotes (寻找四川工匠, 表扬…模范劳工), not the honour itself. */
const VERB_START = /^(寻找|争当|争做|争创|学习|弘扬|推选|评选|选树|打造|培育|致敬|礼赞|点赞|表扬|表彰|庆祝|走近|致敬|对话)/;
/** An epithet, not a conferred honour: 有着“女焊神”称号, 被誉为“…”. */
const EPITHET_BEFORE = /(有着|被誉为|誉为|人称|号称|素有|享有|被称为|称为|堪称)$/;
/** A year written inside the quotes: “2018河北大工匠”. */
const YEAR_INSIDE = /^((?:19|20)\d{2})年?度?/;

/**
 * The honours written in quotes; `known` (the lexicon's finds) loses any
 * mention lying inside a quoted honour it does not cover whole.
 */
export function quotedHonours(doc: Doc, toks: TokenIndex, known: HonourMention[], lexiconHonour: (name: string) => boolean): HonourMention[] {
  const text = doc.text;
  const out: HonourMention[] = [];
  /** The quoted name each mention was read from, before a place was added. */
  const bases = new Map<HonourMention, string>();
  const drop = new Set<HonourMention>();
  const all = quotedNames(text, lexiconHonour, known);
  for (const c of all.filter((q) => q.campaign)) for (const h of known) if (h.start > c.open && h.end <= c.end) drop.add(h);
  const found = all.filter((q) => !q.campaign);
  // A coordination of quoted names (“十佳护士长”、“十佳护士”和“优秀护士”名单) is one: honours all if one is,
  // and the place before the first belongs to each.
  const chains: QuotedName[][] = [];
  for (let k = 0; k < found.length; ) {
    let last = k;
    while (last + 1 < found.length && COORDINATION.test(text.slice(found[last]!.end, found[last + 1]!.open))) last++;
    const chain = found.slice(k, last + 1);
    if (chain.some((c) => c.honour)) for (const c of chain) c.honour = true;
    chains.push(chain);
    k = last + 1;
  }
  // A name the text treats as an honour once is one wherever it is quoted (一、江州区“十佳护士”).
  const honours = new Set(found.filter((q) => q.honour).map((q) => q.name));
  for (const chain of chains) {
    if (!chain.some((c) => honours.has(c.name))) continue;
    const place = placeBefore(doc, toks, chain[0]!.open);
    let chainPrefix: string | undefined;
    for (const c of chain) {
      const inside = known.filter((h) => h.start >= c.open && h.end <= c.end + 1);
      // The lexicon found the whole name (“全国劳动模范”): nothing to add.
      if (inside.some((h) => text.slice(h.start, h.end).replace(/^[“「『‘]/, '').replace(/^(?:19|20)\d{2}年度?[“「『‘]?/, '') === c.name)) continue;
      // A level or place before the quote belongs to the lexicon's reading (全国“工人先锋号”): keep it.
      if (known.some((h) => h.start < c.open && h.end > c.open)) continue;
      for (const h of inside) drop.add(h);
      // A bare name the document also writes with its level (“人民满意的公务员” beside 北京市“人民满意的公务员”) is that honour.
      const leveled = place ? undefined : known.find((h) => h.name !== c.name && h.name.endsWith(c.name) && h.level);
      // 全省首届“十佳乡邮员”: a bare level before the quote, resolved to the article's province or city later.
      const bare = place || leveled || c !== chain[0] ? undefined : BARE_LEVEL_BEFORE.exec(text.slice(Math.max(0, c.open - 12), c.open));
      const prefix = bare ? bare[2]! : chainPrefix;
      if (c === chain[0]) chainPrefix = prefix;
      const full = leveled?.name ?? (place && !c.name.startsWith(place) ? place + c.name : prefix ? prefix + c.name : c.name);
      const start = place && c === chain[0] && text.startsWith(place, c.open - place.length) ? c.open - place.length : c.open;
      const year = c.year !== undefined ? { year: c.year, start } : yearBefore(text, start);
      const level = leveled?.level ?? (/^(全国|中国|中华)/.test(full) ? 'national' : levelOf(full));
      out.push({
        start: year?.start ?? start,
        end: c.end,
        type: AWARD_END.test(c.name) ? 'Award' : 'Title',
        name: full,
        ...(place ? { place } : {}),
        ...(prefix && !leveled ? { placePrefix: prefix } : {}),
        ...(level ? { level } : prefix && !leveled ? { level: PREFIX_LEVEL[prefix] } : {}),
        year: year?.year,
        cue: 'quoted',
      });
      bases.set(out[out.length - 1]!, c.name);
    }
  }
  out.push(...unquotedHonours(text, [...known, ...out], drop));
  out.push(...superlativeHonours(doc, toks, [...known, ...out], lexiconHonour));
  out.push(...medalNames(text, [...known, ...out], lexiconHonour));
  out.push(...ellipticalHonours(text, [...known.filter((h) => !drop.has(h)), ...out]));
  // One quoted name, one honour: where one mention of it has a place (市“优秀校长”), the bare ones (20名“优秀校长”) share it.
  const placed = new Map<string, HonourMention>();
  for (const h of out) if ((h.place || h.placePrefix) && bases.has(h)) placed.set(bases.get(h)!, h);
  // …and so does a longer quoted form that adds a place inside the quotes (“最美劳动者” beside “某镇最美劳动者”).
  for (const h of out) {
    const base = bases.get(h);
    if (!base || placed.has(base)) continue;
    const longer = out.find((o) => o.name !== base && o.name.endsWith(base) && o.name.length - base.length >= 2 && o.name.length - base.length <= 5);
    if (longer) placed.set(base, longer);
  }
  for (const [k, h] of out.entries()) {
    const twin = !h.place && !h.placePrefix && bases.has(h) && h.name === bases.get(h) ? placed.get(bases.get(h)!) : undefined;
    if (twin) out[k] = { ...h, name: twin.name, ...(twin.place ? { place: twin.place } : {}), ...(twin.placePrefix ? { placePrefix: twin.placePrefix } : {}), ...(twin.level ? { level: twin.level } : {}) };
  }
  out.push(...headingForms(doc, out));
  return [...known.filter((h) => !drop.has(h)), ...out].sort((a, b) => a.start - b.start);
}

interface QuotedName {
  /** Offset of the opening quote; `end` is the closing quote's. */
  open: number;
  end: number;
  name: string;
  /** A year written inside the quotes. */
  year?: number;
  /** Whether its own context makes it an honour (before a coordination is taken into account). */
  honour: boolean;
  /** A campaign named in quotes (“寻找江州工匠”): no honour inside it is held by anyone. */
  campaign?: boolean;
}

/** A bare level before a quote (全省首届“…”, 市“…”), its prefix in group 2; not the end of a word (城市“…”). */
const BARE_LEVEL_BEFORE = /(^|[^\u4e00-\u9fff]|[获授予评为在和及、对向将])(?:全|我|本)?(省|市|区|县)(?:首届|第[一二三四五六七八九十\d]+届|(?:19|20)\d{2}年度?)?$/;
const PREFIX_LEVEL: Record<string, HonourMention['level']> = { 省: 'provincial', 市: 'municipal', 区: 'district', 县: 'district' };

const COORDINATION = /^[”」』’](和|、|及|与|以及)$/;

/** Every quoted name that could be an honour, with whether its context says it is one. */
function quotedNames(text: string, lexiconHonour: (name: string) => boolean, known: readonly HonourMention[]): QuotedName[] {
  const out: QuotedName[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!OPEN[text.charCodeAt(i)]) continue;
    const close = CLOSE[text[i]!]!;
    const end = text.indexOf(close, i + 1);
    if (end < 0 || end - i - 1 > 24) continue;
    const inner = YEAR_INSIDE.exec(text.slice(i + 1, end));
    const name = text.slice(i + 1 + (inner?.[0].length ?? 0), end);
    if (VERB_START.test(name)) out.push({ open: i, end, name, honour: false, campaign: true });
    if (name.length < 2 || /[，。；：！？、\n“”「」]/.test(name) || NOT_HONOUR.test(name) || VERB_START.test(name)) continue;
    // Honours the lexicon knows are its to read, with their level (30名“人民满意的公务员” inherits 北京市);
    // a scoped one it could not place (“最美职工” with no level) is taken as written.
    if (lexiconHonour(name) && known.some((h) => h.start < end && h.end > i)) continue;
    const lead = text.slice(Math.max(0, i - 8), i);
    if (EPITHET_BEFORE.test(lead)) continue;
    const after = AFTER_HONOUR.test(text.slice(end + 1, end + 7));
    const before = BEFORE_HONOUR.test(lead);
    out.push({ open: i, end, name, ...(inner ? { year: Number(inner[1]) } : {}), honour: after || (before && HONOURISH.test(name)) });
    i = end;
  }
  return out;
}

/** An honour named without quotes between a conferring verb and 称号/名单: 入选大国工匠培育对象名单. */
const UNQUOTED = /(入选|当选为|当选|荣获|获得|获评|被评为|被授予|授予|命名为|评为|获(?!悉|知|此))((?:[\d一二三四五六七八九十百千]+(?:个|名|位|人)(?:团组织|基层组织|同志|职工|集体|单位|个人|先进个人|先进集体|家庭)?)?(?:(?:19|20)\d{2}年度?)?)([\u4e00-\u9fff·（）]{3,16}?)等?(荣誉称号|称号|名单|榜单)/g;
const NOT_IN_UNQUOTED = /[的和与及等人名位个者了]/;

function unquotedHonours(text: string, found: readonly HonourMention[], drop: Set<HonourMention>): HonourMention[] {
  const out: HonourMention[] = [];
  if (!/(称号|名单|榜单)/.test(text)) return out;
  for (const m of text.matchAll(UNQUOTED)) {
    const name = m[3]!;
    const start = m.index + m[1]!.length + (m[2]?.match(/^[^年]*?(?=(?:19|20)\d{2}年|$)/)?.[0].length ?? 0);
    const end = m.index + m[1]!.length + (m[2]?.length ?? 0) + name.length;
    if (NOT_IN_UNQUOTED.test(name.replace(/者$/, '')) || !(HONOURISH.test(name) || /^全国/.test(name) || levelOf(name)) || NOT_HONOUR.test(name) || VERB_START.test(name)) continue;
    const inside = found.filter((h) => h.start >= start && h.end <= end);
    // Read whole already (获评全国劳动模范称号), or partly by a reading that reaches outside: leave it.
    if (inside.some((h) => h.name === name || h.end - h.start === end - start) || found.some((h) => h.start < end && h.end > end)) continue;
    for (const h of inside) drop.add(h);
    out.push({ start, end, type: AWARD_END.test(name) ? 'Award' : 'Title', name, ...(/(?:19|20)\d{2}年/.test(m[2] ?? '') ? { year: Number(/((?:19|20)\d{2})年/.exec(m[2]!)![1]) } : {}), ...(/^(全国|中国|中华)/.test(name) ? { level: 'national' as const } : {}), cue: 'unquoted' });
  }
  // The same name written elsewhere (in a document's title: 《关于公布2024年X的通知》) is the same honour.
  for (const h of [...out]) {
    for (let at = text.indexOf(h.name); at >= 0; at = text.indexOf(h.name, at + 1)) {
      const end = at + h.name.length;
      if (out.some((o) => o.start < end && o.end > at) || found.some((f) => f.start < end && f.end > end)) continue;
      // A shorter reading inside it (2024年大国工匠|培育对象) gives way, its year with it.
      const partial = found.filter((f) => f.end > at && f.end <= end && !drop.has(f));
      if (partial.some((f) => f.start < at && !/^(?:19|20)\d{2}年度?[“「]?$/.test(text.slice(f.start, at)))) continue;
      for (const f of partial) drop.add(f);
      const first = Math.min(at, ...partial.map((f) => f.start));
      out.push({ ...h, start: first, end, year: partial.find((f) => f.year !== undefined)?.year });
    }
  }
  return out;
}

/** 最美产业工人, 十佳乡村医生: honours made of a superlative and the holder's kind, quoted or not. */
const SUPERLATIVE = /(最美|十佳|十大)[\u4e00-\u9fff]{1,7}/g;
/** What makes a superlative phrase a description rather than the honour: 最美职工精神, 最美的风景. */
const NOT_AFTER_SUPERLATIVE = /^(精神|故事|风采|形象|瞬间|风景|事迹|身影|画面|模样|面孔)/;

function superlativeHonours(doc: Doc, toks: TokenIndex, found: readonly HonourMention[], lexiconHonour: (name: string) => boolean): HonourMention[] {
  const text = doc.text;
  const out: HonourMention[] = [];
  if (!/(最美|十佳|十大)/.test(text)) return out;
  for (const m of text.matchAll(SUPERLATIVE)) {
    // The shortest reading that ends like an honour where a word ends: 最美产业工人|发布仪式.
    let name: string | undefined;
    for (let n = 3; n <= m[0].length; n++) {
      const cand = m[0].slice(0, n);
      if (HONOURISH.test(cand) && !/^(最美|十佳|十大)(的|是|在|和)/.test(cand) && (toks.boundary(m.index + n) || m.index + n === text.length)) {
        name = cand;
        // Prefer the longer word when the next characters keep the kind going (最美乡村教师, not 最美乡村教).
        if (!HONOURISH.test(m[0].slice(0, n + 1)) && !HONOURISH.test(m[0].slice(0, n + 2))) break;
      }
    }
    if (!name) continue;
    const start = m.index;
    const end = start + name.length;
    if (NOT_AFTER_SUPERLATIVE.test(text.slice(end, end + 2)) || found.some((f) => f.start < end && f.end > start) || out.some((o) => o.start < end && o.end > start)) continue;
    if (lexiconHonour(name)) continue;
    const place = placeBefore(doc, toks, start);
    const bare = place ? undefined : BARE_LEVEL_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
    const prefix = bare?.[2];
    // Not the tail of a longer name (某市好人·最美女性), and said to be an honour: placed, quoted, counted or conferred.
    const from = place ? start - place.length : start;
    const lead = text.slice(Math.max(0, from - 8), from);
    if (/[·\u4e00-\u9fff]$/.test(lead) && !/([获授评为在和及、对向将的是]|届|年度?|全国|\d[名位个人])$/.test(lead)) continue;
    const context = place || prefix || (/[“「]$/.test(lead) && /[”」]/.test(text[end] ?? "") && !/^(专题|摄影|展|晚会|宣讲|故事|活动|主题|特别)/.test(text.slice(end + 1, end + 3))) || /(获评|荣获|授予|命名为|评为|当选|入选|获得|\d+[名位])$/.test(lead) || /^[”」]?(称号|荣誉|名单|榜单|评选|发布|获得者|分别|代表|的?评选)/.test(text.slice(end, end + 4));
    if (!context) continue;
    const year = yearBefore(text, place ? start - place.length : start);
    out.push({
      start: year?.start ?? (place ? start - place.length : start),
      end,
      type: AWARD_END.test(name) ? 'Award' : 'Title',
      name: place ? place + name : prefix ? prefix + name : name,
      ...(place ? { place } : {}),
      ...(prefix ? { placePrefix: prefix, level: PREFIX_LEVEL[prefix] } : place ? { level: levelOf(place + name) } : {}),
      year: year?.year,
      cue: 'superlative',
    });
  }
  // A bare mention where the document also names it with a place is that honour.
  const placed = out.filter((h) => h.place || h.placePrefix);
  return out.map((h) => {
    if (h.place || h.placePrefix) return h;
    const twin = placed.find((p) => p.name.endsWith(h.name));
    return twin ? { ...h, name: twin.name, ...(twin.place ? { place: twin.place } : {}), ...(twin.placePrefix ? { placePrefix: twin.placePrefix } : {}), ...(twin.level ? { level: twin.level } : {}) } : h;
  });
}

/** A medal or an award certificate, named by its ending: 金莲花荣誉勋章, 开发建设新疆奖章, 富民兴鲁劳动奖状. */
const MEDAL = /[\u4e00-\u9fff]{2,12}?(勋章|奖章|奖状|纪念章)/g;
/** Where a medal's name cannot start: after these its name begins (获|授予|颁发…金莲花荣誉勋章). */
const MEDAL_LEAD = /^(.*(?:获得|荣获|获颁|获授|授予|颁授|颁发|颁给|表彰|根据|推荐|接下|捧得|领取|佩戴|拿下|手中|获|和|及|与|、|的|为|向|了|等|名|位|个|人|年度|年|届|共|在|从|把|将|对))/;

function medalNames(text: string, found: readonly HonourMention[], lexiconHonour: (name: string) => boolean): HonourMention[] {
  const out: HonourMention[] = [];
  if (!/(勋章|奖章|奖状|纪念章)/.test(text)) return out;
  for (const m of text.matchAll(MEDAL)) {
    // The run of Han characters before the ending, cut after the last verb, conjunction or count in it.
    let start = m.index;
    while (start > 0 && start > m.index - 14 && /[\u4e00-\u9fff]/.test(text[start - 1]!)) start--;
    const end = m.index + m[0].length;
    const lead = MEDAL_LEAD.exec(text.slice(start, end - m[1]!.length));
    if (lead) start += lead[1]!.length;
    const name = text.slice(start, end);
    if (name.length < 4 || lexiconHonour(name) || found.some((f) => f.start < end && f.end > start) || out.some((o) => o.start < end && o.end > start)) continue;
    // A generic word before the ending is no name (颁发奖章, 这枚奖章, 劳动奖章 alone).
    if (/^(这枚|该|此|一枚|各类|各级|多项|荣誉|劳动|五一|纪念|金质|银质|职业|个人|集体)?(奖章|奖状|勋章|纪念章)$/.test(name) || /^(劳动|五一劳动)(奖章|奖状)$/.test(name)) continue;
    // A bare 省/市 before the name is the article's (省富民兴鲁劳动奖章 in a Shandong article).
    const prefix = /^(省|市)(?![委政])/.exec(name)?.[1];
    out.push({ start, end, type: 'Award', name, ...(prefix ? { placePrefix: prefix, level: PREFIX_LEVEL[prefix] } : /^(全国|中国|中华)/.test(name) ? { level: 'national' as const } : levelOf(name) ? { level: levelOf(name)! } : {}), cue: 'medal' });
  }
  return out;
}

/** 全国五一劳动奖状、奖章和工人先锋号: an honour's ending coordinated after it names the sibling honour in full. */
const ELLIPSIS = /^([、和及与]|以及)(奖章|奖状|勋章|奖牌)/;

function ellipticalHonours(text: string, found: readonly HonourMention[]): HonourMention[] {
  const out: HonourMention[] = [];
  for (const h of found) {
    const tail = /(奖章|奖状|勋章|奖牌)$/.exec(h.name);
    if (!tail) continue;
    let at = h.end;
    while (/[”」』’]/.test(text[at] ?? '')) at++;
    const m = ELLIPSIS.exec(text.slice(at, at + 6));
    if (!m || m[2] === tail[1]) continue;
    const start = at + m[1]!.length;
    const end = start + m[2]!.length;
    if (found.some((f) => f.start < end && f.end > start)) continue;
    out.push({ ...h, start, end, name: h.name.slice(0, -tail[1]!.length) + m[2], year: h.year, cue: 'elliptical', type: 'Award' });
  }
  return out;
}

/** A list heading that names a quoted honour without its place: 一、优秀护士 under 江州市“优秀护士”. */
const HEADING_LINE = /^[一二三四五六七八九十\d]+[、.．]\s*[“「]?([\u4e00-\u9fff（）()·]{3,20}?)[”」]?(名单|获得者)?[:：]?$/;
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,4}?(省|市|区|县|州)(?=[\u4e00-\u9fff]{3})/;

function headingForms(doc: Doc, honours: readonly HonourMention[]): HonourMention[] {
  const cores = new Map<string, HonourMention>();
  for (const h of honours) {
    const place = PLACE_PREFIX.exec(h.name);
    if (place) cores.set(h.name.slice(place[0].length), h);
  }
  if (!cores.size) return [];
  const out: HonourMention[] = [];
  for (const s of doc.sentences) {
    const line = doc.text.slice(s.start, s.end);
    const m = HEADING_LINE.exec(line);
    const h = m && cores.get(m[1]!);
    if (!h) continue;
    const at = s.start + line.indexOf(m[1]!);
    out.push({ ...h, start: at, end: at + m[1]!.length, year: undefined, cue: 'heading' });
  }
  return out;
}

/** A place name right before offset `at` (a word jieba or the lexicon knows as a place, ending in 省/市/区/县/州). */
function placeBefore(doc: Doc, toks: TokenIndex, at: number): string | undefined {
  const lx = lexicon();
  let t = toks.endsAt(at);
  if (!t) return undefined;
  let word = t.word;
  let tag = t.tag;
  // jieba may cut the suffix off (武进|区): the place word before it carries the tag.
  if (/^[省市区县州]$/.test(word)) {
    const before = toks.endsAt(t.start);
    if (!before) return undefined;
    word = before.word + word;
    tag = before.tag;
    t = before;
  }
  if (!/^[\u4e00-\u9fff]{2,6}$/.test(word) || !/(省|市|区|县|州)$/.test(word)) return undefined;
  const stem = word.slice(0, -1);
  if (tag === 'ns' || lx.provinceByForm.has(stem) || lx.cityProvince.has(stem)) return word;
  // jieba tags many districts and counties as names (武进区/nr): their form is enough.
  return /^[\u4e00-\u9fff]{2,3}[区县]$/.test(word) && !GENERIC_AREA.test(word) ? word : undefined;
}

/** Words ending like a district that name none: 全区, 社区, 开发区. */
const GENERIC_AREA = /(全|本|各|该|社|小|园|城|辖|景|郊|新|山|矿|灾|库|牧|老|特|专|街|片|地|开发|市|示范|保护|试验|功能|服务|行政|管理)[区县]$/;

/** The level a quoted name's own place gives it: 江州市先进… is municipal, 湖北省… provincial. */
function levelOf(name: string): HonourMention['level'] | undefined {
  const lx = lexicon();
  for (let n = Math.min(6, name.length - 1); n >= 2; n--) {
    const head = name.slice(0, n);
    if (lx.provinceByForm.has(head.replace(/省$/, ''))) return 'provincial';
    if (/市$/.test(head) && lx.cityProvince.has(head.slice(0, -1))) return 'municipal';
  }
  return undefined;
}
