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
import { countries as countryTable } from './countries.js';
import { gazetteer, type Candidate } from './gazetteer.js';
import { regions as regionTable } from './regions.js';
import { nextSpans } from './next-span.js';
import { WEIGHTS } from './geocoder-weights.js';
import { rejectMisfits } from './contained-misfit.js';
import { listRegions } from './list-regions.js';
import { asQualifier, baseKey, containerOf, isQualifier, pairQualified, qualifierCandidate, STATE_WORD, withStateName } from './qualifier.js';

export { WEIGHTS } from './geocoder-weights.js';
export { qualifierCandidate } from './qualifier.js';

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
  /**
   * Give names the gazetteer lacks the point of the article's most-mentioned local place, at 'area'
   * precision, confidence 0.2 and source 'focus' (default off).
   */
  focusFallback?: boolean;
  /** Country/region evidence from outside the toponyms (defaults to a scan of the text). */
  evidence?: ContextEvidence;
}

export interface ContextEvidence {
  countries: Map<string, number>;
  /** `CC.ADMIN1` → weight. */
  admin1: Map<string, number>;
}

const COUNTY_SUFFIX = /^(.+) (county|parish|borough|co)$/;
const REGION_SUFFIX =
  /^(.+) (region|oblast|province|governorate|state|district|prefecture|territory|municipality|area|provinces|regions|oblasts|raion|krai|republic)$/;
const REGION_PREFIX = /^(?:(?:the )?(?:province|state|region|governorate|district|county|prefecture) of) (.+)$/;

export interface Lookup {
  cands: Candidate[];
  /** Per-candidate prior, same order. */
  prior: number[];
}

function cityPrior(c: Candidate): number {
  let p = WEIGHTS.popScale * Math.log10(c.population + 1);
  if (c.feature === 'PPLC') p += WEIGHTS.capital;
  else if (c.feature === 'PPLA') p += WEIGHTS.admin1Seat;
  else if (c.feature === 'PPLA2') p += WEIGHTS.admin2Seat;
  return p;
}

function asRegion(c: Candidate): Candidate {
  return { ...c, precision: c.precision === 'city' ? 'region' : c.precision };
}

const lookupCache = new Map<string, Lookup>();

/** Forget cached lookups (after changing WEIGHTS, e.g. when tuning). */
export function clearLookupCache(): void {
  lookupCache.clear();
}

const GENERIC = new Set([
  'city', 'county', 'state', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'new', 'saint', 'university', 'hotel', 'court', 'district', 'river', 'lake', 'mount', 'national', 'international',
  'church', 'of', 'and', 'upper', 'lower', 'great', 'little', 'old', 'royal', 'general', 'hospital', 'school', 'council',
  'office', 'department', 'police', 'airport', 'station', 'park', 'street', 'road', 'bridge', 'centre', 'center',
]);

/**
 * A longer name that the gazetteer lacks ("Walker County Sheriff's Office", "East Yorkshire",
 * "Nenagh Municipal District", "Nazi Germany"): the longest, leftmost run of its words that is a known
 * place, at a slightly lower prior.
 */
/** Words that make a name a building, site or institution rather than a settlement. */
const FACILITY =
  /\b(?:embassy|consulate|ministry|government|parliament|mall|centre|center|hospital|castle|chapel|church|cathedral|stadium|arena|school|university|college|hall|hotel|airport|museum|bridge|station|prison|jail|courthouse|library|theatre|theater|palace|tower|building|cottage|lagoon|reserve|campus|clinic|restaurant|village|market|field|farm|plaza|square)\b/i;
/** A street, road or block ("Wayne Avenue", "Elm Avenue"): never a settlement, whatever word heads it. */
/** "Lake Victoria", "Mount Hood", "Gulf of Mexico": the name after the feature word is no place of its own. */
const FEATURE_FIRST = /^(?:Lake|Mount|Mt\.?|River|Gulf of|Bay of|Sea of|Strait of|Cape)\s/;
const STREET = /\s(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|drive|lane|highway|parkway|pike|terrace|crossing|expressway|freeway|turnpike|block)$/i;
const GOVERNMENT = /\b(?:ministry|government|parliament|foreign office|interior ministry|defen[cs]e ministry)\b/i;
const MISSION = /\b(?:embassy|consulate|mission)\b/i;

function subPhrases(cleaned: string, push: (c: Candidate, p: number) => void): void {
  const words = cleaned.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 8) return;
  const facility = FACILITY.test(cleaned);
  // "Little Italy", "Little Portugal", "Little Havana": a neighbourhood named after the place, not in it.
  const namedAfter = words[0] === 'Little' || words[0] === 'New';
  for (let n = words.length - 1; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const sub = words.slice(i, i + n).join(' ');
      const key = nameKey(sub.replace(/['’]s$/u, ''));
      if (key.length < 3 || GENERIC.has(key) || !/^\p{Lu}/u.test(sub)) continue;
      const found = lookup(sub);
      // Strong readings of any part (a country, region, area, alias, county, or a city of 50k+);
      // a small town only when it heads the name and the rest is generic ("Madison Township").
      const rest = words.slice(i + n).map((w) => nameKey(w));
      const head = i === 0 && rest.every((w) => GENERIC.has(w) || w === 'township' || w === 'village' || w === 'town');
      let strong = found.cands
        .map((c, j) => ({ c, p: found.prior[j] }))
        .filter(({ c }) => head || (c.source !== 'postal' && c.source !== 'city') || c.population >= 50_000)
        .filter(({ c, p }) => c.source !== 'county' || p >= WEIGHTS.countyExplicit);
      if (facility) {
        // A building or institution: a "Russian Foreign Ministry" is in the capital; an embassy is
        // abroad by definition and a "Mall of Asia" is somewhere in Asia, so a country or wider area
        // alone places neither; a possessive ("St George's Chapel", "Eva's Village") names a person,
        // and a small town heading a venue's name ("Rogers Centre") is most often a sponsor.
        if (/['’]s$/u.test(sub) && n === 1) continue;
        const nation = strong.filter(({ c }) => c.source === 'country' || c.source === 'demonym');
        if (nation.length > 0 && GOVERNMENT.test(cleaned) && !MISSION.test(cleaned)) {
          const cap = nation[0].c.country ? gazetteer().capital(nation[0].c.country) : undefined;
          if (cap) {
            push(cap, nation[0].p - 1);
            return;
          }
        }
        strong = strong.filter(
          ({ c }) => c.source !== 'country' && c.source !== 'demonym' && c.source !== 'area' && c.source !== 'postal' && (c.source !== 'city' || c.population >= 50_000),
        );
      }
      if (namedAfter && i === 1) continue;
      if (strong.length === 0) continue;
      for (const { c, p } of strong) push(c, p - 1);
      return;
    }
  }
}

function inhabitantBases(key: string): string[] {
  const w = key.endsWith('s') ? key.slice(0, -1) : key;
  const out: string[] = [];
  if (w.endsWith('ian')) out.push(`${w.slice(0, -3)}io`, `${w.slice(0, -3)}ia`, w.slice(0, -3), `${w.slice(0, -3)}y`);
  if (w.endsWith('an')) out.push(w.slice(0, -1), w.slice(0, -2), `${w.slice(0, -1)}s`, `${w.slice(0, -2)}o`);
  if (w.endsWith('er')) out.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ite')) out.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  return out.filter((b) => b.length >= 3);
}

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
    const township = / (township|twp)$/.exec(key);
    if (township && !county && !region) {
      // "Washington Township", "Madison Township": a civil division the city list lacks, named after
      // some town or person. Never the capital, a country or the big namesake city: only a place
      // listed under the whole name, otherwise unknown (so the fallback puts it by its neighbours).
      for (const c of g.cities(key)) push(c, cityPrior(c));
      if (lookupCache.size >= 5_000) lookupCache.clear();
      lookupCache.set(key, out);
      return out;
    }
    // Exact names first, whatever the phrase looks like ("Czech Republic", "Northern Territory").
    const country = g.country(key);
    if (country) push(country, WEIGHTS.country);
    const demonym = country ? undefined : g.demonym(key);
    if (demonym) push(demonym, WEIGHTS.demonym);
    for (const c of g.regions(key)) push(c, c.precision === 'area' ? WEIGHTS.area : WEIGHTS.region);
    // A district or landmark from our table (an explicit point at city precision or finer: Fulham,
    // Westminster, Soho) is a weaker preference than a curated spelling: a namesake town of some
    // size wins it back with context (Westminster, Colorado in a Denver story).
    for (const c of g.aliases(key)) push(c, c.geonameid === undefined && c.precision !== 'area' && c.precision !== 'region' ? WEIGHTS.district : WEIGHTS.alias);
    if (county) {
      const base = county[1];
      for (const c of g.counties(base)) push(c, WEIGHTS.countyExplicit);
      for (const c of g.cities(base)) push(asRegion(c), cityPrior(c) - 2);
      for (const c of g.regions(base)) push(c, WEIGHTS.region - 2);
    } else if (region) {
      const base = region[1];
      for (const c of g.regions(base)) push(c, WEIGHTS.region);
      const baseCountry = g.country(base);
      if (baseCountry) push(baseCountry, WEIGHTS.country - 1);
      for (const c of g.aliases(base)) if (c.precision === 'city') push(asRegion(c), WEIGHTS.alias - 1);
      for (const c of g.cities(base)) push(asRegion(c), cityPrior(c) + (c.feature === 'PPLA' ? 2 : 0));
    } else {
      const comma = cleaned.indexOf(',');
      if (comma > 0) {
        // "Springfield, Ill.", "Paris, Texas": the head, restricted to the qualifier's country/region.
        const head = lookup(cleaned.slice(0, comma));
        const qual = lookup(cleaned.slice(comma + 1));
        const qualKey = nameKey(cleaned.slice(comma + 1));
        const quals = qual.cands.filter((c) => qualifierCandidate(c, qualKey));
        for (let i = 0; i < head.cands.length; i++) {
          const c = head.cands[i];
          const fits = quals.some((q) => q.country === c.country && (q.precision === 'country' || q.admin1 === c.admin1));
          if (fits) push(c, head.prior[i] + 5);
        }
      }
      for (const c of g.cities(key)) push(c, cityPrior(c));
      for (const c of g.postal(key)) push(c, WEIGHTS.postal);
      for (const c of g.counties(key)) push(c, WEIGHTS.countyBare);
      if (out.cands.length === 0 && / city$/.test(key)) {
        for (const c of g.cities(key.slice(0, -5))) push(c, cityPrior(c));
      }
      // "Lake Victoria" is not Victoria, Australia (issue 11: fragments of multi-word names are no
      // places). A name ending in its feature word keeps its parts ("Tijuana River", "Delaware Bay":
      // named after the town or state on it, within 161 km of it in LGL and GeoWebNews).
      if (out.cands.length === 0 && !STREET.test(cleaned) && !FEATURE_FIRST.test(cleaned)) subPhrases(cleaned, push);
      if (out.cands.length === 0) {
        // Inhabitant words: "Ohioans", "Texan", "Londoners", "New Yorker" → the place, big ones only.
        for (const base of inhabitantBases(key)) {
          for (const c of g.regions(base)) push(c, WEIGHTS.region - 1);
          for (const c of g.cities(base)) if (c.population >= 100_000) push(c, cityPrior(c) - 1);
          if (out.cands.length > 0) break;
        }
      }
    }
  }
  if (lookupCache.size >= 5_000) lookupCache.clear();
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
  const starters = multiWordStarters();
  const abbreviations = abbreviationKeys();
  const words: Array<{ start: number; end: number; w: string }> = [];
  for (const m of text.matchAll(CAP_WORD)) {
    // "I'll", "Don't" are no words of a place; "Ohio's" is Ohio.
    if (CONTRACTION.test(m[0])) continue;
    const w = m[0].replace(/['’]s$/u, '').replace(/[.’']+$/u, '');
    if (w.length < 2) continue;
    words.push({ start: m.index, end: m.index + w.length, w });
  }
  const add = (map: Map<string, number>, k: string, v: number): void => {
    map.set(k, (map.get(k) ?? 0) + v);
  };
  const credit = (key: string, phrase: string): boolean => {
    if (key === 'us' && phrase !== 'US' && phrase !== 'U.S') return false;
    // Names that are as often a person, a firm or a word ("John Kerry", "SWAT", "Berkshire
    // Hathaway", "Champagne") are no evidence on their own; as toponyms they still resolve.
    if (WEAK_EVIDENCE.has(key) || (phrase.length >= 4 && phrase === phrase.toUpperCase() && /^[A-Z]+$/.test(phrase))) return false;
    const country = g.country(key) ?? g.demonym(key);
    const regs = g.regions(key).filter((r) => r.precision === 'region');
    if (!country && regs.length === 0) return false;
    if (country?.country) add(countries, country.country, country.source === 'demonym' ? 0.5 : 1);
    for (const r of regs) {
      const w = 1 / (regs.length + (country ? 1 : 0));
      if (r.country) add(countries, r.country, w);
      if (r.country && r.admin1) add(admin1, `${r.country}.${r.admin1}`, w);
    }
    return true;
  };
  for (let i = 0; i < words.length; i++) {
    const first = nameKey(words[i].w);
    let taken = 0;
    if (starters.has(first)) {
      // Longest run first: words joined by spaces, hyphens, "of", "and" ("Democratic Republic of Congo").
      let n = 1;
      while (n < 4 && i + n < words.length && JOIN.test(text.slice(words[i + n - 1].end, words[i + n].start))) n++;
      for (; n >= 2; n--) {
        const phrase = text.slice(words[i].start, words[i + n - 1].end);
        if (credit(nameKey(phrase), phrase)) {
          taken = n;
          break;
        }
      }
    }
    // An abbreviation counts only with its period ("Ill." is Illinois, "Miss", "Mass" and "Cal" are not).
    if (taken === 0 && (!abbreviations.has(first) || text[words[i].end] === '.') && credit(first, words[i].w)) taken = 1;
    if (taken > 1) i += taken - 1;
  }
  return { countries, admin1 };
}

const WEAK_EVIDENCE = new Set([
  'kerry', 'clare', 'mayo', 'monaghan', 'flores', 'champagne', 'lorraine', 'burgundy', 'reunion', 'berkshire', 'cheshire',
  'highlands', 'lazio', 'aragon', 'brandenburg', 'navarre', 'navarra', 'rizal', 'sulu', 'marche', 'midlands', 'swat',
  'delta', 'plateau', 'rivers', 'para', 'afar', 'isan', 'riviera', 'crete', 'timor', 'laguna', 'somerset', 'dorset',
]);

const CONTRACTION = /['’](?:ll|m|re|ve|d|t)$/i;

let abbreviationSet: Set<string> | null = null;

/** Keys of region names written as abbreviations with a final period ("Ill.", "Calif.", "Ga."). */
function abbreviationKeys(): Set<string> {
  if (abbreviationSet) return abbreviationSet;
  abbreviationSet = new Set();
  for (const r of regionTable()) for (const n of r.names) if (/^[A-Z][a-z]{1,4}\.$/.test(n)) abbreviationSet.add(nameKey(n));
  return abbreviationSet;
}

const JOIN = /^(?:[ \t-]|[ \t]+(?:of|and|of the)[ \t]+)$/;

let starterSet: Set<string> | null = null;

/** First words of the multi-word country, demonym and region names ("united", "south", "new"). */
function multiWordStarters(): Set<string> {
  if (starterSet) return starterSet;
  starterSet = new Set();
  const names: string[] = [];
  for (const c of countryTable()) names.push(...c.names, ...c.demonyms);
  for (const r of regionTable()) names.push(...r.names);
  for (const n of names) {
    const key = nameKey(n);
    const sp = key.indexOf(' ');
    if (sp > 0) starterSet.add(key.slice(0, sp));
  }
  return starterSet;
}

// ---------------------------------------------------------------- resolution

const COUNTY_AFTER = /^\s+(County|Parish|Borough|Township)\b/;
const COUNTIES_AFTER = /^(?:(?:\s*,\s*|\s*,?\s+and\s+|\s*&\s*)[A-Z][\p{L}.'’-]+(?:\s[A-Z][\p{L}.'’-]+)?)*,?\s+(counties|parishes|townships)\b/u;

/**
 * The phrase to look up for a span: the span's text, plus "County" ("Township", …) when the text goes on with
 * "County" or the name heads a list that ends in "counties" ("Camden, Charlton and Nassau counties").
 */
function phraseOf(text: string, span: ToponymSpan): string {
  const surface = text.slice(span.start, span.end);
  if (/ (county|parish|borough|township)$/i.test(surface)) return surface;
  const after = text.slice(span.end, span.end + 120);
  const one = COUNTY_AFTER.exec(after);
  if (one) return `${surface} ${one[1]}`;
  const list = COUNTIES_AFTER.exec(after);
  if (list) return `${surface} ${list[1] === 'parishes' ? 'Parish' : list[1] === 'townships' ? 'Township' : 'County'}`;
  return surface;
}

/**
 * Confidence of a pick: a logistic of its prior's margin over the best rival that lies elsewhere
 * (more than 50 km away; the same city found as a name and as an alias is no rival).
 */
export function confidenceOf(l: Lookup, pick: number): number {
  const c = l.cands[pick];
  let rival = -Infinity;
  for (let j = 0; j < l.cands.length; j++) {
    if (j === pick || l.prior[j] <= rival) continue;
    const d = l.cands[j];
    if (distanceKm(c.lat, c.lon, d.lat, d.lon) <= 50) continue;
    rival = l.prior[j];
  }
  const margin = Number.isFinite(rival) ? l.prior[pick] - rival : 4;
  return Math.round(Math.max(0.3, Math.min(0.99, 1 / (1 + Math.exp(-margin)))) * 100) / 100;
}

/** How close two candidate points are, as a coherence reward. */
function closeness(km: number): number {
  if (km <= 50) return WEIGHTS.near50;
  if (km <= 150) return WEIGHTS.near150;
  if (km <= 400) return WEIGHTS.near400;
  return 0;
}

const COHERENCE_CANDIDATES = 25;
const MAX_PARTNERS = 24;

/**
 * Resolve every toponym span of one article jointly. Returns one place (or null when the name is
 * unknown) per input span, in order.
 */
export function resolveToponyms(text: string, spans: readonly ToponymSpan[], options: ResolveOptions = {}): Array<ResolvedPlace | null> {
  // Work per distinct name: "Alexandria" ×4 is one decision with four mentions.
  const phrases = spans.map((s) => phraseOf(text, s));
  const qualifier = spans.map((s) => isQualifier(text, s));
  // "Washington state", "New York State": the state, which our region table may list only under that name.
  const stated = spans.map((s) => STATE_WORD.test(text.slice(s.end, s.end + 8)));
  const keyOf = phrases.map((p, i) => nameKey(p.replace(/['’]s$/u, '')) + (stated[i] ? '|s' : qualifier[i] ? '|q' : ''));
  const lookups = new Map<string, Lookup>();
  phrases.forEach((p, i) => {
    if (lookups.has(keyOf[i])) return;
    const l = stated[i] ? withStateName(lookup(p), p) : lookup(p);
    lookups.set(keyOf[i], qualifier[i] ? asQualifier(l) : l);
  });
  const next = nextSpans(spans);
  // "Washington, Oregon and California": a list of states, each the state (before any pairing).
  listRegions(text, spans, next, keyOf, lookups);
  pairQualified(text, spans, next, keyOf, lookups);
  const distinct = [...new Set(keyOf)];
  const mentions = new Map<string, number>();
  for (const k of keyOf) mentions.set(k, (mentions.get(k) ?? 0) + 1);
  const base = options.evidence ?? scanEvidence(text);

  // Coherence: a candidate is rewarded when some candidate of another name lies near it
  // ("Athens" and "Clarke County" both in Georgia). Computed once, over each name's top candidates.
  const top = new Map<string, number[]>();
  for (const k of distinct) {
    const l = lookups.get(k) as Lookup;
    const order = l.cands.map((_, j) => j).sort((a, b) => l.prior[b] - l.prior[a]);
    top.set(k, order.slice(0, COHERENCE_CANDIDATES));
  }
  // Partners for coherence: the most-mentioned names only, so cost stays bounded in long articles.
  const partners = [...distinct].sort((a, b) => (mentions.get(b) as number) - (mentions.get(a) as number)).slice(0, MAX_PARTNERS);
  const coherence = new Map<string, Float64Array>();
  for (const k of distinct) {
    const l = lookups.get(k) as Lookup;
    const arr = new Float64Array(l.cands.length);
    for (const j of top.get(k) as number[]) {
      const c = l.cands[j];
      if (c.precision !== 'city' && c.precision !== 'region') continue;
      let total = 0;
      for (const k2 of partners) {
        if (baseKey(k2) === baseKey(k)) continue;
        const l2 = lookups.get(k2) as Lookup;
        let best = 0;
        const top2 = top.get(k2) as number[];
        const max2 = top2.length ? l2.prior[top2[0]] : 0;
        for (const j2 of top2) {
          const d = l2.cands[j2];
          if (d.precision !== 'city' && d.precision !== 'region') continue;
          if (d.source === 'region' && c.source === 'region') continue;
          const v = closeness(distanceKm(c.lat, c.lon, d.lat, d.lon)) * Math.exp((l2.prior[j2] - max2) / WEIGHTS.coherenceTemperature);
          if (v > best) best = v;
        }
        total += best;
      }
      arr[j] = Math.min(WEIGHTS.coherenceCap, total);
    }
    coherence.set(k, arr);
  }

  let picks = new Map<string, number>(distinct.map((k) => [k, argmax((lookups.get(k) as Lookup).prior)]));
  // Each candidate's score in the last round: the pick's margin over its best rival is its confidence.
  const scores = new Map<string, Float64Array>();
  for (let round = 0; round < 3; round++) {
    // Evidence: the text scan plus the other names' current picks (never a name's own pick).
    const countries = new Map(base.countries);
    const admin1 = new Map(base.admin1);
    if (options.datelineCountry) countries.set(options.datelineCountry, (countries.get(options.datelineCountry) ?? 0) + 2);
    // What each name (all its keys: "Paris" and "Paris" as a qualifier are one name) adds.
    const own = new Map<string, { countries: Map<string, number>; admin1: Map<string, number>; w: number; aw: number }>();
    for (const k of distinct) {
      const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
      if (!c?.country) continue;
      const w = Math.min(2, mentions.get(k) as number) * WEIGHTS.pickEvidence;
      countries.set(c.country, (countries.get(c.country) ?? 0) + w);
      const a = c.admin1 ? `${c.country}.${c.admin1}` : undefined;
      // A metropolis is news everywhere: it says little about which state an article is local to.
      const aw = c.population >= WEIGHTS.metropolis ? w * WEIGHTS.metropolisAdmin : w;
      if (a) admin1.set(a, (admin1.get(a) ?? 0) + aw);
      const b = baseKey(k);
      let o = own.get(b);
      if (!o) own.set(b, (o = { countries: new Map(), admin1: new Map(), w: 0, aw: 0 }));
      o.countries.set(c.country, (o.countries.get(c.country) ?? 0) + w);
      o.w += w;
      if (a) {
        o.admin1.set(a, (o.admin1.get(a) ?? 0) + aw);
        o.aw += aw;
      }
    }
    const cTotal = sum(countries);
    const aTotal = sum(admin1);
    const next = new Map<string, number>();
    for (const k of distinct) {
      const l = lookups.get(k) as Lookup;
      const mine = own.get(baseKey(k));
      const coh = coherence.get(k) as Float64Array;
      let best = -1;
      let bestScore = -Infinity;
      const sc = new Float64Array(l.cands.length);
      scores.set(k, sc);
      for (let j = 0; j < l.cands.length; j++) {
        const c = l.cands[j];
        let s = l.prior[j] + coh[j];
        if (c.country) {
          const cw = (countries.get(c.country) ?? 0) - (mine?.countries.get(c.country) ?? 0);
          const ct = cTotal - (mine?.w ?? 0);
          if (ct > 0) s += (WEIGHTS.countryShare * cw) / Math.max(ct, WEIGHTS.countryFloor);
          if (c.admin1) {
            const a = `${c.country}.${c.admin1}`;
            const aw = (admin1.get(a) ?? 0) - (mine?.admin1.get(a) ?? 0);
            const at = aTotal - (mine?.aw ?? 0);
            if (at > 0) s += (WEIGHTS.admin1Share * aw) / Math.max(at, WEIGHTS.admin1Floor);
          }
          if (options.datelineCountry && c.country === options.datelineCountry) s += WEIGHTS.dateline;
        }
        sc[j] = s;
        if (s > bestScore) {
          bestScore = s;
          best = j;
        }
      }
      next.set(k, best);
    }
    picks = next;
  }

  // The article's focus: its most-mentioned local place. A name the gazetteer lacks ("Anfield",
  // "Craven Cottage", a village) is most likely near it; it gets that point at 'area' precision and
  // a low confidence, marked as a fallback, when the caller allows it. Ties go to the place whose
  // country has more evidence in the article ("Dublin" ×3 over "London" ×3 in an Irish story).
  let focus: Candidate | null = null;
  // "Sherpur area of Kabul city", "Notre Dame cathedral in Paris": the text's own container wins.
  rejectMisfits(text, spans, next, keyOf, lookups, picks);
  const finalCountries = new Map(base.countries);
  for (const k of distinct) {
    const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
    if (c?.country) finalCountries.set(c.country, (finalCountries.get(c.country) ?? 0) + (mentions.get(k) as number));
  }
  // A small town abroad that nothing else in the article supports, in an article plainly about
  // another country, is a name the gazetteer lacks that happens to match it ("Glenrock" in a story
  // from New South Wales is not Glenrock, Wyoming; "Fulham" among English clubs is not Fulham, South
  // Australia): it becomes unknown, so the fallback (when allowed) places it instead.
  for (const k of distinct) {
    const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
    if (!c?.country || (c.source !== 'city' && c.source !== 'postal') || c.population >= WEIGHTS.rejectPopulation) continue;
    // Its country's weight without this name's own mentions, against the strongest other country.
    const support = (finalCountries.get(c.country) ?? 0) - (mentions.get(k) as number);
    let other = 0;
    for (const [cc, v] of finalCountries) if (cc !== c.country && v > other) other = v;
    if (support < WEIGHTS.rejectSupport && other >= WEIGHTS.rejectDominant) {
      picks.set(k, -1);
      finalCountries.set(c.country, support);
    }
  }
  rejectOtherState(distinct, lookups, picks, mentions, base.admin1);
  if (options.focusFallback) {
    let focusScore = 0;
    for (const k of distinct) {
      const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
      if (!c || (c.precision !== 'city' && c.precision !== 'region') || c.source === 'region') continue;
      const countryWeight = c.country ? (finalCountries.get(c.country) ?? 0) : 0;
      const score = (mentions.get(k) as number) + Math.log10(c.population + 1) / 10 + WEIGHTS.focusCountry * Math.log1p(countryWeight);
      if (score > focusScore) {
        focusScore = score;
        focus = c;
      }
    }
  }

  const out: Array<ResolvedPlace | null> = spans.map((_, i) => {
    const l = lookups.get(keyOf[i]) as Lookup;
    const pick = picks.get(keyOf[i]) as number;
    const c = l.cands[pick];
    if (!c) return null;
    const confidence = confidenceOf({ cands: l.cands, prior: [...(scores.get(keyOf[i]) ?? l.prior)] }, pick);
    return { ...c, confidence };
  });
  if (options.focusFallback) {
    // A name the gazetteer lacks takes the nearest resolved town of its own sentence first
    // ("at Rathbeggan, near Dunshaughlin", "at Dublin venue No 25, Fitzwilliam Place"), then the focus.
    /** Whether the rest of the article (without span j's own name) supports the country of its place. */
    const supported = (r: ResolvedPlace, j: number): boolean => {
      const own = mentions.get(keyOf[j]) ?? 0;
      return r.country !== null && (finalCountries.get(r.country) ?? 0) - own >= WEIGHTS.localSupport;
    };
    // No town to fall back on: the article's best-supported country.
    let countryPick: Candidate | null | undefined;
    const countryFocus = (): Candidate | null => {
      if (countryPick !== undefined) return countryPick;
      let code: string | null = null;
      let w = 0;
      for (const [cc, v] of finalCountries) {
        if (v > w) {
          w = v;
          code = cc;
        }
      }
      countryPick = code ? (gazetteer().countryPoint(code) ?? null) : null;
      return countryPick;
    };
    const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
    for (let oi = 0; oi < order.length; oi++) {
      const i = order[oi];
      if (out[i]) continue;
      const s = spans[i];
      const from = sentenceStart(text, s.start);
      const to = sentenceEnd(text, s.end);
      let local: ResolvedPlace | null = null;
      let localGap = Infinity;
      for (const dir of [-1, 1]) {
        for (let oj = oi + dir; oj >= 0 && oj < order.length; oj += dir) {
          const t = spans[order[oj]];
          if (t.start < from || t.end > to) break;
          const r = out[order[oj]];
          if (!r || r.source === 'focus' || r.precision !== 'city') continue;
          // Only a town in the focus's own region, or in a country the rest of the article supports:
          // a sentence may list far-apart places.
          if (focus && (r.country === focus.country ? r.admin1 !== focus.admin1 : !supported(r, order[oj]))) continue;
          const gap = dir < 0 ? s.start - t.end : t.start - s.end;
          if (gap < localGap) {
            localGap = gap;
            local = r;
          }
          break;
        }
      }
      // "Basra in southern Iraq": the text's own container comes first.
      const inside = containerOf(text, spans, next, i);
      const container = inside >= 0 ? out[inside] : null;
      const anchor = (container && container.source !== 'focus' ? container : null) ?? local ?? focus ?? countryFocus();
      if (!anchor) continue;
      out[i] = { ...anchor, precision: 'area', geonameid: undefined, source: 'focus', confidence: WEIGHTS.focusConfidence };
    }
  }
  return out;
}

/** Countries whose local news names its state ("Dayton, Ohio"), so one state can plainly be the article's. */
const LOCAL_STATES = new Set(['US']);

/**
 * A small town in another state than the one the article is plainly local to, that nothing else in
 * the article supports ("Ensley" in a Birmingham, Alabama story is not Ensley, Florida): it becomes
 * unknown, as a small town abroad does, so the fallback puts it by the article's own places. Only in
 * US news, and only when one other state holds most of the article's state evidence (LGL dev: 84.0 →
 * 85.1 Acc@161; Kenyan counties and multi-state stories are left alone).
 */
function rejectOtherState(
  distinct: readonly string[],
  lookups: ReadonlyMap<string, Lookup>,
  picks: Map<string, number>,
  mentions: ReadonlyMap<string, number>,
  evidence: ReadonlyMap<string, number>,
): void {
  const states = new Map(evidence);
  for (const k of distinct) {
    const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
    if (c?.country && c.admin1) states.set(`${c.country}.${c.admin1}`, (states.get(`${c.country}.${c.admin1}`) ?? 0) + (mentions.get(k) as number));
  }
  for (const k of distinct) {
    const c = (lookups.get(k) as Lookup).cands[picks.get(k) as number];
    if (!c?.country || !c.admin1 || !LOCAL_STATES.has(c.country) || (c.source !== 'city' && c.source !== 'postal')) continue;
    // A city found inside a longer name ("Miami Valley Hospital") is rejected whatever its size.
    const whole = baseKey(k);
    const own = nameKey(c.name);
    const fragment = whole !== own && whole.includes(own) && whole.split(' ').length > own.split(' ').length;
    if (c.population >= WEIGHTS.rejectPopulation && !fragment) continue;
    const mine = `${c.country}.${c.admin1}`;
    const support = (states.get(mine) ?? 0) - (mentions.get(k) as number);
    let other = 0;
    let total = 0;
    for (const [a, v] of states) {
      if (a === mine || !a.startsWith(`${c.country}.`)) continue;
      total += v;
      if (v > other) other = v;
    }
    if (support < WEIGHTS.rejectSupport && other >= WEIGHTS.rejectDominant && other >= WEIGHTS.stateDominantShare * total) picks.set(k, -1);
  }
}

const SENTENCE_END = /[.!?]["”’')\]]*\s+(?=["“‘([]?\p{Lu})|\n/gu;

/** Start of the sentence holding `at` (a light splitter: . ! ? before a capital, or a newline). */
function sentenceStart(text: string, at: number): number {
  const lo = Math.max(0, at - 400);
  let start = lo;
  SENTENCE_END.lastIndex = lo;
  for (let m = SENTENCE_END.exec(text); m && m.index < at; m = SENTENCE_END.exec(text)) start = m.index + m[0].length;
  return start;
}

function sentenceEnd(text: string, at: number): number {
  SENTENCE_END.lastIndex = at;
  const m = SENTENCE_END.exec(text);
  return m && m.index < at + 400 ? m.index : Math.min(text.length, at + 400);
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
