/**
 * The article's setting: the place a local report is about when a sentence names none ("A man was
 * shot Saturday night" under "DAYTON —"). It is the dateline's place when that is mappable, else the
 * most-mentioned mappable town named in the lead paragraph (ties: the earliest; a town told only
 * further down is what one passage is about, not the article) — and only in a local article, whose
 * mappable towns all lie within SETTING_KM of it: a report that names towns far apart (Rivne, Berlin,
 * Lyon) has no one setting, and its unplaced events stay unplaced. Countries and wide regions are no
 * setting: an event placed only "in Ohio" or nowhere takes the town instead, when the town lies in it.
 */
import type { Place } from '../core/layers.js';
import { isMappable } from '../places/mappable.js';
import { distanceKm } from '../places/normalize.js';

/** How far apart a local article's towns may lie (a metro area and its suburbs). */
export const SETTING_KM = 50;

const TOWN = new Set<Place['precision']>(['city', 'point']);

export function articleSetting(places: readonly Place[], leadEnd: number): Place | null {
  const towns = places.filter((p) => TOWN.has(p.precision) && isMappable(p));
  const key = (p: Place) => `${p.name}|${p.country}|${p.admin1 ?? ''}`;
  const count = new Map<string, number>();
  for (const p of towns) count.set(key(p), (count.get(key(p)) ?? 0) + 1);
  const near = (a: Place, b: Place) => distanceKm(a.lat, a.lon, b.lat, b.lon) <= SETTING_KM;
  // Local: every town of the lead lies near it, and the towns named far from it, all together, are
  // named fewer times than it (a wire report's aside about Washington does not unmake the Virginia
  // Beach setting; a report that tells Rivne twice, Berlin and Lyon once each, has no one setting).
  const local = (s: Place) => {
    let far = 0;
    for (const p of towns) {
      if (near(p, s)) continue;
      if (p.start < leadEnd) return false;
      far++;
    }
    return far < (count.get(key(s)) ?? 0);
  };
  const dateline = towns.find((p) => p.entity === 'dateline');
  if (dateline) return local(dateline) ? dateline : null;
  let best: Place | null = null;
  for (const p of towns) {
    if (p.start >= leadEnd) continue;
    if (!best || (count.get(key(p)) ?? 0) > (count.get(key(best)) ?? 0)) best = p;
  }
  return best && local(best) ? best : null;
}

/**
 * Where the lead ends: after the first LEAD_PARAGRAPHS paragraphs that are prose — six words or more
 * ending as a sentence ends. A "CNN —" line, a "Nov. 30, 2025 Updated Dec. 1, 5:11 p.m. ET" stamp or a
 * caption without a full stop is no lead; a one-sentence lead whose town comes in the next paragraph
 * ("… was shot at." / "The dealership in Tigard …") is read with it.
 */
export const LEAD_MIN_WORDS = 6;
export const LEAD_PARAGRAPHS = 2;

export function leadEnd(paragraphs: ReadonlyArray<{ start: number; end: number }> | undefined, text: string): number {
  let seen = 0;
  for (const p of paragraphs ?? []) {
    const body = text.slice(p.start, p.end).trim();
    if (body.split(/\s+/).length < LEAD_MIN_WORDS || !/[.!?]["'”’)]?$/.test(body)) continue;
    if (++seen === LEAD_PARAGRAPHS) return p.end;
  }
  return text.length;
}

/** The event's place, or the setting when the event has none or only a country/region that holds the setting. */
export function sceneOrSetting(place: Place | null, setting: Place | null): Place | null {
  if (!setting) return place;
  if (!place) return setting;
  if (TOWN.has(place.precision) || place.precision === 'area') return place;
  if (place.country !== setting.country) return place;
  if (place.precision === 'region' && place.admin1 && setting.admin1 && place.admin1 !== setting.admin1) return place;
  return setting;
}
