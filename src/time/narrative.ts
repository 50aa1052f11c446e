/**
 * Narrative mode (as in HeidelTime): in a historical or narrative text, relative expressions ("the middle of
 * December", "the next day", "that spring") are anchored to the story's current time — the last date the text
 * named, at its granularity — not to the document's date. News keeps the document date.
 *
 * A text is narrative when it names several absolute dates far from its own date and few expressions that only
 * make sense from the writer's today ("yesterday", "on Tuesday", "last week").
 */
import type { Granularity, Interval } from './calendar.js';
import { addMonths, epochDay, ymd } from './calendar.js';
import type { Resolution } from './grammar.js';

/** Thresholds of the narrative decision (see `isNarrative`). */
export const NARRATIVE = {
  /** Absolute dates this many years or more from the document date are "far" (history, not news). */
  farYears: 5,
  /** At least this many far absolute dates. */
  minFar: 1,
  /** Far dates are at least this share of the absolute dates. */
  minFarShare: 0.6,
  /** Writer's-today expressions are at most this share of the far dates. */
  maxDeicticShare: 0.25,
  /** A news lede: a writer's-today expression or a date near the document date within this many first sentences. */
  ledeSentences: 3,
} as const;

export interface NarrativeStats {
  absolute: number;
  far: number;
  deictic: number;
  /** Writer's-today expressions and near dates in the lede: the text is news, however much history follows. */
  lede: number;
}

export function emptyNarrativeStats(): NarrativeStats {
  return { absolute: 0, far: 0, deictic: 0, lede: 0 };
}

/** Words that point from the writer's today (with a weekday, what a news text dates by). */
const DEICTIC = /\b(?:yesterday|today|tomorrow|tonight|ago|last|next|this|coming|past|recent|recently|now)\b/i;

/** Counts one candidate, resolved against the document date `anchor` (null: undated, every absolute date is far). */
export function countForNarrative(stats: NarrativeStats, r: Resolution, text: string, anchor: number | null, sentenceIndex: number): void {
  if (r.type !== 'DATE' && r.type !== 'TIME') return;
  const inLede = sentenceIndex < NARRATIVE.ledeSentences;
  const bc = /^BC\d{4}/.test(r.value);
  const year = /^(\d{4})/.exec(r.value);
  if (r.anchor === 'none' && (year || bc)) {
    stats.absolute++;
    if (bc || anchor === null || Math.abs(ymd(anchor).y - Number(year?.[1])) >= NARRATIVE.farYears) stats.far++;
    else if (inLede && Math.abs(ymd(anchor).y - Number(year?.[1])) <= 1) stats.lede++;
    return;
  }
  // Relative to the writer's today: "yesterday", "on Friday", "last week" (not "in June", "the evening").
  if (r.anchor === 'published' && (r.stated.includes('weekday') || DEICTIC.test(text))) {
    stats.deictic++;
    if (inLede) stats.lede++;
  }
}

export function isNarrative(stats: NarrativeStats): boolean {
  return stats.lede === 0 && stats.far >= NARRATIVE.minFar && stats.far >= NARRATIVE.minFarShare * stats.absolute && stats.deictic <= NARRATIVE.maxDeicticShare * stats.far;
}

/** The story's current time: the start of the last date resolved, and how fine it is. */
export interface StoryTime {
  day: number;
  granularity: 'day' | 'month' | 'year';
}

const FINENESS: Partial<Record<Granularity, StoryTime['granularity']>> = { day: 'day', week: 'day', weekend: 'day', month: 'month', quarter: 'year', half: 'year', season: 'year', year: 'year' };
const RANK: Record<StoryTime['granularity'], number> = { day: 0, month: 1, year: 2 };

/** The story time a resolved date sets, or null when it sets none (durations, sets, decades, unresolved). */
export function storyTimeOf(r: Resolution): StoryTime | null {
  if (!r.interval || (r.type !== 'DATE' && r.type !== 'TIME') || /X/.test(r.value)) return null;
  const granularity = FINENESS[r.interval.granularity];
  return granularity ? { day: r.interval.from, granularity } : null;
}

/** The TIMEX value of an interval whose calendar the story's time cannot fix. */
function unknownOf(iv: Interval): string {
  switch (iv.granularity) {
    case 'day':
      return 'XXXX-XX-XX';
    case 'week':
      return 'XXXX-WXX';
    case 'weekend':
      return 'XXXX-WXX-WE';
    case 'month':
      return 'XXXX-XX';
    default:
      return 'XXXX';
  }
}

/**
 * A resolution made against the story's time, checked against that time's granularity: a month or year named in
 * the text may refine a coarse story time ("In 1944 … in the middle of December"), but a day counted from it may
 * not ("In 1944 … the next day" is unknown). Relative values become story-anchored ('event').
 */
export function againstStory(r: Resolution, story: StoryTime): Resolution {
  if (r.anchor !== 'published') return r;
  const iv = r.interval;
  const fine = iv ? FINENESS[iv.granularity] : undefined;
  const named = r.stated.includes('month') || r.stated.includes('season') || r.stated.includes('holiday');
  if (iv && fine && RANK[fine] < RANK[story.granularity] && !named) {
    const time = /T.*$/.exec(r.value)?.[0] ?? '';
    return { type: r.type, value: unknownOf(iv) + (iv.granularity === 'day' ? time : ''), anchor: 'event', stated: r.stated, implied: [] };
  }
  return { ...r, anchor: 'event' };
}

/** "since 1614", "until late January": a bound looking away from the story, not where the story now is. */
const BOUND_BEFORE = /\b(?:since|until|till)\s+(?:the\s+)?$/i;

/**
 * The story's time after an expression: a date sets it (unless it is only a bound, "since 1614"); an offset
 * told as a duration ("two days later", "a week earlier") moves it by that much.
 */
export function advanceStory(story: StoryTime | null, r: Resolution, before: string): StoryTime | null {
  if (r.type === 'DURATION') return story && r.anchor === 'event' && r.direction ? shiftStory(story, r.value, r.direction === 'past' ? -1 : 1) : story;
  if (BOUND_BEFORE.test(before)) return story;
  return storyTimeOf(r) ?? story;
}

function shiftStory(story: StoryTime, value: string, sign: number): StoryTime {
  const m = /^P(\d+)([DWMY])$/.exec(value);
  if (!m) return story;
  const n = Number(m[1]) * sign;
  const { y, m: mo, d } = ymd(story.day);
  switch (m[2]) {
    case 'D':
      return story.granularity === 'day' ? { day: story.day + n, granularity: 'day' } : story;
    case 'W':
      return story.granularity === 'day' ? { day: story.day + 7 * n, granularity: 'day' } : story;
    case 'M': {
      if (story.granularity === 'year') return story;
      const t = addMonths(y, mo, n);
      return { day: epochDay(t.y, t.m, story.granularity === 'day' ? Math.min(d, 28) : 1), granularity: story.granularity === 'day' ? 'month' : story.granularity };
    }
    default:
      return { day: epochDay(y + n, story.granularity === 'year' ? 1 : mo, 1), granularity: story.granularity === 'day' ? 'month' : story.granularity };
  }
}
