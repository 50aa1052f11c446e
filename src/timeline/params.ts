/**
 * Named weights and thresholds of the timeline stage. Tuned leave-one-topic-out on the Timeline17
 * topics with article texts (docs/benchmarks.md, "timeline"); never on all topics at once.
 */
export const TIMELINE_PARAMS = {
  /** Weight of one article published on a day, against one article that names the day. */
  publishedWeight: 0.5,
  /** A reference to a day counts only from articles published this many days before it or later (forecasts are not news). */
  referenceLeadDays: 0,
  /** Lead sentences of an article published on a day that stand for that day when they name no other day. */
  leadSentences: 5,
  /** Bonus to a candidate sentence that names the day itself. */
  statesDateBonus: 0.05,
  /** Cosine between two chosen sentences above which the later one repeats the earlier. */
  redundancy: 0.5,
  /** Sentence length bounds in words: a line of four words or fewer says nothing. */
  minWords: 5,
  maxWords: 60,
  /** Share of a sentence's tokens that must be words (drops bylines, tables, time stamps). */
  minWordShare: 0.6,
} as const;

export type TimelineParams = { -readonly [K in keyof typeof TIMELINE_PARAMS]: number };

export const DEFAULT_DATES = 10;
export const DEFAULT_PER_DATE = 1;
