/**
 * Appositive chains: what is written in front of a name (全国劳动模范、某公司
 * 副总经理张三), after a headline byline's name (彭菲 2023年度“大国工匠年度人物”、
 * 汉王科技股份有限公司高级工程师), and the employer after a name that opens a
 * sentence (韦春燕，某某集团有限公司水质检测中心主任，…).
 */
import type { Doc, EntityMention, Sentence } from '../../document.js';
import { yearIn } from '../years.js';
import { employerAfter, leftChain, noteAfter, rightChain, type Item } from '../chain.js';
import { impliedBody, standaloneOffice } from '../offices.js';
import { honourRelation } from '../kinds.js';
import type { Pattern } from '../pattern.js';
import type { RelationSink } from '../sink.js';
import type { DocView } from '../view.js';

export const appositive: Pattern = {
  name: 'appositive',
  start: (view, sink) => ({
    sentence(s, si) {
      const people = view.mentionsIn(s).filter((m) => m.type === 'Person');
      for (const p of people) {
        applyChain(view, sink, p, leftChain(view, s, p, people), si);
        if (isHeadlineByline(view.doc, s, p)) applyChain(view, sink, p, rightChain(view, s, p), si);
        else if (p.start === s.start && view.text[p.end] === '，') applyChain(view, sink, p, employerAfter(rightChain(view, s, p)), si);
      }
    },
  }),
};

function isHeadlineByline(doc: Doc, s: Sentence, p: EntityMention): boolean {
  return p.start === s.start && doc.text[p.end + noteAfter(doc.text, p.end)] === ' ';
}

/** The relations a chain gives its person: honours held, employers with the office, bodies an office implies. */
export function applyChain(view: DocView, sink: RelationSink, p: EntityMention, chain: Item[], si: number): void {
  // An office on its own continues the body before it: 党组副书记、副主任.
  const merged: Item[] = [];
  for (const item of chain) {
    const prev = merged[merged.length - 1];
    if (item.kind === 'office' && prev?.kind === 'org' && !standaloneOffice(view.text, item)) {
      prev.office = prev.office ? { start: prev.office.start, end: item.office!.end } : item.office;
      continue;
    }
    merged.push({ ...item });
  }
  for (const item of merged) {
    if (item.kind === 'honour' && item.mention) {
      const h = view.canonical(item.mention);
      const sentence = view.doc.sentences[si]!;
      const year =
        item.mention.year ??
        (item.representative ? view.honourYearForRepresentatives : undefined) ??
        (item.relative ? yearIn(view.text.slice(sentence.start, item.mention.start), view.doc.setting.year) : undefined);
      sink.add(honourRelation(h.type), p, h, si, 'appositive', { year });
    } else if (item.kind === 'org' && item.mention) {
      const position = item.office ? view.written(item.office) : undefined;
      sink.add('WORKS_FOR', p, view.canonical(item.mention), si, 'appositive', { position });
    } else if (item.kind === 'office' && item.office) {
      const body = impliedBody(view.doc, item.office);
      if (body) sink.add('WORKS_FOR', p, body, si, 'office', { position: view.written(item.office) });
    }
  }
}
