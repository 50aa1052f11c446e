/**
 * Which event a figure belongs to: each figure of a sentence to the nearest trigger that can carry
 * it; a toll told in a sentence without a violent trigger of its own to the latest violent event of
 * the paragraph, else a killing event of its own; one death or injury told without a number
 * (deaths.ts) likewise.
 */
import type { Span } from '../core/article.js';
import type { EventFigure, Layers, Quote, SpeakerRef } from '../core/layers.js';
import { type ArgContext, claimantOfFigures, speakerFromQuote, speakerFromText, verbActors } from './arguments.js';
import { inBackgroundClause } from './background-clause.js';
import { singleDeath, singleInjury } from './deaths.js';
import { chooseDate } from './event-date.js';
import { DEATH_TRIGGER, INJURY_WORD } from './extract-words.js';
import { isToll } from './figures.js';
import { disasterArticle } from './kind.js';
import { ARMED, SECURITY_TARGET, VIOLENT } from './lexicon.js';
import { armedUnit, securityTargetAfter } from './participants.js';
import { choosePlace } from './place-choice.js';
import type { QuotesNear } from './quotes-near.js';
import type { RawEvent } from './raw-event.js';
import { figuresOf, weaponsOf } from './sentence-figures.js';
import type { SentenceView } from './sentence-view.js';
import { diseaseDeath, tollSentenceTellsViolence } from './toll-sentence.js';

export function figuresToNearestTrigger(here: RawEvent[]): void {
  // Each figure of the sentence belongs to the nearest trigger that can carry it ("… killed in a
  // strike …; Russia launched 476 drones" gives the drones to "launched", the dead to "strike").
  if (here.length > 1) {
    const all = new Map<number, EventFigure>();
    for (const r of here) for (const f of r.figures) all.set(f.quantity, f);
    for (const r of here) r.figures = [];
    for (const f of all.values()) {
      const human = isToll(f.kind);
      let best: RawEvent | null = null;
      for (const r of here) {
        if (human ? !(VIOLENT.has(r.cls) || r.cls === 'riot') : !(VIOLENT.has(r.cls) || r.cls === 'intercept' || r.cls === 'launch')) continue;
        if (!best || Math.abs(r.trigger.start - f.start) < Math.abs(best.trigger.start - f.start)) best = r;
      }
      if (best) best.figures.push(f);
    }
  }
}

/** A loose toll looks for its host event this many sentences back in its paragraph. */
export const HOST_SENTENCES_BACK = 3;

/**
 * Tolls no trigger of their sentence took, and deaths and injuries told without a number: given to
 * the latest violent event up to HOST_SENTENCES_BACK sentences back in the paragraph, else (deaths)
 * an event of their own. Appends to `out`.
 */
export function attachLooseTolls(out: RawEvent[], sentenceViews: readonly SentenceView[], deathWord: readonly boolean[], ctx: ArgContext, near: QuotesNear, layers: Readonly<Layers>): void {
  const text = ctx.text;
  // Whether the article is about a natural disaster (kind.ts), read once and only when a loose toll asks.
  let disaster: boolean | undefined;
  const disasterText = () => (disaster ??= disasterArticle(sentenceViews.flatMap((v) => v.toks.map((t) => t.lower))));
  // Deaths and injuries in a sentence without a violent trigger of their own ("Two were killed, one
  // from each side.") belong to the latest violent event of the paragraph, up to three sentences
  // back; with none, a stated death is itself a killing event.
  const assigned = new Set<number>();
  for (const r of out) for (const f of r.figures) assigned.add(f.quantity);
  // The events of each sentence, so that finding a host is a look at the last four sentences (linear).
  const bySentence = new Map<number, RawEvent[]>();
  const add = (r: RawEvent) => {
    const list = bySentence.get(r.sentence.index);
    if (list) list.push(r);
    else bySentence.set(r.sentence.index, [r]);
  };
  for (const r of out) add(r);
  const hostOf = (view: SentenceView, ok: (r: RawEvent) => boolean): RawEvent | undefined => {
    for (let si = view.index; si >= Math.max(0, view.index - HOST_SENTENCES_BACK); si--) {
      if (sentenceViews[si].paragraph !== view.paragraph) return undefined;
      const list = bySentence.get(si) ?? [];
      for (let k = list.length - 1; k >= 0; k--) if (ok(list[k])) return list[k];
    }
    return undefined;
  };
  for (const view of sentenceViews) {
    const loose = figuresOf(view, text).filter((f) => (f.kind === 'killed' || f.kind === 'injured') && !assigned.has(f.quantity));
    if (!loose.length) continue;
    const host = hostOf(view, (r) => VIOLENT.has(r.cls) || r.cls === 'riot');
    // A toll whose own sentence tells no violence (a quake's, a disease's) is no earlier event's, nor an event of its own.
    if (host && !tollSentenceTellsViolence(view, host, disasterText)) {
      for (const f of loose) assigned.add(f.quantity);
      continue;
    }
    const claimant = claimantOfFigures(layers, loose) ?? speakerFromQuote(near(view.span), view.span) ?? speakerFromText(ctx, view);
    if (host) {
      for (const f of loose) {
        // "… shot a classmate on Friday, two days after a Georgia school shooting left four victims
        // dead": a toll told after another event noun in an "after"/"since" clause is that event's.
        if (host.sentence.index === view.index && inBackgroundClause(view.toks, host.trigger.start, f.start)) continue;
        host.figures.push({ ...f, claimant: f.claimant ?? claimant?.text ?? host.claimant?.text ?? null });
      }
    } else if (loose.some((f) => f.kind === 'killed') && !diseaseDeath(view)) {
      const i = view.toks.findIndex((t) => /^(killed|killing|died|dead|slain|murdered|deaths|perished|gunned)$/.test(t.lower));
      if (i < 0) continue;
      const r = killingEvent(ctx, view, i, {
        figures: loose,
        claimant,
        quotes: near(view.span),
        excludePlaces: claimant ? [claimant] : [],
        securityTarget: loose.some((f) => armedUnit(f.unit)) || securityTargetAfter(view.toks, i),
        rule: 'toll:stated-count',
      });
      out.push(r);
      add(r);
    }
    for (const f of loose) assigned.add(f.quantity);
  }
  // One death stated without a number ("a man was killed", "gunmen assassinated a member of …",
  // "a man was found dead", "the victim died of his injuries"): a figure of one (deaths.ts), when the
  // sentence gives no count of its own; one injury likewise, given only to an event told just before.
  const violent = (r: RawEvent) => VIOLENT.has(r.cls);
  for (const view of sentenceViews) {
    // The patterns need one of these words; most sentences have none (a token test is far cheaper).
    if (!deathWord[view.index]) continue;
    // A count in an "after a shooting left four dead" clause is another event's: not this sentence's own.
    if (figuresOf(view, text).some((f) => (f.kind === 'killed' || f.kind === 'cumulative_killed') && !inBackgroundClause(view.toks, view.span.start - 1, f.start))) continue;
    const sentence = text.slice(view.span.start, view.span.end);
    const m = singleDeath(sentence);
    if (!m) continue;
    const start = view.span.start + m.index;
    const fig: EventFigure = { start, end: start + m.length, kind: 'killed', value: m.value, hedge: null, unit: m.unit, claimant: null, quantity: -1 };
    const host = hostOf(view, violent);
    if (host && !tollSentenceTellsViolence(view, host, disasterText)) continue;
    if (host) {
      if (!host.figures.some((f) => f.kind === 'killed')) {
        host.figures.push(fig);
        host.tollRule = m.rule;
      }
      continue;
    }
    if (m.needsCue || diseaseDeath(view)) continue;
    const i = view.toks.findIndex((t) => t.start >= start && DEATH_TRIGGER.has(t.lower));
    if (i < 0) continue;
    const claimant = speakerFromQuote(near(view.span), view.span) ?? speakerFromText(ctx, view);
    const security = SECURITY_TARGET.has(m.unit) || /\b(soldier|officer|policeman|fighter|militant|commander|member)\b/i.test(m.unit);
    const r = killingEvent(ctx, view, i, { figures: [fig], claimant, quotes: near(view.span), securityTarget: security, rule: m.rule });
    out.push(r);
    add(r);
  }
  for (const view of sentenceViews) {
    if (!view.toks.some((t) => INJURY_WORD.has(t.lower))) continue;
    const host = hostOf(view, violent);
    if (!host || host.figures.some((f) => f.kind === 'killed' || f.kind === 'injured') || !tollSentenceTellsViolence(view, host, disasterText)) continue;
    if (figuresOf(view, text).some((f) => f.kind === 'injured')) continue;
    const sentence = text.slice(view.span.start, view.span.end);
    if (singleDeath(sentence)) continue;
    const m = singleInjury(sentence);
    if (!m) continue;
    const start = view.span.start + m.index;
    host.figures.push({ start, end: start + m.length, kind: 'injured', value: 1, hedge: null, unit: m.unit, claimant: null, quantity: -1 });
    host.tollRule = m.rule;
  }
}

/** How `killingEvent` reads its evidence beyond the trigger. */
export interface KillingEventArgs {
  figures: EventFigure[];
  rule: string;
  /** Quotes near the sentence (their dates are not the event's). */
  quotes: readonly Quote[];
  claimant?: SpeakerRef | null;
  /** Spans no place may come from (the claimant's own name). */
  excludePlaces?: Span[];
  securityTarget?: boolean;
  /** Actors read as the subject of a passive death ("Two were killed by …"); false for an accident's active verb. */
  passiveActors?: boolean;
  /** Whether an armed word in the sentence marks it armed; a lead accident never is. */
  readArmed?: boolean;
}

/** A killing told only by its toll ("Two were killed", "a man was found dead") or a lead's accident, triggered at token i. */
export function killingEvent(ctx: ArgContext, view: SentenceView, i: number, a: KillingEventArgs): RawEvent {
  const actors = verbActors(ctx, view, i, a.passiveActors ?? true);
  return {
    cls: 'killing',
    rule: a.rule,
    trigger: view.toks[i],
    tokIndex: i,
    sentence: view,
    status: 'asserted',
    actors,
    targets: [],
    place: choosePlace(view, i, actors, a.excludePlaces ?? []),
    date: chooseDate(view, i, a.quotes),
    figures: a.figures,
    weapons: weaponsOf(view, a.figures),
    claimant: a.claimant ?? null,
    verbText: view.toks[i].text,
    anaphoric: false,
    armed: (a.readArmed ?? true) && view.toks.some((t) => ARMED.has(t.lower)),
    troops: false,
    securityTarget: a.securityTarget ?? false,
  };
}
