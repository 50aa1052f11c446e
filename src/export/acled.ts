/**
 * ACLED CSV: the 31 columns of ACLED's export as in the 2020 sample under ../shared/data/acled-sample
 * (data_id … iso3), one row per (merged) event that has an ACLED type. Conventions follow the ACLED
 * codebook: `event_date` as `D-Mon-YY`, `time_precision` 1 day / 2 week / 3 month or vaguer,
 * `geo_precision` 1 town / 2 part of a region / 3 larger region, `fatalities` the most conservative
 * reported deaths (never injuries), `notes` a one-sentence description, sources joined by "; ".
 * Actor names use ACLED's "Military Forces of X" form for states; unknown inter codes stay blank.
 * iso/iso3/region come from places/iso.ts, admin1 is the division's name (places/admin1.ts: our region
 * table, else GeoNames' admin1 names, else the division Natural Earth's polygons decide). A row needs a
 * date, a mapped place inside a country's first-level division (a town, point or region, not a whole
 * country or a wider area) and that division's name — never a blank or guessed admin1: events without
 * them are left out and counted (`acledExport().leftOut`), as undated ones are. admin2 is the
 * town's GeoNames second-level division (places/admin2.ts), blank for regions, landmarks and towns GeoNames
 * gives none; admin3 stays blank.
 */
import type { EventArgument } from '../core/layers.js';
import { countryByCode } from '../places/countries.js';
import { csv, type Cell } from './csv.js';
import { exportDate, type ExportDate } from './dates.js';
import { isMappable } from '../places/mappable.js';
import type { MergedEvent as ExportEvent } from '../core/merged-event.js';
import { inAcledScope } from '../events/scope.js';
import { admin1OfPlace } from '../places/admin1.js';
import { admin2OfPlace } from '../places/admin2.js';
import { isoCodes } from '../places/iso.js';

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

/**
 * ACLED's actor types (codebook "inter" codes) from what the text calls the actor: 1 state forces (a
 * country as actor, an army, police), 2 rebel groups, 3 political militias, 5 rioters, 6 protesters,
 * 7 civilians, 8 external forces (a state acting outside its own country, NATO, UN forces). A state
 * acting in the event's own country is 1; an actor the words do not type stays blank.
 */
const STATE = /\b(army|armed forces|military|troops|soldiers|police|policemen|security forces|government forces|air force|navy|national guard|gendarmes?|forces loyal to)\b/i;
const REBELS = /\b(rebels?|insurgents?|militants?|jihadists?|Taliban|al-Shabaab|al-Shabab|Houthis?|Islamic State|ISIS|ISIL|Boko Haram|Rapid Support Forces|RSF|Hamas|Hezbollah|opposition fighters|separatists?)\b/i;
const MILITIA = /\bmilitias?\b/i;
const PROTESTERS = /\b(protesters?|demonstrators?|marchers?|strikers?)\b/i;
const RIOTERS = /\b(rioters?|mobs?|looters?)\b/i;
const CIVILIANS = /\b(civilians?|villagers?|residents?|people|children|women|worshippers|students|farmers|journalists?|refugees|passengers|shoppers)\b/i;
const EXTERNAL = /\b(NATO|peacekeepers?|UN forces|coalition)\b/i;

export function interCode(a: EventArgument | undefined, eventType: string, role: 'actor' | 'target', eventCountry: string | null): number | null {
  if (!a) return null;
  const text = `${a.name ?? ''} ${a.text}`;
  if (EXTERNAL.test(text)) return 8;
  if (isCountry(a)) {
    const code = countryCodeOfName(a.name ?? '');
    return eventCountry && code && code !== eventCountry ? 8 : 1;
  }
  if (REBELS.test(text)) return 2;
  if (MILITIA.test(text)) return 3;
  if (STATE.test(text)) return 1;
  if (PROTESTERS.test(text)) return 6;
  if (RIOTERS.test(text)) return 5;
  if (CIVILIANS.test(text)) return 7;
  if (eventType === 'Protests' && role === 'actor') return 6;
  if (eventType === 'Riots' && role === 'actor') return 5;
  return null;
}

let codeByName: Map<string, string> | null = null;
function countryCodeOfName(name: string): string | undefined {
  if (!codeByName) {
    codeByName = new Map();
    for (let c = 65; c <= 90; c++) for (let d = 65; d <= 90; d++) {
      const rec = countryByCode(String.fromCharCode(c, d));
      if (rec) for (const n of rec.names) codeByName.set(n, rec.code);
    }
  }
  return codeByName.get(name);
}

/** International wire services and broadcasters, by the names sources are stored under (ACLED's source_scale "International"). */
const INTERNATIONAL = /\b(reuters|associated press|\bAP\b|AFP|agence france|xinhua|bbc|cnn|al ?jazeera|guardian|new york times|washington post|los angeles times|latimes|voa|voice of america|dpa|ansa|bloomberg|sky news|france 24|deutsche welle|euronews|telegraph)\b/i;

/** ACLED source_scale from the sources' names: "International" when every source is a known international outlet; else blank (not guessed). */
export function sourceScale(names: readonly string[]): string {
  return names.length > 0 && names.every((n) => INTERNATIONAL.test(n)) ? 'International' : '';
}

/** The summary, with the date span or its source when the day is not the text's own. */
function notesOf(text: string, when: ExportDate): string {
  if (when.how === 'implied') return `${text} (date: the report's own, ${when.value ?? 'unknown'}; the text states none)`;
  if (when.day === null) return `${text} (date: ${when.value ?? 'unknown'})`;
  return text;
}

/** Why events were left out of an ACLED export, counted. */
export interface AcledLeftOut {
  /** No ACLED type, or outside ACLED's scope (crime, accidents, disasters, background references). */
  outOfScope: number;
  /** No day, week or month the text gives (undated, or a span longer than a month). */
  noDate: number;
  /** No place on the map (none found, or below the map confidence). */
  noPlace: number;
  /** A place known only to its country, or an area wider than a division: ACLED codes events to a location inside one. */
  countryOnly: number;
  /** A place whose first-level division has no name we know (a GeoNames code no table names, a landmark on a border). */
  noAdmin1: number;
}

export interface AcledExport {
  rows: Cell[][];
  leftOut: AcledLeftOut;
}

/** `notes`: the event's own sentence, when the caller has it (keyed by merged event id), else its summary. */
export type SentenceOf = (id: string) => string | undefined;

export function acledExport(events: readonly ExportEvent[], now: Date = new Date(), sentenceOf: SentenceOf = () => undefined): AcledExport {
  const rows: Cell[][] = [];
  const leftOut: AcledLeftOut = { outOfScope: 0, noDate: 0, noPlace: 0, countryOnly: 0, noAdmin1: 0 };
  let n = 0;
  for (const { id, event: e, sources } of events) {
    // Crime, accidents, disasters and background references are outside ACLED's scope.
    if (!e.acled || !inAcledScope(e)) {
      leftOut.outOfScope++;
      continue;
    }
    const when = exportDate(e.date);
    // ACLED has one date column: a span is dated by its first day, and the notes name the span.
    const day = when.from;
    if (!day) {
      leftOut.noDate++;
      continue;
    }
    // A place below MAP_CONFIDENCE is text only: no coordinates, no country guessed from it.
    const place = e.place && isMappable(e.place) && e.place.country ? e.place : null;
    const codes = place?.country ? isoCodes(place.country) : undefined;
    if (!place || !codes) {
      leftOut.noPlace++;
      continue;
    }
    // A country, or an area wider than one division, is no location inside a first-level division.
    if (place.precision === 'country' || place.precision === 'area') {
      leftOut.countryOnly++;
      continue;
    }
    // A division no names table knows is left out, never blank and never named after its seat or nearest town.
    const admin1 = admin1OfPlace(place);
    if (!admin1) {
      leftOut.noAdmin1++;
      continue;
    }
    n++;
    const countryName = countryByCode(place.country!)?.name ?? place.country!;
    const military = e.acled.eventType === 'Explosions/Remote violence' || e.acled.eventType === 'Battles' || e.acled.subEventType === 'Disrupted weapons use';
    const [a1, ...assoc1] = e.actors;
    const [a2, ...assoc2] = e.targets;
    // ACLED's generic actors where the text names none: protesters, rioters, civilians of the country.
    const generic1 = !a1 && e.acled.eventType === 'Protests' ? [`Protesters (${countryName})`, 6] as const : !a1 && e.acled.eventType === 'Riots' ? [`Rioters (${countryName})`, 5] as const : null;
    const generic2 = !a2 && e.acled.eventType === 'Violence against civilians' ? [`Civilians (${countryName})`, 7] as const : null;
    const i1 = generic1?.[1] ?? interCode(a1, e.acled.eventType, 'actor', place.country);
    const i2 = generic2?.[1] ?? interCode(a2, e.acled.eventType, 'target', place.country);
    const noActor2 = !a2 && !generic2;
    const inter2 = noActor2 && i1 !== null ? 0 : i2;
    const interaction = i1 !== null && inter2 !== null ? (inter2 === 0 ? i1 * 10 : Number(`${Math.min(i1, inter2)}${Math.max(i1, inter2)}`)) : null;
    const geo = place.precision === 'city' || place.precision === 'point' ? 1 : place.precision === 'region' || place.precision === 'area' ? 2 : 3;
    const srcNames = [...new Set(sources.map((s) => s.source ?? s.title ?? s.article))];
    rows.push([
      id,
      codes.numeric,
      `${codes.iso3}${n}`,
      n,
      acledDate(day),
      Number(day.slice(0, 4)),
      when.timePrecision,
      e.acled.eventType,
      e.acled.subEventType,
      generic1?.[0] ?? actorName(a1, military),
      assoc1.map((a) => actorName(a, false)).join('; '),
      i1,
      generic2?.[0] ?? actorName(a2, military),
      assoc2.map((a) => actorName(a, false)).join('; '),
      inter2,
      interaction,
      codes.region,
      countryName,
      admin1,
      admin2OfPlace(place) ?? '',
      '',
      place.name,
      Number(place.lat.toFixed(4)),
      Number(place.lon.toFixed(4)),
      geo,
      srcNames.join('; '),
      sourceScale(srcNames),
      notesOf(sentenceOf(id) ?? e.summary, when),
      e.killed?.value ?? 0,
      Math.floor(now.getTime() / 1000),
      codes.iso3,
    ]);
  }
  return { rows, leftOut };
}

export function acledRows(events: readonly ExportEvent[], now: Date = new Date(), sentenceOf?: SentenceOf): Cell[][] {
  return acledExport(events, now, sentenceOf).rows;
}

export function toAcledCsv(events: readonly ExportEvent[], now: Date = new Date(), sentenceOf?: SentenceOf): string {
  return csv(ACLED_COLUMNS, acledRows(events, now, sentenceOf));
}
