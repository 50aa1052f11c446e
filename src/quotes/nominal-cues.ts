/**
 * Nominal speech cues with a possessor: "Sanders rejected Clinton's claim that he had no plan", "repeated his
 * warning that Britain would …", "the Census' vow that …". The possessor speaks and the "that" clause is what was
 * said (PolNeAR marks the noun as the cue and the possessor as the source). Only where the noun phrase is not its
 * sentence's opening (a subject's "that" clause runs into the main verb, whose start cannot be read without a
 * parser) and only over tokens nothing else has extracted. Linear: each token is looked at once.
 */
import { firstAtOrAfter, type Tok } from './tokens.js';
import { isQuoteMark } from './quote-marks.js';
import { npBefore, trimContent } from './phrases.js';
import { statementEnd } from './recall-pass.js';
import { objectGapAfter } from './gap.js';
import type { Ctx, RawQuote } from './raw-quote.js';

/** Speech nouns → the lemma of their verb. */
export const SPEECH_NOUNS: ReadonlyMap<string, string> = new Map(
  [
    ['claim', 'claim'], ['warning', 'warn'], ['remark', 'remark'], ['comment', 'comment'], ['promise', 'promise'], ['pledge', 'pledge'],
    ['vow', 'vow'], ['assertion', 'assert'], ['insistence', 'insist'], ['argument', 'argue'], ['suggestion', 'suggest'],
    ['admission', 'admit'], ['contention', 'contend'], ['allegation', 'allege'], ['accusation', 'accuse'], ['prediction', 'predict'],
    ['declaration', 'declare'], ['announcement', 'announce'], ['assurance', 'assure'], ['boast', 'boast'], ['complaint', 'complain'],
    ['statement', 'state'], ['charge', 'charge'],
  ].flatMap(([noun, lemma]) => [[noun, lemma], [noun + 's', lemma]] as Array<[string, string]>),
);

/** Possessive pronouns that stand for a speaker. */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its']);

/** The possessor of the noun at k (one adjective may come between: "Trump's false claims"), as a token range. */
function possessorOf(toks: readonly Tok[], k: number, sa: number): [number, number] | null {
  let p = k - 1;
  if (p > sa && toks[p].pos === 'ADJ') p--;
  if (p < sa) return null;
  if (POSSESSIVES.has(toks[p].lower)) return [p, p + 1];
  const t = toks[p].text;
  // "Clinton's", "Clinton’s", "the Census’ vow"
  const mark = t === "'s" || t === '’s' || ((t === '’' || t === "'") && /s$/.test(toks[p - 1]?.text ?? ''));
  if (!mark || p - 1 < sa) return null;
  const np = npBefore(toks, p, sa);
  return np && np[1] === p && toks[np[1] - 1].pos === 'PROPN' ? np : null;
}

export function nominalCuePass(ctx: Ctx, raw: RawQuote[]): void {
  const { toks, inQuote, used, sentTok } = ctx;
  const covered = new Uint8Array(toks.length);
  for (const r of raw) for (let i = firstAtOrAfter(toks, r.start); i < toks.length && toks[i].start < r.end; i++) covered[i] = 1;
  for (const [sa, sb] of sentTok) {
    for (let k = sa + 1; k < sb - 2; k++) {
      const lemma = SPEECH_NOUNS.get(toks[k].lower);
      if (!lemma || toks[k].pos !== 'NOUN' || inQuote[k] >= 0 || covered[k] || used[k]) continue;
      const that = k + 1;
      if (toks[that].lower !== 'that' || toks[that + 1].pos === 'VERB' || toks[that + 1].pos === 'AUX' || covered[that + 1]) continue;
      // "his comments that he posted online": a "that" clause missing its object is a relative clause on the noun
      if (objectGapAfter(toks, that, sb)) continue;
      const speaker = possessorOf(toks, k, sa);
      if (!speaker) continue;
      let o = sa;
      while (o < speaker[0] && isQuoteMark(toks[o])) o++;
      if (speaker[0] <= o) continue;
      let end = that + 1;
      while (end < sb && !covered[end]) end++;
      const [a, b] = trimContent(toks, that, statementEnd(toks, inQuote, that, end));
      if (b - a < 3) continue;
      raw.push({
        start: toks[a].start,
        end: toks[b - 1].end,
        kind: 'indirect',
        speaker,
        cue: [k, k + 1],
        lemma,
        addressee: null,
        clause: [speaker[0], k + 1],
        confidence: 0.6,
      });
      for (let i = a; i < b; i++) covered[i] = 1;
      used[k] = 1;
    }
  }
}
