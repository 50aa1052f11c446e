/**
 * Cross-source merge: the same real event reported by several articles becomes one event that keeps
 * every source and every source's own figures. Two reports match when their types are compatible
 * (same ACLED event type, two violent ACLED types at a lower score, or the same PLOVER type for
 * untyped-by-ACLED events), their places are close (≤ 25 km, or one of them unplaced), their dates
 * overlap (one day of slack for "overnight" reports; a report's own date stands for the few days up
 * to it; a span over a month matches nothing),
 * and their actors do not contradict each other. The merged record takes the most precise place and
 * date, the union of actors and targets, and ACLED's conservative figure (the lowest reported deaths);
 * conflicting figures stay side by side in `sources` — never averaged.
 */
import type { EventRecord, Place } from '../core/layers.js';
import type { EventSource, MergedEvent as ExportEvent } from '../core/merged-event.js';
export { sourceOf } from '../core/merged-event.js';
import { MAX_EVENT_SPAN_DAYS } from '../export/dates.js';
import { haversineKm } from './extract.js';

export const MERGE_THRESHOLD = 0.6;

function addDays(iso: string, days: number): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(t) ? new Date(t + days * 86_400_000).toISOString().slice(0, 10) : iso;
}

/** `addDays(iso, 1)`, memoised: every candidate pair of a merge asks it for the same few dates. */
const NEXT_DAY = new Map<string, string>();
function nextDay(iso: string): string {
  let d = NEXT_DAY.get(iso);
  if (d === undefined) {
    if (NEXT_DAY.size >= 50_000) NEXT_DAY.clear();
    d = addDays(iso, 1);
    NEXT_DAY.set(iso, d);
  }
  return d;
}

export function dateRange(e: EventRecord): { from: string; to: string } | null {
  if (!e.date) return null;
  if (e.date.range) return e.date.range;
  return /^\d{4}-\d{2}-\d{2}$/.test(e.date.value) ? { from: e.date.value, to: e.date.value } : null;
}

/**
 * The days an event may have happened on, for matching: a stated date as stated; a report's own
 * date ("implied") the few days up to it; a span longer than a month (a year, "since 2011") none.
 */
function matchRange(e: EventRecord): { from: string; to: string } | null {
  const r = dateRange(e);
  if (!r) return null;
  if (Date.parse(r.to) - Date.parse(r.from) > MAX_EVENT_SPAN_DAYS * 86_400_000) return null;
  return e.date?.how === 'implied' ? { from: addDays(r.from, -IMPLIED_LOOKBACK_DAYS), to: r.to } : r;
}

/**
 * ACLED's violent event types: outlets word one shooting as a clash, an attack or a bombing, so two
 * of these may still be one event when place and day agree (a weaker type score); a protest, an
 * arrest or a strategic development never merges with them.
 */
const VIOLENT_TYPES = new Set(['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots']);
const VIOLENT_MISMATCH = 0.4;

/** How many days before its publication a report's own date ("implied") may lie from the event it tells. */
export const IMPLIED_LOOKBACK_DAYS = 3;

function typeScore(a: EventRecord, b: EventRecord): number {
  if (a.acled && b.acled) {
    if (a.acled.eventType !== b.acled.eventType) return VIOLENT_TYPES.has(a.acled.eventType) && VIOLENT_TYPES.has(b.acled.eventType) ? VIOLENT_MISMATCH : 0;
    return a.acled.subEventType === b.acled.subEventType ? 1 : 0.7;
  }
  if (a.acled || b.acled) return 0;
  return a.plover && b.plover && a.plover.type === b.plover.type ? 1 : 0;
}

function placeScore(a: Place | null, b: Place | null): number {
  if (!a || !b) return 0.3;
  if (a.precision === 'country' || b.precision === 'country') return a.country === b.country ? 0.3 : 0;
  // Same name is no same place: Springfield, Missouri and Springfield, Illinois lie 300 km apart.
  const d = haversineKm(a, b);
  return d <= 25 ? 1 : d <= 60 ? 0.5 : 0;
}

function dateScore(a: EventRecord, b: EventRecord): number {
  const ra = matchRange(a);
  const rb = matchRange(b);
  if (!ra || !rb) return 0.3;
  if (ra.from <= nextDay(rb.to) && rb.from <= nextDay(ra.to)) {
    const exact = (e: EventRecord) => e.date?.precision === 'day' && e.date.how !== 'implied';
    return exact(a) && exact(b) ? 1 : 0.7;
  }
  return 0;
}

function actorScore(a: EventRecord, b: EventRecord): number {
  const an = new Set(a.actors.map((x) => (x.name ?? x.text).toLowerCase()));
  const bn = b.actors.map((x) => (x.name ?? x.text).toLowerCase());
  if (!an.size || !bn.length) return 0.5;
  return bn.some((n) => an.has(n)) ? 1 : 0;
}

/** 0 when the two reports cannot be one event; otherwise a score to compare with MERGE_THRESHOLD. */
export function matchScore(a: EventRecord, b: EventRecord): number {
  const t = typeScore(a, b);
  if (t === 0) return 0;
  const p = placeScore(a.place, b.place);
  if (p === 0) return 0;
  const d = dateScore(a, b);
  if (d === 0) return 0;
  const x = actorScore(a, b);
  if (x === 0 && a.acled) return 0;
  // Two reports with neither place nor day are too vague to merge on type alone.
  if (p < 0.5 && d < 1) return 0;
  return 0.15 * t + 0.35 * p + 0.3 * d + 0.2 * x;
}

function placeRank(p: Place | null): number {
  if (!p) return 0;
  return (p.precision === 'city' || p.precision === 'point' ? 4 : p.precision === 'region' ? 3 : p.precision === 'area' ? 2 : 1) + p.confidence;
}

function dateRank(e: EventRecord): number {
  if (!e.date) return 0;
  return { day: 5, month: 3, year: 2, range: 1, unknown: 0 }[e.date.precision] + (e.date.how === 'stated' ? 0.5 : 0);
}

function union(a: EventRecord['actors'], b: EventRecord['actors']): EventRecord['actors'] {
  const out = [...a];
  for (const x of b) if (!out.some((o) => (o.name ?? o.text).toLowerCase() === (x.name ?? x.text).toLowerCase())) out.push(x);
  return out;
}

/** Folds one more report into a merged event (returns a new object; inputs are not changed). */
export function mergeReport(merged: ExportEvent, report: EventRecord, source: EventSource): ExportEvent {
  const base = merged.event;
  const event: EventRecord = { ...base };
  if (placeRank(report.place) > placeRank(base.place)) event.place = report.place;
  if (dateRank(report) > dateRank(base)) event.date = report.date;
  event.actors = union(base.actors, report.actors);
  event.targets = union(base.targets, report.targets).filter((t) => !event.actors.some((a) => (a.name ?? a.text) === (t.name ?? t.text)));
  if (report.acled && base.acled && report.acled.subEventType !== base.acled.subEventType) {
    // Keep the sub-type most sources give; ties keep the first.
    const votes = new Map<string, number>();
    for (const s of [...merged.sources.map((x) => x.subEventType ?? ''), report.acled.subEventType]) votes.set(s, (votes.get(s) ?? 0) + 1);
    const best = [...votes.entries()].sort((x, y) => y[1] - x[1])[0][0];
    if (best && best !== base.acled.subEventType && (votes.get(best) ?? 0) > (votes.get(base.acled.subEventType) ?? 0)) event.acled = { ...base.acled, subEventType: best };
  }
  const sources = [...merged.sources.filter((s) => !(s.article === source.article && s.event === source.event)), source];
  // ACLED's conservative rule: the lowest reported death toll among sources that report one.
  const killed = sources.map((s) => s.killed).filter((v): v is number => v !== null);
  const injured = sources.map((s) => s.injured).filter((v): v is number => v !== null);
  const pick = (kind: 'killed' | 'injured', values: number[]) => {
    if (!values.length) return undefined;
    const min = Math.min(...values);
    const from = [base, report].find((r) => r[kind]?.value === min)?.[kind];
    return from ?? { value: min, hedge: null, quantity: -1 };
  };
  const k = pick('killed', killed);
  const i = pick('injured', injured);
  if (k) event.killed = k;
  if (i) event.injured = i;
  event.claimant = base.claimant ?? report.claimant;
  event.confidence = Math.min(0.99, Math.max(base.confidence, report.confidence) + 0.03 * (sources.length - 1));
  event.summary = sources.length > 1 ? `${base.summary.replace(/ \(\d+ sources\)\.$/, '.').replace(/\.$/, '')} (${sources.length} sources).` : base.summary;
  return { id: merged.id, event, sources };
}

/**
 * Merges a list of reports (in arrival order) into events: each report joins the best-scoring
 * existing event at or above the threshold, or starts one. The store does the same incrementally.
 */
export function mergeReports(
  reports: ReadonlyArray<{ event: EventRecord; source: EventSource }>,
  idOf: (first: { event: EventRecord; source: EventSource }) => string,
): ExportEvent[] {
  const out: ExportEvent[] = [];
  for (const r of reports) {
    let best = -1;
    let bestScore = MERGE_THRESHOLD;
    out.forEach((m, i) => {
      if (m.sources.some((s) => s.article === r.source.article)) return; // one article's events are already merged within it
      const s = matchScore(m.event, r.event);
      if (s >= bestScore) {
        best = i;
        bestScore = s;
      }
    });
    if (best >= 0) out[best] = mergeReport(out[best], r.event, r.source);
    else out.push({ id: idOf(r), event: { ...r.event }, sources: [r.source] });
  }
  return out;
}
