/**
 * Qualified names for the geocoder (moved out of geocoder.ts; outputs identical): a name that qualifies another
 * ("Buffalo, New York", "Columbus, Georgia", "Basra in southern Iraq"), a name followed by "state", and the pair
 * logic that gives a head and its qualifier keys of their own.
 */
import { nameKey } from './normalize.js';
import { gazetteer, type Candidate } from './gazetteer.js';
import { WEIGHTS } from './geocoder-weights.js';
import type { Lookup, ToponymSpan } from './geocoder.js';

/**
 * Whether a candidate of a qualifier ("Springfield, Ill.", "Washington, Oregon") can name the region a town lies in: a
 * country, or a first-level region (state, province). A county is one only when the qualifier itself says so ("Conway,
 * Leake County"): a bare "Oregon" is the state, never Oregon County, Missouri (whose Washington would then fit).
 */
export function qualifierCandidate(c: Candidate, phraseKey: string): boolean {
  if (c.precision === 'country') return true;
  if (c.precision !== 'region') return false;
  return (c.source !== 'county' && c.source !== 'city') || / (county|parish|borough)$/.test(phraseKey);
}

const STATE_AFTER = /^\s+(?:state|State|governor|Governor|Gov\.|legislature|Legislature|lawmakers|officials)\b/;

/**
 * A name that qualifies another ("Buffalo, New York", "Rego Park, New York") or is followed by
 * "state"/"governor" names the first-level region or country, not a same-named city.
 */
export function isQualifier(text: string, span: ToponymSpan): boolean {
  if (STATE_AFTER.test(text.slice(span.end, span.end + 16))) return true;
  const before = text.slice(Math.max(0, span.start - 40), span.start);
  return /\p{Lu}[\p{L}.'’-]*,\s$/u.test(before) && !/[.!?]\s*$/.test(before.slice(0, -2));
}

export const STATE_WORD = /^\s+(?:state|State)\b/;

/** The regions listed as "<name> state" added to a name's candidates (not cached: only when the text says "state"). */
export function withStateName(l: Lookup, phrase: string): Lookup {
  const extra = gazetteer().regions(`${nameKey(phrase.replace(/['’]s$/u, ''))} state`).filter((c) => !l.cands.includes(c));
  if (extra.length === 0) return l;
  return { cands: [...l.cands, ...extra], prior: [...l.prior, ...extra.map(() => WEIGHTS.region)] };
}

export function asQualifier(l: Lookup): Lookup {
  return {
    cands: l.cands,
    prior: l.prior.map((p, j) => {
      const c = l.cands[j];
      return c.source === 'region' || c.source === 'country' ? p + WEIGHTS.qualifier : p;
    }),
  };
}

/** A name's key without its role marks ("|q" for a qualifier, "|with:…"/"|of:…" for a paired name). */
export function baseKey(k: string): string {
  const bar = k.indexOf('|');
  return bar < 0 ? k : k.slice(0, bar);
}

/** "X in (the) (northern|…) Y" and "X, Y": a place the text itself puts inside another. */
const CONTAINED_IN = /^(?:,\s{1,2}|,?\s+(?:in|outside)\s+(?:the\s+)?(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)?)$/i;

/** The span that contains span i by the text's own words, or -1. */
export function containerOf(text: string, spans: readonly ToponymSpan[], next: Int32Array, i: number): number {
  const j = next[i];
  return j >= 0 && spans[j].start - spans[i].end <= 40 && CONTAINED_IN.test(text.slice(spans[i].end, spans[j].start)) ? j : -1;
}

/**
 * "Columbus, Georgia", "Springfield, Ill.", "Basra in southern Iraq" written as two spans: the head keeps only candidates in
 * a region or country its qualifier can name, and the qualifier takes that reading (Georgia the US
 * state, not the country). Each such pair gets keys of its own, so other mentions of the same names
 * still decide freely.
 */
export function pairQualified(text: string, spans: readonly ToponymSpan[], next: Int32Array, keyOf: string[], lookups: Map<string, Lookup>): void {
  for (let i = 0; i < spans.length; i++) {
    const j = containerOf(text, spans, next, i);
    // Members of a list of regions (list-regions.ts) qualify no one.
    if (j < 0 || keyOf[i].includes('|list:') || keyOf[j].includes('|list:')) continue;
    const head = lookups.get(keyOf[i]) as Lookup;
    const qual = lookups.get(keyOf[j]) as Lookup;
    const qualKey = baseKey(keyOf[j]);
    const fitsHead = (c: Candidate) => (q: Candidate) =>
      qualifierCandidate(q, qualKey) && q.country === c.country && (q.precision === 'country' || q.admin1 === c.admin1) && q !== c;
    const heads = head.cands.map((c, n) => ({ c, p: head.prior[n] })).filter(({ c }) => c.precision === 'city' && qual.cands.some(fitsHead(c)));
    if (heads.length === 0) continue;
    const quals = qual.cands.map((q, n) => ({ c: q, p: qual.prior[n] })).filter(({ c: q }) => heads.some(({ c }) => fitsHead(c)(q)));
    const hk = `${keyOf[i]}|with:${keyOf[j]}`;
    const qk = `${keyOf[j]}|of:${keyOf[i]}`;
    lookups.set(hk, { cands: heads.map((x) => x.c), prior: heads.map((x) => x.p + WEIGHTS.qualifier) });
    lookups.set(qk, { cands: quals.map((x) => x.c), prior: quals.map((x) => x.p + WEIGHTS.qualifier) });
    keyOf[i] = hk;
    keyOf[j] = qk;
  }
}
