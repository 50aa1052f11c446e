/**
 * The scene of an event mention: the best-scoring mappable place of its sentence (precision, a
 * locative word, nearness to the trigger), never an owner, an agent or a party named as a place.
 */
import type { Span } from '../core/article.js';
import type { EventArgument, Place } from '../core/layers.js';
import { passiveSubjectOf } from './arguments.js';
import { AREA_WORDS, LOCATIVE, PLACE_PREP, ROLE_AFTER } from './extract-words.js';
import { triggerFor } from './lexicon.js';
import type { SentenceView, Tok } from './sentence-view.js';

/** The word that governs a place at token k, past "the" and area words ("in northern Syria"). */
export function governor(toks: Tok[], k: number): string {
  // "(Rafi LGA, Niger)": the country closing an ACLED-style location in brackets.
  for (let j = k - 1; j >= Math.max(0, k - 8); j--) {
    if (toks[j].lower === ')') break;
    if (toks[j].lower === '(') return '(';
  }
  let j = k - 1;
  while (j >= 0 && AREA_WORDS.has(toks[j].lower) && k - j < 4) j--;
  return j >= 0 ? toks[j].lower : '';
}

export function choosePlace(view: SentenceView, i: number, actors: EventArgument[], exclude: Span[], strict = false): Place | null {
  const trig = view.toks[i];
  const passiveSubject = passiveSubjectOf(view, i);
  let best: Place | null = null;
  let bestScore = -Infinity;
  for (const p of view.places) {
    if (actors.some((a) => a.start < p.end && p.start < a.end)) continue;
    // A place inside the attribution ("officials in Warsaw said") is where the source sits.
    if (exclude.some((x) => x.start < p.end && p.start < x.end)) continue;
    let score = p.precision === 'city' || p.precision === 'point' ? 3 : p.precision === 'region' ? 2.2 : p.precision === 'area' ? 1.5 : 1;
    const k = view.toks.findIndex((t) => t.start >= p.start);
    const before = k > 0 ? view.toks[k - 1].lower : '';
    const before2 = k > 1 ? view.toks[k - 2].lower : '';
    if (PLACE_PREP.has(before) || PLACE_PREP.has(before2)) score += 2;
    // "Ukraine's Interior Ministry": a possessive place is an affiliation, not the scene.
    let kEnd = k;
    while (kEnd < view.toks.length && view.toks[kEnd].end < p.end) kEnd++;
    const afterTok = view.toks[kEnd + 1];
    const after = afterTok?.lower ?? '';
    // "Russia’s Defense Ministry", "Russia launched": the place is an owner or an agent here.
    if (after === '’s' || after === "'s") continue;
    if (p.precision === 'country' && afterTok && (afterTok.pos === 'VERB' || afterTok.pos === 'AUX')) continue;
    // "U.S. strikes", "Russia attacks": a country right before an event noun is its actor.
    if (p.precision === 'country' && afterTok && triggerFor(after)?.noun) continue;
    // "White House press secretary", "Warsaw officials": a place naming who speaks or acts.
    if (ROLE_AFTER.has(after)) continue;
    // "talks with Russia", "a meeting between X and Y": participants, not the scene.
    if (before === 'with' || before === 'between') continue;
    // A country is the scene only with a locative word ("in Qatar", "across Ukraine"); "helping
    // the U.S.", "Iran and Israel" name parties.
    if (p.precision === 'country' && !LOCATIVE.has(governor(view.toks, k))) continue;
    // "Al Udeid Air Base was attacked", "Kyiv was struck": the passive's subject is the scene.
    if (passiveSubject && p.start >= passiveSubject.start && p.end <= passiveSubject.end) score += 3;
    // An anaphoric mention ("this attack") takes only a place attached to it ("the attack on Doha").
    if (strict && !(p.start > trig.end && p.start - trig.end <= 12 && PLACE_PREP.has(before))) continue;
    const gap = p.start >= trig.end ? p.start - trig.end : trig.start - p.end;
    score += p.start >= trig.end ? Math.max(0, 2 - gap / 40) : Math.max(0, 1 - gap / 60);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best;
}

export function rank(p: Place): number {
  return (p.precision === 'city' || p.precision === 'point' ? 3 : p.precision === 'region' ? 2 : p.precision === 'area' ? 1.5 : 1) + p.confidence;
}
