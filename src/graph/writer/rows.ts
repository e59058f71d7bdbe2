/**
 * The rows one batch of articles becomes, once its people have keys: what the
 * writer sends to Neo4j in one transaction, and what the bulk import folds
 * into CSV files. Pure, so both write the same graph by construction.
 *
 * Within a batch an article given twice is one article (its last text and
 * properties, the union of its lexicon facts), and every node and
 * relationship appears once: the Cypher can CREATE what an article states,
 * because the writer first withdraws whatever an already stored article said.
 */
import type { EntityType, RelationType } from '../../domain/model.js';
import { lexiconFactKey, type ArticlePlan, type ArticleProps, type EntityRef } from './plan.js';

/** Neo4j property values as the writer stores them (null: the property is absent). */
export type PropertyValue = string | number | boolean | string[] | number[] | null;
export type Properties = Record<string, PropertyValue>;

export interface ArticleRow {
  id: string;
  props: ArticleProps;
  /** Keys of the lexicon facts the article asserts (lexiconFactKey); null when none. */
  lexiconFacts: string[] | null;
}

/** An entity of the batch: `Label:key` identifies it. */
export interface EntityRow {
  label: EntityType;
  key: string;
  norm: string;
  /** The canonical name of its first occurrence (a node keeps the name it was created with). */
  name: string;
  /** Every other name, once each, in order of occurrence (the name itself is dropped when stored). */
  aliases: string[];
  /** The last level given, if any (a node keeps its level unless a later article gives one). */
  level: string | null;
}

export interface MentionRow {
  article: string;
  /** `Label:key` of the entity. */
  entity: string;
  props: Properties;
}

export interface FactRow {
  type: RelationType;
  from: string;
  to: string;
  /** The supporting article (text facts); null for lexicon facts. */
  article: string | null;
  /** lexiconFactKey for lexicon facts; null for text facts. */
  fact: string | null;
  /** provenance, year, position, evidence, offsets …, as the relationship stores them (`article` included for text facts). */
  props: Properties;
}

export interface BatchRows {
  articles: ArticleRow[];
  entities: EntityRow[];
  mentions: MentionRow[];
  /** One per (type, ends, article). */
  textFacts: FactRow[];
  /** One per (asserting article, lexicon fact): each adds one to the fact's support. */
  lexiconFacts: FactRow[];
}

export function entityId(label: EntityType, key: string): string {
  return `${label}:${key}`;
}

/**
 * The rows of a batch. `keyOf` gives an entity its key (people: the identity
 * rule's key for that article; everything else: its normalised name).
 */
export function batchRows(plans: ArticlePlan[], keyOf: (ref: EntityRef, article: string) => string): BatchRows {
  const articles = new Map<string, ArticleRow>();
  const asserted = new Map<string, Set<string>>();
  const entities = new Map<string, EntityRow>();
  const mentions = new Map<string, MentionRow>();
  const textFacts = new Map<string, FactRow>();
  const lexiconFacts = new Map<string, FactRow>();

  for (const p of plans) {
    const keys = asserted.get(p.id) ?? new Set<string>();
    asserted.set(p.id, keys);
    // A later copy of an article replaces the earlier one's properties, at the earlier one's place.
    articles.set(p.id, { id: p.id, props: p.props, lexiconFacts: null });

    for (const e of p.entities) {
      const key = keyOf(e, p.id);
      const id = entityId(e.label, key);
      const row = entities.get(id);
      if (row) {
        for (const a of e.aliases) if (!row.aliases.includes(a)) row.aliases.push(a);
        row.level = e.level ?? row.level;
      } else {
        entities.set(id, { label: e.label, key, norm: e.norm, name: e.name, aliases: [...e.aliases], level: e.level });
      }
      if (e.mention) mentions.set(`${p.id}\u0000${id}`, { article: p.id, entity: id, props: { ...e.mention } });
    }

    for (const f of p.facts) {
      const fromKey = keyOf(f.from, p.id);
      const toKey = keyOf(f.to, p.id);
      const from = entityId(f.from.label, fromKey);
      const to = entityId(f.to.label, toKey);
      if (f.article === null) {
        const fact = lexiconFactKey(f.type, f.from.label, fromKey, f.to.label, toKey);
        keys.add(fact);
        lexiconFacts.set(`${p.id}\u0000${fact}`, { type: f.type, from, to, article: null, fact, props: { ...f.props, provenance: f.provenance } });
      } else {
        textFacts.set(`${f.type}\u0000${from}\u0000${to}\u0000${f.article}`, {
          type: f.type,
          from,
          to,
          article: f.article,
          fact: null,
          props: { ...f.props, provenance: f.provenance, article: f.article },
        });
      }
    }
  }
  for (const row of articles.values()) {
    const keys = asserted.get(row.id)!;
    row.lexiconFacts = keys.size ? [...keys] : null;
  }
  return {
    articles: [...articles.values()],
    entities: [...entities.values()],
    mentions: [...mentions.values()],
    textFacts: [...textFacts.values()],
    lexiconFacts: [...lexiconFacts.values()],
  };
}

/** Aliases as a node stores them after `incoming` are added: in order, once, never the name. */
export function mergeAliases(stored: readonly string[], incoming: readonly string[], name: string): string[] {
  const out = [...stored];
  for (const a of incoming) if (a !== name && !out.includes(a)) out.push(a);
  return out;
}

/** The text the full-text index reads beside the name: the aliases joined by spaces. */
export function aliasText(aliases: readonly string[]): string {
  return aliases.join(' ');
}
