/**
 * The API's writes: ingest an article (the real extraction, then the graph
 * writer, as `laurel load` does) and delete one (the writer's
 * deleteArticles: the article, the facts only it supports, and entities
 * nothing supports any more).
 */
import { createHash } from 'node:crypto';
import type { ArticleExtraction, ArticleMeta } from '../../extract/contract.js';
import { extractArticle } from '../../extract/pipeline.js';
import type { Graph } from '../../graph/client.js';
import { graphCounts, type GraphCounts } from '../../graph/stats.js';
import { GraphWriter } from '../../graph/writer/writer.js';

export interface IngestInput {
  id?: string;
  text: string;
  meta: ArticleMeta;
}

export interface IngestOutcome {
  id: string;
  /** False when an article with this id was already there (its facts were replaced). */
  created: boolean;
  extraction: ArticleExtraction;
  /** Relations the writer could not place, with the reason. */
  skipped: string[];
}

export interface DeleteOutcome {
  id: string;
  /** Counts before and after, per label and relationship type. */
  before: GraphCounts;
  after: GraphCounts;
}

/** The id an ingested article gets when none is given: a digest of its text, so ingesting the same text again replaces it. */
export function articleIdFor(text: string): string {
  return `api-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

export class ArticleWrites {
  private readonly writer: GraphWriter;

  constructor(private readonly graph: Graph) {
    this.writer = new GraphWriter(graph);
  }

  async exists(id: string): Promise<boolean> {
    const rows = await this.graph.read<{ n: number }>('RETURN COUNT { (:Article {id: $id}) } AS n', { id });
    return (rows[0]?.n ?? 0) > 0;
  }

  async ingest(input: IngestInput): Promise<IngestOutcome> {
    const id = input.id ?? articleIdFor(input.text);
    const existed = await this.exists(id);
    const extraction = extractArticle({ id, text: input.text, meta: input.meta });
    const summary = await this.writer.write([extraction]);
    return { id, created: !existed, extraction, skipped: summary.skipped.map((s) => s.reason) };
  }

  /** Deletes the article; undefined when there is none with this id. */
  async delete(id: string): Promise<DeleteOutcome | undefined> {
    if (!(await this.exists(id))) return undefined;
    const before = await graphCounts(this.graph);
    await this.writer.deleteArticles([id]);
    const after = await graphCounts(this.graph);
    return { id, before, after };
  }
}
