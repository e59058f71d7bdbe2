/**
 * Saved web pages: a news page written for this test, with navigation,
 * related links, comments and a footer around the article, extracts the
 * same facts as the article's text alone, with title, date and site from
 * the page's metadata; a page with no article body is named and skipped.
 * Names and places are invented.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { toSpecJson } from '../../../src/extract/contract.js';
import { isoDate, readHtmlPage } from '../../../src/extract/io/html.js';
import { ArticleReadError, readArticle } from '../../../src/extract/io/read-article.js';
import { extractArticle } from '../../../src/extract/pipeline.js';
import { envWith, requireBuild, run } from '../../helpers/cli.js';

const TITLE = '技能报国 匠心筑梦';
const PARAGRAPHS = [
  '本报讯（记者 林晓）4月28日，云岭市庆祝“五一”国际劳动节暨劳动模范表彰大会在市工人文化宫举行。',
  '云岭重工集团有限公司高级技师陈志远今年获得“全国劳动模范”荣誉称号。他从事焊接工作二十余年，带出徒弟三十多名。',
  '会上，云岭市总工会授予周丽华等10人“云岭市五一劳动奖章”。周丽华是云岭纺织有限公司车间主任。',
];
/** The article as a text file would hold it: the headline, then its paragraphs. */
const ARTICLE_TEXT = [TITLE, ...PARAGRAPHS].join('\n\n');

function page(charset: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="${charset}">
<title>${TITLE}_云岭日报</title>
<meta property="og:title" content="${TITLE}">
<meta property="og:site_name" content="云岭日报">
<meta property="article:published_time" content="2025-04-30T08:00:00+08:00">
<link rel="canonical" href="https://news.example.cn/2025/0430/1.html">
<script>window.stats = { page: "news" };</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">云岭日报</a>
  <nav class="menu"><ul>
    <li><a href="/">首页</a></li><li><a href="/news">新闻</a></li><li><a href="/labour">劳模风采</a></li><li><a href="/union">工会动态</a></li>
  </ul></nav>
</header>
<div class="breadcrumb">首页 &gt; 新闻 &gt; 正文</div>
<main>
  <article class="article">
    <h1>${TITLE}</h1>
    <div class="byline">来源：云岭日报 作者：林晓 <time datetime="2025-04-30">2025年04月30日</time></div>
    ${PARAGRAPHS.map((p) => `<p>\n      ${p.replace('他从事', '他从\n      事')}\n    </p>`).join('\n    ')}
  </article>
  <aside class="related-news">
    <h3>相关新闻</h3>
    <ul><li><a href="/a">全国劳动模范李大海：一辈子做好一件事</a></li><li><a href="/b">省总工会表彰一批先进集体</a></li></ul>
  </aside>
  <section id="comments" class="comment-list">
    <h3>网友评论</h3>
    <div class="comment"><span class="user">网友王小明</span><p>向全国劳动模范陈志远学习！</p></div>
    <div class="comment"><span class="user">网友赵敏</span><p>云岭市总工会做得好。</p></div>
  </section>
</main>
<footer class="site-footer">版权所有 云岭日报社 未经授权禁止转载 备案号：某ICP备00000000号</footer>
</body>
</html>`;
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laurel-html-'));
  writeFileSync(join(dir, 'news.html'), iconv.encode(page('gbk'), 'gbk'));
  writeFileSync(join(dir, 'news-utf8.htm'), page('utf-8'));
  // The text alone, with the metadata the page carries, as a text file would have it beside it.
  mkdirSync(join(dir, 'text'));
  writeFileSync(join(dir, 'text', 'news.txt'), ARTICLE_TEXT);
  writeFileSync(join(dir, 'text', 'news.meta.json'), JSON.stringify({ title: TITLE, date: '2025-04-30', newspaper: '云岭日报' }));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>云岭日报</title></head><body><nav><a href="/">首页</a> <a href="/n">新闻</a> <a href="/l">劳模风采</a></nav><footer>版权所有</footer></body></html>',
  );
});

describe('a saved news page', () => {
  it('reads as its article text alone, in the charset its meta declares, with title, date, site and address from its metadata', async () => {
    for (const file of ['news.html', 'news-utf8.htm']) {
      const a = await readArticle(join(dir, file));
      expect(a.text, file).toBe(ARTICLE_TEXT);
      expect(a.meta, file).toMatchObject({ title: TITLE, date: '2025-04-30', newspaper: '云岭日报', source: 'https://news.example.cn/2025/0430/1.html' });
    }
    expect((await readArticle(join(dir, 'news.html'))).encoding).toBe('GB18030');
  });

  it('extracts the same entities and facts, at the same offsets, as the text alone with the same metadata', async () => {
    const fromPage = extractArticle(await readArticle(join(dir, 'news.html')));
    const fromText = extractArticle(await readArticle(join(dir, 'text', 'news.txt')));
    const { doc: _page, ...pageSpec } = toSpecJson(fromPage);
    const { doc: _text, ...textSpec } = toSpecJson(fromText);
    expect(pageSpec).toEqual(textSpec);
    // Something to compare: the page's facts are there, and nothing from its comments or links.
    expect(fromPage.relations.length).toBeGreaterThan(0);
    const names = fromPage.entities.map((e) => e.name);
    expect(names).toContain('陈志远');
    for (const stranger of ['王小明', '赵敏', '李大海']) expect(names).not.toContain(stranger);
    for (const r of fromPage.relations) expect(fromPage.article.text.slice(r.evidence!.start, r.evidence!.end)).toBe(r.evidence!.sentence);
  });

  it('is refused, named, when it holds no article body', async () => {
    await expect(readArticle(join(dir, 'index.html'))).rejects.toThrow(ArticleReadError);
    await expect(readArticle(join(dir, 'index.html'))).rejects.toThrow(/no article body found/);
  });
});

describe('page dates', () => {
  it('reads the forms pages write', () => {
    expect(isoDate('2025-04-30T08:00:00+08:00')).toBe('2025-04-30');
    expect(isoDate('2025/4/3 10:20')).toBe('2025-04-03');
    expect(isoDate('2025年4月30日')).toBe('2025-04-30');
    expect(isoDate('2025-13-01')).toBeUndefined();
    expect(isoDate('发布时间未知')).toBeUndefined();
  });

  it('comes from <time> when no meta tag gives it', () => {
    const html = `<html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><article><h1>${TITLE}</h1><time datetime="2024-05-01">2024年5月1日</time>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(readHtmlPage(Buffer.from(html)).meta.date).toBe('2024-05-01');
  });
});

describe('laurel extract on a folder of pages', () => {
  it('extracts the pages with the text files and names the page without a body', async () => {
    requireBuild();
    const r = await run(['extract', dir], envWith());
    const docs = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { doc: string }).doc);
    expect(docs).toEqual(['news-utf8', 'news', 'news']);
    expect(r.stderr).toMatch(/index\.html: no article body found/);
    expect(r.code).toBe(1);
  });
});
