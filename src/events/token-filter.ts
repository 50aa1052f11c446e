/**
 * The token pre-filter of event extraction: one map lookup rules out most tokens.
 */
import { CONTEXT_HEADS, DEATH_WORDS } from './extract-words.js';
import { triggerWords } from './lexicon.js';

/** Token pre-filter: CANDIDATE words may start a trigger (lexicon, contextual heads, special pairs); DEATH words feed the one-death patterns. */
export const CANDIDATE = 1;
export const DEATH = 2;
export const INTEREST = new Map<string, number>();
for (const w of [...triggerWords(), ...CONTEXT_HEADS, 'dead', 'fire', 'arrived', 'deployed', 'sent']) INTEREST.set(w, CANDIDATE);
for (const w of DEATH_WORDS) INTEREST.set(w, (INTEREST.get(w) ?? 0) | DEATH);
