/**
 * Article-wide evidence for a place candidate of the learned main-event choice (main-choice-features.ts):
 * whether the headline names the town, and whether the state/division and the country the article names
 * agree with it. General signals, no names of any one article: a local report's headline names its town
 * ("Marana, Arizona plane crash: 2 dead"), and a town whose state the article never names, while it names
 * another state of the same country, is more often a newsroom's, a comparison's or a namesake's.
 */
import type { Article } from '../core/article.js';
import type { Place } from '../core/layers.js';
import { admin1Name } from '../places/admin1.js';
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
  /** Names (normalised) of the divisions (admin1, precision `region`) the article names, by country. */
  regions: Map<string, Set<string>>;
  /** Countries the article names (precision `country`). */
  countries: Set<string>;
}

export function placeContext(article: Readonly<Article>, places: readonly Place[]): PlaceContext {
  const regions = new Map<string, Set<string>>();
  const countries = new Set<string>();
  for (const p of places) {
    if (!p.country) continue;
    if (p.precision === 'country') countries.add(p.country);
    else if (p.precision === 'region') {
      const set = regions.get(p.country) ?? new Set<string>();
      set.add(norm(p.name));
      regions.set(p.country, set);
    }
  }
  return { title: norm(article.title ?? ''), regions, countries };
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
 * `countryOther` (the article names the candidate's country / only other countries).
 */
export function placeContextFeatures(place: Place, written: readonly string[], pc: PlaceContext): string[] {
  const f: string[] = [];
  const pop = populationOf(place);
  if (pop !== null) f.push(pop < 10_000 ? 'pop<10k' : pop < 100_000 ? 'pop<100k' : pop < 1_000_000 ? 'pop<1M' : 'pop>=1M');
  if (pc.title && [place.name, ...written].some((n) => hasWords(pc.title, norm(n)))) f.push('title');
  if (place.country) {
    const named = pc.regions.get(place.country);
    const own = place.admin1 ? admin1Name(place.country, place.admin1) : null;
    if (named && own && named.has(norm(own))) f.push('state');
    else if (named && named.size > 0) f.push('stateOther');
    if (pc.countries.has(place.country)) f.push('country');
    else if (pc.countries.size > 0) f.push('countryOther');
  }
  return f;
}
