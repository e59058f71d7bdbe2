import { describe, expect, it } from 'vitest';
import { appositive } from '../../../../src/extract/relate/patterns/appositive.js';
import { clauses } from '../../../../src/extract/relate/patterns/clauses.js';
import { issuers } from '../../../../src/extract/relate/patterns/issuers.js';
import { sections } from '../../../../src/extract/relate/patterns/sections.js';
import { PATTERNS } from '../../../../src/extract/relate/index.js';
import { foundBy } from '../../../helpers/doc.js';

describe('pattern: issuers', () => {
  it('makes the author of a decision the conferrer of the honours it names, and the honourer of their holders', () => {
    const text = [
      '九江市卫生局关于表彰第三届“九江市优秀护士”的决定',
      '各医疗卫生单位：',
      '经研究，决定授予王小兰等2名同志“九江市优秀护士”荣誉称号。',
      '一、优秀护士',
      '王小兰 九江市人民医院',
      '陈秀英 九江市中医院',
    ].join('\n');
    const found = foundBy([sections, issuers], text, { date: '2019-05-10' });
    expect(found).toEqual(
      expect.arrayContaining([
        'CONFERRED_BY|九江市优秀护士|九江市卫生局||',
        'HOLDS_TITLE|陈秀英|九江市优秀护士|2019|',
        'HONOURED_BY|陈秀英|九江市卫生局|2019|',
      ]),
    );
  });

  it('confers every honour the title of a decision lists, those recognised only elsewhere in the page included', () => {
    const text = [
      '江州市总工会下发了《关于表彰江州市模范职工之家 江州市优秀工会工作者的决定》。',
      '江州电机有限公司工会被评为“江州市模范职工之家”，王晓川获评“江州市优秀工会工作者”。',
    ].join('\n');
    const found = foundBy([clauses, issuers], text, { date: '2019-05-10' });
    expect(found).toEqual(expect.arrayContaining(['CONFERRED_BY|江州市模范职工之家|江州市总工会||', 'CONFERRED_BY|江州市优秀工会工作者|江州市总工会||']));
  });

  it('reads the bodies that held a commendation (此次评选表彰活动由A和B联合举行) as conferring and honouring', () => {
    const text = '江州市有3人荣获“全国农业劳动模范”称号。此次评选表彰活动由农业部和人力资源社会保障部联合举行。获得“全国农业劳动模范”称号的是：王晓川（江州市青山果蔬专业合作社理事长）、李立维（江州市长青养殖场场长）。';
    const found = foundBy(PATTERNS, text, { date: '2018-01-19' });
    expect(found).toEqual(expect.arrayContaining(['CONFERRED_BY|全国农业劳动模范|农业部||', 'HONOURED_BY|王晓川|农业部|2018|', 'HONOURED_BY|李立维|人力资源和社会保障部|2018|']));
  });

  it('makes the body holding a commendation ceremony the conferrer of the honour it names, or else of the story’s', () => {
    const story = '台南市政府二十六日举办模范劳工表扬大会，表扬五十八位台南市模范劳工。\n\n得奖模范劳工中，钱芳玉小姐工作年资最长。';
    expect(foundBy(PATTERNS, story, { date: '2024-04-26', place: '台湾省台南市' })).toEqual(expect.arrayContaining(['HONOURED_BY|钱芳玉|台南市政府|2024|']));
    const named = '江州分公司召开了“最美投递员”表彰大会，10名投递员被评为“最美投递员”，其中3人被市总工会授予“江州市五一劳动奖章”。';
    const found = foundBy(PATTERNS, named, { date: '2019-05-02', place: '江西省江州市' });
    expect(found.filter((f) => f.startsWith('CONFERRED_BY') && f.includes('江州分公司'))).toEqual(['CONFERRED_BY|最美投递员|江州分公司||']);
  });

  it('makes the body publishing a list of honourees conferrer and honourer of the honours the list heads', () => {
    const text = ['特区政府今天公布2024年度授勋名单，本会多位会员获授勋。', '授勋名单：', '铜紫荆星章', '王晓川', '荣誉勋章', '李立维', '赵一凡'].join('\n');
    const found = foundBy(PATTERNS, text, { place: '香港特别行政区' });
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^HONOURED_BY\|李立维\|.*特别行政区政府\|2024\|$/), expect.stringMatching(/^CONFERRED_BY\|荣誉勋章\|.*特别行政区政府\|\|$/)]));
  });

  it('reads 在ORG召开的…表彰大会上 as the body conferring the ceremony’s honours and honouring their holders', () => {
    const text = '在中华全国总工会召开的2023年全国五一劳动奖和全国工人先锋号表彰大会上，江州5名职工受到表彰。其中，钱海生、李立维荣获全国五一劳动奖章。';
    const found = foundBy(PATTERNS, text, { date: '2023-04-28' });
    expect(found).toEqual(expect.arrayContaining(['HONOURED_BY|钱海生|中华全国总工会|2023|', 'HONOURED_BY|李立维|中华全国总工会|2023|']));
  });

  it('reads the bodies signing a decision (their lines, then the date) as its issuers', () => {
    const text = [
      '关于授予张建华等2人“九江工匠”称号的决定',
      '决定授予张建华、李国强“九江工匠”称号。',
      '九江市总工会',
      '九江市人力资源和社会保障局',
      '2021年4月28日',
    ].join('\n');
    const found = foundBy([issuers], text);
    expect(found).toEqual(expect.arrayContaining(['CONFERRED_BY|九江工匠|九江市总工会||', 'CONFERRED_BY|九江工匠|九江市人力资源和社会保障局||']));
  });

  it('reads the bodies that run a selection (由A、B联合举办的“X”评选) as conferring its honour', () => {
    const text = '由九江市总工会、九江日报社联合举办的2022年“九江最美职工”评选近日揭晓。';
    const found = foundBy([issuers], text);
    expect(found).toEqual(expect.arrayContaining(['CONFERRED_BY|九江最美职工|九江市总工会||']));
  });

  it('does not make a body mentioned in passing an issuer', () => {
    const found = foundBy([issuers], '九江市总工会主席刘建国出席了“九江工匠”命名大会并讲话。');
    expect(found.filter((k) => k.startsWith('CONFERRED_BY'))).toEqual([]);
  });
});

describe('pattern: sections', () => {
  it('gives each list the honour of its own heading, and stops at prose', () => {
    const text = [
      '九江区“十佳护士长”、“十佳护士”名单',
      '一、九江区“十佳护士长”',
      '九江区人民医院：王丽华、陈红',
      '二、九江区“十佳护士”',
      '九江区中医医院：刘晓燕',
      '希望受表彰的同志再接再厉，张卫东同志代表全体护士发言。',
    ].join('\n');
    const found = foundBy([sections], text);
    expect(found).toEqual(
      expect.arrayContaining(['HOLDS_TITLE|王丽华|九江区十佳护士长||', 'HOLDS_TITLE|陈红|九江区十佳护士长||', 'HOLDS_TITLE|刘晓燕|九江区十佳护士||']),
    );
    expect(found.some((k) => k.includes('刘晓燕|九江区十佳护士长'))).toBe(false);
    expect(found.some((k) => k.includes('张卫东'))).toBe(false);
  });

  it('does not take a headline about an honour for a list heading when no list follows', () => {
    const found = foundBy([appositive, sections], '全国劳动模范\n\n记者日前走访了几位劳动者，王建国表示很受鼓舞。');
    expect(found.filter((k) => k.startsWith('HOLDS_TITLE'))).toEqual([]);
  });
});

describe('pattern: issuers, lists below', () => {
  it('makes a body conferring on the people listed below the conferrer of every honour the list headings name', () => {
    const text = ['九江市人民政府向下列人士颁授勋章、奖章。', '', '金莲花荣誉勋章', '', '王建华', '', '专业功绩勋章', '', '九江市中药研究所'].join('\n');
    const found = foundBy([sections, issuers], text, { date: '2022-02-18' });
    expect(found).toEqual(
      expect.arrayContaining(['RECEIVED|王建华|金莲花荣誉勋章|2022|', 'HONOURED_BY|王建华|九江市人民政府|2022|', 'CONFERRED_BY|专业功绩勋章|九江市人民政府||']),
    );
  });
});
