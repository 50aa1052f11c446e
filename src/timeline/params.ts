/**
 * Named weights and thresholds of the timeline stage. Chosen on the Timeline17 development topics
 * (mj, haiti; h1n1 held out) and checked leave-one-topic-out (docs/benchmarks.md, "timeline").
 */
export const TIMELINE_PARAMS = {
  /** Weight of one article published on a day, against one article that names the day. */
  publishedWeight: 2,
  /**
   * A reference to a day counts from articles published up to this many days before it (announcements
   * of a scheduled day); 0 would count only reports on or after the day. Chosen on the development topics.
   */
  referenceLeadDays: 3650,
  /** Lead sentences of an article published on a day that stand for that day when they name no other day. */
  leadSentences: 5,
  /** Bonus to a candidate sentence that names the day itself. */
  statesDateBonus: 0,
  /** Cosine between two chosen sentences above which the later one repeats the earlier (0.5 → 0.4 on mj + haiti). */
  redundancy: 0.4,
  /** Sentence length bounds in words: a line of four words or fewer says nothing. */
  minWords: 5,
  maxWords: 60,
  /** Share of a sentence's tokens that must be words (drops bylines, tables, time stamps). */
  minWordShare: 0.6,
  /**
   * A sentence with at least this share of its tokens inside quotation marks is direct speech (a reaction,
   * not what happened): no candidate. Above 1 keeps every sentence. Chosen on mj + haiti (issue 15).
   */
  directSpeech: 0.5,
  /**
   * A candidate the timeline-style prior (style.ts, models/timeline/style.json) gives a probability below
   * this is not chosen: first- and second-person asides, reader comments, page chrome. 0 turns it off.
   * Chosen on mj + haiti (issue 15, fourth try; as a weight on the score the prior lowered AR-2).
   */
  styleFloor: 0.03,
} as const;

export type TimelineParams = { -readonly [K in keyof typeof TIMELINE_PARAMS]: number };

export const DEFAULT_DATES = 10;
export const DEFAULT_PER_DATE = 1;
