/**
 * Writes. Both mutations need `Authorization: Bearer <LAUREL_API_TOKEN>`
 * (auth.ts decides, through @Authorized); on a server without a token they
 * are disabled and answer MUTATIONS_DISABLED.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ArticleMeta } from '../../extract/contract.js';
import { readHtmlPage } from '../../extract/io/html.js';
import { decodeText } from '../../extract/io/read-article.js';
import type { GraphCounts } from '../../graph/stats.js';
import type { ApiContext } from '../context.js';
import { badInput, notFound, requireName } from '../errors.js';
import { DeleteArticleResult, IngestResult } from '../types/mutations.js';
import { ISO_DATE } from './article.js';

export const MAX_ARTICLE_CHARS = 200_000;
/** A saved page is mostly markup; its article text is held to MAX_ARTICLE_CHARS. */
export const MAX_PAGE_CHARS = 1_000_000;
const ARTICLE_ID = /^[\p{L}\p{N}_.-]{1,120}$/u;
const AUTH = 'Needs the header Authorization: Bearer <LAUREL_API_TOKEN>: UNAUTHENTICATED without it or with a wrong token, MUTATIONS_DISABLED when the server has no token configured.';

function optional(value: string | null | undefined, what: string, max = 500): string | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  if (v.length > max) throw badInput(`${what} is too long (at most ${max} characters)`);
  return v;
}

function removed(before: Record<string, number>, after: Record<string, number>) {
  return Object.keys(before)
    .map((k) => ({ name: k, count: (before[k] ?? 0) - (after[k] ?? 0) }))
    .filter((x) => x.count !== 0);
}

@Resolver()
export class MutationResolver {
  @Authorized()
  @Mutation(() => IngestResult, {
    description: `Extracts an article (the real pipeline: people, honours, unions, companies, organisations and the relations between them, each with its evidence) and loads it into the graph, as \`laurel load\` does. Ingesting the same id again replaces what it said. ${AUTH}`,
  })
  async ingestArticle(
    @Arg('text', () => String, { nullable: true, description: `The article text (Chinese, at most ${MAX_ARTICLE_CHARS} characters); give text or html.` }) text: string | null,
    @Arg('html', () => String, {
      nullable: true,
      description: `A saved web page (at most ${MAX_PAGE_CHARS} characters) instead of text: its article body is found and extracted, and its title, date, site and address fill the arguments not given.`,
    })
    html: string | null,
    @Arg('title', () => String, { nullable: true, description: 'The headline.' }) title: string | null,
    @Arg('date', () => String, { nullable: true, description: 'The publication date: YYYY, YYYY-MM or YYYY-MM-DD.' }) date: string | null,
    @Arg('source', () => String, { nullable: true, description: 'Where the text comes from (a URL, a file name).' }) source: string | null,
    @Arg('newspaper', () => String, { nullable: true, description: 'The newspaper that printed it.' }) newspaper: string | null,
    @Arg('place', () => String, { nullable: true, description: 'The city or province the newspaper writes from; resolves 市委, 省总工会 and the like.' }) place: string | null,
    @Arg('id', () => ID, { nullable: true, description: 'The article id (letters, digits, _ . -); by default `api-` and a digest of the text, so the same text is the same article.' }) id: string | null,
    @Ctx() ctx: ApiContext,
  ): Promise<IngestResult> {
    if ((text == null) === (html == null)) throw badInput('give the article as text or as html (a saved web page), one of the two');
    let page: ArticleMeta = {};
    if (html != null) {
      if (html.length > MAX_PAGE_CHARS) throw badInput(`html is too long (${html.length} characters; at most ${MAX_PAGE_CHARS})`);
      try {
        ({ text, meta: page } = readHtmlPage(Buffer.from(html, 'utf8')));
      } catch (err) {
        throw badInput(`html: ${(err as Error).message}`);
      }
    }
    if (text!.length > MAX_ARTICLE_CHARS) throw badInput(`text is too long (${text!.length} characters; at most ${MAX_ARTICLE_CHARS})`);
    try {
      // The same checks as a file gets: not empty, and Chinese text.
      decodeText(Buffer.from(text!, 'utf8'));
    } catch (err) {
      throw badInput(`text: ${(err as Error).message}`);
    }
    const articleDate = optional(date, 'date');
    if (articleDate !== undefined && !ISO_DATE.test(articleDate)) throw badInput(`date must be YYYY, YYYY-MM or YYYY-MM-DD, not "${articleDate}"`);
    const articleId = id == null ? undefined : requireName(id, 'id');
    if (articleId !== undefined && !ARTICLE_ID.test(articleId)) throw badInput('id may hold letters, digits, _ . and - only (at most 120)');
    const given = Object.fromEntries(
      Object.entries({ title: optional(title, 'title'), date: articleDate, source: optional(source, 'source'), newspaper: optional(newspaper, 'newspaper'), place: optional(place, 'place') }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    const meta = { ...page, ...given };
    const outcome = await ctx.repos.writes.ingest({ ...(articleId ? { id: articleId } : {}), text: text!, meta });
    ctx.loaders.article.clear(outcome.id);
    const article = await ctx.loaders.article.load(outcome.id);
    const x = outcome.extraction;
    return {
      article: article!,
      created: outcome.created,
      entities: x.entities.length,
      mentions: x.entities.reduce((n, e) => n + e.mentions.length, 0),
      facts: x.relations.length,
      lexiconFacts: x.inferred.length,
      skipped: outcome.skipped,
    } as IngestResult;
  }

  @Authorized()
  @Mutation(() => DeleteArticleResult, {
    description: `Deletes an article and the facts only it supports; facts other articles also support stay, with their other evidence, and entities nothing supports any more go. NOT_FOUND when there is no such article. ${AUTH}`,
  })
  async deleteArticle(@Arg('id', () => ID, { description: 'The article id.' }) id: string, @Ctx() ctx: ApiContext): Promise<DeleteArticleResult> {
    const outcome = await ctx.repos.writes.delete(requireName(id, 'id'));
    if (!outcome) throw notFound(`no article with id "${id}"`);
    const diff = (k: keyof GraphCounts) => removed(outcome.before[k], outcome.after[k]);
    return {
      id: outcome.id,
      removedNodes: diff('labels').map((d) => ({ label: d.name, count: d.count })),
      removedRelationships: diff('relationships').map((d) => ({ type: d.name, count: d.count })),
    };
  }
}
