/**
 * What every resolver receives: the repositories (built once per server),
 * who is asking (may they write?), and per-request DataLoaders, so that a
 * nested field of many parents costs one query per field, not one per parent.
 */
import DataLoader from 'dataloader';
import type { BookmarkManager } from 'neo4j-driver';
import type { Access } from './auth.js';
import { pageKey, type Page, type Paged } from './pagination.js';
import type { MentionView } from './repositories/entities.js';
import type { Repositories } from './repositories/index.js';
import type { PersonLinkType } from './repositories/people.js';
import { needsKey, type ArticleView, type EntityView, type FactNeeds, type LinkView } from './repositories/views.js';

export class Loaders {
  readonly entity: DataLoader<string, EntityView | null>;
  readonly article: DataLoader<string, ArticleView | null>;
  readonly articleText: DataLoader<string, string | null>;
  readonly namesakes: DataLoader<string, EntityView[]>;
  private readonly byArgs = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly repos: Repositories) {
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

  /** A page of people's links of one type (by person key), with the facts `needs` asks for. */
  personLinks(type: PersonLinkType, page: Page, needs: FactNeeds): DataLoader<string, Paged<LinkView>> {
    return this.keyed(`Person.${type}`, [pageKey(page), needsKey(needs)], (keys) => this.repos.people.links(type, keys, page, needs));
  }

  /** A page of the articles mentioning entities (by entity id). */
  mentions(page: Page): DataLoader<string, Paged<MentionView>> {
    return this.keyed('Entity.mentions', pageKey(page), (ids) => this.repos.entities.mentions(ids, page));
  }
}

export interface ApiContext {
  repos: Repositories;
  loaders: Loaders;
  /** Whether this request may run mutations (auth.ts). */
  access: Access;
  /** What the request must see of the client's earlier writes, and what its own writes leave (bookmarks.ts). */
  bookmarks: BookmarkManager;
}

export function createContext(repos: Repositories, access: Access, bookmarks: BookmarkManager): ApiContext {
  return { repos, loaders: new Loaders(repos), access, bookmarks };
}
