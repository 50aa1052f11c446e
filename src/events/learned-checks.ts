/**
 * The learned check that arbitrates a conflict event inside extraction: the article-domain check
 * (domain.ts) for sport, business, tech, entertainment or weather news. It records its score in the
 * event's `how`. The sense check (sense.ts) is not run here: sense-veto.ts scores every conflict event
 * after extraction with the same model and threshold, so an inner check of the ambiguous words only
 * ran the model twice (removed with a parity run: docs/benchmarks.md, "nonconf11").
 */
import type { Article } from '../core/article.js';
import type { EventKind, EventRecord } from '../core/layers.js';
import { articleDomainScore, domainModel } from './domain.js';

/** What the check computes once per article. */
export interface LearnedChecksCache {
  articleDomain?: number;
}

/** Whether the event survives the learned check. `off`: the check is off (for training the models). */
export function passesLearnedChecks(
  record: Omit<EventRecord, 'summary' | 'id'>,
  kind: EventKind,
  off: boolean,
  article: Readonly<Article>,
  cache: LearnedChecksCache,
  how: string[],
): boolean {
  // Sport, business, tech, entertainment or weather news makes no conflict event, whatever the word,
  // weapon or toll; protests are ACLED events in any section (a strike of workers is one).
  const domain = off || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : domainModel();
  if (domain) {
    cache.articleDomain ??= articleDomainScore(domain, article.text);
    how.push(`domain:${cache.articleDomain.toFixed(2)}`);
    if (cache.articleDomain < domain.threshold) return false;
  }
  return true;
}
