/**
 * Event extraction: triggers in sentences (lexicon.ts), typed twice (ACLED and PLOVER), with their
 * arguments read off the earlier layers — actors and targets from entity mentions and demonyms, the
 * place from the places layer, the date from the times layer (else the publication date, marked
 * implied), deaths and injuries from role-typed quantities, weapon counts, the claimant from the
 * quantity's claimant or the quote that covers the sentence — and then merged within the article
 * (the many mentions of one strike become one event whose evidence lists them all).
 *
 * Rules, no parser: every step is a pass over the tokens of one sentence, so the cost is linear.
 *
 * This file is the control flow: candidates per sentence (extractRawEvents), then within-article
 * merging and the refiners (extractEvents). Each concern it calls is a module of its own: the
 * per-sentence view (sentence-view.ts), the token pre-filter (token-filter.ts), sentence-wide flags
 * (sentence-flags.ts), contextual triggers and acceptance (trigger-accept.ts), assertion status
 * (assertion.ts), arguments and claimant (arguments.ts), the sides for typing (participants.ts), the
 * place (place-choice.ts), the date (event-date.ts), the figures (sentence-figures.ts), background
 * clauses (background-clause.ts), ACLED/PLOVER typing (event-typing.ts), mention clusters
 * (mention-merge.ts) and the summary line (summary.ts).
 */
import type { Article, Span } from '../core/article.js';
import type { EventFigure, EventRecord, Layers, Place, Quote, SpeakerRef, Token } from '../core/layers.js';
import { countryOfDemonym, countryOfName } from '../entities/countries.js';
import { isMappable } from '../places/mappable.js';
import { orgTowns } from '../places/org-towns.js';
import { undatedArticleAnchor } from './anchor.js';
import { type ArgContext, claimantOfFigures, isPlaceMention, mentionArg, nounActors, pushArg, speakerFromQuote, speakerFromText, targetsAfter, verbActors } from './arguments.js';
import { anaphoraOf, inComparison, inHypothetical, isBackground, isGenericUse, statusOf } from './assertion.js';
import { backgroundMention, inBackgroundClause } from './background-clause.js';
import { singleDeath, singleInjury } from './deaths.js';
import { articleDomainScore, domainModel } from './domain.js';
import { chooseDate, implied, namedByDate, precedingDate } from './event-date.js';
import { SPECIFICITY, acledFor, familyOf, ploverFor } from './event-typing.js';
import { DEATH_TRIGGER, INJURY_WORD, SHOT_PLAY_AFTER, SPORT_SENSE } from './extract-words.js';
import { isToll } from './figures.js';
import { haversineKm } from './haversine.js';
import { crimeArticle, disasterArticle, kindOf, politicalAgreement, politicalOrg } from './kind.js';
import { followsReferenceWords } from './landmark.js';
import { ARMED, type EventClass, SECURITY_TARGET, TROOPS, type Trigger, VERBAL, VIOLENT, type Weapon, triggerFor } from './lexicon.js';
import { type Cluster, actorsCompatible, argsUnion, confidenceOf, conservative, dateRank, joinCluster, newCluster, rangesOverlap, samePlace } from './mention-merge.js';
import { narrowToStatedDay } from './narrow.js';
import { armedUnit, crowdPerpetrator, passiveArmed, protestTurnOf, securityTargetAfter } from './participants.js';
import { choosePlace, rank } from './place-choice.js';
import type { RawEvent } from './raw-event.js';
import { contextPlace, crossLinkParagraphs, earlierIncident, elsewhere, referenceRule } from './reference.js';
import { AMBIGUOUS_TRIGGERS, eventSenseFeatures, senseModel, senseScore, tokensBySentence } from './sense.js';
import { figuresOf, weaponsOf } from './sentence-figures.js';
import { type SentenceFlags, sentenceFlags } from './sentence-flags.js';
import { type SentenceView, views, wordIn } from './sentence-view.js';
import { SETTING_KM, dominantTown, leadEnd, sceneOrSetting, townEvidence } from './setting.js';
import { summarize } from './summary.js';
import { CANDIDATE, DEATH, INTEREST } from './token-filter.js';
import { accept, contextualTrigger, hasViolentContext } from './trigger-accept.js';

export interface ExtractOptions {
  /** Verbal events (DISAPPROVE, DEMAND, …) need a named actor; off to keep only material events. */
  verbal?: boolean;
  /** The learned sense check (sense.ts) vetoes conflict events told in another sense; off for training it. */
  sense?: boolean;
}

export function extractRawEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): RawEvent[] {
  const text = article.text;
  const ctx: ArgContext = { text, entities: layers.entities ?? [] };
  const quotes = layers.quotes ?? [];
  const out: RawEvent[] = [];
  const sentenceViews = views(text, layers);
  // Whether an event of a violent class was found so far; whether each sentence holds a death word.
  let anyViolent = false;
  const deathWord: boolean[] = new Array<boolean>(sentenceViews.length).fill(false);
  for (let si = 0; si < sentenceViews.length; si++) {
    const view = sentenceViews[si];
    const toks = view.toks;
    const seenClass = new Map<EventClass, RawEvent>();
    // Events of this sentence are out[sentenceStart …]; sentence-wide flags are computed once, on the first event.
    const sentenceStart = out.length;
    let flags: SentenceFlags | null = null;
    for (let i = 0; i < toks.length; i++) {
      let lower = toks[i].lower;
      // One lookup rules out most tokens: no trigger, contextual head or special word can start here.
      const interest = INTEREST.get(lower);
      if (interest === undefined) continue;
      if (interest & DEATH) deathWord[si] = true;
      if (!(interest & CANDIDATE)) continue;
      // "air strike(s)", "drone strike(s)", "missile strike(s)": the noun is the trigger; the
      // modifier is a weapon word the typing reads.
      const prevLower = toks[i - 1]?.lower ?? '';
      let ruleId = 'trigger:lexicon';
      let trigger: Trigger | undefined;
      if (lower === 'dead' && /^(found|shot|discovered|beaten|hacked)$/.test(prevLower)) {
        trigger = { cls: 'killing', noun: false };
        ruleId = 'trigger:found-dead';
      } else if (lower === 'fire' && /^(artillery|mortar|rocket|tank|sniper|machine-gun|gun)$/.test(prevLower)) {
        trigger = { cls: prevLower === 'sniper' || prevLower === 'gun' || prevLower === 'machine-gun' ? 'clash' : 'strike', noun: true };
        ruleId = 'trigger:weapon-fire';
      } else if ((lower === 'arrived' || lower === 'deployed' || lower === 'sent') && wordIn(toks, i - 4, i, TROOPS)) {
        trigger = { cls: 'mobilize', noun: false };
        ruleId = 'trigger:troops-moved';
      } else {
        trigger = contextualTrigger(toks, i);
        if (trigger) ruleId = 'trigger:context';
        else trigger = triggerFor(lower);
      }
      if (!trigger) continue;
      // "the largest of March": a word inside a time expression is no trigger.
      if (view.times.some(({ t }) => t.start <= toks[i].start && toks[i].end <= t.end)) continue;
      const cls = trigger.cls;
      if (VERBAL.has(cls) && options.verbal === false) continue;
      if (!accept(cls, trigger, toks, i, view, anyViolent)) continue;
      // "shot wide", "a shot on goal", "beaten 7-5 6-3", "the Six Nations clash", "killed off the game":
      // in a sentence about sport these words tell play unless a violent context word is there too.
      if (
        SPORT_SENSE.has(toks[i].lower) &&
        ((flags ??= sentenceFlags(toks)).sport || (toks[i].lower === 'shot' && SHOT_PLAY_AFTER.has(toks[i + 1]?.lower ?? ''))) &&
        !hasViolentContext(toks, view.quantities, i)
      )
        continue;
      if (!trigger.noun && toks[i - 1] && (toks[i - 1].lower === '-' || text.charAt(toks[i].start - 1) === '-')) continue; // "U.S.-backed"
      let status = statusOf(toks, i, trigger);
      // "the largest since Russia launched 705 munitions on Oct. 30": a yardstick, not an event.
      if (inComparison(toks, i, true)) continue;
      // "asked whether Trump is upset … for these strikes", "if they attack": nothing is asserted.
      if (status === 'asserted' && inHypothetical(toks, i)) status = 'planned';
      if (VIOLENT.has(cls) && status !== 'asserted') continue;
      if (isGenericUse(toks, i, view)) continue;
      // "a strike on Doha killed 6 people": the toll verb of an event already told in the sentence.
      if (cls === 'killing' && (toks[i].lower === 'killed' || toks[i].lower === 'wounded' || toks[i].lower === 'injured') && violentOrRiotSince(out, sentenceStart)) continue;
      // "protested against the arrest of …", "demanded the release of activists who were detained":
      // the arrest is what a protest is about, told as background.
      // "arrested for participating in protests": the protest is the reason, told as background.
      if (cls === 'protest' && trigger.noun && toks.slice(Math.max(0, i - 4), i).some((t, k, a) => t.lower === 'for' && /^(participating|taking|organizing|organising|joining|holding|attending|staging|calling)$/.test(a[k + 1]?.lower ?? ''))) continue;
      if (cls === 'arrest' && wordIn(toks, i - 7, i, /^(against|over|release|protest|protests|protested|protesting|condemning|condemned|denouncing|denounced|demanding|demanded)$/)) continue;
      // "repulsed an attack", "thwarted the assault": the attack is part of the battle told by the verb.
      if ((cls === 'attack' || cls === 'strike') && trigger.noun && wordIn(toks, i - 4, i, /^(repulsed|repelled|thwarted|foiled)$/)) continue;
      const existing = seenClass.get(cls);
      if (existing) continue; // one event per class per sentence ("downed or suppressed")
      const many = cls === 'consult' || VERBAL.has(cls);
      let actors = trigger.noun ? nounActors(ctx, view, i) : verbActors(ctx, view, i, many);
      if (VERBAL.has(cls) && actors.length === 0) continue;
      const quoteSpeaker = speakerFromQuote(quotes, view.span, toks[i].start);
      const textSpeaker = speakerFromText(ctx, view);
      const anaphora = anaphoraOf(toks, i, trigger);
      const named = trigger.noun && VIOLENT.has(cls) ? namedByDate(view, i) : null;
      const anaphoric = anaphora !== null || isBackground(toks, i, trigger);
      const place = choosePlace(view, i, actors, [quoteSpeaker, textSpeaker].filter((x): x is SpeakerRef => x !== null), anaphoric || named !== null);
      // "clashed with X", "met with X" name a party; "struck …, with Qatari forces helping" does not.
      const targets = targetsAfter(ctx, view, i, !trigger.noun, place, actors, !(cls === 'strike' || cls === 'attack' || cls === 'launch'));
      // A strike's victims named with the killed count are its targets ("members of Hamas … were killed").
      // "… killing the 15-year-old, two days after a school shooting left four victims dead": a toll
      // told after another event noun in an "after"/"since" clause is that event's.
      const figures = VIOLENT.has(cls) || cls === 'intercept' || cls === 'riot' ? figuresOf(view, text).filter((f) => !(isToll(f.kind) && inBackgroundClause(toks, toks[i].start, f.start))) : [];
      if (VIOLENT.has(cls)) {
        for (const f of figures) {
          if (f.kind !== 'killed' && f.kind !== 'injured') continue;
          for (const m of view.mentions) {
            if (m.start >= f.start && m.end <= f.end + 40 && m.start < (toks[i]?.start ?? 0) && !isPlaceMention(view, m)) {
              const arg = mentionArg(ctx, m);
              if (!actors.some((a) => a.name === arg.name)) pushArg(targets, arg);
            }
          }
        }
      }
      actors = actors.filter((a) => !targets.some((t) => t.start === a.start));
      lower = toks[i].text;
      const raw: RawEvent = {
        cls,
        rule: ruleId,
        trigger: toks[i],
        tokIndex: i,
        sentence: view,
        status,
        actors,
        targets,
        place,
        date: named ?? chooseDate(view, i, quotes),
        figures,
        weapons: weaponsOf(view, figures, named || anaphora ? i : undefined),
        claimant: null,
        verbText: lower,
        anaphoric,
        ...(anaphora === 'demonstrative' ? { demonstrative: true } : {}),
        ...(named ? { named: true } : {}),
        securityTarget: securityTargetAfter(toks, i, trigger.noun && (cls === 'attack' || cls === 'strike')) || passiveArmed(view, i) || figures.some((f) => (f.kind === 'killed' || f.kind === 'injured') && armedUnit(f.unit)),
        // "in both directions", "small arms": fire between armed sides (ACLED codes it a clash).
        exchange: (flags ??= sentenceFlags(toks)).exchange,
        smallArms: flags.smallArms,
        armed: flags.armed,
        troops: flags.troops,
      };
      if (crowdPerpetrator(toks, i, trigger.noun) || (cls === 'riot' && /^(mob|lynching|lynched|scuffle|brawl)$/.test(toks[i].lower))) raw.crowd = true;
      // "a fight over a land dispute": a quarrel between neighbours, not a battle.
      if (!raw.armed && flags.dispute) raw.crowd = true;
      if (cls === 'riot' && (/^(riot|riots|rioting|unrest|rioters|rioted)$/.test(toks[i].lower) || flags.demoWord)) raw.demo = true;
      if (cls === 'protest' || cls === 'riot') {
        const turn = protestTurnOf(sentenceViews, si);
        if (turn) raw.protestTurn = turn;
      }
      raw.claimant = figures.find((f) => f.kind === 'killed' || f.kind === 'injured') ? claimantOfFigures(layers, figures) : null;
      raw.claimant ??= quoteSpeaker ?? textSpeaker;
      seenClass.set(cls, raw);
      out.push(raw);
      if (VIOLENT.has(cls)) anyViolent = true;
    }
    // Each figure of the sentence belongs to the nearest trigger that can carry it ("… killed in a
    // strike …; Russia launched 476 drones" gives the drones to "launched", the dead to "strike").
    const here = out.slice(sentenceStart);
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
    for (let si = view.index; si >= Math.max(0, view.index - 3); si--) {
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
    const claimant = claimantOfFigures(layers, loose) ?? speakerFromQuote(quotes, view.span) ?? speakerFromText(ctx, view);
    if (host) {
      for (const f of loose) {
        // "… shot a classmate on Friday, two days after a Georgia school shooting left four victims
        // dead": a toll told after another event noun in an "after"/"since" clause is that event's.
        if (host.sentence.index === view.index && inBackgroundClause(view.toks, host.trigger.start, f.start)) continue;
        host.figures.push({ ...f, claimant: f.claimant ?? claimant?.text ?? host.claimant?.text ?? null });
      }
    } else if (loose.some((f) => f.kind === 'killed')) {
      const i = view.toks.findIndex((t) => /^(killed|killing|died|dead|slain|murdered|deaths|perished|gunned)$/.test(t.lower));
      if (i < 0) continue;
      const r = deathEvent(ctx, view, i, loose, claimant, quotes, claimant ? [claimant] : [], loose.some((f) => armedUnit(f.unit)) || securityTargetAfter(view.toks, i), 'toll:stated-count');
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
    if (host) {
      if (!host.figures.some((f) => f.kind === 'killed')) {
        host.figures.push(fig);
        host.tollRule = m.rule;
      }
      continue;
    }
    if (m.needsCue) continue;
    const i = view.toks.findIndex((t) => t.start >= start && DEATH_TRIGGER.has(t.lower));
    if (i < 0) continue;
    const claimant = speakerFromQuote(quotes, view.span) ?? speakerFromText(ctx, view);
    const security = SECURITY_TARGET.has(m.unit) || /\b(soldier|officer|policeman|fighter|militant|commander|member)\b/i.test(m.unit);
    const r = deathEvent(ctx, view, i, [fig], claimant, quotes, [], security, m.rule);
    out.push(r);
    add(r);
  }
  for (const view of sentenceViews) {
    if (!view.toks.some((t) => INJURY_WORD.has(t.lower))) continue;
    const host = hostOf(view, violent);
    if (!host || host.figures.some((f) => f.kind === 'killed' || f.kind === 'injured')) continue;
    if (figuresOf(view, text).some((f) => f.kind === 'injured')) continue;
    const sentence = text.slice(view.span.start, view.span.end);
    if (singleDeath(sentence)) continue;
    const m = singleInjury(sentence);
    if (!m) continue;
    const start = view.span.start + m.index;
    host.figures.push({ start, end: start + m.length, kind: 'injured', value: 1, hedge: null, unit: m.unit, claimant: null, quantity: -1 });
    host.tollRule = m.rule;
  }
  return out;
}

/** A killing told only by its toll ("Two were killed", "a man was found dead"), triggered at token i. */
function deathEvent(
  ctx: ArgContext,
  view: SentenceView,
  i: number,
  figures: EventFigure[],
  claimant: SpeakerRef | null,
  quotes: readonly Quote[],
  excludePlaces: Span[],
  securityTarget: boolean,
  rule: string,
): RawEvent {
  const actors = verbActors(ctx, view, i, true);
  return {
    cls: 'killing',
    rule,
    trigger: view.toks[i],
    tokIndex: i,
    sentence: view,
    status: 'asserted',
    actors,
    targets: [],
    place: choosePlace(view, i, actors, excludePlaces),
    date: chooseDate(view, i, quotes),
    figures,
    weapons: weaponsOf(view, figures),
    claimant,
    verbText: view.toks[i].text,
    anaphoric: false,
    armed: view.toks.some((t) => ARMED.has(t.lower)),
    troops: false,
    securityTarget,
  };
}

/** Whether an event from `from` on is violent or a riot. */
function violentOrRiotSince(out: readonly RawEvent[], from: number): boolean {
  for (let k = from; k < out.length; k++) if (VIOLENT.has(out[k].cls) || out[k].cls === 'riot') return true;
  return false;
}

export function extractEvents(article: Readonly<Article>, layers: Readonly<Layers>, options: ExtractOptions = {}): EventRecord[] {
  const raws = extractRawEvents(article, layers, options);
  const clusters: Cluster[] = [];
  // Mentions of another incident in a background clause: an event of their own, a reference.
  const backgroundRaws = new Set<RawEvent>();
  for (const r of raws) {
    const i = r.sentence.toks.findIndex((t) => t.start === r.trigger.start);
    if (VIOLENT.has(r.cls) && i > 0 && backgroundMention(r.sentence.toks, i)) backgroundRaws.add(r);
  }
  for (const r of raws) {
    let joined = false;
    if (backgroundRaws.has(r)) {
      clusters.push(newCluster(r));
      continue;
    }
    // A bare anaphoric mention ("the strike", no place, date or actor of its own) refers to the
    // article's most-told compatible event; any other mention to the most recent compatible one.
    const bare = r.anaphoric && !r.place && r.date?.how !== 'stated' && r.actors.length === 0;
    // "this attack", "these strikes": refers back whatever place or date it is told with.
    const weak = r.demonstrative === true;
    // A mention that points back (bare, demonstrative, or a background cause with no place of its
    // own) joins the most-told compatible event, one that shares its actor first.
    const pointsBack = bare || weak || (r.anaphoric && !r.place);
    let target = -1;
    let best = -Infinity;
    for (let c = clusters.length - 1; c >= 0; c--) {
      const head = clusters[c].mentions[0];
      // A mention that points back or names no place refers to an event told before it (toll
      // sentences are read after the triggers: "Two people were killed" joins no event told only
      // paragraphs later).
      if ((pointsBack || !r.place) && !clusters[c].mentions.some((m) => m.trigger.start < r.trigger.start)) continue;
      // "Russia launched 500 drones … The attack was the largest": an attack noun that points back
      // may name a barrage.
      if (familyOf(head.cls) !== familyOf(r.cls) && !(pointsBack && head.cls === 'launch' && (r.cls === 'attack' || r.cls === 'strike'))) continue;
      const { place, date, actors } = clusters[c];
      // "yesterday’s attack", "the October 7 massacre": only an event told on that very day.
      if (r.named && !(head.named ? date?.value === r.date?.value : date?.precision === 'day' && r.date?.precision === 'day' && date.value === r.date.value)) continue;
      if (head.named && !r.named) continue;
      // A later mention at country level ("bombing inside Qatar") may refer back to an event told at
      // a finer place in that country; an anaphoric one ("the attacks in Qatar") either way round.
      const sameCountry = place !== null && r.place !== null && place.country === r.place.country;
      const contained =
        sameCountry && (r.anaphoric ? place.precision === 'country' || r.place!.precision === 'country' : r.place!.precision === 'country' && place.precision !== 'country');
      if (!weak && (!(samePlace(place, r.place) || contained) || !rangesOverlap(date, r.date))) continue;
      // "19 drones attacked Kharkiv" paragraphs after "U.S. strikes on Iranian facilities": a mention that
      // names its own place joins an unplaced event only when told near it (same paragraph or ≤3 sentences on).
      if (!pointsBack && r.place && !place) {
        const last = clusters[c].mentions[clusters[c].mentions.length - 1].sentence;
        if (r.sentence.paragraph !== last.paragraph && r.sentence.index - last.index > 3) continue;
      }
      if (!actorsCompatible(actors, r.actors)) continue;
      if (r.status !== head.status) continue;
      // Two mentions that each state their own, different figure of one kind are two reports
      // (or two events), not one anaphoric mention: "442 drones downed" vs "80 drones downed".
      const figs = clusters[c].figureKeys;
      if (r.figures.some((f) => [...figs.values()].some((g) => g.kind === f.kind && g.value !== f.value && g.claimant !== f.claimant))) continue;
      if (!pointsBack) {
        target = c;
        break;
      }
      const shared = r.actors.some((a) => actors.some((b) => (b.name ?? b.text) === (a.name ?? a.text)));
      const score = (shared ? 1000 : 0) + clusters[c].mentions.length;
      if (score > best) {
        best = score;
        target = c;
      }
    }
    if (target >= 0) {
      joinCluster(clusters[target], r);
      joined = true;
    }
    if (!joined) clusters.push(newCluster(r));
  }
  const fallback = implied(layers, article);
  const lead = leadEnd(layers.paragraphs, article.text);
  let crossLinks: Array<{ start: number; end: number }> | undefined;
  // Towns inside organisation names ("Tigard Police Department") weigh in as evidence of the setting.
  const towns = townEvidence(layers.places ?? [], lead, article.text, orgTowns(article.text, layers.entities ?? [], layers.mentions ?? [], layers.places ?? []));
  const setting = dominantTown(towns);
  const published = (layers.published?.[0]?.value ?? article.published ?? '').slice(0, 10) || null;
  let undatedAnchor: string | undefined;
  const entityType = new Map((layers.entities ?? []).map((e) => [e.id, e.type]));
  let bySentence: Token[][] | undefined;
  let articleDomain: number | undefined;
  const crimeText = raws.length > 0 && crimeArticle(wordsOf(layers, article.text));
  const disasterText = raws.length > 0 && disasterArticle(wordsOf(layers, article.text));
  const events: EventRecord[] = [];
  const classOf = new Map<string, EventClass>();
  const placesNamed = (layers.places ?? []).filter((p) => p.entity !== 'dateline' && isMappable(p));
  /** Events told with no place of their own (placed at the setting, or nowhere). */
  const placedBySetting = new Set<string>();
  // Arrests told with a protest (same paragraph, up to two sentences on) are its intervention,
  // not an event of their own (ACLED: protest with intervention).
  const protestSpots = clusters.filter((c) => c.mentions[0].cls === 'protest' || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const foldedIntoProtest = (c: Cluster) =>
    c.mentions.every((m) => m.cls === 'arrest' && protestSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= 2));
  // Weapons, drugs or goods seized in the course of a fight or attack told just before ("A shoot-out
  // broke out … The police seized a pistol") belong to that operation, not a looting of their own.
  const violentSpots = clusters.filter((c) => VIOLENT.has(c.mentions[0].cls) || c.mentions[0].cls === 'riot').flatMap((c) => c.mentions.map((m) => m.sentence));
  const seizure = (m: RawEvent) => (m.cls === 'loot' || m.cls === 'intercept') && /^(seized|recovered|confiscated|found)$/.test(m.trigger.lower);
  const foldedIntoFight = (c: Cluster) =>
    c.mentions.every((m) => seizure(m) && violentSpots.some((p) => p.paragraph === m.sentence.paragraph && m.sentence.index >= p.index && m.sentence.index - p.index <= 2));
  for (const c of clusters) {
    const ms = c.mentions;
    if (foldedIntoProtest(c) || foldedIntoFight(c)) continue;
    // A lone generic "attack" with no weapon, place or figures is too vague to keep.
    const clsOf = ms.reduce((best, m) => ((SPECIFICITY[m.cls] ?? 2) > (SPECIFICITY[best] ?? 2) ? m.cls : best), ms[0].cls);
    const weapons = new Set<Weapon>();
    for (const m of ms) for (const w of m.weapons) weapons.add(w);
    const actors = argsUnion(ms.map((m) => m.actors));
    // A claimant that belongs to an actor's side ("the Israel Defense Forces said", "Israeli military
    // officials said") is an associated actor of that side.
    for (const m of ms) {
      const c = m.claimant;
      if (!c || c.kind === 'pronoun' || c.kind === 'anonymous') continue;
      const entity = c.entity ? (layers.entities ?? []).find((e) => e.id === c.entity) : undefined;
      let name = entity?.name ?? c.text.replace(/^the\s+/i, '');
      // "the IDF": an acronym of an organisation named in the article ("Israel Defense Forces").
      if (/^[A-Z]{2,6}$/.test(name)) {
        const expanded = (layers.entities ?? []).find((e) => e.type === 'ORG' && e.name.split(/\s+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') === name);
        if (expanded) name = expanded.name;
      }
      if (entity && entity.type !== 'ORG') continue;
      const words = name.split(/\s+/);
      const side = actors.find((a) => a.name && (name.includes(a.name) || words.some((w) => countryOfDemonym(w) === a.name)));
      if (side && name !== side.name && /\b(forces?|army|military|defen[cs]e|ministry|navy|air force|IDF|police|guard)\b/i.test(name)) {
        pushArg(actors, { start: c.start, end: c.end, text: c.text, ...(c.entity ? { entity: c.entity } : {}), name });
      }
    }
    const targets = argsUnion(ms.map((m) => m.targets)).filter((t) => !actors.some((a) => (a.name ?? a.text) === (t.name ?? t.text)));
    const turns = ms.map((m) => m.protestTurn);
    const turn = turns.includes('violent') ? 'violent' : turns.includes('excessive') ? 'excessive' : turns.includes('intervention') ? 'intervention' : undefined;
    const acled = acledFor(clsOf, weapons, actors, ms.some((m) => m.securityTarget), ms.some((m) => m.armed), ms.some((m) => m.troops), ms.some((m) => m.exchange), ms.some((m) => m.crowd), turn, ms.some((m) => m.demo), ms.some((m) => m.smallArms));
    const plover = ploverFor(clsOf, weapons);
    if (!acled && !plover) continue;
    if (clsOf === 'attack' && !acled && ms.every((m) => !m.place && !m.figures.length)) continue;
    // A demonstrative mention's own place and date count only when no other mention gives one.
    const own = ms.some((m) => !m.demonstrative) ? ms.filter((m) => !m.demonstrative) : ms;
    // An event named by a place we cannot map ("the Lockerbie bombing") happened there: no setting.
    const textOnly = ms.some((m) => (layers.places ?? []).some((p) => !isMappable(p) && p.end <= m.trigger.start && /^\s+$/.test(article.text.slice(p.end, m.trigger.start))));
    const ownPlace = own.map((m) => m.place).filter((p): p is Place => p !== null).sort((a, b) => rank(b) - rank(a))[0] ?? null;
    // A reference point ("north of New York City", "50 miles from Boston") gives way to the setting; in
    // a note with no setting it stays (ACLED's "20 km north of X" is within 161 km of X, nearer than the
    // province a note also names: dropping it lowered ACLED place Acc@161 81.7 → 81.6).
    const place = sceneOrSetting(ownPlace && setting && followsReferenceWords(article.text, ownPlace.start) ? null : ownPlace, textOnly ? null : setting, textOnly ? undefined : towns);
    const figures: EventFigure[] = [];
    const figureStarts = new Set<number>();
    // A toll told in a link to another story ("WILMINGTON CRIME: … he murdered a man") is that story's.
    crossLinks ??= crossLinkParagraphs(article.text, layers.paragraphs ?? []);
    const links = crossLinks;
    const inLink = (x: number) => links.some((p) => p.start <= x && x < p.end);
    const allLinked = ms.every((m) => inLink(m.trigger.start));
    // A toll told with no place of its own right after another incident told in another state or
    // country ("…a shooter opened fire at Apalachee High School in Barrow County, Georgia. Two teachers
    // and two students were killed in the attack.") is that incident's, not a local event's.
    const home = setting ?? ownPlace;
    const local = home !== null && (!ownPlace || haversineKm(ownPlace, home) <= SETTING_KM);
    const farContext = (m: RawEvent) => {
      if (!local || m.place || !home) return false;
      let before: RawEvent | undefined;
      for (const r of raws) if (r.trigger.start < m.trigger.start && r.sentence.index >= m.sentence.index - 1 && VIOLENT.has(r.cls) && !ms.includes(r)) before = r;
      return !!before?.place && elsewhere(before.place, home, haversineKm(before.place, home), true);
    };
    // "A student shot a classmate, two days after a school shooting left four dead": a mention in an
    // "after …" clause of another mention of the same sentence is another incident; its toll is not this one's.
    const background = (m: RawEvent) =>
      ms.some((o) => o !== m && o.sentence.index === m.sentence.index && o.trigger.start < m.trigger.start && inBackgroundClause(m.sentence.toks, o.trigger.start, m.trigger.end));
    for (const m of ms) for (const f of m.figures) if (!figureStarts.has(f.start) && (allLinked || !inLink(f.start)) && !(isToll(f.kind) && (farContext(m) || background(m)))) {
      figureStarts.add(f.start);
      figures.push(f);
    }
    let date = own.map((m) => m.date).reduce<EventRecord['date']>((best, d) => (dateRank(d) > dateRank(best) ? d : best), null);
    // No date in its own sentence: the nearest told before it in its paragraph, else the report's own.
    date ??= precedingDate(layers, ms[0].sentence.span.start, ms[0].sentence.paragraph) ?? (fallback ? { ...fallback } : null);
    date = narrowToStatedDay(date, layers.times ?? [], lead);
    const killedFigure = figures.find((f) => f.kind === 'killed');
    const claimant =
      (killedFigure ? ms.find((m) => m.figures.includes(killedFigure))?.claimant : null) ?? ms.find((m) => m.claimant)?.claimant ?? null;
    const first = ms[0];
    const mentions = ms.map((m) => ({ start: m.trigger.start, end: m.trigger.end, text: m.trigger.text }));
    const evidence: Span[] = [];
    const evidenceStarts = new Set<number>();
    for (const m of ms) if (!evidenceStarts.has(m.sentence.span.start)) {
      evidenceStarts.add(m.sentence.span.start);
      evidence.push({ ...m.sentence.span });
    }
    const quantityIdx = figures.filter((f) => !isToll(f.kind)).map((f) => f.quantity);
    const record: Omit<EventRecord, 'summary' | 'id'> = {
      start: first.sentence.span.start,
      end: first.sentence.span.end,
      trigger: { start: first.trigger.start, end: first.trigger.end, text: first.trigger.text },
      acled,
      plover,
      actors,
      targets,
      place,
      date,
      quantities: quantityIdx,
      claimant,
      confidence: confidenceOf(ms, acled !== null, place !== null, date?.how === 'stated'),
      status: first.status,
      mentions,
      evidence,
      figures,
    };
    const killed = conservative(figures, 'killed');
    const injured = conservative(figures, 'injured');
    if (killed) record.killed = killed;
    if (injured) record.injured = injured;
    const how = [...new Set(ms.flatMap((m) => (m.tollRule ? [m.rule, m.tollRule] : [m.rule])))];
    if (figures.some((f) => f.kind.startsWith('cumulative_'))) how.push('fig:cumulative');
    const kindWords = ms.flatMap((m) => m.sentence.toks.map((t) => t.lower));
    const { kind, rule } = kindOf({
      cls: clsOf,
      words: kindWords,
      weapons,
      orgActor: actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)),
      crimeArticle: crimeText,
      disasterArticle: disasterText,
      trigger: first.trigger.lower,
      strikeWords: ms.filter((m) => m.cls === 'strike').map((m) => m.trigger.lower),
    });
    record.kind = kind;
    how.push(rule);
    // A deal between companies or clubs is no ACLED agreement.
    if (clsOf === 'agree' && !politicalAgreement(kindWords, actors.some((a) => a.name !== undefined && countryOfName(a.name) !== undefined), actors.some((a) => a.entity !== undefined && entityType.get(a.entity) === 'ORG' && politicalOrg(a.name ?? a.text)))) {
      record.acled = null;
      how.push('kind:not-political-agreement');
    }
    // ACLED and PLOVER code neither accidents nor natural disasters.
    if (kind === 'accident' || kind === 'disaster') {
      record.acled = null;
      record.plover = null;
    }
    // The sense check arbitrates words that have other senses; a told toll is evidence enough (a
    // missile can be thrown from the stands, an explosion be one of sales).
    const hard = killed !== undefined || injured !== undefined;
    const ambiguous = ms.every((m) => AMBIGUOUS_TRIGGERS.has(m.trigger.lower));
    // Protests are left to the rules: the held-out ACLED notes lost protests of workers to the model.
    const model = options.sense === false || hard || !ambiguous || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : senseModel();
    if (model) {
      bySentence ??= tokensBySentence(layers);
      let p = 0;
      for (const f of eventSenseFeatures(article.text, layers.sentences ?? [], bySentence, record)) p = Math.max(p, senseScore(model, f));
      how.push(`sense:${p.toFixed(2)}`);
      if (p < model.threshold) continue;
    }
    // The article-domain check: sport, business, tech or entertainment news makes no conflict event,
    // whatever the word, weapon or toll; protests are ACLED events in any section (a strike of workers is one).
    const domain = options.sense === false || kind !== 'conflict' || !record.acled || record.acled.eventType === 'Protests' ? null : domainModel();
    if (domain) {
      articleDomain ??= articleDomainScore(domain, article.text);
      how.push(`domain:${articleDomain.toFixed(2)}`);
      if (articleDomain < domain.threshold) continue;
    }
    const ref = referenceRule({ date, published: published ?? (undatedAnchor ??= undatedArticleAnchor(layers.times ?? []) ?? ''), named: ms.some((m) => m.named), figureKinds: figures.map((f) => f.kind) });
    if (ref) {
      record.reference = true;
      how.push(ref);
    } else if (allLinked) {
      record.reference = true;
      how.push('ref:cross-link');
    } else if (backgroundRaws.has(ms[0])) {
      record.reference = true;
      how.push('ref:background-clause');
    }
    record.how = how;
    classOf.set(`v${events.length}`, clsOf);
    if (!ownPlace) placedBySetting.add(`v${events.length}`);
    events.push({ id: `v${events.length}`, ...record, summary: summarize(record, clsOf, layers.entities) });
  }
  // In a local report, an event with only the report's own date ("Two people were killed, police
  // said.") is the incident told before it: it takes the day of the nearest event before it that
  // states one, at the setting (date:from-story).
  if (setting) {
    const dayOf = events.filter((e) => !e.reference && e.date?.how === 'stated' && e.date.precision === 'day' && (!e.place || haversineKm(e.place, setting) <= SETTING_KM));
    for (const e of events) {
      if (e.reference || e.date?.how !== 'implied' || (e.place && haversineKm(e.place, setting) > SETTING_KM)) continue;
      const before = dayOf.filter((d) => d.start < e.start).sort((a, b) => b.start - a.start)[0];
      if (!before?.date) continue;
      e.date = { ...before.date, how: 'implied' };
      e.how = [...(e.how ?? []), 'date:from-story'];
      // The summary was written with the report's own date; it reads the incident's day now.
      const cls = classOf.get(e.id);
      if (cls) e.summary = summarize(e, cls, layers.entities);
    }
  }
  // Another incident a local report recalls or compares (ref:elsewhere, reference.ts).
  const violentNews = events.filter((e) => !e.reference && e.kind !== undefined && e.kind !== 'conflict' && (e.status ?? 'asserted') === 'asserted');
  const most = Math.max(0, ...violentNews.map((e) => e.mentions?.length ?? 1));
  const main = violentNews.filter((e) => (e.mentions?.length ?? 1) === most);
  // Where the article names no setting, its one most-told incident's place stands for it.
  const home = setting ?? (main.length === 1 ? main[0].place : null);
  for (const e of violentNews) {
    if (!e.killed && !e.injured) continue;
    const lesser = (e.mentions?.length ?? 1) < most;
    const unplaced = placedBySetting.has(e.id);
    const near = unplaced ? contextPlace(placesNamed, layers.sentences ?? [], e.trigger.start) : e.place;
    const rule = !home || !lesser
      ? null
      : near && elsewhere(near, home, haversineKm(near, home), true)
        ? (unplaced ? 'ref:elsewhere-context' : 'ref:elsewhere')
        : main.length === 1 && earlierIncident(e.date, main[0].date)
          ? 'ref:earlier-incident'
          : null;
    if (rule) {
      e.reference = true;
      e.how = [...(e.how ?? []), rule];
    }
  }
  return events;
}

/** The article's words, lower-cased, one pass over the tokens layer. */
function* wordsOf(layers: Readonly<Layers>, text: string): Generator<string> {
  for (const t of layers.tokens ?? []) yield text.slice(t.start, t.end).toLowerCase();
}

export { claimantWords } from './summary.js';
export { haversineKm } from './haversine.js';
