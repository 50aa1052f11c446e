/**
 * Scoring the hand-checked quote sample. Each stored quote (offsets + what the system said + a verdict) is
 * looked up again in a fresh run of its article by its exact content span. The content verdict stands while
 * the span is unchanged; the speaker verdict stands while the speaker phrase, its resolved entity and owner are
 * unchanged (otherwise it is listed for re-checking and left out). Quotes no longer produced are dropped;
 * quotes not in the sample are new and unjudged. Recall is computed on fully annotated articles only: gold =
 * stored quotes with right content + the quotes the checker marked missed.
 */
import { createHash } from 'node:crypto';
import type { SaidQuote } from './quotes-sample-docs.js';

export interface QuoteVerdict {
  /** A quote or claim really attributed to someone, span roughly right. */
  content: boolean | null;
  /** The right person/organisation (null when content is wrong). */
  speaker: boolean | null;
  reason: string;
}

export interface SampleQuote {
  said: SaidQuote;
  verdict: QuoteVerdict;
}

export interface MissedQuote {
  start: number;
  end: number;
  speaker: string | null;
  reason: string;
}

export interface QuoteSampleRow {
  n: number;
  source: string;
  split: 'dev' | 'test';
  id: string;
  path: string;
  drawn: { seed: number; commit: string };
  /** Every attribution in the article annotated (its quotes' misses listed), so recall can be computed. */
  full: boolean;
  quotes: SampleQuote[];
  missed: MissedQuote[];
}

/** dev / test by SHA-256 of the article path: first hex digit even → dev, odd → test. */
export function sampleSplit(path: string): 'dev' | 'test' {
  return parseInt(createHash('sha256').update(path).digest('hex')[0]!, 16) % 2 === 0 ? 'dev' : 'test';
}

export const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(a.end - a.start, b.end - b.start, 1);

/** Gold and prediction overlap enough to count as the same quote for recall (as PolNeAR's lenient match). */
export const RECALL_OVERLAP = 0.3;

export interface QuoteTally {
  judged: number;
  contentRight: number;
  speakerJudged: number;
  speakerRight: number;
  e2eJudged: number;
  e2eRight: number;
  speakerChanged: number;
  dropped: number;
  droppedRight: number;
  fresh: number;
  gold: number;
  recalled: number;
  recalledE2e: number;
  articles: number;
  /** Articles with at least one judged quote whose content is right and speaker wrong (issue 12's "5 of 10"). */
  articlesSpeakerWrong: number;
  recheck: string[];
}

export const emptyTally = (): QuoteTally => ({
  judged: 0, contentRight: 0, speakerJudged: 0, speakerRight: 0, e2eJudged: 0, e2eRight: 0, speakerChanged: 0,
  dropped: 0, droppedRight: 0, fresh: 0, gold: 0, recalled: 0, recalledE2e: 0, articles: 0, articlesSpeakerWrong: 0, recheck: [],
});

const sameSpeaker = (a: SaidQuote, b: SaidQuote) => a.speaker === b.speaker && a.entity === b.entity && a.owner === b.owner;

/** Adds one article's outcome, given the quotes a fresh run produced, to the tally. */
export function scoreRow(row: QuoteSampleRow, now: readonly SaidQuote[], t: QuoteTally = emptyTally()): QuoteTally {
  const used = new Set<SaidQuote>();
  const wrongBefore = t.speakerJudged - t.speakerRight;
  t.articles++;
  const stillRight: Array<{ start: number; end: number; e2e: boolean }> = [];
  for (const q of row.quotes) {
    const v = q.verdict;
    if (v.content === null) continue;
    const hit = now.find((x) => x.start === q.said.start && x.end === q.said.end);
    if (!hit) {
      t.dropped++;
      if (v.content) t.droppedRight++;
      continue;
    }
    used.add(hit);
    t.judged++;
    if (!v.content) { t.e2eJudged++; continue; }
    t.contentRight++;
    if (!sameSpeaker(q.said, hit) || v.speaker === null) {
      t.speakerChanged++;
      t.recheck.push(`#${row.n} ${q.said.start}-${q.said.end}: speaker now ${hit.speaker ?? '-'} (${hit.entity ?? '-'}), was ${q.said.speaker ?? '-'}`);
      stillRight.push({ start: hit.start, end: hit.end, e2e: false });
      continue;
    }
    t.speakerJudged++;
    t.e2eJudged++;
    if (v.speaker) { t.speakerRight++; t.e2eRight++; }
    stillRight.push({ start: hit.start, end: hit.end, e2e: v.speaker });
  }
  if (t.speakerJudged - t.speakerRight > wrongBefore) t.articlesSpeakerWrong++;
  const fresh = now.filter((x) => !used.has(x));
  t.fresh += fresh.length;
  for (const x of fresh) t.recheck.push(`#${row.n} ${x.start}-${x.end}: new quote, speaker ${x.speaker ?? '-'} (${x.entity ?? '-'})`);
  if (row.full) {
    const gold = [
      ...row.quotes.filter((q) => q.verdict.content).map((q) => ({ start: q.said.start, end: q.said.end })),
      ...row.missed,
    ];
    t.gold += gold.length;
    for (const g of gold) {
      const same = stillRight.find((s) => s.start === g.start && s.end === g.end);
      if (same) {
        t.recalled++;
        if (same.e2e) t.recalledE2e++;
      } else if (fresh.some((x) => overlap(x, g) >= RECALL_OVERLAP)) t.recalled++;
    }
  }
  return t;
}

const ratio = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 1000 : 0);

export function tallyMetrics(t: QuoteTally): Record<string, number> {
  const p = ratio(t.e2eRight, t.e2eJudged);
  const r = ratio(t.recalledE2e, t.gold);
  return {
    quotes_judged: t.judged,
    content_precision: ratio(t.contentRight, t.judged),
    speaker_accuracy: ratio(t.speakerRight, t.speakerJudged),
    e2e_precision: p,
    content_recall: ratio(t.recalled, t.gold),
    e2e_recall: r,
    e2e_f1: p + r ? Math.round((2000 * p * r) / (p + r)) / 1000 : 0,
    gold_full_articles: t.gold,
    speaker_changed: t.speakerChanged,
    dropped: t.dropped,
    dropped_right: t.droppedRight,
    new_unjudged: t.fresh,
    articles: t.articles,
    articles_speaker_wrong: t.articlesSpeakerWrong,
  };
}
