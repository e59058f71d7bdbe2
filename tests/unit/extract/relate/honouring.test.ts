import { describe, expect, it } from 'vitest';
import { honouring } from '../../../../src/extract/relate/patterns/honouring.js';
import { foundBy } from '../../../helpers/doc.js';

describe('pattern: honouring', () => {
  it('reads who visits and who confers through a decision', () => {
    const found = foundBy([honouring], '近日，江州市总工会走访慰问全国劳动模范赵德明。省总工会印发《关于授予张建华等10人“江南工匠”称号的决定》。', {
      date: '2023-04-01',
      place: '江西省江州市',
    });
    expect(found).toEqual(expect.arrayContaining(['HONOURED_BY|赵德明|江州市总工会|2023|', 'CONFERRED_BY|江南工匠|江西省总工会||']));
  });

  it('reads an act done to a group through its first member: 授予X等30名职工…奖章', () => {
    const found = foundBy([honouring], '4月28日，甘肃省总工会召开表彰大会，授予何建军等30名职工2019年甘肃省五一劳动奖章。', { date: '2019-04-29' });
    expect(found).toEqual(expect.arrayContaining(['HONOURED_BY|何建军|甘肃省总工会|2019|', 'RECEIVED|何建军|甘肃省五一劳动奖章|2019|']));
  });

  it('does not make an employer in an appositive the subject of a later act', () => {
    const found = foundBy([honouring], '江州精工机械有限公司高级技师陈国华表示，将继续做好本职工作，表彰是鼓励。');
    expect(found.filter((k) => k.startsWith('HONOURED_BY|陈国华'))).toEqual([]);
  });
});

describe('pattern: honouring, bodies that receive', () => {
  it('does not make a body that is honoured (ORG被授予…) a conferrer', () => {
    const found = foundBy([honouring], '九江榨菜（集团）有限公司被授予全国五一劳动奖状；九江供电所被评为“九江县模范集体”。');
    expect(found.filter((k) => k.startsWith('CONFERRED_BY'))).toEqual([]);
  });
});
