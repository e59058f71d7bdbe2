/**
 * The whole pipeline on the five seed articles, scored against their gold
 * annotations (tests/fixtures) by the project's reference scorer and by
 * Laurel's own scorer, which must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiles } from '../../../src/extract/batch.js';
import { toSpecJson, type ArticleExtraction } from '../../../src/extract/contract.js';
import { score as laurelScore, type ScoredDoc } from '../../../src/extract/eval/score.js';
import { evidenceFits } from '../../helpers/evidence.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const goldDir = join(root, 'tests/fixtures/seed-gold');

interface Reference {
  score(gold: Map<string, unknown>, pred: Map<string, unknown>): {
    entityTotal: { f1: number };
    relationTotal: { f1: number };
    attributes: Record<string, { total: number; correct: number }>;
    errors: string[];
  };
}

let extractions: ArticleExtraction[];
let gold: Map<string, ScoredDoc>;
let predictions: Map<string, ScoredDoc>;

beforeAll(async () => {
  extractions = [];
  for await (const item of extractFiles([join(root, 'seeds')])) {
    if (!item.ok) throw new Error(`${item.path}: ${item.reason}`);
    extractions.push(item.extraction);
  }
  gold = new Map(
    readdirSync(goldDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const d = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as ScoredDoc;
        return [d.doc, d];
      }),
  );
  predictions = new Map(extractions.map((x) => [x.article.id, toSpecJson(x) as unknown as ScoredDoc]));
});

describe('the pipeline on the seeds', () => {
  it('extracts all five seed articles', () => {
    expect(extractions.map((x) => x.article.id).sort()).toEqual([...gold.keys()].sort());
  });

  it('reaches gold quality: entity F1 ≥ 0.95, relation F1 ≥ 0.85, year and position accuracy ≥ 0.9', async () => {
    const reference = (await import(join(root, 'tests/fixtures/score.mjs'))) as Reference;
    const r = reference.score(gold, predictions);
    const acc = (k: string) => r.attributes[k]!.correct / r.attributes[k]!.total;
    const summary = { entityF1: r.entityTotal.f1, relationF1: r.relationTotal.f1, year: acc('year'), position: acc('position') };
    expect(summary.entityF1, r.errors.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(summary.relationF1, r.errors.join('\n')).toBeGreaterThanOrEqual(0.85);
    expect(summary.year).toBeGreaterThanOrEqual(0.9);
    expect(summary.position).toBeGreaterThanOrEqual(0.9);
  });

  it('scores the same with laurel eval as with the reference scorer', async () => {
    const reference = (await import(join(root, 'tests/fixtures/score.mjs'))) as Reference;
    const theirs = reference.score(gold, predictions);
    const ours = laurelScore(gold, predictions);
    expect(ours.entityTotal).toEqual(theirs.entityTotal);
    expect(ours.relationTotal).toEqual(theirs.relationTotal);
    expect(ours.attributes).toEqual(theirs.attributes);
    expect(ours.errors).toEqual(theirs.errors);
  });

  it('gives every entity its mentions and every text relation its evidence, as written in the article', () => {
    for (const x of extractions) {
      for (const e of x.entities) {
        for (const m of e.mentions) {
          // A caption may interrupt a name (北…图为…摄…京大工匠): the surface skips it, the offsets span it.
          expect(evidenceFits(x.article.text, { sentence: m.surface, start: m.start, end: m.end }), `${x.article.id} ${e.name} at ${m.start}`).toBe(true);
          expect(evidenceFits(x.article.text, m.evidence)).toBe(true);
        }
      }
      for (const r of x.relations) {
        expect(r.provenance).toBe('text');
        expect(evidenceFits(x.article.text, r.evidence!), `${x.article.id} ${r.type} ${r.from} → ${r.to}`).toBe(true);
      }
      for (const r of x.inferred) {
        expect(r.provenance).toBe('lexicon');
        expect(r.evidence).toBeUndefined();
      }
    }
  });

  it('keeps lexicon facts out of the SPEC output', () => {
    for (const x of extractions) {
      const spec = toSpecJson(x) as { relations: unknown[] };
      expect(spec.relations).toHaveLength(x.relations.length);
    }
    expect(extractions.some((x) => x.inferred.length > 0)).toBe(true);
  });
});

describe('evidence of a relation', () => {
  it('keeps every sentence stating a fact, the body sentence before a headline fragment', async () => {
    const { extractArticle } = await import('../../../src/extract/pipeline.js');
    const x = extractArticle({ id: 'e', text: '全国劳模陈建国：让机器更聪明\n\n本报讯 陈建国今年获得“全国劳动模范”荣誉称号。', meta: { date: '2025-04-30' } });
    const r = x.relations.find((r) => r.type === 'HOLDS_TITLE' && r.from === '陈建国')!;
    expect(r.evidence!.sentence).toContain('今年获得');
    expect(r.evidences!.map((e) => e.sentence)).toEqual([expect.stringContaining('今年获得'), '全国劳模陈建国：让机器更聪明']);
  });
});

describe('traditional-script articles', () => {
  it('give every entity its name as the article would write it, built names included', async () => {
    const { extractArticle } = await import('../../../src/extract/pipeline.js');
    const x = extractArticle({ id: 't', text: '九江縣長陳志明出席九江縣總工會舉辦的表揚大會，於今日頒獎。', meta: {} });
    const names = x.entities.flatMap((e) => [e.name, ...e.aliases]);
    expect(names).toEqual(expect.arrayContaining(['九江縣總工會', '陳志明']));
    expect(x.entities.filter((e) => e.type === 'Person').map((e) => e.name)).not.toContain('于今');
  });
});
