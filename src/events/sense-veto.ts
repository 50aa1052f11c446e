/**
 * The sense check on every conflict event: after the rules (extract.ts), each ACLED-typed conflict
 * event is scored by the sense model (sense.ts) on each of its mentions — the trigger, its lemma and
 * its ±5-word window — and dropped when its best mention scores below the model's threshold ("a Roddick
 * shot", "struck a drive", "the oil rally", "lodge a protest" with the referee, "the battle for the
 * title"). It covers every trigger, protests and told tolls included ("a clubman found dead at his
 * home"), so the learned decision, not a word list, arbitrates; it is the only place the model runs.
 * The threshold was chosen by cross-validation in train.ts (never on a held-out split). Toll events are
 * not exempt: with the sentence-word features the local-news dev set's fatal events all score ≥ 0.66,
 * while the tolls of the non-conflict dev split's false events (an overdose, a gamer's death) score 0.001.
 */
import type { Article } from '../core/article.js';
import type { EventRecord, Layers } from '../core/layers.js';
import { eventSenseFeatures, senseModel, senseScore, tokensBySentence, type SenseModel } from './sense.js';

/** The best score over an event's mentions. */
export function eventSense(model: SenseModel, text: string, layers: Readonly<Layers>, e: EventRecord, bySentence = tokensBySentence(layers)): number {
  let p = 0;
  for (const f of eventSenseFeatures(text, layers.sentences ?? [], bySentence, e)) p = Math.max(p, senseScore(model, f));
  return p;
}

/** The events without the conflict events told in another sense; kept ones record `sense-all:p` in `how`. */
export function senseVeto(article: Pick<Article, 'text'>, layers: Readonly<Layers>, events: EventRecord[], model = senseModel()): EventRecord[] {
  if (!model) return events;
  let bySentence: ReturnType<typeof tokensBySentence> | undefined;
  const out: EventRecord[] = [];
  for (const e of events) {
    if (!e.acled || (e.kind ?? 'conflict') !== 'conflict') {
      out.push(e);
      continue;
    }
    bySentence ??= tokensBySentence(layers);
    const p = eventSense(model, article.text, layers, e, bySentence);
    if (p < model.threshold) continue;
    out.push({ ...e, how: [...(e.how ?? []), `sense-all:${p.toFixed(2)}`] });
  }
  return out;
}
