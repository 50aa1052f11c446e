/**
 * Full-text search on PostgreSQL: the parsed query compiled to tsquery (query/compile-tsquery.ts),
 * matched against each article's tsvector (title weight A, text D), ranked by ts_rank with the title
 * weighted 5:1 as SQLite's bm25 weights it; snippets with ts_headline for the page only.
 */
import { toTsquery } from '../query/compile-tsquery.js';
import { FACET_SAMPLE, paged, type FacetValue, type Facets, type PageArgs, type Paged, type SearchFilters, type SearchResult } from '../queries.js';
import { parseSnippet } from '../sqlite/sql.js';
import type { SyncPg } from './sync-client.js';
import { ownPublished } from './sql.js';

const RANK = "ts_rank('{0.2, 0.2, 0.2, 1.0}', a.tsv, to_tsquery('dateline', $1))";
const HEADLINE_OPTIONS = "'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=…'";

/** `a.tsv @@ …` with the tsquery as $1, or null when the query has no word. Throws QueryError like toFts5. */
export function tsWhere(query: string): { sql: string; params: unknown[] } | null {
  const q = toTsquery(query);
  return q === null ? null : { sql: "a.tsv @@ to_tsquery('dateline', $1)", params: [q] };
}

function filterSql(f: SearchFilters, params: unknown[]): string[] {
  const sql: string[] = [];
  if (f.source) sql.push(`a.source = $${params.push(f.source)}`);
  if (f.from) sql.push(`a.published_day >= $${params.push(f.from)}`);
  if (f.to) sql.push(`a.published_day <= $${params.push(f.to)}`);
  if (f.type) {
    const n = params.push(f.type);
    sql.push(`EXISTS (SELECT 1 FROM layer_events e WHERE e.article_id = a.id AND (e.acled_type = $${n} OR e.plover_type = $${n}))`);
  }
  if (f.place) {
    const n = params.push(f.place);
    sql.push(`(EXISTS (SELECT 1 FROM layer_places p WHERE p.article_id = a.id AND (p.name = $${n} OR p.country = $${n}))
      OR EXISTS (SELECT 1 FROM layer_events e2 WHERE e2.article_id = a.id AND e2.place_name = $${n}))`);
  }
  return sql;
}

/** One ranked page of matches of `where` (its tsquery is $1), with snippets and highlight ranges. */
export function pageHits(pg: SyncPg, where: string, params: unknown[], limit: number, offset: number): SearchResult[] {
  const rows = pg.all<{ id: string; title: string | null; published: string | null; source: string | null; headline: string; score: number }>(
    `WITH top AS (SELECT a.id, ${RANK} AS score FROM articles a WHERE ${where} ORDER BY score DESC, a.seq LIMIT $${params.length + 1} OFFSET $${params.length + 2})
     SELECT a.id, a.title, ${ownPublished('a.')} AS published, a.source, top.score,
       ts_headline('dateline', a.text, to_tsquery('dateline', $1), ${HEADLINE_OPTIONS}) AS headline
     FROM top JOIN articles a ON a.id = top.id ORDER BY top.score DESC, a.seq`,
    [...params, limit, offset],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, published: r.published, source: r.source, ...parseSnippet(r.headline), score: r.score }));
}

export function search(pg: SyncPg, query: string, filters: SearchFilters, page: PageArgs): Paged<SearchResult> {
  if (!query.trim()) return browse(pg, filters, page);
  const w = tsWhere(query);
  if (!w) return paged([], 0, page);
  const params = [...w.params];
  const where = [w.sql, ...filterSql(filters, params)].join(' AND ');
  const items = pageHits(pg, where, params, page.limit, page.offset);
  const total = pg.value<number>(`SELECT count(*) FROM articles a WHERE ${where}`, params) ?? 0;
  return paged(items, total, page);
}

function browse(pg: SyncPg, filters: SearchFilters, page: PageArgs): Paged<SearchResult> {
  const params: unknown[] = [];
  const sql = filterSql(filters, params);
  const where = sql.length ? `WHERE ${sql.join(' AND ')}` : '';
  const total = pg.value<number>(`SELECT count(*) FROM articles a ${where}`, params) ?? 0;
  const rows = pg.all<{ id: string; title: string | null; published: string | null; source: string | null; snippet: string }>(
    `SELECT a.id, a.title, ${ownPublished('a.')} AS published, a.source, substr(a.text, 1, 240) AS snippet FROM articles a ${where}
     ORDER BY a.published_day IS NULL, a.published_day DESC, a.seq DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return paged(rows.map((r) => ({ ...r, snippet: r.snippet.length === 240 ? `${r.snippet}…` : r.snippet, highlights: [], score: 0 })), total, page);
}

export function facets(pg: SyncPg, query: string | undefined, filters: SearchFilters = {}): Facets {
  const w = query?.trim() ? tsWhere(query) : null;
  if (w === null && query?.trim()) return { articles: 0, type: [], place: [], month: [], source: [] };
  const params: unknown[] = w ? [...w.params] : [];
  const sql = filterSql(filters, params);
  const ids = w
    ? `SELECT a.id, a.source, a.published_day AS day FROM articles a WHERE ${[w.sql, ...sql].join(' AND ')} ORDER BY ${RANK} DESC, a.seq LIMIT ${FACET_SAMPLE}`
    : `SELECT a.id, a.source, a.published_day AS day FROM articles a ${sql.length ? `WHERE ${sql.join(' AND ')}` : ''} ORDER BY a.seq DESC LIMIT ${FACET_SAMPLE}`;
  const facet = (select: string) => ({ sql: `WITH ids AS (${ids}) SELECT * FROM (${select}) f ORDER BY count DESC, value COLLATE "C" LIMIT 15`, params });
  const [count, type, place, month, source] = pg.many([
    { sql: `WITH ids AS (${ids}) SELECT count(*) AS count FROM ids`, params },
    facet(`SELECT coalesce(e.acled_type, e.plover_type) AS value, count(DISTINCT e.article_id)::int AS count
      FROM layer_events e JOIN ids ON ids.id = e.article_id WHERE coalesce(e.acled_type, e.plover_type) IS NOT NULL GROUP BY 1`),
    facet('SELECT p.name AS value, count(DISTINCT p.article_id)::int AS count FROM layer_places p JOIN ids ON ids.id = p.article_id GROUP BY p.name'),
    facet('SELECT substr(day, 1, 7) AS value, count(*)::int AS count FROM ids WHERE day IS NOT NULL GROUP BY 1'),
    facet('SELECT source AS value, count(*)::int AS count FROM ids WHERE source IS NOT NULL GROUP BY source'),
  ]);
  return {
    articles: (count[0] as { count: number }).count,
    type: type as FacetValue[],
    place: place as FacetValue[],
    month: month as FacetValue[],
    source: source as FacetValue[],
  };
}
