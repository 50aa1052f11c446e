/**
 * Towns named inside organisation names: "St. Louis Police Department", "Gadsden City School",
 * "Joppatowne High School", "University of Pittsburgh", or a bare town the tagger typed ORG ("Seattle's
 * police", "Gadsden"). They are evidence of where a local article is set (events/setting.ts), never
 * place mentions of their own: the places layer is unchanged, and no event takes such a town as the
 * place of its own clause.
 *
 * A town is read only from the words before an institution word (Police, Sheriff, School, City,
 * Department, …) or after "University of"; a newspaper ("Seattle Times"), a state or a country
 * ("Delaware State University", "Georgia Bureau of Investigation") is no town. A name resolves to a
 * GeoNames city consistent with the article's own mappable places — in a state or region it names, or
 * within CONSISTENT_KM of a town it names — else, for a big city that has no namesake of comparable
 * size, to that city when the article names no place outside its country (never a national capital:
 * "Washington" or "Moscow" typed ORG is the government). Anything else gives nothing.
 * A town already in the places layer at the same offset is not counted twice.
 */
import type { Entity, Mention, Place } from '../core/layers.js';
import { gazetteer, type Candidate } from './gazetteer.js';
import { isMappable } from './mappable.js';
import { distanceKm, nameKey } from './normalize.js';

/** How near a town of the article an organisation's town must lie to be read without its state. */
export const CONSISTENT_KM = 50;
/** A town read from an organisation name is mappable, below the gazetteer's sure picks. */
export const ORG_TOWN_CONFIDENCE = 0.7;
/** Without context, only a city this big whose namesakes are all this many times smaller. */
const BIG_CITY = 100_000;
const BIG_MARGIN = 5;

const INSTITUTION =
  /^(?:Police|Sheriff(?:'s|’s)?|Fire|Rescue|Schools?|City|Public|Unified|Independent|Community|High|Middle|Elementary|Department|Dept\.?|Medical|Hospital|Council|Mayor(?:'s|’s)?|Municipal|Regional|District|Court|Board|Transit|Housing|College|Academy|Memorial|Metropolitan|Metro|Area|Emergency|Coroner(?:'s|’s)?|Health|Parks?|Library|Airport|Station|Zoo)$/;
const MEDIA =
  /^(?:Times|Post|News|Journal|Tribune|Herald|Gazette|Chronicle|Star|Sun|Daily|Press|Record|Register|Observer|Inquirer|Examiner|Courier|Dispatch|Enquirer|Bee|Globe|Magazine|Review|Telegraph|Standard|TV|Radio|Today)$/;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|St\.|Ft\.|Mt\.)$/u;

/** A town read from an organisation's name; `entity` is the organisation's id when the tagger found one. */
export type OrgTown = Place;

/** The town part of an organisation's name as written, with its offset in the name; null when none. */
export function townInOrgName(name: string): { town: string; at: number } | null {
  const words = [...name.matchAll(/\S+/g)].map((m) => ({ w: m[0].replace(/[,;:]+$/, ''), at: m.index ?? 0 }));
  if (words.length === 0) return null;
  const uni = /^(?:University|College) of (.+)$/.exec(name);
  if (uni) {
    const town = uni[1].split(/\s+/).filter((w, i, all) => NAME_WORD.test(w) && all.slice(0, i).every((x) => NAME_WORD.test(x)));
    return town.length ? { town: town.join(' ').replace(/['’]s$/u, ''), at: name.indexOf(uni[1]) } : null;
  }
  let n = 0;
  while (n < words.length && n < 3 && NAME_WORD.test(words[n].w) && !INSTITUTION.test(words[n].w) && !MEDIA.test(words[n].w)) n++;
  if (n === 0) return null;
  const next = words[n]?.w.replace(/['’]s$/u, '');
  // A bare name ("Gadsden", "Seattle's") or a name before an institution word.
  if (n === words.length || (next !== undefined && INSTITUTION.test(next))) {
    const town = words
      .slice(0, n)
      .map((x) => x.w)
      .join(' ')
      .replace(/['’]s$/u, '');
    return { town, at: 0 };
  }
  return null;
}

function consistent(c: Candidate, places: readonly Place[]): boolean {
  return places.some((p) =>
    p.precision === 'region'
      ? p.country === c.country && p.admin1 !== undefined && p.admin1 === c.admin1
      : (p.precision === 'city' || p.precision === 'point') && distanceKm(p.lat, p.lon, c.lat, c.lon) <= CONSISTENT_KM,
  );
}

/** The city an organisation's town names in this article, or null. */
export function resolveOrgTown(town: string, places: readonly Place[]): Candidate | null {
  const key = nameKey(town);
  const g = gazetteer();
  // A country or a first-level region ("Delaware State University") is no town.
  if (g.country(key) || g.regions(key).some((r) => r.precision === 'region')) return null;
  // The exact name only: "St. Louis Metropolitan" is no town, though a part of it is.
  const cities = g.cities(key).filter((c) => c.precision === 'city');
  if (cities.length === 0) return null;
  const mapped = places.filter((p) => isMappable(p));
  const fits = cities.filter((c) => consistent(c, mapped));
  if (fits.length) return fits.reduce((a, b) => (b.population > a.population ? b : a));
  const sorted = [...cities].sort((a, b) => b.population - a.population);
  const [top, second] = sorted;
  if (top.population < BIG_CITY || (second && second.population * BIG_MARGIN > top.population)) return null;
  // "Washington", "Moscow", "Beijing" typed ORG are most often the government, not the city.
  if (top.feature === 'PPLC') return null;
  return mapped.every((p) => p.country === top.country || p.country === null) ? top : null;
}

/** "Seattle police", "St. Louis Metropolitan Police Department", "Dover Fire Department" in running text. */
const FORCE_IN_TEXT =
  /((?:(?:\p{Lu}[\p{L}'’-]*|St\.|Ft\.|Mt\.)\s){1,4})(?:Metropolitan\s|Metro\s)?(?:[Pp]olice|Sheriff|[Ff]ire\s(?:Department|Rescue)|City\s(?:Council|Hall|Schools?)|School\sDistrict|Public\sSchools)\b/gu;
const COUNTY_AFTER = /^\s+(?:County|Parish|Borough|Township)\b/;

/** The longest tail of these words that names a town of the article ("Former St. Louis" → "St. Louis"). */
function tailTown(all: string[], places: readonly Place[], cache: Map<string, Candidate | null>): { town: string; skip: number; c: Candidate } | null {
  let n = all.length;
  while (n > 0 && INSTITUTION.test(all[n - 1])) n--;
  const words = all.slice(0, n);
  for (let i = 0; i < words.length; i++) {
    const town = words.slice(i).join(' ').replace(/['’]s$/u, '');
    if (!cache.has(town)) cache.set(town, resolveOrgTown(town, places));
    const c = cache.get(town);
    if (c) return { town, skip: words.slice(0, i).reduce((n, w) => n + w.length + 1, 0), c };
  }
  return null;
}

/** Every mention of a town inside an organisation's name, resolved in the article's context. */
export function orgTowns(text: string, entities: readonly Entity[], mentions: readonly Mention[], places: readonly Place[]): OrgTown[] {
  const byEntity = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.kind !== 'name' && m.kind !== 'possessive' && m.kind !== 'alias') continue;
    const list = byEntity.get(m.entity);
    if (list) list.push(m);
    else byEntity.set(m.entity, [m]);
  }
  const out: OrgTown[] = [];
  const resolved = new Map<string, Candidate | null>();
  const seen = new Set<number>();
  const push = (start: number, town: string, c: Candidate, entity?: string) => {
    // "Juneau County Sheriff": a county, not the town of its name.
    if (seen.has(start) || places.some((p) => p.start <= start && start < p.end) || COUNTY_AFTER.test(text.slice(start + town.length, start + town.length + 12))) return;
    seen.add(start);
    out.push({
        start,
        end: start + town.length,
        text: town,
        name: c.name,
        lat: c.lat,
        lon: c.lon,
        country: c.country,
        ...(c.admin1 ? { admin1: c.admin1 } : {}),
        ...(c.geonameid !== undefined ? { geonameid: c.geonameid } : {}),
        precision: 'city',
        ...(entity ? { entity } : {}),
        confidence: ORG_TOWN_CONFIDENCE,
      });
  };
  entities.forEach((e, index) => {
    if (e.type !== 'ORG') return;
    for (const s of byEntity.get(index) ?? e.mentions) {
      const found = townInOrgName(text.slice(s.start, s.end));
      if (!found) continue;
      const hit = tailTown(found.town.split(' '), places, resolved);
      if (hit) push(s.start + found.at + hit.skip, hit.town, hit.c, e.id);
    }
  });
  for (const m of text.matchAll(FORCE_IN_TEXT)) {
    const words = m[1].trim().split(/\s+/);
    const hit = tailTown(words, places, resolved);
    if (hit) push((m.index ?? 0) + hit.skip, hit.town, hit.c);
  }
  return out.sort((a, b) => a.start - b.start);
}
