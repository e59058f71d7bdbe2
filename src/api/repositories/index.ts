/** The repositories the API reads through, built from one Graph handle. */
import type { Graph } from '../../graph/client.js';
import { ArticleRepository } from './articles.js';
import { BodyRepository } from './bodies.js';
import { EntityRepository } from './entities.js';
import { HonourRepository } from './honours.js';
import { PeopleRepository } from './people.js';

export interface Repositories {
  entities: EntityRepository;
  people: PeopleRepository;
  honours: HonourRepository;
  bodies: BodyRepository;
  articles: ArticleRepository;
}

export function createRepositories(graph: Graph): Repositories {
  return {
    entities: new EntityRepository(graph),
    people: new PeopleRepository(graph),
    honours: new HonourRepository(graph),
    bodies: new BodyRepository(graph),
    articles: new ArticleRepository(graph),
  };
}
