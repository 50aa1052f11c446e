/**
 * Accidents, fires and crowd crushes told without a violent trigger word (`trigger:lead-accident`):
 * "A tram crashed at a theme park …, leaving 15 people injured", "a fire broke out at the state's
 * largest synagogue", "their home caught fire on Christmas Day", "reports of the boat collision".
 * The lexicon has no such triggers (a crash, a fire or a crush is no attack), so a report whose lead
 * tells one of these and no violent event had no incident at all.
 *
 * Proposed only in the lead (the first LEAD_PARAGRAPHS paragraphs) of an article whose lead has no
 * violent event of its own, one per article; a crash word needs a vehicle beside it and a casualty
 * or rescue word in its sentence ("car sales crashed" is none), a fire word a fire phrase ("fire broke
 * out", "caught fire", "a house fire", "set fire to", "a burning home"; not "fire department"; a crash noun
 * right after its vehicle, "a car crash", needs no casualty word). The event is a casualty event of its own
 * class; the kind refiners (kind.ts) make it an accident, never an ACLED event, unless the text tells an
 * attack. Its sentence's tolls are its own (attachLooseTolls runs after it).
 */
import type { Quote } from '../core/layers.js';
import type { ArgContext } from './arguments.js';
import { inHypothetical } from './assertion.js';
import { isToll } from './figures.js';
import { VIOLENT } from './lexicon.js';
import type { RawEvent } from './raw-event.js';
import { figuresOf } from './sentence-figures.js';
import { killingEvent } from './toll-hosts.js';
import type { SentenceView, Tok } from './sentence-view.js';

/** The lead: paragraphs 0 … LEAD_PARAGRAPHS - 1 (a "CNN —" or time-stamp line counts as one). */
export const LEAD_PARAGRAPHS = 3;
/** How near the trigger a vehicle word must be ("A tram crashed", "the boat collision"). */
const VEHICLE_WINDOW = 4;

const CRASH = /^(crash|crashed|crashes|collision|collided|derailed|derailment|capsized|pileup|pile-up|wreck)$/;
const VEHICLE = /^(cars?|vehicles?|lorry|trucks?|bus|van|minivan|trains?|trams?|tractor-trailer|suv|pickup|motorcycle|motorbike|planes?|helicopters?|jet|aircraft|airliner|boats?|ships?|ferry|vessel|yacht|ride|plane's)$/;
const CASUALTY_CUE = /^(killed|killing|dead|died|dies|death|deaths|injured|injuring|injuries|hurt|hospital|hospitalized|hospitalised|passengers?|driver|pilot|crew|victims?|rescue|rescuers|firefighters|police|sheriff|troopers?|emergency|ambulance|fatal|deadly)$/;
const FIRE = /^(fire|blaze|inferno)$/;
/** Words before "fire" that make it a fire at a place: "a house fire", "the deadly blaze". */
const FIRE_BEFORE = /^(house|home|apartment|building|deadly|fatal|massive|major|huge|large|overnight|early-morning|warehouse|hotel|bar|nightclub|club|prison|hospital|synagogue|church|mosque|school|restaurant|residential|structure|two-alarm|three-alarm|four-alarm|five-alarm)$/;
/** Words after "fire" that make it an institution or a season: "fire department", "fire chief". */
const FIRE_NOT_AFTER = /^(department|departments|dept|chief|chiefs|fighters|rescue|crews?|officials?|marshal|station|trucks?|service|services|engine|engines|hydrant|alarm|season|safety|code|codes|danger|risk|ban|brigade|district|authority|academy)$/;

const BURNING_PLACE = /^(home|house|building|apartment|apartments|car|vehicle|bus|church|synagogue|mosque|school|hotel|warehouse)$/;

function fireAt(toks: readonly Tok[], i: number): boolean {
  const next = toks[i + 1]?.lower ?? '';
  if (FIRE_NOT_AFTER.test(next)) return false;
  // "a fire broke out", "the blaze started", "their home caught fire".
  if (next === 'broke' && toks[i + 2]?.lower === 'out') return true;
  if (/^(caught|catches|catching)$/.test(toks[i - 1]?.lower ?? '')) return true;
  // Arson told as a deed: "he set fire to the synagogue", "set fire to cars".
  if (toks[i].lower === 'fire' && /^(set|sets|setting)$/.test(toks[i - 1]?.lower ?? '') && next === 'to') return true;
  return FIRE_BEFORE.test(toks[i - 1]?.lower ?? '') || (toks[i].lower !== 'fire' && /^(the|a)$/.test(toks[i - 1]?.lower ?? ''));
}

/** A crash noun named by its vehicle ("a car crash", "a rollover car crash", "the plane crash"): a crash by its very words. */
const CRASH_NOUN = /^(crash|collision|wreck|pileup|pile-up)$/;

function crashAt(toks: readonly Tok[], i: number): boolean {
  // A crash told as faked or claimed ("charged with faking a motorcycle crash") is none.
  if (toks.slice(Math.max(0, i - 6), i).some((t) => /^(fake|faked|faking|staged|staging|claimed|claims|claiming|alleged)$/.test(t.lower))) return false;
  if (CRASH_NOUN.test(toks[i].lower) && VEHICLE.test(toks[i - 1]?.lower ?? '') && toks[i - 1].lower !== 'ride') return true;
  let vehicle = false;
  for (let k = Math.max(0, i - VEHICLE_WINDOW); k <= Math.min(toks.length - 1, i + VEHICLE_WINDOW); k++) if (VEHICLE.test(toks[k].lower)) vehicle = true;
  return vehicle && toks.some((t) => CASUALTY_CUE.test(t.lower));
}

/** The index of an accident trigger in the sentence, or -1. */
export function accidentTrigger(toks: readonly Tok[]): number {
  for (let i = 0; i < toks.length; i++) {
    const w = toks[i].lower;
    if (CRASH.test(w) ? crashAt(toks, i) : FIRE.test(w) ? fireAt(toks, i) : w === 'stampede' || (w === 'crush' && toks[i - 1]?.lower === 'crowd')) return i;
    // "a burning home", "the burning building": a fire at a place without the word fire.
    if (w === 'burning' && BURNING_PLACE.test(toks[i + 1]?.lower ?? '')) return i;
  }
  return -1;
}

/**
 * Appends to `out` the lead's accident event, when the lead has no violent event: the first sentence of
 * the lead with an accident trigger, not hypothetical.
 */
export function addLeadAccident(out: RawEvent[], sentenceViews: readonly SentenceView[], ctx: ArgContext, near: (span: { start: number; end: number }) => readonly Quote[]): void {
  if (out.some((r) => VIOLENT.has(r.cls) && r.sentence.paragraph < LEAD_PARAGRAPHS)) return;
  for (const view of sentenceViews) {
    if (view.paragraph >= LEAD_PARAGRAPHS) return;
    const i = accidentTrigger(view.toks);
    if (i < 0 || inHypothetical(view.toks, i)) continue;
    const figures = figuresOf(view, ctx.text).filter((f) => isToll(f.kind));
    const accident = killingEvent(ctx, view, i, { figures, rule: 'trigger:lead-accident', quotes: near(view.span), passiveActors: false, readArmed: false });
    // Kept in text order: mention merging reads "told before" from the list.
    const at = out.findIndex((r) => r.sentence.index > view.index);
    out.splice(at < 0 ? out.length : at, 0, accident);
    return;
  }
}
