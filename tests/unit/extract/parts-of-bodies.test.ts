import { describe, expect, it } from 'vitest';
import { groupPapers } from '../../../src/extract/recognise/organisations.js';
import { appositive } from '../../../src/extract/relate/patterns/appositive.js';
import { clauses } from '../../../src/extract/relate/patterns/clauses.js';
import { issuers } from '../../../src/extract/relate/patterns/issuers.js';
import { recognise } from '../../../src/extract/stages/recognise.js';
import { tokenIndex } from '../../../src/extract/text.js';
import { foundBy, prepared } from '../../helpers/doc.js';

// Honouree lists print where a person works as body + branch (支局, 车间, 站) + name.
const LIST = '获得首届“江州市十佳投递员”的是青田县邮政局河口邮政支局韩立平，青山区邮政局刘德明，江州钢铁有限公司二炼钢车间郑文秀。';

describe('a part of a body before a name', () => {
  it('recognises the name after a branch, workshop or station of a body', () => {
    const people = recognise(prepared(LIST)).mentions.filter((m) => m.type === 'Person').map((m) => m.name);
    expect(people).toEqual(['韩立平', '刘德明', '郑文秀']);
  });

  it('makes the body, not its branch, the employer', () => {
    const found = foundBy([appositive], LIST, { date: '2012-06-01' });
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^WORKS_FOR\|韩立平\|青田县邮政局\|/), expect.stringMatching(/^WORKS_FOR\|郑文秀\|江州钢铁有限公司\|/)]));
    expect(found.filter((f) => f.includes('支局') || f.includes('车间'))).toEqual([]);
  });

  it('reads no part where other words stand between the body and the name', () => {
    const people = recognise(prepared('江州县邮政局今年新建了三个站点，受到群众好评。')).mentions.filter((m) => m.type === 'Person');
    expect(people).toEqual([]);
  });
});

describe('a press group and its paper', () => {
  it('names the paper a press group publishes, not the words after it', () => {
    const d = prepared('评选由江州省邮政局和江州日报报业集团农民报联合主办。江州日报报业集团报道了此事。');
    expect(groupPapers(d, tokenIndex(d)).map((m) => m.name)).toEqual(['江州日报报业集团农民报']);
  });

  it('makes both hosts of a selection conferrers of its honour and honourers of its holders', () => {
    const text = '本次评选活动由江州省邮政局和江州日报报业集团农民报联合主办。韩立平获得“江州省十佳投递员”称号。';
    const found = foundBy([clauses, issuers], text, { date: '2012-06-01' });
    expect(found).toEqual(
      expect.arrayContaining([
        'CONFERRED_BY|江州省十佳投递员|江州省邮政局||',
        'CONFERRED_BY|江州省十佳投递员|江州日报报业集团农民报||',
      ]),
    );
  });
});
