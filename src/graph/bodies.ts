/**
 * The organisation nodes (Union, Company, Organization) of the graph, with
 * their aliases, for checking them against gold annotations. Limited to what
 * some of the given articles say: bodies they mention or state a fact about
 * (`fromText`), and bodies only the lexicon adds, as conferring an honour
 * they mention (全国劳动模范 → 中共中央, 国务院).
 */
import { ARTICLE_LABEL, BODY_TYPES, MENTIONS, type BodyType } from '../domain/model.js';
import type { Graph } from './client.js';

export interface BodyNode {
  label: BodyType;
  name: string;
  aliases: string[];
  /** Named by an article's text, not only by a lexicon fact. */
  fromText: boolean;
}

const IS_BODY = BODY_TYPES.map((l) => `b:${l}`).join(' OR ');

export async function bodyNodes(graph: Graph, articleIds: readonly string[]): Promise<{ bodies: BodyNode[]; articles: number }> {
  const [found] = await graph.read<{ articles: number }>(`MATCH (a:${ARTICLE_LABEL}) WHERE a.id IN $ids RETURN count(a) AS articles`, { ids: articleIds });
  const rows = await graph.read<{ label: BodyType; name: string; aliases: string[] | null; fromText: boolean; fromLexicon: boolean }>(
    `MATCH (b) WHERE (${IS_BODY})
     WITH b,
          EXISTS { MATCH (a:${ARTICLE_LABEL})-[:${MENTIONS}]->(b) WHERE a.id IN $ids }
            OR EXISTS { MATCH ()-[r]->(b) WHERE r.article IN $ids } AS fromText,
          EXISTS { MATCH (a:${ARTICLE_LABEL})-[:${MENTIONS}]->()-[r {provenance: 'lexicon'}]->(b) WHERE a.id IN $ids } AS fromLexicon
     WHERE fromText OR fromLexicon
     RETURN [l IN labels(b) WHERE l IN $labels][0] AS label, b.name AS name, b.aliases AS aliases, fromText
     ORDER BY label, name`,
    { ids: articleIds, labels: BODY_TYPES },
  );
  return { bodies: rows.map((r) => ({ label: r.label, name: r.name, aliases: r.aliases ?? [], fromText: r.fromText })), articles: found?.articles ?? 0 };
}
