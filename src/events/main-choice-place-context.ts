/**
 * Article-wide evidence for a place candidate of the learned main-event choice (main-choice-features.ts):
 * whether the headline names the town, and whether the state/division and the country the article names
 * agree with it. General signals, no names of any one article: a local report's headline names its town
 * ("Marana, Arizona plane crash: 2 dead"), and a town whose state the article never names, while it names
 * another state of the same country, is more often a newsroom's, a comparison's or a namesake's. The state is
 * compared by its admin1 code (a region's own name can differ from GeoNames' — "Lviv" vs "Lviv Oblast" — and a
 * county is no state); only a region the tables give no code is compared by name. A US county the article names
 * ("Martin County Sheriff's Office", "Merced County") that holds the candidate town (GeoNames' second-level
 * division) marks it as the county's town: a county is where local news puts the scene.
 */
import type { Article } from '../core/article.js';
import type { Place } from '../core/layers.js';
import { admin1Name } from '../places/admin1.js';
import { admin2OfPlace } from '../places/admin2.js';
import { gazetteer } from '../places/gazetteer.js';
import { nameKey } from '../places/normalize.js';

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when `name` occurs as whole words in `hay` (both already normalised). */
function hasWords(hay: string, name: string): boolean {
  if (name.length < 3) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRe(name)}($|[^\\p{L}\\p{N}])`, 'u').test(hay);
}

export interface PlaceContext {
  /** The headline, normalised ('' when none). */
  title: string;
  /** The first-level divisions the article names, by country: admin1 codes, and names (normalised) of regions with no code. */
  regions: Map<string, Set<string>>;
  /** Countries the article names (precision `country`). */
  countries: Set<string>;
  /** US counties (parishes, boroughs) the text names, normalised with the word ("merced county"). */
  counties: Set<string>;
}

/**
 * "Merced County", "Martin County Sheriff's Office", "Orleans Parish": one or two capitalised words before the word
 * (each at most 31 characters, so a long hyphen- or dot-joined run cannot make the scan quadratic).
 */
const COUNTY = /\b([A-Z][\p{L}'’.-]{1,30}(?: [A-Z][\p{L}'’.-]{1,30})?) (County|Parish|Borough)\b/gu;

/** Is this region place a county (the gazetteer names them "X County")? */
const isCounty = (p: Place) => / (County|Parish|Borough)$/.test(p.name);

export function placeContext(article: Readonly<Article>, places: readonly Place[]): PlaceContext {
  const regions = new Map<string, Set<string>>();
  const countries = new Set<string>();
  for (const p of places) {
    if (!p.country) continue;
    if (p.precision === 'country') countries.add(p.country);
    else if (p.precision === 'region' && !isCounty(p)) {
      const set = regions.get(p.country) ?? new Set<string>();
      set.add(p.admin1 ? `#${p.admin1}` : norm(p.name));
      regions.set(p.country, set);
    }
  }
  const counties = new Set<string>();
  // Both readings of two words before the word ("San Diego County"; "In Merced County"): only a town's own county can match.
  for (const m of article.text.matchAll(COUNTY)) {
    counties.add(norm(`${m[1]} ${m[2]}`));
    counties.add(norm(`${m[1].split(' ').at(-1)} ${m[2]}`));
  }
  return { title: norm(article.title ?? ''), regions, countries, counties };
}

/** The gazetteer's population of a town (by its GeoNames id), null when unknown. */
function populationOf(place: Place): number | null {
  if (place.geonameid === undefined) return null;
  const c = gazetteer()
    .cities(nameKey(place.name))
    .find((x) => x.geonameid === place.geonameid);
  return c ? c.population : null;
}

/**
 * Features of one candidate: its population bucket (`pop<10k` … `pop>=1M`, a newsroom's city is big), `title` (the headline names it, by name or as written), `titleOther` (the
 * headline names another candidate town and not this one: set by the caller), `state` / `stateOther` (the
 * article names the candidate's division / only other divisions of its country), `country` /
 * `countryOther` (the article names the candidate's country / only other countries), `county` (the text names the
 * US county that holds the town).
 */
export function placeContextFeatures(place: Place, written: readonly string[], pc: PlaceContext): string[] {
  const f: string[] = [];
  const pop = populationOf(place);
  if (pop !== null) f.push(pop < 10_000 ? 'pop<10k' : pop < 100_000 ? 'pop<100k' : pop < 1_000_000 ? 'pop<1M' : 'pop>=1M');
  if (pc.title && [place.name, ...written].some((n) => hasWords(pc.title, norm(n)))) f.push('title');
  if (place.country) {
    const named = pc.regions.get(place.country);
    const own = place.admin1 ? admin1Name(place.country, place.admin1) : null;
    if (named && place.admin1 && (named.has(`#${place.admin1}`) || (own !== null && named.has(norm(own))))) f.push('state');
    else if (named && named.size > 0) f.push('stateOther');
    if (pc.countries.has(place.country)) f.push('country');
    else if (pc.countries.size > 0) f.push('countryOther');
  }
  if (pc.counties.size > 0 && place.country === 'US') {
    const county = admin2OfPlace(place);
    // (Its converse, "only other counties", did not help in cross-validation inside dev: left out.)
    if (county && pc.counties.has(norm(county))) f.push('county');
  }
  return f;
}
