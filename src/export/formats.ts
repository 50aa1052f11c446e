/**
 * PLOVER JSON, GeoJSON and JSONL event exports: pure functions of the events.
 *
 * PLOVER (OEDA manual v0.7b1): `event`, `mode`, `context`, `actor`, `recipient` (PLOVER's name for the
 * target), ISO-8601 `date`, a geonames-style location, optional `dead`/`injured`/`size`.
 * GeoJSON (RFC 7946): a FeatureCollection of Point features with coordinates in [lon, lat] order.
 */
import type { EventRecord } from '../core/layers.js';
import { exportDate } from './dates.js';
import { isMappable } from '../places/mappable.js';
import type { MergedEvent as ExportEvent } from '../core/merged-event.js';
import { inAcledScope } from '../events/scope.js';

function names(args: EventRecord['actors']): string[] {
  return args.map((a) => a.name ?? a.text);
}

export function ploverRecord({ id, event: e, sources }: ExportEvent): Record<string, unknown> {
  const when = exportDate(e.date);
  return {
    id,
    // The date as the text gives it: a day, a month ("2025-09") or a span, never a midpoint.
    date: when.value,
    date_from: when.from,
    date_to: when.to,
    time_precision: when.timePrecision,
    date_precision: e.date?.precision ?? null,
    date_source: e.date?.how ?? null,
    event: e.plover?.type ?? null,
    mode: e.plover?.mode ?? null,
    context: e.acled ? [e.acled.eventType, e.acled.subEventType] : [],
    actor: names(e.actors)[0] ?? null,
    actor_all: names(e.actors),
    recipient: names(e.targets)[0] ?? null,
    recipient_all: names(e.targets),
    location: e.place && isMappable(e.place)
      ? {
          place_name: e.place.name,
          lat: e.place.lat,
          lon: e.place.lon,
          country: e.place.country,
          admin1: e.place.admin1 ?? null,
          geonameid: e.place.geonameid ?? null,
          precision: e.place.precision,
        }
      : null,
    dead: e.killed?.value ?? null,
    injured: e.injured?.value ?? null,
    size: null,
    weapons: (e.figures ?? []).filter((f) => f.kind !== 'killed' && f.kind !== 'injured').map((f) => ({ role: f.kind, value: f.value, unit: f.unit, hedge: f.hedge, claimant: f.claimant })),
    claimant: e.claimant?.text ?? null,
    status: e.status ?? 'asserted',
    text: e.summary,
    sources: sources.map((s) => ({ article: s.article, title: s.title, source: s.source, url: s.url, published: s.published, dead: s.killed, injured: s.injured, claimant: s.claimant })),
  };
}

export function toPloverJson(events: readonly ExportEvent[]): string {
  return `${JSON.stringify(events.filter((e) => e.event.plover && inAcledScope(e.event)).map(ploverRecord), null, 2)}\n`;
}

export function toJsonl(events: readonly ExportEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: Record<string, unknown>;
  }>;
}

export function toGeoJson(events: readonly ExportEvent[]): GeoJsonFeatureCollection {
  const features: GeoJsonFeatureCollection['features'] = [];
  for (const x of events) {
    const p = x.event.place;
    // Only places at or above MAP_CONFIDENCE go on the map (places/mappable.ts).
    if (!p || !isMappable(p)) continue;
    const when = exportDate(x.event.date);
    features.push({
      type: 'Feature',
      id: x.id,
      geometry: { type: 'Point', coordinates: [Number(p.lon.toFixed(5)), Number(p.lat.toFixed(5))] },
      properties: {
        place: p.name,
        country: p.country,
        precision: p.precision,
        date: when.value,
        date_from: when.from,
        date_to: when.to,
        time_precision: when.timePrecision,
        date_source: when.how,
        kind: x.event.kind ?? 'conflict',
        reference: x.event.reference === true,
        event_type: inAcledScope(x.event) ? (x.event.acled?.eventType ?? null) : null,
        sub_event_type: inAcledScope(x.event) ? (x.event.acled?.subEventType ?? null) : null,
        plover: x.event.plover?.type ?? null,
        actors: names(x.event.actors),
        targets: names(x.event.targets),
        killed: x.event.killed?.value ?? null,
        injured: x.event.injured?.value ?? null,
        summary: x.event.summary,
        sources: x.sources.length,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
