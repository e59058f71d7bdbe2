import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/extract/stages/normalise.js';
import { nodejiebaCutter, offsetsCutter, segment } from '../../../src/extract/stages/segment.js';
import { sentences } from '../../../src/extract/stages/sentences.js';
import { situate } from '../../../src/extract/stages/situate.js';
import { article, prepared } from '../../helpers/doc.js';

describe('segment', () => {
  it('gives tokens with offsets into the text, keeping honours and offices whole', () => {
    const d = segment(sentences(normalise(article('全国劳动模范、青州市总工会党组书记孙立群出席会议。'))));
    for (const t of d.tokens) expect(d.text.slice(t.start, t.end)).toBe(t.word);
    const words = d.tokens.map((t) => t.word);
    expect(words).toContain('全国劳动模范');
    expect(words).toContain('党组书记');
    expect(d.tokens.every((t, i) => i === 0 || t.start >= d.tokens[i - 1]!.end)).toBe(true);
  });

  it("cuts with Laurel's addon exactly where nodejieba.cut does, in UTF-16 offsets", () => {
    const addon = offsetsCutter();
    if (!addon) throw new Error('the segmenter addon is not built (src/extract/native/build): run `npm run install`');
    const nodejieba = nodejiebaCutter();
    const seedsDir = new URL('../../../seeds/', import.meta.url);
    const texts = readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, seedsDir), 'utf8'));
    // Characters outside the BMP take two UTF-16 units; spaces, tabs and line breaks are words too.
    texts.push('𠮷野家的\t员工𠀀张三，\n在 2024年获得“五一劳动奖章”。');
    for (const text of texts) {
      const a = Array.from(addon(text));
      expect(a).toEqual(Array.from(nodejieba(text)));
      expect(a.at(-1)).toBe(text.length);
    }
  });
});

describe('situate', () => {
  it('takes the date from a page header', () => {
    expect(prepared('2023年4月28日 星期五\n\n本报讯 今年，青岛市有12人获奖。').setting).toMatchObject({ year: 2023, date: '2023-04-28' });
  });

  it('takes the year the text names most when there is no dateline, ignoring birth years', () => {
    const d = prepared('出生于1958年的他，2019年获评劳模。2019年全市表彰100人，2020年继续推进，2019年度总结。');
    expect(d.setting.year).toBe(2019);
  });

  it('prefers metadata', () => {
    expect(prepared('2019年的事。', { date: '2024-05-01', place: '江苏省苏州市' }).setting).toMatchObject({ year: 2024, province: '江苏省', city: '苏州市' });
  });

  it('finds the province and city the article is written from', () => {
    const d = prepared('本报讯 宁波市总工会日前在宁波召开会议。浙江省总工会要求，全省各级工会……宁波市将举办竞赛。');
    expect(d.setting).toMatchObject({ province: '浙江省', city: '宁波市' });
  });

  it('treats a municipality as both province and city, and 首都 as Beijing', () => {
    expect(prepared('首都职工在首都各条战线建功立业。').setting).toMatchObject({ province: '北京市', city: '北京市' });
  });
});
