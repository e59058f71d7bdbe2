import { describe, expect, it } from 'vitest';
import { subUnits } from '../../../../src/extract/resolve/sub-units.js';
import { analysed, bodiesOf } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta);

describe('subUnits', () => {
  it('keeps the company, not its department, plant or numbered institute', () => {
    expect(subUnits.name).toBe('subUnits');
    const b = bodies('授予恒岳重工有限公司设计部核电设计处等班组荣誉称号。九江纺织集团有限公司一分厂纺部乙班获奖。江州航天集团九院7107厂技师王立出席。');
    expect(b).toEqual(expect.arrayContaining(['Company:恒岳重工有限公司', 'Company:九江纺织集团有限公司']));
    expect(b.some((x) => /设计部$|分厂|纺部|九院$/.test(x))).toBe(false);
  });

  it('keeps a subsidiary and an institute as bodies, and a depot as a company', () => {
    const b = bodies('恒岳重工股份有限公司铸锻公司、江州电力公司电力科学研究院和江州铁路局集团有限公司九江供电段获奖。');
    expect(b).toEqual(
      expect.arrayContaining(['Company:恒岳重工股份有限公司铸锻公司', 'Organization:江州电力公司电力科学研究院', 'Company:江州铁路局集团有限公司九江供电段']),
    );
  });

  it('does not name the parent of an affiliated hospital found only inside a longer name', () => {
    const b = bodies('江州大学第一附属医院肝胆外科医学部主任王立群获奖。');
    expect(b).toContain('Organization:江州大学第一附属医院');
    expect(b).not.toContain('Organization:江州大学');
  });
});

describe('legalFormVariants', () => {
  it('a company with and without its legal form is one company, and its short forms follow', async () => {
    const { legalFormVariants } = await import('../../../../src/extract/resolve/legal-form-variants.js');
    expect(legalFormVariants.name).toBe('legalFormVariants');
    const b = analysed('慰问组来到江州恒岳锅炉集团看望劳模。王立群是江州恒岳锅炉集团有限公司党委书记，恒岳锅炉发展很快。')
      .entities.filter((e) => e.type === 'Company')
      .map((e) => e.name);
    expect(b).toEqual(['江州恒岳锅炉集团有限公司']);
  });
});
