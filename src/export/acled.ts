/**
 * ACLED CSV: the 31 columns of ACLED's export as in the 2020 sample under ../shared/data/acled-sample
 * (data_id … iso3), one row per (merged) event that has an ACLED type. Conventions follow the ACLED
 * codebook: `event_date` as `D-Mon-YY`, `time_precision` 1 day / 2 week / 3 month or vaguer,
 * `geo_precision` 1 town / 2 part of a region / 3 larger region, `fatalities` the most conservative
 * reported deaths (never injuries), `notes` a one-sentence description, sources joined by "; ".
 * Actor names use ACLED's "Military Forces of X" form for states; unknown inter codes stay blank.
 */
import type { EventArgument } from '../core/layers.js';
import { countryByCode } from '../places/countries.js';
import { csv, type Cell } from './csv.js';
import { exportDate, type ExportDate } from './dates.js';
import { isMappable } from '../places/mappable.js';
import type { MergedEvent as ExportEvent } from '../core/merged-event.js';
import { inAcledScope } from '../events/scope.js';

export const ACLED_COLUMNS = [
  'data_id', 'iso', 'event_id_cnty', 'event_id_no_cnty', 'event_date', 'year', 'time_precision', 'event_type',
  'sub_event_type', 'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'region',
  'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale',
  'notes', 'fatalities', 'timestamp', 'iso3',
] as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-11-19` → `19-Nov-25`. */
export function acledDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso);
  if (!m) return '';
  return `${Number(m[3] ?? '15')}-${MONTHS[Number(m[2]) - 1]}-${m[1].slice(2)}`;
}

function isCountry(a: EventArgument): boolean {
  return Boolean(a.name && countryNameSet().has(a.name));
}

let names: Set<string> | null = null;
function countryNameSet(): Set<string> {
  if (!names) {
    names = new Set<string>();
    for (let c = 65; c <= 90; c++) for (let d = 65; d <= 90; d++) {
      const rec = countryByCode(String.fromCharCode(c, d));
      if (rec) for (const n of rec.names) names.add(n);
    }
    names.add('United States');
    names.add('United Kingdom');
  }
  return names;
}

function actorName(a: EventArgument | undefined, military: boolean): string {
  if (!a) return '';
  const name = a.name ?? a.text;
  return military && isCountry(a) ? `Military Forces of ${name}` : name;
}

function inter(a: EventArgument | undefined, eventType: string, role: 'actor' | 'target'): number | null {
  if (!a) return null;
  if (isCountry(a)) return 1;
  if (eventType === 'Protests' && role === 'actor') return 6;
  if (eventType === 'Riots' && role === 'actor') return 5;
  if (/\bcivilians?\b/i.test(a.text)) return 7;
  return null;
}

/** The summary, with the date span or its source when the day is not the text's own. */
function notesOf(summary: string, when: ExportDate): string {
  if (when.how === 'implied') return `${summary} (date: the report's own, ${when.value ?? 'unknown'}; the text states none)`;
  if (when.day === null) return `${summary} (date: ${when.value ?? 'unknown'})`;
  return summary;
}

export function acledRows(events: readonly ExportEvent[], now: Date = new Date()): Cell[][] {
  const rows: Cell[][] = [];
  let n = 0;
  for (const { id, event: e, sources } of events) {
    // Crime, accidents, disasters and background references are outside ACLED's scope.
    if (!e.acled || !inAcledScope(e)) continue;
    n++;
    // A place below MAP_CONFIDENCE is text only: no coordinates, no country guessed from it.
    const place = e.place && isMappable(e.place) ? e.place : null;
    const when = exportDate(e.date);
    // ACLED has one date column: a span is dated by its first day, and the notes name the span.
    const day = when.from;
    const military = e.acled.eventType === 'Explosions/Remote violence' || e.acled.eventType === 'Battles' || e.acled.subEventType === 'Disrupted weapons use';
    const [a1, ...assoc1] = e.actors;
    const [a2, ...assoc2] = e.targets;
    const i1 = inter(a1, e.acled.eventType, 'actor');
    const i2 = inter(a2, e.acled.eventType, 'target');
    const country = place?.country ? (countryByCode(place.country)?.name ?? place.country) : '';
    const geo = place ? (place.precision === 'city' || place.precision === 'point' ? 1 : place.precision === 'region' || place.precision === 'area' ? 2 : 3) : null;
    const srcNames = [...new Set(sources.map((s) => s.source ?? s.title ?? s.article))];
    rows.push([
      id,
      '',
      `${place?.country ?? 'XX'}${n}`,
      n,
      day ? acledDate(day) : '',
      day ? Number(day.slice(0, 4)) : '',
      when.timePrecision,
      e.acled.eventType,
      e.acled.subEventType,
      actorName(a1, military),
      assoc1.map((a) => actorName(a, false)).join('; '),
      i1,
      actorName(a2, military),
      assoc2.map((a) => actorName(a, false)).join('; '),
      i2,
      i1 !== null && i2 !== null ? Number(`${Math.min(i1, i2)}${Math.max(i1, i2)}`) : i1 !== null && !a2 ? i1 * 10 : null,
      '',
      country,
      place?.admin1 ?? '',
      '',
      '',
      place?.name ?? '',
      place ? Number(place.lat.toFixed(4)) : '',
      place ? Number(place.lon.toFixed(4)) : '',
      geo,
      srcNames.join('; '),
      '',
      notesOf(e.summary, when),
      e.killed?.value ?? 0,
      Math.floor(now.getTime() / 1000),
      '',
    ]);
  }
  return rows;
}

export function toAcledCsv(events: readonly ExportEvent[], now: Date = new Date()): string {
  return csv(ACLED_COLUMNS, acledRows(events, now));
}
