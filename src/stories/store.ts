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
import { sqliteStoryTables } from '../store/sqlite/story-tables.js';
import type { ClusterRecord, ClusterRow, StoryTables } from './tables.js';
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
const centroidCache = new WeakMap<object, Map<string, { vec: Vec; norm: number }>>();
const CENTROID_CACHE_MAX = 4000;

/** Forgets the cached centroids of one store's tables (its stories were cleared to be filed again). */
export function forgetCentroids(key: object): void {
  centroidCache.delete(key);
}

function centroidOf(t: StoryTables, id: string, articles: number): { vec: Vec; norm: number } {
  let cache = centroidCache.get(t.key);
  if (!cache) {
    cache = new Map();
    centroidCache.set(t.key, cache);
  }
  const key = `${id}:${articles}`;
  let v = cache.get(key);
  if (!v) {
    const vec = fromJson(t.centroid(id));
    v = { vec, norm: norm(vec) };
    if (cache.size >= CENTROID_CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, v);
  }
  return v;
}

/**
 * Stored events parsed from their `data`, keyed by event id: a stored event is a merge candidate of
 * many later reports, and parsing its JSON each time was the indexer's largest cost. An entry is
 * used only while the stored text is the very string it was parsed from (another writer may have
 * changed the row), and the parsed value is never mutated (mergeReport copies), so this returns
 * exactly what JSON.parse would.
 */
const clusterCache = new WeakMap<object, Map<string, { data: string; value: ExportEvent }>>();
const CLUSTER_CACHE_MAX = 1000;

function parseCluster(t: StoryTables, row: ClusterRow): ExportEvent {
  let cache = clusterCache.get(t.key);
  if (!cache) {
    cache = new Map();
    clusterCache.set(t.key, cache);
  }
  const hit = cache.get(row.id);
  if (hit !== undefined && hit.data === row.data) return hit.value;
  const value = JSON.parse(row.data) as ExportEvent;
  if (hit !== undefined) cache.delete(row.id);
  else if (cache.size >= CLUSTER_CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(row.id, { data: row.data, value });
  return value;
}

function writeCluster(t: StoryTables, x: ExportEvent, storyId: string | null, now: string): void {
  const e = x.event;
  const r = dateRange(e);
  const row: ClusterRecord = {
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
  };
  const entities = [
    ...e.actors.map((a) => ({ key: (a.name ?? a.text).toLowerCase(), role: 'actor' })),
    ...e.targets.map((a) => ({ key: (a.name ?? a.text).toLowerCase(), role: 'target' })),
    ...(e.claimant ? [{ key: e.claimant.text.toLowerCase(), role: 'claimant' }] : []),
  ];
  t.writeCluster(row, entities);
}

function candidates(t: StoryTables, e: EventRecord): ClusterRow[] {
  const r = dateRange(e);
  if (!e.acled && !e.plover) return [];
  return t.clusterCandidates(
    {
      ...(e.acled ? { acledType: e.acled.eventType } : { ploverType: e.plover!.type }),
      ...(r ? { dates: { from: addDays(r.from, -1), to: addDays(r.to, 1) } } : {}),
      ...(e.place ? { place: { lat: e.place.lat, lon: e.place.lon, country: e.place.country } } : {}),
    },
    200,
  );
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
  /**
   * The time stamped on the events and stories touched (their `updated_at`, which orders candidates):
   * the batch's ingest time, so filing the same articles again in the same batches gives the same order.
   */
  now?: string;
  threshold?: number;
  windowDays?: number;
  maxSpanDays?: number;
}

/** The stories indexer SqliteStore runs inside every batch transaction (its default indexer). */
export function storiesIndexer(options: StoryOptions = {}): SqliteIndexer<StoryUpdate> {
  return { name: 'stories', index: (db, written, at) => indexStories(sqliteStoryTables(db), written, at ? { ...options, now: at } : options) };
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
export function indexStories(t: StoryTables, analyzed: ReadonlyArray<{ article: Article; layers: Layers }>, options: StoryOptions): StoryUpdate {
  const threshold = options.threshold ?? STORY_THRESHOLD;
  const windowDays = options.windowDays ?? STORY_WINDOW_DAYS;
  const maxSpan = options.maxSpanDays ?? MAX_STORY_SPAN_DAYS;
  const result: StoryUpdate = { events: { merged: 0, created: 0 }, stories: { joined: 0, created: 0 } };
  if (analyzed.length === 0 || !t.ready()) return result;
  const seen = new Set<string>();
  const now = options.now ?? new Date().toISOString();
  for (const { article, layers } of analyzed) {
    // An article twice in one batch is stored once; one filed already is not filed again.
    if (seen.has(article.id) || t.isFiled(article.id)) continue;
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
      for (const row of candidates(t, e)) {
        const value = parseCluster(t, row);
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
      writeCluster(t, cluster, null, now);
      t.addMember(cluster.id, article.id, e.id);
      touched.push({ cluster, story });
    }
    // 2. Story: TF-IDF centroid similarity within the window, plus a bonus for shared events.
    const counts = termCounts(article.text, layers);
    const terms = [...counts.keys()];
    const stats = t.documentFrequencies(terms);
    const vec = tfidf(counts, (term) => stats.found.get(term) ?? 0, stats.docs + 1);
    t.countDocument(terms);
    // Candidates: stories sharing the article's strongest terms (inverted index), within the window.
    const probe = [...vec.entries()].sort((a, b) => b[1] - a[1]).slice(0, PROBE_TERMS).map(([t]) => t);
    while (probe.length < PROBE_TERMS) probe.push('');
    const storyRows = t.storyCandidates(probe, day ? { from: addDays(day, -windowDays), to: addDays(day, windowDays) } : null, MAX_CANDIDATES);
    const eventStories = new Set(touched.map((t) => t.story).filter((s): s is string => s !== null));
    let chosen: { id: string; centroid: Vec; first: string | null; last: string | null; articles: number; score: number } | null = null;
    for (const s of storyRows) {
      // An undated article may join a dated story (it changes no dates); a dated one never joins an undated story.
      if (day && !s.last_day) continue;
      const factor = timeFactor(day, s.first_day, s.last_day, maxSpan);
      if (factor === 0) continue;
      const c = centroidOf(t, s.id, s.articles);
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
      const current = t.storyTitle(storyId);
      const headline = headlineOf(article, layers);
      const title = !current || headlineScore(headline, centroid) > TITLE_SWITCH_MARGIN * headlineScore(current, centroid) ? headline : current;
      t.updateStory(storyId, { centroid: toJson(centroid), first, last, title, now });
      result.stories.joined++;
    } else {
      storyId = `st-${article.id.slice(0, 12)}`;
      t.insertStory(storyId, { title: headlineOf(article, layers), day, centroid: toJson(vec), now });
      result.stories.created++;
    }
    t.indexTerms(storyId, terms);
    t.fileArticle({ articleId: article.id, storyId, similarity: chosen ? Math.round(chosen.score * 1000) / 1000 : 1, day, title: article.title, lead: lead(article, layers) });
    for (const x of touched) t.setClusterStory(x.cluster.id, storyId);
  }
  return result;
}

