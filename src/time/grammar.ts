/**
 * The news temporal grammar: finds candidate expressions in one sentence and gives each a resolver.
 *
 * Candidates come from our own rules (relative and vague expressions, durations, sets, quarters, seasons,
 * decades, weekdays, month dates, clock times) and, as a fallback for calendar formats the rules lack, from
 * chrono-node. Resolution is deferred: a candidate's `resolve` takes the anchor (a day, or none) and the
 * tense cue, so the same candidate can be resolved against both ends of an uncertain publication date.
 */
import * as chrono from 'chrono-node';
import type { TimexType } from '../core/layers.js';
import {
  addMonths,
  centuryInterval,
  dayInterval,
  decadeInterval,
  epochDay,
  halfInterval,
  isoDay,
  monthInterval,
  pad,
  quarterInterval,
  quarterOf,
  SEASON_START,
  seasonInterval,
  seasonOf,
  weekInterval,
  weekday,
  weekendInterval,
  yearInterval,
  ymd,
  daysInMonth,
  type Interval,
} from './calendar.js';
import {
  COUNT,
  HEDGE,
  FLOATING_HOLIDAYS,
  HOLIDAY,
  HOLIDAYS,
  MONTH,
  ORDINAL_DAY,
  PART_OF_DAY,
  SEASONS,
  UNIT,
  WEEKDAY,
  durationValue,
  monthNumber,
  ordinalDay,
  parseCount,
  unitOf,
  weekdayNumber,
  SCHEDULED_EVENT_NOUNS,
} from './lexicon.js';

export type Direction = 'past' | 'future' | null;

export interface ResolveContext {
  /** Anchor day (epoch day), normally the publication date; null when unknown. */
  anchor: number | null;
  /** Tense cue around the expression. */
  dir: Direction;
  /** Narrative reference: the last day-level date resolved before this expression in the document. */
  lastDay: number | null;
  /** The last quarter mentioned, for "a year earlier" in earnings reports. */
  lastQuarter: { y: number; q: number } | null;
  /** Narrative references at month and year granularity ("In March, …", "In 1997, …"): the first day of the
   * last expression naming that month (or a day in it) / that year (or a part of it), and whether it is recent
   * (this sentence or the one before). */
  lastMonth?: { day: number; recent: boolean } | null;
  lastYear?: { day: number; recent: boolean } | null;
  /**
   * The anchor is a narrative's current time (the last date the story named), not the article date: a month
   * without a year takes the story's year (moving forward), a weekday or season is the next one in the story.
   */
  narrative?: boolean;
}

export interface Resolution {
  type: TimexType;
  value: string;
  interval?: Interval;
  anchor: 'published' | 'event' | 'none';
  direction?: 'past' | 'future' | 'same';
  stated: string[];
  implied: string[];
}

export interface Candidate {
  start: number;
  end: number;
  rule: string;
  /** Higher wins among equally long overlapping candidates. */
  prio: number;
  /** A clock time with no date of its own ("5 p.m.", "noon"); may merge with an adjacent day. */
  clock?: { hh: number; mi: number; text: string; utc?: boolean };
  /** Resolves to a single day, so a clock time may attach to it. */
  dayLevel?: boolean;
  /** Names a quarter of its own (not "a year earlier"), so later "a year earlier" refers to it. */
  setsQuarter?: boolean;
  resolve(ctx: ResolveContext): Resolution;
}

// ------------------------------------------------------------------ helpers

const B = '(?<![\\w’\'-])';
const E = '(?![\\w-])';

function ci(word: string): string {
  return word.replace(/\b([a-z])/g, (_m, c: string) => `[${c.toUpperCase()}${c}]`);
}

function rx(source: string, flags = 'g'): RegExp {
  return new RegExp(source, flags);
}

function interval(type: TimexType, iv: Interval, anchor: Resolution['anchor'], stated: string[], implied: string[], direction?: Resolution['direction']): Resolution {
  return { type, value: iv.value, interval: iv, anchor, stated, implied, direction };
}

function unresolved(type: TimexType, value: string, stated: string[], anchor: Resolution['anchor'] = 'none'): Resolution {
  return { type, value, anchor, stated, implied: [] };
}

function directionOf(day: number, anchor: number): 'past' | 'future' | 'same' {
  return day < anchor ? 'past' : day > anchor ? 'future' : 'same';
}

/** Most recent day with weekday `wd` on/before (past) or on/after (future) the anchor. */
export function resolveWeekday(anchor: number, wd: number, dir: Direction, strict: 'last' | 'next' | null): number {
  const today = weekday(anchor);
  if (strict === 'next' || (strict === null && dir === 'future')) {
    let delta = (wd - today + 7) % 7;
    if (strict === 'next' && delta === 0) delta = 7;
    return anchor + delta;
  }
  let back = (today - wd + 7) % 7;
  if (strict === 'last' && back === 0) back = 7;
  return anchor - back;
}

/**
 * The year of a month (and day) named without one in a narrative: the story's year, or the next when that
 * month is already behind the story's time (stories move forward), unless a past cue ("had") looks back.
 */
export function storyYear(anchor: number, m: number, dir: Direction): number {
  const a = ymd(anchor);
  return dir === 'past' || m >= a.m ? a.y : a.y + 1;
}

/**
 * Picks the year for a month (and day) given without one. News is past-biased: the latest instance on or
 * before the anchor, unless a future cue says otherwise, or the next instance is much closer (and soon).
 */
export function pickYear(anchor: number, m: number, d: number | null, dir: Direction): number {
  const { y } = ymd(anchor);
  const at = (yy: number): number => epochDay(yy, m, d ?? 1);
  const atEnd = (yy: number): number => (d === null ? epochDay(yy, m, daysInMonth(yy, m)) : at(yy));
  // Same month (month-only) or same day counts as both past and future.
  if (at(y) <= anchor && atEnd(y) >= anchor) return y;
  const past = at(y) <= anchor ? y : y - 1;
  const future = at(y) > anchor ? y : y + 1;
  // "by Jan. 14" written on Jan. 15 still means the deadline just passed.
  if (dir === 'future') return anchor - atEnd(past) <= 14 ? past : future;
  if (dir === 'past') return past;
  const pastDist = anchor - atEnd(past);
  const futureDist = at(future) - anchor;
  return futureDist * 4 < pastDist && futureDist <= 60 ? future : past;
}

function shiftUnit(anchor: number, unit: string, n: number): Interval {
  const { y, m } = ymd(anchor);
  switch (unit) {
    case 'day':
    case 'night':
      return dayInterval(anchor + n);
    case 'week':
      return weekInterval(anchor + 7 * n);
    case 'weekend':
      return weekendInterval(anchor + 7 * n);
    case 'month': {
      const t = addMonths(y, m, n);
      return monthInterval(t.y, t.m);
    }
    case 'quarter': {
      const t = addMonths(y, (quarterOf(m) - 1) * 3 + 1, 3 * n);
      return quarterInterval(t.y, quarterOf(t.m));
    }
    case 'decade':
      return decadeInterval(Math.floor(y / 10) * 10 + 10 * n);
    case 'century':
      return centuryInterval(Math.floor(y / 100) * 100 + 100 * n);
    default:
      return yearInterval(y + n);
  }
}

const FUTURE_CUE = /\b(?:as early as|as soon as|might|would|will|won['’]?t|wo n't|shall|going to|plans? to|planning to|planned to|scheduled|set to|expected to|is to|are to|upcoming|intends? to|aims? to|hopes? to|due to (?:be|begin|start|meet|arrive|take|hold|vote|announce))\b|['’]ll\b/i;
const SCHEDULED_PRESENT = /\b(?:meet|meets|begin|begins|start|starts|open|opens|vote|votes|visit|visits|arrive|arrives|travel|travels|resume|resumes|return|returns|launch|launches|expire|expires|convene|convenes|reconvene|reconvenes)\s+(?:separately\s+|again\s+)?(?:on\s+)?$/i;
/** Future in a main clause's own verb group (not "planned to", "would": a past plan or a conditional). */
const MAIN_CLAUSE_FUTURE = /\b(?:will|won['’]?t|wo n't|shall|(?:is|are|am)\s+(?:going|scheduled|set|expected|due|slated)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to|aims?\s+to|hopes?\s+to)\b|['’]ll\b/i;
const PAST_CUE = /\b(?:said|was|were|had|did|ago|earlier|announced|reported|told|killed|began|started)\b/i;
/** A possessive after a date ("Tuesday's"), and the words that put such a day ahead ("ahead of Tuesday's vote", "Tuesday's planned talks"). */
const POSSESSIVE = /^['’]s\b/;
const POSSESSIVE_AHEAD_BEFORE = /\b(?:ahead of|in advance of|in the run-up to|upcoming|forthcoming|awaiting|await|awaits)\s+(?:the\s+)?$/i;
const SCHEDULED_AFTER_POSSESSIVE = new RegExp(`^['’]s\\s+(?:[\\w-]+\\s+){0,2}?(?:${SCHEDULED_EVENT_NOUNS.join('|')})\\b`, 'i');
const POSSESSIVE_AHEAD_AFTER = /^['’]s\s+(?:planned|scheduled|upcoming|expected|proposed|forthcoming)\b/i;

/** The main clause after a fronted adverbial ("Until Thursday, they had …"), or '' when the expression is not fronted. */
function fronted(sentence: string, before: string, end: number): string {
  if (!/^\s*(?:(?:on|and|but|then|late|early|by|until|till)\s+)?$/i.test(before) || !/^\s*,/.test(sentence.slice(end, end + 3))) return '';
  const clause = sentence.slice(end, end + 90);
  const clauseEnd = clause.search(/[;:.!?"“”]|''|``/);
  return clauseEnd >= 0 ? clause.slice(0, clauseEnd) : clause;
}

const FUTURE_CUE_ALL = new RegExp(FUTURE_CUE.source, 'gi');
const DATE_WORD =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|tonight|january|february|march|april|june|july|august|september|october|november|december|jan|feb|sept?|oct|nov|dec)\b\.?/gi;
/** What may stand between two dates that share one tense cue ("on Monday and Tuesday", "Friday or, at the latest, Monday"). */
const DATE_LINK = /^(?:\s*\d{1,4}(?:st|nd|rd|th)?,?)*[\s,]*(?:(?:and|or|to|through|thru|until|till|then|-|–|—)\s*)?(?:(?:on|next|this|early|late)\s+)?$/i;

/**
 * Whether the last future cue in `before` governs a date of its own first: "were set to regroup on
 * Wednesday in Brussels … to discuss the outcomes of Tuesday's meeting" — "set to" points at
 * Wednesday, not at the meeting's Tuesday. Dates linked by a conjunction share the cue.
 */
function futureCueTaken(before: string): boolean {
  let cueEnd = -1;
  FUTURE_CUE_ALL.lastIndex = 0;
  for (let m = FUTURE_CUE_ALL.exec(before); m; m = FUTURE_CUE_ALL.exec(before)) cueEnd = m.index + m[0].length;
  if (cueEnd < 0) return false;
  const tail = before.slice(cueEnd);
  let lastDateEnd = -1;
  DATE_WORD.lastIndex = 0;
  for (let m = DATE_WORD.exec(tail); m; m = DATE_WORD.exec(tail)) lastDateEnd = m.index + m[0].length;
  return lastDateEnd >= 0 && !DATE_LINK.test(tail.slice(lastDateEnd));
}

/** Tense cue for an expression at [start, end) of a sentence. */
export function tenseCue(sentence: string, start: number, end: number): Direction {
  // The clause around the expression: cut at semicolons, colons and quotation marks (a quote is
  // another speaker's clause), and after it at commas too.
  // A future auxiliary may stand well before the date ("will be named commander of the shuttle for a mission
  // in December"), so the future cue looks 110 characters back; the other cues look at the nearer 70.
  let wide = sentence.slice(Math.max(0, start - 110), start);
  const cut = Math.max(wide.lastIndexOf(';'), wide.lastIndexOf(':'), wide.lastIndexOf('"'), wide.lastIndexOf('”'), wide.lastIndexOf('“'), wide.lastIndexOf("''"), wide.lastIndexOf('``'));
  if (cut >= 0) wide = wide.slice(cut + 1);
  const before = wide.length > 70 ? wide.slice(wide.length - 70) : wide;
  let after = sentence.slice(end, end + 30);
  const stop = after.search(/[;:,.]/);
  if (stop >= 0) after = after.slice(0, stop);
  if (/\b(?:since|ago)\s+$/i.test(before)) return 'past';
  // A possessive date names the day of the noun it modifies ("Tuesday's earthquake", "get around Wednesday's
  // ruling"): the clause's tense is not the noun's. A cue on the noun itself points ahead ("ahead of Sunday's
  // election"); otherwise only a scheduled event ("will attend Saturday's summit") takes the clause's tense.
  if (POSSESSIVE.test(sentence.slice(end, end + 3))) {
    const noun = sentence.slice(end, end + 40);
    if (POSSESSIVE_AHEAD_BEFORE.test(before) || POSSESSIVE_AHEAD_AFTER.test(noun)) return 'future';
    if (!SCHEDULED_AFTER_POSSESSIVE.test(noun)) return null;
  }
  // "said Friday", "announced Friday that it will …": the date belongs to the past-tense verb before it.
  if (/\b(?:said|told|announced|reported|confirmed|added|stated|wrote|[a-z]{3,}ed)\s+(?:on\s+)?$/i.test(before)) return null;
  if (/\b(?:by|until|till|payable|effective|expires?|expiring)\s+$/i.test(before) && !PAST_CUE.test(before) && !PAST_CUE.test(after) && !PAST_CUE.test(fronted(sentence, before, end))) return 'future';
  // A fronted adverbial ("On Tuesday, the league plans to hold …") belongs to the main clause after it,
  // whose own tense decides ("On Friday, the government planned to pay …" stays in the past).
  if (/^\s*(?:(?:on|and|but|then|late|early)\s+)?$/i.test(before) && MAIN_CLAUSE_FUTURE.test(fronted(sentence, before, end))) return 'future';
  // "had been scheduled to", "had planned to": a plan seen from the past, not a future.
  const unplanned = (t: string): string => t.replace(/\bhad\s+(?:been\s+)?(?:scheduled|set|expected|planned|planning|due|going)\s+to\b/gi, '');
  const wideCue = unplanned(wide);
  if ((FUTURE_CUE.test(wideCue) && !futureCueTaken(wideCue)) || FUTURE_CUE.test(unplanned(after))) return 'future';
  // Headline present tense with a scheduled event ("the leaders meet Monday") points ahead.
  if (SCHEDULED_PRESENT.test(before) && !PAST_CUE.test(before)) return 'future';
  // Past tense is the news default, so a past cue changes nothing; it only blocks "by/until" readings above.
  return null;
}

/** The nth (1-based; -1 = last) weekday `wd` (1 = Monday … 7 = Sunday) of a month, as an epoch day. */
function nthWeekday(y: number, m: number, wd: number, n: number): number {
  if (n < 0) {
    const last = epochDay(y, m, daysInMonth(y, m));
    return last - ((weekday(last) - wd + 7) % 7);
  }
  const first = epochDay(y, m, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** Western Easter Sunday (anonymous Gregorian computus), as an epoch day. */
function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const mm = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * mm + 114) / 31);
  const day = ((h + l - 7 * mm + 114) % 31) + 1;
  return epochDay(y, month, day);
}

// ------------------------------------------------------------------ rules

interface RuleMatch {
  m: RegExpExecArray;
  sentence: string;
}

/**
 * Cheap facts about one sentence, computed once (lazily) and shared by the rules' prefilters: its lower-cased
 * text, its words (maximal runs of ASCII letters, lower-cased), whether it has a digit, a month or weekday name,
 * a year-like number, a unit word. Each is a necessary condition of some rules' patterns (see `need`).
 */
export class SentenceFacts {
  readonly text: string;
  private lowText?: string;
  private wordSet?: Set<string>;
  private digitFlag?: boolean;
  private yearFlag?: boolean;
  private monthFlag?: boolean;
  private weekdayFlag?: boolean;
  private unitFlag?: boolean;
  constructor(text: string) {
    this.text = text;
  }
  get low(): string {
    return (this.lowText ??= this.text.toLowerCase());
  }
  /** Lower-cased maximal runs of ASCII letters (a regex's ASCII letters, even under /i, match only ASCII ones). */
  get words(): Set<string> {
    if (!this.wordSet) {
      const set = new Set<string>();
      // Lower-casing maps no non-ASCII character to an ASCII letter except U+0130 (İ → i + U+0307) and the
      // Kelvin sign (→ k); without them the runs of the lower-cased text are the text's runs, lower-cased.
      const m = this.text.includes('\u0130') || this.text.includes('\u212A') ? this.text.match(/[A-Za-z]+/g)?.map((w) => w.toLowerCase()) : this.low.match(/[a-z]+/g);
      if (m) for (let i = 0; i < m.length; i++) set.add(m[i]);
      this.wordSet = set;
    }
    return this.wordSet;
  }
  /** Some substring (lower case) occurs in the lower-cased sentence. */
  any(...subs: string[]): boolean {
    const low = this.low;
    for (let i = 0; i < subs.length; i++) if (low.includes(subs[i])) return true;
    return false;
  }
  /** Some word (lower case) is one of the sentence's words. */
  word(...ws: string[]): boolean {
    const set = this.words;
    for (let i = 0; i < ws.length; i++) if (set.has(ws[i])) return true;
    return false;
  }
  get digit(): boolean {
    return (this.digitFlag ??= /\d/.test(this.text));
  }
  /** A number 1600–2099 somewhere (the year patterns' `(?:1[6-9]|20)\d\d`). */
  get year(): boolean {
    return (this.yearFlag ??= this.digit && /1[6-9]\d\d|20\d\d/.test(this.text));
  }
  /** Some form of `MONTH` (case-sensitive, as the patterns that require it are) could occur. */
  get month(): boolean {
    return (this.monthFlag ??= MONTH_PREFIX.test(this.text));
  }
  /** A weekday name or abbreviation (`WEEKDAY`) as a word. */
  get weekday(): boolean {
    return (this.weekdayFlag ??= this.word(...WEEKDAY_WORDS));
  }
  /** A unit word (`UNIT`) as a word. */
  get unit(): boolean {
    return (this.unitFlag ??= this.word(...UNIT_WORDS));
  }
}

/** Every form of `MONTH` contains one of these. */
const MONTH_PREFIX = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC/;
/** The letters of every form of `WEEKDAY`, lower-cased. */
const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'];
/**
 * The tail every match of the `ago` rule ends with (unit, optional "and a half" / "or so", relation word), tested on
 * the lower-cased text; no lookaround, since lower-casing may turn a character next to the match into a letter.
 */
const AGO_TAIL = /(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|from now|hence|back|previously)/;
const WEEKDAY_PLURALS = ['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays'];
/** Every word `UNIT` matches, lower-cased. */
const UNIT_WORDS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'centuries']
  .flatMap((w) => [w, `${w}s`]);

interface Rule {
  name: string;
  /**
   * A necessary condition of `re` on the sentence's facts (a word or substring every match contains), so that
   * most rules skip most sentences without a full regex scan. It must never reject a sentence `re` matches.
   */
  need?: (f: SentenceFacts) => boolean;
  /** A cheap test on the whole sentence; the rule's pattern runs only where it passes. */
  gate?: RegExp;
  re: RegExp;
  prio: number;
  build(match: RuleMatch): (Built & { second?: Built & { start: number; end: number } }) | null;
}

type Built = Omit<Candidate, 'start' | 'end' | 'rule' | 'prio'> & { start?: number; end?: number };

/** A calendar date from parts (any may be missing); year inferred with the news policy. */
export function calendarResolver(parts: { y?: number; m?: number; d?: number; wd?: number; part?: string; hh?: number; mi?: number }, strict: 'last' | 'next' | null = null) {
  return (ctx: ResolveContext): Resolution => {
    const stated: string[] = [];
    if (parts.y !== undefined) stated.push('year');
    if (parts.m !== undefined) stated.push('month');
    if (parts.d !== undefined) stated.push('day');
    if (parts.wd !== undefined) stated.push('weekday');
    if (parts.hh !== undefined) stated.push('hour');
    const type: TimexType = parts.hh !== undefined || parts.part !== undefined ? 'TIME' : 'DATE';
    const timeSuffix = parts.hh !== undefined ? `T${pad(parts.hh)}:${pad(parts.mi ?? 0)}` : parts.part ? `T${parts.part}` : '';
    let iv: Interval;
    const implied: string[] = [];
    if (parts.m !== undefined) {
      let y = parts.y;
      if (y === undefined) {
        if (ctx.anchor === null) {
          const v = `XXXX-${pad(parts.m)}${parts.d !== undefined ? `-${pad(parts.d)}` : ''}`;
          return unresolved(type, v + timeSuffix, stated);
        }
        y = ctx.narrative && strict === null ? storyYear(ctx.anchor, parts.m, ctx.dir) : strict === 'last' ? pickYear(ctx.anchor - 1, parts.m, parts.d ?? null, 'past') : strict === 'next' ? pickYear(ctx.anchor + 1, parts.m, parts.d ?? null, 'future') : pickYear(ctx.anchor, parts.m, parts.d ?? null, ctx.dir);
        implied.push('year');
      }
      if (strict !== null && parts.y === undefined && ctx.anchor !== null && parts.d === undefined) {
        // "last February" said in February is a year back; "next March" said in March a year ahead.
        const iv0 = monthInterval(y, parts.m);
        if (iv0.from <= ctx.anchor && ctx.anchor <= iv0.to) y += strict === 'last' ? -1 : 1;
      }
      if (parts.d !== undefined) {
        if (parts.d > daysInMonth(y, parts.m)) return unresolved(type, `${pad(y, 4)}-${pad(parts.m)}`, stated);
        iv = dayInterval(epochDay(y, parts.m, parts.d));
      } else iv = monthInterval(y, parts.m);
    } else if (parts.y !== undefined) {
      iv = yearInterval(parts.y);
    } else if (parts.wd !== undefined) {
      if (ctx.anchor === null) return unresolved(type, `XXXX-WXX-${parts.wd}${timeSuffix}`, stated);
      iv = dayInterval(resolveWeekday(ctx.anchor, parts.wd, ctx.narrative && ctx.dir === null ? 'future' : ctx.dir, strict));
      implied.push('year', 'month', 'day');
    } else {
      // A bare clock time: the anchor day.
      if (ctx.anchor === null) return unresolved(type, `XXXX-XX-XX${timeSuffix}`, stated);
      iv = dayInterval(ctx.anchor);
      implied.push('year', 'month', 'day');
    }
    const res = interval(type, iv, implied.length > 0 ? 'published' : 'none', stated, implied, ctx.anchor !== null ? directionOf(iv.from, ctx.anchor) : undefined);
    if (timeSuffix && iv.granularity === 'day') res.value += timeSuffix;
    return res;
  };
}

/** The TIMEX value of a relative expression with no anchor: the unit's shape with unknown digits. */
function unanchoredValue(unit: string, part?: string): string {
  switch (unit) {
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    case 'quarter':
      return 'XXXX-QX';
    case 'year':
      return 'XXXX';
    case 'decade':
      return 'XXX';
    case 'century':
      return 'XX';
    default:
      return part ? `XXXX-XX-XXT${part}` : 'XXXX-XX-XX';
  }
}

/** A clock time with no day of its own: on the narrative's last day, else the anchor day. */
function clockResolver(hh: number, mi: number, utc: boolean) {
  return (ctx: ResolveContext): Resolution => {
    const day = ctx.lastDay ?? ctx.anchor;
    const suffix = `T${pad(hh)}:${pad(mi)}${utc ? 'Z' : ''}`;
    if (day === null) return unresolved('TIME', `XXXX-XX-XX${suffix}`, ['hour']);
    const res = interval('TIME', dayInterval(day), ctx.lastDay !== null ? 'event' : 'published', ['hour'], ['year', 'month', 'day']);
    res.value += suffix;
    return res;
  };
}

function relativeResolver(unit: string, n: number, type: TimexType = 'DATE', part?: string) {
  return (ctx: ResolveContext): Resolution => {
    const stated = ['offset'];
    if (ctx.anchor === null) return unresolved(type, unanchoredValue(unit, part), stated);
    const iv = shiftUnit(ctx.anchor, unit, n);
    const res = interval(type, iv, 'published', stated, ['year', 'month', 'day'], n < 0 ? 'past' : n > 0 ? 'future' : 'same');
    if (part && iv.granularity === 'day') res.value += `T${part}`;
    return res;
  };
}

/** "that day", "the next day", "two days later": relative to the narrative's last date, never to the article date. */
function narrativeResolver(unit: string, n: number, type: TimexType = 'DATE', part?: string) {
  return (ctx: ResolveContext): Resolution => {
    // "that year", "the following month": the narrative's last year or month, else its last day.
    const coarse = unit === 'year' ? ctx.lastYear : unit === 'month' ? ctx.lastMonth : null;
    const base = coarse ? coarse.day : ctx.lastDay;
    if (base === null) return unresolved(type, unanchoredValue(unit, part), ['offset'], 'event');
    const iv = shiftUnit(base, unit, n);
    const res = interval(type, iv, 'event', ['offset'], ['year', 'month', 'day']);
    if (part && iv.granularity === 'day') res.value += `T${part}`;
    return res;
  };
}

function fixed(type: TimexType, value: string, stated: string[] = []) {
  return (): Resolution => unresolved(type, value, stated);
}

/** What precedes "a year", "a day": a frequency ("twice a week") or a rate ("$5 million a year", "24 hours a day"). */
function rateBefore(sentence: string, start: number): 'frequency' | 'rate' | null {
  const before = sentence.slice(Math.max(0, start - 24), start);
  if (/\b(?:times|once|twice|thrice)\s*$/i.test(before)) return 'frequency';
  if (/(?:\d|million|billion|trillion|percent|%|dollars?|cents?|euros?|pounds?|\$|hours|days|flights|seats|shares|barrels|tons)\s*$/i.test(before)) return 'rate';
  return null;
}

const YEAR_CUE_BEFORE = /(?:\b(?:in|since|of|by|from|to|until|till|through|thru|during|before|after|early|late|mid|fiscal|calendar|year|the|and|or|between|for|than|around|about|circa|as of|spring|summer|fall|autumn|winter|January|February|March|April|May|June|July|August|September|October|November|December)|[,(–—-])\s*$/i;

const COUNT_NOUN = /^\s+(?:people|persons|troops|soldiers|shares|cars|vehicles|units|workers|employees|jobs|homes|houses|families|members|students|children|refugees|residents|civilians|deaths|cases|votes|tons|tonnes|barrels|miles|kilometers|km|meters|feet|pounds|dollars|euros|yen|points|acres|hectares|rounds|missiles|drones|rockets|names|pages|copies|flights|passengers|prisoners|hostages|police|officers|delegates|seats|calls|signatures|lives|hours|minutes|days|times|percent)\b/i;
const QUANTITY_BEFORE = /\b(?:about|some|nearly|approximately|than|over|under|almost|roughly|around|only|least|most|to|of|total|another|additional|extra)\s*$/i;

function yearOk(sentence: string, start: number, end: number): boolean {
  const before = sentence.slice(Math.max(0, start - 16), start);
  if (/[$£€#\d.,:/]\s*$/.test(before) || /\bNo\.\s*$/.test(before)) return false;
  const after = sentence.slice(end, end + 24);
  if (/^(?:[.,]\d|\s*%|\s*percent|-\d|\/\d|:\d|\d)/.test(after)) return false;
  if (COUNT_NOUN.test(after)) return false;
  if (QUANTITY_BEFORE.test(before) && !YEAR_CUE_BEFORE.test(before.replace(QUANTITY_BEFORE, ''))) {
    // "about 1990" may still be a year ("about 1990 or 1991"); "of 1990" usually is: keep "of", "to".
    if (!/\b(?:of|to)\s*$/i.test(before)) return false;
  }
  return true;
}

const MODIFIER = `(?:${ci('the early part of')}|${ci('the latter part of')}|${ci('the later part of')}|${ci('the first part of')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the end of')}|${ci('the beginning of')}|${ci('the start of')}|${ci('the middle of')}|${ci('end of')}|${ci('the first half of')}|${ci('the second half of')}|${ci('the turn of')})`;
const REL = `(?:${ci('last')}|${ci('next')}|${ci('this')}|${ci('this past')}|${ci('this coming')}|${ci('past')}|${ci('coming')})`;
const ORD_Q: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

const DECADE_WORDS: Record<string, number> = { twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 };

function strictOf(word: string | undefined): 'last' | 'next' | null {
  if (!word) return null;
  const w = word.toLowerCase();
  if (w === 'last' || w === 'past' || w === 'this past') return 'last';
  if (w === 'next' || w === 'coming' || w === 'this coming') return 'next';
  return null;
}

const RULES: Rule[] = [
  // ---- clock times: "5 p.m.", "10:30 a.m. EST", "noon", "midnight"
  {
    name: 'clock',
    prio: 5,
    need: (f) => f.digit,
    // The zone is matched case-sensitively ("5 p.m. EST", "10 a.m. ET"), so "5 p.m. next Tuesday" keeps "next".
    re: rx(`(?<![\\w.:])(\\d{1,2})(?:[:.](\\d\\d))?\\s*([aApP])\\.?\\s?[mM]\\b\\.?(?:\\s+(?:[A-Z]{1,4}T|GMT|UTC|local time)(?![\\w-]))?`, 'g'),
    build({ m }) {
      let hh = Number(m[1]);
      const mi = m[2] ? Number(m[2]) : 0;
      if (hh > 12 || mi > 59) return null;
      if (m[3].toLowerCase() === 'p' && hh < 12) hh += 12;
      if (m[3].toLowerCase() === 'a' && hh === 12) hh = 0;
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  // ---- "4 in the morning", "eight o'clock in the evening": a clock time
  {
    name: 'clock-part',
    prio: 6,
    need: (f) => f.any('morning', 'afternoon', 'evening'),
    gate: /\bin the (?:morning|afternoon|evening)\b/i,
    re: rx(`(?<![\\w.:$])(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::([0-5]\\d))?(?:\\s+o['’]clock)?\\s+in\\s+the\\s+(morning|afternoon|evening)${E}`, 'gi'),
    build({ m, sentence }) {
      const mi = m[2] ? Number(m[2]) : 0;
      let hh = parseCount(m[1].toLowerCase());
      if (hh === null || hh < 1 || hh > 12) return null;
      // "at 4 in the morning", "eight o'clock in the evening"; not "one in the morning crowd".
      if (!/o['’]clock/i.test(m[0]) && !m[2] && !/\b(?:at|by|until|till|around|about|before|after|since|from|to)\s+$/i.test(sentence.slice(Math.max(0, m.index - 8), m.index))) return null;
      const part = m[3].toLowerCase();
      if (part !== 'morning' && hh < 12) hh += 12;
      if (part === 'morning' && hh === 12) hh = 0;
      return { clock: { hh, mi, text: m[0] }, resolve: clockResolver(hh, mi, false) };
    },
  },
  // ---- "eight p.m.", "ten thirty a.m.": clock times in words, as broadcast transcripts write them
  {
    name: 'clock-words',
    prio: 5,
    gate: /\b[aApP]\.?\s?[mM]\b/,
    re: rx(`${B}(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[\\s-](fifteen|thirty|forty-five))?\\s+([aApP])\\.?\\s?[mM]\\b\\.?(?:\\s+(?:[A-Z]{1,4}T|GMT|UTC|local time)(?![\\w-]))?`, 'gi'),
    build({ m }) {
      let hh = parseCount(m[1].toLowerCase());
      if (hh === null) return null;
      const mi = m[2] ? (m[2].toLowerCase() === 'fifteen' ? 15 : m[2].toLowerCase() === 'thirty' ? 30 : 45) : 0;
      if (m[3].toLowerCase() === 'p' && hh < 12) hh += 12;
      if (m[3].toLowerCase() === 'a' && hh === 12) hh = 0;
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  {
    name: 'clock24',
    prio: 4,
    need: (f) => f.digit && f.low.includes(':'),
    re: rx(`(?<![\\w.:$])([01]?\\d|2[0-3]):([0-5]\\d)(?:\\s*(?:GMT|UTC|[A-Z]{1,4}T|local time|hours|hrs))(?![\\w:])`, 'g'),
    build({ m }) {
      const hh = Number(m[1]);
      const mi = Number(m[2]);
      const utc = /\b(?:UTC|GMT)$/.test(m[0]);
      return { clock: { hh, mi, text: m[0], utc }, resolve: clockResolver(hh, mi, utc) };
    },
  },
  {
    name: 'noon',
    prio: 5,
    need: (f) => f.any('noon', 'midnight', 'midday'),
    re: rx(`${B}(${ci('noon')}|${ci('midnight')}|${ci('midday')})${E}`, 'g'),
    build({ m, sentence }) {
      const w = m[1].toLowerCase();
      // Midnight ends its day ("midnight Friday" is the night from Friday into Saturday): T24:00, as in TimeML.
      const hh = w === 'midnight' ? 24 : 12;
      if (/\bhigh\s+$/i.test(sentence.slice(Math.max(0, m.index - 6), m.index))) return null;
      return { clock: { hh, mi: 0, text: m[0] }, resolve: calendarResolver({ hh, mi: 0 }) };
    },
  },
  // ---- today / yesterday / tomorrow / tonight, with parts of day and modifiers
  {
    name: 'deictic-day',
    prio: 6,
    need: (f) => f.any('today', 'tomorrow', 'yesterday', 'tonight'),
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('later')}|${ci('earlier')})\\s+)?(${ci('the day before yesterday')}|${ci('the day after tomorrow')}|${ci('today')}|${ci('tomorrow')}|${ci('yesterday')}|${ci('tonight')})(?:\\s+(morning|afternoon|evening|night))?${E}`, 'g'),
    build({ m }) {
      const w = m[2].toLowerCase();
      const n = w.includes('before yesterday') ? -2 : w.includes('after tomorrow') ? 2 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = m[3] ? PART_OF_DAY[m[3].toLowerCase()] : w === 'tonight' ? 'NI' : undefined;
      return { dayLevel: !part, resolve: relativeResolver('day', n, part ? 'TIME' : 'DATE', part) };
    },
  },
  {
    name: 'this-part',
    prio: 6,
    need: (f) => f.word('this', 'last') && f.word('morning', 'afternoon', 'evening', 'night'),
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('later')}|${ci('earlier')})\\s+)?(${ci('this')}|${ci('last')})\\s+(morning|afternoon|evening|night)${E}`, 'g'),
    build({ m }) {
      const part = PART_OF_DAY[m[3].toLowerCase()];
      const n = m[2].toLowerCase() === 'last' ? -1 : 0;
      return { resolve: relativeResolver('day', n, 'TIME', part) };
    },
  },
  // ---- "mid-morning", "late afternoon", "early evening": a part of the day under discussion (else the article's)
  {
    name: 'part-modified',
    prio: 4,
    need: (f) => f.any('morning', 'afternoon', 'evening', 'night'),
    gate: /(?:early|late|mid)[\s-]?(?:morning|afternoon|evening|night)/i,
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('mid')})[\\s-]?)(morning|afternoon|evening|night)${E}`, 'g'),
    build({ m, sentence }) {
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 14);
      // "late-night talk show", "early morning flights": adjectives before a noun.
      if (!/^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|but|to|before|after|until|when|while|with|at|on|in|from|for|by|as|than|that|[A-Z]\w*)\b)/.test(after)) return null;
      const part = PART_OF_DAY[m[2].toLowerCase()];
      return { resolve: (ctx) => (ctx.lastDay !== null ? narrativeResolver('day', 0, 'TIME', part)(ctx) : relativeResolver('day', 0, 'TIME', part)(ctx)) };
    },
  },
  // ---- "overnight", "overnight into Wednesday morning"
  {
    name: 'overnight',
    prio: 7,
    need: (f) => f.any('overnight'),
    re: rx(`${B}${ci('overnight')}(?:\\s+(?:into|to|on|before)\\s+(${WEEKDAY}|today|yesterday)(?:\\s+(morning))?)?${E}`, 'g'),
    build({ m }) {
      const day = m[1];
      return {
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('TIME', day && weekdayNumber(day) ? `XXXX-WXX-${weekdayNumber(day)}TNI` : 'XXXX-XX-XXTNI', ['part']);
          let end: number;
          // A bare "overnight" in a narrative of an earlier day ("closed lower Friday ... overnight losses in
          // New York", within the week before the article) is the night before that day; otherwise the night before the article.
          if (!day) end = ctx.dir === 'future' ? ctx.anchor + 1 : ctx.lastDay !== null && ctx.lastDay < ctx.anchor && ctx.anchor - ctx.lastDay <= 7 ? ctx.lastDay : ctx.anchor;
          else if (day.toLowerCase() === 'today') end = ctx.anchor;
          else if (day.toLowerCase() === 'yesterday') end = ctx.anchor - 1;
          else end = resolveWeekday(ctx.anchor, weekdayNumber(day) ?? 1, ctx.dir, null);
          const iv = dayInterval(end - 1);
          const res = interval('TIME', { ...iv, to: end }, 'published', day ? ['weekday', 'part'] : ['part'], ['year', 'month', 'day'], directionOf(end, ctx.anchor));
          res.value = `${iv.value}TNI`;
          return res;
        },
      };
    },
  },
  // ---- "the previous Friday", "the following Monday": relative to the narrative's last date (else the anchor)
  {
    name: 'narrative-weekday',
    prio: 6,
    need: (f) => f.any('previous', 'preceding', 'following') && f.weekday,
    re: rx(`${B}${ci('the')}\\s+(previous|preceding|following)\\s+(${WEEKDAY})(?![\\w-])`, 'g'),
    build({ m }) {
      const wd = weekdayNumber(m[2]);
      if (wd === null) return null;
      const back = m[1].toLowerCase() !== 'following';
      return {
        dayLevel: true,
        resolve(ctx) {
          const base = ctx.lastDay ?? ctx.anchor;
          if (base === null) return unresolved('DATE', `XXXX-WXX-${wd}`, ['weekday', 'offset'], 'event');
          const day = resolveWeekday(base, wd, back ? 'past' : 'future', back ? 'last' : 'next');
          return interval('DATE', dayInterval(day), ctx.lastDay !== null ? 'event' : 'published', ['weekday', 'offset'], ['year', 'month', 'day']);
        },
      };
    },
  },
  // ---- weekdays: "Tuesday", "last Friday", "Wednesday night", "late Tuesday"
  {
    name: 'weekday',
    prio: 5,
    need: (f) => f.weekday,
    re: rx(`${B}(?:(${ci('early')}|${ci('late')}|${ci('earlier')}|${ci('later')})\\s+(?:on\\s+)?)?(?:(${ci('last')}|${ci('next')}|${ci('this')}|${ci('this past')}|${ci('this coming')}|${ci('coming')}|${ci('past')})\\s+)?(${WEEKDAY})(?:['’]s)?(?:\\s+(morning|afternoon|evening|night))?(?![\\w-])`, 'g'),
    build({ m, sentence }) {
      const wd = weekdayNumber(m[3]);
      if (wd === null) return null;
      // "Black Monday", "Super Tuesday", "Ash Wednesday": named days, not the weekday around the article date.
      if (!m[1] && !m[2] && /\b(?:Black|Super|Cyber|Ash|Holy|Maundy|Bloody|Blue|Giving)\s+$/.test(sentence.slice(Math.max(0, m.index - 8), m.index))) return null;
      // "The Sunday Times", "the Mail on Sunday": newspaper names.
      if (!m[1] && !m[2] && !m[4] && (/^\s+(?:Times|Telegraph|Herald|Express|Mirror|Post|Observer|Independent|Star|Tribune|Age|Mail|Sport|Business Post)\b/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 18)) || /\b(?:Mail|Independent|Observer|Post) on\s+$/.test(sentence.slice(Math.max(0, m.index - 16), m.index)))) return null;
      const part = m[4] ? PART_OF_DAY[m[4].toLowerCase()] : undefined;
      // Keep a possessive out of the extent ("Tuesday’s talks" → "Tuesday").
      let end = m.index + m[0].length;
      if (!m[4]) {
        const poss = /['’]s$/.exec(m[0]);
        if (poss) end -= 2;
      }
      const resolveDay = calendarResolver({ wd }, strictOf(m[2]));
      // "Wednesday night" is that day: TimeBank mostly types it DATE with the plain day value; the part
      // of day is kept among the stated parts.
      return { end, dayLevel: !part, resolve: (ctx) => { const r = resolveDay(ctx); return part ? { ...r, stated: [...r.stated, `part:${part}`] } : r; } };
    },
  },
  // ---- "every Friday", "on Fridays"
  {
    name: 'weekday-set',
    prio: 6,
    need: (f) => f.weekday || f.word(...WEEKDAY_PLURALS) || f.any('weekend'),
    re: rx(`${B}(?:(?:${ci('every')}|${ci('each')})\\s+(${WEEKDAY}|weekend)|(Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)|(?<=\\b(?:[Oo]n|[Oo]ver|[Dd]uring|[Aa]t)\\s)(weekends))${E}`, 'g'),
    build({ m }) {
      // "on weekends", "every weekend": a recurring weekend.
      if (m[3] || m[1]?.toLowerCase() === 'weekend') return { resolve: fixed('SET', 'XXXX-WXX-WE') };
      const wd = weekdayNumber(m[1] ?? m[2].replace(/s$/, ''));
      if (wd === null) return null;
      return { resolve: fixed('SET', `XXXX-WXX-${wd}`) };
    },
  },
  // ---- month dates: "Oct. 30", "Monday, Oct. 26, 1998", "late November", "July 1997", "last May"
  {
    name: 'month-date',
    prio: 6,
    need: (f) => f.month,
    re: rx(`(?<![\\w-])(?:(${WEEKDAY}),?\\s+)?(?:(${MODIFIER})[\\s-]*)?(?:(${REL})\\s+)?(${MONTH})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d|:\\d)|\\s+(?:the\\s+)?(?<ordw>${ORDINAL_DAY})(?![\\w-]))?(?:(?:,\\s*|\\s+|\\s+of\\s+)((?:1\\d|20)\\d\\d)(?!\\d|[-/]\\d)|\\s+(?:of\\s+)?(this|last|next) year)?(?![\\w])`, 'g'),
    build({ m, sentence }) {
      const month = monthNumber(m[4]);
      if (month === null) return null;
      // A spelled-out ordinal day ("February twenty-eighth") ends the phrase: not "May second thoughts".
      if (m.groups?.ordw && !/^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|to|through|in|at|on|of|nineteen|twenty|two)\b)/i.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 12)) && m[7] === undefined) return null;
      const d = m[5] ? Number(m[5]) : m.groups?.ordw ? ordinalDay(m.groups.ordw) ?? undefined : undefined;
      if (d !== undefined && (d < 1 || d > 31)) return null;
      const y = m[7] ? Number(m[7]) : undefined;
      // "May 1500 people": before 1600, a number after a month is a year only when no count noun follows.
      if (y !== undefined && y < 1600 && COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const bare = d === undefined && y === undefined && !m[1] && !m[2] && !m[3];
      if (bare) {
        const before = sentence.slice(Math.max(0, m.index - 30), m.index);
        // "May", "March", "June" as names or verbs: need a calendar cue before them.
        if (/^(?:May|March|Mar\.|June|August)$/.test(m[4]) && !/\b(?:in|since|until|till|by|of|from|through|during|before|after|between|and|or|to|last|next|this|early|late|mid|end|until|as of|(?:recently|early|late|soon|long ago)\s+as)\s*$/i.test(before)) return null;
        // A capitalised word right before a bare month is usually a name ("Theresa May").
        if (/[A-Z][a-z]+\s+$/.test(before) && !/\b(?:In|Since|Until|By|Last|Next|This|Early|Late|From|During|Through)\s+$/.test(before)) return null;
        if (/^(?:Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|Apr)$/.test(m[4])) return null;
      }
      const wd = m[1] ? weekdayNumber(m[1]) ?? undefined : undefined;
      if (m[8]) {
        const shift = m[8] === 'last' ? -1 : m[8] === 'next' ? 1 : 0;
        const base = calendarResolver({ m: month, d, wd });
        return {
          dayLevel: d !== undefined,
          resolve(ctx) {
            if (ctx.anchor === null) return base(ctx);
            const yy = ymd(ctx.anchor).y + shift;
            return calendarResolver({ y: yy, m: month, d, wd })(ctx);
          },
        };
      }
      return { dayLevel: d !== undefined, resolve: calendarResolver({ y, m: month, d, wd }, strictOf(m[3])) };
    },
  },
  // ---- "the week of March 6": the ISO week holding that day
  {
    name: 'week-of',
    prio: 7,
    need: (f) => f.digit && f.month,
    gate: /\bweek of\b/i,
    re: rx(`${B}${ci('the')}\\s+(?:(${ci('first')}|${ci('last')})\\s+)?${ci('week')}\\s+of\\s+(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:1[6-9]|20)\\d\\d))?(?![\\w])`, 'g'),
    build({ m }) {
      const month = monthNumber(m[2]);
      const d = Number(m[3]);
      if (month === null || m[1] || d < 1 || d > 31) return null;
      const day = calendarResolver({ y: m[4] ? Number(m[4]) : undefined, m: month, d });
      return {
        resolve(ctx) {
          const r = day(ctx);
          if (!r.interval || r.interval.granularity !== 'day') return { ...r, value: r.value.replace(/-\d\d-\d\d$/, '-WXX').replace(/-XX-\d\d$/, '-WXX') };
          return { ...r, value: weekInterval(r.interval.from).value, interval: weekInterval(r.interval.from), implied: [...r.implied, 'week'] };
        },
      };
    },
  },
  // ---- "April 24 and 25": the second day of a conjoined pair is a date of its own
  {
    name: 'conjoined-day',
    prio: 6,
    need: (f) => f.digit && f.month,
    gate: /\s(?:and|or)\s+\d/,
    re: rx(`(?<![\\w-])(${MONTH})\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+(?:and|or)\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+((?:1[6-9]|20)\\d\\d))?(?![\\w%:.,]\\d|\\s*(?:%|percent|cents|million|billion|[a-z]))`, 'g'),
    build({ m }) {
      const month = monthNumber(m[1]);
      const d = Number(m[2]);
      if (month === null || d < 1 || d > 31) return null;
      // The expression is the second day only; the first is the month-date rule's.
      const k = m[0].search(/\s(?:and|or)\s+\d/);
      const start = m.index + k + m[0].slice(k).search(/\d/);
      return { start, dayLevel: true, resolve: calendarResolver({ y: m[3] ? Number(m[3]) : undefined, m: month, d }) };
    },
  },
  {
    name: 'day-month',
    prio: 6,
    need: (f) => f.digit && f.month,
    re: rx(`(?<![\\w.,-])(?:(${WEEKDAY}),?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?:,?\\s+((?:1\\d|20)\\d\\d)(?!\\d))?(?![\\w])`, 'g'),
    build({ m, sentence }) {
      const month = monthNumber(m[3]);
      const d = Number(m[2]);
      if (month === null || d < 1 || d > 31) return null;
      const y = m[4] ? Number(m[4]) : undefined;
      if (y !== undefined && y < 1600 && COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      const wd = m[1] ? weekdayNumber(m[1]) ?? undefined : undefined;
      return { dayLevel: true, resolve: calendarResolver({ y, m: month, d, wd }) };
    },
  },
  // ---- day ranges: "March 5-7", "5-6 March 2005": one expression whose range is the days named
  {
    name: 'day-range',
    prio: 7,
    need: (f) => f.digit && f.month,
    re: rx(`(?<![\\w.,-])(?:(${MONTH})\\s+(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})|(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})\\s+(${MONTH}))(?:,?\\s+((?:1[6-9]|20)\\d\\d)(?!\\d))?(?![\\w])`, 'g'),
    build({ m }) {
      const month = monthNumber(m[1] ?? m[6]);
      const d1 = Number(m[2] ?? m[4]);
      const d2 = Number(m[3] ?? m[5]);
      if (month === null || d1 < 1 || d2 > 31 || d1 >= d2) return null;
      const statedYear = m[7] ? Number(m[7]) : undefined;
      return {
        resolve(ctx) {
          const stated = statedYear === undefined ? ['month', 'day'] : ['year', 'month', 'day'];
          let y = statedYear;
          if (y === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', `XXXX-${pad(month)}`, stated);
            y = pickYear(ctx.anchor, month, d1, ctx.dir);
          }
          if (d2 > daysInMonth(y, month)) return unresolved('DATE', `${pad(y, 4)}-${pad(month)}`, stated);
          const from = epochDay(y, month, d1);
          const iv: Interval = { value: `${pad(y, 4)}-${pad(month)}`, from, to: epochDay(y, month, d2), granularity: 'month' };
          return interval('DATE', iv, statedYear === undefined ? 'published' : 'none', stated, statedYear === undefined ? ['year'] : []);
        },
      };
    },
  },
  // ---- numeric dates: 2025-11-19, 11/19/2025
  {
    name: 'iso-date',
    prio: 7,
    need: (f) => f.year && f.low.includes('-'),
    re: rx(`(?<![\\w-])((?:1[6-9]|20)\\d\\d)-(0[1-9]|1[0-2])-([0-2]\\d|3[01])(?:[T ](\\d\\d):(\\d\\d))?(?![\\w-])`, 'g'),
    build({ m }) {
      const hh = m[4] ? Number(m[4]) : undefined;
      const mi = m[5] ? Number(m[5]) : undefined;
      return { dayLevel: hh === undefined, resolve: calendarResolver({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), hh, mi }) };
    },
  },
  {
    name: 'slash-date',
    prio: 7,
    need: (f) => f.digit && f.low.includes('/'),
    re: rx(`(?<![\\w/.-])(\\d{1,2})/(\\d{1,2})/((?:19|20)?\\d\\d)(?![\\w/])`, 'g'),
    build({ m }) {
      let mo = Number(m[1]);
      let d = Number(m[2]);
      if (mo > 12 && d <= 12) [mo, d] = [d, mo];
      if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
      let y = Number(m[3]);
      if (m[3].length === 2) y += y < 50 ? 2000 : 1900;
      return { dayLevel: true, resolve: calendarResolver({ y, m: mo, d }) };
    },
  },
  // ---- years: "1998", "fiscal 1990", "the end of 1990", "early 2024"
  {
    name: 'year',
    prio: 3,
    need: (f) => f.year,
    re: rx(`(?<![\\w$£€#.,/-])(?:(${ci('fiscal year')}|${ci('fiscal')}|${ci('calendar year')}|${ci('calendar')}|FY|${ci('model year')}|${MODIFIER})[\\s-]*)?((?:1[6-9]|20)\\d\\d)(?!\\w|['’](?!s\\b))`, 'g'),
    build({ m, sentence }) {
      const yearStart = m.index + m[0].length - 4;
      if (!m[1] && !yearOk(sentence, yearStart, yearStart + 4)) return null;
      const y = Number(m[2]);
      return { resolve: calendarResolver({ y }) };
    },
  },
  // ---- era years: "500 BC", "44 BCE", "AD 79", "79 AD"; TIMEX3 writes BC years as BC0500
  {
    name: 'era-year',
    prio: 6,
    need: (f) => f.digit && (f.word('bc', 'bce', 'ad', 'ce') || f.text.includes('.C.') || f.text.includes('.D.')),
    re: rx(`(?<![\\w$£€#.,/-])(?:(\\d{1,4})\\s*(BCE|BC|B\\.C\\.E\\.|B\\.C\\.|CE|AD|A\\.D\\.)|(AD|A\\.D\\.)\\s*(\\d{1,4}))(?![\\w])`, 'g'),
    build({ m }) {
      const n = Number(m[1] ?? m[4]);
      const era = (m[2] ?? m[3]).replace(/\./g, '');
      if (n < 1 || (m[1] && m[1].startsWith('0'))) return null;
      if (era === 'BC' || era === 'BCE') return { resolve: () => unresolved('DATE', `BC${pad(n, 4)}`, ['year', 'era']) };
      return { resolve: () => interval('DATE', yearInterval(n), 'none', ['year', 'era'], []) };
    },
  },
  // ---- years before 1600, which need a cue the modern-year rule does not ("in 1415", "circa 1200")
  {
    name: 'old-year',
    prio: 3,
    need: (f) => f.digit,
    gate: /\b(?:in|since|until|till|during|circa|c\.|year)\s+1[0-5]\d\d\b/i,
    re: rx(`(?<=\\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Cc]irca|c\\.|[Yy]ear)\\s+)(1[0-5]\\d\\d)(?![\\w'’])`, 'g'),
    build({ m, sentence }) {
      if (!yearOk(sentence, m.index, m.index + 4)) return null;
      return { resolve: calendarResolver({ y: Number(m[1]) }) };
    },
  },
  // ---- year ranges: "1915-17", "1939–45", "1990-1991", "2019/20": each end is a year of its own (TimeML
  // writes a range as two points); the modern-year rule rejects a year followed by "-17".
  {
    name: 'year-range',
    prio: 4,
    need: (f) => f.digit,
    gate: /\b1\d\d\d\s*[-–—/]\s*\d\d|\b20\d\d\s*[-–—/]\s*\d\d/,
    re: rx(`(?<![\\w$£€#.,/:-])((?:1\\d|20)\\d\\d)(\\s*[-–—/]\\s*)(\\d\\d(?:\\d\\d)?)(?![\\w%'’-]|[.,:/]\\d)`, 'g'),
    build({ m, sentence }) {
      const y1 = Number(m[1]);
      const y2 = m[3].length === 4 ? Number(m[3]) : Math.floor(y1 / 100) * 100 + Number(m[3]) + (Number(m[3]) <= y1 % 100 ? 100 : 0);
      const slash = m[2].includes('/');
      if (y2 <= y1 || y2 - y1 > (slash ? 1 : 30) || (m[3].length === 4 && y1 < 1600)) return null;
      if (COUNT_NOUN.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 24))) return null;
      if (/[$£€#]\s*$/.test(sentence.slice(Math.max(0, m.index - 2), m.index))) return null;
      return { end: m.index + m[1].length, resolve: calendarResolver({ y: y1 }), second: { start: m.index + m[0].length - m[3].length, end: m.index + m[0].length, resolve: calendarResolver({ y: y2 }) } };
    },
  },
  // ---- two-digit years: "in '96", "the summer of '97", "Dec. 25, '97"
  {
    name: 'short-year',
    prio: 5,
    need: (f) => f.digit,
    gate: /['’]\d\d/,
    re: rx(`(?<![\\w'’])(?:(?:(${ci('the')})\\s+)?(spring|summer|fall|autumn|winter)\\s+of\\s+|(${MONTH})(?:\\s+(\\d{1,2})(?:st|nd|rd|th)?)?,?\\s+)?['’](\\d\\d)(?![\\w'’-])`, 'gi'),
    build({ m, sentence }) {
      const season = m[2] ? SEASONS[m[2].toLowerCase()] : undefined;
      const month = m[3] ? monthNumber(m[3]) : null;
      if (m[3] && month === null) return null;
      const d = m[4] ? Number(m[4]) : undefined;
      if (d !== undefined && (d < 1 || d > 31)) return null;
      // A bare "'96" needs a calendar cue before it ("in '96", "since '89").
      if (!season && month === null && !/\b(?:in|since|of|by|from|to|until|through|during|before|after|and|or|early|late|mid|fiscal|class of)\s*$/i.test(sentence.slice(Math.max(0, m.index - 12), m.index))) return null;
      const yy = Number(m[5]);
      const yearOf = (anchor: number | null): number => {
        if (anchor === null) return 1900 + yy;
        const a = ymd(anchor).y;
        let y = Math.floor(a / 100) * 100 + yy;
        if (y > a + 10) y -= 100;
        else if (y < a - 89) y += 100;
        return y;
      };
      return {
        dayLevel: d !== undefined,
        resolve(ctx) {
          const y = yearOf(ctx.anchor);
          if (season) return interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []);
          if (month !== null) return calendarResolver({ y, m: month, d })(ctx);
          return interval('DATE', yearInterval(y), 'none', ['year'], []);
        },
      };
    },
  },
  // ---- decades and centuries: "the 1990s", "the '90s", "the nineties", "the 20th century"
  {
    name: 'decade',
    prio: 5,
    need: (f) => f.any('ties') || (f.digit && /\d0['’]?s/.test(f.text)),
    re: rx(`${B}(?:(?:${ci('the')}\\s+)?(?:(${ci('early')}|${ci('mid')}|${ci('late')})[\\s-]+)?)(?:((?:1\\d|20)\\d0)['’]?s|['’](\\d0)s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))${E}`, 'g'),
    build({ m }) {
      let start: number;
      // "the 1800s" is the century, not its first decade.
      if (m[2] && Number(m[2]) % 100 === 0) {
        const century = centuryInterval(Number(m[2]));
        return { resolve: () => interval('DATE', century, 'none', ['century'], []) };
      }
      if (m[2]) start = Number(m[2]);
      else if (m[3]) start = Number(m[3]) + (Number(m[3]) >= 30 ? 1900 : 2000);
      else start = DECADE_WORDS[m[4].toLowerCase()];
      const iv = decadeInterval(start);
      return { resolve: () => interval('DATE', iv, 'none', ['decade'], []) };
    },
  },
  {
    name: 'century',
    prio: 5,
    need: (f) => f.digit && f.word('century'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(?:(${ci('early')}|${ci('mid')}|${ci('late')})[\\s-]+)?(\\d{1,2})(?:st|nd|rd|th)[\\s-]+century${E}`, 'gi'),
    build({ m }) {
      const n = Number(m[2]);
      if (n < 1 || n > 22) return null;
      const iv = centuryInterval((n - 1) * 100);
      return { resolve: () => interval('DATE', iv, 'none', ['century'], []) };
    },
  },
  // ---- quarters and halves: "the third quarter", "third-quarter", "the fourth quarter of 1989", "Q3 2025"
  {
    name: 'quarter',
    prio: 6,
    need: (f) => f.word('quarter', 'half', 'period'),
    re: rx(`${B}(?:(${ci('the year-ago')}|${ci('the year-earlier')}|${ci('year-ago')}|${ci('year-earlier')}|${ci('the')}|${ci('this')}|${ci('last')}|${ci('next')}|${ci('this year')}['’]s|${ci('last year')}['’]s|${ci('next year')}['’]s)\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(?:((?:19|20)\\d\\d)(?:['’]s)?\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|final)[\\s-]+(?:fiscal[\\s-]+)?(quarter|half|period)(?:\\s+(?:of|in)\\s+(?:(?:fiscal|calendar)\\s+)?((?:19|20)\\d\\d)|\\s+(?:of\\s+)?(this|last|next|the)\\s+year)?${E}`, 'gi'),
    build({ m, sentence }) {
      const n = ORD_Q[m[3].toLowerCase()] ?? 1;
      const kind = m[4].toLowerCase();
      if (kind === 'period') return null;
      if (kind === 'half' && n > 2) return null;
      const stated = m[2] ?? m[5];
      // "the fourth quarter of last year" reads as "last year's fourth quarter", "the year-ago third quarter" too.
      const prefix = m[6] ? `${m[6].toLowerCase() === 'the' ? 'this' : m[6].toLowerCase()} year's` : /year-(?:ago|earlier)/i.test(m[1] ?? '') ? "last year's" : m[1]?.toLowerCase();
      const future = prefix === 'next';
      void sentence;
      return {
        // The year-ago quarter is the comparison, not the quarter under discussion.
        setsQuarter: kind === 'quarter' && !/year-(?:ago|earlier)/i.test(m[1] ?? ''),
        resolve(ctx) {
          let y = stated ? Number(stated) : undefined;
          const yearWord = /year/.test(prefix ?? '') ? (prefix as string) : null;
          if (y === undefined && yearWord !== null && ctx.anchor !== null) {
            y = ymd(ctx.anchor).y + (yearWord.startsWith('last') ? -1 : yearWord.startsWith('next') ? 1 : 0);
          }
          if (y === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', kind === 'half' ? `XXXX-H${n}` : `XXXX-Q${n}`, ['quarter']);
            const a = ymd(ctx.anchor);
            y = a.y;
            const current = kind === 'half' ? (a.m <= 6 ? 1 : 2) : quarterOf(a.m);
            if (n > current && ctx.dir !== 'future' && !future) y -= 1;
            if (prefix === 'last' && n >= current) y -= 1;
          }
          const iv = kind === 'half' ? halfInterval(y, n) : quarterInterval(y, n);
          return interval('DATE', iv, stated ? 'none' : 'published', stated ? ['year', kind] : [kind], stated ? [] : ['year']);
        },
      };
    },
  },
  // ---- "the corresponding period last year", "the same quarter a year ago": the year-ago quarter under discussion
  {
    name: 'period-last-year',
    prio: 8,
    need: (f) => f.word('year'),
    gate: /\b(?:last year|a year (?:ago|earlier))\b/i,
    re: rx(`${B}${ci('the')}\\s+(?:(?:same|corresponding|comparable)\\s+(?:period|quarter)\\s+(?:(?:of|in)\\s+)?(?:(?:the\\s+)?last\\s+year|a\\s+year\\s+(?:ago|earlier))|(?:period|quarter)\\s+a\\s+year\\s+(?:ago|earlier))${E}`, 'gi'),
    build() {
      return {
        resolve(ctx) {
          if (ctx.lastQuarter) return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX', ['offset']);
          return interval('DATE', yearInterval(ymd(ctx.anchor).y - 1), 'published', ['offset'], ['year'], 'past');
        },
      };
    },
  },
  // ---- "the 1988 quarter", "the 1989 period": the quarter under discussion, in that year (earnings reports)
  {
    name: 'year-period',
    prio: 7,
    need: (f) => f.year && f.word('quarter', 'period'),
    re: rx(`${B}${ci('the')}\\s+((?:19|20)\\d\\d)\\s+(quarter|period)${E}`, 'g'),
    build({ m }) {
      const y = Number(m[1]);
      return {
        resolve(ctx) {
          let q = ctx.lastQuarter?.q;
          if (q === undefined && ctx.anchor !== null) {
            // No quarter named yet: the last completed one, as for "the quarter" ("period" in an earnings report).
            const a = ymd(ctx.anchor);
            q = quarterOf(a.m) === 1 ? 4 : quarterOf(a.m) - 1;
          }
          if (q === undefined) return interval('DATE', yearInterval(y), 'none', ['year'], []);
          return interval('DATE', quarterInterval(y, q), ctx.lastQuarter ? 'event' : 'published', ['year'], ['quarter']);
        },
      };
    },
  },
  {
    name: 'quarter-code',
    prio: 6,
    need: (f) => f.digit && f.text.includes('Q'),
    re: rx(`(?<![\\w-])(?:Q([1-4])|([1-4])Q)(?:\\s+((?:19|20)\\d\\d))?(?![\\w-])`, 'g'),
    build({ m }) {
      const n = Number(m[1] ?? m[2]);
      const stated = m[3];
      return {
        setsQuarter: true,
        resolve(ctx) {
          if (!stated && ctx.anchor === null) return unresolved('DATE', `XXXX-Q${n}`, ['quarter']);
          const y = stated ? Number(stated) : ymd(ctx.anchor as number).y;
          return interval('DATE', quarterInterval(y, n), stated ? 'none' : 'published', ['quarter'], stated ? [] : ['year']);
        },
      };
    },
  },
  {
    name: 'latest-quarter',
    prio: 6,
    need: (f) => f.word('quarter', 'period'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(?:(${ci('latest')}|${ci('most recent')}|${ci('current')}|${ci('this')}|${ci('past')}|${ci('previous')}|${ci('prior')}|${ci('preceding')}|${ci('last')}|${ci('next')}|${ci('coming')}|${ci('year-ago')}|${ci('year-earlier')}|${ci('comparable')}|${ci('comparable year-ago')}|${ci('comparable year-earlier')}|${ci('same')})[\\s-]+)?(quarter|period)${E}`, 'g'),
    build({ m }) {
      const mod = m[1]?.toLowerCase() ?? '';
      const noun = m[2].toLowerCase();
      if (!mod && !/^the\s/i.test(m[0])) return null;
      if (noun === 'period' && !/year-|latest|comparable/.test(mod)) return null;
      const yearAgo = /year-/.test(mod);
      return {
        setsQuarter: !yearAgo && mod !== 'same' && !mod.startsWith('comparable'),
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX-QX', ['quarter']);
          const a = ymd(ctx.anchor);
          let y = a.y;
          let q = quarterOf(a.m);
          if (yearAgo || mod === 'same' || mod === 'comparable') {
            const base = ctx.lastQuarter ?? { y: q === 1 ? y - 1 : y, q: q === 1 ? 4 : q - 1 };
            y = base.y - (yearAgo || mod.startsWith('comparable') ? 1 : 0);
            q = base.q;
          } else if (mod === 'current' || mod === 'this') {
            // the quarter in progress
            // current quarter
          } else if (mod === 'next' || mod === 'coming') {
            q += 1;
            if (q > 4) [q, y] = [1, y + 1];
          } else {
            // "the quarter", "the latest quarter", "last quarter": the last completed quarter.
            q -= 1;
            if (q < 1) [q, y] = [4, y - 1];
          }
          return interval('DATE', quarterInterval(y, q), 'published', ['quarter'], ['year']);
        },
      };
    },
  },
  // ---- seasons: "this summer", "last fall", "the spring of 1990", "winter"
  {
    name: 'season',
    prio: 5,
    need: (f) => f.word('spring', 'summer', 'fall', 'autumn', 'winter'),
    re: rx(`${B}(?:${ci('the')}\\s+(?=(?:early|late|mid)[\\s-]))?(?:(${ci('this')}|${ci('last')}|${ci('next')}|${ci('this past')}|${ci('this coming')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the')}|${ci('that')})[\\s-]+)?(spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?((?:19|20)\\d\\d)|\\s+of\\s+(this|last|next)\\s+year)?${E}`, 'gi'),
    build({ m, sentence }) {
      const season = SEASONS[m[2].toLowerCase()];
      const mod = m[1]?.toLowerCase();
      const y = m[3] ? Number(m[3]) : undefined;
      if (/\b(?:the\s+)?(?:following|next)\s+$/i.test(sentence.slice(Math.max(0, m.index - 16), m.index)) && !mod && y === undefined) {
        // "the following spring": the first such season after the story's last date.
        const start = m.index - (/\b(?:the\s+)?(?:following|next)\s+$/i.exec(sentence.slice(Math.max(0, m.index - 16), m.index))?.[0].length ?? 0);
        return {
          start,
          resolve(ctx) {
            const base = ctx.lastDay ?? ctx.lastMonth?.day ?? ctx.lastYear?.day ?? null;
            if (base === null) return unresolved('DATE', `XXXX-${season}`, ['season', 'offset'], 'event');
            const a = ymd(base);
            const yy = (SEASON_START[season] ?? 3) > a.m ? a.y : a.y + 1;
            return interval('DATE', seasonInterval(yy, season), 'event', ['season', 'offset'], ['year']);
          },
        };
      }
      // "the spring of last year": that year's season.
      if (m[4]) {
        const shift = /last/i.test(m[4]) ? -1 : /next/i.test(m[4]) ? 1 : 0;
        if (mod !== undefined && mod !== 'the' && mod !== 'early' && mod !== 'late' && mod !== 'mid') return null;
        return {
          resolve: (ctx) => (ctx.anchor === null ? unresolved('DATE', `XXXX-${season}`, ['season']) : interval('DATE', seasonInterval(ymd(ctx.anchor).y + shift, season), 'published', ['season', 'offset'], ['year'])),
        };
      }
      const word = m[2].toLowerCase();
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 6);
      if ((word === 'fall' || word === 'spring') && !mod && y === undefined) {
        const before = sentence.slice(Math.max(0, m.index - 12), m.index);
        if (!/\b(?:in|during|until|by|since|through)\s+(?:the\s+)?$/i.test(before)) return null;
      }
      if ((mod === 'the' || mod === undefined) && /^\s+of\b/i.test(after) && y === undefined) return null;
      if (mod === 'that') {
        // "that spring": the season of the year the story is in; nothing to say without one.
        return {
          resolve: (ctx) => (ctx.lastYear ? interval('DATE', seasonInterval(ymd(ctx.lastYear.day).y, season), 'event', ['season'], ['year']) : unresolved('DATE', `XXXX-${season}`, ['season'], 'event')),
        };
      }
      return {
        resolve(ctx) {
          if (y !== undefined) return interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []);
          if (ctx.anchor === null) return unresolved('DATE', `XXXX-${season}`, ['season']);
          if (ctx.narrative && (mod === undefined || mod === 'the' || mod === 'early' || mod === 'late' || mod === 'mid')) {
            // A story moves forward: the season in the story's year, or the next year's once it is past.
            const a = ymd(ctx.anchor);
            const yy = (SEASON_START[season] ?? 3) + 2 < a.m && ctx.dir !== 'past' ? a.y + 1 : a.y;
            return interval('DATE', seasonInterval(yy, season), 'published', ['season'], ['year']);
          }
          const cur = seasonOf(ctx.anchor);
          const order = ['SP', 'SU', 'FA', 'WI'];
          const idx = (yy: number, s: string): number => yy * 4 + order.indexOf(s);
          const curIdx = idx(cur.y, cur.season);
          const target = order.indexOf(season);
          // Candidates: the same season this year, last year, next year.
          const options = [cur.y - 1, cur.y, cur.y + 1].map((yy) => idx(yy, order[target]));
          let chosen: number;
          const strict = strictOf(mod);
          if (strict === 'last') chosen = Math.max(...options.filter((i) => i < curIdx));
          else if (strict === 'next') chosen = Math.min(...options.filter((i) => i > curIdx));
          else if (mod === 'this' || options.includes(curIdx)) {
            chosen = options.includes(curIdx) ? curIdx : ctx.dir === 'past' ? Math.max(...options.filter((i) => i < curIdx)) : Math.min(...options.filter((i) => i > curIdx));
            if (mod === 'this' && !options.includes(curIdx)) {
              // "this summer" said in autumn means the one just past; said in spring, the one ahead.
              const past = Math.max(...options.filter((i) => i < curIdx));
              const fut = Math.min(...options.filter((i) => i > curIdx));
              chosen = ctx.dir === 'future' ? fut : ctx.dir === 'past' ? past : curIdx - past <= fut - curIdx ? past : fut;
            }
          } else chosen = ctx.dir === 'future' ? Math.min(...options.filter((i) => i > curIdx)) : Math.max(...options.filter((i) => i < curIdx));
          const yy = Math.floor(chosen / 4);
          return interval('DATE', seasonInterval(yy, order[chosen - yy * 4]), 'published', ['season'], ['year']);
        },
      };
    },
  },
  // ---- "this week", "last month", "next year", "earlier this year", "the past year", "this weekend"
  {
    name: 'relative-unit',
    prio: 6,
    need: (f) => f.word('week', 'weekend', 'month', 'year', 'decade', 'century', 'day', 'morning', 'afternoon', 'evening', 'night'),
    re: rx(`${B}(?:(${ci('the early part of')}|${ci('the latter part of')}|${ci('the later part of')}|${ci('the first part of')}|${ci('earlier')}|${ci('later')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the end of')}|${ci('the beginning of')}|${ci('the start of')}|${ci('the middle of')}|${ci('end of')})[\\s-]+)?(${ci('this past')}|${ci('this coming')}|${ci('this')}|${ci('last')}|${ci('next')}|${ci('past')}|${ci('previous')}|${ci('coming')}|${ci('current')}|${ci('the latest')}|${ci('latest')}|${ci('the past')}|${ci('the last')}|${ci('the previous')}|${ci('the coming')}|${ci('the current')}|${ci('the next')}|${ci('the following')}|${ci('the same')}|${ci('that same')}|${ci('that')}|${ci('the preceding')}|${ci('the prior')}|${ci('the full')}|${ci('the')})\\s+(week|weekend|month|year|fiscal year|financial year|decade|century|day|morning|afternoon|evening|night)${E}`, 'g'),
    build({ m, sentence }) {
      const mod = m[2].toLowerCase();
      const unitWord = m[3].toLowerCase();
      const unit = unitWord === 'fiscal year' || unitWord === 'financial year' ? 'year' : unitWord;
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 12);
      const isPart = ['morning', 'afternoon', 'evening', 'night'].includes(unit);
      if (mod === 'the') {
        // "the year", "the week": the current one; "the day" only in narratives.
        if (/^\s*(?:of|before|after|when|that|in which|earlier|ago|-)/i.test(after)) return null;
        // "the year 2000" is that year, one expression.
        const named = unit === 'year' && !m[1] ? /^\s+((?:1[6-9]|20)\d\d)(?![\w-])/.exec(after) : null;
        if (named) {
          const yy = Number(named[1]);
          return { end: m.index + m[0].length + named[0].length, resolve: () => interval('DATE', yearInterval(yy), 'none', ['year'], []) };
        }
        // "placed heavy buy orders in the morning": the morning of the day under discussion (else the article's).
        if (isPart && /\b(?:in|during)\s+$/i.test(sentence.slice(Math.max(0, m.index - 8), m.index)) && /^(?:\s*[,.;:!?)"'”’]|\s*$|\s+(?:and|or|but|to|before|after|until|when|while|with|at|on|in|from|for|by|as|than|[A-Z]\w*)\b)/.test(after)) {
          const part = PART_OF_DAY[unit];
          return { resolve: (ctx) => (ctx.lastDay !== null ? narrativeResolver('day', 0, 'TIME', part)(ctx) : relativeResolver('day', 0, 'TIME', part)(ctx)) };
        }
        if (isPart || unit === 'day' || unit === 'decade' || unit === 'century') return null;
        if (unit === 'weekend') {
          return {
            resolve(ctx) {
              if (ctx.anchor === null) return unresolved('DATE', 'XXXX-WXX-WE', ['weekend']);
              const wd = weekday(ctx.anchor);
              const base = ctx.dir === 'future' || wd >= 6 ? ctx.anchor : ctx.anchor - 7;
              return interval('DATE', weekendInterval(base), 'published', ['weekend'], ['year', 'week']);
            },
          };
        }
        // "the year ended Sept. 30", "the year to March" is a year-long period; "For the year, volume was
        // flat", "the year's biggest gain" is the current year.
        if (unit === 'year' && !m[1]) {
          if (/^\s+(?:ended|ending|to|through|before|after|beginning|starting)\b/i.test(after)) return { resolve: fixed('DURATION', 'P1Y', ['duration']) };
          return { resolve: relativeResolver('year', 0) };
        }
        // "For the week, the index dropped", "the week's most active session": the week under discussion,
        // not necessarily the article's; its year is known, its number is not (TimeBank writes 1989-WXX).
        if (unit === 'week' && !m[1]) {
          return {
            resolve(ctx) {
              if (ctx.anchor === null) return unresolved('DATE', 'XXXX-WXX', ['week']);
              return unresolved('DATE', `${pad(ymd(ctx.anchor).y, 4)}-WXX`, ['week'], 'published');
            },
          };
        }
        return { resolve: relativeResolver(unit, 0) };
      }
      if (mod === 'the full') return unit === 'year' ? { resolve: relativeResolver('year', 0) } : null;
      // "the year before" is an offset; "this week after one of the lawyers asked" is this week.
      if (/^\s*(?:ago|earlier|later|before|after)\b/i.test(after) && !(/^(?:this|last|next)$/.test(mod) && /^\s*(?:before|after)\s+(?!that\b|this\b)[a-z]/i.test(after))) return null;
      if (mod === 'this' && unit === 'day') return null;
      const narrative = mod === 'that' || mod === 'the same' || mod === 'that same' || mod === 'the following' || mod === 'the next' && (unit === 'day' || isPart) || mod === 'the preceding' || mod === 'the prior' || mod === 'the previous' && (unit === 'day' || isPart);
      let n = 0;
      // "the latest fiscal year" is the last one completed.
      if (/last|past|previous|preceding|prior|latest/.test(mod)) n = -1;
      else if (/next|coming|following/.test(mod)) n = 1;
      if (isPart) {
        if (mod === 'this' || mod === 'last') return null; // handled by this-part
        const part = PART_OF_DAY[unit];
        return { resolve: narrative ? narrativeResolver('day', n, 'TIME', part) : relativeResolver('day', n, 'TIME', part) };
      }
      if (unit === 'day' && !narrative) return null;
      if (narrative) return { dayLevel: unit === 'day', resolve: narrativeResolver(unit, n) };
      // "In 1997, GDP grew 8.8% over the previous year": a year or month just named is the reference.
      if ((mod === 'the previous' || mod === 'the next') && (unit === 'year' || unit === 'month')) {
        return {
          resolve: (ctx) => ((unit === 'year' ? ctx.lastYear : ctx.lastMonth)?.recent ? narrativeResolver(unit, n)(ctx) : relativeResolver(unit, n)(ctx)),
        };
      }
      // "this coming weekend" said on a weekday is this week's weekend.
      if (mod === 'this coming' && unit === 'weekend') {
        return { resolve: (ctx) => (ctx.anchor === null ? unresolved('DATE', 'XXXX-WXX-WE', ['weekend']) : interval('DATE', weekendInterval(ctx.anchor), 'published', ['weekend'], ['year', 'week'], 'future')) };
      }
      // "over the past decade", "the last century": a stretch of time reaching to now.
      if (n === -1 && /past|last/.test(mod) && (unit === 'decade' || unit === 'century') && !m[1]) {
        return { resolve: fixed('DURATION', durationValue(1, unit), ['duration']) };
      }
      return { resolve: relativeResolver(unit, n) };
    },
  },
  // ---- "a week ago Friday", "a week from Tuesday": that weekday, shifted by whole weeks
  {
    name: 'week-from-weekday',
    prio: 8,
    need: (f) => f.weekday,
    gate: /\bweeks? (?:ago|from)\b/i,
    re: rx(`${B}(${ci('a')}|${ci('one')}|${ci('two')}|${ci('three')})\\s+weeks?\\s+(ago|from)\\s+(?:(?:last|this|next)\\s+)?(${WEEKDAY})(?![\\w-])`, 'g'),
    build({ m }) {
      const n = parseCount(m[1].toLowerCase()) ?? 1;
      const wd = weekdayNumber(m[3]);
      if (wd === null) return null;
      const ago = m[2].toLowerCase() === 'ago';
      return {
        dayLevel: true,
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', `XXXX-WXX-${wd}`, ['weekday', 'offset']);
          const day = resolveWeekday(ctx.anchor, wd, ago ? 'past' : 'future', null) + (ago ? -7 : 7) * n;
          return interval('DATE', dayInterval(day), 'published', ['weekday', 'offset'], ['year', 'month', 'day'], directionOf(day, ctx.anchor));
        },
      };
    },
  },
  // ---- "two weeks ago", "a year earlier", "a day after", "three years from now"
  {
    name: 'ago',
    prio: 7,
    need: (f) => f.unit && f.word('ago', 'earlier', 'later', 'before', 'after', 'from', 'hence', 'back', 'previously') && AGO_TAIL.test(f.low),
    re: rx(`${B}(?:(${HEDGE})\\s+)?(${COUNT})[\\s-]+(?:(?:trading|business|working)\\s+(?=days?\\b))?(${UNIT})(?<half>\\s+and\\s+a\\s+half)?(?:\\s+or\\s+so)?\\s+(ago|earlier|later|before|after|from now|hence|back|previously)${E}`, 'gi'),
    build({ m, sentence }) {
      const whole = parseCount(m[2]);
      // "a minute and a half later": the half joins the count.
      const n = whole !== null && m.groups?.half ? whole + 0.5 : whole;
      const unit = unitOf(m[3]);
      const rel = m[5].toLowerCase();
      if (unit === 'second' && /^an?$/i.test(m[2])) return null;
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 40);
      const big = unit === 'year' || unit === 'quarter' || unit === 'month' || unit === 'decade' || unit === 'century';
      if (rel === 'before' || rel === 'after' || rel === 'later' || (rel === 'earlier' && (!big || /^\s+than\b/.test(after)))) {
        // "a day after X", "three days later": an offset from an event, never a date on the article's
        // calendar. As in TimeML, the expression is the span ("a day", DURATION P1D); the signal word and
        // the direction are kept so a later stage can anchor it on X.
        const end = m.index + m[0].lastIndexOf(m[3]) + m[3].length + (m.groups?.half?.length ?? 0);
        const value = durationValue(n, unit);
        const direction = rel === 'before' || rel === 'earlier' ? 'past' : 'future';
        return { end, resolve: () => ({ type: 'DURATION', value, anchor: 'event', direction, stated: ['duration', 'offset'], implied: [] }) };
      }
      const sign = rel === 'later' || rel === 'from now' || rel === 'hence' ? 1 : -1;
      return {
        resolve(ctx) {
          if (n === null) return unresolved('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', ['offset']);
          const base = ctx.anchor;
          if (base === null) return unresolved('DATE', 'XXXX-XX-XX', ['offset'], 'none');
          const count = Math.round(n);
          if ((unit === 'year') && ctx.lastQuarter && (rel === 'earlier' || rel === 'ago') && count === 1) {
            return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          }
          let iv: Interval;
          switch (unit) {
            case 'hour':
            case 'minute':
            case 'second':
              iv = dayInterval(base);
              break;
            case 'week':
            case 'fortnight':
              iv = dayInterval(base + sign * 7 * count * (unit === 'fortnight' ? 2 : 1));
              break;
            case 'day':
            case 'night':
              iv = dayInterval(base + sign * count);
              break;
            case 'decade':
              iv = yearInterval(ymd(base).y + sign * Math.round(10 * n));
              break;
            case 'century':
              iv = yearInterval(ymd(base).y + sign * Math.round(100 * n));
              break;
            default:
              iv = shiftUnit(base, unit, sign * count);
          }
          // "2025 years earlier" from a 20th-century anchor leaves the calendar: only the direction is known.
          const yy = ymd(iv.from).y;
          if (yy < 1 || yy > 9999) return unresolved('DATE', sign < 0 ? 'PAST_REF' : 'FUTURE_REF', ['offset']);
          return interval('DATE', iv, 'published', ['offset'], ['year', 'month', 'day'], sign < 0 ? 'past' : 'future');
        },
      };
    },
  },
  {
    name: 'year-ago',
    prio: 6,
    need: (f) => f.word('year') && f.word('ago', 'earlier'),
    re: rx(`${B}(?:${ci('the')}\\s+)?(${ci('year-ago')}|${ci('year-earlier')}|${ci('a year earlier')}|${ci('a year ago')})${E}`, 'g'),
    build({ m }) {
      const start = /^the\s/i.test(m[0]) ? m.index + m[0].indexOf(m[1]) : m.index;
      return {
        start,
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', 'XXXX', ['offset']);
          if (ctx.lastQuarter) return interval('DATE', quarterInterval(ctx.lastQuarter.y - 1, ctx.lastQuarter.q), 'published', ['offset'], ['year', 'quarter']);
          return interval('DATE', yearInterval(ymd(ctx.anchor).y - 1), 'published', ['offset'], ['year'], 'past');
        },
      };
    },
  },
  // ---- durations: "five-hour", "the past three years", "two weeks", "for around four hours", "the first nine months"
  {
    name: 'duration',
    prio: 4,
    need: (f) => f.unit,
    re: rx(`${B}(?:(${ci('the')})\\s+)?(?:(${ci('year-earlier')}|${ci('year-ago')}|${ci('past')}|${ci('last')}|${ci('next')}|${ci('previous')}|${ci('coming')}|${ci('first')}|${ci('final')}|${ci('latest')}|${ci('initial')}|${ci('remaining')}|${ci('following')}|${ci('preceding')}|${ci('entire')}|${ci('whole')}|${ci('full')}|${ci('same')})\\s+)?(?:(${HEDGE})\\s+)?(${COUNT})(?:\\s+(?:or|to)\\s+(${COUNT}))?(?:\\s+(?:or so|more|straight|consecutive|full|long))?[\\s-]+(?:(?:trading|business|working)\\s+(?=days?\\b))?(${UNIT})(?<half>\\s+and\\s+a\\s+half)?(?:[\\s-]+long)?${E}`, 'gi'),
    build({ m, sentence }) {
      const countWord = m[4];
      let n = parseCount(countWord);
      if (n !== null && m.groups?.half) n += 0.5;
      if (m[5]) n = null;
      const unit = unitOf(m[6]);
      const article = /^an?$/i.test(countWord);
      if (unit === 'second' && article) return null;
      if (/^(?:some|many)$/i.test(countWord) && !m[2] && !m[1]) return null;
      if (/^half an?$/i.test(countWord) && unit !== 'hour' && unit !== 'day' && unit !== 'year' && unit !== 'century') return null;
      if (unit === 'weekend') return null;
      const tail = sentence.slice(m.index + m[0].length, m.index + m[0].length + 8);
      // Ages ("6-year-old", "52 years old") are not temporal expressions in TimeML news annotation.
      if (/[\s-]old$/i.test(m[0]) || /^[\s-]+old\b/i.test(tail)) return null;
      if (unit === 'quarter' && /^\s+of\b/i.test(tail)) return null;
      // "$5 a year", "twice a week": a frequency, not a duration.
      if (article && !m[1] && !m[2] && !m[3]) {
        const rate = rateBefore(sentence, m.index);
        // "twice a week" recurs; "$5 million a year" is the unit of a quantity, left to the quantities stage.
        if (rate === 'frequency') return { resolve: fixed('SET', durationValue(1, unit)) };
        if (rate === 'rate') return null;
      }
      const value = durationValue(n, unit);
      // Vague hedges stay out of the extent ("about three days" → "three days"); bounds stay in ("nearly two
      // years", "more than four hours", "up to 180 days"), as TimeBank marks them.
      const bound = m[3] !== undefined && /^(?:nearly|more than|less than|fewer than|no more than|up to|at least|at most|well over|close to)$/i.test(m[3]);
      let start = m[3] && !m[1] && !m[2] && !bound ? m.index + m[0].indexOf(m[4], m[3].length) : m.index;
      // An adjectival duration ("the 14-day waiting period", "the two day rally") leaves the article out, as TimeBank does.
      const unitAt = m[0].lastIndexOf(m[6]);
      const adjectival = m[0][unitAt - 1] === '-' || (!/s$/i.test(m[6]) && n !== null && n !== 1 && !article);
      if (m[1] && !m[2] && !m[3] && adjectival) start = m.index + m[0].indexOf(m[4], m[1].length);
      // "will last five days", "likely to last over a week": "last" is the verb, not "the last five days".
      if (!m[1] && m[2] && /^last$/i.test(m[2]) && /\b(?:will|would|could|can|may|might|must|should|shall|to|did|does|do|not|'ll|won't)\s+$/i.test(sentence.slice(Math.max(0, m.index - 10), m.index))) {
        start = m.index + m[2].length + (m[0].slice(m[2].length).length - m[0].slice(m[2].length).trimStart().length);
      }
      return { start, resolve: fixed('DURATION', value, ['duration']) };
    },
  },
  // ---- bare plural durations: "for years", "decades-long", "in recent weeks"
  {
    name: 'plural-duration',
    prio: 3,
    need: (f) => f.word('years', 'decades', 'months', 'weeks', 'days', 'hours', 'minutes', 'centuries'),
    re: rx(`${B}(?:(${ci('for')}|${ci('over')}|${ci('within')}|${ci('during')}|${ci('took')}|${ci('takes')}|${ci('take')}|${ci('lasted')}|${ci('spent')})\\s+)(?:(${ci('many')}|${ci('several')}|${ci('some')}|${ci('the')})\\s+)?(years|decades|months|weeks|days|hours|minutes|centuries)${E}|${B}(decades|years)-long${E}`, 'g'),
    build({ m }) {
      const word = (m[3] ?? m[4]).toLowerCase();
      const unit = unitOf(word);
      const lead = m[1] ? m[0].indexOf(m[2] ?? m[3]) : 0;
      return { start: m.index + lead, resolve: fixed('DURATION', durationValue(null, unit === 'decade' ? 'year' : unit === 'century' ? 'century' : unit), ['duration']) };
    },
  },
  {
    name: 'recent-units',
    prio: 5,
    need: (f) => f.word('years', 'decades', 'months', 'weeks', 'days'),
    re: rx(`${B}(?:(?:(${ci('recent')})|(${ci('the coming')}|${ci('coming')}|${ci('the next few')}|${ci('the past few')}|${ci('the last few')}))\\s+(years|decades|months|weeks|days)|${ci('the')}\\s+(?<ahead>years|months|weeks|days)\\s+ahead)${E}`, 'g'),
    build({ m }) {
      // "the weeks ahead" is "the coming weeks".
      if (m.groups?.ahead) return { resolve: fixed('DURATION', durationValue(null, unitOf(m.groups.ahead))) };
      // "in recent years" points at the past as a whole (PAST_REF, as TimeBank mostly values it);
      // "the coming years", "the past few days": spans of vague length.
      if (m[1]) return { resolve: fixed('DATE', 'PAST_REF') };
      return { resolve: fixed('DURATION', durationValue(null, unitOf(m[3]))) };
    },
  },
  // ---- PRESENT_REF / PAST_REF / FUTURE_REF
  {
    name: 'reference',
    prio: 2,
    need: (f) => f.word('now', 'currently', 'nowadays', 'presently', 'present', 'moment', 'days', 'recently', 'lately', 'past', 'future', 'term', 'recent', 'current'),
    re: rx(`${B}(${ci('right now')}|${ci('now')}|${ci('currently')}|${ci('nowadays')}|${ci('presently')}|${ci('at present')}|${ci('at the moment')}|${ci('these days')}|${ci('the present')}|${ci('recently')}|${ci('lately')}|${ci('the past')}|${ci('the future')}|${ci('the near future')}|${ci('the near term')}|${ci('the short term')}|${ci('the long term')}|${ci('recent')}|${ci('current')})${E}`, 'g'),
    build({ m, sentence }) {
      const w = m[1].toLowerCase();
      const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 24);
      let start = m.index;
      if (w === 'at present' || w === 'at the moment') start = m.index;
      if (w === 'the past' && /^\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?)\b/i.test(after)) return null;
      if (w === 'the future' && /^\s+of\b/.test(after)) return null;
      // "as recently as August": the date that follows is the expression.
      if (w === 'recently' && /^as\s+recently\s+as\s/i.test(sentence.slice(Math.max(0, m.index - 3), m.index + 14))) return null;
      if (w === 'recent' && !/^\s+(?:years|months|weeks|days|times|history|past|decades|weeks)\b/i.test(after)) return null;
      // "the current weakness", "his current wife": the present (PRESENT_REF), as TimeBank annotates it;
      // "current year", "current quarter" are left to the unit rules, which give them a value.
      if (w === 'current' && /^\s+(?:year|month|week|quarter|period|fiscal|season)\b/i.test(after)) return null;
      if (w === 'current' && !/^\s+[a-z]/.test(after)) return null;
      // Finance and physics terms, not times: "current account deficit", "current assets", "alternating current".
      if (w === 'current' && /^\s+(?:accounts?|assets|liabilities|affairs|ratio|yield|dollars|prices?\s+index)\b/i.test(after)) return null;
      const value = /recent|lately|previously|formerly|past/.test(w) ? 'PAST_REF' : /soon|future|term/.test(w) ? 'FUTURE_REF' : 'PRESENT_REF';
      return { start, resolve: fixed('DATE', value) };
    },
  },
  // ---- sets: "daily", "every week", "twice a year", "per month"
  {
    name: 'set',
    prio: 6,
    need: (f) => f.word('daily', 'weekly', 'monthly', 'annually', 'yearly', 'nightly', 'hourly', 'biweekly', 'semiannually', 'every', 'each', 'per'),
    re: rx(`${B}(?:(${ci('daily')}|${ci('weekly')}|${ci('monthly')}|${ci('annually')}|${ci('yearly')}|${ci('nightly')}|${ci('hourly')}|${ci('biweekly')}|${ci('semiannually')})|(?:${ci('every')}|${ci('each')}|${ci('per')})\\s+(?:(other|${COUNT})\\s+)?(${UNIT}|morning|evening|night|afternoon))${E}`, 'g'),
    build({ m, sentence }) {
      const adverb = m[1]?.toLowerCase();
      if (adverb) {
        const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 14);
        // "daily newspaper", "quarterly report": adjectives, not recurring times.
        if (/^\s+(?:newspaper|paper|report|reports|earnings|results|dividend|meeting)\b/i.test(after)) return null;
        // "rise 8.5% annually", "average daily volume": a growth rate or an averaging period, as "$5 million a
        // year" is (left to the quantities stage), not a recurring time.
        const before = sentence.slice(Math.max(0, m.index - 12), m.index);
        if (/(?:%|\bpercent)\s*$/i.test(before) || /\baverage\s+$/i.test(before)) return null;
        // "C$17.9 million annually", "10,000 units annually": an amount per year, a rate like "$5 million a year".
        if ((adverb === 'annually' || adverb === 'yearly') && /(?:\d|\b(?:million|billion|thousand|hundred)\b)[^.;:!?\d]{0,30}$/i.test(sentence.slice(Math.max(0, m.index - 40), m.index))) return null;
        const map: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', nightly: 'P1D', hourly: 'PT1H', quarterly: 'P3M', biweekly: 'P2W', semiannually: 'P6M' };
        return { resolve: fixed('SET', map[adverb] ?? 'P1D') };
      }
      const word = m[3].toLowerCase();
      const part = PART_OF_DAY[word];
      if (part) return { resolve: fixed('SET', `XXXX-XX-XXT${part}`) };
      const unit = unitOf(word);
      const n = m[2] ? (m[2].toLowerCase() === 'other' ? 2 : parseCount(m[2])) : 1;
      return { resolve: fixed('SET', durationValue(n, unit)) };
    },
  },
  // ---- years in words, as broadcast transcripts write them: "nineteen ninety-six", "two thousand"
  {
    name: 'year-words',
    prio: 4,
    need: (f) => f.any('nineteen', 'twenty', 'thousand'),
    re: rx(`${B}(?:(?<mon>${MONTH})\\s+|(?:${ci('the')}\\s+)?(?<season>${ci('spring')}|${ci('summer')}|${ci('fall')}|${ci('autumn')}|${ci('winter')})\\s+of\\s+)?(?:(${ci('nineteen')}|${ci('twenty')})[\\s-]+((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\\s-](?:one|two|three|four|five|six|seven|eight|nine))${E}|(?:${ci('the year')}\\s+)?${ci('two thousand')}(?:\\s+(?:and\\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:[\\s-](?:one|two|three|four|five))?))?(?![\\w-]|\\s+(?:dollars|people|troops|shares|years|miles|and)))`, 'g'),
    build({ m }) {
      let y: number;
      if (m[3]) {
        const century = m[3].toLowerCase() === 'nineteen' ? 1900 : 2000;
        const rest = parseCount(m[4].replace(/^oh[\s-]/i, '').replace(/[\s]/g, '-'));
        if (rest === null) return null;
        y = century + rest;
      } else {
        y = 2000 + (m[5] ? parseCount(m[5].replace(/\s/g, '-')) ?? 0 : 0);
      }
      // Broadcast transcripts spell out whole dates: "January nineteen ninety-seven", "the winter of nineteen ninety-four".
      const month = m.groups?.mon ? monthNumber(m.groups.mon) : null;
      if (month !== null) return { resolve: calendarResolver({ y, m: month }) };
      const season = m.groups?.season ? SEASONS[m.groups.season.toLowerCase()] : undefined;
      if (season) return { resolve: () => interval('DATE', seasonInterval(y, season), 'none', ['year', 'season'], []) };
      return { resolve: calendarResolver({ y }) };
    },
  },
  // ---- "full-year", "earlier in the week", "later in the year", "the past weeks"
  {
    name: 'in-the-unit',
    prio: 5,
    need: (f) => f.any('year', 'week', 'month', 'quarter', 'days', 'decade'),
    re: rx(`${B}(?:(${ci('the full')}[\\s-]year|${ci('full')}-year)|(${ci('earlier')}|${ci('later')})\\s+in\\s+the\\s+(week|month|year|quarter)|(${ci('the past')}|${ci('the last')}|${ci('the coming')}|${ci('the next')})\\s+(days|weeks|months|years|decades))${E}`, 'g'),
    build({ m }) {
      if (m[1]) return { resolve: relativeResolver('year', 0) };
      if (m[2]) return { resolve: relativeResolver(m[3].toLowerCase(), 0) };
      return { resolve: fixed('DURATION', durationValue(null, unitOf(m[5])), ['duration']) };
    },
  },
  // ---- "year-end", "by year's end", "later in the day"
  {
    name: 'year-end',
    prio: 5,
    need: (f) => f.any('end', 'day'),
    re: rx(`${B}(?:(${ci('year-end')}|${ci('year end')}|${ci('year')}['’]s end)|(${ci('later in the day')}|${ci('earlier in the day')}|${ci('later that day')}|${ci('earlier that day')}))${E}`, 'g'),
    build({ m }) {
      const dash = m[1] ? /-/.test(m[1]) : false;
      if (m[2]) {
        return {
          resolve(ctx) {
            const base = ctx.lastDay ?? ctx.anchor;
            if (base === null) return unresolved('DATE', 'XXXX-XX-XX', ['part']);
            return interval('DATE', dayInterval(base), ctx.lastDay !== null ? 'event' : 'published', [], ['year', 'month', 'day']);
          },
        };
      }
      return {
        resolve(ctx) {
          if (ctx.anchor === null) return unresolved('DATE', dash ? 'XXXX-12-31' : 'XXXX', ['year-end']);
          // "since year-end" looks back to the last year-end already passed.
          const y = ymd(ctx.anchor).y - (ctx.dir === 'past' && epochDay(ymd(ctx.anchor).y, 12, 31) > ctx.anchor ? 1 : 0);
          return dash ? interval('DATE', dayInterval(epochDay(y, 12, 31)), 'published', ['month', 'day'], ['year']) : interval('DATE', yearInterval(y), 'published', [], ['year']);
        },
      };
    },
  },
  // ---- holidays
  {
    name: 'holiday',
    prio: 6,
    need: (f) => f.text.includes('Day') || f.any('christmas', 'halloween', 'thanksgiving', 'easter', 'good friday', 'new year'),
    re: rx(`${B}(${HOLIDAY})(?:,?\\s+((?:19|20)\\d\\d))?${E}`, 'g'),
    build({ m }) {
      const name = m[1].toLowerCase().replace(/’/g, "'");
      const y = m[2] ? Number(m[2]) : undefined;
      return {
        dayLevel: true,
        resolve(ctx) {
          const dayFor = (yy: number): number => {
            if (name.startsWith('thanksgiving')) return nthWeekday(yy, 11, 4, 4);
            // The Tuesday after the first Monday in November.
            if (name === 'election day') return nthWeekday(yy, 11, 1, 1) + 1;
            if (name.startsWith('easter')) return easterSunday(yy);
            if (name === 'good friday') return easterSunday(yy) - 2;
            const floating = FLOATING_HOLIDAYS[name.replace(/\s+/g, ' ')];
            if (floating) return nthWeekday(yy, floating[0], floating[1], floating[2]);
            const [mo, d] = HOLIDAYS[name] ?? [1, 1];
            return epochDay(yy, mo, d);
          };
          let yy = y;
          if (yy === undefined) {
            if (ctx.anchor === null) return unresolved('DATE', 'XXXX-XX-XX', ['holiday']);
            const a = ymd(ctx.anchor).y;
            const past = dayFor(a) <= ctx.anchor ? a : a - 1;
            const future = dayFor(a) >= ctx.anchor ? a : a + 1;
            // A story moves forward: its next such holiday, unless a past cue looks back.
            if (ctx.narrative) yy = ctx.dir === 'past' ? past : future;
            else yy = ctx.dir === 'future' ? future : ctx.dir === 'past' ? past : (dayFor(future) - ctx.anchor) * 4 < ctx.anchor - dayFor(past) ? future : past;
          }
          return interval('DATE', dayInterval(dayFor(yy)), y === undefined ? 'published' : 'none', ['holiday'], y === undefined ? ['year'] : []);
        },
      };
    },
  },
];

// ------------------------------------------------------------------ extraction

/** Leading words that never belong in a TIMEX extent. */
const LEADING_PREP = /^(?:on|in|at|by|since|from|until|till|during|for|of|as of)\s+/i;

/** Calendar-looking material that chrono may parse where our rules found nothing. */
const CHRONO_TRIGGER = /\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}:\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b/g;

const casual = chrono.casual;

/** Candidates from chrono for calendar formats our rules lack; relative phrases are ours, not chrono's. */
function chronoCandidates(sentence: string, own: readonly Candidate[]): Candidate[] {
  CHRONO_TRIGGER.lastIndex = 0;
  let uncovered = false;
  for (let m = CHRONO_TRIGGER.exec(sentence); m !== null && !uncovered; m = CHRONO_TRIGGER.exec(sentence)) {
    const at = m.index;
    if (!own.some((c) => c.start <= at && at < c.end)) uncovered = true;
  }
  if (!uncovered) return [];
  const out: Candidate[] = [];
  let results: chrono.ParsedResult[];
  try {
    results = casual.parse(sentence, { instant: new Date(Date.UTC(2000, 0, 1, 12)), timezone: 'UTC' });
  } catch {
    return [];
  }
  for (const r of results) {
    const tags = r.tags();
    if (tags.has('result/relativeDate') || [...tags].some((t) => t.startsWith('casualReference'))) continue;
    const known = (c: chrono.Component): number | undefined => (r.start.isCertain(c) ? r.start.get(c) ?? undefined : undefined);
    const k = { year: known('year'), month: known('month'), day: known('day'), weekday: known('weekday'), hour: known('hour'), minute: known('minute') };
    if (k.month === undefined && k.year === undefined) continue;
    if (r.end) continue; // ranges are split into their own parts by our rules
    let start = r.index;
    let text = r.text;
    const lead = LEADING_PREP.exec(text);
    if (lead) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    const trail = /[\s,.;:]+$/.exec(text);
    if (trail && !/\b(?:[A-Z][a-z]{2}|[ap]\.m)\.$/.test(text)) text = text.slice(0, text.length - trail[0].length);
    const end = start + text.length;
    // Fractions ("7/8") and lower-case words ("march") are not dates; neither is a bare number pair.
    if (k.year === undefined && !/[A-Z]/.test(text)) continue;
    if (k.year !== undefined && k.month === undefined && k.day === undefined) continue; // bare years: our rule decides
    if (k.year !== undefined && (k.year < 1600 || k.year > 2100)) continue;
    // A year is read only where the text writes one ("2025", "'25", "5/12/25"): "May 32 people" is not May 2032, nor is a
    // clock time ("Dec 7 20:32") a year.
    if (k.year !== undefined && !new RegExp(`(?<!\\d)(?:${k.year}|[/.'’-]${String(k.year).slice(2)})(?!\\d)`).test(text)) continue;
    out.push({
      start,
      end,
      rule: 'chrono',
      prio: 1,
      dayLevel: k.day !== undefined && k.hour === undefined,
      resolve: calendarResolver({ y: k.year, m: k.month, d: k.day, wd: k.weekday, hh: k.hour, mi: k.minute }),
    });
  }
  return out;
}

/**
 * For audits and tests: the rules whose pattern matches somewhere in `sentence` although their prefilter
 * (`need`) rejects it. A sound grammar returns [] for every sentence.
 */
export function prefilterMisses(sentence: string): string[] {
  const facts = new SentenceFacts(sentence);
  const out: string[] = [];
  for (const rule of RULES) {
    if (!rule.need || rule.need(facts)) continue;
    rule.re.lastIndex = 0;
    if (rule.re.test(sentence)) out.push(rule.name);
    rule.re.lastIndex = 0;
  }
  return out;
}

/** The raw candidates of our rules in one sentence (overlapping, unselected), in rule order. */
function ruleCandidates(sentence: string, facts: SentenceFacts): Candidate[] {
  const all: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.need && !rule.need(facts)) continue;
    if (rule.gate && !rule.gate.test(sentence)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(sentence); m !== null; m = rule.re.exec(sentence)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const built = rule.build({ m, sentence });
      if (!built) continue;
      const { second, ...first } = built;
      let start = first.start ?? m.index;
      let end = first.end ?? m.index + m[0].length;
      // Trim whitespace and trailing punctuation that a pattern may have taken.
      while (end > start && /[\s,]/.test(sentence[end - 1])) end--;
      while (start < end && /\s/.test(sentence[start])) start++;
      all.push({ ...first, start, end, rule: rule.name, prio: rule.prio } as Candidate);
      // A second expression in the same match ("1939–45": the end year).
      if (second) all.push({ ...second, rule: rule.name, prio: rule.prio } as Candidate);
    }
  }
  return all;
}

/** Our rules' candidates per sentence text, shared by the passes over one article (see `findCandidates`). */
export type CandidateMemo = Map<string, readonly Candidate[]>;

/**
 * Every candidate in one sentence, overlaps resolved (longest first, then priority), in text order. `memo`
 * (one per article) keeps the rules' raw candidates, so the publication-date pass and the extraction pass
 * over the same sentences run the rules once; candidates are never mutated, and their resolvers are pure.
 */
export function findCandidates(sentence: string, useChrono = true, memo?: CandidateMemo): Candidate[] {
  const facts = new SentenceFacts(sentence);
  const known = memo?.get(sentence);
  const own = known ?? ruleCandidates(sentence, facts);
  if (memo && !known) memo.set(sentence, own);
  const all = own.slice();
  // Every alternative of CHRONO_TRIGGER has a digit: without one, chrono is never asked.
  if (useChrono && facts.digit) all.push(...chronoCandidates(sentence, all));
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || b.prio - a.prio || a.start - b.start);
  // Greedy longest-first selection with an occupancy map: linear in the sentence, whatever the count.
  const taken = new Uint8Array(sentence.length + 1);
  const chosen: Candidate[] = [];
  for (const c of all) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  return mergeDayOffset(sentence, mergeClockAndDay(sentence, chosen));
}

/** "noon Tuesday", "Tuesday at 5 p.m.", "5 p.m. yesterday": one TIME expression. */
function mergeClockAndDay(sentence: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const a = cands[i];
    const b = cands[i + 1];
    if (b && ((a.clock && b.dayLevel) || (a.dayLevel && b.clock))) {
      const gap = sentence.slice(a.end, b.start);
      if (/^\s*(?:,\s*)?(?:at|on|about|around)?\s*$/i.test(gap)) {
        const clock = (a.clock ?? b.clock) as NonNullable<Candidate['clock']>;
        const day = a.clock ? b : a;
        out.push({
          start: a.start,
          end: b.end,
          rule: `${day.rule}+clock`,
          prio: Math.max(a.prio, b.prio),
          resolve(ctx) {
            const r = day.resolve(ctx);
            if (/^\d{4}-\d\d-\d\d$/.test(r.value) || /^XXXX-WXX-\d$/.test(r.value)) {
              return { ...r, type: 'TIME', value: `${r.value}T${pad(clock.hh)}:${pad(clock.mi)}${clock.utc ? 'Z' : ''}`, stated: [...r.stated, 'hour'] };
            }
            return r;
          },
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** A resolution moved by whole days (same type and shape); anything but a single day stays as it is. */
function shiftDays(r: Resolution, days: number): Resolution {
  if (!r.interval || r.interval.granularity !== 'day' || !/^\d{4}-\d\d-\d\d$/.test(r.value)) return { ...r, value: r.value.length >= 10 ? r.value.slice(0, 10).replace(/\d\d$/, 'XX') : r.value };
  const iv = dayInterval(r.interval.from + days);
  return { ...r, value: iv.value, interval: iv, stated: [...r.stated, 'offset'] };
}

/**
 * "the day before last Tuesday's hearing": one DATE, a day off the day named; "Oct. 12, the day before the
 * plunge": "the day" in apposition names that same day. A bare "the day after his death" stays untagged.
 */
function mergeDayOffset(sentence: string, cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.dayLevel) {
      const lead = /\b([Tt]he\s+day\s+(before|after))\s+$/.exec(sentence.slice(Math.max(0, c.start - 24), c.start));
      const prev = out[out.length - 1];
      if (lead && (!prev || prev.end <= c.start - lead[0].length)) {
        const shift = lead[2] === 'before' ? -1 : 1;
        out.push({ ...c, start: c.start - lead[0].length, rule: `${c.rule}+offset`, dayLevel: true, resolve: (ctx) => shiftDays(c.resolve(ctx), shift) });
        continue;
      }
      const appos = /^,\s+([Tt]he\s+day)\s+(?:before|after)\s/.exec(sentence.slice(c.end, c.end + 20));
      if (appos && !(cands[i + 1] && cands[i + 1].start < c.end + appos[0].length)) {
        out.push(c);
        const start = c.end + appos[0].indexOf(appos[1]);
        out.push({ start, end: start + appos[1].length, rule: 'day-apposition', prio: c.prio, dayLevel: true, resolve: (ctx) => c.resolve(ctx) });
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

export { isoDay };
