/**
 * News organisations: newspapers, news sites and apps. A newspaper's name
 * ends like one (…日报, …晚报: the suffix finder reads those); a site's or
 * an app's (…网, …在线, …客户端) ends in words too common to trust anywhere,
 * so they are read only where the page itself says a medium is named: the
 * national names every reader knows, and names in source lines
 * (来源：江州网), datelines (江州网九江5月3日电, 江州网讯) and bylines
 * (江州日报记者, 据江州晚报消息).
 */
import type { Doc } from '../../document.js';
import { lexicon } from '../../lexicon.js';
import { isHanUnit, type TokenIndex } from '../../text.js';
import type { OrgMention } from '../organisations.js';

/** What may follow a medium's name glued to it by jieba (中工|网讯). */
const AFTER_NAME = /^(讯|电|消息|记者|报道|报导|评论员|通讯员)/;
/** Byline words between a medium's name and 记者: 驻穗, 全媒体, 特约 … */
const REPORTER = /^(?:驻[\u4e00-\u9fff]{1,3})?(?:全媒体|融媒体|特约|首席|见习)?记者/;

function mention(doc: Doc, start: number, end: number, cue: string): OrgMention {
  return { start, end, type: 'Organization', name: doc.text.slice(start, end), cue, suffixStart: end };
}

/** A name that reads as a medium's: 2–14 Han characters ending in 网, 报, 在线 … and not 本报, 新闻网. */
export function mediaName(name: string): boolean {
  const lx = lexicon();
  if (name.length < 2 || name.length > 14 || lx.media.notNames.has(name)) return false;
  for (let i = 0; i < name.length; i++) if (!isHanUnit(name.charCodeAt(i))) return false;
  const ending = lx.media.endings.endingAt(name, name.length);
  return !!ending && ending.length < name.length && !lx.genericModifiers.startingAt(name, 0);
}

/** 人民网, 中工网, 光明日报: the national media of the lexicon, as whole words (not 中国网|络). */
export function knownMedia(doc: Doc, toks: TokenIndex): OrgMention[] {
  const text = doc.text;
  const out: OrgMention[] = [];
  for (const name of lexicon().media.national) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) {
      const end = i + name.length;
      if (toks.boundary(i) && (toks.boundary(end) || AFTER_NAME.test(text.slice(end, end + 3)))) out.push(mention(doc, i, end, 'media:national'));
    }
  }
  return out;
}

const SOURCE = /(?:来源|稿源|转自|出处)\s*[:：]/g;
/** Where a source line's list of media ends: a break, a space, a clause mark, a digit (the date). */
const SOURCE_END = /[\s|｜，,。；;:：\d]|作者|编辑|责编|记者|发布|时间|点击|浏览|阅读/;
const ITEM_SEPARATOR = /(-+|—+|\/|、)/;

/** 来源：江州网-九江日报, 稿源:江州云, 转自:《江州晚报》: every medium the line names. */
export function sourceLineMedia(doc: Doc): OrgMention[] {
  const text = doc.text;
  const out: OrgMention[] = [];
  // Source lines are few: one scan for the anchor words, then a look at the line after each.
  for (const anchor of text.matchAll(SOURCE)) {
    let at = anchor.index + anchor[0].length;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    const line = text.slice(at, at + 40);
    const stop = SOURCE_END.exec(line);
    // A list cut by the window, not ended, is not read.
    if (!stop && line.length === 40) continue;
    const items = line.slice(0, stop ? stop.index : line.length);
    let from = 0;
    for (const part of items.split(ITEM_SEPARATOR)) {
      const start0 = at + from;
      from += part.length;
      if (ITEM_SEPARATOR.test(part)) continue;
      const inner = part.replace(/^[《“"「]+/, '');
      const start = start0 + part.length - inner.length;
      const item = inner.replace(/[》”"」]+$/, '').replace(/(?<=报)客户端$/, '');
      const n = mediaName(item) || unknownName(item) ? item.length : mediaPrefix(item);
      if (n) out.push(mention(doc, start, start + n, 'media:source'));
    }
  }
  return out;
}

/** 中工网十一前夕: a source run into the text after it (a joined line) is the medium at its start. */
function mediaPrefix(item: string): number {
  for (let n = item.length - 1; n >= 2; n--) if (mediaName(item.slice(0, n))) return n;
  return 0;
}

/** 江州云: a short name jieba does not know as a common word names a medium in a source line. */
function unknownName(name: string): boolean {
  const lx = lexicon();
  if (name.length > 6 || lx.media.notNames.has(name) || !/^[\u4e00-\u9fff]+$/.test(name)) return false;
  const entry = lx.word(name);
  return !entry || entry.freq < 50;
}

const DATE_AFTER = /^\d{1,2}月\d{1,2}日(?:电|讯|消息|\s*[(（])/;
const NEWS_AFTER = /^(?:讯|电|消息)/;

/**
 * A line opening with a medium: 江州网九江5月3日电, 九江在线5月3日讯, 江州日报讯,
 * 江州网消息. The name ends where a place or the date begins.
 */
export function datelineMedia(doc: Doc): OrgMention[] {
  const text = doc.text;
  const out: OrgMention[] = [];
  for (let line = 0; line < text.length; line = text.indexOf('\n', line) + 1 || text.length) {
    let at = line;
    while (at < text.length && /[\s【(（]/.test(text[at]!) && text[at] !== '\n') at++;
    let end = at;
    while (end < text.length && end - at < 20 && /[\u4e00-\u9fff]/.test(text[end]!)) end++;
    const head = text.slice(at, end);
    const after = text.slice(end, end + 12);
    // 江州日报讯 / 江州网消息: the name runs up to 讯 or 消息.
    const news = /(讯|电|消息)$/.exec(head);
    if (news && mediaName(head.slice(0, -news[0].length))) {
      out.push(mention(doc, at, end - news[0].length, 'media:dateline'));
      continue;
    }
    if (!DATE_AFTER.test(after) && !(NEWS_AFTER.test(after) && mediaName(head))) continue;
    // The shortest start of the head that is a medium's name with only a place after it.
    for (let n = 2; n <= head.length; n++) {
      const rest = head.slice(n);
      if (mediaName(head.slice(0, n)) && (rest === '' || placeWord(rest))) {
        out.push(mention(doc, at, at + n, 'media:dateline'));
        break;
      }
    }
  }
  return out;
}

function placeWord(w: string): boolean {
  const lx = lexicon();
  return lx.provinceByForm.has(w) || lx.cityProvince.has(w.replace(/市$/, '')) || lx.cityAliases.has(w) || lx.word(w)?.tag === 'ns';
}

/** Where a name before 记者 starts: after punctuation, a line break, a bracket or 据. */
const NAME_START = /[\s,，。、；;:：!！?？()（）【】\[\]“”"'《》/\-—|·据]/;

/** 江州日报记者, 九江网驻京记者, 【江州新闻报道】, 据江州晚报消息: a medium that signs or is cited. */
export function bylineMedia(doc: Doc): OrgMention[] {
  const text = doc.text;
  const out: OrgMention[] = [];
  const anchors = ['记者', '消息', '报道', '报导'];
  for (const word of anchors) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
      let end = i;
      if (word === '记者') {
        // Back over 驻穗, 全媒体, 特约 … to the name.
        for (let k = Math.max(0, i - 6); k < i; k++) {
          if (REPORTER.exec(text.slice(k, i + 2))?.[0].length === i + 2 - k) {
            end = k;
            break;
          }
        }
      }
      let start = end;
      while (start > 0 && end - start < 14 && !NAME_START.test(text[start - 1]!)) start--;
      // 消息 and 报道 name a medium only when cited (据…) or headed (【…报道】).
      if (word !== '记者' && !/[据【]/.test(text[start - 1] ?? '')) continue;
      const name = text.slice(start, end);
      if (mediaName(name)) out.push(mention(doc, start, end, 'media:byline'));
    }
  }
  return out;
}
