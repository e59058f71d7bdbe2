/**
 * The lines `laurel extract` prints carry the whole extraction: read back,
 * they give the seeds' extractions exactly; a line that is not one is
 * refused with a reason naming the field, and a file's broken line is named
 * by its line number while the others come through.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFiles } from '../../../src/extract/batch.js';
import { fromExtractionLine, toExtractionLine, toSpecJson, type ArticleExtraction } from '../../../src/extract/contract.js';
import { readExtractionLines } from '../../../src/extract/io/extraction-lines.js';

const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url));
let extractions: ArticleExtraction[];

beforeAll(async () => {
  extractions = [];
  for await (const item of extractFiles([seeds])) {
    if (!item.ok) throw new Error(`${item.path}: ${item.reason}`);
    extractions.push(item.extraction);
  }
});

const line = (x: ArticleExtraction) => JSON.parse(JSON.stringify(toExtractionLine(x))) as Record<string, unknown>;

describe('extraction lines', () => {
  it('give back every seed extraction exactly: entities, mentions with their sentences, relations, lexicon facts, text and metadata', () => {
    expect(extractions.length).toBe(5);
    for (const x of extractions) {
      expect(x.inferred.length + x.entities.length, x.article.id).toBeGreaterThan(0);
      expect(fromExtractionLine(line(x))).toEqual(x);
    }
    // Lexicon facts exist in the seeds, and ride apart from the SPEC relations.
    expect(extractions.some((x) => x.inferred.length > 0)).toBe(true);
  });

  it('keep the SPEC view as they were: every SPEC field unchanged, extras beside them', () => {
    for (const x of extractions) {
      const spec = toSpecJson(x) as { doc: string; entities: Record<string, unknown>[]; relations: Record<string, unknown>[] };
      const l = line(x) as typeof spec;
      expect(l.doc).toBe(spec.doc);
      expect(l.entities).toEqual(spec.entities.map((e, i) => ({ ...e, mentions: (e.mentions as object[]).map((m, j) => ({ ...m, evidence: x.entities[i]!.mentions[j]!.evidence })) })));
      expect(l.relations.map((r) => ({ type: r.type, from: r.from, to: r.to, year: r.year, position: r.position, evidence: r.evidence }))).toEqual(
        spec.relations.map((r) => ({ type: r.type, from: r.from, to: r.to, year: r.year, position: r.position, evidence: r.evidence })),
      );
    }
  });

  it('refuse what is not an extraction line, naming the field', () => {
    const x = line(extractions[0]!);
    const { text: _text, ...spec } = x;
    expect(() => fromExtractionLine(spec)).toThrow(/text: no article text/);
    expect(() => fromExtractionLine({ ...x, entities: [{ type: 'Thing', name: 'x', mentions: [] }] })).toThrow(/entities\.0\.type/);
    const entities = x.entities as { mentions: { start: number; end: number }[] }[];
    const far = structuredClone(entities);
    far[0]!.mentions[0]!.end = 10_000_000;
    expect(() => fromExtractionLine({ ...x, entities: far })).toThrow(/entities\.0\.mentions\.0: offsets .* outside the text/);
    expect(() => fromExtractionLine({ ...x, relations: [{ type: 'HOLDS_TITLE', from: 'a', to: 'b', year: 2025.5 }] })).toThrow(/relations\.0\.year/);
    expect(() => fromExtractionLine([1, 2])).toThrow();
  });

  it('name a broken line of a file by its number, and read the lines around it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'laurel-lines-'));
    const file = join(dir, 'out.jsonl');
    const [a, b] = extractions;
    writeFileSync(file, `${JSON.stringify(toExtractionLine(a!))}\n{"doc": "half\n\n${JSON.stringify({ doc: 'spec-only', entities: [], relations: [] })}\n${JSON.stringify(toExtractionLine(b!))}\n`);
    const items = [];
    for await (const item of readExtractionLines(file)) items.push(item);
    expect(items.map((i) => [i.path, i.ok])).toEqual([
      [`${file}:1`, true],
      [`${file}:2`, false],
      [`${file}:4`, false],
      [`${file}:5`, true],
    ]);
    expect(items[1]).toMatchObject({ reason: expect.stringMatching(/^not JSON/) });
    expect(items[2]).toMatchObject({ reason: expect.stringMatching(/^not a line of laurel extract: text: no article text/) });
    expect(items[3]).toMatchObject({ extraction: b });
  });
});
