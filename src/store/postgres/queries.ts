/** The PostgreSQL implementation of the read port (../queries.ts); each answer matches the SQLite one (sqlite/queries.ts). */
import type { Entity, EntityType, EventRecord, LayerName, Quantity } from '../../core/layers.js';
import type { MergedEvent } from '../../core/merged-event.js';
import type { KeyTotals } from '../../entities/crossdoc.js';
import { totalsOf, type KeyRow } from '../entity-keys.js';
import type { LayerQuery } from '../store.js';
import {
  BudgetError,
  paged,
  type ArticleRef,
  type ArticleText,
  type EventDayCount,
  type EventFilters,
  type EventSort,
  type EventTableQuery,
  type EventRow,
  type MergedEventQuery,
  type PageArgs,
  type Paged,
  type Queries,
  type QuantityRow,
  type SearchFilters,
} from '../queries.js';
import { eventDayCounts, eventTable } from './event-table.js';
import { facets, search } from './search.js';
import * as stories from './stories.js';
import { layerWhere, like, ownPublished } from './sql.js';
import { PgError, type SyncPg } from './sync-client.js';

const RICH_LAYERS = ['entities', 'times', 'quotes', 'quantities', 'places', 'events'];

function ref(refs: Map<string, ArticleRef>, id: string): ArticleRef {
  return refs.get(id) ?? { articleId: id, title: null, published: null };
}

function days(range: { from?: string; to?: string }, params: unknown[]): string[] {
  const sql: string[] = [];
  if (range.from) sql.push(`published_day >= $${params.push(range.from)}`);
  if (range.to) sql.push(`published_day <= $${params.push(range.to)}`);
  return sql;
}

export class PgQueries implements Queries {
  constructor(private readonly pg: SyncPg) {}

  /** Every statement of `work` is cancelled by the server after `ms` (statement_timeout), as BudgetError. */
  withBudget<T>(ms: number, work: () => T): T {
    this.pg.all(`SET statement_timeout = ${Math.max(1, Math.floor(ms))}`);
    try {
      return work();
    } catch (error) {
      if (error instanceof PgError && error.code === '57014') throw new BudgetError(ms);
      throw error;
    } finally {
      this.pg.all('RESET statement_timeout');
    }
  }

  search(query: string, filters: SearchFilters, page: PageArgs) {
    return search(this.pg, query, filters, page);
  }

  facets(query: string | undefined, filters: SearchFilters) {
    return facets(this.pg, query, filters);
  }

  countArticles(range: { from?: string; to?: string } = {}) {
    const params: unknown[] = [];
    const sql = days(range, params);
    return this.pg.value<number>(`SELECT count(*) FROM articles ${sql.length ? `WHERE ${sql.join(' AND ')}` : ''}`, params) ?? 0;
  }

  articleIdsByPrefix(prefix: string, limit: number) {
    return this.pg.all<{ id: string }>('SELECT id FROM articles WHERE starts_with(id, $1) ORDER BY id COLLATE "C" LIMIT $2', [prefix, limit]).map((r) => r.id);
  }

  articleRefs(ids: readonly string[]) {
    const rows = this.pg.all<{ id: string; title: string | null; published: string | null }>(
      `SELECT id, title, ${ownPublished('')} AS published FROM articles WHERE id = ANY($1::text[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, { articleId: r.id, title: r.title, published: r.published }]));
  }

  articleIdsPage(range: { from?: string; to?: string }, cursor: number, limit: number) {
    const params: unknown[] = [cursor];
    const where = ['seq > $1', ...days(range, params)];
    return this.pg.all<{ cursor: number; id: string }>(`SELECT seq AS cursor, id FROM articles WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${params.push(limit)}`, params);
  }

  articleTexts(ids: readonly string[]) {
    const rows = this.pg.all<ArticleText>('SELECT id, text, title, source, url, published FROM articles WHERE id = ANY($1::text[])', [[...ids]]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r): r is ArticleText => r !== undefined);
  }

  richestArticle() {
    const tables = RICH_LAYERS.map((l) => `SELECT article_id FROM layer_${l}`).join(' UNION ALL ');
    return this.pg.value<string>(`SELECT article_id FROM (${tables}) t GROUP BY article_id ORDER BY count(*) DESC, article_id LIMIT 1`) ?? null;
  }

  entityKeys(type?: EntityType): KeyTotals[] {
    const rows = type ? this.pg.all<KeyRow>('SELECT * FROM entity_keys WHERE type = $1', [type]) : this.pg.all<KeyRow>('SELECT * FROM entity_keys');
    return rows.map(totalsOf);
  }

  entityKeysVersion() {
    return this.pg.value<number>("SELECT value FROM dateline_meta WHERE key = 'entity_keys_version'") ?? 0;
  }

  entityArticleCount(type: EntityType, keys: readonly string[]) {
    return this.pg.value<number>('SELECT count(DISTINCT article_id) FROM layer_entities WHERE type = $1 AND key = ANY($2::text[])', [type, [...keys]]) ?? 0;
  }

  entityMentions(type: EntityType, keys: readonly string[], limit: number) {
    const rows = this.pg.all<{ article_id: string; data: string }>(
      'SELECT article_id, data FROM layer_entities WHERE type = $1 AND key = ANY($2::text[]) ORDER BY article_id COLLATE "C", idx LIMIT $3',
      [type, [...keys], limit],
    );
    return rows.map((r) => ({ articleId: r.article_id, entity: JSON.parse(r.data) as Entity }));
  }

  countLayerRows(layer: LayerName, query: LayerQuery = {}) {
    const { sql, params } = layerWhere(layer, query);
    return this.pg.value<number>(`SELECT count(*) FROM layer_${layer} ${sql}`, params) ?? 0;
  }

  quantities(filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs): Paged<QuantityRow> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.role) where.push(`role = $${params.push(filter.role)}`);
    if (filter.unit) where.push(`unit LIKE $${params.push(like(filter.unit))} ESCAPE '\\'`);
    if (filter.articleId) where.push(`article_id = $${params.push(filter.articleId)}`);
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = this.pg.value<number>(`SELECT count(*) FROM layer_quantities ${w}`, params) ?? 0;
    const rows = this.pg.all<{ articleId: string; idx: number; data: string }>(
      `SELECT article_id AS "articleId", idx, data FROM layer_quantities ${w} ORDER BY article_id COLLATE "C", idx LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    const refs = this.articleRefs(rows.map((r) => r.articleId));
    return paged(rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quantity: JSON.parse(r.data) as Quantity })), total, page);
  }

  claimQuantities(filter: { role?: string; articleId?: string }, limit: number): QuantityRow[] {
    const params: unknown[] = [];
    const where = ['(role IS NOT NULL OR unit IS NOT NULL)'];
    if (filter.role) where.push(`role = $${params.push(filter.role)}`);
    if (filter.articleId) where.push(`article_id = $${params.push(filter.articleId)}`);
    const rows = this.pg.all<{ articleId: string; idx: number; data: string }>(
      `SELECT article_id AS "articleId", idx, data FROM layer_quantities WHERE ${where.join(' AND ')} ORDER BY article_id COLLATE "C", idx LIMIT $${params.push(limit)}`,
      params,
    );
    const refs = this.articleRefs(rows.map((r) => r.articleId));
    return rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quantity: JSON.parse(r.data) as Quantity }));
  }

  private clusters(pairs: Array<{ articleId: string; eventId: string }>): Map<string, { story: string | null; cluster: string | null }> {
    if (pairs.length === 0) return new Map();
    const rows = this.pg.all<{ article_id: string; event_id: string; cluster: string; story: string | null }>(
      `SELECT m.article_id, m.event_id, c.id AS cluster, c.story_id AS story FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id
       WHERE (m.article_id, m.event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [pairs.map((p) => p.articleId), pairs.map((p) => p.eventId)],
    );
    return new Map(rows.map((r) => [`${r.article_id}\u0000${r.event_id}`, { story: r.story, cluster: r.cluster }]));
  }

  articleEvents(filters: EventFilters, page: PageArgs): Paged<EventRow> {
    const { sql, params } = eventWhere(filters);
    const total = this.pg.value<number>(`SELECT count(*) FROM layer_events ${sql}`, params) ?? 0;
    const rows = this.pg.all<{ articleId: string; idx: number; data: string }>(
      `SELECT article_id AS "articleId", idx, data FROM layer_events ${sql}
       ORDER BY date_value IS NULL, date_value COLLATE "C", article_id COLLATE "C", idx LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    const refs = this.articleRefs(rows.map((r) => r.articleId));
    const events = rows.map((r) => ({ r, event: JSON.parse(r.data) as EventRecord }));
    const clusters = this.clusters(events.map(({ r, event }) => ({ articleId: r.articleId, eventId: event.id })));
    return paged(
      events.map(({ r, event }) => ({ ...ref(refs, r.articleId), index: r.idx, event, ...(clusters.get(`${r.articleId}\u0000${event.id}`) ?? { story: null, cluster: null }) })),
      total,
      page,
    );
  }

  articleEvent(articleId: string, eventId: string): EventRow | null {
    const rows = this.pg.all<{ idx: number; data: string }>('SELECT idx, data FROM layer_events WHERE article_id = $1 ORDER BY idx', [articleId]);
    for (const r of rows) {
      const event = JSON.parse(r.data) as EventRecord;
      if (event.id !== eventId && String(r.idx) !== eventId) continue;
      const c = this.clusters([{ articleId, eventId: event.id }]).get(`${articleId}\u0000${event.id}`) ?? { story: null, cluster: null };
      return { ...ref(this.articleRefs([articleId]), articleId), index: r.idx, event, ...c };
    }
    return null;
  }

  hasMergedEvents() {
    return this.pg.get('SELECT 1 FROM event_clusters LIMIT 1') !== undefined;
  }

  eventTable(query: EventTableQuery, sort: EventSort, page: PageArgs): Paged<MergedEvent> {
    return eventTable(this.pg, query, sort, page);
  }

  eventDayCounts(query: EventTableQuery): EventDayCount[] {
    return eventDayCounts(this.pg, query);
  }

  mergedEvents(query: MergedEventQuery) {
    return stories.mergedEvents(this.pg, query);
  }

  countStories() {
    return this.pg.value<number>('SELECT count(*) FROM stories') ?? 0;
  }

  stories(limit: number) {
    return stories.stories(this.pg, limit);
  }

  storyTimeline(storyId: string) {
    return stories.storyTimeline(this.pg, storyId);
  }

  entityTimeline(name: string, aliases: readonly string[]) {
    return stories.entityTimeline(this.pg, name, aliases);
  }

  storyArticleIds(storyId: string) {
    return stories.storyArticleIds(this.pg, storyId);
  }

  mainStoryId() {
    return this.pg.value<string>('SELECT id FROM stories ORDER BY articles DESC, last_day DESC NULLS LAST LIMIT 1') ?? null;
  }

  diagnosticCounts() {
    return this.pg.all<{ severity: 'error' | 'warning' | 'info'; code: string; count: number }>(
      'SELECT severity, code, count(*)::int AS count FROM diagnostics GROUP BY severity, code ORDER BY count DESC, code COLLATE "C"',
    );
  }
}

function eventWhere(f: EventFilters): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.type) {
    const n = params.push(f.type);
    where.push(`(acled_type = $${n} OR acled_sub_type = $${n} OR plover_type = $${n})`);
  }
  if (f.from) where.push(`date_value >= $${params.push(f.from)}`);
  if (f.to) where.push(`date_value <= $${params.push(f.to)} || '\uffff'`);
  if (f.place) where.push(`(place_name LIKE $${params.push(like(f.place))} ESCAPE '\\' OR (data::json -> 'place' ->> 'country') = $${params.push(f.place.toUpperCase())})`);
  if (f.actor) {
    where.push(`EXISTS (SELECT 1 FROM json_array_elements(coalesce(data::json -> 'actors', '[]'::json)) a WHERE (a ->> 'text') LIKE $${params.push(like(f.actor))} ESCAPE '\\')`);
  }
  if (f.articleId) where.push(`article_id = $${params.push(f.articleId)}`);
  if (f.geo) where.push('lat IS NOT NULL AND lon IS NOT NULL');
  if (f.story) {
    where.push(
      `EXISTS (SELECT 1 FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE m.article_id = layer_events.article_id AND m.event_id = (layer_events.data::json ->> 'id') AND c.story_id = $${params.push(f.story)})`,
    );
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}
