import { describe, expect, it } from 'vitest';
import { appositive } from '../../../../src/extract/relate/patterns/appositive.js';
import { foundBy } from '../../../helpers/doc.js';

describe('pattern: appositive', () => {
  it('reads a chain before a name: honours, bodies with offices, and offices continuing a body', () => {
    const found = foundBy([appositive], '全国劳动模范、江州市总工会党组书记、常务副主席王丽华出席并讲话。', { place: '江西省江州市' });
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|王丽华|全国劳动模范||', 'WORKS_FOR|王丽华|江州市总工会||党组书记、常务副主席']));
  });

  it('reads a team or workplace written between the body and a known office as part of the position, not past a clause word', () => {
    const found = foundBy([appositive], '另一名是江州远洋渔业有限公司围网船队海上指挥钱海生。', { place: '江西省江州市' });
    expect(found).toContain('WORKS_FOR|钱海生|江州远洋渔业有限公司||围网船队海上指挥');
    const clause = foundBy([appositive], '江州远洋渔业有限公司的船队由总指挥钱海生带领。', { place: '江西省江州市' });
    expect(clause.filter((f) => f.startsWith('WORKS_FOR'))).toEqual([]);
  });

  it('reads a caption: honour, 获得者——, then the chain and the name', () => {
    const text = '“全国五一劳动奖章”获得者——江州高原农业有限公司董事长达瓦顿珠，带领员工种菜。2018年度“江州工匠”荣誉称号获得者——尼玛扎西，坚守岗位25年。';
    const found = foundBy([appositive], text, { date: '2019-04-30', place: '江西省江州市' });
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^RECEIVED\|达瓦顿珠\|全国五一劳动奖章\|/), 'WORKS_FOR|达瓦顿珠|江州高原农业有限公司||董事长', 'HOLDS_TITLE|尼玛扎西|江州工匠|2018|']));
  });

  it('does not take across a comma the honour the clause before received (甲荣获X，某会主任乙)', () => {
    const found = foundBy([appositive], '江州工会副会长钱海生荣获银紫荆星章，江州工会联合会主任李立维出席。', { place: '江西省江州市' });
    expect(found.filter((f) => f.includes('|李立维|') && f.startsWith('RECEIVED'))).toEqual([]);
  });

  it('reads a council and its members (江州市议会议长A、市议员B)', () => {
    const found = foundBy([appositive], '江州市议会议长钱海生、市议员李立维到场支持。', { place: '台湾省江州市' });
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|钱海生|江州市议会||议长', 'WORKS_FOR|李立维|江州市议会||市议员']));
  });

  it('reads a headline byline: name, then honour and employer', () => {
    const found = foundBy([appositive], '钱文海 2024年度“江州工匠”、江州精密模具有限公司模具钳工组长\n\n技术创新永无止境。');
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|钱文海|江州精密模具有限公司||模具钳工组长', 'HOLDS_TITLE|钱文海|江州工匠|2024|']));
  });

  it('links the office 市长 to the city government', () => {
    const found = foundBy([appositive], '市委副书记、市长李文博主持会议。', { place: '山东省青岛市' });
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|李文博|青岛市委||副书记', 'WORKS_FOR|李文博|青岛市政府||市长']));
  });

  it('reads who a person is right after a name that opens a sentence (NAME，ORG+office、office，…)', () => {
    const found = foundBy([appositive], '覃国栋，柳州宏达重型汽车零部件有限公司总装车间班长、高级技师，多年扎根一线。');
    expect(found).toContain('WORKS_FOR|覃国栋|柳州宏达重型汽车零部件有限公司||总装车间班长、高级技师');
  });

  it('takes a short form in brackets after a body as its alias: the office starts past the bracket', () => {
    const found = foundBy([appositive], '南海电子科技有限公司（南海电子）工程师钱文海出席。南海电子今年扩产。');
    expect(found).toContain('WORKS_FOR|钱文海|南海电子科技有限公司||工程师');
  });

  it('does not read a list of places across 、 as employers (走进X中心、Y工作室)', () => {
    const found = foundBy([appositive], '代表们走进江州科技馆、江州市图书馆参观，讲解员吴海燕作了介绍。');
    expect(found.filter((k) => k.startsWith('WORKS_FOR|吴海燕|江州科技馆'))).toEqual([]);
  });
});

describe('pattern: name-then-office', () => {
  it('reads a body, a name and the office after it, and the names that follow with offices of their own', async () => {
    const { nameThenOffice } = await import('../../../../src/extract/relate/patterns/name-then-office.js');
    const found = foundBy([nameThenOffice], '貴賓包含了勞動部陳建國部長、王立德局長等官員。');
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|陈建国|劳动部||部長', 'WORKS_FOR|王立德|劳动部||局長']));
  });

  it('reads a city’s head named before the office as working for its government, never a province’s', async () => {
    const { nameThenOffice } = await import('../../../../src/extract/relate/patterns/name-then-office.js');
    const found = foundBy([nameThenOffice], '台南市今日表揚模範勞工。陳建國市長致詞，王立德副省長出席。', { place: '台湾省台南市' });
    expect(found.filter((f) => f.startsWith('WORKS_FOR'))).toEqual(['WORKS_FOR|陈建国|台南市政府||市長']);
  });
});

describe('offices in appositive chains', () => {
  it('reads a body ending in 党委 before a shorter office, and a job no lexicon lists between a body and a name', () => {
    const found = foundBy([appositive], '九江镇党委副书记鲍建华，九江建设集团有限公司焊接培训师杜广明出席。');
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|鲍建华|九江镇党委||副书记', 'WORKS_FOR|杜广明|九江建设集团有限公司||焊接培训师']));
  });
});
