/**
 * The speaker noun phrase read whole, after the extraction passes have found a speaker range next to a cue and
 * before it is resolved to an entity (speaker.ts). The passes read a phrase from the cue backwards and stop at
 * the first word they cannot span; what they stop at decides who speaks:
 *
 * - relative "who"/"which": the noun phrase the clause hangs on ("denied by a UKIP spokesman, who said" → the
 *   spokesman; "humorist Will Rogers – who once said" → Will Rogers), not the nearest person named;
 * - coordination: "The Christian Medical Fellowship (CMF) and Lawyers' Christian Fellowship (LCF) said" → both;
 * - a head before its complement: "Democrats with knowledge of the process told" → the Democrats (the whole
 *   phrase), "Those closest to the former vice president say" → those closest to him, never him;
 * - a member named inside a relative clause or "including" aside: "The Alliance, which includes … Age Concern,
 *   …, said" → the Alliance;
 * - the object of a participial cue: "Matthew Taylor wrote to the watchdog saying: …" → Taylor; the watchdog is
 *   the addressee.
 *
 * Token ranges only; nothing here reads entities. Every rule needs the extended phrase to open its clause.
 */
import { ANONYMOUS_HEADS, PRONOUNS } from './lexicon.js';
import { subjectOfEarlierCue } from './attribution.js';
import { DASHES, DETERMINERS, NP_LINKS, clauseInitial, clauseSubject, isCapName, npBeforeSimple } from './phrases.js';
import { isFinalPunct, isQuoteMark } from './quote-marks.js';
import type { Tok } from './tokens.js';

/** How far back from the speaker the phrase may be extended (tokens). */
const REACH = 40;

/** The first token of the sentence holding token i (bounded by REACH and by quotation marks). */
function sentenceFloor(toks: readonly Tok[], i: number): number {
  let lo = i;
  while (lo > 0 && i - lo < REACH && toks[lo - 1].sentence === toks[i].sentence && !isQuoteMark(toks[lo - 1]) && !isFinalPunct(toks[lo - 1])) lo--;
  return lo;
}

const isNameOrNoun = (t: Tok | undefined): boolean => !!t && (t.pos === 'PROPN' || t.pos === 'NOUN' || isCapName(t));

/** "Will Rogers – who", "a UKIP spokesman, who", "people who": the phrase a relative pronoun at `w` refers to. */
function relativeAntecedent(toks: readonly Tok[], w: number): [number, number] | null {
  let end = w;
  if (end > 0 && (toks[end - 1].text === ',' || DASHES.has(toks[end - 1].text))) end--;
  if (end <= 0) return null;
  const lo = sentenceFloor(toks, end - 1);
  const np = npBeforeSimple(toks, end, lo);
  if (!np || !isNameOrNoun(toks[np[1] - 1])) return null;
  // "one Democrat familiar with the discussion, who added", "sources close to the campaign, who": the phrase an
  // adjective's complement modifies, whole
  const adp = np[0] - 1;
  if (adp - 1 > lo && toks[adp].pos === 'ADP' && toks[adp - 1].pos === 'ADJ') {
    const head = npBeforeSimple(toks, adp - 1, lo);
    if (head && head[1] === adp - 1 && isNameOrNoun(toks[head[1] - 1])) return [head[0], np[1]];
  }
  // "broad support from charities who say", "a memo from Mr. Rubio's campaign manager, who argued": "who" hangs
  // on the nearest noun group unless the word before the link names people ("members of the party who")
  if (end === w || toks[w].lower === 'who') {
    for (let q = np[1] - 2; q > np[0]; q--) {
      if (!NP_LINKS.has(toks[q].lower)) continue;
      if (!(toks[q - 1].pos === 'PROPN' || ANONYMOUS_HEADS.has(toks[q - 1].lower))) return [q + 1 < np[1] && toks[q + 1].lower === 'the' ? q + 2 : q + 1, np[1]];
      break;
    }
  }
  return np;
}

/** Skips back over a short parenthesis ending at token `close` ("(CMF)"); returns the token before it. */
function beforeParenthesis(toks: readonly Tok[], close: number, lo: number): number {
  if (toks[close]?.text !== ')') return close;
  for (let o = close - 1; o >= lo && o > close - 6; o--) if (toks[o].text === '(') return o - 1;
  return close;
}

/** "X (CMF) and Y said": the conjunct before "and" at `and`, when the whole opens its clause. */
function coordinatedStart(toks: readonly Tok[], a: number, lo: number): number | null {
  const and = a - 1;
  if (and - 1 < lo || (toks[and].lower !== 'and' && toks[and].text !== '&')) return null;
  const last = beforeParenthesis(toks, and - 1, lo);
  if (last < lo) return null;
  const left = npBeforeSimple(toks, last + 1, lo);
  if (!left || !(isNameOrNoun(toks[left[1] - 1]) || (toks[left[1] - 1].pos === 'PRON' && PRONOUNS.get(toks[left[1] - 1].lower) === 'person'))) return null;
  // the subject of the cue, not an object of an earlier verb ("Police arrested Smith and Jones said …")
  if (!clauseInitial(toks, left[0], lo) || (left[0] > lo && toks[left[0] - 1].text === ',')) return null;
  return left[0];
}

/**
 * "Democrats with knowledge of the process", "Those closest to the former vice president": the head and its
 * link before the range; the start of the whole phrase, or null.
 */
function complementStart(toks: readonly Tok[], a: number, lo: number): number | null {
  const link = a - 1;
  if (link - 1 < lo || !['with', 'to', 'of'].includes(toks[link].lower)) return null;
  // the head: a noun or name ("Democrats with …"), or a determiner with adjectives ("Those closest to …")
  let s = link;
  while (s - 1 >= lo && link - s < 5 && (toks[s - 1].pos === 'ADJ' || toks[s - 1].pos === 'NOUN' || toks[s - 1].pos === 'PROPN' || isCapName(toks[s - 1]))) s--;
  const headed = s < link && (isNameOrNoun(toks[link - 1]) || (s - 1 >= lo && DETERMINERS.has(toks[s - 1].lower)));
  if (!headed) return null;
  if (s - 1 >= lo && (toks[s - 1].pos === 'DET' || DETERMINERS.has(toks[s - 1].lower))) s--;
  // "of" only after a determiner-led quantity or group ("those of us"): "the leader of X" is read whole elsewhere
  if (toks[link].lower === 'of' && !DETERMINERS.has(toks[s].lower)) return null;
  return clauseInitial(toks, s, lo) && !(s > lo && toks[s - 1].text === ',') ? s : null;
}

/**
 * "The Alliance, which includes the Alzheimer's Society, Age Concern, …, said": a range that sits inside a
 * relative clause or an "including" aside which closes right before the cue names a member; the subject is the
 * phrase before the aside. Returns that phrase, or null.
 */
function subjectBeforeAside(toks: readonly Tok[], a: number, cue: number, lo: number): [number, number] | null {
  if (cue - 1 < a || toks[cue - 1].text !== ',') return null;
  for (let c = a - 1; c > lo; c--) {
    if (isQuoteMark(toks[c]) || isFinalPunct(toks[c])) return null;
    if (toks[c].text !== ',') continue;
    const opener = toks[c + 1].lower;
    if (opener !== 'which' && opener !== 'who' && opener !== 'including' && opener !== 'whose') continue;
    const np = npBeforeSimple(toks, c, lo);
    return np && clauseInitial(toks, np[0], lo) && isNameOrNoun(toks[np[1] - 1]) ? np : null;
  }
  return null;
}

export interface WholeSpeaker {
  speaker: [number, number];
  /** The phrase a relative "who"/"which" speaker hangs on. */
  antecedent?: [number, number];
  /** The range read as the speaker was the addressee of the cue ("wrote to the watchdog saying"). */
  addressee?: [number, number];
}

/** The whole speaker phrase for a raw speaker range and its cue (both token ranges). */
export function wholeSpeaker(toks: readonly Tok[], speaker: [number, number], cue: [number, number] | null): WholeSpeaker {
  const [a, b] = speaker;
  const lo = sentenceFloor(toks, a);
  if (b - a === 1 && (toks[a].lower === 'who' || toks[a].lower === 'which')) {
    const np = relativeAntecedent(toks, a);
    return np ? { speaker, antecedent: np } : { speaker };
  }
  // only a speaker before its cue is read backwards
  if (!cue || cue[0] < b) return { speaker };
  const cueTok = toks[cue[0]];
  // "X wrote to the watchdog saying": a participle's speaker is its clause's subject; the phrase before it an object
  // ("with 50 percent saying" is no object: the phrase after "with" speaks)
  if (cueTok.lower.endsWith('ing') && cueTok.pos !== 'NOUN' && a > lo && (toks[a - 1].lower === 'to' || toks[a - 1].pos === 'VERB') && !clauseInitial(toks, a, lo)) {
    const subject = subjectOfEarlierCue(toks, lo, a, false) ?? clauseSubject(toks, lo, a);
    // only "wrote to X saying" names an addressee; "attacked Biden saying" makes Biden the object, not the one addressed
    if (subject && subject[1] <= a && toks[subject[1] - 1].pos !== 'PRON') return toks[a - 1].lower === 'to' ? { speaker: subject, addressee: speaker } : { speaker: subject };
  }
  const aside = subjectBeforeAside(toks, a, cue[0], lo);
  if (aside) return { speaker: aside };
  const coordinated = coordinatedStart(toks, a, lo);
  if (coordinated !== null) return { speaker: [coordinated, b] };
  const complement = complementStart(toks, a, lo);
  if (complement !== null) return { speaker: [complement, b] };
  return { speaker };
}
