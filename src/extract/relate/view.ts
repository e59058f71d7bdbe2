/**
 * The read-only view of a document that relation patterns share: its
 * mentions in order, each with the canonical name and type of its entity,
 * and the lookups the patterns need (what lies in a span, what ends at an
 * offset, the last mention before a place).
 */
import type { EntityType } from '../../domain/model.js';
import { sentenceContaining, type Doc, type EntityMention } from '../document.js';
import { isBody, isHonour } from './kinds.js';

export interface Entry {
  m: EntityMention;
  name: string;
  type: EntityType;
}

export class DocView {
  readonly text: string;
  /** Mentions by start, with the canonical name and type of their entity. */
  readonly sorted: readonly Entry[];
  private readonly byMention = new Map<EntityMention, Entry>();
  private readonly byEnd = new Map<number, Entry[]>();
  /** Journalists and editors: named in bylines, never the subject of a fact. */
  readonly bylineNames: ReadonlySet<string>;
  /** Honourees presented as 代表 at a commendation hold the honour as of the event. */
  readonly honourYearForRepresentatives: number | undefined;

  constructor(readonly doc: Doc) {
    this.text = doc.text;
    const nameOf = new Map<number, { name: string; type: EntityType }>();
    for (const e of doc.entities) for (const i of e.mentions) nameOf.set(i, { name: e.name, type: e.type });
    this.sorted = doc.mentions
      .map((m, i) => ({ m, ...(nameOf.get(i) ?? { name: m.name, type: m.type }) }))
      .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
    for (const x of this.sorted) {
      this.byMention.set(x.m, x);
      const list = this.byEnd.get(x.m.end) ?? [];
      list.push(x);
      this.byEnd.set(x.m.end, list);
    }
    this.honourYearForRepresentatives = /表彰|座谈会|颁奖/.test(doc.text) ? doc.setting.year : undefined;
    this.bylineNames = new Set(doc.mentions.filter((m) => m.cue === 'person:byline').map((m) => m.name));
  }

  /** Index of the first entry starting at or after `at` (binary search on the start). */
  private firstFrom(at: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.m.start < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Entries lying within [start, end), in order. */
  entriesIn(start: number, end: number): Entry[] {
    const out: Entry[] = [];
    for (let k = this.firstFrom(start); k < this.sorted.length && this.sorted[k]!.m.start < end; k++) if (this.sorted[k]!.m.end <= end) out.push(this.sorted[k]!);
    return out;
  }

  /** The last entry in [floor, at) that satisfies `test` (walks back from the first at or after `at`). */
  lastEntryBefore(at: number, test: (x: Entry) => boolean, floor = 0): Entry | undefined {
    const lo = this.firstFrom(at);
    for (let k = lo - 1; k >= 0 && this.sorted[k]!.m.start >= floor; k--) if (this.sorted[k]!.m.end <= at && test(this.sorted[k]!)) return this.sorted[k];
    return undefined;
  }

  /** People who can be a sentence's subject (not the journalists), in order; computed once. */
  private subjects?: Entry[];
  subjectPeople(): Entry[] {
    return (this.subjects ??= this.sorted.filter((x) => x.type === 'Person' && !this.bylineNames.has(x.name)));
  }

  mentionsIn(s: { start: number; end: number }): EntityMention[] {
    return this.entriesIn(s.start, s.end).map((x) => x.m);
  }

  canonical(m: EntityMention): { name: string; type: EntityType } {
    const x = this.byMention.get(m);
    return x ? { name: x.name, type: x.type } : { name: m.name, type: m.type };
  }

  /** Mentions of bodies (not people, not honours) ending exactly at `at`. */
  bodyEndingAt(at: number, from: number): EntityMention[] {
    return (this.byEnd.get(at) ?? []).filter((x) => x.m.start >= from && isBody(x.type)).map((x) => x.m);
  }

  honourEndingAt(at: number, from: number): EntityMention | undefined {
    return (this.byEnd.get(at) ?? []).find((x) => x.m.start >= from && isHonour(x.type))?.m;
  }

  /** Position text as written in the original (traditional characters stay traditional). */
  written(span: { start: number; end: number }): string {
    const from = this.doc.toOriginal[span.start]!;
    const to = this.doc.toOriginal[span.end - 1]! + 1;
    const original = this.doc.original.slice(from, to).replace(/\s+/g, '');
    const normalised = this.text.slice(span.start, span.end).replace(/\s+/g, '');
    return original.length === normalised.length ? original : normalised;
  }

  /** The last person named before `at`, within two paragraphs (他/她 stands for them). */
  lastPersonBefore(at: number): EntityMention | undefined {
    const paragraph = sentenceContaining(this.doc, at, true)?.paragraph ?? 0;
    const last = this.lastEntryBefore(at, (x) => x.type === 'Person' && !this.bylineNames.has(x.name));
    if (!last) return undefined;
    const lastParagraph = sentenceContaining(this.doc, last.m.start)?.paragraph ?? 0;
    return paragraph - lastParagraph <= 2 ? last.m : undefined;
  }

}
