/**
 * Reads of the stories stage's tables (written at ingest by src/stories/store.ts): events merged
 * across sources, stories, and timelines per story and per entity.
 */
import { dateRange } from '../../events/merge.js';
import type { EventRecord } from '../../core/layers.js';
import type { MergedEvent } from '../../core/merged-event.js';
import { fromJson, type Vec } from '../../stories/vector.js';
import type { MergedEventQuery, StorySummary, StoryTimeline, StoryTimelineEntry } from '../queries.js';
import { stmt, type DB } from './sql.js';

function hasTables(db: DB): boolean {
  return stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'").get() !== undefined;
}

export function eventDay(e: EventRecord): string | null {
  const r = dateRange(e);
  if (!r) return null;
  if (r.from === r.to) return r.from;
  return new Date((Date.parse(r.from) + Date.parse(r.to)) / 2).toISOString().slice(0, 10);
}

export function hasMergedEvents(db: DB): boolean {
  return hasTables(db) && stmt(db, 'SELECT 1 FROM event_clusters LIMIT 1').get() !== undefined;
}

export function countStories(db: DB): number {
  return hasTables(db) ? (stmt(db, 'SELECT count(*) FROM stories').pluck().get() as number) : 0;
}

export function mergedEvents(db: DB, q: MergedEventQuery = {}): MergedEvent[] {
  if (!hasTables(db)) return [];
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.type) {
    where.push('(lower(acled_type) = ? OR lower(acled_sub_type) = ? OR lower(plover_type) = ?)');
    const t = q.type.toLowerCase();
    params.push(t, t, t);
  }
  if (q.from) {
    where.push('(date_to >= ? OR (date_to IS NULL AND day >= ?))');
    params.push(q.from, q.from);
  }
  if (q.to) {
    where.push('(date_from <= ? OR (date_from IS NULL AND day <= ?))');
    params.push(q.to, q.to);
  }
  if (q.place) {
    where.push('lower(place_name) LIKE ?');
    params.push(`%${q.place.toLowerCase()}%`);
  }
  if (q.actor) {
    where.push('id IN (SELECT cluster_id FROM event_entities WHERE name_key = ? OR name_key LIKE ?)');
    params.push(q.actor.toLowerCase(), `%${q.actor.toLowerCase()}%`);
  }
  if (q.story) {
    where.push('story_id = ?');
    params.push(q.story);
  }
  const limit = Math.max(0, Math.min(100_000, q.limit ?? 1000));
  const rows = db
    .prepare(`SELECT data FROM event_clusters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY day IS NULL, day, id LIMIT ? OFFSET ?`)
    .all(...params, limit, Math.max(0, q.offset ?? 0)) as Array<{ data: string }>;
  return rows.map((r) => JSON.parse(r.data) as MergedEvent);
}

/** Entity keys listed per story. */
const STORY_ENTITIES = 5;

export function stories(db: DB, limit = 100): StorySummary[] {
  if (!hasTables(db)) return [];
  const rows = db
    .prepare(
      `SELECT s.id, s.title, s.first_day, s.last_day, s.articles, s.centroid,
         (SELECT count(*) FROM event_clusters e WHERE e.story_id = s.id) AS events
       FROM stories s ORDER BY s.articles DESC, s.last_day DESC LIMIT ?`,
    )
    .all(limit) as Array<{ id: string; title: string | null; first_day: string | null; last_day: string | null; articles: number; centroid: string; events: number }>;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    firstDay: r.first_day,
    lastDay: r.last_day,
    articles: r.articles,
    events: r.events,
    ...termsAndEntities(fromJson(r.centroid)),
  }));
}

function termsAndEntities(centroid: Vec): { terms: string[]; entities: string[] } {
  const ranked = [...centroid.entries()].sort((a, b) => b[1] - a[1]);
  return {
    terms: ranked.slice(0, 8).map(([t]) => t.replace(/^@/, '')),
    entities: ranked.filter(([t]) => t.startsWith('@')).slice(0, STORY_ENTITIES).map(([t]) => t.slice(1)),
  };
}

/** Story articles without merged events, as report entries told by their lead (both stores). */
export function reportEntries(
  arts: ReadonlyArray<{ article_id: string; day: string | null; title: string | null; lead: string | null; source: string | null; url: string | null; published: string | null }>,
  withEvents: ReadonlySet<string>,
): StoryTimelineEntry[] {
  return arts
    .filter((a) => !withEvents.has(a.article_id))
    .map((a) => ({
      date: a.day,
      precision: a.day ? ('day' as const) : ('unknown' as const),
      summary: a.lead ?? a.title ?? '',
      kind: 'report' as const,
      sources: [{ article: a.article_id, title: a.title, source: a.source, url: a.url, published: a.published }],
    }));
}

/** A merged event as a timeline entry (both stores). */
export function eventEntry(x: MergedEvent): StoryTimelineEntry {
  const r = dateRange(x.event);
  return {
    date: r ? (r.from === r.to ? r.from : eventDay(x.event)) : null,
    precision: x.event.date?.precision ?? 'unknown',
    summary: x.event.summary,
    kind: 'event',
    event: x.id,
    sources: x.sources.map((s) => ({ article: s.article, title: s.title, source: s.source, url: s.url, published: s.published })),
  };
}

export function sortEntries(entries: StoryTimelineEntry[]): StoryTimelineEntry[] {
  return entries.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.summary.localeCompare(b.summary));
}

/** A story's timeline: its merged events, and a lead-sentence entry for each article without events. */
export function storyTimeline(db: DB, storyId: string): StoryTimeline | null {
  if (!hasTables(db)) return null;
  const story = stmt(db, 'SELECT id, title FROM stories WHERE id = ?').get(storyId) as { id: string; title: string | null } | undefined;
  if (!story) return null;
  const entries = mergedEvents(db, { story: storyId, limit: 5000 }).map(eventEntry);
  const withEvents = new Set(
    (stmt(db, 'SELECT DISTINCT m.article_id FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE c.story_id = ?').pluck().all(storyId) as string[]),
  );
  const arts = stmt(db, 'SELECT a.article_id, a.day, a.title, a.lead, r.source, r.url, r.published FROM story_articles a LEFT JOIN articles r ON r.id = a.article_id WHERE a.story_id = ?').all(storyId) as Array<{
    article_id: string;
    day: string | null;
    title: string | null;
    lead: string | null;
    source: string | null;
    url: string | null;
    published: string | null;
  }>;
  entries.push(...reportEntries(arts, withEvents));
  return { subject: { kind: 'story', id: story.id, title: story.title }, entries: sortEntries(entries) };
}

/** Events whose actor, target or claimant is written `name` or one of `aliases` (other spellings of the same entity). */
export function entityTimeline(db: DB, name: string, aliases: readonly string[] = []): StoryTimeline | null {
  if (!hasTables(db)) return null;
  const key = name.toLowerCase();
  const keys = [...new Set([key, ...aliases.map((a) => a.toLowerCase())])];
  const ids = db.prepare(`SELECT DISTINCT cluster_id FROM event_entities WHERE name_key IN (${keys.map(() => '?').join(',')})`).pluck().all(...keys) as string[];
  if (ids.length === 0) return null;
  const rows = db.prepare(`SELECT data FROM event_clusters WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ data: string }>;
  const entries = rows.map((r) => eventEntry(JSON.parse(r.data) as MergedEvent));
  return { subject: { kind: 'entity', id: key, title: name }, entries: sortEntries(entries) };
}

/** The ids of a story's articles, oldest first (undated last); null when there is no such story. */
export function storyArticleIds(db: DB, storyId: string): { title: string | null; ids: string[] } | null {
  if (!hasTables(db)) return null;
  const story = stmt(db, 'SELECT title FROM stories WHERE id = ?').get(storyId) as { title: string | null } | undefined;
  if (!story) return null;
  const ids = stmt(db, 'SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY day IS NULL, day, article_id').pluck().all(storyId) as string[];
  return { title: story.title, ids };
}

/** The largest story (most articles), or null when there are no stories. */
export function mainStoryId(db: DB): string | null {
  if (!hasTables(db)) return null;
  return (stmt(db, 'SELECT id FROM stories ORDER BY articles DESC, last_day DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
}

