/**
 * `quantities`: counts with what they count, a hedge, the role their governing verb gives them and
 * the claimant who stated them. "Ukraine's air force said Russia launched 476 drones" →
 * {value 476, unit drones, role launched, claimant air force}. Coordinated counts of the same kind
 * of thing under one verb are also composed ("Five members of Hamas and a member of Qatar's
 * Internal Security Force were killed" → 6 killed, parts [5, 1]).
 *
 * Not counts: years, dates, clock times, ordinals, ages in apposition, model numbers ("F-16s",
 * "Article 33") and durations ("five-hour", "four hours"), which belong to the time layer.
 */
import type { Article, Span } from '../core/article.js';
import type { Layers, Quantity, Quote, SpeakerRef } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { MONTHS } from '../quotes/lexicon.js';
import { sharedTokens, type Tok } from '../quotes/tokens.js';
import { CURRENCY_SIGNS, currencyCode, suffixMultiplier } from './money.js';
import { VAGUE, isNumberWord, isScaleWord, isYearLike, tokenValue } from './numbers.js';



const TIME_UNITS = new Set([
  'second', 'seconds', 'minute', 'minutes', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year',
  'years', 'decade', 'decades', 'century', 'centuries', 'night', 'nights', 'weekend', 'weekends', 'a.m.', 'p.m.', 'am', 'pm',
  'o’clock', "o'clock", 'gmt', 'utc', 'bst', 'et', 'est', 'edt', 'pst', 'morning', 'afternoon', 'evening',
]);

/** Verb forms → role names. Forms not listed give their own lowercase form as role. */
const ROLE_OF: ReadonlyMap<string, string> = new Map([
  ...['killed', 'kill', 'kills', 'killing', 'dead', 'died', 'die', 'dies', 'deaths', 'death', 'slain', 'perished', 'fatalities', 'gunned'].map((w): [string, string] => [w, 'killed']),
  ...['injured', 'injure', 'injuring', 'wounded', 'wounding', 'hurt', 'injuries', 'injury', 'hospitalized', 'hospitalised'].map((w): [string, string] => [w, 'injured']),
  ...['launched', 'launch', 'launches', 'launching', 'fired', 'fire', 'fires', 'firing'].map((w): [string, string] => [w, 'launched']),
  ...['downed', 'down', 'suppressed', 'suppress', 'intercepted', 'intercept', 'intercepts', 'destroyed', 'destroy', 'neutralized', 'neutralised', 'shot', 'repelled'].map((w): [string, string] => [w, 'downed']),
  ...['impacts', 'impact', 'hit', 'hits', 'struck', 'strike', 'strikes'].map((w): [string, string] => [w, 'impact']),
  ...['attacked', 'attack', 'attacks', 'attacking', 'targeted', 'target', 'targets'].map((w): [string, string] => [w, 'attacked']),
  ...['arrested', 'arrest', 'detained', 'detain', 'captured', 'capture'].map((w): [string, string] => [w, 'detained']),
  ...['missing'].map((w): [string, string] => [w, 'missing']),
  ...['displaced', 'evacuated', 'fled'].map((w): [string, string] => [w, 'displaced']),
  ...['rescued', 'saved', 'freed', 'released'].map((w): [string, string] => [w, 'rescued']),
  ...['deployed', 'sent', 'dispatched'].map((w): [string, string] => [w, 'deployed']),
]);

/** Nouns that give a role to the count they govern through "of": "impacts of 34 drones", "a death toll of 20". */
const ROLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['impacts', 'impact'], ['impact', 'impact'], ['deaths', 'killed'], ['toll', 'killed'], ['launches', 'launched'],
  ['injuries', 'injured'], ['casualties', 'killed'],
]);

const HEDGES: Array<[RegExp, NonNullable<Quantity['hedge']>]> = [
  [/^(?:at least|no fewer than|no less than|a minimum of)$/, 'at_least'],
  [/^(?:at most|no more than|a maximum of)$/, 'at_most'],
  [/^(?:nearly|almost|close to|just under|nearly all)$/, 'nearly'],
  [/^(?:about|around|roughly|approximately|some|an estimated|estimated|about some|circa|an approximate)$/, 'about'],
  [/^(?:more than|over|upwards of|above|in excess of|just over|well over)$/, 'more_than'],
  [/^(?:fewer than|less than|under|below)$/, 'less_than'],
  [/^(?:up to|as many as|as much as)$/, 'up_to'],
];

const PERSON_NOUNS = new Set([
  'people', 'persons', 'person', 'members', 'member', 'civilians', 'civilian', 'soldiers', 'soldier', 'children', 'child',
  'women', 'woman', 'men', 'man', 'officers', 'officer', 'troops', 'fighters', 'fighter', 'residents', 'resident',
  'staff', 'workers', 'worker', 'personnel', 'militants', 'militant', 'police', 'policemen', 'policeman', 'journalists',
  'journalist', 'rescuers', 'victims', 'victim', 'passengers', 'passenger', 'hostages', 'hostage', 'guards', 'guard',
  'leaders', 'leader', 'officials', 'official', 'students', 'student', 'patients', 'patient', 'others',
]);

const PREPOSITIONS = new Set(['in', 'at', 'across', 'from', 'into', 'on', 'to', 'with', 'for', 'by', 'within', 'among', 'through', 'near', 'per']);
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '(', ')', 'that', 'which', 'who', 'where', 'when', 'while', 'as', 'because', 'after', 'before', 'if', 'but', 'since', 'although', 'though']);

function singular(word: string): string {
  if (word === 'people' || word === 'persons') return 'person';
  if (word === 'men') return 'man';
  if (word === 'women') return 'woman';
  if (word === 'children') return 'child';
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(?:ss|us)$/.test(word)) return word;
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}


function isNumTok(t: Tok): boolean {
  return tokenValue(t.text) !== null || /^\d+(?:\.\d+)?-\d+(?:\.\d+)?$/.test(t.text);
}

interface NumberGroup {
  /** Token range of the number itself (with "a" in "a hundred"). */
  a: number;
  b: number;
  value: number;
  high?: number;
  vague?: boolean;
  currency?: string;
}

/** Read a number starting at token i: "five hundred", "1.5 million", "twenty - one", "a hundred", "5-10". */
/** Cheap test before the full parse: digits, a number word, a currency sign, "a"/"an", a vague plural. */
function mayStartNumber(t: Tok): boolean {
  const c = t.lower.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  if (CURRENCY_SIGNS[t.text] !== undefined) return true;
  return t.pos === 'NUM' || isNumberWord(t.lower) || t.lower in VAGUE;
}

function readNumber(toks: readonly Tok[], i: number): NumberGroup | null {
  const t = toks[i];
  if ((t.lower === 'a' || t.lower === 'an') && !(toks[i + 1] && isScaleWord(toks[i + 1].lower))) return null;
  if (t.lower !== 'a' && t.lower !== 'an' && !mayStartNumber(t)) return null;
  if (t.lower in VAGUE && toks[i + 1]?.lower === 'of') {
    // "hundreds of millions": the vague count of a vague scale
    const scale = toks[i + 2] ? VAGUE[toks[i + 2].lower] : undefined;
    if (scale !== undefined && scale >= 2000 && toks[i + 3]?.lower === 'of') return { a: i, b: i + 3, value: VAGUE[t.lower] * (scale / 2), vague: true };
    return { a: i, b: i + 1, value: VAGUE[t.lower], vague: true };
  }
  const a = i;
  let currency: string | undefined;
  let j = i;
  if ((t.lower === 'a' || t.lower === 'an') && toks[i + 1] && isScaleWord(toks[i + 1].lower)) {
    j = i + 1;
  } else if (CURRENCY_SIGNS[t.text] !== undefined) {
    currency = t.text;
    j = i + 1;
    if (!toks[j] || !isNumTok(toks[j])) return null;
  } else if (!isNumTok(t)) {
    return null;
  }
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(toks[j].text);
  if (range) return { a, b: j + 1, value: Number(range[1]), high: Number(range[2]), currency };
  let total = 0;
  let current = 0;
  let b = j;
  for (; b < toks.length; b++) {
    const tk = toks[b];
    if (b > j && tk.text === '-' && !tk.spaceBefore && toks[b + 1] && !toks[b + 1].spaceBefore && tokenValue(toks[b + 1].text) !== null && (tokenValue(toks[b + 1].text) ?? 0) < 10 && current >= 20) {
      current += tokenValue(toks[b + 1].text) ?? 0;
      b++;
      continue;
    }
    if (b > j && tk.lower === 'and' && current > 0 && toks[b - 1] && isScaleWord(toks[b - 1].lower) && toks[b + 1] && /^[a-z]+$/.test(toks[b + 1].lower) && tokenValue(toks[b + 1].text) !== null && !isScaleWord(toks[b + 1].lower)) {
      continue; // "two hundred and fifty"
    }
    const v = tk.lower === 'a' || tk.lower === 'an' ? (b === j && isScaleWord(toks[b + 1]?.lower ?? '') ? 1 : null) : tokenValue(tk.text);
    if (v === null) break;
    if (b > j && /^\d/.test(tk.text) && /^\d/.test(toks[b - 1].text)) break; // "2014 476" are two numbers
    if (isScaleWord(tk.lower) && tk.lower !== 'hundred') {
      total += (current || 1) * v;
      current = 0;
    } else if (tk.lower === 'hundred') {
      current = (current || 1) * v;
    } else if (tk.lower === 'dozen') {
      current = (current || 1) * 12;
    } else {
      if (b > j && current > 0 && !(current >= 20 && v < 10 && current % 10 === 0)) break;
      current += v;
    }
  }
  if (b === j) return null;
  // "$27bn", "€200m", "£3.5mn": a multiplier glued to the number.
  const mult = toks[b] && !toks[b].spaceBefore ? suffixMultiplier(toks[b].text, currency !== undefined) : undefined;
  if (mult !== undefined) return { a, b: b + 1, value: Math.round((total + current) * mult), currency };
  return { a, b, value: total + current, currency };
}

function hedgeBefore(toks: readonly Tok[], a: number, lo: number): { hedge: NonNullable<Quantity['hedge']>; start: number } | null {
  for (const n of [3, 2, 1]) {
    if (a - n < lo) continue;
    const phrase = toks
      .slice(a - n, a)
      .map((t) => t.lower)
      .join(' ');
    for (const [re, hedge] of HEDGES) if (re.test(phrase)) return { hedge, start: a - n };
  }
  return null;
}

interface Found {
  group: NumberGroup;
  start: number; // first token (hedge included)
  unitTok: number | null;
  /** Token just past the counted noun phrase (after "of …" complements). */
  npEnd: number;
  hedge: Quantity['hedge'];
  hedgeText?: string;
  role: string | null;
  sentence: number;
  implicitOne?: boolean;
}

/** Skip adjectives and compound modifiers after a number to the counted noun: "two nine-story residential buildings". */
function unitAfter(toks: readonly Tok[], b: number, hi: number): { unit: number | null; end: number } {
  let k = b;
  for (let guard = 0; k < hi && guard < 8; guard++) {
    const t = toks[k];
    // compound modifier "nine - story", "long - range"
    if (k + 2 < hi && toks[k + 1].text === '-' && !toks[k + 1].spaceBefore && !toks[k + 2].spaceBefore) {
      k += 3;
      continue;
    }
    if (t.pos === 'ADJ' || (t.pos === 'DET' && k === b && t.lower === 'the') || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.lower) && toks[k + 1] && (toks[k + 1].pos === 'NOUN' || toks[k + 1].pos === 'ADJ')) || (t.pos === 'PROPN' && toks[k + 1] && (toks[k + 1].pos === 'NOUN' || (toks[k + 1].pos === 'PROPN' && /s$/.test(toks[k + 1].text))))) {
      k++;
      continue;
    }
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /s$/.test(t.lower)) || t.lower === 'percent' || t.lower === '%') {
      // compound nouns: "air defense systems"
      let e = k;
      while (e + 1 < hi && toks[e + 1].pos === 'NOUN' && !TIME_UNITS.has(toks[e].lower)) e++;
      return { unit: e, end: e + 1 };
    }
    break;
  }
  return { unit: null, end: b };
}

function roleFromVerb(lower: string): string {
  return ROLE_OF.get(lower) ?? lower;
}

/** The role: a governing noun ("impacts of"), the verb before (object), or the verb after (subject). */
function findRole(toks: readonly Tok[], start: number, npEnd: number, sa: number, sb: number): string | null {
  // noun governor: "Impacts of 34 drones"
  if (start - 2 >= sa && toks[start - 1].lower === 'of') {
    const gov = toks[start - 2].lower;
    if (ROLE_NOUNS.has(gov)) return ROLE_NOUNS.get(gov) ?? null;
    if (toks[start - 2].pos === 'NOUN') {
      // "a death toll of" / "the number of" → look further for the verb
      if (gov !== 'number' && gov !== 'total') return null;
    }
  }
  const prev = start - 1 >= sa ? toks[start - 1] : null;
  // object of a verb in the same clause
  if (prev && !PREPOSITIONS.has(prev.lower)) {
    for (let k = start - 1; k >= sa && k >= start - 6; k--) {
      const t = toks[k];
      if (CLAUSE_BREAK.has(t.lower)) break;
      if (t.pos === 'VERB') {
        // coordinated verbs "downed or suppressed": the first carries the role
        let v = k;
        while (v - 2 >= sa && (toks[v - 1].lower === 'or' || toks[v - 1].lower === 'and') && toks[v - 2].pos === 'VERB') v -= 2;
        const role = roleFromVerb(toks[v].lower);
        // "hoped to kill over 40 people", "threatened to kill 100": an intent, not a toll.
        if (v - 1 >= sa && toks[v - 1].lower === 'to' && toks[v - 1].pos === 'PART') return null;
        if (ROLE_OF.has(toks[v].lower) || !/^(?:said|says|say|told|added|reported)$/.test(toks[v].lower)) return role;
        break;
      }
      if (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON') break;
    }
  } else if (prev && PREPOSITIONS.has(prev.lower) && prev.lower !== 'of') {
    return null;
  }
  // subject of the verb after: "At least 20 people were killed", "19 drones attacked"
  for (let k = npEnd; k < sb && k < npEnd + 8; k++) {
    const t = toks[k];
    if (t.text === ',' || t.text === ';' || t.lower === 'that' || t.lower === 'who') break;
    if (t.pos === 'VERB') {
      if (/^(?:said|says|say|told)$/.test(t.lower)) return null;
      return roleFromVerb(t.lower);
    }
    if (t.pos === 'ADJ' && ROLE_OF.has(t.lower) && k > npEnd && (toks[k - 1].pos === 'AUX')) return roleFromVerb(t.lower);
    if (t.pos === 'AUX' || t.pos === 'ADV' || t.pos === 'PART') continue;
    if (t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'CCONJ') continue;
    break;
  }
  return null;
}

function skipReason(toks: readonly Tok[], g: NumberGroup, sa: number): boolean {
  const t = toks[g.a];
  const next = toks[g.b];
  const prev = g.a - 1 >= sa ? toks[g.a - 1] : null;
  if (g.currency) return false;
  // clock times and "5:30"; identifiers and timestamps (long digit strings without separators)
  if (/\d:\d/.test(t.text) || /^\d{8,}$/.test(t.text)) return true;
  // a number glued to letters: "9mm", "5G"
  if (next && !next.spaceBefore && /^[A-Za-z]/.test(next.text) && g.b - g.a === 1 && /^\d/.test(t.text)) return true;
  if (next && TIME_UNITS.has(next.lower)) return true;
  // durations / modifiers: "five-hour", "15-year-old"
  if (next && next.text === '-' && !next.spaceBefore && toks[g.b + 1] && !toks[g.b + 1].spaceBefore) return true;
  // years: "in 2014", "the 2012 election", "2016 voters"; a year-like number counts only after a hedge ("some 2,000" has a comma)
  if (g.b - g.a === 1 && isYearLike(t.text) && !hedgeBefore(toks, g.a, sa)) return true;
  // dates: "Oct. 30", "30 October", "September 9"
  if (prev && MONTHS.has(prev.lower)) return true;
  if (next && MONTHS.has(next.lower)) return true;
  // ordinals come as their own words; "9th", "1st"
  if (/^\d+(?:st|nd|rd|th)$/i.test(t.text)) return true;
  // model and article numbers: "Article 33", "AM 970", "Route 66"
  if (prev && prev.pos === 'PROPN' && /^[A-Z]/.test(prev.text) && !(next && (next.pos === 'NOUN' || next.pos === 'ADJ'))) return true;
  // ages in apposition: "Benford, 58, who …"
  if (prev && prev.text === ',' && next && next.text === ',' && g.a - 2 >= sa && toks[g.a - 2].pos === 'PROPN') return true;
  // addresses: "the 2600 block of", "in the 400 block"
  if (next && /^blocks?$/i.test(next.text)) return true;
  // ages: "aged 21"; "the man who was killed was 21." (a bare number after a copula, the subject no
  // toll or total: "the death toll was 21" keeps its number)
  if (prev && /^(?:aged|age)$/i.test(prev.text)) return true;
  if (prev && /^(?:was|is)$/i.test(prev.text) && (!next || /^[.,;)]$|^(?:when|and|at|years?)$/i.test(next.text)) && g.b - g.a === 1) {
    let counted = false;
    for (let k = g.a - 2; k >= sa && k >= g.a - 6; k--) if (/^(?:toll|number|total|count|tally|figure|deaths|dead|casualties|fatalities)$/i.test(toks[k].text)) counted = true;
    if (!counted) return true;
  }
  // pronoun "one" without a noun: "one of the …" stays; "No one" goes
  if (t.lower === 'one' && prev && (prev.lower === 'no' || prev.lower === 'the' || prev.lower === 'this' || prev.lower === 'that' || prev.lower === 'every' || prev.lower === 'any')) return true;
  return false;
}

export function extractQuantities(text: string, layers: Readonly<Layers>): Quantity[] {
  const toks = sharedTokens(text, layers.tokens ?? []);
  const sentences = layers.sentences ?? [];
  const quotes = layers.quotes ?? [];
  const out: Quantity[] = [];
  let i = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sa = i;
    while (i < toks.length && toks[i].sentence === s) i++;
    const sb = i;
    const found: Found[] = [];
    for (let k = sa; k < sb; k++) {
      const g = readNumber(toks, k);
      if (!g) continue;
      if (skipReason(toks, g, sa)) {
        k = g.b - 1;
        continue;
      }
      // ranges: "between 5 and 10", "5 to 10", "from 5 to 10"
      let b = g.b;
      if (g.high === undefined && toks[b] && (toks[b].lower === 'to' || toks[b].lower === 'and' || toks[b].text === '-') && toks[b + 1]) {
        const hiG = readNumber(toks, b + 1);
        const between = k - 1 >= sa && (toks[k - 1].lower === 'between' || toks[k - 1].lower === 'from');
        if (hiG && hiG.value > g.value && (toks[b].lower !== 'and' || between) && !skipReason(toks, hiG, sa)) {
          g.high = hiG.value;
          b = hiG.b;
          g.b = b;
        }
      }
      const h = hedgeBefore(toks, g.a, sa);
      let unitInfo = unitAfter(toks, g.b, sb);
      if (g.vague && toks[g.b]?.lower === 'of') unitInfo = unitAfter(toks, g.b + 1, sb);
      if (unitInfo.unit !== null && TIME_UNITS.has(toks[unitInfo.unit].lower)) {
        k = unitInfo.end - 1;
        continue; // "four hours": a duration, the time layer's
      }
      // "one of the drones" / "five members of Hamas": the NP runs over an "of" complement
      let npEnd = unitInfo.end;
      if (toks[npEnd]?.lower === 'of') {
        let e = npEnd + 1;
        while (e < sb && (toks[e].pos === 'PROPN' || toks[e].pos === 'NOUN' || toks[e].pos === 'DET' || toks[e].pos === 'ADJ' || toks[e].pos === 'PART' || toks[e].lower === 'of')) e++;
        if (unitInfo.unit === null && g.b === npEnd) {
          const inner = unitAfter(toks, npEnd + 1, sb);
          if (inner.unit !== null) unitInfo = inner;
        }
        npEnd = e;
      }
      const start = h ? h.start : g.a;
      found.push({
        group: g,
        start,
        unitTok: unitInfo.unit,
        npEnd,
        hedge: h ? h.hedge : g.vague ? 'at_least' : 'exact',
        hedgeText: h ? text.slice(toks[h.start].start, toks[g.a - 1].end) : undefined,
        role: null,
        sentence: s,
      });
      k = Math.max(k, unitInfo.end - 1, g.b - 1);
    }
    // "and a member of …" after a count: an implicit 1 for composition
    for (const f of [...found]) {
      const and = f.npEnd;
      if (toks[and]?.lower !== 'and' || !toks[and + 1] || !(toks[and + 1].lower === 'a' || toks[and + 1].lower === 'an')) continue;
      if (found.some((x) => x.group.a === and + 1 || x.group.a === and + 2)) continue;
      const u = unitAfter(toks, and + 2, sb);
      if (u.unit === null || f.unitTok === null) continue;
      let npEnd = u.end;
      if (toks[npEnd]?.lower === 'of') {
        let e = npEnd + 1;
        while (e < sb && (toks[e].pos === 'PROPN' || toks[e].pos === 'NOUN' || toks[e].pos === 'DET' || toks[e].pos === 'ADJ' || toks[e].pos === 'PART' || toks[e].lower === 'of')) e++;
        npEnd = e;
      }
      found.push({ group: { a: and + 1, b: and + 2, value: 1 }, start: and + 1, unitTok: u.unit, npEnd, hedge: 'exact', role: null, sentence: s, implicitOne: true });
    }
    found.sort((x, y) => x.start - y.start);
    // roles; coordinated counts share the verb: "476 drones and 48 missiles", "Five members … and a member … were killed"
    for (let f = 0; f < found.length; f++) {
      const cur = found[f];
      let last = f;
      while (last + 1 < found.length && found[last + 1].start === found[last].npEnd + 1 && toks[found[last].npEnd]?.lower === 'and') last++;
      const role = findRole(toks, found[f].start, found[last].npEnd, sa, sb);
      for (let g = f; g <= last; g++) found[g].role = role;
      if (last > f) {
        // compose when the things counted are of one kind
        const units = found.slice(f, last + 1).map((x) => (x.unitTok === null ? null : toks[x.unitTok].lower));
        const kinds = new Set(units.map((u) => (u === null ? null : PERSON_NOUNS.has(u) ? 'person' : singular(u))));
        if (!kinds.has(null) && kinds.size === 1) {
          const parts = found.slice(f, last + 1).map((x) => x.group.value);
          const first = found[f];
          const end = found[last];
          const startOff = toks[first.start].start;
          const endOff = toks[end.npEnd - 1].end;
          out.push(
            makeQuantity(text, toks, {
              startOff,
              endOff,
              value: parts.reduce((x, y) => x + y, 0),
              unitTok: first.unitTok,
              unitText: new Set(units.map((u) => singular(u ?? ''))).size > 1 ? 'people' : null,
              hedge: found.slice(f, last + 1).some((x) => x.hedge !== 'exact') ? (found.slice(f, last + 1).find((x) => x.hedge !== 'exact')?.hedge ?? 'exact') : 'exact',
              role,
              parts,
              confidence: 0.7,
            }, quotes, sentences[s]),
          );
        }
      }
      f = last;
      void cur;
    }
    for (const f of found) {
      const startOff = toks[f.start].start;
      const endOff = toks[Math.max(f.group.b, f.unitTok === null ? f.group.b : f.unitTok + 1) - 1].end;
      out.push(
        makeQuantity(text, toks, {
          startOff,
          endOff,
          value: f.group.value,
          high: f.group.high,
          unitTok: f.unitTok,
          unitText: f.group.currency ? f.group.currency : null,
          hedge: f.hedge,
          hedgeText: f.hedgeText,
          role: f.role,
          confidence: f.implicitOne ? 0.6 : f.unitTok === null ? 0.5 : 0.8,
        }, quotes, sentences[s]),
      );
    }
  }
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  return out;
}

interface MakeArgs {
  startOff: number;
  endOff: number;
  value: number;
  high?: number;
  unitTok: number | null;
  unitText: string | null;
  hedge: Quantity['hedge'];
  hedgeText?: string;
  role: string | null;
  parts?: number[];
  confidence: number;
}

function makeQuantity(text: string, toks: readonly Tok[], a: MakeArgs, quotes: readonly Quote[], sentence: Span): Quantity {
  const q: Quantity = {
    start: a.startOff,
    end: a.endOff,
    text: text.slice(a.startOff, a.endOff),
    value: a.value,
    unit: a.unitText ?? (a.unitTok === null ? null : toks[a.unitTok].lower),
    hedge: a.hedge,
    role: a.role,
    claimant: claimantFor(quotes, a.startOff, a.endOff, sentence),
    confidence: a.confidence,
  };
  if (a.high !== undefined) q.high = a.high;
  if (a.unitTok !== null) q.unitSpan = { start: toks[a.unitTok].start, end: toks[a.unitTok].end };
  if (a.hedgeText) q.hedgeText = a.hedgeText;
  if (a.parts) q.parts = a.parts;
  // Money: the unit is the ISO 4217 code ("$" → USD, "yen" → JPY).
  const currency = q.unit === null ? undefined : currencyCode(q.unit);
  if (currency) q.unit = q.currency = currency;
  return q;
}

/**
 * The speaker of the innermost quote whose content holds the count; failing that, the attribution of
 * its sentence (a quote whose cue lies in the same sentence: "…, the ministry said, where two …").
 */
export function claimantFor(quotes: readonly Quote[], start: number, end: number, sentence?: Span): SpeakerRef | null {
  return claimantIndex(quotes)(start, end, sentence);
}

type ClaimantLookup = (start: number, end: number, sentence?: Span) => SpeakerRef | null;
const indexes = new WeakMap<readonly Quote[], ClaimantLookup>();

/** A lookup over the quotes sorted by start (binary search, then a short scan back over enclosing quotes). */
function claimantIndex(quotes: readonly Quote[]): ClaimantLookup {
  const cached = indexes.get(quotes);
  if (cached) return cached;
  const withSpeaker = quotes.filter((q) => q.speaker !== null).sort((a, b) => a.start - b.start);
  const byCue = withSpeaker.filter((q) => q.cue !== null).sort((a, b) => (a.cue?.start ?? 0) - (b.cue?.start ?? 0));
  const lastStartingBefore = (list: readonly Quote[], key: (q: Quote) => number, offset: number): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(list[mid]) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  };
  const lookup: ClaimantLookup = (start, end, sentence) => {
    let best: Quote | null = null;
    for (let i = lastStartingBefore(withSpeaker, (q) => q.start, start), n = 0; i >= 0 && n < 64; i--, n++) {
      const q = withSpeaker[i];
      if (q.end >= end && (!best || q.end - q.start < best.end - best.start)) best = q;
    }
    if (best) return best.speaker;
    if (!sentence) return null;
    const i = lastStartingBefore(byCue, (q) => q.cue?.start ?? 0, sentence.end) ;
    for (let k = i; k >= 0; k--) {
      const cue = byCue[k].cue;
      if (!cue || cue.start < sentence.start) break;
      if (cue.end <= sentence.end) return byCue[k].speaker;
    }
    return null;
  };
  indexes.set(quotes, lookup);
  return lookup;
}

export const quantities: Component = {
  name: 'quantities',
  version: '1.0.0',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities', 'quotes'],
  assigns: ['quantities'],
  run(article: Readonly<Article>, layers: Readonly<Layers>) {
    return { quantities: extractQuantities(article.text, layers) };
  },
};
