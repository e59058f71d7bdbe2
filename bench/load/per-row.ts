/**
 * The naive way to write the same graph, for the benchmark's ratio: one
 * transaction per article, and in it one statement per row (one MERGE per
 * node, per mention, per fact), as a first loader written against the
 * driver would. It applies the same plan, identity rule and rows as
 * GraphWriter (src/graph/writer), so the graph is the same; it only writes
 * articles not stored yet (it does not withdraw what a stored one said).
 */
import { ARTICLE_LABEL, MENTIONS, isEntityType, isRelationType } from '../../src/domain/model.js';
import type { ArticleExtraction } from '../../src/extract/contract.js';
import type { Graph } from '../../src/graph/index.js';
import { resolvePeople, type Namesake } from '../../src/graph/writer/identity.js';
import { planArticle, refId } from '../../src/graph/writer/plan.js';
import { batchRows } from '../../src/graph/writer/rows.js';

const checked = (name: string, ok: boolean) => {
  if (!ok) throw new Error(`not a label or type of the model: ${name}`);
  return name;
};

function split(id: string): { label: string; key: string } {
  const i = id.indexOf(':');
  const label = id.slice(0, i);
  return { label: checked(label, isEntityType(label) || label === ARTICLE_LABEL), key: id.slice(i + 1) };
}

export async function writePerRow(graph: Graph, extractions: ArticleExtraction[]): Promise<void> {
  for (const x of extractions) {
    await graph.write(async (tx) => {
      const plan = planArticle(x);
      const namesakes = new Map<string, Namesake[]>();
      const occurrences = [];
      for (const e of plan.entities) {
        if (e.label !== 'Person') continue;
        const res = await tx.run(
          `MATCH (p:Person {norm: $norm}) RETURN p.key AS key, COLLECT { MATCH (p)-[:WORKS_FOR]->(e) RETURN DISTINCT head(labels(e)) + ':' + e.key } AS employers`,
          { norm: e.norm },
        );
        namesakes.set(e.norm, res.records.map((r) => ({ key: r.get('key') as string, employers: new Set(r.get('employers') as string[]), articles: new Set<string>() })));
        const employers = plan.facts.filter((f) => f.type === 'WORKS_FOR' && f.from.norm === e.norm && f.from.label === 'Person').map((f) => refId(f.to));
        occurrences.push({ article: plan.id, norm: e.norm, employers: [...new Set(employers)] });
      }
      const resolved = resolvePeople(occurrences, namesakes);
      const keys = new Map(occurrences.map((o, i) => [o.norm, resolved[i]!]));
      const rows = batchRows([plan], (ref) => (ref.label === 'Person' ? keys.get(ref.norm)! : ref.norm));
      for (const a of rows.articles) {
        await tx.run(`MERGE (a:${ARTICLE_LABEL} {id: $id}) SET a += $props, a.lexiconFacts = $lexiconFacts`, { id: a.id, props: a.props, lexiconFacts: a.lexiconFacts });
      }
      for (const e of rows.entities) {
        await tx.run(
          `MERGE (n:${checked(e.label, isEntityType(e.label))} {key: $key})
           ON CREATE SET n.name = $name, n.norm = $norm
           WITH n, reduce(acc = coalesce(n.aliases, []), a IN $aliases | CASE WHEN a IN acc OR a = n.name THEN acc ELSE acc + a END) AS aliases
           SET n.aliases = CASE size(aliases) WHEN 0 THEN null ELSE aliases END, n.aliasText = reduce(s = '', a IN aliases | CASE s WHEN '' THEN a ELSE s + ' ' + a END), n.level = coalesce($level, n.level)`,
          { key: e.key, name: e.name, norm: e.norm, aliases: e.aliases, level: e.level },
        );
      }
      for (const m of rows.mentions) {
        const n = split(m.entity);
        await tx.run(`MATCH (a:${ARTICLE_LABEL} {id: $article}) MATCH (n:${n.label} {key: $key}) MERGE (a)-[m:${MENTIONS}]->(n) SET m = $props`, {
          article: m.article,
          key: n.key,
          props: m.props,
        });
      }
      for (const f of [...rows.textFacts, ...rows.lexiconFacts]) {
        const s = split(f.from);
        const t = split(f.to);
        const type = checked(f.type, isRelationType(f.type));
        await tx.run(
          f.fact === null
            ? `MATCH (s:${s.label} {key: $from}) MATCH (t:${t.label} {key: $to}) MERGE (s)-[r:${type} {article: $article}]->(t) SET r += $props`
            : `MATCH (s:${s.label} {key: $from}) MATCH (t:${t.label} {key: $to}) MERGE (s)-[r:${type} {provenance: 'lexicon'}]->(t)
               ON CREATE SET r.support = 0 SET r += $props, r.fact = $fact, r.support = r.support + 1`,
          { from: s.key, to: t.key, article: f.article, props: f.props, fact: f.fact },
        );
      }
    });
  }
}
