import { describe, expect, it } from 'vitest';
import { autonomousCountyForms } from '../../../../src/extract/resolve/autonomous-county-forms.js';
import { committeeOfDepartment, youthLeagueForms } from '../../../../src/extract/resolve/committee-forms.js';
import { bodiesOf } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta, { aliases: true });

describe('committees and counties as articles write them', () => {
  it('committeeOfDepartment: 省委宣传部 names the department, not also the committee inside it', () => {
    expect(committeeOfDepartment.name).toBe('committeeOfDepartment');
    const b = bodies('活动由江西省总工会、省委宣传部主办。', { place: '江西省' });
    expect(b).toContain('Organization:江西省委宣传部[省委宣传部]');
    expect(b.some((x) => x.startsWith('Organization:江西省委['))).toBe(false);
  });

  it('committeeOfDepartment: a committee the article names on its own stays', () => {
    const b = bodies('江州市委、市政府高度重视。市委宣传部部长王立群讲话。', { place: '江西省江州市' });
    expect(b.some((x) => x.startsWith('Organization:江州市委['))).toBe(true);
  });

  it('youthLeagueForms: 团区委 is the 共青团…区委员会 the article names', () => {
    expect(youthLeagueForms.name).toBe('youthLeagueForms');
    const b = bodies('今年，九江区卫生局、团区委联合开展评选。\n共青团江州市九江区委员会\n');
    expect(b).toContain('Organization:共青团江州市九江区委员会[团区委]');
  });

  it('autonomousCountyForms: 九江县中医院 is the 九江苗族自治县中医院 the article names', () => {
    expect(autonomousCountyForms.name).toBe('autonomousCountyForms');
    const b = bodies('九江苗族自治县中医院护士王立群获奖。九江县中医院院长李明表示祝贺。');
    expect(b.filter((x) => x.includes('中医院'))).toEqual(['Organization:九江苗族自治县中医院[九江县中医院]']);
  });

  it('notInAnAddress: bodies on an address line are not named', () => {
    const b = bodies('联系电话：12345\n联系地址：江州市九江区恒岳街道省委直属机关工委大楼\n');
    expect(b).toEqual([]);
  });
});

describe('bodies within bodies', () => {
  it('parentBodyForms: a body written with and without its parent is one, named in full', async () => {
    const { parentBodyForms } = await import('../../../../src/extract/resolve/parent-body-forms.js');
    expect(parentBodyForms.name).toBe('parentBodyForms');
    const b = bodies('交通运输部九江航道管理局技师王立群获奖。九江航道管理局党委书记李明出席。');
    expect(b.filter((x) => x.includes('航道'))).toEqual(['Organization:交通运输部九江航道管理局[九江航道管理局]']);
  });

  it('a bureau of its office or team is named as well as the office (税务局|税务所, 勘查局|313地质队)', () => {
    const b = bodies('九江县地方税务局恒岳税务所、江州省地质矿产勘查局313地质队获奖。');
    expect(b).toEqual(expect.arrayContaining(['Organization:九江县地方税务局[]', 'Organization:江州省地质矿产勘查局313地质队[]']));
  });
});
