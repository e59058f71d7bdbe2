import { describe, expect, it } from 'vitest';
import { relate, PATTERNS } from '../../../../src/extract/relate/index.js';
import { appositive } from '../../../../src/extract/relate/patterns/appositive.js';
import { honouredThroughConferral } from '../../../../src/extract/relate/patterns/honoured-through-conferral.js';
import { honouring } from '../../../../src/extract/relate/patterns/honouring.js';
import { storyHonourYears } from '../../../../src/extract/relate/patterns/story-honour-years.js';
import { foundBy, resolvedDoc } from '../../../helpers/doc.js';

describe('pattern: honoured-through-conferral', () => {
  it('makes the holders of an honour a body confers in the story honoured by that body', () => {
    const text = '九江市总工会授予12名职工2023年九江市五一劳动奖章。\n\n九江市五一劳动奖章获得者、九江纺织有限公司挡车工何秀兰说，荣誉是鞭策。';
    const meta = { place: '江西省九江市' };
    expect(foundBy([appositive, honouring], text, meta).filter((k) => k.startsWith('HONOURED_BY'))).toEqual([]);
    expect(foundBy([appositive, honouring, honouredThroughConferral], text, meta)).toContain('HONOURED_BY|何秀兰|九江市总工会|2023|');
  });
});

describe('pattern: story-honour-years', () => {
  it('dates a holder’s honour by the year the story gives its conferral', () => {
    const text = '九江市总工会授予12名职工2023年九江市五一劳动奖章。\n\n九江市五一劳动奖章获得者、九江纺织有限公司挡车工何秀兰说，荣誉是鞭策。';
    const meta = { place: '江西省九江市' };
    expect(foundBy([appositive], text, meta)).toContain('RECEIVED|何秀兰|九江市五一劳动奖章||');
    expect(foundBy([appositive, storyHonourYears], text, meta)).toContain('RECEIVED|何秀兰|九江市五一劳动奖章|2023|');
  });
});

describe('the pattern list', () => {
  it('names each pattern once and runs them all by default', () => {
    const names = PATTERNS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    const doc = resolvedDoc('全国劳动模范、江州精工机械有限公司高级技师陆志成出席。');
    expect(relate(doc).relations.length).toBeGreaterThan(relate(doc, []).relations.length);
  });

  it('gives every relation the sentence that states it', () => {
    const d = relate(resolvedDoc('全国劳动模范、江州精密模具有限公司高级技师钱文海出席。会议结束。'));
    expect(d.relations.length).toBeGreaterThan(0);
    for (const r of d.relations) expect(d.text.slice(d.sentences[r.sentence]!.start, d.sentences[r.sentence]!.end)).toContain(r.from);
  });
});

describe('years of an act', () => {
  it('takes a decision’s full date over a period it mentions (2003年以来 … 于2006年4月26日决定)', async () => {
    const { yearIn } = await import('../../../../src/extract/relate/years.js');
    expect(yearIn('对2003年以来作出贡献的个人，市委于2006年4月26日决定授予', 2010)).toBe(2006);
    expect(yearIn('2019年至今，他去年获得', 2024)).toBe(2023);
  });
});
