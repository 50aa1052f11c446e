/** Filtered reads of layer rows across articles: quantities, per-article events, entity mentions. */
import type { Entity, EntityType, EventRecord, LayerName, Quantity } from '../../core/layers.js';
import { DatelineError } from '../../core/errors.js';
import { layerTable, tableName } from '../layer-tables.js';
import { decodeItem } from '../layer-codec.js';
import type { LayerQuery } from '../store.js';
import { paged, type ArticleRef, type EventFilters, type EventRow, type PageArgs, type Paged, type QuantityRow } from '../queries.js';
import { articleRefs } from './articles.js';
import { like, marks, stmt, type DB } from './sql.js';

function ref(refs: Map<string, ArticleRef>, id: string): ArticleRef {
  return refs.get(id) ?? { articleId: id, title: null, published: null };
}

/** Rows matching equality filters on declared columns and article ids (as Store.layerRows filters them). */
export function countLayerRows(db: DB, layer: LayerName, query: LayerQuery): number {
  const known = new Set((layerTable(layer).columns ?? []).map((c) => c.name));
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [k, v] of Object.entries(query.where ?? {})) {
    if (!known.has(k)) throw new DatelineError('USAGE', { message: `layer ${layer} has no column '${k}'` });
    where.push(`"${k}" = ?`);
    params.push(v);
  }
  if (query.articleIds) {
    where.push(`article_id IN (${marks(query.articleIds.length) || 'NULL'})`);
    params.push(...query.articleIds);
  }
  return db.prepare(`SELECT count(*) FROM ${tableName(layer)} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
}

export function quantities(db: DB, filter: { role?: string; unit?: string; articleId?: string }, page: PageArgs): Paged<QuantityRow> {
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
  const total = db.prepare(`SELECT count(*) FROM layer_quantities ${w}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT *, article_id AS articleId FROM layer_quantities ${w} ORDER BY article_id, idx LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as Array<{ articleId: string; idx: number; data: string | Buffer }>;
  const refs = articleRefs(db, rows.map((r) => r.articleId));
  return paged(rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quantity: decodeItem<Quantity>('quantities', r) })), total, page);
}

export function claimQuantities(db: DB, filter: { role?: string; articleId?: string }, limit: number): QuantityRow[] {
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
  const rows = db
    .prepare(`SELECT *, article_id AS articleId FROM layer_quantities WHERE ${where.join(' AND ')} ORDER BY article_id, idx LIMIT ?`)
    .all(...params, limit) as Array<{ articleId: string; idx: number; data: string | Buffer }>;
  const refs = articleRefs(db, rows.map((r) => r.articleId));
  return rows.map((r) => ({ ...ref(refs, r.articleId), index: r.idx, quantity: decodeItem<Quantity>('quantities', r) }));
}

function clusterOf(db: DB, articleId: string, eventId: string): { story: string | null; cluster: string | null } {
  const row = stmt(
    db,
    'SELECT c.id AS cluster, c.story_id AS story FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE m.article_id = ? AND m.event_id = ?',
  ).get(articleId, eventId) as { cluster: string; story: string | null } | undefined;
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

export function articleEvents(db: DB, filters: EventFilters, page: PageArgs): Paged<EventRow> {
  const { sql, params } = eventWhere(filters);
  const total = db.prepare(`SELECT count(*) FROM layer_events ${sql}`).pluck().get(...params) as number;
  const rows = db
    .prepare(`SELECT article_id AS articleId, idx, data FROM layer_events ${sql} ORDER BY date_value IS NULL, date_value, article_id, idx LIMIT ? OFFSET ?`)
    .all(...params, page.limit, page.offset) as Array<{ articleId: string; idx: number; data: string }>;
  const refs = articleRefs(db, rows.map((r) => r.articleId));
  return paged(
    rows.map((r) => {
      const event = JSON.parse(r.data) as EventRecord;
      return { ...ref(refs, r.articleId), index: r.idx, event, ...clusterOf(db, r.articleId, event.id) };
    }),
    total,
    page,
  );
}

export function articleEvent(db: DB, articleId: string, eventId: string): EventRow | null {
  const rows = stmt(db, 'SELECT idx, data FROM layer_events WHERE article_id = ? ORDER BY idx').all(articleId) as Array<{ idx: number; data: string }>;
  for (const r of rows) {
    const event = JSON.parse(r.data) as EventRecord;
    if (event.id !== eventId && String(r.idx) !== eventId) continue;
    return { ...ref(articleRefs(db, [articleId]), articleId), index: r.idx, event, ...clusterOf(db, articleId, event.id) };
  }
  return null;
}

export function entityArticleCount(db: DB, type: EntityType, keys: readonly string[]): number {
  return db.prepare(`SELECT count(DISTINCT article_id) FROM layer_entities WHERE type = ? AND key IN (${marks(keys.length)})`).pluck().get(type, ...keys) as number;
}

export function entityMentions(db: DB, type: EntityType, keys: readonly string[], limit: number): Array<{ articleId: string; entity: Entity }> {
  const rows = db
    .prepare(`SELECT * FROM layer_entities WHERE type = ? AND key IN (${marks(keys.length)}) ORDER BY article_id, idx LIMIT ?`)
    .all(type, ...keys, limit) as Array<{ article_id: string; data: string | Buffer }>;
  return rows.map((r) => ({ articleId: r.article_id, entity: decodeItem<Entity>('entities', r) }));
}

export function diagnosticCounts(db: DB): Array<{ severity: 'error' | 'warning' | 'info'; code: string; count: number }> {
  return db.prepare('SELECT severity, code, count(*) AS count FROM diagnostics GROUP BY severity, code ORDER BY count DESC, code').all() as Array<{
    severity: 'error' | 'warning' | 'info';
    code: string;
    count: number;
  }>;
}
