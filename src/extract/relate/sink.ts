/**
 * Where relation patterns put what they find. A relation is kept once per
 * (type, from, to): a later pattern that finds it again only fills in a
 * year or a position the first one did not have.
 */
import type { EntityType, RelationType } from '../../domain/model.js';
import type { DocRelation, EntityMention } from '../document.js';
import type { DocView } from './view.js';

export type End = { name: string; type: EntityType };

export class RelationSink {
  private readonly list: DocRelation[] = [];
  private readonly seen = new Map<string, DocRelation>();

  constructor(private readonly view: DocView) {}

  /** The relations found so far, in the order they were found. */
  get relations(): readonly DocRelation[] {
    return this.list;
  }

  add(type: RelationType, from: EntityMention | End, to: End, sentence: number, rule: string, extra: { year?: number; position?: string } = {}): void {
    const f = 'start' in from ? this.view.canonical(from) : from;
    const key = `${type}|${f.name}|${to.name}`;
    const existing = this.seen.get(key);
    if (existing) {
      existing.year ??= extra.year;
      existing.position ??= extra.position;
      if (!existing.sentences.includes(sentence)) existing.sentences.push(sentence);
      return;
    }
    const r: DocRelation = { type, from: f.name, to: to.name, sentence, sentences: [sentence], rule, ...definedOnly(extra) };
    this.seen.set(key, r);
    this.list.push(r);
  }

  /** Sets the year of a relation found earlier (undefined clears it). */
  setYear(r: DocRelation, year: number | undefined): void {
    const own = this.seen.get(`${r.type}|${r.from}|${r.to}`);
    if (own !== r) throw new Error(`setYear: ${r.type} ${r.from}→${r.to} is not a relation of this sink`);
    if (year === undefined) delete r.year;
    else r.year = year;
  }
}

function definedOnly(x: { year?: number; position?: string }): { year?: number; position?: string } {
  return { ...(x.year !== undefined ? { year: x.year } : {}), ...(x.position ? { position: x.position } : {}) };
}
