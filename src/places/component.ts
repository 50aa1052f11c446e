/**
 * The `places` stage: geocode the article's dateline and its LOC entities (plus ORG/MISC entities that
 * are exactly a country's name, a common NER slip: "Qatar" typed ORG), jointly, with the gazetteer and
 * resolver of this folder. A name followed by "region", "oblast", "province", "County", … is
 * widened to include that word and resolved at region precision ("Lviv region").
 *
 * Output: one Place per resolved mention, sorted by offset. A name the gazetteer lacks takes the point
 * of the place the article puts it near (geocoder.ts focus fallback), marked with `near`, at 'area'
 * precision and low confidence; with nothing to put it near, it yields nothing.
 */
import type { Article, Span } from '../core/article.js';
import type { Entity, Layers, Mention, Place } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { gazetteer } from './gazetteer.js';
import { confidenceOf, lookup, resolveToponyms, scanEvidence, type ResolvedPlace } from './geocoder.js';
import { proposeTowns } from './town-proposer.js';
import { nameKey } from './normalize.js';

export { GEONAMES_NOTICE } from './gazetteer.js';

const REGION_WORD =
  /^[ \u00a0]+(region|regions|oblast|oblasts|province|governorate|County|Parish|Borough|district|prefecture|krai|raion)\b/;

interface Target extends Span {
  entity?: string;
}

/** Widen a span over a following region word ("Lviv" + " region"). */
function widen(text: string, span: Span): Span {
  const m = REGION_WORD.exec(text.slice(span.end, span.end + 24));
  return m ? { start: span.start, end: span.end + m[0].length } : span;
}

/** "Port" of "Port-au-Prince", "Salaam" of "Dar-es-Salaam": a piece of a hyphenated name is no place. */
function isFragment(text: string, s: Span): boolean {
  const letter = /\p{L}/u;
  return (text[s.end] === '-' && letter.test(text[s.end + 1] ?? '')) || (text[s.start - 1] === '-' && letter.test(text[s.start - 2] ?? ''));
}

function isCountryName(name: string): boolean {
  return gazetteer().country(nameKey(name)) !== undefined;
}

/** The spans to geocode: LOC mentions, and country-named ORG/MISC mentions. */
export function placeTargets(text: string, entities: readonly Entity[], mentions: readonly Mention[]): Target[] {
  const out: Target[] = [];
  const byEntity = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.kind === 'pronoun' || m.kind === 'nominal') continue;
    const list = byEntity.get(m.entity);
    if (list) list.push(m);
    else byEntity.set(m.entity, [m]);
  }
  entities.forEach((e, index) => {
    const geographic = e.type === 'LOC' || ((e.type === 'ORG' || e.type === 'MISC') && isCountryName(e.name));
    if (!geographic) return;
    const spans: Span[] = byEntity.get(index) ?? e.mentions;
    for (const s of spans) {
      const surface = text.slice(s.start, s.end);
      if (isFragment(text, s)) continue;
      if (e.type !== 'LOC' && !isCountryName(surface)) continue;
      out.push({ ...widen(text, s), entity: e.id });
    }
  });
  return out;
}

function toPlace(text: string, span: Target, r: ResolvedPlace): Place {
  const surface = text.slice(span.start, span.end);
  const place: Place = {
    start: span.start,
    end: span.end,
    text: surface,
    name: r.source === 'focus' ? surface : r.name,
    lat: r.lat,
    lon: r.lon,
    country: r.country,
    precision: r.precision,
    confidence: r.confidence,
  };
  if (r.admin1) place.admin1 = r.admin1;
  if (r.geonameid !== undefined) place.geonameid = r.geonameid;
  if (span.entity) place.entity = span.entity;
  if (r.source === 'focus') place.near = r.name;
  return place;
}

/** The dateline's place as a span of the text (with its region qualifier when it has one). */
function datelineSpan(article: Readonly<Article>): { span: Span; phrase: string } | null {
  const d = article.dateline;
  if (!d || !d.place) return null;
  const inside = article.text.slice(d.start, d.end);
  const at = inside.indexOf(d.place);
  if (at < 0) return null;
  const start = d.start + at;
  let end = start + d.place.length;
  let phrase = d.place;
  if (d.region) {
    const r = inside.indexOf(d.region, at + d.place.length);
    if (r >= 0) {
      end = d.start + r + d.region.length;
      phrase = `${d.place}, ${d.region}`;
    }
  }
  return { span: { start, end }, phrase };
}

export function geocodeArticle(article: Readonly<Article>, layers: Readonly<Layers>): Place[] {
  const text = article.text;
  const places: Place[] = [];
  let datelineCountry: string | null = null;
  const dl = datelineSpan(article);
  if (dl) {
    const l = lookup(dl.phrase);
    let best = -1;
    for (let j = 0; j < l.cands.length; j++) if (best < 0 || l.prior[j] > l.prior[best]) best = j;
    if (best >= 0) {
      const c = l.cands[best];
      datelineCountry = c.country;
      const confidence = confidenceOf(l, best);
      places.push(toPlace(text, { ...dl.span, entity: 'dateline' }, { ...c, confidence }));
    }
  }
  const targets = placeTargets(text, layers.entities ?? [], layers.mentions ?? []).filter(
    (t) => !dl || t.end <= dl.span.start || t.start >= dl.span.end,
  );
  // One target per span (an entity's mention list may repeat a span).
  const seen = new Set<string>();
  const unique = targets.filter((t) => {
    const k = `${t.start}:${t.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const resolved = resolveToponyms(text, unique, { datelineCountry, focusFallback: true });
  unique.forEach((t, i) => {
    const r = resolved[i];
    if (r) places.push(toPlace(text, t, r));
  });
  // Towns the tagger missed, in the two written forms town-proposer.ts accepts.
  const taken = [...places, ...unique];
  for (const t of proposeTowns(text, taken, () => scanEvidence(text))) places.push(toPlace(text, t, { ...t.cand, confidence: t.confidence }));
  places.sort((a, b) => a.start - b.start || a.end - b.end);
  return places;
}

export const places: Component = {
  name: 'places',
  version: '1.4.3',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['places'],
  run(article, layers) {
    return { places: geocodeArticle(article, layers) };
  },
};
