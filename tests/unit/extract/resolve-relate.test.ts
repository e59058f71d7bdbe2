import { describe, expect, it } from 'vitest';
import { analysed, entityKeys, relationKeys } from '../../helpers/doc.js';

describe('resolve', () => {
  it('places a bare 区总工会 at the district named before it, and 市委 in the article city', () => {
    const d = analysed('本报讯 江宁区人大常委会副主任、区总工会主席刘建国出席。市委书记周正平讲话。', { place: '江苏省南京市' });
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Union:江宁区总工会', 'Organization:南京市委']));
    expect(d.entities.find((e) => e.name === '江宁区总工会')!.aliases).toContain('区总工会');
  });

  it('places a bare 镇工会 at the town named before it, not at the county', () => {
    const d = analysed('本报讯 古田县总工会日前走访慰问劳模。在大桥镇，镇工会主席黄志明陪同慰问。', { place: '福建省宁德市' });
    expect(entityKeys(d)).toContain('Union:大桥镇工会');
    expect(entityKeys(d)).not.toContain('Union:古田县工会');
  });

  it('never merges two different bodies written the same way', () => {
    const d = analysed(
      '本报讯 宝安区总工会副主席陈立强介绍了情况。\n\n本报讯 龙华区总工会日前举办活动，区总工会主席黄明远出席。',
    );
    expect(entityKeys(d)).toEqual(expect.arrayContaining(['Union:宝安区总工会', 'Union:龙华区总工会']));
    expect(relationKeys(d)).toContain('WORKS_FOR 黄明远→龙华区总工会');
    expect(relationKeys(d)).not.toContain('WORKS_FOR 黄明远→宝安区总工会');
  });

  it('makes an abbreviation an alias of the full name', () => {
    const d = analysed('南海能源集团有限责任公司党委书记陈大年表示，海能集团将加大投入。');
    const company = d.entities.find((e) => e.name === '南海能源集团有限责任公司')!;
    expect(company.aliases).toContain('海能集团');
    expect(entityKeys(d)).not.toContain('Company:海能集团');
  });

  it('keeps the traditional surface form as an alias', () => {
    const d = analysed('全國勞動模範、華南電力有限公司工程師陳志強出席。');
    const person = d.entities.find((e) => e.name === '陈志强')!;
    expect(person.aliases).toContain('陳志強');
  });
});

describe('relate', () => {
  it('reads an appositive chain: honours, bodies with offices, and offices continuing a body', () => {
    const d = analysed('全国劳动模范、江州市总工会党组书记、常务副主席王丽华出席并讲话。', { place: '江西省江州市' });
    expect(d.relations.map((r) => [r.type, r.from, r.to, r.position ?? ''].join('|'))).toEqual(
      expect.arrayContaining(['HOLDS_TITLE|王丽华|全国劳动模范|', 'WORKS_FOR|王丽华|江州市总工会|党组书记、常务副主席']),
    );
  });

  it('reads a headline byline: name, then honour and employer', () => {
    const d = analysed('钱文海 2024年度“江州工匠”、江州精密模具有限公司模具钳工组长\n\n技术创新永无止境。');
    const keys = d.relations.map((r) => [r.type, r.from, r.to, r.year ?? '', r.position ?? ''].join('|'));
    expect(keys).toEqual(expect.arrayContaining(['WORKS_FOR|钱文海|江州精密模具有限公司||模具钳工组长']));
    expect(keys.some((k) => k.startsWith('HOLDS_TITLE|钱文海|江州工匠|2024'))).toBe(true);
  });

  it('resolves 今年 against the article year, and 他 to the person before', () => {
    const d = analysed('焊工孙海涛技艺精湛。今年，他获得“全国五一劳动奖章”。', { date: '2024-05-01' });
    expect(d.relations.find((r) => r.type === 'RECEIVED')).toMatchObject({ from: '孙海涛', to: '全国五一劳动奖章', year: 2024 });
  });

  it('links the office 市长 to the city government', () => {
    const d = analysed('市委副书记、市长李文博主持会议。', { place: '山东省青岛市' });
    expect(relationKeys(d)).toEqual(expect.arrayContaining(['WORKS_FOR 李文博→青岛市委', 'WORKS_FOR 李文博→青岛市政府']));
  });

  it('reads who honours and who confers', () => {
    const d = analysed('近日，江州市总工会走访慰问全国劳动模范赵德明。省总工会印发《关于授予张建华等10人“江南工匠”称号的决定》。', {
      date: '2023-04-01',
      place: '江西省江州市',
    });
    expect(d.relations.map((r) => [r.type, r.from, r.to, r.year ?? ''].join('|'))).toEqual(
      expect.arrayContaining(['HONOURED_BY|赵德明|江州市总工会|2023', 'HOLDS_TITLE|赵德明|全国劳动模范|', 'CONFERRED_BY|江南工匠|江西省总工会|']),
    );
  });

  it('gives every relation the sentence that states it', () => {
    const d = analysed('全国劳动模范、江州精密模具有限公司高级技师钱文海出席。会议结束。');
    for (const r of d.relations) expect(d.text.slice(d.sentences[r.sentence]!.start, d.sentences[r.sentence]!.end)).toContain(r.from);
  });

  it('reads a Markdown table of honourees: each row a line, the employer and position from its cells, the honour from the list head', () => {
    const d = analysed(
      [
        '本报讯 江州市总工会日前命名陆志成等2名职工为2024年度“江州工匠”。',
        '',
        '## 获评名单',
        '',
        '| 序号 | 姓名 | 工作单位 | 岗位 |',
        '|---|---|---|---|',
        '| 1 | 陆志成 | 江州精工机械有限公司 | 数控车工 |',
        '| 2 | 何秀兰（女） | 江州市第一人民医院 | 护士长 |',
      ].join('\n'),
      { date: '2024-05-01', place: '江西省江州市' },
    );
    const keys = d.relations.map((r) => [r.type, r.from, r.to, r.position ?? '', r.year ?? ''].join('|'));
    expect(keys).toEqual(
      expect.arrayContaining([
        'WORKS_FOR|陆志成|江州精工机械有限公司|数控车工|',
        'WORKS_FOR|何秀兰|江州市第一人民医院|护士长|',
        'HOLDS_TITLE|何秀兰|江州工匠||2024',
      ]),
    );
  });

  it('carries a list of honourees past a bracketed note, with a sex noted after a name', () => {
    const d = analysed(
      [
        '2023年九江市五一劳动奖章获得者名单',
        '（共30名，本报刊发部分名单）',
        '',
        '万志军　　九江精工机械有限公司钳工',
        '何秀兰（女）　九江纺织有限公司挡车工',
      ].join('\n'),
      { date: '2023-04-20', place: '江西省九江市' },
    );
    expect(relationKeys(d)).toEqual(
      expect.arrayContaining([
        'RECEIVED 万志军→九江市五一劳动奖章',
        'RECEIVED 何秀兰→九江市五一劳动奖章',
        'WORKS_FOR 万志军→九江精工机械有限公司',
        'WORKS_FOR 何秀兰→九江纺织有限公司',
      ]),
    );
  });

  it('gives the honour of a count that introduces names (10名“江州工匠”是：…) to each of them', () => {
    const d = analysed('获得命名的2名“江州工匠”是：江州精工机械有限公司数控车工陆志成，江州纺织有限公司挡车工何秀兰。', {
      date: '2024-05-01',
      place: '江西省江州市',
    });
    expect(relationKeys(d)).toEqual(expect.arrayContaining(['HOLDS_TITLE 陆志成→江州工匠', 'HOLDS_TITLE 何秀兰→江州工匠']));
  });

  it('reads a short form in brackets right after a name as its alias, not part of it (X（Y）)', () => {
    const d = analysed('南海电子科技有限公司（南海电子）工程师钱文海出席。南海电子今年扩产。');
    const company = d.entities.find((e) => e.name === '南海电子科技有限公司')!;
    expect(company.aliases).toContain('南海电子');
    expect(entityKeys(d)).not.toContain('Company:南海电子');
    expect(d.relations.map((r) => [r.type, r.from, r.to, r.position ?? ''].join('|'))).toContain('WORKS_FOR|钱文海|南海电子科技有限公司|工程师');
  });

  it('reads an act done to a group through its first member: 授予X等30名职工…奖章', () => {
    const d = analysed('4月28日，甘肃省总工会召开表彰大会，授予何建军等30名职工2019年甘肃省五一劳动奖章。', { date: '2019-04-29' });
    expect(d.relations.map((r) => [r.type, r.from, r.to, r.year ?? ''].join('|'))).toEqual(
      expect.arrayContaining(['HONOURED_BY|何建军|甘肃省总工会|2019', 'RECEIVED|何建军|甘肃省五一劳动奖章|2019']),
    );
  });

  it('reads a list printed name by name under place headings, after 名单…如下：', () => {
    const d = analysed(
      [
        '为表彰先进，武汉市人民政府决定，授予180名同志“武汉市劳动模范”荣誉称号。现将部分受表彰人员名单按所在区摘登如下：',
        '',
        '江岸区',
        '陈志红（女）　武汉江滩园林工程有限公司养护班班长',
        '刘国栋　汉口江岸港务物流有限公司队长',
        '',
        '江汉区',
        '王晓峰　武汉汉正数码科技有限公司总工程师',
      ].join('\n'),
      { date: '2019-04-26' },
    );
    expect(relationKeys(d)).toEqual(
      expect.arrayContaining([
        'HOLDS_TITLE 陈志红→武汉市劳动模范',
        'HOLDS_TITLE 刘国栋→武汉市劳动模范',
        'HOLDS_TITLE 王晓峰→武汉市劳动模范',
        'WORKS_FOR 王晓峰→武汉汉正数码科技有限公司',
      ]),
    );
  });

  it('reads who a person is right after the name (NAME，ORG+office、office，…), with 今年 from a web page date', () => {
    const d = analysed('发布时间：2025-04-30 09:05\n\n覃国栋，柳州宏达重型汽车零部件有限公司总装车间班长、高级技师，2021年获全国五一劳动奖章，今年获评全国劳动模范。');
    expect(d.setting.year).toBe(2025);
    const keys = d.relations.map((r) => [r.type, r.from, r.to, r.position ?? '', r.year ?? ''].join('|'));
    expect(keys).toEqual(
      expect.arrayContaining([
        'WORKS_FOR|覃国栋|柳州宏达重型汽车零部件有限公司|总装车间班长、高级技师|',
        'HOLDS_TITLE|覃国栋|全国劳动模范||2025',
      ]),
    );
  });
});

