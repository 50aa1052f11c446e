/**
 * Events: each article's own records, events merged across sources (with every source's figures),
 * the day-by-day timeline of merged events, and the event sets the export formats take.
 */
import { singleSourceEvents, type MergedEvent } from '../core/merged-event.js';
import { withAdmin1, type MergedEventRow } from './admin1-rows.js';
import { paged, type EventFilters, type EventRow, type MergedEventQuery, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';

export interface MergedEventFilters extends Omit<MergedEventQuery, 'limit' | 'offset'> {
  /** Only events with coordinates (for the map). */
  geo?: boolean;
}

const MAX_MERGED = 100_000;

/** Each article's own event records, filtered. */
export function listEvents(store: ReadStore, filters: EventFilters, page: PageArgs): Paged<EventRow> {
  return store.queries.articleEvents(filters, page);
}

/** One article's event by id (`v0`) or index. */
export function getEvent(store: ReadStore, articleId: string, eventId: string): EventRow | null {
  return store.queries.articleEvent(articleId, eventId);
}

/** The merged-event filters among `f` (each route and command passes its own parameters through this). */
export function mergedQuery(f: MergedEventFilters): Omit<MergedEventQuery, 'limit' | 'offset'> {
  return { type: f.type, from: f.from, to: f.to, place: f.place, actor: f.actor, story: f.story };
}

function located(e: MergedEvent): boolean {
  return Number.isFinite(e.event.place?.lat) && Number.isFinite(e.event.place?.lon);
}

/** Events merged across sources, each with every source's own figures, in date order. */
export function mergedEvents(store: ReadStore, filters: MergedEventFilters, page: PageArgs): Paged<MergedEventRow> {
  const q = store.queries;
  if (filters.geo) {
    const all = q.mergedEvents({ ...mergedQuery(filters), limit: MAX_MERGED }).filter(located);
    return paged(withAdmin1(all.slice(page.offset, page.offset + page.limit)), all.length, page);
  }
  const items = q.mergedEvents({ ...mergedQuery(filters), limit: page.limit, offset: page.offset });
  const total =
    items.length < page.limit && (items.length > 0 || page.offset === 0)
      ? page.offset + items.length
      : q.mergedEvents({ ...mergedQuery(filters), limit: MAX_MERGED }).length;
  return paged(withAdmin1(items), total, page);
}

export interface DayEntry {
  date: string | null;
  /** Merged events of the day; each lists its sources. */
  events: MergedEvent[];
  /** Every source's killed/injured figure for the day's events, side by side. */
  figures: Array<{ event: string; what: 'killed' | 'injured'; value: number; claimant: string | null; articleId: string; title: string | null }>;
  /** Articles reporting the day. */
  sources: number;
}

export interface DayTimeline {
  /** One page of days, oldest first (undated last). */
  entries: DayEntry[];
  /** Merged events matching. */
  total: number;
  /** Days with events matching (what `limit`/`offset` page through). */
  days: number;
  limit: number;
  offset: number;
}

/** Dated entries (one per day) of merged events, with every source's figures side by side. */
export function dayTimeline(store: ReadStore, filters: MergedEventFilters, page: PageArgs = { limit: 50, offset: 0 }): DayTimeline {
  const events = store.queries.mergedEvents({ ...mergedQuery(filters), limit: MAX_MERGED });
  const days = new Map<string, DayEntry>();
  for (const x of events) {
    const date = x.event.date?.value?.slice(0, 10) ?? null;
    const entry = days.get(date ?? '') ?? { date, events: [], figures: [], sources: 0 };
    entry.events.push(x);
    for (const src of x.sources) {
      if (src.killed !== null) entry.figures.push({ event: x.id, what: 'killed', value: src.killed, claimant: src.claimant, articleId: src.article, title: src.title });
      if (src.injured !== null) entry.figures.push({ event: x.id, what: 'injured', value: src.injured, claimant: src.claimant, articleId: src.article, title: src.title });
    }
    days.set(date ?? '', entry);
  }
  const all = [...days.values()].sort((a, b) => (a.date ?? '\uffff').localeCompare(b.date ?? '\uffff'));
  const entries = all.slice(page.offset, page.offset + page.limit);
  for (const entry of entries) entry.sources = new Set(entry.events.flatMap((e) => e.sources.map((s) => s.article))).size;
  return { entries, total: events.length, days: all.length, limit: page.limit, offset: page.offset };
}

/**
 * Events matching the filters as the export formats take them (ACLED, PLOVER, GeoJSON, JSONL): merged
 * across sources when the stories stage has merged any, else each article's own records. At most `limit`.
 */
export function exportEvents(store: ReadStore, filters: EventFilters, limit = 10_000): MergedEvent[] {
  if (store.queries.hasMergedEvents()) {
    const merged = store.queries.mergedEvents({ ...mergedQuery(filters), limit });
    return filters.geo ? merged.filter(located) : merged;
  }
  const rows = store.queries.articleEvents(filters, { limit, offset: 0 }).items;
  const wanted = new Map<string, Set<string>>();
  for (const r of rows) wanted.set(r.articleId, (wanted.get(r.articleId) ?? new Set()).add(r.event.id));
  const out: MergedEvent[] = [];
  for (const [articleId, eventIds] of wanted) {
    const stored = store.getArticle(articleId);
    if (!stored) continue;
    for (const e of singleSourceEvents(stored.article, stored.layers)) if (eventIds.has(e.event.id)) out.push(e);
  }
  return out;
}
