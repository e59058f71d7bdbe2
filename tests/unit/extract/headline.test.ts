/** The headline an article without a title in its metadata is named by. */
import { describe, expect, it } from 'vitest';
import { headline } from '../../../src/extract/headline.js';
import { extractArticle } from '../../../src/extract/pipeline.js';

describe('headline', () => {
  it('is the first line that reads as a headline, past the page furniture above it', () => {
    const page = ['', '2025年5月1日·星期四', 'E-mail:news@example.com', '本版编辑 某某 | 校对 某某', '07', '(上接第6版)', '', '匠心筑梦 技能报国', '', '本报讯 日前，某市总工会召开大会。'].join('\n');
    expect(headline(page)).toBe('匠心筑梦 技能报国');
    expect(headline('## 劳模工匠进校园\n\n本报讯（记者 某某）近日，宣讲活动举行。')).toBe('劳模工匠进校园');
  });

  it('is absent when the text opens with its body: a dateline or a running sentence', () => {
    expect(headline('本报讯 记者某某报道\n日前，某市总工会召开会议。')).toBeUndefined();
    expect(headline('日前，某市总工会召开专题会议，传达学习会议精神。')).toBeUndefined();
  });

  it('names an extracted article that has no title of its own, and leaves a given title alone', () => {
    const text = '技能报国 奋斗有我\n\n本报讯 某某公司技师张伟今年获得“全国劳动模范”荣誉称号。';
    expect(extractArticle({ id: 'h1', text, meta: {} }).article.meta.title).toBe('技能报国 奋斗有我');
    expect(extractArticle({ id: 'h2', text, meta: { title: '给定的标题' } }).article.meta.title).toBe('给定的标题');
  });
});
