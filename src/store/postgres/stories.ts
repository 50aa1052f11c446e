/** Reads of the stories stage's tables on PostgreSQL (the same answers as sqlite/stories.ts). */
import type { MergedEvent } from '../../core/merged-event.js';
import { fromJson, type Vec } from '../../stories/vector.js';
import type { MergedEventQuery, StorySummary, StoryTimeline } from '../queries.js';
import { eventEntry, reportEntries, sortEntries } from '../sqlite/stories.js';
import type { SyncPg } from './sync-client.js';

export function mergedEvents(pg: SyncPg, q: MergedEventQuery = {}): MergedEvent[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.type) {
    const n = params.push(q.type.toLowerCase());
    where.push(`(lower(acled_type) = $${n} OR lower(acled_sub_type) = $${n} OR lower(plover_type) = $${n})`);
  }
  if (q.from) {
    const n = params.push(q.from);
    where.push(`(date_to >= $${n} OR (date_to IS NULL AND day >= $${n}))`);
  }
  if (q.to) {
    const n = params.push(q.to);
    where.push(`(date_from <= $${n} OR (date_from IS NULL AND day <= $${n}))`);
  }
  if (q.place) where.push(`lower(place_name) LIKE $${params.push(`%${q.place.toLowerCase()}%`)}`);
  if (q.actor) {
    const a = params.push(q.actor.toLowerCase());
    const b = params.push(`%${q.actor.toLowerCase()}%`);
    where.push(`id IN (SELECT cluster_id FROM event_entities WHERE name_key = $${a} OR name_key LIKE $${b})`);
  }
  if (q.story) where.push(`story_id = $${params.push(q.story)}`);
  const limit = Math.max(0, Math.min(100_000, q.limit ?? 1000));
  const rows = pg.all<{ data: string }>(
    `SELECT data FROM event_clusters ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY day IS NULL, day COLLATE "C", id COLLATE "C"
     LIMIT $${params.push(limit)} OFFSET $${params.push(Math.max(0, q.offset ?? 0))}`,
    params,
  );
  return rows.map((r) => JSON.parse(r.data) as MergedEvent);
}

const STORY_ENTITIES = 5;

function termsAndEntities(centroid: Vec): { terms: string[]; entities: string[] } {
  const ranked = [...centroid.entries()].sort((a, b) => b[1] - a[1]);
  return {
    terms: ranked.slice(0, 8).map(([t]) => t.replace(/^@/, '')),
    entities: ranked.filter(([t]) => t.startsWith('@')).slice(0, STORY_ENTITIES).map(([t]) => t.slice(1)),
  };
}

export function stories(pg: SyncPg, limit = 100): StorySummary[] {
  const rows = pg.all<{ id: string; title: string | null; first_day: string | null; last_day: string | null; articles: number; centroid: string; events: number }>(
    `SELECT s.id, s.title, s.first_day, s.last_day, s.articles, s.centroid, (SELECT count(*) FROM event_clusters e WHERE e.story_id = s.id) AS events
     FROM stories s ORDER BY s.articles DESC, s.last_day DESC NULLS LAST LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, firstDay: r.first_day, lastDay: r.last_day, articles: r.articles, events: r.events, ...termsAndEntities(fromJson(r.centroid)) }));
}

export function storyTimeline(pg: SyncPg, storyId: string): StoryTimeline | null {
  const story = pg.get<{ id: string; title: string | null }>('SELECT id, title FROM stories WHERE id = $1', [storyId]);
  if (!story) return null;
  const entries = mergedEvents(pg, { story: storyId, limit: 5000 }).map(eventEntry);
  const withEvents = new Set(
    pg.all<{ article_id: string }>('SELECT DISTINCT m.article_id FROM event_cluster_members m JOIN event_clusters c ON c.id = m.cluster_id WHERE c.story_id = $1', [storyId]).map((r) => r.article_id),
  );
  const arts = pg.all<{ article_id: string; day: string | null; title: string | null; lead: string | null; source: string | null; url: string | null; published: string | null }>(
    'SELECT a.article_id, a.day, a.title, a.lead, r.source, r.url, r.published FROM story_articles a LEFT JOIN articles r ON r.id = a.article_id WHERE a.story_id = $1',
    [storyId],
  );
  entries.push(...reportEntries(arts, withEvents));
  return { subject: { kind: 'story', id: story.id, title: story.title }, entries: sortEntries(entries) };
}

export function entityTimeline(pg: SyncPg, name: string, aliases: readonly string[] = []): StoryTimeline | null {
  const key = name.toLowerCase();
  const keys = [...new Set([key, ...aliases.map((a) => a.toLowerCase())])];
  const rows = pg.all<{ data: string }>('SELECT data FROM event_clusters WHERE id IN (SELECT cluster_id FROM event_entities WHERE name_key = ANY($1::text[]))', [keys]);
  if (rows.length === 0) return null;
  return { subject: { kind: 'entity', id: key, title: name }, entries: sortEntries(rows.map((r) => eventEntry(JSON.parse(r.data) as MergedEvent))) };
}

export function storyArticleIds(pg: SyncPg, storyId: string): { title: string | null; ids: string[] } | null {
  const story = pg.get<{ title: string | null }>('SELECT title FROM stories WHERE id = $1', [storyId]);
  if (!story) return null;
  const ids = pg.all<{ article_id: string }>('SELECT article_id FROM story_articles WHERE story_id = $1 ORDER BY day IS NULL, day COLLATE "C", article_id COLLATE "C"', [storyId]);
  return { title: story.title, ids: ids.map((r) => r.article_id) };
}
