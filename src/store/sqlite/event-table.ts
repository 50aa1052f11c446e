/**
 * The events table and its chart counts over the stories stage's merged events (event_clusters):
 * every filter of `EventTableQuery` as SQL, a sort with unknowns last, one page and the total.
 */
import type { MergedEvent } from '../../core/merged-event.js';
import { paged, type EventDayCount, type EventSort, type EventTableQuery, type PageArgs, type Paged } from '../queries.js';
import type { DB } from './sql.js';

function hasTables(db: DB): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'").get() !== undefined;
}

const like = (s: string): string => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(q: EventTableQuery): { sql: string; params: unknown[] } {
  const w: string[] = [];
  const p: unknown[] = [];
  if (q.types?.length) {
    const marks = q.types.map(() => '?').join(',');
    w.push(`(lower(acled_type) IN (${marks}) OR lower(acled_sub_type) IN (${marks}) OR lower(plover_type) IN (${marks}))`);
    const t = q.types.map((x) => x.toLowerCase());
    p.push(...t, ...t, ...t);
  }
  if (q.subTypes?.length) {
    w.push(`lower(acled_sub_type) IN (${q.subTypes.map(() => '?').join(',')})`);
    p.push(...q.subTypes.map((x) => x.toLowerCase()));
  }
  if (q.countries?.length) {
    w.push(`country IN (${q.countries.map(() => '?').join(',')})`);
    p.push(...q.countries);
  }
  if (q.admin1) {
    const alt: string[] = [];
    for (const c of q.admin1.codes) {
      alt.push("(country = ? AND json_extract(data, '$.event.place.admin1') = ?)");
      p.push(c.country, c.code);
    }
    for (const n of q.admin1.names) {
      alt.push("(lower(place_name) = ? AND json_extract(data, '$.event.place.precision') = 'region')");
      p.push(n.toLowerCase());
    }
    w.push(alt.length ? `(${alt.join(' OR ')})` : '0');
  }
  if (q.actor) {
    const names = [...new Set([q.actor, ...(q.actorNames ?? [])].map((n) => n.toLowerCase()))];
    w.push(`id IN (SELECT cluster_id FROM event_entities WHERE name_key IN (${names.map(() => '?').join(',')}) OR name_key LIKE ? ESCAPE '\\')`);
    p.push(...names, like(q.actor));
  }
  if (q.from) {
    w.push('(date_to >= ? OR (date_to IS NULL AND day >= ?))');
    p.push(q.from, q.from);
  }
  if (q.to) {
    w.push('(date_from <= ? OR (date_from IS NULL AND day <= ?))');
    p.push(q.to, q.to);
  }
  if (q.fatalitiesMin !== undefined) {
    w.push('coalesce(killed, 0) >= ?');
    p.push(q.fatalitiesMin);
  }
  if (q.fatalitiesMax !== undefined) {
    w.push('coalesce(killed, 0) <= ?');
    p.push(q.fatalitiesMax);
  }
  if (q.source) {
    w.push("id IN (SELECT m.cluster_id FROM event_cluster_members m JOIN articles a ON a.id = m.article_id WHERE lower(a.source) LIKE ? ESCAPE '\\')");
    p.push(like(q.source));
  }
  if (q.confidenceMin !== undefined) {
    w.push("coalesce(json_extract(data, '$.event.confidence'), 0) >= ?");
    p.push(q.confidenceMin);
  }
  if (q.place) {
    w.push("lower(place_name) LIKE ? ESCAPE '\\'");
    p.push(like(q.place));
  }
  if (q.story) {
    w.push('story_id = ?');
    p.push(q.story);
  }
  if (q.geo) w.push('lat IS NOT NULL AND lon IS NOT NULL');
  return { sql: w.length ? `WHERE ${w.join(' AND ')}` : '', params: p };
}

const ORDER: Record<EventSort['key'], string> = {
  date: 'day',
  fatalities: 'killed',
  type: 'coalesce(acled_type, plover_type)',
  country: 'country',
  sources: 'sources',
};

export function eventTable(db: DB, q: EventTableQuery, sort: EventSort, page: PageArgs): Paged<MergedEvent> {
  if (!hasTables(db)) return paged([], 0, page);
  const { sql, params } = where(q);
  const col = ORDER[sort.key];
  const dir = sort.desc ? 'DESC' : 'ASC';
  const order = `${col} IS NULL, ${col} ${dir}${sort.key === 'date' ? '' : `, day IS NULL, day ${dir}`}, id`;
  const total = db.prepare(`SELECT count(*) FROM event_clusters ${sql}`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT data FROM event_clusters ${sql} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck().all(...params, page.limit, page.offset) as string[];
  return paged(rows.map((r) => JSON.parse(r) as MergedEvent), total, page);
}

export function eventDayCounts(db: DB, q: EventTableQuery): EventDayCount[] {
  if (!hasTables(db)) return [];
  const { sql, params } = where(q);
  const dated = sql ? `${sql} AND day IS NOT NULL` : 'WHERE day IS NOT NULL';
  return db
    .prepare(
      `SELECT day, coalesce(acled_type, plover_type, 'untyped') AS type, count(*) AS events, sum(coalesce(killed, 0)) AS fatalities
       FROM event_clusters ${dated} GROUP BY day, type ORDER BY day, type`,
    )
    .all(...params) as EventDayCount[];
}
