import type { Span } from '../core/article.js';
import type { TimeExpr } from '../core/layers.js';

/** One article as the timeline stage reads it: its text, sentence spans, time expressions and day. */
export interface TimelineDoc {
  id: string;
  /** Publication day (YYYY-MM-DD), or null when the article's date is unknown. */
  day: string | null;
  title: string | null;
  source: string | null;
  url: string | null;
  text: string;
  sentences: readonly Span[];
  times: readonly TimeExpr[];
}

export interface TimelineOptions {
  /** Number of dates to keep. */
  dates: number;
  /** Sentences per date. */
  perDate: number;
  /** Inclusive date range (YYYY-MM-DD) the timeline's dates must fall in. */
  from?: string;
  to?: string;
}

export interface TimelineSentence {
  text: string;
  article: string;
  /** Character offsets of the sentence in the article's text. */
  start: number;
  end: number;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  /** Whether the sentence itself names the date (otherwise it leads an article published that day). */
  statesDate: boolean;
}

export interface TimelineDate {
  date: string;
  /** The date's score: how strongly the articles point at it (see dates.ts). */
  score: number;
  sentences: TimelineSentence[];
}

export interface SummaryTimeline {
  dates: TimelineDate[];
  /** Articles read, and how many of them had a publication day. */
  articles: number;
  dated: number;
}
