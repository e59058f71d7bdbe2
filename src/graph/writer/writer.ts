/**
 * Writes ArticleExtractions into Neo4j.
 *
 * Each batch of articles is one transaction of parameterised UNWIND … MERGE
 * statements, one per label or relationship type (labels and types come from
 * src/domain/model.ts; values only ever travel as parameters).
 *
 * Every relationship is supported by articles: a MENTIONS and a text fact by
 * the one article they carry (`article`), a lexicon fact (one relationship per
 * type and ends, `article` null) by the articles whose extraction asserted it.
 * A lexicon fact counts those articles (`support`) and carries its key
 * (`fact`, see lexiconFactKey); each article lists the keys it asserted
 * (`lexiconFacts`), so withdrawing an article touches only its own facts,
 * however many articles assert the same popular honour. Writing an article
 * replaces what it said before: its support is withdrawn, what it says now is
 * written, and relationships and entities nothing supports any more are
 * removed. So loading the same articles twice leaves every count unchanged, a
 * re-extracted article (or a changed lexicon) drops facts it no longer
 * yields, and deleteArticles removes exactly the facts only those articles
 * support.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { ARTICLE_LABEL, ENTITY_TYPES, MENTIONS, RELATION_TYPE_NAMES, isEntityType, isRelationType, type EntityType } from '../../domain/model.js';
import type { ArticleExtraction } from '../../extract/contract.js';
import type { Graph, Params } from '../client.js';
import { resolvePeople, type Namesake, type PersonOccurrence } from './identity.js';
import { lexiconFactKey, planArticle, refId, type ArticlePlan, type EntityRef } from './plan.js';

export interface WriteSummary {
  articles: number;
  /** Entity nodes written (created or updated), counted once per batch. */
  entities: number;
  mentions: number;
  facts: number;
  /** Relations that were not written, per article, with the reason. */
  skipped: { article: string; reason: string }[];
}

export interface WriterOptions {
  /** Articles per transaction. */
  batchSize?: number;
}

export class GraphWriter {
  private readonly batchSize: number;

  constructor(
    private readonly graph: Graph,
    options: WriterOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 50;
  }

  async write(extractions: ArticleExtraction[], onBatch?: (written: number, total: number) => void): Promise<WriteSummary> {
    const summary: WriteSummary = { articles: 0, entities: 0, mentions: 0, facts: 0, skipped: [] };
    for (let i = 0; i < extractions.length; i += this.batchSize) {
      const plans = extractions.slice(i, i + this.batchSize).map(planArticle);
      const s = await this.graph.write((tx) => writeBatch(tx, plans));
      summary.articles += s.articles;
      summary.entities += s.entities;
      summary.mentions += s.mentions;
      summary.facts += s.facts;
      for (const p of plans) for (const reason of p.skipped) summary.skipped.push({ article: p.id, reason });
      onBatch?.(summary.articles, extractions.length);
    }
    return summary;
  }

  /** Removes the articles, the facts only they support, and entities nothing supports any more. */
  async deleteArticles(ids: string[]): Promise<{ deleted: number }> {
    return this.graph.write(async (tx) => {
      const touched = await detachArticles(tx, ids);
      const res = await tx.run(`UNWIND $ids AS id MATCH (a:${ARTICLE_LABEL} {id: id}) DETACH DELETE a RETURN count(*) AS n`, { ids });
      await prune(tx, touched);
      return { deleted: (res.records[0]?.get('n') as number | undefined) ?? 0 };
    });
  }
}

async function writeBatch(tx: ManagedTransaction, plans: ArticlePlan[]): Promise<Omit<WriteSummary, 'skipped'>> {
  const ids = plans.map((p) => p.id);
  const personKey = await resolvePersonKeys(tx, plans);
  const keyOf = (ref: EntityRef, article: string) => (ref.label === 'Person' ? personKey(article, ref.norm) : ref.norm);

  const touched = await detachArticles(tx, ids);

  // The lexicon facts each article asserts, once per article (an article
  // given twice in a batch asserts the union, as its text facts do).
  const asserted = new Map<string, Set<string>>();
  for (const p of plans) {
    const keys = asserted.get(p.id) ?? new Set<string>();
    asserted.set(p.id, keys);
    for (const f of p.facts) if (f.article === null) keys.add(lexiconFactKey(f.type, f.from.label, keyOf(f.from, p.id), f.to.label, keyOf(f.to, p.id)));
  }

  await tx.run(
    `UNWIND $rows AS row
     MERGE (a:${ARTICLE_LABEL} {id: row.id})
     SET a += row.props, a.lexiconFacts = row.lexiconFacts`,
    { rows: plans.map((p) => ({ id: p.id, props: p.props, lexiconFacts: asserted.get(p.id)!.size ? [...asserted.get(p.id)!] : null })) },
  );

  // Entities, one statement per label.
  const entityRows = new Map<EntityType, Map<string, Params>>();
  const mentionRows = new Map<EntityType, Params[]>();
  for (const p of plans) {
    for (const e of p.entities) {
      const key = keyOf(e, p.id);
      const rows = entityRows.get(e.label) ?? new Map<string, Params>();
      entityRows.set(e.label, rows);
      const row = rows.get(key);
      if (row) (row.aliases as string[]).push(...e.aliases);
      else rows.set(key, { key, norm: e.norm, name: e.name, aliases: [...e.aliases], level: e.level });
      if (e.mention) {
        const list = mentionRows.get(e.label) ?? [];
        list.push({ article: p.id, key, ...e.mention });
        mentionRows.set(e.label, list);
      }
    }
  }
  let entities = 0;
  for (const [label, rows] of entityRows) {
    entities += rows.size;
    await tx.run(mergeEntities(label), { rows: [...rows.values()] });
  }
  let mentions = 0;
  for (const [label, rows] of mentionRows) {
    mentions += rows.length;
    await tx.run(mergeMentions(label), { rows });
  }

  // Facts, one statement per (type, from label, to label, provenance). A
  // lexicon fact gets one row per article asserting it: each adds 1 to its support.
  const factRows = new Map<string, { type: string; from: EntityType; to: EntityType; lexicon: boolean; rows: Params[] }>();
  const lexiconRows = new Set<string>();
  for (const p of plans) {
    for (const f of p.facts) {
      const from = keyOf(f.from, p.id);
      const to = keyOf(f.to, p.id);
      const fact = f.article === null ? lexiconFactKey(f.type, f.from.label, from, f.to.label, to) : null;
      if (fact !== null) {
        if (lexiconRows.has(`${p.id}\u0000${fact}`)) continue;
        lexiconRows.add(`${p.id}\u0000${fact}`);
      }
      const group = `${f.type}|${f.from.label}|${f.to.label}|${f.provenance}`;
      const g = factRows.get(group) ?? { type: f.type, from: f.from.label, to: f.to.label, lexicon: fact !== null, rows: [] };
      factRows.set(group, g);
      g.rows.push({ from, to, article: f.article, fact, props: { ...f.props, provenance: f.provenance } });
    }
  }
  let facts = 0;
  for (const g of factRows.values()) {
    facts += g.rows.length;
    await tx.run(mergeFacts(g.type, g.from, g.to, g.lexicon), { rows: g.rows });
  }

  await prune(tx, touched);
  return { articles: plans.length, entities, mentions, facts };
}

/** Gives every person of the batch a key (rule in identity.ts), consulting the namesakes already in the graph. */
async function resolvePersonKeys(tx: ManagedTransaction, plans: ArticlePlan[]): Promise<(article: string, norm: string) => string> {
  const occurrences: PersonOccurrence[] = [];
  for (const p of plans) {
    for (const e of p.entities) {
      if (e.label !== 'Person') continue;
      const employers = p.facts.filter((f) => f.type === 'WORKS_FOR' && f.from.label === 'Person' && f.from.norm === e.norm).map((f) => refId(f.to));
      occurrences.push({ article: p.id, norm: e.norm, employers: [...new Set(employers)] });
    }
  }
  const namesakes = new Map<string, Namesake[]>();
  if (occurrences.length) {
    const res = await tx.run(
      `UNWIND $norms AS norm
       MATCH (p:Person {norm: norm})
       RETURN norm, p.key AS key,
              [(p)-[:WORKS_FOR]->(e) | head(labels(e)) + ':' + e.key] AS employers,
              [(a:${ARTICLE_LABEL})-[:${MENTIONS}]->(p) WHERE a.id IN $articles | a.id] AS articles`,
      { norms: [...new Set(occurrences.map((o) => o.norm))], articles: plans.map((p) => p.id) },
    );
    for (const r of res.records) {
      const norm = r.get('norm') as string;
      const list = namesakes.get(norm) ?? [];
      list.push({ key: r.get('key') as string, employers: new Set(r.get('employers') as string[]), articles: new Set(r.get('articles') as string[]) });
      namesakes.set(norm, list);
    }
  }
  const keys = resolvePeople(occurrences, namesakes);
  const byOccurrence = new Map(occurrences.map((o, i) => [`${o.article}\u0000${o.norm}`, keys[i]!]));
  return (article, norm) => {
    const key = byOccurrence.get(`${article}\u0000${norm}`);
    // A fact may name a person the article does not list as an entity; planArticle only links listed entities.
    if (key === undefined) throw new Error(`person "${norm}" of article ${article} was not resolved`);
    return key;
  };
}

/**
 * Withdraws the given articles' support: deletes their MENTIONS and text
 * facts, and takes 1 from the support of each lexicon fact they asserted
 * (found by the keys each article lists), deleting those no article asserts
 * any more. Work is proportional to what these articles said, not to how
 * many other articles assert the same facts. Returns the element ids of the
 * entities at the ends of what changed, which prune() then checks.
 */
async function detachArticles(tx: ManagedTransaction, ids: string[]): Promise<string[]> {
  const touched = new Set<string>();
  const collect = (res: { records: { get(k: string): unknown }[] }) => {
    for (const id of (res.records[0]?.get('nodes') as string[] | undefined) ?? []) touched.add(id);
  };
  collect(
    await tx.run(
      `MATCH (a:${ARTICLE_LABEL})-[m:${MENTIONS}]->(n) WHERE a.id IN $ids
       DELETE m
       RETURN collect(DISTINCT elementId(n)) AS nodes`,
      { ids },
    ),
  );
  for (const type of RELATION_TYPE_NAMES) {
    collect(
      await tx.run(
        `MATCH (s)-[r:${type}]->(t) WHERE r.article IN $ids
         DELETE r
         RETURN collect(DISTINCT elementId(s)) + collect(DISTINCT elementId(t)) AS nodes`,
        { ids },
      ),
    );
    collect(
      await tx.run(
        `UNWIND $ids AS id
         MATCH (a:${ARTICLE_LABEL} {id: id})
         UNWIND [k IN coalesce(a.lexiconFacts, []) WHERE k STARTS WITH $prefix] AS k
         MATCH (s)-[r:${type} {fact: k}]->(t)
         SET r.support = r.support - 1
         WITH s, t, r, r.support <= 0 AS unsupported
         CALL (r, unsupported) { WITH r WHERE unsupported DELETE r }
         RETURN collect(DISTINCT elementId(s)) + collect(DISTINCT elementId(t)) AS nodes`,
        { ids: [...new Set(ids)], prefix: `${type}:` },
      ),
    );
  }
  return [...touched];
}

/**
 * Brings lexicon facts written before `support` counts (which listed their
 * articles in `assertedBy`) to the current form: the count, the key, and the
 * key in each asserting article's `lexiconFacts`. Idempotent; finds nothing
 * to do on a graph written by this writer.
 */
export async function upgradeLexiconFacts(graph: Graph): Promise<void> {
  for (const type of RELATION_TYPE_NAMES) {
    await graph.autoCommit(
      `MATCH (s)-[r:${relType(type)}]->(t) WHERE r.provenance = 'lexicon' AND r.assertedBy IS NOT NULL
       WITH s, r, t, r.assertedBy AS ids, $prefix + head(labels(s)) + ':' + s.key + '->' + head(labels(t)) + ':' + t.key AS fact
       SET r.fact = fact, r.support = size(ids)
       REMOVE r.assertedBy
       WITH fact, ids
       UNWIND ids AS id
       MATCH (a:${ARTICLE_LABEL} {id: id})
       SET a.lexiconFacts = CASE WHEN fact IN coalesce(a.lexiconFacts, []) THEN a.lexiconFacts ELSE coalesce(a.lexiconFacts, []) + fact END`,
      { prefix: `${type}:` },
    );
  }
}

/** Deletes the entities among `nodes` that no relationship touches any more. */
async function prune(tx: ManagedTransaction, nodes: string[]): Promise<void> {
  if (nodes.length === 0) return;
  await tx.run(
    `UNWIND $nodes AS id
     MATCH (n) WHERE elementId(n) = id AND (${ENTITY_TYPES.map((l) => `n:${l}`).join(' OR ')})
       AND NOT EXISTS { (n)--() }
     DELETE n`,
    { nodes },
  );
}

// ---- Statements. Labels and types are checked against the domain model before
// they are spliced in; every value is a parameter.

function label(l: string): string {
  if (!isEntityType(l)) throw new Error(`not an entity label: ${l}`);
  return l;
}

function relType(t: string): string {
  if (!isRelationType(t)) throw new Error(`not a relation type: ${t}`);
  return t;
}

function mergeEntities(l: EntityType): string {
  // Aliases accumulate over articles; the first canonical name seen stays the
  // display name. aliasText feeds the full-text index.
  return `
    UNWIND $rows AS row
    MERGE (n:${label(l)} {key: row.key})
    ON CREATE SET n.name = row.name, n.norm = row.norm, n.aliases = []
    WITH n, row
    SET n.aliases = reduce(acc = coalesce(n.aliases, []), a IN row.aliases |
          CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END),
        n.level = coalesce(row.level, n.level)
    SET n.aliasText = reduce(s = '', a IN n.aliases | CASE s WHEN '' THEN a ELSE s + ' ' + a END)`;
}

function mergeMentions(l: EntityType): string {
  return `
    UNWIND $rows AS row
    MATCH (a:${ARTICLE_LABEL} {id: row.article})
    MATCH (n:${label(l)} {key: row.key})
    MERGE (a)-[m:${MENTIONS}]->(n)
    SET m.evidence = row.evidence, m.start = row.start, m.end = row.end, m.surfaces = row.surfaces, m.count = row.count`;
}

function mergeFacts(type: string, from: EntityType, to: EntityType, lexicon: boolean): string {
  // Text facts: one relationship per (type, from, to, supporting article).
  // Lexicon facts: one per (type, from, to), counting the articles that
  // assert it (one row per asserting article; each article lists the key).
  const merge = lexicon
    ? `MERGE (s)-[r:${relType(type)} {provenance: 'lexicon'}]->(t)
       ON CREATE SET r.support = 0
       SET r += row.props, r.fact = row.fact, r.support = r.support + 1`
    : `MERGE (s)-[r:${relType(type)} {article: row.article}]->(t)
       SET r += row.props`;
  return `
    UNWIND $rows AS row
    MATCH (s:${label(from)} {key: row.from})
    MATCH (t:${label(to)} {key: row.to})
    ${merge}`;
}
