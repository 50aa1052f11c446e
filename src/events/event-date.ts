/**
 * The date of an event mention: the time expression that dates the trigger (not a statement's, another
 * verb's or a yardstick's), a date naming the event ("yesterday's attack"), the nearest date told
 * before it in its paragraph, else the report's own date (implied); at the timex's precision.
 */
import type { Article } from '../core/article.js';
import type { EventRecord, Layers, Quote, TimeExpr } from '../core/layers.js';
import { inComparison } from './assertion.js';
import { MODIFIED_PERSONS, SKIP_BEFORE_NOUN, SPEECH } from './extract-words.js';
import { VIOLENT, triggerFor } from './lexicon.js';
import type { SentenceView, Tok } from './sentence-view.js';
import { INTEREST } from './token-filter.js';

export function precisionOf(range: { from: string; to: string }): NonNullable<EventRecord['date']>['precision'] {
  if (range.from === range.to) return 'day';
  const [fy, fm] = range.from.split('-');
  const [ty, tm] = range.to.split('-');
  if (fy === ty && fm === tm && range.from.endsWith('-01')) return 'month';
  if (fy === ty && range.from.endsWith('-01-01') && range.to.endsWith('-12-31')) return 'year';
  return 'range';
}

export function dateFromTimex(t: TimeExpr, index: number): EventRecord['date'] {
  if (!t.range) return null;
  const precision = precisionOf(t.range);
  return {
    value:
      precision === 'day'
        ? t.range.from
        : precision === 'month'
          ? t.range.from.slice(0, 7)
          : precision === 'year'
            ? t.range.from.slice(0, 4)
            : /X/.test(t.value) || !/^\d{4}/.test(t.value)
              ? `${t.range.from}/${t.range.to}`
              : t.value,
    precision,
    range: { ...t.range },
    how: 'stated',
    timex: index,
  };
}

/** Whether the time expression at token k (followed by afterTok) sits right beside a verb other than the trigger that tells no event. */
export function datesOtherVerb(toks: readonly Tok[], k: number, afterTok: Tok | undefined, trig: Tok): boolean {
  let b = k - 1;
  if (toks[b]?.lower === 'on') b--;
  const before = toks[b];
  const other = (t: Tok | undefined) => t !== undefined && t.start !== trig.start && t.pos === 'VERB' && !triggerFor(t.lower) && INTEREST.get(t.lower) === undefined;
  return other(before) || other(afterTok);
}

/**
 * Whether the time expression at token k follows a non-violent event word (a vigil, protest, arrest,
 * meeting) and comes before the trigger at token i, nearer that word: "Protesters shut down a
 * highway on Saturday … where a man was shot dead", "held a vigil on Nov. 30 to honor the victims in
 * the shooting" date the protest and the vigil, not the shooting. A date after the trigger is left
 * to it ("shot a woman Thursday night while conducting an investigation").
 */
export function ownedByOtherEvent(toks: readonly Tok[], k: number, i: number): boolean {
  if (k > i) return false;
  for (let j = 0; j < k; j++) {
    const other = triggerFor(toks[j].lower);
    if (other && !VIOLENT.has(other.cls) && k - j < i - k) return true;
  }
  return false;
}

/** The time expression that dates the event: nearest the trigger, not the date of a statement. */
export function chooseDate(view: SentenceView, i: number, quotes: readonly Quote[]): EventRecord['date'] {
  const trig = view.toks[i];
  // "On Thursday, officials identified the shooting suspect": the date is the sentence's verb's.
  if (MODIFIED_PERSONS.has(view.toks[i + 1]?.lower ?? '')) return null;
  let best: EventRecord['date'] = null;
  let bestGap = Infinity;
  for (const { t, i: index } of view.times) {
    if (t.type !== 'DATE' && t.type !== 'TIME') continue;
    if (!t.range) continue;
    if (quotes.some((q) => q.when && q.when.start <= t.start && t.end <= q.when.end)) continue;
    const k = view.toks.findIndex((x) => x.start >= t.start);
    let statement = false;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (SPEECH.has(view.toks[j].lower)) statement = true;
    const afterTok = view.toks.find((x) => x.start >= t.end);
    const afterTime = afterTok?.lower ?? '';
    if (afterTime === '’s' || afterTime === "'s") statement = false;
    // "the October 7 massacre": a date naming another event dates that event, not this one.
    if (afterTok && afterTok.start !== trig.start && triggerFor(afterTime)?.noun) continue;
    if (statement) continue;
    // "the coroner on Monday identified the man killed …", "police arrested him Monday": a date
    // told right beside another verb dates that verb, unless the verb is itself an event word.
    if (k >= 0 && datesOtherVerb(view.toks, k, afterTok, trig)) continue;
    // "the largest of November", "the largest since … on Oct. 30": a yardstick's date.
    if (k >= 0 && inComparison(view.toks, k, false)) continue;
    // "held a vigil on Nov. 30 to honor the victims in the shooting": a date told between a
    // non-violent event word and this trigger, nearer that word, dates that event.
    if (k >= 0 && ownedByOtherEvent(view.toks, k, i)) continue;
    const gap = t.start >= trig.end ? t.start - trig.end : (trig.start - t.end) * 1.2;
    if (gap < bestGap) {
      bestGap = gap;
      best = dateFromTimex(t, index);
    }
  }
  return best;
}

/** "yesterday’s attack", "the October 7 massacre": a date written before the noun names the event. */
export function namedByDate(view: SentenceView, i: number): EventRecord['date'] {
  const trig = view.toks[i];
  for (const { t, i: index } of view.times) {
    if (t.end > trig.start || trig.start - t.end > 30 || !t.range) continue;
    let k = i - 1;
    while (k >= 0 && view.toks[k].start >= t.end) k--;
    const between = view.toks.slice(k + 1, i);
    if (between.every((x) => x.lower === '’s' || x.lower === "'s" || x.pos === 'ADJ' || SKIP_BEFORE_NOUN.has(x.lower) || x.lower === 'th')) return dateFromTimex(t, index);
  }
  return null;
}

export function implied(layers: Readonly<Layers>, article: Readonly<Article>): EventRecord['date'] {
  const p = layers.published?.[0];
  const value = p?.value ?? article.published;
  if (!value) return null;
  const day = value.slice(0, 10);
  const range = p?.range ?? (/^\d{4}-\d{2}-\d{2}$/.test(day) ? { from: day, to: day } : undefined);
  if (!range) return { value, precision: 'unknown', how: 'implied' };
  return { value: range.from === range.to ? range.from : value, precision: precisionOf(range), range: { ...range }, how: 'implied' };
}

/** The calendar date told nearest before `at` in paragraph `paragraph` ("Saturday night … Officers found him …"). */
export function precedingDate(layers: Readonly<Layers>, at: number, paragraph: number): EventRecord['date'] {
  const times = layers.times ?? [];
  const sentences = layers.sentences ?? [];
  let best = -1;
  let si = sentences.length - 1;
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i];
    if (t.end > at || !t.range || (t.type !== 'DATE' && t.type !== 'TIME')) continue;
    while (si > 0 && sentences[si].start > t.start) si--;
    if (sentences[si]?.paragraph !== paragraph) break;
    best = i;
    break;
  }
  return best >= 0 ? dateFromTimex(times[best], best) : null;
}
