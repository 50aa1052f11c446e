/**
 * Names of first-level divisions (admin1) and the reverse: the divisions a name stands for. A place
 * carries its GeoNames admin1 code ("22"); a reader wants a name ("Banghazi"). Our region table
 * (regions.ts) names the divisions it links by code (US states, Canadian provinces, Australian states, UK
 * nations); elsewhere a division is named by its seat (the GeoNames PPLA city of that code), which is
 * how most countries name their provinces (Ternopil → Ternopil oblast, Aleppo → Aleppo governorate).
 * Where a seat and its division differ in name, the seat's name is what we show: a division named, not
 * invented. A region-precision place with no code is its own admin1.
 */
import type { Place } from '../core/layers.js';
import { countries, countryByCode } from './countries.js';
import { gazetteer } from './gazetteer.js';
import { iso2OfIso3 } from './iso.js';
import { nameKey } from './normalize.js';
import { regions } from './regions.js';

export interface Admin1Ref {
  country: string;
  code: string;
}

/** The name of a country's first-level division by its GeoNames admin1 code, or null when neither table knows it. */
export function admin1Name(country: string, code: string): string | null {
  const g = gazetteer();
  return g.admin1(country, code)?.name ?? g.seat(country, code)?.name ?? null;
}

/**
 * The admin1 name of a place: its division's name (by its code, or — for a town stored without one —
 * by the gazetteer's town of that name in that country within half a degree), or the place itself when
 * it is a region without a code; null for a country or a place the gazetteer cannot put in a division.
 */
export function admin1OfPlace(place: Pick<Place, 'country' | 'admin1' | 'precision' | 'name' | 'lat' | 'lon'> | null | undefined): string | null {
  if (!place?.country) return null;
  const code = place.admin1 ?? (place.precision === 'city' || place.precision === 'point' ? townAdmin1(place) : undefined);
  if (code) {
    const name = admin1Name(place.country, code);
    if (name) return name;
  }
  return place.precision === 'region' ? place.name : null;
}

function townAdmin1(place: Pick<Place, 'country' | 'name' | 'lat' | 'lon'>): string | undefined {
  const near = (c: { lat: number; lon: number }) => Math.abs(c.lat - place.lat) <= 0.5 && Math.abs(c.lon - place.lon) <= 0.5;
  return gazetteer().cities(nameKey(place.name)).find((c) => c.country === place.country && c.admin1 && near(c))?.admin1;
}

/** The divisions a name stands for: regions of our table by any of their names, and divisions whose seat is so named. */
export function admin1Named(name: string): Admin1Ref[] {
  const key = nameKey(name.replace(/\s+(?:oblast|province|governorate|state|region|district|prefecture|department)$/i, ''));
  const out = new Map<string, Admin1Ref>();
  for (const r of regions()) if (r.country && r.admin1 && r.names.some((n) => nameKey(n) === key)) out.set(`${r.country}.${r.admin1}`, { country: r.country, code: r.admin1 });
  const g = gazetteer();
  for (const ref of g.seatsNamed(key)) out.set(`${ref.country}.${ref.code}`, ref);
  // Another spelling of a seat (our curated aliases: "Odesa" → Odessa, "Kiev" → Kyiv).
  for (const c of g.aliases(key)) {
    if (c.country && c.admin1 && g.seat(c.country, c.admin1)?.name === c.name) out.set(`${c.country}.${c.admin1}`, { country: c.country, code: c.admin1 });
  }
  return [...out.values()];
}

/**
 * A country as an analyst writes it — ISO 3166-1 alpha-2 ("LY"), alpha-3 ("LBY"), or a name or alias
 * ("Libya", "DRC") — as its alpha-2 code; undefined when it names no country.
 */
export function resolveCountry(raw: string): string | undefined {
  const s = raw.trim();
  if (/^[A-Za-z]{2}$/.test(s) && countryByCode(s.toUpperCase())) return s.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(s)) {
    const code = iso2OfIso3(s);
    if (code) return code;
  }
  const key = nameKey(s);
  return countries().find((c) => c.names.some((n) => nameKey(n) === key))?.code;
}
