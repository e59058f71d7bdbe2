import { describe, expect, it } from 'vitest';
import { shortGovernments } from '../../../../src/extract/recognise/bodies/governments.js';
import { bodiesOf } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta, { aliases: true });

describe('Taiwan, Hong Kong and Macau bodies', () => {
  it('shortGovernments: 縣府, 苗縣府 and 縣府勞青處 are the county government and its department', () => {
    expect(shortGovernments.name).toBe('shortGovernments');
    const b = bodies('苗栗縣總工會表揚優秀勞工。(苗縣府提供)\n15日副縣長在縣府勞青處長陪同下頒獎。', { place: '台湾省' });
    expect(b).toEqual(expect.arrayContaining(['Organization:苗栗县政府[县府,縣府,苗县府,苗縣府]', 'Organization:苗栗县政府劳青处[县府劳青处,縣府勞青處]']));
    expect(b.some((x) => x.includes('人民政府'))).toBe(false);
  });

  it('shortGovernments: 特區政府 is the government of the region the article is set in', () => {
    expect(bodies('特區政府今日舉行授勳儀式。', { place: '澳门特别行政区' })).toContain('Organization:澳门特别行政区政府[特区政府,特區政府]');
  });

  it('a bureau named by two portfolios joined by 及, not two bureaus joined by 及', () => {
    const b = bodies('勞工及福利局局長、民政及青年事務局局長出席。江州市總工會及九江區總工會協辦。');
    expect(b).toEqual(expect.arrayContaining(['Organization:劳工及福利局[勞工及福利局]', 'Organization:民政及青年事务局[民政及青年事務局]']));
    expect(b.some((x) => x.includes('总工会及'))).toBe(false);
  });

  it('a township office (公所), a division (分署) under its parent, an office (办事处) before its head’s title', () => {
    const b = bodies('九江市公所、勞動部勞動力發展署中彰投分署長林明、勞動部勞工保險局南投辦事處主任陳明都到場。');
    expect(b).toEqual(
      expect.arrayContaining([
        'Organization:九江市公所[]',
        'Organization:劳动部劳动力发展署中彰投分署[勞動部勞動力發展署中彰投分署]',
        'Organization:劳动部劳工保险局南投办事处[勞動部勞工保險局南投辦事處]',
      ]),
    );
  });

  it('a key laboratory with its host university in brackets is one body', () => {
    expect(bodies('中藥質量研究國家重點實驗室(江州大學)獲頒勳章。')).toContain(
      'Organization:中药质量研究国家重点实验室（江州大学）[中藥質量研究國家重點實驗室(江州大學)]',
    );
  });

  it('a union named in several words, before 会员, is a union', () => {
    expect(bodies('模範勞工九江縣中藥服務人員職業工會會員陳明獲獎。').some((x) => x.startsWith('Union:九江县中药服务人员职业工会'))).toBe(true);
  });
});
