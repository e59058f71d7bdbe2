/** The same-name rule and the schema splitter, as pure functions (the writer tests run them against Neo4j). */
import { describe, expect, it } from 'vitest';
import { normaliseName } from '../../src/graph/names.js';
import { splitStatements } from '../../src/graph/schema.js';
import { resolvePeople, type Namesake } from '../../src/graph/writer/identity.js';

const namesake = (key: string, employers: string[] = [], articles: string[] = []): Namesake => ({
  key,
  employers: new Set(employers),
  articles: new Set(articles),
});

describe('resolvePeople', () => {
  it('joins a namesake whose employers overlap or are unknown, and splits when they are disjoint', () => {
    const graph = new Map([['林涛', [namesake('林涛', ['Company:甲'])]]]);
    const keys = resolvePeople(
      [
        { article: 'a', norm: '林涛', employers: ['Company:乙'] }, // disjoint → new person
        { article: 'b', norm: '林涛', employers: ['Company:甲', 'Union:丙'] }, // overlaps the first
        { article: 'c', norm: '林涛', employers: [] }, // unknown employer → the first namesake
        { article: 'd', norm: '林涛', employers: ['Company:乙'] }, // overlaps the new person
      ],
      graph,
    );
    expect(keys).toEqual(['林涛#2', '林涛', '林涛', '林涛#2']);
  });

  it('keeps the key an article already uses, and fills the smallest free suffix', () => {
    const graph = new Map([['林涛', [namesake('林涛#3', ['Company:丁'], ['again']), namesake('林涛#2', ['Company:乙'])]]]);
    expect(resolvePeople([{ article: 'again', norm: '林涛', employers: ['Company:乙'] }], graph)).toEqual(['林涛#3']);
    expect(resolvePeople([{ article: 'new', norm: '林涛', employers: ['Company:戊'] }], graph)).toEqual(['林涛']);
  });
});

describe('normaliseName', () => {
  it('compares names as the SPEC does: NFKC, no quotes or white space', () => {
    expect(normaliseName('“全国劳动模范”')).toBe('全国劳动模范');
    expect(normaliseName('某某（北京）有限公司 ')).toBe('某某(北京)有限公司');
  });
});

describe('splitStatements', () => {
  it('drops comment lines and splits on semicolons', () => {
    expect(splitStatements('// a\nCREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.a);\n\n// b\nCREATE INDEX b IF NOT EXISTS\nFOR (n:Y) ON (n.b);\n')).toEqual([
      'CREATE INDEX a IF NOT EXISTS FOR (n:X) ON (n.a)',
      'CREATE INDEX b IF NOT EXISTS\nFOR (n:Y) ON (n.b)',
    ]);
  });
});
