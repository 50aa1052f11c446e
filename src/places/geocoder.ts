/**
 * Toponym resolution: from a written place name and its article to one point.
 *
 * 1. Candidates: countries and their aliases first, then demonyms, regions/areas, our alias table,
 *    GeoNames cities, US counties ("X County") and US postal places. Phrases such as "Lviv region",
 *    "Rapides Parish" or "Springfield, Ill." are split into a head and a qualifier.
 * 2. A prior per candidate: a country or a curated alias beats a same-named town ("Poland" the
 *    country, not Poland, Maine); cities rank by log population plus a capital bonus.
 * 3. Document context, recomputed twice: the share of the article's place evidence in each country
 *    and first-level region (from country/state/demonym words anywhere in the text, the dateline, and
 *    the other toponyms' current picks), and proximity to the other toponyms' picks.
 * Every step is a Map lookup or a pass over a short candidate list, so cost is O(1) per mention.
 */
import { distanceKm, nameKey } from './normalize.js';
import { gazetteer, type Candidate } from './gazetteer.js';

export interface ResolvedPlace extends Candidate {
  confidence: number;
}

export interface ToponymSpan {
  start: number;
  end: number;
}

export interface ResolveOptions {
  /** ISO2 of the article's dateline country, when known. */
  datelineCountry?: string | null;
  /** Country/region evidence from outside the toponyms (defaults to a scan of the text). */
  evidence?: ContextEvidence;
}

export interface ContextEvidence {
  countries: Map<string, number>;
  /** `CC.ADMIN1` → weight. */
  admin1: Map<string, number>;
}

/** Tunable weights, exported so the eval can report the configuration it scored. */
export const WEIGHTS = {
  country: 10,
  demonym: 8.5,
  area: 9,
  region: 8,
  alias: 9.5,
  countyExplicit: 9.5,
  countyBare: 0.5,
  postal: 2.2,
  capital: 2,
  admin1Seat: 1,
  admin2Seat: 0.3,
  countryShare: 3,
  admin1Share: 2.5,
  near50: 1.5,
  near150: 1,
  near400: 0.4,
  dateline: 1,
};

const COUNTY_SUFFIX = /^(.+) (county|parish|borough|co)$/;
const REGION_SUFFIX =
  /^(.+) (region|oblast|province|governorate|state|district|prefecture|territory|municipality|area|provinces|regions|oblasts|raion|krai|republic)$/;
const REGION_PREFIX = /^(?:(?:the )?(?:province|state|region|governorate|district|county|prefecture) of) (.+)$/;

interface Lookup {
  cands: Candidate[];
  /** Per-candidate prior, same order. */
  prior: number[];
}

function cityPrior(c: Candidate): number {
  let p = Math.log10(c.population + 1);
  if (c.feature === 'PPLC') p += WEIGHTS.capital;
  else if (c.feature === 'PPLA') p += WEIGHTS.admin1Seat;
  else if (c.feature === 'PPLA2') p += WEIGHTS.admin2Seat;
  return p;
}

function asRegion(c: Candidate): Candidate {
  return { ...c, precision: c.precision === 'city' ? 'region' : c.precision };
}

const lookupCache = new Map<string, Lookup>();

/** All candidates for one written name, each with its prior. Cached per surface key. */
export function lookup(surface: string): Lookup {
  const cleaned = surface.replace(/['’]s$/u, '').trim();
  const key = nameKey(cleaned);
  const cached = lookupCache.get(key);
  if (cached) return cached;
  const out: Lookup = { cands: [], prior: [] };
  const push = (c: Candidate, p: number): void => {
    out.cands.push(c);
    out.prior.push(p);
  };
  const g = gazetteer();
  if (key.length > 0) {
    const county = COUNTY_SUFFIX.exec(key);
    const region = county ? null : (REGION_SUFFIX.exec(key) ?? REGION_PREFIX.exec(key));
    if (county) {
      const base = county[1];
      for (const c of g.counties(base)) push(c, WEIGHTS.countyExplicit);
      for (const c of g.cities(base)) push(asRegion(c), cityPrior(c) - 2);
      for (const c of g.regions(base)) push(c, WEIGHTS.region - 2);
    } else if (region) {
      const base = region[1];
      for (const c of g.regions(key)) push(c, WEIGHTS.region + 1);
      for (const c of g.regions(base)) push(c, WEIGHTS.region);
      const country = g.country(base);
      if (country) push(country, WEIGHTS.country - 1);
      for (const c of g.aliases(base)) if (c.precision === 'city') push(asRegion(c), WEIGHTS.alias - 1);
      for (const c of g.cities(base)) push(asRegion(c), cityPrior(c) + (c.feature === 'PPLA' ? 2 : 0));
    } else {
      const comma = cleaned.indexOf(',');
      if (comma > 0) {
        // "Springfield, Ill.", "Paris, Texas": the head, restricted to the qualifier's country/region.
        const head = lookup(cleaned.slice(0, comma));
        const qual = lookup(cleaned.slice(comma + 1));
        const quals = qual.cands.filter((c) => c.precision === 'country' || c.precision === 'region');
        for (let i = 0; i < head.cands.length; i++) {
          const c = head.cands[i];
          const fits = quals.some((q) => q.country === c.country && (q.precision === 'country' || q.admin1 === c.admin1));
          if (fits) push(c, head.prior[i] + 5);
        }
        if (out.cands.length === 0) {
          for (let i = 0; i < head.cands.length; i++) push(head.cands[i], head.prior[i]);
        }
      }
      const country = g.country(key);
      if (country) push(country, WEIGHTS.country);
      const demonym = country ? undefined : g.demonym(key);
      if (demonym) push(demonym, WEIGHTS.demonym);
      for (const c of g.regions(key)) push(c, c.precision === 'area' ? WEIGHTS.area : WEIGHTS.region);
      for (const c of g.aliases(key)) push(c, WEIGHTS.alias);
      for (const c of g.cities(key)) push(c, cityPrior(c));
      for (const c of g.postal(key)) push(c, WEIGHTS.postal);
      for (const c of g.counties(key)) push(c, WEIGHTS.countyBare);
      if (out.cands.length === 0 && / city$/.test(key)) {
        for (const c of g.cities(key.slice(0, -5))) push(c, cityPrior(c));
      }
    }
  }
  if (lookupCache.size > 50_000) lookupCache.clear();
  lookupCache.set(key, out);
  return out;
}

// ---------------------------------------------------------------- context scan

const CAP_WORD = /[A-Z][\p{L}\p{M}'’.-]*/gu;

/**
 * Country, demonym and region words anywhere in the text, as evidence for disambiguation. One pass
 * over capitalised words, trying runs of up to four words (joined by spaces, "of", "and").
 */
export function scanEvidence(text: string): ContextEvidence {
  const countries = new Map<string, number>();
  const admin1 = new Map<string, number>();
  const g = gazetteer();
  const words: Array<{ start: number; end: number; w: string }> = [];
  for (const m of text.matchAll(CAP_WORD)) {
    const w = m[0].replace(/[.’']+$/u, '');
    if (w.length < 2) continue;
    words.push({ start: m.index, end: m.index + w.length, w });
  }
  const add = (map: Map<string, number>, k: string, v: number): void => {
    map.set(k, (map.get(k) ?? 0) + v);
  };
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const last = words[i + n - 1];
      const gap = text.slice(words[i].end, last.start);
      if (n > 1 && !/^(?:[\s-]+|\s+(?:of|and|of the)\s+|[\s\S]*?)$/.test(gap)) continue;
      if (n > 1 && /[.,;:!?()"\n]/.test(text.slice(words[i].start, last.end))) continue;
      const phrase = text.slice(words[i].start, last.end);
      const key = nameKey(phrase);
      if (key === 'us' && phrase !== 'US' && phrase !== 'U.S') continue;
      const country = g.country(key) ?? g.demonym(key);
      const regs = g.regions(key).filter((r) => r.precision === 'region');
      if (!country && regs.length === 0) continue;
      if (country?.country) add(countries, country.country, country.source === 'demonym' ? 0.5 : 1);
      for (const r of regs) {
        const w = 1 / (regs.length + (country ? 1 : 0));
        if (r.country) add(countries, r.country, w);
        if (r.country && r.admin1) add(admin1, `${r.country}.${r.admin1}`, w);
      }
      i += n - 1;
      break;
    }
  }
  return { countries, admin1 };
}

// ---------------------------------------------------------------- resolution

function share(map: Map<string, number>, total: number, key: string | null | undefined): number {
  if (!key || total <= 0) return 0;
  return (map.get(key) ?? 0) / total;
}

/**
 * Resolve every toponym span of one article jointly. Returns one place (or null when the name is
 * unknown) per input span, in order.
 */
export function resolveToponyms(text: string, spans: readonly ToponymSpan[], options: ResolveOptions = {}): Array<ResolvedPlace | null> {
  const lookups = spans.map((s) => lookup(text.slice(s.start, s.end)));
  const keys = spans.map((s) => nameKey(text.slice(s.start, s.end)));
  const base = options.evidence ?? scanEvidence(text);
  let picks: number[] = lookups.map((l) => argmax(l.prior));

  for (let round = 0; round < 3; round++) {
    // Evidence: the text scan plus the current picks.
    const countries = new Map(base.countries);
    const admin1 = new Map(base.admin1);
    if (options.datelineCountry) countries.set(options.datelineCountry, (countries.get(options.datelineCountry) ?? 0) + 2);
    for (let i = 0; i < spans.length; i++) {
      const c = lookups[i].cands[picks[i]];
      if (!c?.country) continue;
      countries.set(c.country, (countries.get(c.country) ?? 0) + 1);
      if (c.admin1) admin1.set(`${c.country}.${c.admin1}`, (admin1.get(`${c.country}.${c.admin1}`) ?? 0) + 1);
    }
    const cTotal = sum(countries);
    const aTotal = sum(admin1);
    // Points of the other toponyms, for proximity (local places only).
    const points: Array<{ key: string; lat: number; lon: number }> = [];
    for (let i = 0; i < spans.length; i++) {
      const c = lookups[i].cands[picks[i]];
      if (c && (c.precision === 'city' || c.precision === 'region') && c.source !== 'region') {
        points.push({ key: keys[i], lat: c.lat, lon: c.lon });
      }
    }
    const next: number[] = [];
    const memo = new Map<string, number>();
    for (let i = 0; i < spans.length; i++) {
      const memoHit = memo.get(keys[i]);
      if (memoHit !== undefined) {
        next.push(memoHit);
        continue;
      }
      const l = lookups[i];
      let best = -1;
      let bestScore = -Infinity;
      for (let j = 0; j < l.cands.length; j++) {
        const s = contextScore(l.cands[j], l.prior[j], keys[i], countries, cTotal, admin1, aTotal, points, options);
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      }
      memo.set(keys[i], best);
      next.push(best);
    }
    picks = next;
  }

  // Final scores for confidence.
  return spans.map((_, i) => {
    const l = lookups[i];
    const c = l.cands[picks[i]];
    if (!c) return null;
    const sorted = [...l.prior].sort((a, b) => b - a);
    const margin = sorted.length > 1 ? l.prior[picks[i]] - sorted[1] : 3;
    const confidence = Math.round(Math.max(0.3, Math.min(0.99, 1 / (1 + Math.exp(-margin)))) * 100) / 100;
    return { ...c, confidence };
  });
}

function contextScore(
  c: Candidate,
  prior: number,
  key: string,
  countries: Map<string, number>,
  cTotal: number,
  admin1: Map<string, number>,
  aTotal: number,
  points: Array<{ key: string; lat: number; lon: number }>,
  options: ResolveOptions,
): number {
  let s = prior;
  s += WEIGHTS.countryShare * share(countries, cTotal, c.country);
  if (c.admin1 && c.country) s += WEIGHTS.admin1Share * share(admin1, aTotal, `${c.country}.${c.admin1}`);
  if (options.datelineCountry && c.country === options.datelineCountry) s += WEIGHTS.dateline;
  if (c.precision === 'city' || c.precision === 'region') {
    let nearest = Infinity;
    for (const p of points) {
      if (p.key === key) continue;
      const d = distanceKm(c.lat, c.lon, p.lat, p.lon);
      if (d < nearest) nearest = d;
    }
    if (nearest <= 50) s += WEIGHTS.near50;
    else if (nearest <= 150) s += WEIGHTS.near150;
    else if (nearest <= 400) s += WEIGHTS.near400;
  }
  return s;
}

function argmax(xs: readonly number[]): number {
  let best = -1;
  let v = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > v) {
      v = xs[i];
      best = i;
    }
  }
  return best;
}

function sum(map: Map<string, number>): number {
  let t = 0;
  for (const v of map.values()) t += v;
  return t;
}
