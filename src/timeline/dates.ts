/**
 * Date selection (DATEWISE/CLUST-style, unsupervised): a day scores by how many articles name it,
 * counting only articles published on or after it (minus `referenceLeadDays`), plus `publishedWeight`
 * for each article published that day (the publication burst).
 */
import type { TimelineParams } from './params.js';
import type { PreparedSentence } from './prepare.js';
import type { TimelineDoc, TimelineOptions } from './types.js';

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function inRange(day: string, options: Pick<TimelineOptions, 'from' | 'to'>): boolean {
  return (!options.from || day >= options.from) && (!options.to || day <= options.to);
}

export function rankDates(
  docs: readonly TimelineDoc[],
  sentences: readonly PreparedSentence[],
  options: TimelineOptions,
  params: TimelineParams,
): Array<{ date: string; score: number }> {
  const namers = new Map<string, Set<number>>();
  for (const s of sentences) {
    const pub = docs[s.doc].day;
    if (!pub) continue;
    for (const d of s.days) {
      if (!inRange(d, options) || dayNumber(pub) < dayNumber(d) - params.referenceLeadDays) continue;
      let set = namers.get(d);
      if (!set) namers.set(d, (set = new Set()));
      set.add(s.doc);
    }
  }
  const score = new Map<string, number>();
  for (const [d, set] of namers) score.set(d, set.size);
  for (const doc of docs) if (doc.day && inRange(doc.day, options)) score.set(doc.day, (score.get(doc.day) ?? 0) + params.publishedWeight);
  return [...score.entries()]
    .map(([date, s]) => ({ date, score: s }))
    .sort((a, b) => b.score - a.score || (a.date < b.date ? -1 : 1));
}
