/**
 * The extraction pipeline: an Article flows through small named stages, each
 * a pure function that adds annotations with offsets (see document.ts).
 */
import type { Article, ArticleExtraction } from './contract.js';

// Placeholder until the stages land: finds nothing, so the rest of the spine
// can be built against the contract.
export function extractArticle(article: Article): ArticleExtraction {
  return { article, entities: [], relations: [], inferred: [] };
}
