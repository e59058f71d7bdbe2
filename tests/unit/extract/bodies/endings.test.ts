import { describe, expect, it } from 'vitest';
import { numberedSchools } from '../../../../src/extract/recognise/bodies/schools.js';
import { shortEndings } from '../../../../src/extract/resolve/short-endings.js';
import { tokenIndex } from '../../../../src/extract/text.js';
import { analysed, prepared } from '../../../helpers/doc.js';

function bodies(text: string, meta = {}) {
  return analysed(text, meta)
    .entities.filter((e) => ['Union', 'Company', 'Organization'].includes(e.type))
    .map((e) => `${e.type}:${e.name}`);
}

describe('bodies without a standard suffix', () => {
  it('cooperatives are companies; stations, troupes, 文明办 and a place’s 人大 are organisations', () => {
    const b = bodies('九江县恒岳果蔬专业合作社、江州市救助管理站、九江县眉户剧团、江州市文明办和江州区人大的代表出席。');
    expect(b).toEqual(
      expect.arrayContaining([
        'Company:九江县恒岳果蔬专业合作社',
        'Organization:江州市救助管理站',
        'Organization:九江县眉户剧团',
        'Organization:江州市文明办',
        'Organization:江州区人大',
      ]),
    );
  });

  it('a standard bureau name with a verb inside it (行政审批服务局)', () => {
    expect(bodies('江州市行政审批服务局局长王立群出席。')).toContain('Organization:江州市行政审批服务局');
  });

  it('会员 after a body is its members, not a generic use', () => {
    expect(bodies('他是江州民主促进会会员。')).toContain('Organization:江州民主促进会');
  });

  it('numberedSchools: 一中, 二中 after a place', () => {
    const d = prepared('江州区一中、江州区二中教师获奖，九江县一中心小学也在列。');
    expect(numberedSchools(d, tokenIndex(d)).map((m) => m.name)).toEqual(['江州区一中', '江州区二中']);
  });

  it('shortEndings: a place’s 妇联 is its 妇女联合会, and both forms are one body', () => {
    expect(shortEndings.name).toBe('shortEndings');
    const e = analysed('江州市妇女联合会决定表彰一批先进。江州市妇联主席王立群讲话。').entities.filter((x) => x.name.includes('妇'));
    expect(e.map((x) => `${x.name}[${x.aliases.join(',')}]`)).toEqual(['江州市妇女联合会[江州市妇联]']);
  });
});
