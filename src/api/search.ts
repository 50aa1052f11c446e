/**
 * Full-text search and facets: one meaning for `dateline search`, /api/search and the UI. Every match
 * is ranked (BM25); a search that would take longer than its time budget stops with BudgetError.
 */
import type { Facets, PageArgs, Paged, ReadStore, SearchFilters, SearchResult } from '../store/queries.js';

/** Milliseconds a search or a facet count may take (the server's worker pool uses the same). */
export const SEARCH_BUDGET_MS = 2000;

export function search(store: ReadStore, query: string, filters: SearchFilters, page: PageArgs, budgetMs = SEARCH_BUDGET_MS): Paged<SearchResult> {
  return store.queries.withBudget(budgetMs, () => store.queries.search(query, filters, page));
}

export function facets(store: ReadStore, query: string | undefined, filters: SearchFilters, budgetMs = SEARCH_BUDGET_MS): Facets {
  return store.queries.withBudget(budgetMs, () => store.queries.facets(query, filters));
}
