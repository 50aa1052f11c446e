/**
 * Another incident told in a background clause of a sentence ("two days after a shooting left four
 * dead", "in the wake of the midair collision that killed 67"): its mention and its toll.
 */
import { BACKGROUND_CLAUSE, INCIDENT_NOUNS } from './extract-words.js';
import { VIOLENT, triggerFor } from './lexicon.js';
import type { Tok } from './sentence-view.js';

/**
 * Whether a figure at `figureStart`, told after the trigger at `triggerStart`, sits in a clause about
 * another event: a background word, then within five words an event noun, then the figure.
 */
export function inBackgroundClause(toks: readonly Tok[], triggerStart: number, figureStart: number): boolean {
  for (let k = 0; k < toks.length && toks[k].start < figureStart; k++) {
    if (toks[k].start <= triggerStart || !BACKGROUND_CLAUSE.has(toks[k].lower)) continue;
    for (let j = k + 1; j <= k + 5 && j < toks.length && toks[j].start < figureStart; j++) {
      const t = triggerFor(toks[j].lower);
      if ((t?.noun && VIOLENT.has(t.cls)) || INCIDENT_NOUNS.has(toks[j].lower)) return true;
    }
  }
  return false;
}

/** A violent trigger or an incident noun ("crash", "collision"). */
export function eventWord(lower: string): boolean {
  const t = triggerFor(lower);
  return (t !== undefined && VIOLENT.has(t.cls)) || INCIDENT_NOUNS.has(lower);
}

/**
 * Whether the trigger at token i names another incident in a background clause of its sentence:
 * an event word, then a background word ("after", "in the wake of", "echoed another"), then within
 * five words an event noun at or before the trigger ("The crash comes in the wake of the midair
 * collision … that killed 67", "Wednesday's attack echoed another horrific shooting"). A clause that
 * opens the sentence ("After a shooting left two dead, …") is left alone: it may be the news.
 */
export function backgroundMention(toks: readonly Tok[], i: number): boolean {
  const first = toks.findIndex((t) => eventWord(t.lower));
  if (first < 0 || first >= i) return false;
  return inBackgroundClause(toks, toks[first].start, toks[i].end);
}
