/**
 * Incremental cross-source merge and story clustering: the store's stories indexer. The store reads
 * these tables back through its read port (store/sqlite/stories.ts).
 *
 * The indexer runs inside each batch's own transaction (SqliteStore.writeBatch), for the articles the
 * batch inserted, so an article is never stored without its stories: each of their events joins the
 * best-matching stored event (events/merge.ts) or starts one; each article joins the story whose
 * centroid it is most similar to within a time window (TF-IDF cosine, with a bonus for stories that
 * already hold one of its merged events) or starts one. Work per article is a handful of indexed
 * queries, so memory stays flat however much is ingested.
 */
import type { Article } from '../core/article.js';
import type { EventRecord, Layers } from '../core/layers.js';
import type { MergedEvent as ExportEvent } from '../core/merged-event.js';
import { MERGE_THRESHOLD, dateRange, matchScore, mergeReport, sourceOf } from '../events/merge.js';
import type { SqliteIndexer, SqliteStore } from '../store/sqlite.js';
import { eventDay } from '../store/sqlite/stories.js';
import { stmt, type DB } from '../store/sqlite/sql.js';
import { addInto, cosineUnit, fromJson, norm, termCounts, tfidf, toJson, type Vec } from './vector.js';
import { inAcledScope } from '../events/scope.js';

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

/** Document frequencies of the terms (one statement for all of them) and the number of documents. */
function df(db: DB, terms: string): { get: (t: string) => number; docs: number } {
  const rows = stmt(db, 'SELECT term, df FROM story_terms WHERE term IN (SELECT value FROM json_each(?))').raw().all(terms) as Array<[string, number]>;
  const found = new Map(rows);
  const docs = (stmt(db, "SELECT value FROM story_meta WHERE key = 'docs'").pluck().get() as number | undefined) ?? 0;
  return { get: (t) => found.get(t) ?? 0, docs };
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

export interface StoryOptions {
  threshold?: number;
  windowDays?: number;
  maxSpanDays?: number;
}

/** The stories indexer SqliteStore runs inside every batch transaction (its default indexer). */
export function storiesIndexer(options: StoryOptions = {}): SqliteIndexer<StoryUpdate> {
  return { name: 'stories', index: (db, written) => indexStories(db, written, options) };
}

/**
 * Files already-stored articles into events and stories, in one transaction, for a store opened
 * without the stories indexer (benchmarks time this step alone). Articles already filed are skipped,
 * so a second call, or a call after a store that indexes at write time, changes nothing.
 */
export function updateStories(
  store: SqliteStore,
  analyzed: ReadonlyArray<{ article: Article; layers: Layers }>,
  inserted: readonly string[],
  options: StoryOptions = {},
): StoryUpdate {
  const wanted = new Set(inserted);
  return store.index(storiesIndexer(options), analyzed.filter((a) => wanted.has(a.article.id)));
}

/** Merges the articles' events into stored events and the articles into stories; the caller holds the transaction. */
function indexStories(db: DB, analyzed: ReadonlyArray<{ article: Article; layers: Layers }>, options: StoryOptions): StoryUpdate {
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
  const maxSpan = options.maxSpanDays ?? MAX_STORY_SPAN_DAYS;
  const result: StoryUpdate = { events: { merged: 0, created: 0 }, stories: { joined: 0, created: 0 } };
  if (!hasTables(db) || analyzed.length === 0) return result;
  const filed = stmt(db, 'SELECT 1 FROM story_articles WHERE article_id = ?');
  const seen = new Set<string>();
  const now = new Date().toISOString();
  for (const { article, layers } of analyzed) {
    // An article twice in one batch is stored once; one filed already is not filed again.
    if (seen.has(article.id) || filed.get(article.id) !== undefined) continue;
    seen.add(article.id);
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
    // The article's terms go to SQLite as one JSON array: a statement per article, not one per term.
    const terms = JSON.stringify([...counts.keys()]);
    const stats = df(db, terms);
    const vec = tfidf(counts, stats.get, stats.docs + 1);
    stmt(db, 'INSERT INTO story_terms (term, df) SELECT value, 1 FROM json_each(?) WHERE true ON CONFLICT(term) DO UPDATE SET df = df + 1').run(terms);
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
    stmt(db, 'INSERT OR IGNORE INTO story_index (term, story_id) SELECT value, ? FROM json_each(?)').run(storyId, terms);
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
  return result;
}

