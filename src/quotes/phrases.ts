/** Phrase-level helpers over wink tokens and POS: speaker noun phrases, appositions, cue lemmas, adverbials and clause tests shared by the attribution passes. */
import { ADDRESSEE_CUES, ATTRIBUTION_ADVERBS, BELIEF_CUES, DOCUMENT_HEADS, PARTICIPLE_CUES, PRONOUNS, SPEECH_CUES, TIME_HEADS, TIME_MODIFIERS, WEEKDAYS } from './lexicon.js';
import type { Tok } from './tokens.js';
import { isFinalPunct, isQuoteMark } from './quote-marks.js';
import { objectGapAfter } from './gap.js';

// ---------------------------------------------------------------- noun phrases

export const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
export const NP_LINKS = new Set(['of', 'for', 'at', 'in', 'from', 'to']);
export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'two', 'three', 'several', 'some', 'many', 'both', 'another', 'other', 'this', 'that', 'these', 'those', 'each', 'every', 'most', 'all', 'few', 'no', 'senior', 'top']);

/** Words that open a relative clause. */
export const RELATIVES = new Set(['who', 'whose', 'whom', 'which', 'where']);

export function isPossessive(t: Tok): boolean {
  return t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’';
}

/** A capitalised word the tagger misread as a verb or noun ("Sue", "Mark") still belongs to a name. */
export function isCapName(t: Tok): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 && (t.pos === 'VERB' || t.pos === 'X' || t.pos === 'INTJ') && !SPEECH_CUES.has(t.lower);
}

export function isNpToken(t: Tok): boolean {
  if (NP_POS.has(t.pos) || isCapName(t)) return true;
  if (isPossessive(t)) return true;
  if (t.text === '-' || t.text === '.' || t.text === '&') return true;
  return false;
}

export function isNominal(t: Tok): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || isPossessive(t);
}

/**
 * "Chris Cox, who runs the NRA's lobbying arm, says" / "Muhammad Babar, a spokesman for …, says": the cue
 * follows a comma that closes an appositive or relative clause; the speaker is the name before it.
 */
export function appositiveBefore(toks: readonly Tok[], comma: number, lo: number): [number, number] | null {
  // a long apposition may hold commas of its own ("Eddie Griffin, who was a member of the AfroSpear, a group of
  // bloggers, said"): an earlier comma is tried when a nearer one does not open the apposition
  let commas = 0;
  for (let c = comma - 2; c >= lo && c >= comma - APPOSITION_MAX_TOKENS; c--) {
    const t = toks[c];
    if (isFinalPunct(t)) return null;
    if (t.text !== ',' || isQuoteMark(toks[c + 1])) continue;
    if (++commas > APPOSITION_MAX_COMMAS) return null;
    const found = appositionAt(toks, c, comma, lo);
    if (found) return found;
  }
  return null;
}

export const APPOSITION_ADVERBS = new Set(['long', 'once', 'now', 'formerly', 'also', 'still', 'himself', 'herself', 'itself', 'themselves', 'then']);

/** Tokens and inner commas an apposition between a speaker and its cue may span. */
export const APPOSITION_MAX_TOKENS = 40;
export const APPOSITION_MAX_COMMAS = 3;

/** The speaker when the comma at `c` opens the apposition that the comma at `comma` closes. */
export function appositionAt(toks: readonly Tok[], c: number, comma: number, lo: number): [number, number] | null {
  // "The newspaper, long a vocal advocate of …," / "Silverman, herself a Sanders supporter,": an adverb before the description
  const lead = APPOSITION_ADVERBS.has(toks[c + 1].lower) && c + 2 < comma && (toks[c + 2].pos === 'DET' || DETERMINERS.has(toks[c + 2].lower)) ? 1 : 0;
  const first = toks[c + 1 + lead];
  // "Several candidates, including Trump, said": an aside naming members of the subject
  const rel = first.lower === 'who' || first.lower === 'whose' || first.lower === 'which' || first.lower === 'citing' || first.lower === 'speaking' || first.lower === 'including';
  const appos = DETERMINERS.has(first.lower) || first.pos === 'NOUN' || first.pos === 'ADJ' || first.pos === 'NUM' || first.pos === 'PROPN' || isCapName(first);
  if (!rel && !appos) return null;
  if (!rel && hasClause(toks, c + 1, comma)) {
    // appositives may carry a participle ("the hacker known as …"), not a finite clause
    let finite = false;
    let relative = false;
    for (let q = c + 1; q < comma; q++) {
      if (toks[q].lower === 'who' || toks[q].lower === 'that' || toks[q].lower === 'which') relative = true;
      if (!relative && (toks[q].pos === 'AUX' || (toks[q].pos === 'VERB' && !isCapName(toks[q]) && !/(?:ed|en|ing|wn)$/.test(toks[q].lower)))) finite = true;
    }
    if (finite) return null;
  }
  let name = npBeforeSimple(toks, c, lo);
  let nameEnd = c;
  // "Woodrow Benford, 58, who lives …": an age between the name and the apposition
  if (name && name[1] - name[0] === 1 && toks[name[0]].pos === 'NUM' && name[0] - 1 > lo && toks[name[0] - 1].text === ',') {
    nameEnd = name[0] - 1;
    name = npBeforeSimple(toks, nameEnd, lo);
    // the tagger reads a name's last word as a common noun or a month ("Yin Myint May, 60,")
    if (!name || !(toks[nameEnd - 1].pos === 'PROPN' || /^[A-Z]/.test(toks[nameEnd - 1].text))) return null;
  }
  if (!name || !clauseInitial(toks, name[0], lo)) {
    // "Another delegate on the Cruz slate, Jim Poolman, said": a description the phrase reader cannot span,
    // then the name in apposition — the name is the speaker
    return !rel && pureName(toks, c + 1, comma) ? [c + 1, comma] : null;
  }
  // "Cecelia Purner, 67, a retired …," or "the Vatican spokesman, Federico Lombardi,"
  const nameFirst = toks[nameEnd - 1].pos === 'PROPN' || (nameEnd < c && /^[A-Z]/.test(toks[nameEnd - 1].text));
  const nameSecond =
    !rel && /^[A-Z]/.test(toks[comma - 1].text) && (first.pos === 'PROPN' || isCapName(first) || (toks[comma - 1].pos === 'PROPN' && toks[comma - 2]?.pos === 'PROPN'));
  // "The newspaper, a vocal advocate of reform, writes": a definite subject opening the sentence, then a description
  const described = !rel && first.pos === 'DET' && toks[name[0]].lower === 'the' && name[0] === lo;
  if (!nameFirst && !nameSecond && !rel && !described) return null;
  return [name[0], comma];
}

/** toks[a, b) is a short name: capitalised words only (a name's initials and hyphens allowed). */
export function pureName(toks: readonly Tok[], a: number, b: number): boolean {
  if (b - a < 1 || b - a > 5) return false;
  for (let q = a; q < b; q++) {
    const t = toks[q];
    if (!(t.pos === 'PROPN' || isCapName(t)) || !/^[A-Z]/.test(t.text)) {
      if (q > a && q < b - 1 && (t.text === '.' || t.text === '-')) continue;
      return false;
    }
  }
  return true;
}

/** A subject starts its clause: at the sentence start or after a comma, colon, dash, quote mark or conjunction. */
export function clauseInitial(toks: readonly Tok[], at: number, lo: number): boolean {
  if (at <= lo) return true;
  const prev = toks[at - 1];
  return prev.text === ',' || prev.text === ':' || prev.text === ';' || prev.text === '—' || prev.text === '(' || isQuoteMark(prev) || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || prev.pos === 'ADV';
}

export const DASHES = new Set(['—', '–', '--']);

/** Tokens a content may be extended by to reach the close of a quotation it opened. */
export const QUOTE_RUN_MAX_TOKENS = 200;

export function npBefore(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
  if (end - 1 >= lo && toks[end - 1].text === ',') return appositiveBefore(toks, end - 1, lo) ?? nameBeforeParenthesis(toks, end - 1, lo);
  if (end - 1 >= lo && DASHES.has(toks[end - 1].text)) return dashAppositionBefore(toks, end - 1, lo);
  // "Mr. Manafort, citing ''the unique magic of Trump,'' said": the appositive's comma sits inside the quote
  if (end - 2 >= lo && isQuoteMark(toks[end - 1]) && toks[end - 2].text === ',') return appositiveBefore(toks, end - 2, lo);
  return npBeforeSimple(toks, end, lo);
}

/** "Many speakers at the service — including Muslims, Christians and Jews — said": the subject before a dashed aside. */
export function dashAppositionBefore(toks: readonly Tok[], dash: number, lo: number): [number, number] | null {
  for (let c = dash - 2; c > lo && c >= dash - APPOSITION_MAX_TOKENS; c--) {
    const t = toks[c];
    if (isFinalPunct(t) || isQuoteMark(t)) return null;
    if (!DASHES.has(t.text)) continue;
    if (hasClauseFinite(toks, c + 1, dash)) return null;
    const name = npBeforeSimple(toks, c, lo);
    return name && clauseInitial(toks, name[0], lo) ? [name[0], dash] : null;
  }
  return null;
}

/** "Sen. Jack Reed (D-R.I.), said": a name, a short parenthesis, then a stray comma before the cue. */
export function nameBeforeParenthesis(toks: readonly Tok[], comma: number, lo: number): [number, number] | null {
  if (comma - 1 < lo || toks[comma - 1].text !== ')') return null;
  let open = comma - 2;
  while (open >= lo && open > comma - 10 && toks[open].text !== '(') open--;
  if (open <= lo || toks[open].text !== '(' || toks[open - 1].pos !== 'PROPN') return null;
  const name = npBeforeSimple(toks, open, lo);
  return name && clauseInitial(toks, name[0], lo) ? name : null;
}

export const DROP = 'drop' as const;

/**
 * "The town released a statement Wednesday saying …", "issued a statement saying, “…”": a document made by
 * the subject of the verb before it speaks for that subject; with no subject found, nobody is named.
 */
export function speakerOfDocument(toks: readonly Tok[], np: [number, number] | null, lo: number): [number, number] | null | typeof DROP {
  if (!np || !DOCUMENT_HEADS.has(toks[np[1] - 1].lower)) return np;
  const v = np[0] - 1;
  if (v < lo || toks[v].pos !== 'VERB' || SPEECH_CUES.has(toks[v].lower)) return np;
  const j = skipBackAdverbials(toks, v, lo);
  const subject = npBefore(toks, j + 1, lo);
  return subject && clauseInitial(toks, subject[0], lo) && !DOCUMENT_HEADS.has(toks[subject[1] - 1].lower) ? subject : DROP;
}

export const BARE_QUANTIFIERS = new Set(['many', 'some', 'most', 'several', 'others', 'both']);

/** The noun phrase that ends right before token `end` (exclusive), not reaching below `lo`. */
export function npBeforeSimple(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
  let j = end - 1;
  if (j < lo) return null;
  const t0 = toks[j];
  if (t0.pos === 'PRON' && PRONOUNS.has(t0.lower)) return [j, end];
  // "many said …", "some say …": a quantifier standing alone as the subject
  if (BARE_QUANTIFIERS.has(t0.lower) && clauseInitial(toks, j, lo)) return [j, end];
  let s = end;
  while (j >= lo && end - j <= 16) {
    const t = toks[j];
    if (isNpToken(t)) {
      s = j;
      j--;
      continue;
    }
    if (s < end && j - 1 >= lo && (NP_LINKS.has(t.lower) || t.lower === 'and' || t.lower === '&')) {
      const after = toks[j + 1];
      const before = toks[j - 1];
      const linkOk =
        t.lower === 'and' || t.lower === '&'
          ? after.pos === 'PROPN' && (before.pos === 'PROPN' || isPossessive(before))
          : ((after.pos === 'PROPN' || after.lower === 'the' || after.pos === 'NOUN') && (before.pos === 'NOUN' || before.pos === 'PROPN')) ||
            // "eight in 10 voters", "six of 10 Republicans"
            ((t.lower === 'in' || t.lower === 'of') && after.pos === 'NUM' && before.pos === 'NUM');
      if (linkOk) {
        j--;
        continue;
      }
    }
    if (t.pos === 'DET' || DETERMINERS.has(t.lower)) {
      // "reported that Coulter tweeted", "a charity that prosecutors said was …": a complementiser or relative
      // "that" before a name or a plural noun is no demonstrative ("that official said" keeps it)
      if (s < end && t.lower === 'that' && (toks[s].pos === 'PROPN' || (toks[s].pos === 'NOUN' && s === end - 1 && /[^s]s$/.test(toks[s].lower)))) break;
      if (s < end && t.lower === 'the' && j - 2 >= lo && NP_LINKS.has(toks[j - 1].lower) && isNominal(toks[j - 2])) {
        j -= 2;
        continue;
      }
      if (s < end) s = j;
      break;
    }
    break;
  }
  if (s >= end) return null;
  // trim a leading link word that lost its left side
  while (s < end && (NP_LINKS.has(toks[s].lower) || toks[s].lower === 'and' || toks[s].text === '-' || toks[s].text === '.')) s++;
  if (s >= end) return null;
  const head = toks[end - 1];
  if (!(head.pos === 'PROPN' || head.pos === 'NOUN' || head.pos === 'NUM' || isCapName(head) || (head.pos === 'ADJ' && /^[A-Z]/.test(head.text)))) return null;
  // appositive: "Karoline Leavitt, the White House press secretary, said" — reach the name before the comma
  if (s - 2 >= lo && toks[s - 1].text === ',' && (DETERMINERS.has(toks[s].lower) || toks[s].pos === 'NOUN' || toks[s].pos === 'ADJ')) {
    const name = npBeforeSimple(toks, s - 1, lo);
    if (name && toks[s - 2].pos === 'PROPN' && name[1] - name[0] <= 6 && clauseInitial(toks, name[0], lo)) return [name[0], end];
  }
  return [s, end];
}

/** Tokens a source after "according to" may take when the noun-phrase reader fails. */
export const SOURCE_MAX_TOKENS = 15;

/**
 * The source after "according to": the noun phrase there, or, when the tagger breaks it ("state/VERB
 * records", "the most recent data available from the FBI"), the words up to the next comma, quotation
 * mark or sentence end, when they hold a noun or name.
 */
export function sourceAfter(toks: readonly Tok[], start: number, hi: number): [number, number] | null {
  const np = npAfter(toks, start, hi);
  let e = start;
  let nominal = false;
  while (e < hi && e - start < SOURCE_MAX_TOKENS && toks[e].text !== ',' && toks[e].text !== ';' && !isFinalPunct(toks[e]) && !isQuoteMark(toks[e])) {
    if (toks[e].pos === 'NOUN' || toks[e].pos === 'PROPN') nominal = true;
    e++;
  }
  const closed = e >= hi || toks[e].text === ',' || toks[e].text === ';' || isFinalPunct(toks[e]) || isQuoteMark(toks[e]);
  if (np && (np[1] >= e || !closed)) return np;
  if (!closed || e === start || (!nominal && !np)) return np;
  return [start, e];
}

/** The noun phrase starting at token `start`, ending before `hi`. */
export function npAfter(toks: readonly Tok[], start: number, hi: number): [number, number] | null {
  let e = start;
  if (e < hi && toks[e].pos === 'PRON' && PRONOUNS.has(toks[e].lower)) return [e, e + 1];
  if (e < hi && (toks[e].pos === 'DET' || DETERMINERS.has(toks[e].lower))) e++;
  let last = -1;
  // "one of two witnesses who …", "some of the delegates": a quantifier, "of", then the phrase it counts from
  if (e + 1 < hi && e - start === 1 && toks[e].lower === 'of' && (DETERMINERS.has(toks[start].lower) || toks[start].pos === 'NUM')) {
    e++;
    if (toks[e].pos === 'DET' || DETERMINERS.has(toks[e].lower) || toks[e].pos === 'NUM') e++;
  }
  while (e < hi && e - start < 16) {
    const t = toks[e];
    // a hyphenated compound inside the phrase: "one well-connected Democrat", "a long-time aide"
    if (e + 3 < hi && toks[e + 1].text === '-' && t.end === toks[e + 1].start && toks[e + 1].end === toks[e + 2].start && t.pos !== 'PUNCT' && toks[e + 2].pos !== 'PUNCT') {
      if (toks[e + 2].pos === 'PROPN' || toks[e + 2].pos === 'NOUN') last = e + 2;
      e += 3;
      continue;
    }
    const nextNominal = e + 1 < hi && (toks[e + 1].pos === 'PROPN' || toks[e + 1].pos === 'NOUN' || toks[e + 1].pos === 'ADJ');
    // a participle or a noun the tagger read as a verb, inside the phrase: "unaligned Florida …", "air force data"
    if (isNpToken(t) || (t.pos === 'VERB' && nextNominal && (/(?:ed|ing)$/.test(t.lower) || last < 0) && !SPEECH_CUES.has(t.lower))) {
      if (t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'NUM' || isCapName(t)) last = e;
      else if (t.pos === 'ADJ' && last >= 0 && !(e + 1 < hi && isNpToken(toks[e + 1]))) last = e;
      e++;
      continue;
    }
    if (last >= 0 && e + 1 < hi && (NP_LINKS.has(t.lower) || t.lower === 'and') && t.lower !== 'to') {
      const next = toks[e + 1];
      if (next.pos === 'PROPN' || (next.lower === 'the' && e + 2 < hi && toks[e + 2].pos === 'PROPN') || (t.lower === 'from' && next.pos === 'NOUN')) {
        e++;
        continue;
      }
    }
    break;
  }
  if (last < 0) return null;
  return [start, last + 1];
}

// ---------------------------------------------------------------- attribution clauses

export interface Attribution {
  speaker: [number, number] | null;
  cue: [number, number];
  lemma: string;
  addressee: [number, number] | null;
  /** Token range of the whole attribution clause, for medium/date lookup. */
  clause: [number, number];
}

export function cueLemma(toks: readonly Tok[], k: number, withBeliefs: boolean, afterQuote = false): string | null {
  const t = toks[k];
  if (t.lower === 'according' && k + 1 < toks.length && toks[k + 1].lower === 'to') return 'according to';
  if (!SPEECH_CUES.has(t.lower) && !(withBeliefs && BELIEF_CUES.has(t.lower))) return null;
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    // the tagger sometimes reads "notes", "claims", "warns" as nouns: trust a subject before and a complement after
    if (k === 0 || k + 1 >= toks.length) return null;
    const prev = toks[k - 1];
    const next = toks[k + 1];
    // "Six in 10 say he is …": a count before and a subject pronoun after make even a base form a verb
    const counted = prev.pos === 'NUM' && next.pos === 'PRON' && PRONOUNS.has(next.lower);
    if (!counted && !/(?:s|ed)$/.test(t.lower) && !nounSubjectOf(toks, k)) return null;
    const subj = prev.pos === 'PROPN' || (prev.pos === 'PRON' && PRONOUNS.has(prev.lower)) || counted;
    const comp = counted || next.lower === 'that' || next.text === ':' || isQuoteMark(next) || (afterQuote && (isFinalPunct(next) || next.text === ','));
    if (!(subj && comp) && !(nounSubjectOf(toks, k) && complementAfter(toks, k + 1))) return null;
  }
  const lemma = SPEECH_CUES.get(t.lower);
  if (lemma === 'point') return toks[k + 1]?.lower === 'out' ? lemma : null;
  if (lemma) return lemma;
  if (withBeliefs) return BELIEF_CUES.get(t.lower) ?? null;
  return null;
}

/** Plural nouns without a final s that may be a subject ("people claim"). */
const PLURAL_NOUNS = new Set(['people', 'police', 'men', 'women', 'children', 'staff', 'media', 'clergy', 'public']);

/**
 * "Critics claim …", "Legal observers note …", "The study warns that …": a cue form the tagger read as a noun is
 * the verb of a common-noun subject when the two agree — a base form after a plural noun, an -s form after a
 * determined singular one ("the study notes"). Possessives and compounds ("insurance claims") are left out by
 * the complement check that follows.
 */
function nounSubjectOf(toks: readonly Tok[], k: number): boolean {
  const prev = toks[k - 1];
  if (!prev || (prev.pos !== 'NOUN' && prev.pos !== 'PROPN') || prev.lower.endsWith("'s") || prev.lower.endsWith('’s')) return false;
  const plural = (/[^s]s$/.test(prev.lower) && !prev.lower.endsWith('ss')) || PLURAL_NOUNS.has(prev.lower);
  const w = toks[k].lower;
  // a capitalised cue ("Republicans Tweet Prayers") is a headline's title case, not a verb the tagger missed
  if (toks[k].text !== w) return false;
  if (/[^s]s$/.test(w)) return prev.pos === 'NOUN' && !plural && k >= 2 && (toks[k - 2].pos === 'DET' || toks[k - 2].pos === 'ADJ');
  if (w.endsWith('ed') || w.endsWith('ing')) return false;
  return plural;
}

/** A complement clause opens at p: "that" not followed by a verb nor missing its object (a relative "claims that were …", "claims that he filed …" is no complement), a colon, or a clause with its own subject. */
function complementAfter(toks: readonly Tok[], p: number): boolean {
  const t = toks[p];
  if (!t) return false;
  // "the insurance claims that he filed were denied": a clause missing its object is a relative clause too
  if (t.lower === 'that') return !!toks[p + 1] && toks[p + 1].pos !== 'VERB' && toks[p + 1].pos !== 'AUX' && !objectGapAfter(toks, p, toks.length);
  if (t.text === ':') return true;
  return (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'PROPN') && subjectClauseAt(toks, p, Math.min(toks.length, p + 8));
}

export function isTimeWord(t: Tok): boolean {
  return WEEKDAYS.has(t.lower) || t.lower === 'yesterday' || t.lower === 'today' || t.lower === 'tonight' || t.lower === 'earlier' || t.lower === 'later';
}

/** Skip backwards over adverbs and date phrases between a speaker and its cue ("on Wednesday also"). */
/** "Ford itself said", "voters overall said": words between a subject and its cue that are no part of either. */
export const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves', 'overall', 'alone']);

/** Verbs that carry a speech verb on ("went on to say", "continued to insist", "was quick to add"). */
export const GO_ON = new Set(['went', 'go', 'goes', 'going', 'gone']);
export const CONTINUE_TO = new Set(['continued', 'continues', 'continue', 'proceeded', 'proceeds', 'hastened', 'hastens']);
export const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been']);

/** "went on to say", "continued to insist", "was quick to add" starting at i: the index of the speech verb, or -1. */
export function goOnCue(toks: readonly Tok[], i: number, hi: number): number {
  const t = toks[i];
  if (!t) return -1;
  let k = -1;
  if (GO_ON.has(t.lower) && toks[i + 1]?.lower === 'on' && toks[i + 2]?.lower === 'to') k = i + 3;
  else if (CONTINUE_TO.has(t.lower) && toks[i + 1]?.lower === 'to') k = i + 2;
  else if (BE_FORMS.has(t.lower) && (toks[i + 1]?.lower === 'quick' || toks[i + 1]?.lower === 'careful' || toks[i + 1]?.lower === 'eager') && toks[i + 2]?.lower === 'to') k = i + 3;
  return k >= 0 && k < hi && SPEECH_CUES.has(toks[k].lower) ? k : -1;
}

export function skipBackAdverbials(toks: readonly Tok[], k: number, lo: number): number {
  let j = k - 1;
  for (;;) {
    if (j < lo) return j;
    const t = toks[j];
    if ((ATTRIBUTION_ADVERBS.has(t.lower) || REFLEXIVES.has(t.lower) || (t.pos === 'ADV' && /ly$/.test(t.lower))) && t.pos !== 'PROPN' && t.pos !== 'NOUN') {
      j--;
      continue;
    }
    if (isTimeWord(t)) {
      j--;
      if (j >= lo && (toks[j].lower === 'on' || toks[j].lower === 'late' || toks[j].lower === 'early')) j--;
      continue;
    }
    if (t.text === ')') {
      let m = j - 1;
      while (m >= lo && m > j - 8 && toks[m].text !== '(') m--;
      if (m >= lo && toks[m].text === '(') {
        j = m - 1;
        continue;
      }
    }
    // ", meanwhile," / ", in a statement," — a parenthetical between speaker and cue
    if (t.text === ',' && j - 2 >= lo) {
      let m = j - 1;
      while (m >= lo && m > j - 14 && toks[m].text !== ',' && (toks[m].pos !== 'VERB' || m > j - 14)) m--;
      const opener = m >= lo ? toks[m + 1] : null;
      const short = m > j - 6;
      if (m >= lo && m < j - 1 && toks[m].text === ',' && opener && ((short && (opener.pos === 'ADV' || isTimeWord(opener))) || opener.pos === 'ADP')) {
        j = m - 1;
        continue;
      }
    }
    // "He went on to say that …", "She was quick to add …": a verb of going on before the cue's infinitive
    if (t.lower === 'to' && j - 1 >= lo) {
      const v = toks[j - 1].lower;
      const on = v === 'on' && j - 2 >= lo && GO_ON.has(toks[j - 2].lower);
      const be = (v === 'quick' || v === 'careful' || v === 'eager') && j - 2 >= lo && BE_FORMS.has(toks[j - 2].lower);
      if (on || be || CONTINUE_TO.has(v)) {
        j -= on || be ? 3 : 2;
        continue;
      }
    }
    // "in a (joint) statement" between speaker and cue
    if (t.lower === 'statement' || t.lower === 'interview') {
      let m = j - 1;
      while (m >= lo && m > j - 4 && toks[m].lower !== 'in') m--;
      if (m >= lo && toks[m].lower === 'in') {
        j = m - 1;
        continue;
      }
    }
    return j;
  }
}

/** Skip forward over an addressee, date and medium phrases after a cue; returns the next token index. */
export function skipForwardAdjuncts(toks: readonly Tok[], p: number, hi: number, lemma: string): { next: number; addressee: [number, number] | null } {
  let addressee: [number, number] | null = null;
  if (lemma === 'point' && p < hi && toks[p].lower === 'out') p++;
  const start = p;
  if (ADDRESSEE_CUES.has(lemma) && p < hi && toks[p].lower !== 'that') {
    const np = npAfter(toks, p, hi);
    if (np && toks[p].pos !== 'PRON') {
      addressee = np;
      p = np[1];
    } else if (np && toks[p].pos === 'PRON' && ['him', 'her', 'them', 'us', 'me'].includes(toks[p].lower)) {
      addressee = np;
      p = np[1];
    }
  }
  // reporters/journalists after "to": "said to reporters"
  for (let guard = 0; guard < 6 && p < hi; guard++) {
    const t = toks[p];
    if (isTimeWord(t)) {
      if (p + 1 < hi && isPossessive(toks[p + 1])) break;
      p++;
      continue;
    }
    if (['on', 'in', 'at', 'during', 'via', 'through', 'to', 'late', 'early', 'last', 'this'].includes(t.lower)) {
      const np = npAfter(toks, p + 1, hi);
      if (np && t.lower === 'to' && (addressee !== null || p !== start)) break;
      if (np) {
        if (t.lower === 'to') addressee = np;
        p = np[1];
        // "a post to Telegram", "a statement on X"
        continue;
      }
      if (['last', 'this'].includes(t.lower) && p + 1 < hi && /^(week|month|year|morning|afternoon|evening|night|weekend)$/.test(toks[p + 1].lower)) {
        p += 2;
        continue;
      }
    }
    break;
  }
  return { next: p, addressee };
}

export const PARTICIPLES_OK = new Set(['read', 'released', 'posted', 'published', 'issued', 'sent', 'given', 'made', 'shared', 'delivered', 'written', 'broadcast', 'aired']);

/** Position of a complementiser "that" soon after the cue with nothing clausal before it. */
export function thatAhead(toks: readonly Tok[], p: number, hi: number): number {
  for (let q = p; q < hi && q < p + 15; q++) {
    const t = toks[q];
    if (t.lower === 'that') return q;
    if (t.text === ',' || t.text === ';' || isQuoteMark(t) || isFinalPunct(t)) return -1;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !PARTICIPLES_OK.has(t.lower) && !isCapName(t)) return -1;
  }
  return -1;
}

export function hasClause(toks: readonly Tok[], a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX') return true;
  return false;
}

export const CONTRAST_OPENERS = new Set(['but', 'while', 'although', 'though', 'whereas']);

export const SUBORDINATORS = new Set(['when', 'as', 'after', 'because', 'if', 'while', 'although', 'though', 'since', 'before', 'unless', 'whereas']);

export const BUT_ADDED = new Set(['added', 'adding', 'noted', 'noting', 'said', 'saying', 'warned', 'warning', 'stressed', 'insisted', 'acknowledged', 'conceded', 'argued', 'arguing', 'explained', 'explaining', 'suggested', 'suggesting']);

export function trimContent(toks: readonly Tok[], a: number, b: number): [number, number] {
  while (b > a && (toks[b - 1].text === ',' || toks[b - 1].text === ';' || toks[b - 1].text === ':' || toks[b - 1].text === '—' || isFinalPunct(toks[b - 1]))) b--;
  while (a < b && (toks[a].text === ',' || toks[a].text === ';' || toks[a].text === ':' || toks[a].text === '—')) a++;
  // a leading dateline "(NEW YORK) —" is not part of what was said
  if (a < b && toks[a].text === '(') {
    let c = a + 1;
    while (c < b && c < a + 8 && toks[c].text !== ')') c++;
    if (c + 1 < b && toks[c].text === ')' && (toks[c + 1].text === '—' || toks[c + 1].text === '-' || toks[c + 1].text === '–')) a = c + 2;
  }
  return [a, b];
}

/** A participle of PARTICIPLE_CUES ("pointing" only with "out"): a cue only where a participle clause can attribute. */
export function participleCueLemma(toks: readonly Tok[], k: number): string | null {
  const lemma = PARTICIPLE_CUES.get(toks[k].lower);
  if (!lemma || (lemma === 'point' && toks[k + 1]?.lower !== 'out')) return null;
  return lemma;
}

export function looseCueLemma(toks: readonly Tok[], k: number, withBeliefs: boolean): string | null {
  const lemma = SPEECH_CUES.get(toks[k].lower) ?? (withBeliefs ? BELIEF_CUES.get(toks[k].lower) : undefined);
  if (!lemma || (lemma === 'point' && toks[k + 1]?.lower !== 'out')) return null;
  return lemma;
}

/** The subject of the main clause before token `end`: the noun phrase before its first finite verb. */
export function clauseSubject(toks: readonly Tok[], sa: number, end: number): [number, number] | null {
  for (let v = sa + 1; v < end; v++) {
    if (toks[v].pos !== 'VERB' && toks[v].pos !== 'AUX') continue;
    const j = skipBackAdverbials(toks, v, sa);
    const np = npBefore(toks, j + 1, sa);
    return np && clauseInitial(toks, np[0], sa) ? np : null;
  }
  return null;
}

/** A finite verb (an auxiliary, or a verb not in -ing/-ed/-en form) in toks[a, b). */
export function hasClauseFinite(toks: readonly Tok[], a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (toks[q].pos === 'AUX' || (toks[q].pos === 'VERB' && !/(?:ing|ed|en)$/.test(toks[q].lower))) return true;
  return false;
}

/**
 * toks[a, b) reads as a description of the name before it: an indefinite noun phrase ("a longtime ally who …"),
 * an age, or a noun phrase whose first verb belongs to a relative clause ("the group's founder, who …").
 */
export function appositionAfter(toks: readonly Tok[], a: number, b: number): boolean {
  // an empty rest (", the ministry ," at the text's end) is no apposition
  if (a >= b || a >= toks.length) return false;
  const first = toks[a];
  if (first.lower === 'a' || first.lower === 'an' || first.pos === 'NUM') return true;
  for (let q = a; q < b; q++) {
    if (RELATIVES.has(toks[q].lower)) return q > a;
    if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX' || toks[q].text === ',' || inQuoteLike(toks[q])) return false;
  }
  return false;
}

export function inQuoteLike(t: Tok): boolean {
  return isQuoteMark(t) || isFinalPunct(t);
}

/**
 * After an inverted speaker ending at `p`: a prepositional phrase or relative clause describing the speaker
 * ("of the CORE Teachers", "who built his career there") up to a comma or the sentence end, with no quotation
 * in it. Returns where that tail ends, or -1 when the words after the speaker are not such a tail.
 */
export function speakerTailEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, p: number, hi: number): number {
  if (!(toks[p].pos === 'ADP' || RELATIVES.has(toks[p].lower) || toks[p].lower === 'that')) return -1;
  let e = p;
  while (e < hi && toks[e].text !== ',' && !isFinalPunct(toks[e])) {
    if (inQuote[e] >= 0 || isQuoteMark(toks[e]) || e - p > 25) return -1;
    e++;
  }
  return e;
}

/** toks[a, b) opens with a preposition or an -ing participle and has no finite verb and no quotation. */
export function isFrontedAdverbial(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): boolean {
  const first = toks[a];
  if (!(first.pos === 'ADP' || (first.pos === 'VERB' && first.lower.endsWith('ing')))) return false;
  for (let q = a; q < b; q++) {
    if (inQuote[q] >= 0 || toks[q].pos === 'AUX') return false;
    // "As a woman, Ms. Malik likely raised less suspicion, X said": a clause with its own subject follows the adverbial
    if (toks[q].text === ',' && q + 1 < b && subjectClauseAt(toks, q + 1, b)) return false;
    if (toks[q].pos === 'VERB' && !/(?:ing|ed|en)$/.test(toks[q].lower)) return false;
  }
  return true;
}

/**
 * "Hawkins and others who want to ban abortion said": the noun phrase before a relative clause that has its
 * own verb and ends right before the cue at `end` (no comma between); null when there is none.
 */
export function relativeSubject(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
  let verb = false;
  for (let w = end - 1; w > lo && w >= end - 16; w--) {
    const t = toks[w];
    if (t.text === ',' || isFinalPunct(t) || isQuoteMark(t)) return null;
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = true;
    if (t.lower === 'who' && verb) {
      const np = npBeforeSimple(toks, w, lo);
      return np && clauseInitial(toks, np[0], lo) && toks[np[1] - 1].pos !== 'PRON' ? np : null;
    }
  }
  return null;
}

/** A clause starts at p: a subject (pronoun, name, determiner phrase) followed by a verb within a few tokens. */
export function subjectClauseAt(toks: readonly Tok[], p: number, hi: number): boolean {
  const t = toks[p];
  if (!(t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'ADJ')) return false;
  for (let q = p + 1; q < hi && q < p + 8; q++) {
    if (toks[q].pos === 'AUX' || toks[q].pos === 'VERB') return true;
    if (toks[q].text === ',') return false;
  }
  return false;
}

export function isTimePhrase(toks: readonly Tok[], range: [number, number]): boolean {
  let head = false;
  for (let i = range[0]; i < range[1]; i++) {
    const t = toks[i];
    if (TIME_HEADS.has(t.lower)) head = true;
    else if (!TIME_MODIFIERS.has(t.lower) && t.pos !== 'NUM') return false;
  }
  return head;
}

/**
 * The name in an appositive speaker phrase: "Muhammad Babar, a spokesman for the center" → "Muhammad Babar";
 * "the Vatican spokesman, Federico Lombardi" → "Federico Lombardi". Other phrases are kept whole.
 */
export function nameOfAppositive(toks: readonly Tok[], range: [number, number]): [number, number] {
  const [a, b] = range;
  for (let c = a + 1; c < b - 1; c++) {
    if (toks[c].text !== ',') continue;
    if (toks[c - 1].pos === 'PROPN' || isCapName(toks[c - 1])) return [a, c];
    let e = c + 1;
    while (e < b && toks[e].text !== ',') e++;
    if (toks[c + 1].pos === 'PROPN' && (toks[e - 1].pos === 'PROPN' || isCapName(toks[e - 1]))) return [c + 1, e];
    return range;
  }
  return range;
}
