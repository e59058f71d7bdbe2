/** Entities in general: lookups by name, and what any entity has (mentions). */
import type { EntityType } from '../../domain/model.js';
import { isEntityType } from '../../domain/model.js';
import type { Graph } from '../../graph/client.js';
import { normaliseName } from '../../graph/names.js';
import { suffixOf } from '../../graph/writer/identity.js';
import { articleMap, entityMap, groupBy, toEntity, type ArticleView, type EntityView, type EvidenceView } from './views.js';

export interface MentionView {
  article: ArticleView;
  evidence: EvidenceView;
  surfaces: string[];
  count: number;
}

function label(l: string): string {
  if (!isEntityType(l)) throw new Error(`not an entity label: ${l}`);
  return l;
}

export class EntityRepository {
  constructor(private readonly graph: Graph) {}

  /**
   * Entities of one of `labels` whose name (normalised) or one of whose
   * aliases is `name`; namesakes in key order (name, name#2, …).
   */
  async findByName(labels: readonly EntityType[], name: string): Promise<EntityView[]> {
    const norm = normaliseName(name);
    // One index seek per label on `norm`; aliases are compared only when no name matches.
    const byName = labels.map((l) => `MATCH (n:${label(l)} {norm: $norm}) RETURN ${entityMap('n')} AS e`).join(' UNION ALL ');
    let rows = await this.graph.read<{ e: Parameters<typeof toEntity>[0] }>(byName, { norm });
    if (rows.length === 0) {
      const byAlias = labels.map((l) => `MATCH (n:${label(l)}) WHERE $name IN n.aliases OR $norm IN n.aliases RETURN ${entityMap('n')} AS e`).join(' UNION ALL ');
      rows = await this.graph.read(byAlias, { name, norm });
    }
    return rows.map((r) => toEntity(r.e)).sort((a, b) => a.type.localeCompare(b.type) || suffixOf(a.key, normaliseName(a.name)) - suffixOf(b.key, normaliseName(b.name)));
  }

  /** For each key of `type`: the other entities of that type with the same name (people split by the identity rule). */
  async namesakes(type: EntityType, keys: readonly string[]): Promise<EntityView[][]> {
    const rows = await this.graph.read<{ key: string; e: Parameters<typeof toEntity>[0] }>(
      `UNWIND $keys AS key
       MATCH (n:${label(type)} {key: key})
       MATCH (o:${label(type)} {norm: n.norm}) WHERE o <> n
       RETURN key, ${entityMap('o')} AS e ORDER BY o.key`,
      { keys },
    );
    return groupBy(keys, rows, (r) => r.key, (r) => toEntity(r.e));
  }

  /** For each key of `type`: the articles that mention it, oldest first. */
  async mentions(type: EntityType, keys: readonly string[]): Promise<MentionView[][]> {
    const rows = await this.graph.read<{ key: string; article: ArticleView; m: { evidence: string; start: number; end: number; surfaces: string[]; count: number } }>(
      `UNWIND $keys AS key
       MATCH (n:${label(type)} {key: key})<-[m:MENTIONS]-(a:Article)
       RETURN key, ${articleMap('a')} AS article, m {.evidence, .start, .end, .surfaces, .count} AS m
       ORDER BY a.date, a.id`,
      { keys },
    );
    return groupBy(
      keys,
      rows,
      (r) => r.key,
      (r) => ({ article: r.article, evidence: { sentence: r.m.evidence, start: r.m.start, end: r.m.end }, surfaces: r.m.surfaces, count: r.m.count }),
    );
  }
}
