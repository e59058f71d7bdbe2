import { describe, expect, it } from 'vitest';
import { checkBodies, formatBodyCheck, type Body } from '../../../../src/extract/eval/bodies.js';

const gold = [
  {
    doc: 'a',
    entities: [
      { type: 'Union', name: '江州市总工会', aliases: ['市总工会'] },
      { type: 'Company', name: '江州远航重工有限公司', optional: true },
      { type: 'Organization', name: '中共江州市委', aliases: ['江州市委'] },
    ],
  },
  { doc: 'b', entities: [{ type: 'Organization', name: '九江日报' }] },
];
const body = (label: string, name: string, aliases: string[] = [], fromText = true): Body => ({ label, name, aliases, fromText });

describe('the graph-level check of bodies', () => {
  it('matches a node by name or alias against gold of its type in any document of the set', () => {
    const c = checkBodies(
      [
        body('Union', '江州市总工会'),
        body('Organization', '江州市委', ['中共江州市委']),
        body('Organization', '九江日报'),
        body('Company', '江州远航重工有限公司'),
      ],
      gold,
    );
    expect(c.unmatched).toEqual([]);
    expect(c.total).toBe(4);
  });

  it('lists a node whose names no gold entity of its type carries, even when another type does', () => {
    const c = checkBodies([body('Union', '经江州市总工会'), body('Company', '九江日报'), body('Union', '市总工会')], gold);
    expect(c.unmatched.map((b) => `${b.label}:${b.name}`)).toEqual(['Union:经江州市总工会', 'Company:九江日报']);
    expect(c.byLabel).toEqual({ Union: { total: 2, unmatched: 1 }, Company: { total: 1, unmatched: 1 } });
    expect(formatBodyCheck(c)).toMatch(/^bodies the articles name: 3, matching no gold entity: 2 \(66\.7 %\)/);
  });

  it('counts bodies only lexicon facts add apart: gold cannot name what the text does not', () => {
    const c = checkBodies([body('Organization', '江州市人民政府', [], false), body('Union', '江州市总工会')], gold);
    expect(c.total).toBe(1);
    expect(c.unmatched).toEqual([]);
    expect(c.lexiconOnly.total).toBe(1);
    expect(c.lexiconOnly.unmatched.map((b) => b.name)).toEqual(['江州市人民政府']);
  });
});
