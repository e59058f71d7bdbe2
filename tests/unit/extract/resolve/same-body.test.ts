import { describe, expect, it } from 'vitest';
import { governmentForms } from '../../../../src/extract/resolve/government-forms.js';
import { partyCommitteeForms } from '../../../../src/extract/resolve/party-committee-forms.js';
import { placeQualifiedForms, qualifier } from '../../../../src/extract/resolve/place-qualified-forms.js';
import { bodiesOf } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta, { aliases: true });

describe('one body, one node', () => {
  it('governmentForms: 市政府 and 市人民政府 of one city are one body under its full name', () => {
    expect(governmentForms.name).toBe('governmentForms');
    const b = bodies('江州市人民政府近日发布决定。市委、市政府号召全市职工向劳模学习。', { place: '江西省江州市' });
    expect(b.filter((x) => x.includes('政府'))).toEqual(['Organization:江州市人民政府[市政府,江州市政府]']);
  });

  it('governmentForms: a government written only short is named in full too, so articles meet in one node', () => {
    expect(bodies('九江县政府召开表彰大会。').filter((x) => x.includes('政府'))).toEqual(['Organization:九江县人民政府[九江县政府]']);
  });

  it('governmentForms: Taiwan county and city governments keep their own names', () => {
    const b = bodies('臺中市政府勞工局今日舉辦模範勞工表揚大會，市政府表示感謝。', { place: '台湾省台中市' });
    expect(b.some((x) => x.includes('人民政府'))).toBe(false);
  });

  it('partyCommitteeForms: 中共江州市委 and 江州市委 are one committee, named 江州市委', () => {
    expect(partyCommitteeForms.name).toBe('partyCommitteeForms');
    const b = bodies('中共江州市委、江州市人民政府作出表彰决定。江州市委副书记王立群讲话。');
    expect(b).toContain('Organization:江州市委[中共江州市委]');
    expect(b.filter((x) => x.includes('市委'))).toHaveLength(1);
  });

  it('partyCommitteeForms: the central committee is not a local one', () => {
    expect(bodies('中共中央、国务院决定授予他们荣誉称号。')).toContain('Organization:中共中央[]');
  });

  it('placeQualifiedForms: a body written with its province and prefecture before it is the body the article also names short', () => {
    expect(placeQualifiedForms.name).toBe('placeQualifiedForms');
    const b = bodies('江西九江县总工会走访劳模。江西省九江市九江县总工会一行看望了劳模。九江县总工会主席出席。');
    expect(b.filter((x) => x.startsWith('Union:'))).toEqual(['Union:九江县总工会[江西九江县总工会,江西省九江市九江县总工会]']);
  });

  it('qualifier: provinces and prefectures only', () => {
    expect(qualifier('吉林')).toBe(true);
    expect(qualifier('江西省九江市')).toBe(true);
    expect(qualifier('江西省延边朝鲜族自治州')).toBe(true);
    expect(qualifier('远航')).toBe(false);
    expect(qualifier('江西省远航')).toBe(false);
  });
});
