/**
 * What every resolver receives: the repositories (built once per server),
 * who is asking (may they write?), and per-request DataLoaders, so that a
 * nested field of many parents costs one query per field, not one per parent.
 */
import DataLoader from 'dataloader';
import type { Access } from './auth.js';
import type { Repositories } from './repositories/index.js';
import type { ArticleView, EntityView } from './repositories/views.js';

export class Loaders {
  readonly entity: DataLoader<string, EntityView | null>;
  readonly article: DataLoader<string, ArticleView | null>;
  readonly articleText: DataLoader<string, string | null>;
  readonly namesakes: DataLoader<string, EntityView[]>;
  private readonly byArgs = new Map<string, DataLoader<string, unknown>>();

  constructor(repos: Repositories) {
    this.entity = new DataLoader((ids) => repos.entities.byIds(ids));
    this.article = new DataLoader((ids) => repos.articles.byIds(ids));
    this.articleText = new DataLoader((ids) => repos.articles.texts(ids));
    this.namesakes = new DataLoader((keys) => repos.entities.namesakes(keys));
  }

  /**
   * A loader for a field with arguments (a page, a filter): one per field and
   * argument values within the request, so parents that ask alike are
   * batched into one query.
   */
  keyed<V>(field: string, args: unknown, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    const id = `${field}\u0000${JSON.stringify(args)}`;
    let loader = this.byArgs.get(id) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.byArgs.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

export interface ApiContext {
  repos: Repositories;
  loaders: Loaders;
  /** Whether this request may run mutations (auth.ts). */
  access: Access;
}

export function createContext(repos: Repositories, access: Access): ApiContext {
  return { repos, loaders: new Loaders(repos), access };
}
