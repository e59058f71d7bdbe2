/**
 * The extraction pipeline: an Article flows through small named stages, each
 * a pure function of the document that adds annotations with offsets:
 *
 *   normalise → sentences → segment → situate → recognise → resolve → relate
 *
 * then the document is turned into the contract the rest of Laurel uses.
 */
import type { Article, ArticleExtraction, Evidence, ExtractedEntity, ExtractedRelation } from './contract.js';
import { originalSpan, originalText, sentenceAt, type Doc, type Sentence } from './document.js';
import { headline } from './headline.js';
import { inferFromLexicon } from './infer.js';
import * as OpenCC from 'opencc-js';
import { hasTraditional, normalise } from './stages/normalise.js';
import { recognise } from './stages/recognise.js';
import { relate, relationEnds } from './relate/index.js';
import { resolve } from './stages/resolve.js';
import { segment } from './stages/segment.js';
import { sentences } from './stages/sentences.js';
import { situate } from './stages/situate.js';

export const STAGES = [sentences, segment, situate, recognise, resolve, relate] as const;

export function analyse(article: Article): Doc {
  return STAGES.reduce((doc, stage) => stage(doc), normalise(article));
}

export function extractArticle(article: Article): ArticleExtraction {
  return toExtraction(analyse(article));
}

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/**
 * In an article written in traditional characters, a name Laurel built or
 * simplified (南投县模范劳工) is also known as the article would write it
 * (南投縣模範勞工, in Taiwan's or Hong Kong's standard characters).
 */
function withTraditionalForms(name: string, aliases: string[]): string[] {
  const out = [...aliases];
  for (const form of [toTaiwan(name), toHongKong(name)]) if (form !== name && !out.includes(form)) out.push(form);
  return out;
}

/**
 * A relation's evidence, the most explicit sentence first: a body sentence
 * before a headline or caption fragment (a short line with no closing
 * punctuation) that states the same; otherwise in reading order.
 */
function evidenceOf(list: Evidence[], spans: Sentence[]): { evidence: Evidence; evidences?: Evidence[] } {
  const fragment = (e: Evidence) => e.sentence.length <= 30 && !/[。！？；…]["”’」』）)]*$/.test(e.sentence);
  const order = list.map((e, k) => ({ e, k, at: spans[k]!.start })).sort((a, b) => Number(fragment(a.e)) - Number(fragment(b.e)) || a.at - b.at);
  const sorted = order.map((x) => x.e);
  return sorted.length > 1 ? { evidence: sorted[0]!, evidences: sorted } : { evidence: sorted[0]! };
}

export function toExtraction(doc: Doc): ArticleExtraction {
  const evidences = new Map<number, Evidence>();
  const evidence = (sentence: number): Evidence => {
    let e = evidences.get(sentence);
    if (!e) {
      const s = doc.sentences[sentence]!;
      evidences.set(sentence, (e = { sentence: originalText(doc, s), ...originalSpan(doc, s) }));
    }
    return e;
  };
  const sentenceOf = (at: number) => sentenceAt(doc, at);
  const traditional = hasTraditional(doc.original);
  const entities: ExtractedEntity[] = doc.entities.map((e) => ({
    type: e.type,
    name: e.name,
    aliases: traditional ? withTraditionalForms(e.name, e.aliases) : e.aliases,
    ...(e.level ? { level: e.level } : {}),
    mentions: e.mentions.map((i) => {
      const m = doc.mentions[i]!;
      const span = originalSpan(doc, m);
      return { surface: originalText(doc, m), ...span, evidence: evidence(Math.max(0, sentenceOf(m.start))) };
    }),
  }));
  const relations: ExtractedRelation[] = doc.relations.map((r) => ({
    type: r.type,
    from: r.from,
    to: r.to,
    ...relationEnds(doc, r),
    ...(r.year !== undefined ? { year: r.year } : {}),
    ...(r.position ? { position: r.position } : {}),
    ...evidenceOf(r.sentences.map(evidence), r.sentences.map((k) => doc.sentences[k]!)),
    provenance: 'text',
  }));
  // A relation may end at a body only implied by an office (市长 → 市政府): it is an entity too.
  for (const r of relations) {
    if (!entities.some((e) => e.name === r.to && e.type === r.toType)) {
      entities.push({ type: r.toType!, name: r.to, aliases: traditional ? withTraditionalForms(r.to, []) : [], mentions: [] });
    }
  }
  // Without a title in its metadata, an article is named by its headline, when it has one.
  const title = doc.meta.title ?? headline(doc.original);
  const meta = title === undefined ? doc.meta : { ...doc.meta, title };
  return { article: { id: doc.id, text: doc.original, meta }, entities, relations, inferred: inferFromLexicon(doc, entities) };
}
