/** Stored articles: by id or unique id prefix, in publication order, and as full JSON records. */
import type { ArticleSummary, StoredArticle } from '../store/store.js';
import { paged, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';
import { toAnalyzeJson, type ArticleJson } from './serialize.js';

/** Shortest and longest id prefix looked up (ids are hex content hashes). */
const PREFIX = /^[0-9a-f]{4,15}$/;

export type ArticleLookup = { id: string } | { ambiguous: true } | null;

/** An article id from an id or a prefix of one: found, ambiguous (several share the prefix), or none. */
export function lookupArticleId(store: ReadStore, idOrPrefix: string): ArticleLookup {
  if (store.hasArticle(idOrPrefix)) return { id: idOrPrefix };
  if (!PREFIX.test(idOrPrefix)) return null;
  const matches = store.queries.articleIdsByPrefix(idOrPrefix, 2);
  if (matches.length > 1) return { ambiguous: true };
  return matches.length === 1 ? { id: matches[0] } : null;
}

/** The id of the one article an id or prefix names, else null. */
export function resolveArticleId(store: ReadStore, idOrPrefix: string): string | null {
  const found = lookupArticleId(store, idOrPrefix);
  return found && 'id' in found ? found.id : null;
}

export type ArticleDetail = ArticleJson & { nearDuplicateOf: string | null; sightings: StoredArticle['sightings'] };

/** An article as `dateline show --json` and /api/articles/:id give it: metadata, text, every layer, sightings. */
export function articleDetail(stored: StoredArticle): ArticleDetail {
  return { ...toAnalyzeJson(stored), nearDuplicateOf: stored.nearDuplicateOf, sightings: stored.sightings };
}

export function getArticleDetail(store: ReadStore, idOrPrefix: string): ArticleDetail | null {
  const id = resolveArticleId(store, idOrPrefix);
  const stored = id === null ? null : store.getArticle(id);
  return stored ? articleDetail(stored) : null;
}

export function listArticles(store: ReadStore, range: { from?: string; to?: string }, page: PageArgs): Paged<ArticleSummary> {
  return paged(store.listArticles({ ...range, limit: page.limit, offset: page.offset }), store.queries.countArticles(range), page);
}

/** Articles in ingest order, a page at a time, for streaming exports: call again with the returned cursor. */
export function articlesAfter(store: ReadStore, range: { from?: string; to?: string }, cursor: number, limit: number): { cursor: number; articles: StoredArticle[] } {
  const page = store.queries.articleIdsPage(range, cursor, limit);
  const articles = page.map(({ id }) => store.getArticle(id)).filter((a): a is StoredArticle => a !== null);
  return { cursor: page.length ? page[page.length - 1].cursor : cursor, articles };
}

/** The article with the most layer items (a good one to show). */
export function richestArticle(store: ReadStore): string | null {
  return store.queries.richestArticle();
}

export function countArticles(store: ReadStore, range: { from?: string; to?: string } = {}): number {
  return store.queries.countArticles(range);
}
