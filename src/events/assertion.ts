/**
 * How a trigger is told: asserted, planned or negated; in a hypothetical or a comparison; as a cause
 * told in the background; as anaphora ("this attack"); figuratively ("fighting poverty").
 */
import { demonymArg, mentionAt } from './arguments.js';
import { BACKGROUND_CUES, CLAUSE_END, DEMONSTRATIVE, HYPOTHETICAL_OPENERS, SKIP_BEFORE_NOUN, SUPERLATIVES } from './extract-words.js';
import { ABSTRACT_OBJECTS, FIGURATIVE_BEFORE, NEGATION_CUES, PLANNED_CUES, type Trigger, triggerFor } from './lexicon.js';
import type { RawEvent } from './raw-event.js';
import type { SentenceView, Tok } from './sentence-view.js';

/**
 * How a noun trigger refers: "this attack", "these strikes", "such attacks" point back at an event
 * already told (demonstrative); "the attack", "its strike" usually do (definite); anything else
 * introduces an event.
 */
export function anaphoraOf(toks: Tok[], i: number, trigger: Trigger): 'demonstrative' | 'definite' | null {
  if (!trigger.noun) return null;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = toks[k];
    if (DEMONSTRATIVE.has(t.lower)) return 'demonstrative';
    if (t.lower === 'the' || t.lower === 'its') return 'definite';
    if (t.pos === 'ADJ' || t.pos === 'PROPN' || SKIP_BEFORE_NOUN.has(t.lower) || demonymArg(t)) continue;
    return null;
  }
  return null;
}

/** The trigger sits in a clause that asks or supposes ("asked whether …", "if …", a question). */
export function inHypothetical(toks: Tok[], i: number): boolean {
  if (toks[toks.length - 1]?.lower === '?') return true;
  for (let k = i - 1; k >= 0; k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w) || w === ',') return false;
    // "as if a massacre had been perpetrated": a likeness, not a report; "even if" concedes.
    if (HYPOTHETICAL_OPENERS.has(w) && toks[k - 1]?.lower !== 'even') return true;
  }
  return false;
}

/**
 * The token sits in a comparison ("the largest since Russia launched 705 munitions on Oct. 30",
 * "the deadliest of November"): it names a yardstick, neither a new event nor this event's date.
 */
export function inComparison(toks: Tok[], i: number, sinceOnly: boolean): boolean {
  let since = false;
  for (let k = i - 1; k >= Math.max(0, i - 12); k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w)) return false;
    if (w === 'since') since = true;
    if (SUPERLATIVES.has(w) && w !== 'first' && w !== 'last' && w !== 'latest' && (since || (!sinceOnly && i - k <= 4))) return true;
    if ((w === 'first' || w === 'last') && since) return true;
  }
  return false;
}

/** "following Russian airstrikes", "in retaliation for U.S. strikes": an event told as a cause. */
export function isBackground(toks: Tok[], i: number, trigger: Trigger): boolean {
  if (!trigger.noun) return false;
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const w = toks[k].lower;
    if (BACKGROUND_CUES.has(w)) return true;
    if (w === 'for' && /^(retaliation|revenge|response)$/.test(toks[k - 1]?.lower ?? '')) return true;
    if (w === 'to' && toks[k - 1]?.lower === 'response') return true;
    const t = toks[k];
    if (t.pos === 'ADJ' || t.pos === 'PROPN' || t.pos === 'NUM' || SKIP_BEFORE_NOUN.has(w) || demonymArg(t) || /^[A-Z]/.test(t.text)) continue;
    return false;
  }
  return false;
}

/**
 * A figurative or generic use: "fighting poverty", "the battle against cancer", "a legal battle",
 * "an attack on corruption" — the object is no party that can be hit.
 */
export function isGenericUse(toks: Tok[], i: number, view: SentenceView): boolean {
  const cls = triggerFor(toks[i].lower)?.cls;
  if (cls !== 'clash' && cls !== 'attack' && cls !== 'strike') return false;
  if (cls === 'clash' && FIGURATIVE_BEFORE.has(toks[i - 1]?.lower ?? '')) return true;
  let k = i + 1;
  if (/^(against|with|on|over)$/.test(toks[k]?.lower ?? '')) k++;
  while (/^(the|a|an|global|rising|growing|organised|organized|organized|climate|world|extreme)$/.test(toks[k]?.lower ?? '')) k++;
  const obj = toks[k];
  return obj !== undefined && ABSTRACT_OBJECTS.has(obj.lower) && !mentionAt(view, obj);
}

export function statusOf(toks: Tok[], i: number, trigger: Trigger): RawEvent['status'] {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = toks[k].lower;
    if (CLAUSE_END.has(w) || w === ',') break;
    if (NEGATION_CUES.has(w) || w === 'n’t' || w.endsWith("n't") || w.endsWith('n’t')) return 'negated';
    if (w === 'to' && k === i - 1 && (!trigger.noun || toks[i].pos === 'VERB')) return 'planned';
    if (w !== 'to' && PLANNED_CUES.has(w)) return 'planned';
  }
  return 'asserted';
}
