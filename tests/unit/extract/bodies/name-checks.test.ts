import { describe, expect, it } from 'vitest';
import { NAME_CHECKS, noPositionBeforeShortEnding, notARoom, notARunOfNationalBodies, notAUnionWorker, notInAnAddress, notTheOfficeAfter } from '../../../../src/extract/recognise/organisations.js';
import { bodiesOf } from '../../../helpers/doc.js';

const bodies = (text: string, meta = {}) => bodiesOf(text, meta);

describe('where a name starts and what it may hold', () => {
  it('lists its checks in one place', () => {
    expect(NAME_CHECKS).toEqual([notARunOfNationalBodies, noPositionBeforeShortEnding, notAUnionWorker, notTheOfficeAfter, notARoom, notInAnAddress]);
  });

  it('a preposition or verb never starts a name (经, 获, 由)', () => {
    const b = bodies('经中华全国总工会审定，九江县产业工会获省总工会表彰。', { place: '江西省九江市' });
    expect(b).toContain('Union:中华全国总工会');
    expect(b).toContain('Union:江西省总工会');
    expect(b.some((x) => /[经获]/.test(x.split(':')[1]!.slice(0, 1)))).toBe(false);
  });

  it('a person and a verb before the company place are not part of it', () => {
    const b = bodies('1981年出生的王立群踏入江西九江恒岳建工集团有限公司以来，勤奋工作。');
    expect(b).toContain('Company:江西九江恒岳建工集团有限公司');
  });

  it('notARunOfNationalBodies: 中共中央国务院中央军委 are three bodies', () => {
    const b = bodies('王立群佩戴上由中共中央国务院中央军委颁发的纪念章。');
    expect(b).toEqual(expect.arrayContaining(['Organization:中共中央', 'Organization:国务院', 'Organization:中央军委']));
    expect(b).not.toContain('Organization:中共中央国务院中央军委');
  });

  it('noPositionBeforeShortEnding: 某小学教师王某院 is a teacher, not an institute', () => {
    const b = bodies('江州小学教师章齐院、九江二中教师李明获奖。');
    expect(b.some((x) => x.includes('教师'))).toBe(false);
  });

  it('notAUnionWorker: a 工会工作者 is not a union', () => {
    expect(bodies('举行新春联欢会暨杰出义务工会工作者颁奖礼。').some((x) => x.startsWith('Union:'))).toBe(false);
  });

  it('levels of a system (区镇两级工会) name no union', () => {
    expect(bodies('为劳模送去区镇两级工会准备的慰问品。').some((x) => x.startsWith('Union:'))).toBe(false);
  });

  it('a township written before its school is part of its name, not a place guessed from 乡村', () => {
    const b = bodies('协合乡中心学校教师许天明获市“最美乡村教师”称号。');
    expect(b).toContain('Organization:协合乡中心学校');
  });

  it('notTheOfficeAfter: 行政院|院长 is the body and an office, not a second body 行政院院', () => {
    const b = bodies('行政院院長江明出席大會。');
    expect(b).toContain('Organization:行政院');
    expect(b).not.toContain('Organization:行政院院');
  });

  it('notARoom: a hall on a floor of a hotel is a place, not a body', () => {
    expect(bodies('江州恒岳大饭店8楼国际会议厅举办表彰大会。').some((x) => x.includes('会议厅'))).toBe(false);
  });

  it('〇 is a digit inside a school name', () => {
    expect(bodies('长春市第一〇三中学校教师王立群获奖。')).toContain('Organization:长春市第一〇三中学校');
  });
});

describe('insideTitle', () => {
  it('the issuers opening a document title are bodies, other names in a title are not', () => {
    const b = bodies('会上宣读了《中共江州市委 江州市人民政府关于表彰江州市劳动模范的决定》和《九江县总工会关于表彰先进的通报》，印发《江州工匠学院体系建设三年行动方案》。');
    expect(b).toEqual(expect.arrayContaining(['Organization:江州市委', 'Organization:江州市人民政府', 'Union:九江县总工会']));
    expect(b.some((x) => x.includes('学院'))).toBe(false);
  });
});
