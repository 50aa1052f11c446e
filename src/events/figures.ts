/**
 * Refiners for casualty figures read off the quantities layer: a figure is an event's killed or
 * injured count only when it counts the people killed or injured in that one event.
 *
 * - `role`: the outcome word next to the number decides its role ("Two were killed and one was
 *   wounded": the one is wounded; "killing two and injuring five": the five are injured).
 * - `lumped`: a toll lumped with other outcomes ("killed, injured or homeless", "killed or wounded")
 *   counts no one outcome and is dropped.
 * - `address`: "the 2600 block" is an address, not a count.
 * - `attackers`: "two assailants shot and killed X" counts the attackers, not the dead.
 * - `speculative`: "may have died", "feared dead", "up to 50,000", "killed off" (a TV character): no count.
 * - `cumulative`: a running total ("has killed 93,000 since 2011", "so far", "in total") or a
 *   statistic ("21,022 occupants killed in crashes in 2023") is a claim of its own kind
 *   (`cumulative_killed` / `cumulative_injured`), never an event's toll.
 * - `year`: a four-digit number from 1800 to 2099 written without a thousands separator is a year
 *   ("the Aberdare attack of 1953 killed …"), never a toll: news prints counts of a thousand or more with one.
 * - `partial`: "five of the six crew members were killed" — the count before "of (the)" is the toll and
 *   the whole after it only the group it was drawn from; "two of the three people killed were children"
 *   — the whole is the toll (its own outcome word right after it) and the part a subgroup (`partOfWhole`).
 * - `implausible`: a toll above SINGLE_EVENT_MAX for one event ("the 1918 flu killed 50 million", "800,000
 *   killed in the genocide") is a running total whatever its wording, so it is kept as a cumulative claim.
 */
import { NUMBER_WORD, parseCount } from '../time/lexicon.js';
import { ADDRESS_UNITS, CUMULATIVE_CUES, PERPETRATORS, GENERIC_PLURAL_EVENTS, INJURED_WORDS, KILLED_WORDS, KILLING_NOUNS, OTHER_OUTCOMES, PERIOD_CUES, RULE_PERIODS, SPECULATIVE } from './figure-words.js';

export interface FigureToken {
  start: number;
  end: number;
  lower: string;
}

const CLAUSE_STOP = new Set(['.', ';', ',', '?', '!', ':', '—', '–', 'but', 'while', 'whereas']);
/** Words allowed between a verb and the count it governs ("killing at least two", "injuring more than 20"). */
/** One-word hedges before a count; two-word ones ("at least", "more than", "up to", "an estimated") are read in `beforeHedges`. */
const HEDGE_WORDS = new Set(['about', 'around', 'some', 'nearly', 'almost', 'over', 'another', 'estimated', 'additional', 'roughly']);
const HEDGE_PAIRS: Record<string, RegExp> = { least: /^at$/, most: /^at$/, than: /^(more|fewer|less)$/, to: /^up$/ };

/**
 * The index of the word before the hedges that end at index k ("killed at least two": "killed"). A bare "at" is
 * no hedge: "was killed at 22" is an age.
 */
export function beforeHedges(toks: readonly FigureToken[], k: number): number {
  while (k >= 0) {
    const w = toks[k].lower;
    const pair = HEDGE_PAIRS[w];
    if (HEDGE_WORDS.has(w)) k--;
    else if (pair && k > 0 && pair.test(toks[k - 1].lower)) k -= 2;
    else if (w === 'an' && /^(estimated|additional)$/.test(toks[k + 1]?.lower ?? '')) k--;
    else break;
  }
  return k;
}
/** Words between a number and its outcome word in "N people were killed". */
const SPAN_LIMIT = 9;
const PERFECT = /^(has|have|had)$/;
const SINCE_OBJECT = /^(\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|the|its|last|records|then)$/;
const YEAR = /^(19|20)\d\d$/;
/** Verbs of attackers acting, right after a count of them ("two assailants shot and killed …"). */
const ACTIVE_VERBS = /^(shot|killed|stabbed|opened|attacked|fired|stormed|ambushed|gunned|abducted|kidnapped|robbed|burst|broke|entered|beat|hacked|murdered|assassinated)$/;

function outcome(w: string): 'killed' | 'injured' | null {
  if (KILLED_WORDS.has(w)) return 'killed';
  if (INJURED_WORDS.has(w) && w !== 'stabbed' && w !== 'shot') return 'injured';
  return null;
}

function firstIndexAt(toks: readonly FigureToken[], offset: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The role the words around the number give it, or null when they give none. A verb right before the
 * number governs it ("killing two"); else the first outcome word after it in its clause ("one was wounded").
 */
export function roleByWords(toks: readonly FigureToken[], start: number, end: number): 'killed' | 'injured' | null {
  const k = beforeHedges(toks, firstIndexAt(toks, start) - 1);
  const before = k >= 0 ? outcome(toks[k].lower) : null;
  if (before && /ing$|^killed$|^wounded$|^injured$/.test(toks[k].lower) && k >= 0) {
    // "killed two people", "killing two": a verb governing the count. "were killed two days ago" has no number after.
    return before;
  }
  // "the killing of five people", "the deaths of two teenagers": a noun of killing governs the count.
  if (k >= 1 && toks[k].lower === 'of' && KILLING_NOUNS.has(toks[k - 1].lower)) return 'killed';
  // "25 fighters were killed and 55 wounded": the count's own unit word is its outcome ("55 wounded"),
  // whatever verb governs the clause.
  // "300 wounded veterans marched" is not a toll: the outcome word must head the count or qualify people.
  for (let j = firstIndexAt(toks, start); j < toks.length && toks[j].start < end; j++) {
    const o = outcome(toks[j].lower);
    const next = toks[j + 1];
    if (o && (!next || next.start >= end || /^(people|persons|others|civilians)$/.test(next.lower))) return o;
  }
  const after = firstIndexAt(toks, end);
  // "two assailants shot and killed Tripathi": the count is of the attackers, the verb active.
  for (let j = after; j < Math.min(toks.length, after + SPAN_LIMIT); j++) {
    const w = toks[j].lower;
    if (CLAUSE_STOP.has(w)) return null;
    const o = outcome(w);
    if (o) return o;
  }
  return null;
}

/**
 * "two assailants shot and killed Tripathi": a count of attackers told as the subject of an active
 * verb counts the attackers, not the dead. "Two gunmen were killed", "two gunmen killed in a
 * shootout" (passive, reduced passive) stay tolls.
 */
export function countsAttackers(toks: readonly FigureToken[], start: number, end: number): boolean {
  let noun = firstIndexAt(toks, start);
  while (noun < toks.length && toks[noun].start < end && !PERPETRATORS.has(toks[noun].lower)) noun++;
  if (noun >= toks.length || toks[noun].start >= end) return false;
  const after = noun + 1;
  if (!ACTIVE_VERBS.test(toks[after]?.lower ?? '')) return false;
  const reducedPassive = outcome(toks[after]?.lower ?? '') !== null && /^(in|by|at|during|when|after|on|,|\.)$/.test(toks[after + 1]?.lower ?? '.');
  return !reducedPassive;
}

/** "killed, injured or made homeless", "killed or wounded": the count covers several outcomes. */
export function lumped(text: string, toks: readonly FigureToken[], end: number): boolean {
  const after = firstIndexAt(toks, end);
  for (let j = after; j < Math.min(toks.length, after + SPAN_LIMIT); j++) {
    const w = toks[j].lower;
    if (CLAUSE_STOP.has(w) && w !== ',') return false;
    if (!outcome(w)) continue;
    // The outcome word, then within three tokens "or"/"," + another outcome ("killed, injured or homeless").
    for (let m = j + 1; m < Math.min(toks.length, j + 5); m++) {
      const x = toks[m].lower;
      if (x === 'or' || x === '/') return OTHER_OUTCOMES.has(toks[m + 1]?.lower ?? '') || toks[m + 1]?.lower === 'made' || outcome(toks[m + 1]?.lower ?? '') !== null;
      if (x !== ',' && !OTHER_OUTCOMES.has(x) && !outcome(x)) break;
    }
    // "dead or injured" before the number is read from the other side ("the dead or missing number 30").
    return /\b(?:or|and\/or)\s+(?:made\s+)?(?:homeless|displaced|affected|missing)\b/i.test(text.slice(toks[j].end, toks[j].end + 30));
  }
  return false;
}

/**
 * "Dozens of people were hurt", "hundreds injured", "more than two dozen wounded": a vague plural, or a
 * dozen with a hedge, is no count the text gives (precision first: left out, as the gold leaves it).
 */
export function isVagueCount(surface: string, hedge: string | null | undefined): boolean {
  const s = surface.trim().toLowerCase();
  if (/^(?:dozens|scores|hundreds|thousands|tens)\b/.test(s)) return true;
  return /\bdozen\b/.test(s) && !!hedge && hedge !== 'exact';
}

/** "the 2600 block", "killed on Route 9": the number is part of an address. */
export function isAddress(toks: readonly FigureToken[], start: number, end: number, unit: string | null): boolean {
  if (unit && ADDRESS_UNITS.has(unit.toLowerCase().split(/\s+/).pop() ?? '')) return true;
  const after = firstIndexAt(toks, end);
  const next = toks[after]?.lower ?? '';
  if (ADDRESS_UNITS.has(next)) return true;
  const k = firstIndexAt(toks, start) - 1;
  return k >= 0 && ADDRESS_UNITS.has(toks[k].lower);
}

function hasPhrase(lowerSentence: string, phrases: ReadonlySet<string>): boolean {
  for (const p of phrases) if (lowerSentence.includes(p) && new RegExp(`(?:^|[^a-z])${p.replace(/ /g, '\\s+')}(?:[^a-z]|$)`).test(lowerSentence)) return true;
  return false;
}

/**
 * A running total or a statistic: perfect aspect with "since …" ("has killed 93,000 since 2011"),
 * a cumulative cue ("so far", "in total"), a period ("each year", "in 2023" with plural generic
 * events: "killed in crashes"; "during the war"; "under X's regime"), or "the death toll has risen to".
 */
export function isCumulative(sentence: string, toks: readonly FigureToken[]): boolean {
  const lower = sentence.toLowerCase();
  let since = false;
  let perfect = false;
  let genericPlural = false;
  let yearAfterIn = false;
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if (w === 'since' && SINCE_OBJECT.test(toks[k + 1]?.lower ?? '')) since = true;
    if (PERFECT.test(w)) perfect = true;
    if (w === 'in' && GENERIC_PLURAL_EVENTS.has(toks[k + 1]?.lower ?? '') && toks[k + 2]?.lower !== 'that') genericPlural = true;
    if (w === 'in' && YEAR.test(toks[k + 1]?.lower ?? '')) yearAfterIn = true;
    if ((w === 'during' || w === 'throughout' || w === 'over') && /^(the|its)$/.test(toks[k + 1]?.lower ?? '') && /^(war|conflict|years|decades|insurgency|uprising|occupation|pandemic)$/.test(toks[k + 2]?.lower ?? '')) since = true;
    // "under Gen Pinochet's regime", "during the rule of the junta": a period of rule.
    if ((w === 'under' || w === 'during' || w === 'throughout') && toks.slice(k + 1, k + 6).some((t) => RULE_PERIODS.has(t.lower))) since = true;
  }
  if (since) return true;
  if (hasPhrase(lower, CUMULATIVE_CUES) && (perfect || /\btoll\b/.test(lower) || /\btotal\b/.test(lower))) return true;
  if (genericPlural && (yearAfterIn || hasPhrase(lower, PERIOD_CUES))) return true;
  if (hasPhrase(lower, PERIOD_CUES) && /\b(?:average|on average|statistics|figures show|data show|according to (?:new |the )?(?:data|figures|statistics))\b/.test(lower)) return true;
  return false;
}

/** A count of people killed or injured, in one event or cumulative. */
export function isToll(kind: string): boolean {
  return kind === 'killed' || kind === 'injured' || kind === 'cumulative_killed' || kind === 'cumulative_injured';
}

/**
 * A guess or a fear, not a count: a modal or fear word between the number and its outcome word or
 * just before the number ("thousands may have died", "up to 200,000 people might have died", "are
 * feared dead"), an upper bound alone ("up to"), or "killed off" (a character written out).
 */
export function speculative(toks: readonly FigureToken[], start: number, end: number): boolean {
  const first = firstIndexAt(toks, start);
  // "8 May 2020": the month, not the modal.
  const modal = (k: number) => SPECULATIVE.has(toks[k].lower) && !(toks[k].lower === 'may' && (/^\d/.test(toks[k - 1]?.lower ?? '') || /^\d/.test(toks[k + 1]?.lower ?? '')));
  for (let k = Math.max(0, first - 4); k < first; k++) {
    if (modal(k)) return true;
    if (toks[k].lower === 'up' && toks[k + 1]?.lower === 'to') return true;
  }
  const after = firstIndexAt(toks, end);
  for (let j = after; j < Math.min(toks.length, after + SPAN_LIMIT); j++) {
    const w = toks[j].lower;
    if (CLAUSE_STOP.has(w)) return false;
    if (modal(j)) return true;
    if (outcome(w)) return toks[j + 1]?.lower === 'off';
  }
  return false;
}

/**
 * The most people one event is taken to have killed or injured. ACLED's own sample (5,071 coded events)
 * tops out at 56 killed, and the deadliest single conflict events on record are in the low thousands;
 * a larger number told with an event word is a war's, a pandemic's or a genocide's running total.
 */
export const SINGLE_EVENT_MAX = 5000;

/** Tolls too large for one event become cumulative claims of the same outcome (recorded as `fig:cumulative`). */
export function capSingleEventTolls<T extends { kind: string; value: number }>(figures: T[]): boolean {
  let changed = false;
  for (const f of figures) {
    if ((f.kind === 'killed' || f.kind === 'injured') && f.value > SINGLE_EVENT_MAX) {
      f.kind = `cumulative_${f.kind}`;
      changed = true;
    }
  }
  return changed;
}

/** A year, or a span of years ("1953-56", "1913–1914"). */
const YEAR_AS_NUMBER = /^(18|19|20)\d\d(?:[-–/](?:\d\d|(?:18|19|20)\d\d))?$/;

/** A figure whose number is written as a bare year ("about 1913", "1953-56 people") is no count of people (dropped, as an address is). */
export function isYearAsCount(surface: string): boolean {
  const number = /\d[\d,.]*(?:[-–/]\d+)?/.exec(surface);
  return number !== null && YEAR_AS_NUMBER.test(number[0]);
}

/** "five of the six", "two of its 14": the words between a part's count and the whole's. */
const PART_OF = /^\s+of\s+(?:the\s+|its\s+|their\s+|those\s+|these\s+)?$/i;
const PART_WORD = new RegExp(`(?:^|[^\\w-])(\\d+|${NUMBER_WORD})\\s+of\\s+(?:the\\s+|its\\s+|their\\s+|those\\s+|these\\s+)?$`, 'i');

/**
 * A partial count: `whole` (a killed or injured figure) told as "N of the M …". Returns which count is
 * the toll: 'whole' when the outcome word of the whole's own kind is inside it or follows it right away (a reduced
 * relative: "two of the three people killed were children", "4 of the 5 injured people"), else 'part' with the part's value ("five
 * of the six crew members were killed", "three of the four people shot … died"); null when the figure
 * is no whole of a part. `part` is the figure told just before it, if any; `partSpan` is where the part's number is
 * written when it is no figure of its own.
 */
export function partOfWhole(text: string, toks: readonly FigureToken[], whole: { start: number; end: number; kind: string; value: number }, part: { end: number; kind: string; value: number } | null): { toll: 'whole' | 'part'; value: number; partSpan?: { start: number; end: number } } | null {
  let value: number | null = null;
  let partSpan: { start: number; end: number } | undefined;
  if (part && part.kind === whole.kind && part.value < whole.value && PART_OF.test(text.slice(part.end, whole.start))) value = part.value;
  else {
    const base = Math.max(0, whole.start - 40);
    const m = PART_WORD.exec(text.slice(base, whole.start));
    const n = m ? parseCount(m[1]) : null;
    if (m && n !== null && n >= 1 && n < whole.value && Number.isInteger(n)) {
      value = n;
      const start = base + m.index + m[0].indexOf(m[1]);
      partSpan = { start, end: start + m[1].length };
    }
  }
  if (value === null) return null;
  // The whole's own outcome word inside it ("4 of the 5 injured people") or right after it ("the three people killed").
  let own = false;
  for (let i = firstIndexAt(toks, whole.start); i < toks.length && toks[i].start < whole.end && !own; i++) own = outcome(toks[i].lower) === whole.kind;
  const next = toks[firstIndexAt(toks, whole.end)]?.lower ?? '';
  return { toll: own || outcome(next) === whole.kind ? 'whole' : 'part', value, ...(partSpan ? { partSpan } : {}) };
}
