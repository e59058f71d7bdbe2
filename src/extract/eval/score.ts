/**
 * Precision, recall and F1 of extractions against gold annotations, with the
 * matching rules of the project's scorer (../shared/extraction/score.mjs):
 *
 * - names compare after NFKC with quotes, book-title marks and white space removed;
 * - an entity matches when its type agrees and a name or alias equals a gold name or alias;
 *   each gold entity takes at most one prediction; `optional` gold neither rewards nor punishes;
 * - a relation matches when its type agrees and both ends resolve to the same gold entities;
 * - year and position are scored on matched relations.
 */
import { ENTITY_TYPES, RELATION_TYPE_NAMES } from '../../domain/model.js';

export interface ScoredEntity {
  type: string;
  name: string;
  aliases?: string[];
  optional?: boolean;
}

export interface ScoredRelation {
  type: string;
  from: string;
  to: string;
  year?: number | string;
  position?: string;
  optional?: boolean;
}

export interface ScoredDoc {
  doc: string;
  entities?: ScoredEntity[];
  relations?: ScoredRelation[];
}

export interface Counts {
  gold: number;
  pred: number;
  tp: number;
}

export interface Prf extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  docs: number;
  missingDocs: string[];
  entities: Record<string, Prf>;
  relations: Record<string, Prf>;
  entityTotal: Prf;
  relationTotal: Prf;
  attributes: Record<string, { total: number; correct: number }>;
  errors: string[];
}

export function normName(name: unknown): string {
  return String(name ?? '')
    .normalize('NFKC')
    .replace(/[“”‘’"'「」『』《》〈〉]/g, '')
    .replace(/\s+/g, '');
}

const namesOf = (e: ScoredEntity) => new Set([e.name, ...(e.aliases ?? [])].map(normName).filter(Boolean));
const counter = (): Counts => ({ gold: 0, pred: 0, tp: 0 });

function prf(c: Counts): Prf {
  const precision = c.pred ? c.tp / c.pred : c.gold ? 0 : 1;
  const recall = c.gold ? c.tp / c.gold : c.pred ? 0 : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...c, precision, recall, f1 };
}

interface Stats {
  entities: Record<string, Counts>;
  relations: Record<string, Counts>;
  attributes: Record<string, { total: number; correct: number }>;
}

function scoreDoc(gold: ScoredDoc, pred: ScoredDoc | undefined, stats: Stats, errors: string[]): void {
  const goldEntities = (gold.entities ?? []).map((e, id) => ({ ...e, id, names: namesOf(e) }));
  const predEntities = (pred?.entities ?? []).map((e) => ({ ...e, names: namesOf(e) }));

  const matchedGold = new Map<number, (typeof goldEntities)[number]>();
  const taken = new Set<number>();
  for (const g of goldEntities) {
    const i = predEntities.findIndex((p, idx) => !matchedGold.has(idx) && p.type === g.type && [...p.names].some((n) => g.names.has(n)));
    if (i >= 0) {
      matchedGold.set(i, g);
      taken.add(g.id);
    }
  }
  for (const g of goldEntities) {
    if (g.optional) continue;
    const c = (stats.entities[g.type] ??= counter());
    c.gold++;
    if (taken.has(g.id)) c.tp++;
    else errors.push(`${gold.doc}\tmissed entity\t${g.type}\t${g.name}`);
  }
  predEntities.forEach((p, i) => {
    const g = matchedGold.get(i);
    if (g?.optional) return;
    const c = (stats.entities[p.type] ??= counter());
    c.pred++;
    if (!g) {
      const optionalTwin = goldEntities.some((o) => o.optional && o.type === p.type && [...p.names].some((n) => o.names.has(n)));
      if (optionalTwin) c.pred--;
      else errors.push(`${gold.doc}\tspurious entity\t${p.type}\t${p.name}`);
    }
  });

  const goldByName = new Map<string, (typeof goldEntities)[number][]>();
  for (const g of goldEntities) for (const n of g.names) goldByName.set(n, [...(goldByName.get(n) ?? []), g]);
  const predNames = new Map<string, Set<string>>();
  for (const p of predEntities) for (const n of p.names) if (!predNames.has(n)) predNames.set(n, p.names);
  const resolve = (name: string): number[] => {
    const n = normName(name);
    const names = predNames.get(n) ?? new Set([n]);
    const ids = new Set<number>();
    for (const m of names) for (const g of goldByName.get(m) ?? []) ids.add(g.id);
    return [...ids];
  };

  const goldRelations = new Map<string, ScoredRelation & { matched?: boolean }>();
  for (const r of gold.relations ?? []) {
    const [from] = resolve(r.from);
    const [to] = resolve(r.to);
    if (from === undefined || to === undefined) throw new Error(`gold ${gold.doc}: relation ${r.type} ${r.from} -> ${r.to} names no entity`);
    goldRelations.set(`${r.type}|${from}|${to}`, { ...r });
  }
  const seen = new Set<string>();
  for (const r of pred?.relations ?? []) {
    const fromIds = resolve(r.from);
    const toIds = resolve(r.to);
    let key = `${r.type}|${fromIds[0] ?? `?${normName(r.from)}`}|${toIds[0] ?? `?${normName(r.to)}`}`;
    for (const f of fromIds) for (const t of toIds) if (goldRelations.has(`${r.type}|${f}|${t}`)) key = `${r.type}|${f}|${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const g = goldRelations.get(key);
    if (g?.optional) continue;
    const c = (stats.relations[r.type] ??= counter());
    c.pred++;
    if (g) {
      c.tp++;
      g.matched = true;
      for (const attr of ['year', 'position'] as const) {
        if (g[attr] === undefined) continue;
        const a = (stats.attributes[attr] ??= { total: 0, correct: 0 });
        a.total++;
        if (normName(g[attr]) === normName(r[attr])) a.correct++;
        else errors.push(`${gold.doc}\twrong ${attr}\t${r.type}\t${r.from} -> ${r.to}\tgold ${g[attr]}, got ${r[attr] ?? '(none)'}`);
      }
    } else {
      errors.push(`${gold.doc}\tspurious relation\t${r.type}\t${r.from} -> ${r.to}`);
    }
  }
  for (const g of goldRelations.values()) {
    if (g.optional) continue;
    (stats.relations[g.type] ??= counter()).gold++;
    if (!g.matched) errors.push(`${gold.doc}\tmissed relation\t${g.type}\t${g.from} -> ${g.to}`);
  }
}

function total(byType: Record<string, Counts>): Prf {
  const t = counter();
  for (const c of Object.values(byType)) {
    t.gold += c.gold;
    t.pred += c.pred;
    t.tp += c.tp;
  }
  return prf(t);
}

export function score(goldDocs: Map<string, ScoredDoc>, predDocs: Map<string, ScoredDoc>): ScoreReport {
  const stats: Stats = { entities: {}, relations: {}, attributes: {} };
  const errors: string[] = [];
  const missingDocs: string[] = [];
  for (const [doc, gold] of goldDocs) {
    const pred = predDocs.get(doc);
    if (!pred) missingDocs.push(doc);
    scoreDoc({ ...gold, doc }, pred, stats, errors);
  }
  const map = (o: Record<string, Counts>) => Object.fromEntries(Object.entries(o).map(([k, c]) => [k, prf(c)]));
  return {
    docs: goldDocs.size,
    missingDocs,
    entities: map(stats.entities),
    relations: map(stats.relations),
    entityTotal: total(stats.entities),
    relationTotal: total(stats.relations),
    attributes: stats.attributes,
    errors,
  };
}

/** The scorer's table: per type and in total, P/R/F1 in percent. */
export function formatReport(r: ScoreReport): string {
  const pct = (x: number) => (100 * x).toFixed(1).padStart(6);
  const row = (name: string, c: Prf) =>
    `${name.padEnd(14)}${String(c.gold).padStart(6)}${String(c.pred).padStart(6)}${String(c.tp).padStart(6)}${pct(c.precision)}${pct(c.recall)}${pct(c.f1)}`;
  const head = `${''.padEnd(14)}${'gold'.padStart(6)}${'pred'.padStart(6)}${'tp'.padStart(6)}${'P%'.padStart(6)}${'R%'.padStart(6)}${'F1%'.padStart(6)}`;
  const lines = [`${r.docs} gold documents${r.missingDocs.length ? `, ${r.missingDocs.length} without prediction: ${r.missingDocs.join(', ')}` : ''}`, '', head];
  const ordered = (known: readonly string[], got: Record<string, Prf>) => [...known.filter((t) => got[t]), ...Object.keys(got).filter((t) => !known.includes(t))];
  for (const t of ordered(ENTITY_TYPES, r.entities)) lines.push(row(t, r.entities[t]!));
  lines.push(row('entities', r.entityTotal), '', head);
  for (const t of ordered(RELATION_TYPE_NAMES, r.relations)) lines.push(row(t, r.relations[t]!));
  lines.push(row('relations', r.relationTotal), '');
  for (const [k, a] of Object.entries(r.attributes)) lines.push(`${k} accuracy on matched relations: ${a.correct}/${a.total}`);
  lines.push(`entity F1 ${(100 * r.entityTotal.f1).toFixed(1)}  relation F1 ${(100 * r.relationTotal.f1).toFixed(1)}`);
  return lines.join('\n');
}
