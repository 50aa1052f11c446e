/**
 * The analyst's events table: filters as a person writes them (country codes or names, admin1 names,
 * month or year bounds) resolved to the read port's `EventTableQuery`, a sorted page of merged events,
 * and the per-period counts the charts draw. The CLI (`dateline events`), the HTTP API
 * (`/api/event-table`, `/api/event-counts`, `/api/export/events`) and the web UI's events page use these.
 */
import type { MergedEvent } from '../core/merged-event.js';
import { admin1Named, resolveCountry } from '../places/admin1.js';
import { withAdmin1, type MergedEventRow } from './admin1-rows.js';
import { EVENT_SORTS, type EventSort, type EventSortKey, type EventTableQuery, type PageArgs, type Paged, type ReadStore } from '../store/queries.js';
import { isCalendarDate } from './dates.js';
import { findEntity } from './entities.js';

/** A filter the API cannot resolve (an unknown country, a malformed date): the shells answer it as a usage error. */
export class FilterError extends Error {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

/**
 * The table's filters as a user gives them: types, countries and divisions by name or code, and `from`/`to` as
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a month or year bound covers the whole period). The rest pass to the store as is.
 */
export type EventTableFilters = Omit<EventTableQuery, 'types' | 'subTypes' | 'countries' | 'admin1' | 'actorNames'> & {
  /** ACLED event types, sub-event types or PLOVER types. */
  type?: string[];
  /** ACLED sub-event types. */
  subType?: string[];
  /** ISO 3166-1 alpha-2 or alpha-3 codes, or country names. */
  country?: string[];
  /** First-level division names ("Ternopil", "California"). */
  admin1?: string[];
};

/** The first (or last) day of the period a `YYYY[-MM[-DD]]` names: `2011-02` → `2011-02-01` / `2011-02-28`. */
export function periodBound(value: string, end: boolean): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || !isCalendarDate(value)) throw new FilterError(end ? 'to' : 'from', `'${value}' is not a date YYYY[-MM[-DD]]`);
  if (m[3]) return value;
  if (!end) return m[2] ? `${value}-01` : `${value}-01-01`;
  if (!m[2]) return `${value}-12-31`;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${value}-${String(last).padStart(2, '0')}`;
}

const clean = (xs: string[] | undefined): string[] => (xs ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);

/** The port's query for `f`; throws FilterError for a country no table knows or a malformed date. */
export function resolveEventFilters(f: EventTableFilters): EventTableQuery {
  const q: EventTableQuery = {};
  const types = clean(f.type);
  if (types.length) q.types = types;
  const subs = clean(f.subType);
  if (subs.length) q.subTypes = subs;
  const countries = clean(f.country);
  if (countries.length) {
    q.countries = countries.map((c) => {
      const code = resolveCountry(c);
      if (!code) throw new FilterError('country', `no country is named or coded '${c}' (ISO 3166 alpha-2, alpha-3 or a name)`);
      return code;
    });
  }
  const admin1 = clean(f.admin1);
  if (admin1.length) {
    const codes = admin1.flatMap(admin1Named);
    q.admin1 = { codes: q.countries ? codes.filter((c) => q.countries?.includes(c.country)) : codes, names: admin1 };
  }
  if (f.from) q.from = periodBound(f.from, false);
  if (f.to) q.to = periodBound(f.to, true);
  if (f.actor?.trim()) q.actor = f.actor.trim();
  if (f.fatalitiesMin !== undefined) q.fatalitiesMin = f.fatalitiesMin;
  if (f.fatalitiesMax !== undefined) q.fatalitiesMax = f.fatalitiesMax;
  if (f.source?.trim()) q.source = f.source.trim();
  if (f.confidenceMin !== undefined) q.confidenceMin = f.confidenceMin;
  if (f.place?.trim()) q.place = f.place.trim();
  if (f.story) q.story = f.story;
  if (f.geo) q.geo = true;
  return q;
}

/** `date`, `-date`, `fatalities:desc` … → a sort; undefined → newest first. */
export function parseSort(raw: string | undefined): EventSort {
  if (!raw) return { key: 'date', desc: true };
  const m = /^(-)?([a-z]+)(?::(asc|desc))?$/.exec(raw.trim());
  if (!m || !(EVENT_SORTS as readonly string[]).includes(m[2])) throw new FilterError('sort', `sort by one of ${EVENT_SORTS.join(', ')} (prefix - or suffix :desc for descending), got '${raw}'`);
  return { key: m[2] as EventSortKey, desc: m[1] === '-' || m[3] === 'desc' };
}

/** The port's query, with the actor also by every name of the entity it finds ("Gaddafi" → Moammar Gadhafi, Kadafi). */
function resolveWithStore(store: ReadStore, f: EventTableFilters): EventTableQuery {
  const q = resolveEventFilters(f);
  if (q.actor) {
    const entity = findEntity(store, q.actor);
    if (entity) q.actorNames = [entity.name, ...entity.variants];
  }
  return q;
}

export function eventTable(store: ReadStore, f: EventTableFilters, sort: EventSort, page: PageArgs): Paged<MergedEventRow> {
  const result = store.queries.eventTable(resolveWithStore(store, f), sort, page);
  return { ...result, items: withAdmin1(result.items) };
}

export type Bucket = 'day' | 'week' | 'month';

export interface EventCounts {
  bucket: Bucket;
  /** Types in order of their events (most first). */
  types: string[];
  /** One row per period with any event, oldest first: the period's first day, and events and fatalities per type. */
  periods: Array<{ period: string; events: Record<string, number>; fatalities: Record<string, number> }>;
}

/** The Monday of the ISO week of a day. */
function monday(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  const dow = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - dow * 86_400_000).toISOString().slice(0, 10);
}

export function periodOf(day: string, bucket: Bucket): string {
  return bucket === 'day' ? day : bucket === 'month' ? `${day.slice(0, 7)}-01` : monday(day);
}

/** Events and fatalities per day, week (from Monday) or month, by type, of the events the filters select. */
export function eventCounts(store: ReadStore, f: EventTableFilters, bucket: Bucket): EventCounts {
  const rows = store.queries.eventDayCounts(resolveWithStore(store, f));
  const byType = new Map<string, number>();
  const periods = new Map<string, { period: string; events: Record<string, number>; fatalities: Record<string, number> }>();
  for (const r of rows) {
    const p = periodOf(r.day, bucket);
    const entry = periods.get(p) ?? { period: p, events: {}, fatalities: {} };
    entry.events[r.type] = (entry.events[r.type] ?? 0) + r.events;
    entry.fatalities[r.type] = (entry.fatalities[r.type] ?? 0) + r.fatalities;
    periods.set(p, entry);
    byType.set(r.type, (byType.get(r.type) ?? 0) + r.events);
  }
  const sorted = [...periods.values()].sort((a, b) => a.period.localeCompare(b.period));
  return {
    bucket,
    types: [...byType.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t),
    periods: withEmptyPeriods(sorted, bucket),
  };
}

/** The next period's first day. */
function nextPeriod(period: string, bucket: Bucket): string {
  const t = Date.parse(`${period}T00:00:00Z`);
  if (bucket === 'month') {
    const d = new Date(t);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  }
  return new Date(t + (bucket === 'week' ? 7 : 1) * 86_400_000).toISOString().slice(0, 10);
}

/** Periods without events between the first and the last, so a chart's axis is time (at most 1,000 periods; else as found). */
function withEmptyPeriods(periods: EventCounts['periods'], bucket: Bucket): EventCounts['periods'] {
  if (periods.length < 2) return periods;
  const out: EventCounts['periods'] = [];
  const last = periods[periods.length - 1].period;
  let i = 0;
  for (let p = periods[0].period; p <= last; p = nextPeriod(p, bucket)) {
    if (out.length > 1000) return periods;
    if (periods[i]?.period === p) out.push(periods[i++]);
    else out.push({ period: p, events: {}, fatalities: {} });
  }
  return out;
}

/**
 * Each event's own sentence (the first source's evidence, as that article writes it), by merged event
 * id: what ACLED's `notes` carry. Events whose source record or text is gone are absent.
 */
export function eventSentences(store: ReadStore, events: readonly MergedEvent[]): Map<string, string> {
  const q = store.queries;
  const firsts = events.map((x) => [x.id, x.sources[0]] as const).filter(([, s]) => s);
  const texts = new Map<string, string>();
  const ids = [...new Set(firsts.map(([, s]) => s.article))];
  for (let i = 0; i < ids.length; i += 500) for (const a of q.articleTexts(ids.slice(i, i + 500))) texts.set(a.id, a.text);
  const out = new Map<string, string>();
  for (const [id, s] of firsts) {
    const text = texts.get(s.article);
    const row = text ? q.articleEvent(s.article, s.event) : null;
    if (!text || !row) continue;
    const sentence = text.slice(row.event.start, row.event.end).replace(/\s+/g, ' ').trim();
    if (sentence) out.set(id, sentence.length > 600 ? `${sentence.slice(0, 597)}…` : sentence);
  }
  return out;
}
