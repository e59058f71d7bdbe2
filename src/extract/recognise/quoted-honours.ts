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
const HONOURISH = /(奖章|奖状|奖牌|勋章|奖|工匠|名匠|巨匠|匠人|能手|标兵|模范|劳模|红旗手|带头人|之星|卫士|楷模|人物|好人|职工|劳动者|建设者|员工|先锋号|先锋|英雄|大师|名师|技师|人才|女性|母亲|家庭|工作者|生产者|个人|集体|班组|单位|企业|示范岗|金蓝领|蓝领|农民工|劳工|移工|公务员|党员|干部|青年|巾帼|园丁|教师|医生|护士|培育对象|（[^）]{1,6}）)$/;
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
  const drop = new Set<HonourMention>();
  const all = quotedNames(text, lexiconHonour);
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
    for (const c of chain) {
      const inside = known.filter((h) => h.start >= c.open && h.end <= c.end + 1);
      // The lexicon found the whole name (“全国劳动模范”): nothing to add.
      if (inside.some((h) => text.slice(h.start, h.end).replace(/^[“「『‘]/, '').replace(/^(?:19|20)\d{2}年度?[“「『‘]?/, '') === c.name)) continue;
      // A level or place before the quote belongs to the lexicon's reading (全国“工人先锋号”): keep it.
      if (known.some((h) => h.start < c.open && h.end > c.open)) continue;
      for (const h of inside) drop.add(h);
      const full = place && !c.name.startsWith(place) ? place + c.name : c.name;
      const start = place && c === chain[0] && text.startsWith(place, c.open - place.length) ? c.open - place.length : c.open;
      const year = c.year !== undefined ? { year: c.year, start } : yearBefore(text, start);
      const level = /^(全国|中国|中华)/.test(full) ? 'national' : levelOf(full);
      out.push({
        start: year?.start ?? start,
        end: c.end,
        type: AWARD_END.test(c.name) ? 'Award' : 'Title',
        name: full,
        ...(place ? { place } : {}),
        ...(level ? { level } : {}),
        year: year?.year,
        cue: 'quoted',
      });
    }
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

const COORDINATION = /^[”」』’](和|、|及|与|以及)$/;

/** Every quoted name that could be an honour, with whether its context says it is one. */
function quotedNames(text: string, lexiconHonour: (name: string) => boolean): QuotedName[] {
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
    // Honours the lexicon knows are its to read, with their level (30名“人民满意的公务员” inherits 北京市).
    if (lexiconHonour(name)) continue;
    const lead = text.slice(Math.max(0, i - 8), i);
    if (EPITHET_BEFORE.test(lead)) continue;
    const after = AFTER_HONOUR.test(text.slice(end + 1, end + 7));
    const before = BEFORE_HONOUR.test(lead);
    out.push({ open: i, end, name, ...(inner ? { year: Number(inner[1]) } : {}), honour: after || (before && HONOURISH.test(name)) });
    i = end;
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
