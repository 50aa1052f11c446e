/** The rule type of the temporal grammar, the per-sentence facts its prefilters read, and the resolvers rules share. */
import type { TimexType } from '../core/layers.js';
import { dayInterval, epochDay, monthInterval, pad, yearInterval, daysInMonth, type Interval } from './calendar.js';
import { type Candidate, type Resolution, type ResolveContext, ci, directionOf, interval, pickYear, resolveWeekday, shiftUnit, storyYear, unresolved } from './grammar-kit.js';


export interface RuleMatch {
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
export const MONTH_PREFIX = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC/;
/** The letters of every form of `WEEKDAY`, lower-cased. */
export const WEEKDAY_WORDS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'];
/**
 * The tail every match of the `ago` rule ends with (unit, optional "and a half" / "or so", relation word), tested on
 * the lower-cased text; no lookaround, since lower-casing may turn a character next to the match into a letter.
 */
export const AGO_TAIL = /(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ies))s?(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?\s+(?:ago|earlier|later|before|after|from now|hence|back|previously)/;
export const WEEKDAY_PLURALS = ['mondays', 'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays'];
/** Every word `UNIT` matches, lower-cased. */
export const UNIT_WORDS = ['second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade', 'century', 'centuries']
  .flatMap((w) => [w, `${w}s`]);

export interface Rule {
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

export type Built = Omit<Candidate, 'start' | 'end' | 'rule' | 'prio'> & { start?: number; end?: number };

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
export function unanchoredValue(unit: string, part?: string): string {
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
export function clockResolver(hh: number, mi: number, utc: boolean) {
  return (ctx: ResolveContext): Resolution => {
    const day = ctx.lastDay ?? ctx.anchor;
    const suffix = `T${pad(hh)}:${pad(mi)}${utc ? 'Z' : ''}`;
    if (day === null) return unresolved('TIME', `XXXX-XX-XX${suffix}`, ['hour']);
    const res = interval('TIME', dayInterval(day), ctx.lastDay !== null ? 'event' : 'published', ['hour'], ['year', 'month', 'day']);
    res.value += suffix;
    return res;
  };
}

export function relativeResolver(unit: string, n: number, type: TimexType = 'DATE', part?: string) {
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
export function narrativeResolver(unit: string, n: number, type: TimexType = 'DATE', part?: string) {
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

/** "later in the day", "ended the day": the day under discussion (the narrative's last day), else the article's. */
export function dayUnderDiscussion(ctx: ResolveContext): Resolution {
  const base = ctx.lastDay ?? ctx.anchor;
  if (base === null) return unresolved('DATE', 'XXXX-XX-XX', ['part']);
  return interval('DATE', dayInterval(base), ctx.lastDay !== null ? 'event' : 'published', [], ['year', 'month', 'day']);
}

export function fixed(type: TimexType, value: string, stated: string[] = []) {
  return (): Resolution => unresolved(type, value, stated);
}

/** What precedes "a year", "a day": a frequency ("twice a week") or a rate ("$5 million a year", "24 hours a day"). */
export function rateBefore(sentence: string, start: number): 'frequency' | 'rate' | null {
  const before = sentence.slice(Math.max(0, start - 24), start);
  if (/\b(?:times|once|twice|thrice)\s*$/i.test(before)) return 'frequency';
  if (/(?:\d|million|billion|trillion|percent|%|dollars?|cents?|euros?|pounds?|\$|hours|days|flights|seats|shares|barrels|tons)\s*$/i.test(before)) return 'rate';
  return null;
}

export const YEAR_CUE_BEFORE = /(?:\b(?:in|since|of|by|from|to|until|till|through|thru|during|before|after|early|late|mid|fiscal|calendar|year|the|and|or|between|for|than|around|about|circa|as of|spring|summer|fall|autumn|winter|January|February|March|April|May|June|July|August|September|October|November|December)|[,(–—-])\s*$/i;

export const COUNT_NOUN = /^\s+(?:people|persons|troops|soldiers|shares|cars|vehicles|units|workers|employees|jobs|homes|houses|families|members|students|children|refugees|residents|civilians|deaths|cases|votes|tons|tonnes|barrels|miles|kilometers|km|meters|feet|pounds|dollars|euros|yen|points|acres|hectares|rounds|missiles|drones|rockets|names|pages|copies|flights|passengers|prisoners|hostages|police|officers|delegates|seats|calls|signatures|lives|hours|minutes|days|times|percent)\b/i;
export const QUANTITY_BEFORE = /\b(?:about|some|nearly|approximately|than|over|under|almost|roughly|around|only|least|most|to|of|total|another|additional|extra)\s*$/i;

export function yearOk(sentence: string, start: number, end: number): boolean {
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

export const MODIFIER = `(?:${ci('the early part of')}|${ci('the latter part of')}|${ci('the later part of')}|${ci('the first part of')}|${ci('early')}|${ci('late')}|${ci('mid')}|${ci('the end of')}|${ci('the beginning of')}|${ci('the start of')}|${ci('the middle of')}|${ci('end of')}|${ci('the first half of')}|${ci('the second half of')}|${ci('the turn of')})`;
export const REL = `(?:${ci('last')}|${ci('next')}|${ci('this')}|${ci('this past')}|${ci('this coming')}|${ci('past')}|${ci('coming')})`;
export const ORD_Q: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

export const DECADE_WORDS: Record<string, number> = { twenties: 1920, thirties: 1930, forties: 1940, fifties: 1950, sixties: 1960, seventies: 1970, eighties: 1980, nineties: 1990 };

export function strictOf(word: string | undefined): 'last' | 'next' | null {
  if (!word) return null;
  const w = word.toLowerCase();
  if (w === 'last' || w === 'past' || w === 'this past') return 'last';
  if (w === 'next' || w === 'coming' || w === 'this coming') return 'next';
  return null;
}
