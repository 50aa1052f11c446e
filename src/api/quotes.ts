/**
 * Quotes across the store, filtered by speaker and by who or what they are about.
 */
import type { Quote } from '../core/layers.js';
import { filterQuotes } from '../quotes/query.js';
import type { Page, Store } from '../store/store.js';
import { allLayerRows } from './layers.js';
import { resolvedPublished } from './serialize.js';

export interface StoredQuote {
  articleId: string;
  title: string | null;
  published: string | null;
  quote: Quote;
}

export function findQuotes(store: Store, options: { speaker?: string; about?: string } & Page = {}): StoredQuote[] {
  const byArticle = new Map<string, Quote[]>();
  for (const row of allLayerRows(store, 'quotes')) {
    const list = byArticle.get(row.articleId) ?? [];
    list.push(row.item);
    byArticle.set(row.articleId, list);
  }
  const out: StoredQuote[] = [];
  for (const [articleId, quotes] of byArticle) {
    const needsEntities = options.speaker !== undefined || options.about !== undefined;
    const entities = needsEntities ? store.layerRows('entities', { articleIds: [articleId] }).map((r) => r.item) : [];
    const mentions = options.about !== undefined ? store.layerRows('mentions', { articleIds: [articleId] }).map((r) => r.item) : [];
    const kept = filterQuotes(quotes, entities, mentions, options);
    if (kept.length === 0) continue;
    const stored = store.getArticle(articleId);
    const published = stored ? resolvedPublished(stored) : null;
    for (const quote of kept) out.push({ articleId, title: stored?.article.title ?? null, published, quote });
  }
  const offset = options.offset ?? 0;
  return out.slice(offset, offset + (options.limit ?? 100));
}
