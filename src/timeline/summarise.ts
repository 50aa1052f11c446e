/**
 * The timeline summarisation stage: from the articles of a story, an entity or a query to the days
 * that matter and, for each, the article sentences that best say what happened (dates.ts, sentences.ts).
 * Pure: the caller reads the articles from the store (api/timeline.ts) or from a corpus (eval).
 */
import { rankDates, inRange } from './dates.js';
import { TIMELINE_PARAMS, type TimelineParams } from './params.js';
import { prepareSentences, vectorize, type Vec } from './prepare.js';
import { candidatesByDay, chooseSentences } from './sentences.js';
import type { SummaryTimeline, TimelineDate, TimelineDoc, TimelineOptions } from './types.js';

export function summariseTimeline(docs: readonly TimelineDoc[], options: TimelineOptions, params: TimelineParams = { ...TIMELINE_PARAMS }): SummaryTimeline {
  // Articles published after the range cannot report on it first-hand; those before it may announce it.
  const used = docs.filter((d) => !d.day || !options.to || d.day <= options.to);
  const sentences = prepareSentences(used, params);
  const ranked = rankDates(used, sentences, options, params);
  const byDay = candidatesByDay(used, sentences, params);
  const inRangeDays = ranked.filter((r) => inRange(r.date, options));
  // The IDF pool: the candidates of the best days, twice as many as asked for (some days yield no sentence).
  vectorize(inRangeDays.slice(0, 2 * options.dates).flatMap((r) => byDay.get(r.date) ?? []), used);
  const chosen: Vec[] = [];
  const dates: TimelineDate[] = [];
  for (const { date, score } of inRangeDays) {
    if (dates.length >= options.dates) break;
    vectorize(byDay.get(date) ?? [], used);
    const picked = chooseSentences(date, byDay.get(date) ?? [], options.perDate, chosen, used, params);
    if (picked.length) dates.push({ date, score, sentences: picked });
  }
  dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { dates, articles: used.length, dated: used.filter((d) => d.day).length };
}
