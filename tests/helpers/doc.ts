/** Runs the extraction stages on a text, for stage-level tests. */
import type { ArticleMeta } from '../../src/extract/contract.js';
import type { Doc } from '../../src/extract/document.js';
import { analyse, STAGES } from '../../src/extract/pipeline.js';
import type { Pattern } from '../../src/extract/relate/pattern.js';
import { relate } from '../../src/extract/relate/index.js';
import { normalise } from '../../src/extract/stages/normalise.js';
import { segment } from '../../src/extract/stages/segment.js';
import { sentences } from '../../src/extract/stages/sentences.js';
import { situate } from '../../src/extract/stages/situate.js';

export function article(text: string, meta: ArticleMeta = {}, id = 'test') {
  return { id, text, meta };
}

/** normalise → sentences → segment → situate: a document ready for recognition. */
export function prepared(text: string, meta: ArticleMeta = {}): Doc {
  return situate(segment(sentences(normalise(article(text, meta)))));
}

/** Every stage. */
export function analysed(text: string, meta: ArticleMeta = {}): Doc {
  return analyse(article(text, meta));
}

/** "type:name" of each entity, for compact assertions. */
export function entityKeys(doc: Doc): string[] {
  return doc.entities.map((e) => `${e.type}:${e.name}`);
}

/** "TYPE from→to" of each relation. */
export function relationKeys(doc: Doc): string[] {
  return doc.relations.map((r) => `${r.type} ${r.from}→${r.to}`);
}

/** Every stage before relate: a document with its entities resolved, ready for relation patterns. */
export function resolvedDoc(text: string, meta: ArticleMeta = {}): Doc {
  return STAGES.filter((stage) => stage !== relate).reduce((doc, stage) => stage(doc), normalise(article(text, meta)));
}

/** "TYPE|from|to|year|position" of each relation the given patterns alone find, in order. */
export function foundBy(patterns: readonly Pattern[], text: string, meta: ArticleMeta = {}): string[] {
  return relate(resolvedDoc(text, meta), patterns).relations.map((r) => [r.type, r.from, r.to, r.year ?? '', r.position ?? ''].join('|'));
}

/** The Union, Company and Organization entities of a text: "type:name", or "type:name[alias,…]" with aliases sorted. */
export function bodiesOf(text: string, meta: ArticleMeta = {}, opts: { aliases?: boolean } = {}): string[] {
  return analysed(text, meta)
    .entities.filter((e) => e.type === 'Union' || e.type === 'Company' || e.type === 'Organization')
    .map((e) => `${e.type}:${e.name}${opts.aliases ? `[${[...e.aliases].sort().join(',')}]` : ''}`);
}
