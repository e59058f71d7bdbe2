import { describe, expect, it } from 'vitest';
import { analysed, entityKeys } from '../../helpers/doc.js';

describe('quoted honours', () => {
  it('reads a quoted name the text treats as an honour (称号, 名单, 授予, a count) as a Title or an Award', () => {
    const d = analysed('九江市妇联决定授予刘秀英等10人2019年度“九江好人·最美女性”荣誉称号。10位“九江最美职工”分别是：陈建国、王丽华。九江市总工会颁发“九江金牌工人奖”。');
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Title:九江好人·最美女性', 'Title:九江最美职工']));
  });

  it('takes a quoted honour whole, brackets included, over a lexicon honour inside it', () => {
    const d = analysed('授予王建华等30人“九江市先进生产(工作)者”称号，授予李明等5人“全国青年岗位能手标兵”称号。');
    const names = d.entities.filter((e) => e.type === 'Title').map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['九江市先进生产（工作）者', '全国青年岗位能手标兵']));
    expect(names).not.toContain('全国青年岗位能手');
  });

  it('gives a coordination of quoted honours the place before the first (九江区“十佳护士长”、“十佳护士”名单)', () => {
    const d = analysed('九江区“十佳护士长”、“十佳护士”名单');
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Title:九江区十佳护士长', 'Title:九江区十佳护士']));
  });

  it('leaves slogans, events, epithets and campaigns alone', () => {
    const d = analysed('以“劳动最光荣”为主题的“五一”国际劳动节活动上，有着“女焊神”称号的王芳参加“寻找九江工匠”活动。');
    expect(d.entities.filter((e) => e.type === 'Title' || e.type === 'Award')).toEqual([]);
  });
});
