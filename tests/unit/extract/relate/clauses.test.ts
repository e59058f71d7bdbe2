import { describe, expect, it } from 'vitest';
import { clauses } from '../../../../src/extract/relate/patterns/clauses.js';
import { foundBy } from '../../../helpers/doc.js';

describe('pattern: clauses', () => {
  it('resolves 今年 against the article year, and 他 to the person before', () => {
    const found = foundBy([clauses], '焊工孙海涛技艺精湛。今年，他获得“全国五一劳动奖章”。', { date: '2024-05-01' });
    expect(found).toContain('RECEIVED|孙海涛|全国五一劳动奖章|2024|');
  });

  it('reads a passive with its agent: NAME被ORG授予“TITLE”称号', () => {
    const found = foundBy([clauses], '2021年，刘春梅被江西省妇女联合会授予“江西省三八红旗手”称号。');
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|刘春梅|江西省三八红旗手|2021|', 'HONOURED_BY|刘春梅|江西省妇女联合会|2021|']));
  });

  it('gives no honour to the person who presents it (NAME为10名“X”颁奖), but to one who is it (NAME为“X”)', () => {
    const presents = foundBy([clauses], '集团工会主席钱海生为10名“江州金牌工人”颁奖。', { date: '2017-06-13' });
    expect(presents.filter((f) => f.startsWith('HOLDS_TITLE'))).toEqual([]);
    const is = foundBy([clauses], '焊工李立维为“江州工匠”。', { date: '2017-06-13' });
    expect(is.filter((f) => f.startsWith('HOLDS_TITLE'))).toEqual(['HOLDS_TITLE|李立维|江州工匠||']);
  });

  it('does not carry the subject into a clause that names a group of its own (以及有多位成员获X)', () => {
    const found = foundBy([clauses], '江州工会副会长钱海生荣获铜紫荆星章，以及有多位成员获荣誉勋章。', { date: '2024-07-01' });
    expect(found.filter((f) => f.startsWith('RECEIVED'))).toEqual(['RECEIVED|钱海生|铜紫荆星章|2024|']);
  });

  it('reads NAME是ORG POSITION as an employer with its office', () => {
    const found = foundBy([clauses], '陈国华是江州精工机械有限公司的高级技师。');
    expect(found).toContain('WORKS_FOR|陈国华|江州精工机械有限公司||高级技师');
  });

  it('does not give the subject an honour others receive in a relative clause (向获得…的个人表示祝贺)', () => {
    const found = foundBy([clauses], '市长周立新向获得“全国劳动模范”荣誉称号的个人表示祝贺。');
    expect(found.filter((k) => k.startsWith('HOLDS_TITLE|周立新'))).toEqual([]);
  });
});

describe('pattern: clauses, coordinated subjects', () => {
  it('gives a predicate to every name of the coordination before it, a missed name between included', () => {
    const text = '九江市总工会向全社会发布2024年“九江最美职工”。\n王玉凤、申小惠、尼玛拉毛、邢少云和梁春荣等10名同志光荣入选。';
    const found = foundBy([clauses], text);
    for (const name of ['王玉凤', '申小惠', '邢少云', '梁春荣']) expect(found).toContain(`HOLDS_TITLE|${name}|九江最美职工|2024|`);
  });
});
