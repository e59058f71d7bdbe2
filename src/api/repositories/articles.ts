/** Articles: their text, loaded only when a query asks for it. */
import type { Graph } from '../../graph/client.js';

export class ArticleRepository {
  constructor(private readonly graph: Graph) {}

  async texts(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.graph.read<{ id: string; text: string | null }>(
      `UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN id, a.text AS text`,
      { ids },
    );
    const byId = new Map(rows.map((r) => [r.id, r.text]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
