import { describe, expect, it } from 'vitest';
import { numberedSchools } from '../../../../src/extract/recognise/bodies/schools.js';
import { shortEndings } from '../../../../src/extract/resolve/short-endings.js';
import { tokenIndex } from '../../../../src/extract/text.js';
import { analysed, bodiesOf, prepared } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta);

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

describe('national and group bodies', () => {
  it('a national union named after 全国总工会 is a body of its own', () => {
    const b = bodies('全国总工会中国九江能源工会联合举办大赛。');
    expect(b).toEqual(expect.arrayContaining(['Union:中华全国总工会', 'Union:中国九江能源工会']));
  });

  it('a town’s party committee is a body; a company’s 党委 before an office stays part of the position', () => {
    expect(bodies('恒岳镇党委副书记王立群出席。')).toContain('Organization:恒岳镇党委');
    expect(bodies('江州恒岳能源集团有限责任公司党委书记王立群出席。')).not.toContain('Company:江州恒岳能源集团有限责任公司党委');
  });

  it('a media group is an organisation, and its newspaper a body of its own, not its short form', () => {
    const b = bodies('江州日报 2004年09月07日\n活动由江州日报报业集团农村部主办。（江州日报）');
    expect(b).toEqual(expect.arrayContaining(['Organization:江州日报', 'Organization:江州日报报业集团']));
    expect(b.some((x) => x.startsWith('Company:'))).toBe(false);
  });
});
