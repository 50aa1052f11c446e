/**
 * Read queries the HTTP API answers that the Store port does not have yet: filtered search with
 * facets, entities grouped across articles, quotes/quantities/events with filters, claims, and
 * provisional stories and timelines built over the layer tables.
 *
 * Each function takes the store and plain arguments and returns plain JSON, so the route handlers stay
 * one line and can be re-pointed at the events stage's own store functions when they land.
 * Everything here reads through the store's own connection (`store.database`) with bound parameters.
 */
import type { Entity, EventRecord, Quantity, Quote } from '../core/layers.js';
import { singleSourceEvents, type ExportEvent } from '../export/types.js';
import {
  listEvents as listMergedEvents,
  listStories,
  storyTimeline,
  type EventQuery,
  type StorySummary as StoreStorySummary,
  type Timeline as StoreTimeline,
} from '../stories/store.js';
import { crossEntities, entityByKey, findEntity, withExactArticles } from '../api/entities.js';
import type { EntityType } from '../core/layers.js';
import { dayRange, ftsSnippets, parseSnippet, type SqliteStore } from '../store/sqlite.js';
import { toFts5 } from '../store/query/compile-fts5.js';
import { budgetClause } from './budget.js';
import type { ArticleSummary, SearchHit } from '../store/store.js';

export interface PageArgs {
  limit: number;
  offset: number;
}

export interface Paged<T> extends PageArgs {
  items: T[];
  total: number;
}

function paged<T>(items: T[], total: number, page: PageArgs): Paged<T> {
  return { items, total, limit: page.limit, offset: page.offset };
}

interface ArticleRef {
  articleId: string;
  title: string | null;
  published: string | null;
}

function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- search and facets

export interface SearchFilters {
  type?: string;
  place?: string;
  source?: string;
  from?: string;
  to?: string;
}

export interface SearchResult extends SearchHit {
  source: string | null;
}

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

/** Matches ranked per query at most (the newest by insertion); see `search`. */
export const RANK_WINDOW = 4000;

/**
 * Full-text search with snippets and highlight ranges; filters narrow by event type, place, source and date.
 *
 * Three small statements: rank the matches by BM25 and keep one page of rowids, then build snippets
 * and read metadata for that page only. (Selecting snippet() alongside ORDER BY score makes SQLite
 * build a snippet for every match before sorting, and a CTE/join form is planned no better: 6-10x
 * slower for a common word.)
 */
export function search(store: SqliteStore, query: string, filters: SearchFilters, page: PageArgs, rankWindow = RANK_WINDOW): Paged<SearchResult> {
  const db = store.database;
  if (!query.trim()) return browse(store, filters, page);
  const q = toFts5(query);
  if (q === null) return paged([], 0, page);
  const { sql, params } = filterSql(filters, 'a');
  const filtered = sql.length > 0;
  const guard = budgetClause(db);
  const where = `articles_fts MATCH ?${guard} ${sql.map((x) => `AND ${x}`).join(' ')}`;
  // A word in a third of a large database would be scored in every article that has it; rank the
  // newest `rankWindow` matches instead (a page inside that window; deeper pages rank them all).
  let bound: number | undefined;
  if (!filtered && page.offset + page.limit <= rankWindow) {
    bound = db.prepare(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?${guard} ORDER BY rowid DESC LIMIT 1 OFFSET ?`).pluck().get(q, rankWindow - 1) as
      | number
      | undefined;
  }
  const ranked = filtered
    ? `SELECT articles_fts.rowid AS rowid, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE ${where}`
    : `SELECT rowid, bm25(articles_fts, 5.0, 1.0) AS score FROM articles_fts WHERE articles_fts MATCH ?${guard}${bound !== undefined ? ' AND rowid >= ?' : ''}`;
  const rankParams = bound !== undefined ? [bound] : params;
  const top = db.prepare(`${ranked} ORDER BY score LIMIT ? OFFSET ?`).all(q, ...rankParams, page.limit, page.offset) as Array<{
    rowid: number;
    score: number;
  }>;
  const rows: Array<{ id: string; title: string | null; published: string | null; source: string | null; snippet: string; score: number }> = [];
  if (top.length > 0) {
    const marks = top.map(() => '?').join(',');
    const rowids = top.map((r) => r.rowid);
    const snippets = ftsSnippets(db, q, rowids);
    const meta = new Map(
      (db.prepare(`SELECT rowid, id, title, ${ownPublished('')} AS published, source FROM articles WHERE rowid IN (${marks})`).all(...rowids) as Array<{
        rowid: number;
        id: string;
        title: string | null;
        published: string | null;
        source: string | null;
      }>).map((r) => [r.rowid, r]),
    );
    for (const { rowid, score } of top) {
      const m = meta.get(rowid);
      if (m) rows.push({ id: m.id, title: m.title, published: m.published, source: m.source, snippet: snippets.get(rowid) ?? '', score });
    }
  }
  const total = (
    filtered
      ? db.prepare(`SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE ${where}`)
      : db.prepare(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?${guard}`)
  )
    .pluck()
    .get(q, ...params) as number;
  return paged(
    rows.map((r) => ({ id: r.id, title: r.title, published: r.published, source: r.source, ...parseSnippet(r.snippet), score: -r.score })),
    total,
    page,
  );
}

/** No query: the newest articles matching the filters, each with its opening as the snippet. */
function browse(store: SqliteStore, filters: SearchFilters, page: PageArgs): Paged<SearchResult> {
  const { sql, params } = filterSql(filters, 'a');
  const db = store.database;
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

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  /** Articles the facets were counted over (the best-ranked matches, at most `FACET_SAMPLE`). */
  articles: number;
  type: FacetValue[];
  place: FacetValue[];
  month: FacetValue[];
  source: FacetValue[];
}

export const FACET_SAMPLE = 2000;

/** Facet counts (articles per value) from the layer tables, over the best matches of `query` or over everything. */
export function facets(store: SqliteStore, query: string | undefined, filters: SearchFilters = {}): Facets {
  const db = store.database;
  const { sql, params } = filterSql(filters, 'a');
  const q = query?.trim() ? toFts5(query) : undefined;
  if (q === null) return { articles: 0, type: [], place: [], month: [], source: [] };
  const run = (fts: string | null): Facets => {
    const ids = fts
      ? `SELECT a.id AS id, a.source AS source, a.published_day AS day FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
         WHERE articles_fts MATCH ?${budgetClause(db)} ${sql.map((x) => `AND ${x}`).join(' ')} ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ${FACET_SAMPLE}`
      : `SELECT a.id AS id, a.source AS source, a.published_day AS day FROM articles a WHERE ${[...sql, `1${budgetClause(db)}`].join(' AND ')}
         ORDER BY a.rowid DESC LIMIT ${FACET_SAMPLE}`;
    const args = fts ? [fts, ...params] : params;
    const facet = (select: string): FacetValue[] =>
      db.prepare(`WITH ids AS (${ids}) ${select} ORDER BY count DESC, value LIMIT 15`).all(...args) as FacetValue[];
    return {
      articles: db.prepare(`WITH ids AS (${ids}) SELECT count(*) FROM ids`).pluck().get(...args) as number,
      type: facet(`SELECT coalesce(e.acled_type, e.plover_type) AS value, count(DISTINCT e.article_id) AS count
        FROM layer_events e JOIN ids ON ids.id = e.article_id WHERE value IS NOT NULL GROUP BY value`),
      place: facet(`SELECT p.name AS value, count(DISTINCT p.article_id) AS count FROM layer_places p JOIN ids ON ids.id = p.article_id GROUP BY p.name`),
      month: facet(`SELECT substr(day, 1, 7) AS value, count(*) AS count FROM ids WHERE day IS NOT NULL GROUP BY value`),
      source: facet(`SELECT source AS value, count(*) AS count FROM ids WHERE source IS NOT NULL GROUP BY source`),
    };
  };
  return run(q ?? null);
}

// ---------------------------------------------------------------- articles

export function listArticles(store: SqliteStore, range: { from?: string; to?: string }, page: PageArgs): Paged<ArticleSummary> {
  const { sql: where, params } = dayRange(range);
  const total = store.database.prepare(`SELECT count(*) FROM articles ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
  return paged(store.listArticles({ ...range, limit: page.limit, offset: page.offset }), total, page);
}

/** An article by id or by a unique id prefix (as `dateline show` accepts). */
export function resolveArticleId(store: SqliteStore, id: string): string | null {
  if (store.hasArticle(id)) return id;
  if (!/^[0-9a-f]{4,15}$/.test(id)) return null;
  const matches = store.database.prepare("SELECT id FROM articles WHERE id LIKE ? || '%' LIMIT 2").pluck().all(id) as string[];
  return matches.length === 1 ? matches[0] : null;
}

/**
 * The article's own publication date as SQL: a dispatch that only inherited the date of the file's
 * first dispatch shows the day the time stage resolved for it (published_day), or none — never the
 * inherited header date, which belongs to another story.
 */
function ownPublished(alias: string): string {
  return `CASE WHEN ${alias}published_source = 'inherited' THEN ${alias}published_day ELSE coalesce(${alias}published_day, ${alias}published) END`;
}

function articleRefs(store: SqliteStore, ids: string[]): Map<string, ArticleRef> {
  const unique = [...new Set(ids)];
  const out = new Map<string, ArticleRef>();
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = store.database
      .prepare(`SELECT id, title, ${ownPublished('')} AS published FROM articles WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as Array<{ id: string; title: string | null; published: string | null }>;
    for (const r of rows) out.set(r.id, { articleId: r.id, title: r.title, published: r.published });
  }
  return out;
}

function ref(refs: Map<string, ArticleRef>, id: string): ArticleRef {
  return refs.get(id) ?? { articleId: id, title: null, published: null };
}

// ---------------------------------------------------------------- entities

export interface EntitySummary {
  key: string;
  name: string;
  type: string;
  articles: number;
  mentions: number;
}

/** Entities merged across articles (api/entities.ts: same key, middle initials, unambiguous surnames). */
export function listEntities(store: SqliteStore, filter: { q?: string; type?: string }, page: PageArgs): Paged<EntitySummary> {
  let all = crossEntities(store, filter.type ? { type: filter.type as EntityType } : {});
  if (filter.q) {
    const q = filter.q.toLowerCase();
    all = all.filter((e) => e.key.includes(q) || e.variants.some((v) => v.toLowerCase().includes(q)));
  }
  const items = withExactArticles(store, all.slice(page.offset, page.offset + page.limit)).map((e) => ({
    key: e.key,
    name: e.name,
    type: e.type,
    articles: e.articles,
    mentions: e.mentions,
  }));
  return paged(items, all.length, page);
}

export interface EntityDetail extends EntitySummary {
  names: string[];
  roles: Array<{ title: string; affiliation: string | null; count: number }>;
  timeline: Array<{ day: string; mentions: number; articles: number }>;
  appearances: Array<ArticleRef & { entityId: string; mentions: number }>;
  quotes: Array<ArticleRef & { index: number; quote: Quote }>;
  events: Array<ArticleRef & { index: number; role: 'actor' | 'target'; event: EventRecord }>;
}

const MAX_DETAIL_ROWS = 500;

export function getEntity(store: SqliteStore, key: string): EntityDetail | null {
  const db = store.database;
  // A key, or a name as `dateline entity` takes it ("Anna Marsh", "Marsh", a transliteration).
  const cross = entityByKey(store, key) ?? findEntity(store, key);
  if (!cross) return null;
  const marks = cross.keys.map(() => '?').join(', ');
  const rows = db
    .prepare(`SELECT article_id, data FROM layer_entities WHERE type = ? AND key IN (${marks}) ORDER BY article_id, idx LIMIT ${MAX_DETAIL_ROWS}`)
    .all(cross.type, ...cross.keys.map((k) => k.key)) as Array<{ article_id: string; data: string }>;
  if (rows.length === 0) return null;
  const entities = rows.map((r) => ({ articleId: r.article_id, entity: JSON.parse(r.data) as Entity }));
  const refs = articleRefs(store, entities.map((e) => e.articleId));
  const days = new Map<string, { day: string; mentions: number; articles: number }>();
  for (const { articleId, entity } of entities) {
    const day = ref(refs, articleId).published?.slice(0, 10);
    if (day) {
      const d = days.get(day) ?? { day, mentions: 0, articles: 0 };
      d.mentions += entity.mentions.length;
      d.articles++;
      days.set(day, d);
    }
  }
  const ids = entities.map((e) => ({ articleId: e.articleId, id: e.entity.id }));
  const byArticle = new Map<string, Set<string>>();
  for (const { articleId, id } of ids) {
    const set = byArticle.get(articleId) ?? new Set();
    set.add(id);
    byArticle.set(articleId, set);
  }
  const articleIds = [...byArticle.keys()];
  const quotes: EntityDetail['quotes'] = [];
  for (const r of store.layerRows('quotes', { articleIds })) {
    const q = r.item as Quote;
    if (q.speaker?.entity && byArticle.get(r.articleId)?.has(q.speaker.entity)) quotes.push({ ...ref(refs, r.articleId), index: r.index, quote: q });
  }
  const events: EntityDetail['events'] = [];
  for (const r of store.layerRows('events', { articleIds })) {
    const e = r.item as EventRecord;
    const mine = byArticle.get(r.articleId);
    if (e.actors?.some((a) => a.entity && mine?.has(a.entity))) events.push({ ...ref(refs, r.articleId), index: r.index, role: 'actor', event: e });
    else if (e.targets?.some((a) => a.entity && mine?.has(a.entity))) events.push({ ...ref(refs, r.articleId), index: r.index, role: 'target', event: e });
  }
  const exact = withExactArticles(store, [cross])[0];
  return {
    key: cross.key,
    name: cross.name,
    type: cross.type,
    articles: exact.articles,
    mentions: cross.mentions,
    names: cross.variants,
    roles: cross.roles.map((r) => ({ title: r.title, affiliation: r.affiliation ?? null, count: r.count })),
    timeline: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    appearances: entities.map((e) => ({ ...ref(refs, e.articleId), entityId: e.entity.id, mentions: e.entity.mentions.length })),
    quotes,
    events,
  };
}

// ---------------------------------------------------------------- quotes and quantities

export interface QuoteRow extends ArticleRef {
  index: number;
  quote: Quote;
  /** Cross-article key of the speaker entity, when the speaker resolved to one. */
  speakerKey: string | null;
}

export function listQuotes(store: SqliteStore, filter: { speaker?: string; articleId?: string }, page: PageArgs): Paged<QuoteRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.articleId) {
    where.push('q.article_id = ?');
    params.push(filter.articleId);
  }
  if (filter.speaker) {
    where.push("(q.speaker_text LIKE ? ESCAPE '\\' OR e.name LIKE ? ESCAPE '\\' OR e.key = ?)");
    params.push(like(filter.speaker), like(filter.speaker), filter.speaker.toLowerCase());
  }
  const from = `FROM layer_quotes q LEFT JOIN layer_entities e ON e.article_id = q.article_id AND json_extract(e.data, '$.id') = q.speaker_entity
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const db = store.database;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT q.article_id AS articleId, q.idx AS idx, q.data AS data, e.key AS key ${from} ORDER BY q.article_id, q.idx LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as Array<{ articleId: string; idx: number; data: string; key: string | null }>;
  const refs = articleRefs(store, rows.map((r) => r.articleId));
  return paged(
    rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quote: JSON.parse(r.data) as Quote, speakerKey: r.key })),
    total,
    page,
  );
}

export interface QuantityRow extends ArticleRef {
  index: number;
  quantity: Quantity;
}

export function listQuantities(store: SqliteStore, filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs): Paged<QuantityRow> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.role) {
    where.push('role = ?');
    params.push(filter.role);
  }
  if (filter.unit) {
    where.push("unit LIKE ? ESCAPE '\\'");
    params.push(like(filter.unit));
  }
  if (filter.articleId) {
    where.push('article_id = ?');
    params.push(filter.articleId);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const db = store.database;
  const total = db.prepare(`SELECT count(*) FROM layer_quantities ${w}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT article_id AS articleId, idx, data FROM layer_quantities ${w} ORDER BY article_id, idx LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as Array<{ articleId: string; idx: number; data: string }>;
  const refs = articleRefs(store, rows.map((r) => r.articleId));
  return paged(rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quantity: JSON.parse(r.data) as Quantity })), total, page);
}

export interface ClaimGroup {
  /** What is counted: the role and the counted thing, e.g. `downed drones`. */
  key: string;
  role: string | null;
  unit: string | null;
  /** The merged event the figures are about, when the stories stage has merged events. */
  event: string | null;
  summary: string | null;
  claimants: number;
  /** Distinct values claimed. */
  values: number[];
  claims: Array<ArticleRef & { index: number; claimant: string | null; quantity: Quantity }>;
}

const MAX_CLAIMS_PER_GROUP = 100;

function unitKey(unit: string | null): string {
  return (unit ?? '').toLowerCase().replace(/s$/, '');
}

function finishGroups(groups: Iterable<ClaimGroup>, page: PageArgs): Paged<ClaimGroup> {
  const kept = [...groups]
    .map((g) => {
      g.claimants = new Set(g.claims.map((c) => (c.claimant ?? '').toLowerCase())).size;
      g.values = [...new Set(g.claims.map((c) => c.quantity.value))].sort((a, b) => a - b);
      return g;
    })
    .filter((g) => g.claimants > 1 || g.values.length > 1)
    .sort((a, b) => b.values.length - a.values.length || b.claimants - a.claimants || b.claims.length - a.claims.length || a.key.localeCompare(b.key));
  const items = kept.slice(page.offset, page.offset + page.limit).map((g) => ({ ...g, claims: g.claims.slice(0, MAX_CLAIMS_PER_GROUP) }));
  return paged(items, kept.length, page);
}

/** Whether the stories stage has merged events across sources (else each article's own records serve). */
function hasMergedEvents(store: SqliteStore): boolean {
  return (store.database.prepare('SELECT count(*) FROM event_clusters').pluck().get() as number) > 0;
}

/**
 * The same figure from different claimants side by side. With merged events (the stories stage), a
 * group is one event's figures of one kind as every source and claimant states them; without, it is
 * one article's quantities of one role and counted thing. A group is kept when claimants or values differ.
 */
export function claims(store: SqliteStore, filter: { role?: string; articleId?: string; story?: string }, page: PageArgs): Paged<ClaimGroup> {
  return hasMergedEvents(store) ? eventClaims(store, filter, page) : articleClaims(store, filter, page);
}

function eventClaims(store: SqliteStore, filter: { role?: string; articleId?: string; story?: string }, page: PageArgs): Paged<ClaimGroup> {
  const events = listMergedEvents(store, { story: filter.story, limit: MAX_MERGED }).filter(
    (x) => !filter.articleId || x.sources.some((s) => s.article === filter.articleId),
  );
  const articleIds = [...new Set(events.flatMap((x) => x.sources.map((s) => s.article)))];
  const quantities = new Map<string, Quantity>();
  for (let i = 0; i < articleIds.length; i += 500) {
    for (const r of store.layerRows('quantities', { articleIds: articleIds.slice(i, i + 500) })) quantities.set(`${r.articleId}/${r.index}`, r.item as Quantity);
  }
  const groups = new Map<string, ClaimGroup>();
  for (const x of events) {
    for (const src of x.sources) {
      for (const f of src.figures ?? []) {
        if (filter.role && f.kind !== filter.role) continue;
        const key = `${x.id} ${f.kind} ${unitKey(f.unit)}`;
        const g = groups.get(key) ?? { key: `${f.kind} ${f.unit ?? ''}`.trim(), role: f.kind, unit: f.unit, event: x.id, summary: x.event.summary, claimants: 0, values: [], claims: [] };
        const stated = quantities.get(`${src.article}/${f.quantity}`);
        const quantity: Quantity = stated ?? {
          start: f.start,
          end: f.end,
          text: '',
          value: f.value,
          high: f.high,
          unit: f.unit,
          hedge: f.hedge,
          role: f.kind,
          claimant: null,
          confidence: 0,
        };
        g.claims.push({ articleId: src.article, title: src.title, published: src.published, index: f.quantity, claimant: f.claimant, quantity: { ...quantity, value: f.value } });
        groups.set(key, g);
      }
    }
  }
  return finishGroups(groups.values(), page);
}

function articleClaims(store: SqliteStore, filter: { role?: string; articleId?: string }, page: PageArgs): Paged<ClaimGroup> {
  const where: string[] = ['(role IS NOT NULL OR unit IS NOT NULL)'];
  const params: unknown[] = [];
  if (filter.role) {
    where.push('role = ?');
    params.push(filter.role);
  }
  if (filter.articleId) {
    where.push('article_id = ?');
    params.push(filter.articleId);
  }
  const rows = store.database
    .prepare(`SELECT article_id AS articleId, idx, data FROM layer_quantities WHERE ${where.join(' AND ')} ORDER BY article_id, idx LIMIT 20000`)
    .all(...params) as Array<{ articleId: string; idx: number; data: string }>;
  const refs = articleRefs(store, rows.map((r) => r.articleId));
  const groups = new Map<string, ClaimGroup>();
  for (const r of rows) {
    const q = JSON.parse(r.data) as Quantity;
    const key = `${r.articleId} ${q.role ?? ''} ${unitKey(q.unit)}`;
    const g = groups.get(key) ?? { key: `${q.role ?? ''} ${q.unit ?? ''}`.trim(), role: q.role, unit: q.unit, event: null, summary: ref(refs, r.articleId).title, claimants: 0, values: [], claims: [] };
    g.claims.push({ ...ref(refs, r.articleId), index: r.idx, claimant: q.claimant?.text ?? null, quantity: q });
    groups.set(key, g);
  }
  return finishGroups(groups.values(), page);
}

// ---------------------------------------------------------------- events, stories, timelines

export interface EventFilters {
  type?: string;
  from?: string;
  to?: string;
  place?: string;
  actor?: string;
  articleId?: string;
  story?: string;
  /** Only events with coordinates (for the map). */
  geo?: boolean;
}

export interface EventRow extends ArticleRef {
  index: number;
  event: EventRecord;
  /** The story (src/stories) this event was filed under, when the stories stage has run. */
  story: string | null;
  /** The merged cross-source event it belongs to. */
  cluster: string | null;
}

function clusterOf(store: SqliteStore, articleId: string, eventId: string): { story: string | null; cluster: string | null } {
  const row = store.database
    .prepare('SELECT c.id AS cluster, c.story_id AS story FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE m.article_id = ? AND m.event_id = ?')
    .get(articleId, eventId) as { cluster: string; story: string | null } | undefined;
  return { story: row?.story ?? null, cluster: row?.cluster ?? null };
}

function eventWhere(f: EventFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    where.push('(acled_type = ? OR acled_sub_type = ? OR plover_type = ?)');
    params.push(f.type, f.type, f.type);
  }
  if (f.from) {
    where.push('date_value >= ?');
    params.push(f.from);
  }
  if (f.to) {
    where.push("date_value <= ? || '\uffff'");
    params.push(f.to);
  }
  if (f.place) {
    where.push("(place_name LIKE ? ESCAPE '\\' OR json_extract(data, '$.place.country') = ?)");
    params.push(like(f.place), f.place.toUpperCase());
  }
  if (f.actor) {
    where.push("EXISTS (SELECT 1 FROM json_each(data, '$.actors') a WHERE json_extract(a.value, '$.text') LIKE ? ESCAPE '\\')");
    params.push(like(f.actor));
  }
  if (f.articleId) {
    where.push('article_id = ?');
    params.push(f.articleId);
  }
  if (f.geo) where.push('lat IS NOT NULL AND lon IS NOT NULL');
  if (f.story) {
    where.push(
      "EXISTS (SELECT 1 FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE m.article_id = layer_events.article_id AND m.event_id = json_extract(layer_events.data, '$.id') AND c.story_id = ?)",
    );
    params.push(f.story);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function listEvents(store: SqliteStore, filters: EventFilters, page: PageArgs): Paged<EventRow> {
  const { sql, params } = eventWhere(filters);
  const db = store.database;
  const total = db.prepare(`SELECT count(*) FROM layer_events ${sql}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT article_id AS articleId, idx, data FROM layer_events ${sql} ORDER BY date_value IS NULL, date_value, article_id, idx LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as Array<{ articleId: string; idx: number; data: string }>;
  const refs = articleRefs(store, rows.map((r) => r.articleId));
  return paged(
    rows.map((r) => {
      const event = JSON.parse(r.data) as EventRecord;
      return { ...ref(refs, r.articleId), index: r.idx, event, ...clusterOf(store, r.articleId, event.id) };
    }),
    total,
    page,
  );
}

export function getEvent(store: SqliteStore, articleId: string, eventId: string): EventRow | null {
  const rows = store.layerRows('events', { articleIds: [articleId] });
  const row = rows.find((r) => (r.item as EventRecord).id === eventId || String(r.index) === eventId);
  if (!row) return null;
  const event = row.item as EventRecord;
  return { ...ref(articleRefs(store, [articleId]), articleId), index: row.index, event, ...clusterOf(store, articleId, event.id) };
}

// Stories and merged events come from the stories stage (src/stories/store.ts): events merged across
// sources, articles clustered into stories at ingest. These wrap its functions in pages.

export interface MergedEventFilters extends Omit<EventQuery, 'limit' | 'offset'> {
  /** Only events with coordinates (for the map). */
  geo?: boolean;
}

const MAX_MERGED = 100_000;

/** The stories-stage filters among `f` (each route passes its own parameters through this). */
export function mergedQuery(f: MergedEventFilters) {
  return { type: f.type, from: f.from, to: f.to, place: f.place, actor: f.actor, story: f.story };
}

function located(e: ExportEvent): boolean {
  return Number.isFinite(e.event.place?.lat) && Number.isFinite(e.event.place?.lon);
}

/** Events merged across sources, each with every source's own figures. */
export function mergedEvents(store: SqliteStore, filters: MergedEventFilters, page: PageArgs): Paged<ExportEvent> {
  if (filters.geo) {
    const all = listMergedEvents(store, { ...mergedQuery(filters), limit: MAX_MERGED }).filter(located);
    return paged(all.slice(page.offset, page.offset + page.limit), all.length, page);
  }
  const items = listMergedEvents(store, { ...mergedQuery(filters), limit: page.limit, offset: page.offset });
  const total =
    items.length < page.limit && (items.length > 0 || page.offset === 0)
      ? page.offset + items.length
      : listMergedEvents(store, { ...mergedQuery(filters), limit: MAX_MERGED }).length;
  return paged(items, total, page);
}

export function storiesPage(store: SqliteStore, page: PageArgs): Paged<StoreStorySummary> {
  const total = store.database.prepare('SELECT count(*) FROM stories').pluck().get() as number;
  return paged(listStories(store, page.offset + page.limit).slice(page.offset), total, page);
}

export interface StoryDetail extends StoreTimeline {
  /** The story's merged events with each source's figures (for conflicting figures side by side). */
  events: ExportEvent[];
}

export function story(store: SqliteStore, id: string): StoryDetail | null {
  const t = storyTimeline(store, id);
  return t ? { ...t, events: listMergedEvents(store, { story: id, limit: 5000 }) } : null;
}

export interface TimelineEntry {
  date: string | null;
  /** Merged events of the day; each lists its sources. */
  events: ExportEvent[];
  /** Every source's killed/injured figure for the day's events, side by side. */
  figures: Array<{ event: string; what: 'killed' | 'injured'; value: number; claimant: string | null; articleId: string; title: string | null }>;
  /** Articles reporting the day. */
  sources: number;
}

export interface Timeline {
  entries: TimelineEntry[];
  total: number;
}

/** Dated entries (one per day) of merged events, with every source's figures side by side. */
export function timeline(store: SqliteStore, filters: MergedEventFilters, limit = 2000): Timeline {
  const events = listMergedEvents(store, { ...mergedQuery(filters), limit: MAX_MERGED });
  const days = new Map<string, TimelineEntry>();
  for (const x of events.slice(0, limit)) {
    const date = x.event.date?.value?.slice(0, 10) ?? null;
    const entry = days.get(date ?? '') ?? { date, events: [], figures: [], sources: 0 };
    entry.events.push(x);
    for (const src of x.sources) {
      if (src.killed !== null) entry.figures.push({ event: x.id, what: 'killed', value: src.killed, claimant: src.claimant, articleId: src.article, title: src.title });
      if (src.injured !== null) entry.figures.push({ event: x.id, what: 'injured', value: src.injured, claimant: src.claimant, articleId: src.article, title: src.title });
    }
    days.set(date ?? '', entry);
  }
  for (const entry of days.values()) entry.sources = new Set(entry.events.flatMap((e) => e.sources.map((s) => s.article))).size;
  const entries = [...days.values()].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  return { entries, total: events.length };
}

// ---------------------------------------------------------------- export

/** Article ids in publication order, a page at a time (for the JSONL export). */
export function articleIdsPage(store: SqliteStore, range: { from?: string; to?: string }, afterRowid: number, limit: number): Array<{ rowid: number; id: string }> {
  const days = dayRange(range);
  const where = ['rowid > ?', ...days.sql];
  const params: unknown[] = [afterRowid, ...days.params];
  return store.database.prepare(`SELECT rowid, id FROM articles WHERE ${where.join(' AND ')} ORDER BY rowid LIMIT ?`).all(...params, limit) as Array<{
    rowid: number;
    id: string;
  }>;
}

/**
 * Events matching the filters as export events, for the ACLED/PLOVER/GeoJSON/JSONL downloads: merged
 * across sources when the stories stage has run, else each article's own records. At most `limit`.
 */
export function exportEvents(store: SqliteStore, filters: EventFilters, limit = 10_000): ExportEvent[] {
  // Merged across sources when the stories stage has run (what the export formats are made for).
  if (hasMergedEvents(store)) {
    const merged = listMergedEvents(store, { ...mergedQuery(filters), limit });
    return filters.geo ? merged.filter(located) : merged;
  }
  const rows = listEvents(store, filters, { limit, offset: 0 }).items;
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) wanted.set(r.articleId, (wanted.get(r.articleId) ?? new Set()).add(r.event.id));
  const out: ExportEvent[] = [];
  for (const [articleId, eventIds] of wanted) {
    const stored = store.getArticle(articleId);
    if (!stored) continue;
    for (const e of singleSourceEvents(stored.article, stored.layers)) if (eventIds.has(e.event.id)) out.push(e);
  }
  return out;
}
