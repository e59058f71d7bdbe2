/** planArticle: what the writer sends for each fact, as a pure function. */
import { describe, expect, it } from 'vitest';
import type { ArticleExtraction, Evidence } from '../../src/extract/contract.js';
import { planArticle } from '../../src/graph/writer/plan.js';

const text = '创新标兵：周明远\n周明远今年获得“全国劳动模范”荣誉称号。他是全国劳动模范。';
const at = (sentence: string): Evidence => ({ sentence, start: text.indexOf(sentence), end: text.indexOf(sentence) + sentence.length });
const headline = at('创新标兵：周明远');
const body = at('周明远今年获得“全国劳动模范”荣誉称号。');
const again = at('他是全国劳动模范。');

function extraction(relations: ArticleExtraction['relations']): ArticleExtraction {
  return {
    article: { id: 'x1', text, meta: {} },
    entities: [
      { type: 'Person', name: '周明远', aliases: [], mentions: [] },
      { type: 'Title', name: '全国劳动模范', aliases: [], mentions: [] },
    ],
    relations,
    inferred: [],
  };
}

describe('planArticle: evidence', () => {
  it('keeps every sentence stating a fact, in the order given (the most explicit first)', () => {
    const [fact] = planArticle(extraction([{ type: 'HOLDS_TITLE', from: '周明远', to: '全国劳动模范', year: 2025, evidence: body, evidences: [body, headline], provenance: 'text' }])).facts;
    expect(fact!.props).toMatchObject({
      evidence: body.sentence,
      start: body.start,
      end: body.end,
      evidences: [body.sentence, headline.sentence],
      evidenceStarts: [body.start, headline.start],
      evidenceEnds: [body.end, headline.end],
    });
  });

  it('reads a relation without `evidences` as stating it once, in `evidence`', () => {
    const [fact] = planArticle(extraction([{ type: 'HOLDS_TITLE', from: '周明远', to: '全国劳动模范', evidence: body, provenance: 'text' }])).facts;
    expect(fact!.props.evidences).toEqual([body.sentence]);
    expect(fact!.props.evidenceStarts).toEqual([body.start]);
  });

  it('folds a fact stated again into one, adding only sentences not yet kept, after the first', () => {
    const { facts } = planArticle(
      extraction([
        { type: 'HOLDS_TITLE', from: '周明远', to: '全国劳动模范', evidence: body, evidences: [body, headline], provenance: 'text' },
        { type: 'HOLDS_TITLE', from: '周明远', to: '全国劳动模范', year: 2025, evidence: again, evidences: [again, body], provenance: 'text' },
      ]),
    );
    expect(facts).toHaveLength(1);
    expect(facts[0]!.props.year).toBe(2025);
    expect(facts[0]!.props.evidence).toBe(body.sentence);
    expect(facts[0]!.props.evidences).toEqual([body.sentence, headline.sentence, again.sentence]);
    expect(facts[0]!.props.evidenceEnds).toEqual([body.end, headline.end, again.end]);
  });

  it('gives lexicon facts no evidence at all', () => {
    const x = extraction([]);
    x.inferred = [{ type: 'CONFERRED_BY', from: '全国劳动模范', to: '国务院', fromType: 'Title', toType: 'Organization', provenance: 'lexicon' }];
    const [fact] = planArticle(x).facts;
    expect(fact!.props).toMatchObject({ evidence: null, evidences: null, evidenceStarts: null, evidenceEnds: null });
  });
});
