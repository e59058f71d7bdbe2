/**
 * What every resolver receives: the repositories (built once per server) and
 * per-request DataLoaders, so that nested fields of many parents cost one
 * query per field, not one per parent.
 */
import DataLoader from 'dataloader';
import type { Repositories } from './repositories/index.js';
import type { MentionView } from './repositories/entities.js';
import type { EmploymentFactView, HonourFactView } from './repositories/people.js';
import type { EntityView } from './repositories/views.js';

export interface Loaders {
  titles: DataLoader<string, HonourFactView[]>;
  awards: DataLoader<string, HonourFactView[]>;
  employers: DataLoader<string, EmploymentFactView[]>;
  /** Keyed by entity id (`Type:key`). */
  mentions: DataLoader<string, MentionView[]>;
  /** Keyed by person key. */
  namesakes: DataLoader<string, EntityView[]>;
  articleText: DataLoader<string, string | null>;
}

export interface ApiContext {
  repos: Repositories;
  loaders: Loaders;
}

export function createContext(repos: Repositories): ApiContext {
  return { repos, loaders: createLoaders(repos) };
}

function createLoaders(repos: Repositories): Loaders {
  return {
    titles: new DataLoader((keys) => repos.people.honours('HOLDS_TITLE', keys)),
    awards: new DataLoader((keys) => repos.people.honours('RECEIVED', keys)),
    employers: new DataLoader((keys) => repos.people.employers(keys)),
    mentions: new DataLoader(async (ids) => {
      // One query per entity type among the requested ids.
      const byType = new Map<string, string[]>();
      for (const id of ids) {
        const i = id.indexOf(':');
        const list = byType.get(id.slice(0, i)) ?? [];
        list.push(id.slice(i + 1));
        byType.set(id.slice(0, i), list);
      }
      const found = new Map<string, MentionView[]>();
      for (const [type, keys] of byType) {
        const lists = await repos.entities.mentions(type as EntityView['type'], keys);
        keys.forEach((k, i) => found.set(`${type}:${k}`, lists[i]!));
      }
      return ids.map((id) => found.get(id) ?? []);
    }),
    namesakes: new DataLoader((keys) => repos.entities.namesakes('Person', keys)),
    articleText: new DataLoader((ids) => repos.articles.texts(ids)),
  };
}
