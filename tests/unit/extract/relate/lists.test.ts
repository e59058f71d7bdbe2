import { describe, expect, it } from 'vitest';
import { appositive } from '../../../../src/extract/relate/patterns/appositive.js';
import { companyStaff } from '../../../../src/extract/relate/patterns/company-staff.js';
import { enumeration } from '../../../../src/extract/relate/patterns/enumeration.js';
import { honourees } from '../../../../src/extract/relate/patterns/honourees.js';
import { listSharesHonours } from '../../../../src/extract/relate/patterns/list-shares-honours.js';
import { tableRow } from '../../../../src/extract/relate/patterns/table-row.js';
import { foundBy, resolvedDoc } from '../../../helpers/doc.js';

describe('pattern: list-shares-honours', () => {
  it('gives the honour before a 、-list to every name in it', () => {
    const found = foundBy([appositive, listSharesHonours], '九江市劳动模范代表陈建国、王秀英发言。', { place: '江西省九江市' });
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|陈建国|九江市劳动模范||', 'HOLDS_TITLE|王秀英|九江市劳动模范||']));
    expect(foundBy([appositive], '九江市劳动模范代表陈建国、王秀英发言。', { place: '江西省九江市' })).not.toContain('HOLDS_TITLE|王秀英|九江市劳动模范||');
  });
});

describe('pattern: company-staff', () => {
  it('makes people counted as the company’s (X、Y等2名公司代表) its staff', () => {
    const found = foundBy([companyStaff], '江州精工机械有限公司举行表彰会，何立新、赵子明等2名公司代表上台领奖。');
    expect(found).toEqual(expect.arrayContaining(['WORKS_FOR|何立新|江州精工机械有限公司||', 'WORKS_FOR|赵子明|江州精工机械有限公司||']));
  });
});

describe('pattern: honourees', () => {
  it('reads 得奖模范劳工中，NAME… as a paragraph of honourees of the story’s honour', () => {
    const text = '台南市政府今天表扬五十八位台南市模范劳工。\n\n得奖模范劳工中，钱芳玉小姐工作年资最长；李宏美小姐为工会优秀会务人员。';
    const found = foundBy([honourees], text, { date: '2024-04-26', place: '台湾省台南市' });
    expect(found.filter((f) => f.startsWith('HOLDS_TITLE')).map((f) => f.split('|')[1]).sort()).toEqual(['李宏美', '钱芳玉']);
  });

  it('gives the honour of an introduction (获得…的…有：) to the rows after it, up to the row that introduces another list', () => {
    const text = [
      '获得2013年全国五一劳动奖章的会员有：',
      '江西：王晓川 江州市实验中学教师',
      '李立维 江州市采茶剧团演员',
      '获得2013年全国工人先锋号的是：',
      '江西：江州钢铁有限公司炼钢车间（会员赵一凡任车间主任）',
    ].join('\n');
    const found = foundBy([honourees], text, { date: '2013-05-03' });
    expect(found.filter((f) => f.startsWith('RECEIVED')).sort()).toEqual(['RECEIVED|李立维|全国五一劳动奖章|2013|', 'RECEIVED|王晓川|全国五一劳动奖章|2013|']);
  });

  it('reads a list printed name by name under place headings, after 名单…如下：', () => {
    const text = [
      '为表彰先进，武汉市人民政府决定，授予180名同志“武汉市劳动模范”荣誉称号。现将部分受表彰人员名单按所在区摘登如下：',
      '',
      '江岸区',
      '陈志红（女）　武汉江滩园林工程有限公司养护班班长',
      '刘国栋　汉口江岸港务物流有限公司队长',
      '',
      '江汉区',
      '王晓峰　武汉汉正数码科技有限公司总工程师',
    ].join('\n');
    const found = foundBy([honourees], text, { date: '2019-04-26' });
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|陈志红|武汉市劳动模范|2019|', 'HOLDS_TITLE|刘国栋|武汉市劳动模范|2019|', 'HOLDS_TITLE|王晓峰|武汉市劳动模范|2019|']));
  });

  it('carries a list past a bracketed note, with a sex noted after a name', () => {
    const text = ['2023年九江市五一劳动奖章获得者名单', '（共30名，本报刊发部分名单）', '', '万志军　　九江精工机械有限公司钳工', '何秀兰（女）　九江纺织有限公司挡车工'].join('\n');
    const found = foundBy([honourees], text, { date: '2023-04-20', place: '江西省九江市' });
    expect(found).toEqual(expect.arrayContaining(['RECEIVED|万志军|九江市五一劳动奖章|2023|', 'RECEIVED|何秀兰|九江市五一劳动奖章|2023|']));
  });
});

describe('pattern: honourees and table-row', () => {
  it('reads a Markdown table under a 名单 heading: the honour from the story, employer and position from the cells', () => {
    const text = [
      '本报讯 江州市总工会日前命名陆志成等2名职工为2024年度“江州工匠”。',
      '',
      '## 获评名单',
      '',
      '| 序号 | 姓名 | 工作单位 | 岗位 |',
      '|---|---|---|---|',
      '| 1 | 陆志成 | 江州精工机械有限公司 | 数控车工 |',
      '| 2 | 何秀兰（女） | 江州市第一人民医院 | 护士长 |',
    ].join('\n');
    const found = foundBy([honourees, tableRow], text, { date: '2024-05-01', place: '江西省江州市' });
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|何秀兰|江州工匠|2024|', 'WORKS_FOR|何秀兰|江州市第一人民医院||护士长']));
  });
});

describe('pattern: enumeration', () => {
  it('gives the honour of a count that introduces names (2名“江州工匠”是：…) to each of them', () => {
    const found = foundBy([enumeration], '获得命名的2名“江州工匠”是：江州精工机械有限公司数控车工陆志成，江州纺织有限公司挡车工何秀兰。', { date: '2024-05-01', place: '江西省江州市' });
    expect(found).toEqual(expect.arrayContaining(['HOLDS_TITLE|陆志成|江州工匠|2024|', 'HOLDS_TITLE|何秀兰|江州工匠|2024|']));
  });

  it('needs the list to be of honourees: 分别是 after an unrelated honour gives nothing', () => {
    const found = foundBy([enumeration], '全国劳动模范的事迹感人。参加座谈的两位嘉宾分别是陆志成、何秀兰。');
    expect(found).toEqual([]);
  });
});

describe('pattern: table-row', () => {
  it('reads employer and position from the cells after a name', () => {
    const text = ['## 获评名单', '', '| 序号 | 姓名 | 工作单位 | 岗位 |', '|---|---|---|---|', '| 1 | 陆志成 | 江州精工机械有限公司 | 数控车工 |', '| 2 | 何秀兰（女） | 江州市第一人民医院 | 护士长 |'].join('\n');
    const found = foundBy([tableRow], text);
    expect(found).toEqual(['WORKS_FOR|陆志成|江州精工机械有限公司||数控车工', 'WORKS_FOR|何秀兰|江州市第一人民医院||护士长']);
  });
});

describe('list rows and levels from the article', () => {
  it('reads a row name without a person cue: 胡为义（某合作社）, numbered rows', () => {
    const text = ['附：名单', '', '胡为义（九江市种业合作社）', '', '2. 石平香 九江纺织有限公司挡车工'].join('\n');
    const names = resolvedDoc(text).mentions.filter((m) => m.type === 'Person').map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['胡为义', '石平香']));
  });

  it('gives 全省劳动模范 and 16名省劳模 the article’s province', () => {
    const d = resolvedDoc('本报讯 我市16名省劳模赴武汉领奖。16名全省劳动模范起程。', { place: '湖北省荆门市' });
    expect(d.entities.filter((e) => e.type === 'Title').map((e) => e.name)).toEqual(['湖北省劳动模范']);
  });
});

describe('pattern: list-rows', () => {
  it('reads bracketed notes of a list on one line, the employer in any part of the note', async () => {
    const { listRows } = await import('../../../../src/extract/relate/patterns/list-rows.js');
    const text = '获得“全国农业劳动模范”称号的是：王晓川（江州县青山镇长梁村、江州天地农业开发有限公司董事长）、李立维（江州区青山镇石河村党委书记）、赵一凡（江州县晨帆农机专业合作社理事长）';
    const found = foundBy([listRows], text);
    expect(found).toEqual(
      expect.arrayContaining(['WORKS_FOR|王晓川|江州天地农业开发有限公司||董事长', 'WORKS_FOR|赵一凡|江州县晨帆农机专业合作社||理事长']),
    );
  });

  it('reads the employer from the brackets after a name, from a body before a colon, and after a place heading', async () => {
    const { listRows } = await import('../../../../src/extract/relate/patterns/list-rows.js');
    const text = ['江州时代工匠名单', '马 伟（江州富强科技有限公司技术部部长）', '江州人民医院：沈丽娟、周晓红', '上海：江源 江州师范大学附属中学教师'].join('\n');
    const found = foundBy([listRows], text);
    expect(found).toEqual(
      expect.arrayContaining([
        'WORKS_FOR|马伟|江州富强科技有限公司||技术部部长',
        'WORKS_FOR|沈丽娟|江州人民医院||',
        'WORKS_FOR|周晓红|江州人民医院||',
        'WORKS_FOR|江源|江州师范大学附属中学||教师',
      ]),
    );
  });
});

describe('pattern: counted-group', () => {
  it('gives the honour after a count to every name of the group before it', async () => {
    const { countedGroup } = await import('../../../../src/extract/relate/patterns/counted-group.js');
    const found = foundBy([countedGroup], '大会表彰了吕建华、童丽亚等10名“九江镇最美劳动者”，杨克明、陈碧军等5名“九江工匠”。', { date: '2019-04-26' });
    expect(found).toEqual(
      expect.arrayContaining(['HOLDS_TITLE|吕建华|九江镇最美劳动者|2019|', 'HOLDS_TITLE|童丽亚|九江镇最美劳动者|2019|', 'HOLDS_TITLE|杨克明|九江工匠|2019|', 'HOLDS_TITLE|陈碧军|九江工匠|2019|']),
    );
    expect(found.some((k) => k.startsWith('HOLDS_TITLE|吕建华|九江工匠'))).toBe(false);
  });
});
