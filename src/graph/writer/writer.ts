/**
 * Writes ArticleExtractions into Neo4j.
 *
 * Each batch of articles is one transaction: one read of what the identity
 * rule needs, then parameterised UNWIND statements, one per label and per
 * relationship type: MERGE for nodes, CREATE for what an article states,
 * MERGE for lexicon facts (labels and types come from src/domain/model.ts;
 * values only ever travel as parameters). The rows are built by rows.ts,
 * which the bulk import shares. Small statements on purpose: Neo4j plans
 * each in milliseconds, where one statement of a dozen subqueries took
 * seconds to plan, again whenever the growing graph's statistics moved.
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
import type { QueryResult } from 'neo4j-driver';
import { ARTICLE_LABEL, BODY_TYPES, ENTITY_TYPES, MENTIONS, RELATION_TYPE_NAMES, isEntityType, isRelationType, type EntityType, type RelationType } from '../../domain/model.js';
import type { ArticleExtraction } from '../../extract/contract.js';
import type { Graph, GraphTransaction } from '../client.js';
import { OTHER_EMPLOYER, personOccurrences, resolvePeople, type Namesake, type PersonOccurrence } from './identity.js';
import { planArticle, type ArticlePlan, type EntityRef } from './plan.js';
import { batchRows, type Properties } from './rows.js';

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
    this.batchSize = options.batchSize ?? 500;
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

async function writeBatch(tx: GraphTransaction, plans: ArticlePlan[]): Promise<Omit<WriteSummary, 'skipped'>> {
  const occurrences = personOccurrences(plans);
  const state = await readState(tx, plans, occurrences);
  const personKey = resolvePersonKeys(occurrences, state);
  const keyOf = (ref: EntityRef, article: string) => (ref.label === 'Person' ? personKey(article, ref.norm) : ref.norm);

  // Articles stored before say something already: withdraw it first, so what
  // they say now can simply be created.
  const touched = state.existing.length ? await detachArticles(tx, state.existing) : [];
  const rows = batchRows(plans, keyOf);

  // Nodes, one statement per label; each returns its nodes' element ids by key.
  const elementIds = new Map<string, string>();
  const found = (label: string, res: QueryResult) => {
    for (const [key, element] of res.records[0]!.get('ids') as [string, string][]) elementIds.set(`${label}:${key}`, element);
  };
  found(ARTICLE_LABEL, await tx.run(WRITE_ARTICLES, { rows: rows.articles }));
  for (const l of ENTITY_TYPES) {
    const entities = rows.entities.filter((e) => e.label === l);
    if (entities.length) found(l, await tx.run(writeEntities(l), { rows: entities }));
  }

  // Relationships between nodes found by element id, one statement per type and provenance.
  const ends = (r: { from: string; to: string; props: Properties; fact?: string | null }) => ({
    s: elementIds.get(r.from)!,
    t: elementIds.get(r.to)!,
    props: r.props,
    ...(r.fact ? { fact: r.fact } : {}),
  });
  if (rows.mentions.length) await tx.run(CREATE_MENTIONS, { rows: rows.mentions.map((m) => ends({ from: `${ARTICLE_LABEL}:${m.article}`, to: m.entity, props: m.props })) });
  for (const t of RELATION_TYPE_NAMES) {
    const text = rows.textFacts.filter((f) => f.type === t);
    if (text.length) await tx.run(createTextFacts(t), { rows: text.map(ends) });
    const lexicon = rows.lexiconFacts.filter((f) => f.type === t);
    if (lexicon.length) await tx.run(mergeLexiconFacts(t), { rows: lexicon.map(ends) });
  }

  await prune(tx, touched);
  return {
    articles: plans.length,
    entities: rows.entities.length,
    mentions: rows.mentions.length,
    facts: rows.textFacts.length + rows.lexiconFacts.length,
  };
}

/** What the graph already holds that a batch depends on. */
interface GraphState {
  /** The batch's articles that are stored already. */
  existing: string[];
  /** Person nodes that carry a name of the batch (by normalised name), with their employers. */
  namesakes: Map<string, Namesake[]>;
}

/**
 * One read: which of the batch's articles are stored, the Person nodes of
 * the names the batch's people carry (whether they work anywhere, and for
 * which of the employers the batch gives people of that name; see
 * OTHER_EMPLOYER), and which stored articles mention whom, for the identity
 * rule.
 */
async function readState(tx: GraphTransaction, plans: ArticlePlan[], occurrences: PersonOccurrence[]): Promise<GraphState> {
  const employersOf = new Map<string, Set<string>>();
  for (const o of occurrences) {
    const set = employersOf.get(o.norm) ?? new Set<string>();
    for (const e of o.employers) set.add(e);
    employersOf.set(o.norm, set);
  }
  const people = [...employersOf].map(([norm, employers]) => {
    const row: Record<string, unknown> = { norm };
    for (const l of BODY_TYPES) row[l] = [...employers].filter((e) => e.startsWith(`${l}:`)).map((e) => e.slice(l.length + 1));
    return row;
  });
  const res = await tx.run(READ_STATE, { ids: [...new Set(plans.map((p) => p.id))], people });
  const record = res.records[0]!;
  const existing = record.get('existing') as string[];
  const mentioned = new Map<string, Set<string>>();
  for (const [article, key] of record.get('mentioned') as [string, string][]) {
    const set = mentioned.get(key) ?? new Set<string>();
    set.add(article);
    mentioned.set(key, set);
  }
  const namesakes = new Map<string, Namesake[]>();
  for (const [norm, key, employed, ...byLabel] of record.get('namesakes') as [string, string, boolean, ...string[][]][]) {
    const employers = new Set(BODY_TYPES.flatMap((l, i) => byLabel[i]!.map((k) => `${l}:${k}`)));
    if (employed) employers.add(OTHER_EMPLOYER);
    const list = namesakes.get(norm) ?? [];
    list.push({ key, employers, articles: mentioned.get(key) ?? new Set() });
    namesakes.set(norm, list);
  }
  return { existing, namesakes };
}

/** Gives every person of the batch a key (rule in identity.ts), given the namesakes already in the graph. */
function resolvePersonKeys(occurrences: PersonOccurrence[], state: GraphState): (article: string, norm: string) => string {
  const keys = resolvePeople(occurrences, state.namesakes);
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
async function detachArticles(tx: GraphTransaction, ids: string[]): Promise<string[]> {
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

/**
 * Stores as integers the whole-number properties an earlier writer left as
 * floats (it sent JavaScript numbers as they are): years, offsets, counts.
 * Idempotent; a graph written by this writer has none.
 */
export async function upgradeIntegers(graph: Graph): Promise<void> {
  const props = ['year', 'start', 'end', 'support', 'count'];
  for (const type of [...RELATION_TYPE_NAMES, MENTIONS]) {
    await graph.autoCommit(
      `MATCH ()-[r:${type === MENTIONS ? MENTIONS : relType(type)}]->() WHERE ${props.map((p) => `r.${p} IS :: FLOAT NOT NULL`).join(' OR ')}
       CALL (r) { SET ${props.map((p) => `r.${p} = toInteger(r.${p})`).join(', ')} } IN TRANSACTIONS OF 10000 ROWS`,
    );
  }
}

/** Deletes the entities among `nodes` that no relationship touches any more. */
async function prune(tx: GraphTransaction, nodes: string[]): Promise<void> {
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

/** Which articles are stored, the namesakes of the batch's people and which of the batch's employers they have (readState), and which stored articles mention whom. */
const READ_STATE = `
  CALL () {
    UNWIND $ids AS id
    MATCH (a:${ARTICLE_LABEL} {id: id})
    RETURN collect(id) AS existing
  }
  CALL (existing) {
    UNWIND existing AS id
    MATCH (:${ARTICLE_LABEL} {id: id})-[:${MENTIONS}]->(p:Person)
    RETURN collect([id, p.key]) AS mentioned
  }
  CALL () {
    UNWIND $people AS row
    MATCH (p:Person {norm: row.norm})
    RETURN collect([row.norm, p.key, EXISTS { (p)-[:WORKS_FOR]->() },
      ${BODY_TYPES.map((l) => `[k IN row.${label(l)} WHERE EXISTS { (p)-[:WORKS_FOR]->(:${label(l)} {key: k}) }]`).join(',\n      ')}]) AS namesakes
  }
  RETURN existing, mentioned, namesakes`;

/**
 * The writes below find nodes by unique key or element id, whatever the
 * graph's size; without this, Neo4j replans each statement whenever the
 * growing graph's statistics move, about every ten seconds of a big load.
 */
const FIXED_PLAN = 'CYPHER replan=skip';

/** The batch's articles, returning their element ids by id. */
const WRITE_ARTICLES = `${FIXED_PLAN}
  UNWIND $rows AS row
  MERGE (a:${ARTICLE_LABEL} {id: row.id})
  SET a += row.props, a.lexiconFacts = row.lexiconFacts
  RETURN collect([row.id, elementId(a)]) AS ids`;

/**
 * Entities of one label, returning their element ids by key. Aliases
 * accumulate over articles; the first canonical name seen stays the display
 * name; a level given later replaces an earlier one; an entity without
 * aliases has no `aliases` property (as neo4j-admin import writes no empty
 * list). aliasText feeds the full-text index, so names and aliases are set
 * only when they change: an
 * unchanged hub (a title thousands of articles name) costs no index update.
 */
function writeEntities(l: EntityType): string {
  return `${FIXED_PLAN}
    UNWIND $rows AS row
    MERGE (n:${label(l)} {key: row.key})
    ON CREATE SET n.name = row.name, n.norm = row.norm
    WITH n, row, coalesce(n.aliases, []) AS stored
    WITH n, row, stored, reduce(acc = stored, a IN row.aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END) AS aliases
    CALL (n, row, stored, aliases) {
      WITH n, row, aliases WHERE n.aliasText IS NULL OR size(aliases) <> size(stored)
      SET n.aliases = CASE size(aliases) WHEN 0 THEN null ELSE aliases END,
          n.aliasText = reduce(s = '', a IN aliases | CASE s WHEN '' THEN a ELSE s + ' ' + a END)
    }
    CALL (n, row) {
      WITH n, row WHERE row.level IS NOT NULL AND row.level <> coalesce(n.level, '')
      SET n.level = row.level
    }
    RETURN collect([row.key, elementId(n)]) AS ids`;
}

// Mentions and text facts (one relationship per type, ends and supporting
// article) are created: the batch's articles said nothing before this
// transaction (what a stored article said was withdrawn first). Nodes are
// found by element id (rows of {s, t, props}).

const CREATE_MENTIONS = `${FIXED_PLAN}
  UNWIND $rows AS row
  MATCH (a) WHERE elementId(a) = row.s
  MATCH (n) WHERE elementId(n) = row.t
  CREATE (a)-[m:${MENTIONS}]->(n)
  SET m = row.props`;

function createTextFacts(type: RelationType): string {
  return `${FIXED_PLAN}
    UNWIND $rows AS row
    MATCH (s) WHERE elementId(s) = row.s
    MATCH (t) WHERE elementId(t) = row.t
    CREATE (s)-[r:${relType(type)}]->(t)
    SET r = row.props`;
}

/**
 * A lexicon fact is one relationship per type and ends, counting the
 * articles that assert it: one row per asserting article (rows of {s, t,
 * props, fact}); each article lists the key.
 */
function mergeLexiconFacts(type: RelationType): string {
  return `${FIXED_PLAN}
    UNWIND $rows AS row
    MATCH (s) WHERE elementId(s) = row.s
    MATCH (t) WHERE elementId(t) = row.t
    MERGE (s)-[r:${relType(type)} {provenance: 'lexicon'}]->(t)
    ON CREATE SET r.support = 0
    SET r += row.props, r.fact = row.fact, r.support = r.support + 1`;
}
