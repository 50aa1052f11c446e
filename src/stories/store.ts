/**
 * Incremental cross-source merge and story clustering over the store, and the queries the CLI, the
 * server and the exports read: events (merged), stories, and timelines per story and per entity.
 *
 * `updateStories` runs after each ingest batch is written, in its own transaction, for the articles
 * the batch inserted: each of their events joins the best-matching stored event (events/merge.ts) or
 * starts one; each article joins the story whose centroid it is most similar to within a time window
 * (TF-IDF cosine, with a bonus for stories that already hold one of its merged events) or starts one.
 * Work per article is a handful of indexed queries, so memory stays flat however much is ingested.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../core/article.js';
import type { EventRecord, Layers } from '../core/layers.js';
import { MERGE_THRESHOLD, dateRange, matchScore, mergeReport, sourceOf } from '../events/merge.js';
import type { ExportEvent } from '../export/types.js';
import type { SqliteStore } from '../store/sqlite.js';
import { addInto, cosineUnit, fromJson, norm, termCounts, tfidf, toJson, type Vec } from './vector.js';
import { inAcledScope } from '../events/scope.js';

type DB = SqliteStore['database'];

/** Cosine similarity at which an article joins a story. */
export const STORY_THRESHOLD = 0.08;
/** Days outside a story's date span beyond which an article cannot join it. */
export const STORY_WINDOW_DAYS = 21;
/**
 * Longest date span a story may reach: a join that would stretch it further is refused, so a chain of
 * articles each near the last cannot grow one story over months (a topic then spans several stories).
 */
export const MAX_STORY_SPAN_DAYS = 60;
/** Days outside the story's span over which similarity decays by a factor e (time-decayed window). */
export const STORY_DECAY_DAYS = 14;
/** A joining headline replaces the story's title only when it fits the centroid this much better (titles stay stable). */
export const TITLE_SWITCH_MARGIN = 1.25;
const EVENT_BONUS = 0.25;
/** Strongest article terms used to find candidate stories, and how many candidates are scored. */
const PROBE_TERMS = 12;
const MAX_CANDIDATES = 60;
const PROBE_SQL = `SELECT story_id, count(*) AS shared FROM story_index WHERE term IN (${Array.from({ length: PROBE_TERMS }, () => '?').join(', ')}) GROUP BY story_id`;
const STORY_CANDIDATES = `SELECT s.id, s.first_day, s.last_day, s.articles FROM (${PROBE_SQL}) c JOIN stories s ON s.id = c.story_id
  ORDER BY c.shared DESC, s.updated_at DESC LIMIT ${MAX_CANDIDATES}`;
const STORY_CANDIDATES_DATED = `SELECT s.id, s.first_day, s.last_day, s.articles FROM (${PROBE_SQL}) c JOIN stories s ON s.id = c.story_id
  WHERE s.last_day >= ? AND s.first_day <= ? ORDER BY c.shared DESC, s.updated_at DESC LIMIT ${MAX_CANDIDATES}`;

export interface StoryUpdate {
  events: { merged: number; created: number };
  stories: { joined: number; created: number };
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/**
 * How a dated article sits against a story's span: the factor its similarity is multiplied by
 * (exp(−days outside the span / STORY_DECAY_DAYS)), or 0 when joining would stretch the story past
 * MAX_STORY_SPAN_DAYS. Undated articles and undated stories are not decayed (they never change dates).
 */
export function timeFactor(day: string | null, first: string | null, last: string | null, maxSpan = MAX_STORY_SPAN_DAYS): number {
  if (!day || !first || !last) return 1;
  const d = dayNumber(day);
  const lo = Math.min(d, dayNumber(first));
  const hi = Math.max(d, dayNumber(last));
  if (hi - lo > maxSpan) return 0;
  const outside = Math.max(0, dayNumber(first) - d, d - dayNumber(last));
  return Math.exp(-outside / STORY_DECAY_DAYS);
}

/** Words of a headline scored against a story centroid: the summed weight of its distinct words, over √length. */
export function headlineScore(headline: string, centroid: Vec): number {
  const words = headline.toLowerCase().match(/[\p{L}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (!words.length) return 0;
  let sum = 0;
  for (const w of new Set(words)) sum += (centroid.get(w) ?? 0) + (centroid.get(`@${w}`) ?? 0);
  return sum / Math.sqrt(words.length);
}

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString().slice(0, 10) : iso;
}

function articleDay(article: Article, layers: Layers): string | null {
  const p = layers.published?.[0];
  const v = p?.range && p.range.from === p.range.to ? p.range.from : (p?.value ?? article.published);
  return v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

const statementCache = new WeakMap<DB, Map<string, Database.Statement<unknown[]>>>();

/** Prepared once per database connection and SQL text. */
function stmt(db: DB, sql: string): Database.Statement<unknown[]> {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let s = cache.get(sql);
  if (!s) {
    s = db.prepare(sql);
    cache.set(sql, s);
  }
  return s;
}

/** Parsed story centroids, keyed by story id and article count (the count changes on every join). */
const centroidCache = new WeakMap<DB, Map<string, { vec: Vec; norm: number }>>();
const CENTROID_CACHE_MAX = 4000;

function centroidOf(db: DB, id: string, articles: number): { vec: Vec; norm: number } {
  let cache = centroidCache.get(db);
  if (!cache) {
    cache = new Map();
    centroidCache.set(db, cache);
  }
  const key = `${id}:${articles}`;
  let v = cache.get(key);
  if (!v) {
    const vec = fromJson(stmt(db, 'SELECT centroid FROM stories WHERE id = ?').pluck().get(id) as string);
    v = { vec, norm: norm(vec) };
    if (cache.size >= CENTROID_CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, v);
  }
  return v;
}

function hasTables(db: DB): boolean {
  return stmt(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'event_clusters'").get() !== undefined;
}

interface ClusterRow {
  id: string;
  data: string;
  story_id: string | null;
}

function eventDay(e: EventRecord): string | null {
  const r = dateRange(e);
  if (!r) return null;
  if (r.from === r.to) return r.from;
  return new Date((Date.parse(r.from) + Date.parse(r.to)) / 2).toISOString().slice(0, 10);
}

function writeCluster(db: DB, x: ExportEvent, storyId: string | null, now: string): void {
  const e = x.event;
  const r = dateRange(e);
  stmt(
    db,
    `INSERT INTO event_clusters (id, acled_type, acled_sub_type, plover_type, date_from, date_to, day, lat, lon, place_name, country,
       killed, injured, sources, story_id, data, updated_at)
     VALUES (@id, @acled_type, @acled_sub_type, @plover_type, @date_from, @date_to, @day, @lat, @lon, @place_name, @country,
       @killed, @injured, @sources, @story_id, @data, @updated_at)
     ON CONFLICT(id) DO UPDATE SET acled_type = excluded.acled_type, acled_sub_type = excluded.acled_sub_type,
       plover_type = excluded.plover_type, date_from = excluded.date_from, date_to = excluded.date_to, day = excluded.day,
       lat = excluded.lat, lon = excluded.lon, place_name = excluded.place_name, country = excluded.country,
       killed = excluded.killed, injured = excluded.injured, sources = excluded.sources,
       story_id = coalesce(event_clusters.story_id, excluded.story_id), data = excluded.data, updated_at = excluded.updated_at`,
  ).run({
    id: x.id,
    // Crime, accident and disaster events are stored and listed, but never as ACLED types.
    acled_type: inAcledScope(e) ? (e.acled?.eventType ?? null) : null,
    acled_sub_type: inAcledScope(e) ? (e.acled?.subEventType ?? null) : null,
    plover_type: e.plover?.type ?? null,
    date_from: r?.from ?? null,
    date_to: r?.to ?? null,
    day: eventDay(e),
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    place_name: e.place?.name ?? null,
    country: e.place?.country ?? null,
    killed: e.killed?.value ?? null,
    injured: e.injured?.value ?? null,
    sources: x.sources.length,
    story_id: storyId,
    data: JSON.stringify(x),
    updated_at: now,
  });
  const ins = stmt(db, 'INSERT OR IGNORE INTO event_entities (cluster_id, name_key, role) VALUES (?, ?, ?)');
  for (const a of e.actors) ins.run(x.id, (a.name ?? a.text).toLowerCase(), 'actor');
  for (const a of e.targets) ins.run(x.id, (a.name ?? a.text).toLowerCase(), 'target');
  if (e.claimant) ins.run(x.id, e.claimant.text.toLowerCase(), 'claimant');
}

function candidates(db: DB, e: EventRecord): ClusterRow[] {
  const r = dateRange(e);
  const where: string[] = [];
  const params: unknown[] = [];
  if (e.acled) {
    where.push('acled_type = ?');
    params.push(e.acled.eventType);
  } else if (e.plover) {
    where.push('acled_type IS NULL AND plover_type = ?');
    params.push(e.plover.type);
  } else return [];
  if (r) {
    where.push('(date_from IS NULL OR (date_from <= ? AND date_to >= ?))');
    params.push(addDays(r.to, 1), addDays(r.from, -1));
  }
  if (e.place) {
    where.push('(lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?) OR country = ?)');
    params.push(e.place.lat - 1, e.place.lat + 1, e.place.lon - 1.5, e.place.lon + 1.5, e.place.country);
  }
  return stmt(db, `SELECT id, data, story_id FROM event_clusters WHERE ${where.join(' AND ')} ORDER BY updated_at DESC LIMIT 200`).all(...params) as ClusterRow[];
}

function df(db: DB): { get: (t: string) => number; docs: number } {
  const lookup = stmt(db, 'SELECT df FROM story_terms WHERE term = ?').pluck();
  const docs = (stmt(db, "SELECT value FROM story_meta WHERE key = 'docs'").pluck().get() as number | undefined) ?? 0;
  return { get: (t) => (lookup.get(t) as number | undefined) ?? 0, docs };
}

function lead(article: Article, layers: Layers): string {
  const s = layers.sentences?.find((x) => !article.dateline || x.end > article.dateline.end) ?? layers.sentences?.[0];
  let text = s ? article.text.slice(Math.max(s.start, article.dateline && s.start < article.dateline.end ? article.dateline.end : s.start), s.end) : article.text.slice(0, 240);
  text = text.trim();
  return text.length > 400 ? `${text.slice(0, 397)}…` : text;
}

/** An article's headline, or its lead sentence when it has none. */
function headlineOf(article: Article, layers: Layers): string {
  return article.title ?? lead(article, layers).slice(0, 120);
}

/** Merges the inserted articles' events into stored events and their articles into stories. */
export interface StoryOptions {
  threshold?: number;
  windowDays?: number;
  maxSpanDays?: number;
}

export function updateStories(
  store: SqliteStore,
  analyzed: ReadonlyArray<{ article: Article; layers: Layers }>,
  inserted: readonly string[],
  options: StoryOptions = {},
): StoryUpdate {
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
  const maxSpan = options.maxSpanDays ?? MAX_STORY_SPAN_DAYS;
  const db = store.database;
  const result: StoryUpdate = { events: { merged: 0, created: 0 }, stories: { joined: 0, created: 0 } };
  if (!hasTables(db) || inserted.length === 0) return result;
  const wanted = new Set(inserted);
  const run = db.transaction(() => {
    const now = new Date().toISOString();
    for (const { article, layers } of analyzed) {
      if (!wanted.has(article.id)) continue;
      wanted.delete(article.id); // an article twice in one batch is stored once
      const day = articleDay(article, layers);
      const published = layers.published?.[0]?.value ?? article.published;
      // 1. Events: join the best stored event or start one.
      const touched: Array<{ cluster: ExportEvent; story: string | null }> = [];
      for (const e of layers.events ?? []) {
        if (e.status && e.status !== 'asserted' && e.plover?.type !== 'CONSULT') continue;
        // A background mention of an earlier event is no new report of it: it stays in the article's layer.
        if (e.reference) continue;
        const source = sourceOf(article, published, e);
        let best: { row: ClusterRow; value: ExportEvent; score: number } | null = null;
        for (const row of candidates(db, e)) {
          const value = JSON.parse(row.data) as ExportEvent;
          if (value.sources.some((s) => s.article === article.id)) continue;
          const score = matchScore(value.event, e);
          if (score >= MERGE_THRESHOLD && (!best || score > best.score)) best = { row, value, score };
        }
        let cluster: ExportEvent;
        let story: string | null = null;
        if (best) {
          cluster = mergeReport(best.value, e, source);
          story = best.row.story_id;
          result.events.merged++;
        } else {
          cluster = { id: `ev-${article.id.slice(0, 12)}-${e.id}`, event: { ...e }, sources: [source] };
          result.events.created++;
        }
        writeCluster(db, cluster, null, now);
        stmt(db, 'INSERT OR REPLACE INTO event_cluster_members (cluster_id, article_id, event_id) VALUES (?, ?, ?)').run(cluster.id, article.id, e.id);
        touched.push({ cluster, story });
      }
      // 2. Story: TF-IDF centroid similarity within the window, plus a bonus for shared events.
      const counts = termCounts(article.text, layers);
      const stats = df(db);
      const vec = tfidf(counts, stats.get, stats.docs + 1);
      const bump = stmt(db, 'INSERT INTO story_terms (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1');
      for (const term of counts.keys()) bump.run(term);
      stmt(db, "INSERT INTO story_meta (key, value) VALUES ('docs', 1) ON CONFLICT(key) DO UPDATE SET value = value + 1").run();
      // Candidates: stories sharing the article's strongest terms (inverted index), within the window.
      const probe = [...vec.entries()].sort((a, b) => b[1] - a[1]).slice(0, PROBE_TERMS).map(([t]) => t);
      while (probe.length < PROBE_TERMS) probe.push('');
      const storyRows = (
        day
          ? stmt(db, STORY_CANDIDATES_DATED).all(...probe, addDays(day, -windowDays), addDays(day, windowDays))
          : stmt(db, STORY_CANDIDATES).all(...probe)
      ) as Array<{ id: string; first_day: string | null; last_day: string | null; articles: number }>;
      const eventStories = new Set(touched.map((t) => t.story).filter((s): s is string => s !== null));
      let chosen: { id: string; centroid: Vec; first: string | null; last: string | null; articles: number; score: number } | null = null;
      for (const s of storyRows) {
        // An undated article may join a dated story (it changes no dates); a dated one never joins an undated story.
        if (day && !s.last_day) continue;
        const factor = timeFactor(day, s.first_day, s.last_day, maxSpan);
        if (factor === 0) continue;
        const c = centroidOf(db, s.id, s.articles);
        const score = (cosineUnit(vec, c.vec, c.norm) + (eventStories.has(s.id) ? EVENT_BONUS : 0)) * factor;
        if (score >= threshold && (!chosen || score > chosen.score)) chosen = { id: s.id, centroid: c.vec, first: s.first_day, last: s.last_day, articles: s.articles, score };
      }
      let storyId: string;
      if (chosen) {
        storyId = chosen.id;
        const first = day && (!chosen.first || day < chosen.first) ? day : chosen.first;
        const last = day && (!chosen.last || day > chosen.last) ? day : chosen.last;
        const centroid = addInto(chosen.centroid, vec);
        // The title is the most central headline so far: the joining one replaces it when it fits the new centroid better.
        const current = stmt(db, 'SELECT title FROM stories WHERE id = ?').pluck().get(storyId) as string | null;
        const headline = headlineOf(article, layers);
        const title = !current || headlineScore(headline, centroid) > TITLE_SWITCH_MARGIN * headlineScore(current, centroid) ? headline : current;
        stmt(db, 'UPDATE stories SET centroid = ?, first_day = ?, last_day = ?, articles = articles + 1, title = ?, updated_at = ? WHERE id = ?').run(
          toJson(centroid),
          first,
          last,
          title,
          now,
          storyId,
        );
        result.stories.joined++;
      } else {
        storyId = `st-${article.id.slice(0, 12)}`;
        stmt(db, 'INSERT OR IGNORE INTO stories (id, title, first_day, last_day, articles, centroid, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(
          storyId,
          headlineOf(article, layers),
          day,
          day,
          toJson(vec),
          now,
        );
        result.stories.created++;
      }
      const index = stmt(db, 'INSERT OR IGNORE INTO story_index (term, story_id) VALUES (?, ?)');
      for (const term of counts.keys()) index.run(term, storyId);
      stmt(db, 'INSERT OR REPLACE INTO story_articles (article_id, story_id, similarity, day, title, lead) VALUES (?, ?, ?, ?, ?, ?)').run(
        article.id,
        storyId,
        chosen ? Math.round(chosen.score * 1000) / 1000 : 1,
        day,
        article.title,
        lead(article, layers),
      );
      for (const t of touched) stmt(db, 'UPDATE event_clusters SET story_id = coalesce(story_id, ?) WHERE id = ?').run(storyId, t.cluster.id);
    }
  });
  run.immediate();
  return result;
}

// ---------------------------------------------------------------- queries

export interface EventQuery {
  /** ACLED event or sub-event type, or PLOVER type (case-insensitive). */
  type?: string;
  from?: string;
  to?: string;
  /** Place name (substring, case-insensitive). */
  place?: string;
  /** Actor, target or claimant name (exact key, case-insensitive). */
  actor?: string;
  story?: string;
  limit?: number;
  offset?: number;
}

export function listEvents(store: SqliteStore, q: EventQuery = {}): ExportEvent[] {
  const db = store.database;
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
  return rows.map((r) => JSON.parse(r.data) as ExportEvent);
}

export interface StorySummary {
  id: string;
  title: string | null;
  firstDay: string | null;
  lastDay: string | null;
  articles: number;
  events: number;
  terms: string[];
  /** The story's main entities: the strongest entity keys of its centroid. */
  entities: string[];
}

/** Entity keys listed per story. */
const STORY_ENTITIES = 5;

export function listStories(store: SqliteStore, limit = 100): StorySummary[] {
  const db = store.database;
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

export interface TimelineEntry {
  date: string | null;
  precision: string;
  summary: string;
  kind: 'event' | 'report';
  event?: string;
  sources: Array<{ article: string; title: string | null; source: string | null; url: string | null; published: string | null }>;
}

export interface Timeline {
  subject: { kind: 'story' | 'entity'; id: string; title: string | null };
  entries: TimelineEntry[];
}

function eventEntry(x: ExportEvent): TimelineEntry {
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

function sortEntries(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.summary.localeCompare(b.summary));
}

/** A story's timeline: its merged events, and a lead-sentence entry for each article without events. */
export function storyTimeline(store: SqliteStore, storyId: string): Timeline | null {
  const db = store.database;
  if (!hasTables(db)) return null;
  const story = stmt(db, 'SELECT id, title FROM stories WHERE id = ?').get(storyId) as { id: string; title: string | null } | undefined;
  if (!story) return null;
  const entries = listEvents(store, { story: storyId, limit: 5000 }).map(eventEntry);
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
  for (const a of arts) {
    if (withEvents.has(a.article_id)) continue;
    entries.push({
      date: a.day,
      precision: a.day ? 'day' : 'unknown',
      summary: a.lead ?? a.title ?? '',
      kind: 'report',
      sources: [{ article: a.article_id, title: a.title, source: a.source, url: a.url, published: a.published }],
    });
  }
  return { subject: { kind: 'story', id: story.id, title: story.title }, entries: sortEntries(entries) };
}

/** An entity's timeline: the merged events it takes part in (actor, target or claimant). */
/** Events whose actor, target or claimant is written `name` or one of `aliases` (other spellings of the same entity). */
export function entityTimeline(store: SqliteStore, name: string, aliases: readonly string[] = []): Timeline | null {
  const db = store.database;
  if (!hasTables(db)) return null;
  const key = name.toLowerCase();
  const keys = [...new Set([key, ...aliases.map((a) => a.toLowerCase())])];
  const ids = db.prepare(`SELECT DISTINCT cluster_id FROM event_entities WHERE name_key IN (${keys.map(() => '?').join(',')})`).pluck().all(...keys) as string[];
  if (ids.length === 0) return null;
  const rows = db.prepare(`SELECT data FROM event_clusters WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as Array<{ data: string }>;
  const entries = rows.map((r) => eventEntry(JSON.parse(r.data) as ExportEvent));
  return { subject: { kind: 'entity', id: key, title: name }, entries: sortEntries(entries) };
}

/** The ids of a story's articles, oldest first (undated last); null when there is no such story. */
export function storyArticleIds(store: SqliteStore, storyId: string): { title: string | null; ids: string[] } | null {
  const db = store.database;
  if (!hasTables(db)) return null;
  const story = stmt(db, 'SELECT title FROM stories WHERE id = ?').get(storyId) as { title: string | null } | undefined;
  if (!story) return null;
  const ids = stmt(db, 'SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY day IS NULL, day, article_id').pluck().all(storyId) as string[];
  return { title: story.title, ids };
}

/** The largest story (most articles), or null when there are no stories. */
export function mainStoryId(store: SqliteStore): string | null {
  const db = store.database;
  if (!hasTables(db)) return null;
  return (stmt(db, 'SELECT id FROM stories ORDER BY articles DESC, last_day DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
}

export interface ArticleText {
  id: string;
  text: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
}

/** Text and metadata of articles by id, without their layers (the timeline stage reads many at once). */
export function articleTexts(store: SqliteStore, ids: readonly string[]): ArticleText[] {
  const out: ArticleText[] = [];
  const CHUNK = 500;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    out.push(
      ...(store.database
        .prepare(`SELECT id, text, title, source, url, published FROM articles WHERE id IN (${part.map(() => '?').join(',')})`)
        .all(...part) as ArticleText[]),
    );
  }
  return out;
}
