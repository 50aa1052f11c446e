/**
 * Full-text search with filters, snippets and highlights, and facet counts (FTS5, BM25 over title 5 :
 * text 1). Every statement that walks matches carries the budget clause (budget.ts), so a search over
 * its time budget stops where it is instead of ranking on.
 */
import { toFts5 } from '../query/compile-fts5.js';
import { FACET_SAMPLE, paged, type FacetValue, type Facets, type PageArgs, type Paged, type SearchFilters, type SearchResult } from '../queries.js';
import { budgetClause } from './budget.js';
import { ownPublished } from './articles.js';
import { ftsSnippets, parseSnippet, type DB } from './sql.js';

function filterSql(f: SearchFilters, alias: string): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (f.source) {
    sql.push(`${alias}.source = ?`);
    params.push(f.source);
  }
  if (f.from) {
    sql.push(`${alias}.published_day >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    sql.push(`${alias}.published_day <= ?`);
    params.push(f.to);
  }
  if (f.type) {
    sql.push(`EXISTS (SELECT 1 FROM layer_events e WHERE e.article_id = ${alias}.id AND (e.acled_type = ? OR e.plover_type = ?))`);
    params.push(f.type, f.type);
  }
  if (f.place) {
    sql.push(`(EXISTS (SELECT 1 FROM layer_places p WHERE p.article_id = ${alias}.id AND (p.name = ? OR p.country = ?))
      OR EXISTS (SELECT 1 FROM layer_events e2 WHERE e2.article_id = ${alias}.id AND e2.place_name = ?))`);
    params.push(f.place, f.place, f.place);
  }
  return { sql, params };
}

/**
 * Every match ranked by BM25, one page kept. Three small statements: rank the matches and keep one
 * page of rowids, then build snippets and read metadata for that page only. (Selecting snippet()
 * alongside ORDER BY score makes SQLite build a snippet for every match before sorting: 6-10x slower
 * for a common word.)
 */
export function search(db: DB, query: string, filters: SearchFilters, page: PageArgs): Paged<SearchResult> {
  if (!query.trim()) return browse(db, filters, page);
  const q = toFts5(query);
  if (q === null) return paged([], 0, page);
  const { sql, params } = filterSql(filters, 'a');
  const guard = budgetClause(db);
  const from = sql.length
    ? `FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?${guard} ${sql.map((x) => `AND ${x}`).join(' ')}`
    : `FROM articles_fts WHERE articles_fts MATCH ?${guard}`;
  const top = db.prepare(`SELECT articles_fts.rowid AS rowid, bm25(articles_fts, 5.0, 1.0) AS score ${from} ORDER BY score LIMIT ? OFFSET ?`).all(q, ...params, page.limit, page.offset) as Array<{
    rowid: number;
    score: number;
  }>;
  const items: SearchResult[] = [];
  if (top.length > 0) {
    const rowids = top.map((r) => r.rowid);
    const snippets = ftsSnippets(db, q, rowids);
    const meta = new Map(
      (db.prepare(`SELECT rowid, id, title, ${ownPublished('')} AS published, source FROM articles WHERE rowid IN (${rowids.map(() => '?').join(',')})`).all(...rowids) as Array<{
        rowid: number;
        id: string;
        title: string | null;
        published: string | null;
        source: string | null;
      }>).map((r) => [r.rowid, r]),
    );
    for (const { rowid, score } of top) {
      const m = meta.get(rowid);
      if (m) items.push({ id: m.id, title: m.title, published: m.published, source: m.source, ...parseSnippet(snippets.get(rowid) ?? ''), score: -score });
    }
  }
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(q, ...params) as number;
  return paged(items, total, page);
}

/** No query: the newest articles matching the filters, each with its opening as the snippet. */
function browse(db: DB, filters: SearchFilters, page: PageArgs): Paged<SearchResult> {
  const { sql, params } = filterSql(filters, 'a');
  const guard = budgetClause(db);
  const where = sql.length || guard ? `WHERE ${[...sql, `1${guard}`].join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM articles a ${where}`).pluck().get(...params) as number;
  const rows = db
    .prepare(
      `SELECT a.id AS id, a.title AS title, ${ownPublished('a.')} AS published, a.source AS source, substr(a.text, 1, 240) AS snippet
       FROM articles a ${where} ORDER BY a.published_day IS NULL, a.published_day DESC, a.rowid DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, page.limit, page.offset) as Array<{ id: string; title: string | null; published: string | null; source: string | null; snippet: string }>;
  return paged(rows.map((r) => ({ ...r, snippet: r.snippet.length === 240 ? `${r.snippet}…` : r.snippet, highlights: [], score: 0 })), total, page);
}

/** Facet counts (articles per value) from the layer tables, over the best matches of `query` or over everything. */
export function facets(db: DB, query: string | undefined, filters: SearchFilters = {}): Facets {
  const { sql, params } = filterSql(filters, 'a');
  const fts = query?.trim() ? toFts5(query) : null;
  if (fts === null && query?.trim()) return { articles: 0, type: [], place: [], month: [], source: [] };
  const ids = fts
    ? `SELECT a.id AS id, a.source AS source, a.published_day AS day FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
       WHERE articles_fts MATCH ?${budgetClause(db)} ${sql.map((x) => `AND ${x}`).join(' ')} ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ${FACET_SAMPLE}`
    : `SELECT a.id AS id, a.source AS source, a.published_day AS day FROM articles a WHERE ${[...sql, `1${budgetClause(db)}`].join(' AND ')}
       ORDER BY a.rowid DESC LIMIT ${FACET_SAMPLE}`;
  const args = fts ? [fts, ...params] : params;
  const facet = (select: string): FacetValue[] => db.prepare(`WITH ids AS (${ids}) ${select} ORDER BY count DESC, value LIMIT 15`).all(...args) as FacetValue[];
  return {
    articles: db.prepare(`WITH ids AS (${ids}) SELECT count(*) FROM ids`).pluck().get(...args) as number,
    type: facet(`SELECT coalesce(e.acled_type, e.plover_type) AS value, count(DISTINCT e.article_id) AS count
      FROM layer_events e JOIN ids ON ids.id = e.article_id WHERE value IS NOT NULL GROUP BY value`),
    place: facet(`SELECT p.name AS value, count(DISTINCT p.article_id) AS count FROM layer_places p JOIN ids ON ids.id = p.article_id GROUP BY p.name`),
    month: facet(`SELECT substr(day, 1, 7) AS value, count(*) AS count FROM ids WHERE day IS NOT NULL GROUP BY value`),
    source: facet(`SELECT source AS value, count(*) AS count FROM ids WHERE source IS NOT NULL GROUP BY source`),
  };
}
