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
