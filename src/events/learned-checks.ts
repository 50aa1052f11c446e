/**
 * The learned checks that arbitrate a conflict event after the rules: the sense check (sense.ts) for
 * trigger words that have other senses, and the article-domain check (domain.ts) for sport, business,
 * tech or entertainment news. Each records its score in the event's `how`.
 */
import type { Article } from '../core/article.js';
import type { EventKind, EventRecord, Layers, Token } from '../core/layers.js';
import { articleDomainScore, domainModel } from './domain.js';
import type { RawEvent } from './raw-event.js';
import { AMBIGUOUS_TRIGGERS, eventSenseFeatures, senseModel, senseScore, tokensBySentence } from './sense.js';

/** What the checks compute once per article. */
export interface LearnedChecksCache {
  bySentence?: Token[][];
  articleDomain?: number;
}

/**
 * Whether the event survives the learned checks. `hard`: a toll is told (evidence enough for the sense
 * check); `senseOff`: both checks are off (for training them).
 */
export function passesLearnedChecks(
  record: Omit<EventRecord, 'summary' | 'id'>,
  ms: readonly RawEvent[],
  kind: EventKind,
  hard: boolean,
  senseOff: boolean,
  article: Readonly<Article>,
  layers: Readonly<Layers>,
  cache: LearnedChecksCache,
  how: string[],
): boolean {
  // The sense check arbitrates words that have other senses; a told toll is evidence enough (a
  // missile can be thrown from the stands, an explosion be one of sales).
  const ambiguous = ms.every((m) => AMBIGUOUS_TRIGGERS.has(m.trigger.lower));
  // Protests are left to the rules: the held-out ACLED notes lost protests of workers to the model.
  const model = senseOff || hard || !ambiguous || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : senseModel();
  if (model) {
    cache.bySentence ??= tokensBySentence(layers);
    let p = 0;
    for (const f of eventSenseFeatures(article.text, layers.sentences ?? [], cache.bySentence, record)) p = Math.max(p, senseScore(model, f));
    how.push(`sense:${p.toFixed(2)}`);
    if (p < model.threshold) return false;
  }
  // The article-domain check: sport, business, tech or entertainment news makes no conflict event,
  // whatever the word, weapon or toll; protests are ACLED events in any section (a strike of workers is one).
  const domain = senseOff || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : domainModel();
  if (domain) {
    cache.articleDomain ??= articleDomainScore(domain, article.text);
    how.push(`domain:${cache.articleDomain.toFixed(2)}`);
    if (cache.articleDomain < domain.threshold) return false;
  }
  return true;
}
