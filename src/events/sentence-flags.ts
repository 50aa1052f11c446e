/**
 * Sentence-wide facts every event mention of a sentence carries (fire both ways, armed actors, troops,
 * a dispute, a demonstration word, a word of sport), read in one pass over its tokens.
 */
import { DEMO_WORD, EXCHANGE, SCORE, SPORT_WORDS } from './extract-words.js';
import { ARMED, TROOPS } from './lexicon.js';
import type { Tok } from './sentence-view.js';

/** Sentence-wide facts every event of the sentence carries. */
export interface SentenceFlags {
  exchange: boolean;
  smallArms: boolean;
  armed: boolean;
  troops: boolean;
  dispute: boolean;
  demoWord: boolean;
  /** A word of sport (goal, match, striker, tie-break, a score such as 2-0). */
  sport: boolean;
}

export function sentenceFlags(toks: Tok[]): SentenceFlags {
  const f: SentenceFlags = { exchange: false, smallArms: false, armed: false, troops: false, dispute: false, demoWord: false, sport: false };
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if (EXCHANGE.has(w) || (w === 'shoot' && toks[k + 2]?.lower === 'out') || (w === 'directions' && toks[k - 1]?.lower === 'both')) f.exchange = true;
    if (w === 'arms' && toks[k - 1]?.lower === 'small') f.smallArms = true;
    if (ARMED.has(w)) f.armed = true;
    if (TROOPS.has(w)) f.troops = true;
    if (w === 'dispute' || w === 'disputes' || w === 'quarrel' || w === 'altercation') f.dispute = true;
    if (!f.demoWord && DEMO_WORD.test(w)) f.demoWord = true;
    // "The Game" (a band, a title) is a name, not a match.
    if ((SPORT_WORDS.has(w) && (toks[k].text === w || (w !== 'game' && w !== 'games'))) || (!f.sport && SCORE.test(w))) f.sport = true;
  }
  return f;
}
