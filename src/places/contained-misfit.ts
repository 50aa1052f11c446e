/**
 * The text's own containment wins over a homonym far away (issue 11, "Basra in southern Iraq"): a name the text puts
 * inside another — "an air strike on a house in Sherpur area of Kabul city", "the famed Notre Dame cathedral in
 * Paris", "X, a suburb of Y" — takes a candidate that lies inside its container, and when none does, it is left
 * unknown (the geocoder's fallback then places it by its container at a low confidence: nothing is invented).
 */
import { distanceKm } from './normalize.js';
import type { Candidate } from './gazetteer.js';
import type { Lookup, ToponymSpan } from './geocoder.js';

/** A city container holds what lies this close to it. */
export const CONTAINED_KM = 100;

const FACILITY = '(?:cathedral|church|basilica|mosque|temple|synagogue|shrine|airport|air ?base|base|hospital|stadium|palace|hotel|prison|camp)';
const PART = '(?:area|neighbou?rhood|district|suburb|section|quarter|outskirts|village|town|city)';
const SIDE = '(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\\s+)?';
/**
 * Between a name and its container: "X area of Y", "X, a suburb of Y", "X cathedral in Y", "X in (the) (southern) Y".
 * A bare comma is not enough here: "Paris, London and Berlin" is a list.
 */
const CONTAINS = new RegExp(
  `^(?:,?\\s+${FACILITY})?(?:,\\s+(?:a|an|the)\\s+${SIDE}${PART}\\s+(?:of|in|outside|near)|,?\\s+${PART}\\s+of|\\s+(?:in|outside))\\s+(?:the\\s+)?${SIDE}(?:city\\s+of\\s+)?$`,
  'i',
);
/**
 * A bare "X in Y" is only a hint ("Chelsea beat Liverpool in London" is a match played in London, "Moscow accused
 * Washington in Geneva" a statement made there): it moves X to a candidate inside Y, never leaves X unknown.
 */
const BARE_IN = new RegExp(`^\\s+(?:in|outside)\\s+(?:the\\s+)?${SIDE}(?:city\\s+of\\s+)?$`, 'i');
/** "students from Arlington in France": the name is where someone comes from, not where it lies. */
const ORIGIN_BEFORE = /\b(?:from|of)\s+$/i;

/** Whether candidate c lies inside container q (its country, its first-level region, or near its town). */
export function liesIn(c: Candidate, q: Candidate): boolean {
  if (q.precision === 'country') return c.country === q.country;
  if (q.precision === 'region') return c.country === q.country && (!q.admin1 || c.admin1 === q.admin1);
  return distanceKm(c.lat, c.lon, q.lat, q.lon) <= CONTAINED_KM;
}

/** The span the text puts span i inside (the next span, after a containment phrase), or -1. */
export function explicitContainer(text: string, spans: readonly ToponymSpan[], next: Int32Array, i: number): number {
  const j = next[i];
  if (j < 0 || spans[j].start - spans[i].end > 45) return -1;
  if (ORIGIN_BEFORE.test(text.slice(Math.max(0, spans[i].start - 6), spans[i].start))) return -1;
  return CONTAINS.test(text.slice(spans[i].end, spans[j].start)) ? j : -1;
}

/**
 * For every name the text puts inside another whose pick it does not lie in: its best candidate that does, else
 * unknown (-1) — unless only a bare "in" puts it there (`BARE_IN`). Only towns are moved (a country or a region is not "in" a town); picks are per name, so every mention
 * of the name follows the text's own statement of where it is.
 */
export function rejectMisfits(
  text: string,
  spans: readonly ToponymSpan[],
  next: Int32Array,
  keyOf: readonly string[],
  lookups: ReadonlyMap<string, Lookup>,
  picks: Map<string, number>,
): void {
  for (let i = 0; i < spans.length; i++) {
    const j = explicitContainer(text, spans, next, i);
    if (j < 0 || keyOf[i] === keyOf[j]) continue;
    const l = lookups.get(keyOf[i]) as Lookup;
    const c = l.cands[picks.get(keyOf[i]) as number];
    const q = (lookups.get(keyOf[j]) as Lookup).cands[picks.get(keyOf[j]) as number];
    if (!c || !q || c === q || (c.precision !== 'city' && c.precision !== 'point') || liesIn(c, q)) continue;
    let best = -1;
    for (let n = 0; n < l.cands.length; n++) {
      const d = l.cands[n];
      if ((d.precision === 'city' || d.precision === 'point') && liesIn(d, q) && (best < 0 || l.prior[n] > l.prior[best])) best = n;
    }
    if (best < 0 && BARE_IN.test(text.slice(spans[i].end, spans[j].start))) continue;
    picks.set(keyOf[i], best);
  }
}
