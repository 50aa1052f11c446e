/**
 * The events table and its chart counts on PostgreSQL: the same filters, sort and paging as
 * ../sqlite/event-table.ts (text sorted byte-wise, as SQLite does, so both stores page alike).
 */
import type { MergedEvent } from '../../core/merged-event.js';
import { paged, type EventDayCount, type EventSort, type EventTableQuery, type PageArgs, type Paged } from '../queries.js';
import { like } from './sql.js';
import type { SyncPg } from './sync-client.js';

function where(q: EventTableQuery): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const p: unknown[] = [];
  const list = (values: readonly unknown[]): string => values.map((v) => `$${p.push(v)}`).join(',');
  if (q.types?.length) {
    const t = list(q.types.map((x) => x.toLowerCase()));
    w.push(`(lower(acled_type) IN (${t}) OR lower(acled_sub_type) IN (${t}) OR lower(plover_type) IN (${t}))`);
  }
  if (q.subTypes?.length) w.push(`lower(acled_sub_type) IN (${list(q.subTypes.map((x) => x.toLowerCase()))})`);
  if (q.countries?.length) w.push(`country IN (${list(q.countries)})`);
  if (q.admin1) {
    const alt: string[] = [];
    for (const c of q.admin1.codes) {
      alt.push(`(country = $${p.push(c.country)} AND (data::jsonb #>> '{event,place,admin1}') = $${p.push(c.code)})`);
    }
    for (const n of q.admin1.names) {
      alt.push(`(lower(place_name) = $${p.push(n.toLowerCase())} AND (data::jsonb #>> '{event,place,precision}') = 'region')`);
    }
    w.push(alt.length ? `(${alt.join(' OR ')})` : 'false');
  }
  if (q.actor) {
    const names = [...new Set([q.actor, ...(q.actorNames ?? [])].map((n) => n.toLowerCase()))];
    w.push(`id IN (SELECT cluster_id FROM event_entities WHERE name_key IN (${list(names)}) OR name_key LIKE $${p.push(like(q.actor.toLowerCase()))} ESCAPE '\\')`);
  }
  if (q.from) {
    const n = p.push(q.from);
    w.push(`(date_to >= $${n} OR (date_to IS NULL AND day >= $${n}))`);
  }
  if (q.to) {
    const n = p.push(q.to);
    w.push(`(date_from <= $${n} OR (date_from IS NULL AND day <= $${n}))`);
  }
  if (q.fatalitiesMin !== undefined) w.push(`coalesce(killed, 0) >= $${p.push(q.fatalitiesMin)}`);
  if (q.fatalitiesMax !== undefined) w.push(`coalesce(killed, 0) <= $${p.push(q.fatalitiesMax)}`);
  if (q.source) {
    w.push(
      `id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN articles a ON a.id = m.article_id WHERE lower(a.source) LIKE $${p.push(like(q.source.toLowerCase()))} ESCAPE '\\')`,
    );
  }
  if (q.confidenceMin !== undefined) {
    w.push(`coalesce((data::jsonb #>> '{event,confidence}')::double precision, 0) >= $${p.push(q.confidenceMin)}`);
  }
  if (q.place) w.push(`lower(place_name) LIKE $${p.push(like(q.place.toLowerCase()))} ESCAPE '\\'`);
  if (q.story) w.push(`story_id = $${p.push(q.story)}`);
  if (q.geo) w.push('lat IS NOT NULL AND lon IS NOT NULL');
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p };
}

const ORDER: Record<EventSort['key'], string> = {
  date: 'day COLLATE "C"',
  fatalities: 'killed',
  type: 'coalesce(acled_type, plover_type) COLLATE "C"',
  country: 'country COLLATE "C"',
  sources: 'sources',
};
const IS_NULL: Record<EventSort['key'], string> = {
  date: 'day IS NULL',
  fatalities: 'killed IS NULL',
  type: 'coalesce(acled_type, plover_type) IS NULL',
  country: 'country IS NULL',
  sources: 'sources IS NULL',
};

export function eventTable(pg: SyncPg, q: EventTableQuery, sort: EventSort, page: PageArgs): Paged<MergedEvent> {
  const { sql, params } = where(q);
  const dir = sort.desc ? 'DESC' : 'ASC';
  const order = `${IS_NULL[sort.key]}, ${ORDER[sort.key]} ${dir}${sort.key === 'date' ? '' : `, day IS NULL, day COLLATE "C" ${dir}`}, id COLLATE "C"`;
  const total = pg.value<number>(`SELECT count(*) FROM event_clusters ${sql}`, params) ?? 0;
  const rows = pg.all<{ data: string }>(
    `SELECT data FROM event_clusters ${sql} ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, page.limit, page.offset],
  );
  return paged(rows.map((r) => JSON.parse(r.data) as MergedEvent), total, page);
}

export function eventDayCounts(pg: SyncPg, q: EventTableQuery): EventDayCount[] {
  const { sql, params } = where(q);
  const dated = sql ? `${sql} AND day IS NOT NULL` : 'WHERE day IS NOT NULL';
  return pg.all<EventDayCount>(
    `SELECT day, coalesce(acled_type, plover_type, 'untyped') AS type, count(*) AS events, sum(coalesce(killed, 0)) AS fatalities
     FROM event_clusters ${dated} GROUP BY 1, 2 ORDER BY day COLLATE "C", coalesce(acled_type, plover_type, 'untyped') COLLATE "C"`,
    params,
  );
}
