/**
 * The article's setting: the place a local report is about when a sentence names none ("A man was
 * shot Saturday night" under "DAYTON —"), and the town an event told only "in Georgia" took place in.
 *
 * Evidence is every mappable town of the article, weighed by where it is told: a dateline (the
 * dateline layer, or a paragraph opening "TACOMA, Wash. –" / "Moscow, Idaho —" / "MONSEY, N.Y. (AP)
 * —") DATELINE_WEIGHT, the lead LEAD_WEIGHT, elsewhere BODY_WEIGHT — and towns named inside
 * organisation names ("Tigard Police Department", "Gadsden City School"; places/org-towns.ts), which
 * the tagger does not give the places layer; a town told as a reference point ("50 miles south of
 * Boston") is none. Towns within SETTING_KM of each other (a metro area and
 * its suburbs) pool their weight. The setting is the best pool's most-told town when the pool weighs
 * at least MIN_SETTING, more than DOMINANCE times any pool farther away and more than FAR_SHARE times all
 * farther mentions together: a report that tells Rivne, Berlin and Lyon alike has no one setting, and a
 * Washington aside does not unmake Virginia Beach. (On the local-news dev split, 76 real reports, the
 * two guards together place one article fewer than the first alone; the second keeps digests unset.)
 * Countries and wide regions are no setting: an event placed only "in Ohio" or nowhere takes the town
 * instead when the town lies in it; with no setting there, the town that dominates the article's towns
 * of that state or region in the same way (Atlanta for "Georgia", Oakland for "California").
 */
import type { Place } from '../core/layers.js';
import { isMappable } from '../places/mappable.js';
import { distanceKm } from '../places/normalize.js';
import { followsReferenceWords } from './landmark.js';

/** How far apart a local article's towns may lie (a metro area and its suburbs). */
export const SETTING_KM = 50;
export const DATELINE_WEIGHT = 3;
export const LEAD_WEIGHT = 2;
export const BODY_WEIGHT = 1;
/** The least weight a setting needs: one lead mention, or two further down. */
export const MIN_SETTING = 2;
/** How many times the setting's pool must outweigh any pool farther than SETTING_KM from it … */
export const DOMINANCE = 2;
/** … and all the mentions farther than that together (a digest of Rivne ×2, Berlin, Lyon has no setting). */
export const FAR_SHARE = 1.5;

const TOWN = new Set<Place['precision']>(['city', 'point']);

const key = (p: Place) => `${p.name}|${p.country}|${p.admin1 ?? ''}`;
const near = (a: Place, b: Place) => distanceKm(a.lat, a.lon, b.lat, b.lon) <= SETTING_KM;

/** One town mention with its weight. */
export interface TownEvidence {
  place: Place;
  weight: number;
  /** Read from an organisation's name, not a place mention. */
  org: boolean;
}

/** "TACOMA, Wash. –", "Moscow, Idaho —", "MONSEY, N.Y. (AP) —", "Lviv, Ukraine CNN —": a paragraph opening with a place and a dash. */
export function isDatelineLike(text: string, p: Pick<Place, 'start' | 'end'>): boolean {
  // Only spaces between the line's start and the place (a walk back over them, not a search for the
  // line's start: a long text with no line breaks made that a scan of the whole text per place).
  let k = p.start - 1;
  while (k >= 0 && text[k] !== '\n' && /\s/.test(text[k])) k--;
  if (k >= 0 && text[k] !== '\n') return false;
  return /^(?:,\s*[\p{L}.' ]{2,30}?)?\s*(?:\((?:AP|Reuters|AFP|CNN|UPI)\)\s*)?(?:CNN\s*)?[—–\-−]\s/u.test(text.slice(p.end, p.end + 45));
}

export function townEvidence(places: readonly Place[], leadEnd: number, text?: string, orgTowns: readonly Place[] = []): TownEvidence[] {
  const out: TownEvidence[] = [];
  // A town told as a reference point ("50 miles south of Boston") is no evidence of where the story is.
  const towns = places.filter((p) => TOWN.has(p.precision) && isMappable(p) && !(text !== undefined && followsReferenceWords(text, p.start)));
  const datelines = new Map<Place, boolean>();
  const isDateline = (p: Place) => {
    let d = datelines.get(p);
    if (d === undefined) datelines.set(p, (d = p.entity === 'dateline' || (text !== undefined && isDatelineLike(text, p))));
    return d;
  };
  // A dateline is where the report was filed: when the lead tells of a town far from it ("Lviv,
  // Ukraine CNN —" over a strike in Kramatorsk), it is no evidence of the setting beyond a mention.
  const filedElsewhere = (d: Place) => towns.some((p) => p.start < leadEnd && !isDateline(p) && !near(p, d));
  const weigh = (p: Place) => (isDateline(p) ? (filedElsewhere(p) ? BODY_WEIGHT : DATELINE_WEIGHT) : p.start < leadEnd ? LEAD_WEIGHT : BODY_WEIGHT);
  for (const p of towns) out.push({ place: p, weight: weigh(p), org: false });
  for (const p of orgTowns) if (isMappable(p)) out.push({ place: p, weight: p.start < leadEnd ? LEAD_WEIGHT : BODY_WEIGHT, org: true });
  return out;
}

/** The dominant town among these mentions, or null (see the file comment). */
export function dominantTown(evidence: readonly TownEvidence[]): Place | null {
  if (evidence.length === 0) return null;
  // A pool's weight depends only on where its town lies: the mentions' (whole-number) weights are
  // summed per location once, and each location's pool is computed once — a town told in every
  // sentence of a long article is one location, not a scan of all mentions per mention.
  const at = (p: Place) => `${p.lat},${p.lon}`;
  const locations = new Map<string, { place: Place; weight: number }>();
  for (const e of evidence) {
    const l = locations.get(at(e.place));
    if (l) l.weight += e.weight;
    else locations.set(at(e.place), { place: e.place, weight: e.weight });
  }
  const pools = new Map<string, number>();
  const pool = (s: Place) => {
    let sum = pools.get(at(s));
    if (sum === undefined) {
      sum = 0;
      for (const l of locations.values()) if (near(l.place, s)) sum += l.weight;
      pools.set(at(s), sum);
    }
    return sum;
  };
  let best: TownEvidence | null = null;
  let bestScore = -1;
  for (const e of evidence) {
    const s = pool(e.place);
    if (s > bestScore) {
      best = e;
      bestScore = s;
    }
  }
  if (!best || bestScore < MIN_SETTING) return null;
  let rival = 0;
  let far = 0;
  for (const e of evidence) if (!near(e.place, best.place)) {
    rival = Math.max(rival, pool(e.place));
    far += e.weight;
  }
  if (bestScore <= DOMINANCE * rival || bestScore <= FAR_SHARE * far) return null;
  // The pool's most-told town (ties: a place mention before an organisation's town, then the earliest).
  const own = new Map<string, number>();
  for (const e of evidence) if (near(e.place, best.place)) own.set(key(e.place), (own.get(key(e.place)) ?? 0) + e.weight);
  let pick: TownEvidence | null = null;
  for (const e of evidence) {
    if (!near(e.place, best.place)) continue;
    if (!pick) pick = e;
    else {
      const a = own.get(key(e.place)) ?? 0;
      const b = own.get(key(pick.place)) ?? 0;
      if (a > b || (a === b && pick.org && !e.org)) pick = e;
    }
  }
  return pick!.place;
}

export function articleSetting(places: readonly Place[], leadEnd: number, text?: string, orgTowns: readonly Place[] = []): Place | null {
  return dominantTown(townEvidence(places, leadEnd, text, orgTowns));
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

/**
 * The event's place, or the setting when the event has none or only a country/region that holds the
 * setting; an event told only in a state or region with no setting there takes the town that dominates
 * the article's towns of that region (`evidence`, when given).
 */
export function sceneOrSetting(place: Place | null, setting: Place | null, evidence?: readonly TownEvidence[]): Place | null {
  if (!place) return setting;
  if (TOWN.has(place.precision) || place.precision === 'area') return place;
  if (setting && place.country === setting.country && !(place.precision === 'region' && place.admin1 && setting.admin1 && place.admin1 !== setting.admin1)) return setting;
  if (place.precision === 'region' && place.admin1 && evidence) {
    const inside = evidence.filter((e) => e.place.country === place.country && e.place.admin1 === place.admin1);
    return dominantTown(inside) ?? place;
  }
  return place;
}
