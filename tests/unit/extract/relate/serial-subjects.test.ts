import { describe, expect, it } from 'vitest';
import { appositive } from '../../../../src/extract/relate/patterns/appositive.js';
import { clauses } from '../../../../src/extract/relate/patterns/clauses.js';
import { serialSubjects } from '../../../../src/extract/relate/patterns/serial-subjects.js';
import { foundBy } from '../../../helpers/doc.js';

const PATTERNS = [appositive, clauses, serialSubjects];

describe('pattern: serial-subjects', () => {
  it('gives every person of a comma series (body, office, name) the honour of the last one’s clause, graded offices included', () => {
    const text = '其中江州市人民医院内科主任、主任医师王晓川，江州市实验小学校长、高级教师李立维，江州市青山果蔬专业合作社理事、高级农技师赵一凡被授予全国五一劳动奖章。';
    const found = foundBy(PATTERNS, text, { date: '2019-05-01' });
    expect(found).toEqual(
      expect.arrayContaining([
        'RECEIVED|王晓川|全国五一劳动奖章|2019|',
        'RECEIVED|李立维|全国五一劳动奖章|2019|',
        'RECEIVED|赵一凡|全国五一劳动奖章|2019|',
        'WORKS_FOR|李立维|江州市实验小学||校长、高级教师',
        'WORKS_FOR|赵一凡|江州市青山果蔬专业合作社||理事、高级农技师',
      ]),
    );
  });

  it('reads a 、 series of employers and names closed by a count (某公司A、某公司B等10名…荣获“X”称号)', () => {
    const text = '江州纺织股份有限公司钱海生、江州汽车模具股份有限公司李立维、江州化工股份有限公司赵一凡等10名优秀技术技能人才荣获第四届“江州工匠”称号。';
    const found = foundBy(PATTERNS, text, { date: '2023-05-11' });
    expect(found.filter((f) => f.startsWith('HOLDS_TITLE')).map((f) => f.split('|')[1]).sort()).toEqual(['李立维', '赵一凡', '钱海生']);
  });

  it('leaves a person whose own clause says something else, and bare names, out of the series', () => {
    const said = foundBy(PATTERNS, '江州市人民医院院长王晓川致辞，江州市实验小学校长李立维被授予全国五一劳动奖章。', { date: '2019-05-01' });
    expect(said.filter((f) => f.startsWith('RECEIVED'))).toEqual(['RECEIVED|李立维|全国五一劳动奖章|2019|']);
    const bare = foundBy(PATTERNS, '王晓川，江州市实验小学校长李立维被授予全国五一劳动奖章。', { date: '2019-05-01' });
    expect(bare.filter((f) => f.startsWith('RECEIVED'))).toEqual(['RECEIVED|李立维|全国五一劳动奖章|2019|']);
  });
});
