/**
 * Saved web pages as articles: a decoding step, like the text encodings.
 * The page's bytes are decoded with the charset its <meta> declares (else
 * detected as for text files), the article body is found by Mozilla's
 * Readability (over linkedom's DOM) and written out as plain text, one
 * paragraph per block, headed by the title; the title, date, site name and
 * address come from the page's metadata. Offsets of mentions and evidence
 * then point into that text, which is what the graph stores as the article.
 */
import { Readability } from '@mozilla/readability';
import iconv from 'iconv-lite';
import { parseHTML } from 'linkedom';
import type { ArticleMeta } from '../contract.js';
import { decodeText } from './read-article.js';

export const HTML_EXTENSIONS = ['.html', '.htm'];

export interface HtmlArticle {
  text: string;
  meta: ArticleMeta;
  encoding: string;
}

/** Fewer Han characters than this in the body: not an article (an index, a login page). */
const MIN_BODY_HAN = 20;

/** Reads a saved page; throws with a reason a user can act on when it holds no article. */
export function readHtmlPage(bytes: Buffer): HtmlArticle {
  const { html, encoding } = decodeHtml(bytes);
  const { document } = parseHTML(html);
  // Metadata first: Readability takes the document apart as it works.
  const meta = pageMeta(document);
  // Chinese says in 100 characters what English says in 500 (Readability's default
  // threshold); below it Readability retries on the whole page and keeps the byline.
  const found = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  const body = found?.content ? blocksToText(found.content) : '';
  if (hanCount(body) < MIN_BODY_HAN) throw new Error('no article body found in the page (an index, a list of links or an empty page?)');
  const title = meta.title ?? clean(found?.title ?? '');
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { text, meta: { ...meta, ...(title ? { title } : {}) }, encoding };
}

/** A byte-order mark, else the charset the page declares in its first 2 KB, else detection as for text. */
function decodeHtml(bytes: Buffer): { html: string; encoding: string } {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1] ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset\s*=\s*([\w-]+)/i.exec(head)?.[1];
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && !hasBom && iconv.encodingExists(declared)) {
    // GB2312 and GBK pages routinely use characters only GB18030 (their superset) names.
    const name = /^(gb2312|gbk|x-gbk|gb18030)$/i.test(declared) ? 'GB18030' : declared;
    const html = iconv.decode(bytes, name);
    if (!html.includes('\ufffd')) return { html, encoding: name };
  }
  const decoded = decodeText(bytes);
  return { html: decoded.text, encoding: decoded.encoding };
}

/** Title, date, site and address from the page's <meta> tags (Open Graph, article:*, common names) and <time>. */
function pageMeta(document: ReturnType<typeof parseHTML>['document']): ArticleMeta {
  const metaContent = (...keys: string[]): string | undefined => {
    for (const key of keys) {
      for (const el of document.querySelectorAll('meta')) {
        const name = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
        const content = el.getAttribute('content');
        if (name && content && name.toLowerCase() === key.toLowerCase() && content.trim()) return clean(content);
      }
    }
    return undefined;
  };
  const title = metaContent('og:title', 'twitter:title', 'title') ?? (clean(document.querySelector('title')?.textContent ?? '') || undefined);
  const dateText =
    metaContent('article:published_time', 'og:published_time', 'datePublished', 'publishdate', 'pubdate', 'publish_date', 'dc.date', 'dc.date.issued', 'date') ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    document.querySelector('time')?.textContent ??
    undefined;
  const date = dateText ? isoDate(dateText) : undefined;
  const newspaper = metaContent('og:site_name', 'application-name', 'publisher');
  const url = metaContent('og:url') ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  return {
    ...(title ? { title } : {}),
    ...(date ? { date } : {}),
    ...(newspaper ? { newspaper } : {}),
    ...(url && /^https?:\/\//.test(url) ? { source: url } : {}),
  };
}

/** 2025-04-30T08:00:00+08:00, 2025/4/30, 2025年4月30日 → 2025-04-30 (or as much as is given). */
export function isoDate(s: string): string | undefined {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?/.exec(s);
  if (!m) return /^\s*((?:19|20)\d{2})\s*$/.exec(s)?.[1];
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : undefined;
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return undefined;
  return [m[1], String(month).padStart(2, '0'), ...(day ? [String(day).padStart(2, '0')] : [])].join('-');
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * The body's text, a paragraph per block, blank lines between them (a single
 * line break reads as a newspaper column break to the pipeline). White space
 * inside a block collapses as a browser shows it, except that a line break
 * in the source between two Chinese characters disappears instead of
 * becoming a space.
 */
function blocksToText(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = clean(current);
    if (p) paragraphs.push(p);
    current = '';
  };
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.nodeName === 'SCRIPT' || node.nodeName === 'STYLE') return;
    if (node.nodeName === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(node.nodeName);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child as typeof node);
    if (block) flush();
  };
  walk(document.body as unknown as Parameters<typeof walk>[0]);
  flush();
  return paragraphs.join('\n\n');
}

const WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f';
const WRAP_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\t\\r]*\\n\\s*(?=[${WIDE}])`, 'g');

function clean(s: string): string {
  return s
    .replace(/\u00a0/g, ' ')
    .replace(WRAP_BETWEEN_WIDE, '')
    .replace(/[ \t\r\n\f]+/g, ' ')
    .trim();
}

function hanCount(s: string): number {
  return s.match(/[\u3400-\u9fff\uf900-\ufaff]/g)?.length ?? 0;
}
