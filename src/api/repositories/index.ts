/** The repositories the API reads (and writes) through, built from one Graph handle. */
import type { Graph } from '../../graph/client.js';
import { graphCounts, type GraphCounts } from '../../graph/stats.js';
import { ArticleRepository } from './articles.js';
import { BodyRepository } from './bodies.js';
import { EntityRepository } from './entities.js';
import { ExploreRepository } from './explore.js';
import { HonourRepository } from './honours.js';
import { PeopleRepository } from './people.js';
import { ArticleWrites } from './writes.js';

export interface Repositories {
  entities: EntityRepository;
  people: PeopleRepository;
  honours: HonourRepository;
  bodies: BodyRepository;
  articles: ArticleRepository;
  explore: ExploreRepository;
  writes: ArticleWrites;
  /** Counts per label and relationship type (Neo4j's count store: one cheap query). */
  counts(): Promise<GraphCounts>;
}

export function createRepositories(graph: Graph): Repositories {
  return {
    entities: new EntityRepository(graph),
    people: new PeopleRepository(graph),
    honours: new HonourRepository(graph),
    bodies: new BodyRepository(graph),
    articles: new ArticleRepository(graph),
    explore: new ExploreRepository(graph),
    writes: new ArticleWrites(graph),
    counts: () => graphCounts(graph),
  };
}
