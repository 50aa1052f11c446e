/**
 * `quotes`: who said what. Direct quotes (quotation marks, multi-paragraph, interrupted by the
 * attribution), partial quotes inside reported speech, and indirect speech ("X said …", "…, X said",
 * "according to X"), each with its speaker span, cue, addressee, medium and date phrase.
 *
 * Rules over wink's tokens and POS (no parser): a quotation-mark scan finds quoted spans; an
 * attribution clause is a speaker noun phrase next to a cue verb (lexicon.ts). Speakers are then
 * resolved to entities by speaker.ts (names via mentions, pronouns and nominals to earlier speakers).
 */
import type { Article } from '../core/article.js';
import type { Span } from '../core/article.js';
import type { Layers, Quote, Sentence, TimeExpr } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import type { LogisticModel } from '../events/logistic.js';
import {
  ADDRESSEE_CUES,
  ATTRIBUTION_ADVERBS,
  BELIEF_CUES,
  DOCUMENT_HEADS,
  MEDIUM_RE,
  MONTHS,
  PRONOUNS,
  SPEECH_CUES,
  TIME_HEADS,
  TIME_MODIFIERS,
  WEAK_CUES,
  WEEKDAYS,
} from './lexicon.js';
import { askedQuotes } from './asked.js';
import { keepDecides, keepFeatures, keepModel, keepScore } from './keep.js';
import { recallFeatures, recallModel, recallScore, type RecallCandidate } from './recall.js';
import { resolveSpeakers, type RawSpeaker } from './speaker.js';
import { spanTagFeatures, tagContextFor, taggerModel } from './tagger.js';
import { firstAtOrAfter, sharedTokens, type Tok } from './tokens.js';

// ---------------------------------------------------------------- tokens

export type { Tok } from './tokens.js';

const OPEN_MARKS = new Set(['“', '„', '«']);
const CLOSE_MARKS = new Set(['”', '»']);

function isQuoteMark(t: Tok): boolean {
  return t.text === '“' || t.text === '”' || t.text === '"' || t.text === '„' || t.text === '«' || t.text === '»' || t.text === "''";
}

function isFinalPunct(t: Tok): boolean {
  return t.text === '.' || t.text === '!' || t.text === '?' || t.text === '...' || t.text === '…';
}

// ---------------------------------------------------------------- quotation-mark spans

/** A quoted span, marks included: `[start, end)`; `closed` false when the paragraph ended first. */
export interface MarkedSpan extends Span {
  closed: boolean;
  /** Paragraph index where it opens. */
  paragraph: number;
}

function isOpeningContext(text: string, at: number, lineStart: number): boolean {
  if (at <= lineStart) return true;
  const prev = text.charCodeAt(at - 1);
  // space, tab, ( [ — – - / and newline before a straight mark → it opens
  return prev === 32 || prev === 9 || prev === 10 || prev === 40 || prev === 91 || prev === 0x2014 || prev === 0x2013 || prev === 45 || prev === 47 || prev === 0xa0;
}

/**
 * Pairs quotation marks paragraph by paragraph. A quote still open at the end of a paragraph continues
 * into the next one when that paragraph opens with a mark (the news convention for multi-paragraph
 * quotes); otherwise it ends with its paragraph.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): MarkedSpan[] {
  const out: MarkedSpan[] = [];
  let openAt = -1;
  let openPara = -1;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    let i = para.start;
    if (openAt >= 0) {
      const first = text[para.start];
      if (OPEN_MARKS.has(first) || first === '"' || text.startsWith("''", para.start)) {
        i = para.start + (first === "'" ? 2 : 1); // continuation mark
      } else {
        out.push({ start: openAt, end: paragraphs[p - 1].end, closed: false, paragraph: openPara });
        openAt = -1;
      }
    }
    for (; i < para.end; i++) {
      const code = text.charCodeAt(i);
      // only quotation marks matter: “ ” „ « » " and ''
      if (code !== 0x201c && code !== 0x201d && code !== 0x201e && code !== 0xab && code !== 0xbb && code !== 34 && code !== 39) continue;
      const c = text[i];
      if (OPEN_MARKS.has(c)) {
        if (openAt >= 0 && openPara === p) {
          // a second opening inside an open quote: treat the first as unclosed up to here
          out.push({ start: openAt, end: trimEnd(text, openAt, i), closed: false, paragraph: openPara });
        } else if (openAt >= 0) {
          out.push({ start: openAt, end: paragraphs[p - 1].end, closed: false, paragraph: openPara });
        }
        openAt = i;
        openPara = p;
      } else if (CLOSE_MARKS.has(c)) {
        if (openAt >= 0) {
          out.push({ start: openAt, end: i + 1, closed: true, paragraph: openPara });
          openAt = -1;
        }
      } else if (c === '"' || (c === "'" && text[i + 1] === "'")) {
        // straight marks, and the doubled apostrophe some wires (NYT) use for them
        const width = c === '"' ? 1 : 2;
        if (openAt < 0) {
          if (isOpeningContext(text, i, para.start)) {
            openAt = i;
            openPara = p;
          }
        } else {
          out.push({ start: openAt, end: i + width, closed: true, paragraph: openPara });
          openAt = -1;
        }
        i += width - 1;
      }
    }
  }
  if (openAt >= 0 && paragraphs.length > 0) {
    out.push({ start: openAt, end: paragraphs[paragraphs.length - 1].end, closed: false, paragraph: openPara });
  }
  return out.filter((q) => q.end - q.start >= 3);
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

// ---------------------------------------------------------------- noun phrases

const NP_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM']);
const NP_LINKS = new Set(['of', 'for', 'at', 'in', 'from', 'to']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'one', 'two', 'three', 'several', 'some', 'many', 'both', 'another', 'other', 'this', 'that', 'these', 'those', 'each', 'every', 'most', 'all', 'few', 'no', 'senior', 'top']);

/** Words that open a relative clause. */
const RELATIVES = new Set(['who', 'whose', 'whom', 'which', 'where']);

function isPossessive(t: Tok): boolean {
  return t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’';
}

/** A capitalised word the tagger misread as a verb or noun ("Sue", "Mark") still belongs to a name. */
function isCapName(t: Tok): boolean {
  const c = t.text.charCodeAt(0);
  return c >= 65 && c <= 90 && (t.pos === 'VERB' || t.pos === 'X' || t.pos === 'INTJ') && !SPEECH_CUES.has(t.lower);
}

function isNpToken(t: Tok): boolean {
  if (NP_POS.has(t.pos) || isCapName(t)) return true;
  if (isPossessive(t)) return true;
  if (t.text === '-' || t.text === '.' || t.text === '&') return true;
  return false;
}

function isNominal(t: Tok): boolean {
  return t.pos === 'PROPN' || t.pos === 'NOUN' || isPossessive(t);
}

/**
 * "Chris Cox, who runs the NRA's lobbying arm, says" / "Muhammad Babar, a spokesman for …, says": the cue
 * follows a comma that closes an appositive or relative clause; the speaker is the name before it.
 */
function appositiveBefore(toks: readonly Tok[], comma: number, lo: number): [number, number] | null {
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

const APPOSITION_ADVERBS = new Set(['long', 'once', 'now', 'formerly', 'also', 'still', 'himself', 'herself', 'itself', 'themselves', 'then']);

/** Tokens and inner commas an apposition between a speaker and its cue may span. */
const APPOSITION_MAX_TOKENS = 40;
const APPOSITION_MAX_COMMAS = 3;

/** The speaker when the comma at `c` opens the apposition that the comma at `comma` closes. */
function appositionAt(toks: readonly Tok[], c: number, comma: number, lo: number): [number, number] | null {
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
function pureName(toks: readonly Tok[], a: number, b: number): boolean {
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
function clauseInitial(toks: readonly Tok[], at: number, lo: number): boolean {
  if (at <= lo) return true;
  const prev = toks[at - 1];
  return prev.text === ',' || prev.text === ':' || prev.text === ';' || prev.text === '—' || prev.text === '(' || isQuoteMark(prev) || prev.pos === 'CCONJ' || prev.pos === 'SCONJ' || prev.pos === 'ADV';
}

const DASHES = new Set(['—', '–', '--']);

/** Tokens a content may be extended by to reach the close of a quotation it opened. */
const QUOTE_RUN_MAX_TOKENS = 200;

function npBefore(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
  if (end - 1 >= lo && toks[end - 1].text === ',') return appositiveBefore(toks, end - 1, lo) ?? nameBeforeParenthesis(toks, end - 1, lo);
  if (end - 1 >= lo && DASHES.has(toks[end - 1].text)) return dashAppositionBefore(toks, end - 1, lo);
  // "Mr. Manafort, citing ''the unique magic of Trump,'' said": the appositive's comma sits inside the quote
  if (end - 2 >= lo && isQuoteMark(toks[end - 1]) && toks[end - 2].text === ',') return appositiveBefore(toks, end - 2, lo);
  return npBeforeSimple(toks, end, lo);
}

/** "Many speakers at the service — including Muslims, Christians and Jews — said": the subject before a dashed aside. */
function dashAppositionBefore(toks: readonly Tok[], dash: number, lo: number): [number, number] | null {
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
function nameBeforeParenthesis(toks: readonly Tok[], comma: number, lo: number): [number, number] | null {
  if (comma - 1 < lo || toks[comma - 1].text !== ')') return null;
  let open = comma - 2;
  while (open >= lo && open > comma - 10 && toks[open].text !== '(') open--;
  if (open <= lo || toks[open].text !== '(' || toks[open - 1].pos !== 'PROPN') return null;
  const name = npBeforeSimple(toks, open, lo);
  return name && clauseInitial(toks, name[0], lo) ? name : null;
}

const DROP = 'drop' as const;

/**
 * "The town released a statement Wednesday saying …", "issued a statement saying, “…”": a document made by
 * the subject of the verb before it speaks for that subject; with no subject found, nobody is named.
 */
function speakerOfDocument(toks: readonly Tok[], np: [number, number] | null, lo: number): [number, number] | null | typeof DROP {
  if (!np || !DOCUMENT_HEADS.has(toks[np[1] - 1].lower)) return np;
  const v = np[0] - 1;
  if (v < lo || toks[v].pos !== 'VERB' || SPEECH_CUES.has(toks[v].lower)) return np;
  const j = skipBackAdverbials(toks, v, lo);
  const subject = npBefore(toks, j + 1, lo);
  return subject && clauseInitial(toks, subject[0], lo) && !DOCUMENT_HEADS.has(toks[subject[1] - 1].lower) ? subject : DROP;
}

const BARE_QUANTIFIERS = new Set(['many', 'some', 'most', 'several', 'others', 'both']);

/** The noun phrase that ends right before token `end` (exclusive), not reaching below `lo`. */
function npBeforeSimple(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
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
const SOURCE_MAX_TOKENS = 15;

/**
 * The source after "according to": the noun phrase there, or, when the tagger breaks it ("state/VERB
 * records", "the most recent data available from the FBI"), the words up to the next comma, quotation
 * mark or sentence end, when they hold a noun or name.
 */
function sourceAfter(toks: readonly Tok[], start: number, hi: number): [number, number] | null {
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
function npAfter(toks: readonly Tok[], start: number, hi: number): [number, number] | null {
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

interface Attribution {
  speaker: [number, number] | null;
  cue: [number, number];
  lemma: string;
  addressee: [number, number] | null;
  /** Token range of the whole attribution clause, for medium/date lookup. */
  clause: [number, number];
}

function cueLemma(toks: readonly Tok[], k: number, withBeliefs: boolean, afterQuote = false): string | null {
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
    if (!counted && !/(?:s|ed)$/.test(t.lower)) return null;
    const subj = prev.pos === 'PROPN' || (prev.pos === 'PRON' && PRONOUNS.has(prev.lower)) || counted;
    const comp = counted || next.lower === 'that' || next.text === ':' || isQuoteMark(next) || (afterQuote && (isFinalPunct(next) || next.text === ','));
    if (!subj || !comp) return null;
  }
  const lemma = SPEECH_CUES.get(t.lower);
  if (lemma === 'point') return toks[k + 1]?.lower === 'out' ? lemma : null;
  if (lemma) return lemma;
  if (withBeliefs) return BELIEF_CUES.get(t.lower) ?? null;
  return null;
}

function isTimeWord(t: Tok): boolean {
  return WEEKDAYS.has(t.lower) || t.lower === 'yesterday' || t.lower === 'today' || t.lower === 'tonight' || t.lower === 'earlier' || t.lower === 'later';
}

/** Skip backwards over adverbs and date phrases between a speaker and its cue ("on Wednesday also"). */
/** "Ford itself said", "voters overall said": words between a subject and its cue that are no part of either. */
const REFLEXIVES = new Set(['itself', 'himself', 'herself', 'themselves', 'overall', 'alone']);

/** Verbs that carry a speech verb on ("went on to say", "continued to insist", "was quick to add"). */
const GO_ON = new Set(['went', 'go', 'goes', 'going', 'gone']);
const CONTINUE_TO = new Set(['continued', 'continues', 'continue', 'proceeded', 'proceeds', 'hastened', 'hastens']);
const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been']);

/** "went on to say", "continued to insist", "was quick to add" starting at i: the index of the speech verb, or -1. */
function goOnCue(toks: readonly Tok[], i: number, hi: number): number {
  const t = toks[i];
  if (!t) return -1;
  let k = -1;
  if (GO_ON.has(t.lower) && toks[i + 1]?.lower === 'on' && toks[i + 2]?.lower === 'to') k = i + 3;
  else if (CONTINUE_TO.has(t.lower) && toks[i + 1]?.lower === 'to') k = i + 2;
  else if (BE_FORMS.has(t.lower) && (toks[i + 1]?.lower === 'quick' || toks[i + 1]?.lower === 'careful' || toks[i + 1]?.lower === 'eager') && toks[i + 2]?.lower === 'to') k = i + 3;
  return k >= 0 && k < hi && SPEECH_CUES.has(toks[k].lower) ? k : -1;
}

function skipBackAdverbials(toks: readonly Tok[], k: number, lo: number): number {
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
function skipForwardAdjuncts(toks: readonly Tok[], p: number, hi: number, lemma: string): { next: number; addressee: [number, number] | null } {
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

const PARTICIPLES_OK = new Set(['read', 'released', 'posted', 'published', 'issued', 'sent', 'given', 'made', 'shared', 'delivered', 'written', 'broadcast', 'aired']);

/** Position of a complementiser "that" soon after the cue with nothing clausal before it. */
function thatAhead(toks: readonly Tok[], p: number, hi: number): number {
  for (let q = p; q < hi && q < p + 15; q++) {
    const t = toks[q];
    if (t.lower === 'that') return q;
    if (t.text === ',' || t.text === ';' || isQuoteMark(t) || isFinalPunct(t)) return -1;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !PARTICIPLES_OK.has(t.lower) && !isCapName(t)) return -1;
  }
  return -1;
}

function hasClause(toks: readonly Tok[], a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX') return true;
  return false;
}

// ---------------------------------------------------------------- extraction

export interface RawQuote {
  start: number;
  end: number;
  kind: Quote['kind'];
  speaker: [number, number] | null;
  cue: [number, number] | null;
  lemma: string | null;
  addressee: [number, number] | null;
  clause: [number, number] | null;
  confidence: number;
  /** Inherit speaker and cue from another raw quote (continuations). */
  inheritFrom?: RawQuote;
  /** The statement this one continues ("…, but added that …"): date and medium carry over. */
  parent?: RawQuote;
}

export interface ExtractOptions {
  /** Also extract belief/stance attributions ("X believes that …"). Default true. */
  beliefs?: boolean;
  /** The learned recall pass (recall.ts): on by default, when its model file is present. */
  recall?: boolean;
  /** Training: every recall candidate goes here with its features, and none is kept. */
  onRecallCandidate?: (quote: RawQuote, features: string[]) => void;
  /** Training: this recall model instead of the shipped one. */
  recallModel?: LogisticModel;
  /** The learned keep decision (keep.ts): on by default, when its model file is present. */
  keep?: boolean;
  /** Training: every produced quote goes here with its keep features, and the keep decision is off. */
  onKeepCandidate?: (quote: Quote, features: string[]) => void;
  /** This content tagger (tagger.ts) instead of the shipped one (none is shipped: see tagger.ts); null: no tagger features. */
  taggerModel?: LogisticModel | null;
}

function taggerOf(options: ExtractOptions): LogisticModel | null {
  return options.taggerModel === undefined ? taggerModel() : options.taggerModel;
}

interface Ctx {
  text: string;
  toks: Tok[];
  sentences: readonly Sentence[];
  /** Token index range per sentence. */
  sentTok: Array<[number, number]>;
  /** For each token, index of the marked span containing it, or -1. */
  inQuote: Int32Array;
  used: Uint8Array;
}

function buildTokens(text: string, layers: Readonly<Layers>): Tok[] {
  return sharedTokens(text, layers.tokens ?? []);
}

function isStandalone(text: string, q: MarkedSpan, paraStart: number): boolean {
  if (q.start === paraStart) return true;
  let i = q.start - 1;
  // any white space, the no-break space many web pages put before a quotation mark included
  while (i > paraStart && (text[i] === ' ' || text[i] === '\u00a0' || text[i] === '\t')) i--;
  const c = text[i];
  const inner = text.slice(q.start + 1, Math.min(q.end, q.start + 3));
  if (c === '.' || c === '!' || c === '?') return /^[A-Z0-9‘'"…]/.test(inner) && !/(?:^|[\s.])[A-Z]\.$/.test(text.slice(Math.max(paraStart, i - 3), i + 1));
  if (c === ':' || c === '—' || c === '(') return true;
  // a typewriter dash (" - ", " – ", " -- ") before the quotation mark, as in NYT copy
  if ((c === '-' || c === '–' || c === '―') && (text[i - 1] === ' ' || text[i - 1] === '-')) return true;
  if (c === ',') return /^[A-Z0-9‘'"]/.test(inner) || /\b(?:said|says|say|told|added|asked|wrote|declared|stated|replied|explained)\s*,\s*$/i.test(text.slice(Math.max(paraStart, i - 12), i + 1));
  return false;
}

/** Characters an attribution clause between the two halves of an interrupted quote may take. */
const INTERRUPTION_MAX_CHARS = 120;

/**
 * “Word is,” Trump said last month on Twitter, “that Ford Motor …”: a quote opening in lower case resumes the
 * quote before it when only a short clause with a speech cue, ending in a comma, lies between them.
 */
function resumesInterrupted(text: string, prev: MarkedSpan | null, q: MarkedSpan): boolean {
  if (!prev || !prev.closed || prev.paragraph !== q.paragraph || !continuesAfter(text, prev)) return false;
  const gap = text.slice(prev.end, q.start);
  if (gap.length > INTERRUPTION_MAX_CHARS || !/,\s*$/.test(gap) || /[.!?;:“”"]/.test(gap.replace(/\b(?:[A-Z][a-z]?|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St)\./g, ''))) return false;
  return gap.split(/[^\p{L}']+/u).some((w) => SPEECH_CUES.has(w.toLowerCase()));
}

/** Ends with a comma/question/exclamation/dash inside the marks: the sentence goes on after the quote. */
function continuesAfter(text: string, q: MarkedSpan): boolean {
  if (!q.closed) return false;
  let e = text.startsWith("''", q.end - 2) ? q.end - 3 : q.end - 2;
  while (e > q.start && (text[e] === '’' || text[e] === "'" || text[e] === ' ' || text[e] === '\u00a0')) e--;
  const c = text[e];
  return c !== '.' && c !== '…';
}

export function extractRawQuotes(text: string, layers: Readonly<Layers>, options: ExtractOptions = {}): { raw: RawQuote[]; toks: Tok[] } {
  const withBeliefs = options.beliefs ?? true;
  const toks = buildTokens(text, layers);
  const paragraphs = layers.paragraphs ?? [];
  const sentences = layers.sentences ?? [];
  const sentTok: Array<[number, number]> = sentences.map(() => [0, 0]);
  {
    let i = 0;
    for (let s = 0; s < sentences.length; s++) {
      while (i < toks.length && toks[i].sentence < s) i++;
      const a = i;
      while (i < toks.length && toks[i].sentence === s) i++;
      sentTok[s] = [a, i];
    }
    // "Rep. Hank Johnson (D-Ga.) said …": a split after an abbreviation's period inside parentheses, before a
    // lower-case word, is no sentence end; the attribution loops see one sentence (the later one is left empty)
    for (let s = 1; s < sentences.length; s++) {
      const [a, b] = sentTok[s];
      const [pa, pb] = sentTok[s - 1];
      if (b > a && pb === a && pb - pa >= 2 && toks[a - 1].text === ')' && toks[a - 2].text.endsWith('.') && /^[a-z]/.test(toks[a].text)) {
        sentTok[s - 1] = [pa, b];
        sentTok[s] = [b, b];
      }
    }
  }
  const marked = findQuotedSpans(text, paragraphs);
  const inQuote = new Int32Array(toks.length).fill(-1);
  const qTok: Array<[number, number]> = [];
  for (let m = 0; m < marked.length; m++) {
    const a = firstAtOrAfter(toks, marked[m].start);
    const b = firstAtOrAfter(toks, marked[m].end);
    qTok.push([a, b]);
    for (let i = a; i < b; i++) inQuote[i] = m;
  }
  const ctx: Ctx = { text, toks, sentences, sentTok, inQuote, used: new Uint8Array(toks.length) };
  const raw: RawQuote[] = [];

  // ---- direct quotes
  const paraOf = (offset: number): (typeof paragraphs)[number] => {
    let lo = 0;
    let hi = paragraphs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (paragraphs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return paragraphs[lo];
  };
  const standalone: boolean[] = marked.map((q, m) => isStandalone(text, q, paraOf(q.start).start) || resumesInterrupted(text, m > 0 ? marked[m - 1] : null, q));
  const unattributed: RawQuote[] = [];
  for (let m = 0; m < marked.length; m++) {
    if (!standalone[m]) continue;
    const q = marked[m];
    const [qa, qb] = qTok[m];
    const para = paraOf(q.start);
    let attribution: Attribution | null = null;
    // after the quote: “…,” Peskov told reporters.
    const after = afterClause(ctx, qb, paraOf(q.end - 1).end);
    if (after && (continuesAfter(text, q) || /^[a-z]/.test(toks[after[0]]?.text ?? ''))) {
      attribution = parseClause(ctx, after[0], after[1], withBeliefs) ?? (continuesAfter(text, q) ? shapeAfter(ctx, after[0], after[1], text[q.end - 2]) : null);
    }
    // before the quote: Leavitt said, “…”
    if (!attribution) {
      const lo = beforeLimit(ctx, qa, para.start, qTok, m);
      attribution = parseLeadIn(ctx, lo, qa, withBeliefs) ?? colonLeadIn(ctx, lo, qa);
    }
    const rq: RawQuote = {
      start: q.start,
      end: q.end,
      kind: 'direct',
      speaker: attribution?.speaker ?? null,
      cue: attribution?.cue ?? null,
      lemma: attribution?.lemma ?? null,
      addressee: attribution?.addressee ?? null,
      clause: attribution?.clause ?? null,
      confidence: attribution ? 0.9 : 0.5,
    };
    if (attribution) {
      for (let i = attribution.clause[0]; i < attribution.clause[1]; i++) ctx.used[i] = 1;
    } else {
      // lead-in closing the previous paragraph: "Cruz continued:" ¶ “…”
      const pIndex = para.index;
      if (q.start === para.start && pIndex > 0 && /[:,]$/.test(text.slice(paragraphs[pIndex - 1].start, paragraphs[pIndex - 1].end))) {
        const prevPara = paragraphs[pIndex - 1];
        const pe = firstAtOrAfter(toks, prevPara.end);
        const lo = Math.max(firstAtOrAfter(toks, prevPara.start), beforeLimit(ctx, pe, prevPara.start, qTok, m));
        const lead = parseLeadIn(ctx, lo, pe, withBeliefs);
        if (lead) {
          rq.speaker = lead.speaker;
          rq.cue = lead.cue;
          rq.lemma = lead.lemma;
          rq.addressee = lead.addressee;
          rq.clause = lead.clause;
          rq.confidence = 0.85;
          for (let i = lead.clause[0]; i < lead.clause[1]; i++) ctx.used[i] = 1;
        }
      }
      if (!rq.speaker) {
        const sign = signOffAfter(ctx, q, paraOf(q.end - 1), paragraphs);
        if (sign) {
          rq.speaker = sign.speaker;
          rq.cue = sign.cue;
          rq.lemma = 'say';
          rq.clause = sign.clause;
          rq.confidence = 0.8;
        }
      }
    }
    if (!rq.speaker) unattributed.push(rq);
    raw.push(rq);
  }

  // ---- indirect speech and partial quotes, sentence by sentence
  for (let s = 0; s < sentences.length; s++) {
    const [sa, sb] = sentTok[s];
    if (sb <= sa) continue;
    extractIndirect(ctx, sa, sb, withBeliefs, raw, marked, standalone);
  }
  questionsPass(ctx, raw);
  recallPass(ctx, raw, options);

  // continuations: an unattributed quote takes the nearest earlier attribution in its paragraph, or, when
  // it opens its paragraph, the last one of the paragraph before; failing both, a quote right after it
  // in the same paragraph (“A.” “B,” he said.)
  raw.sort((x, y) => x.start - y.start);
  const position = new Map<RawQuote, number>();
  raw.forEach((r, n) => position.set(r, n));
  unattributed.sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0));
  // one forward sweep: `lastAttributed` is the latest raw quote before the current one that has a speaker
  // or inherits one (earlier unattributed quotes are settled before the sweep passes them)
  let sweep = 0;
  let lastAttributed = -1;
  let lastDirect = -1;
  const speakerText = (r: RawQuote): string | null => (r.speaker ? text.slice(toks[r.speaker[0]].start, toks[r.speaker[1] - 1].end).toLowerCase() : null);
  for (const rq of unattributed) {
    const para = paraOf(rq.start).index;
    let inherit: RawQuote | undefined;
    const at = position.get(rq) ?? 0;
    for (; sweep < at; sweep++) {
      if (!raw[sweep].speaker && raw[sweep].inheritFrom === undefined) continue;
      // a reported statement by a different speaker ends the run of the last direct quote's speaker
      if (raw[sweep].kind !== 'direct' && lastDirect >= 0 && speakerText(raw[sweep]) !== speakerText(raw[lastDirect])) lastDirect = -1;
      lastAttributed = sweep;
      if (raw[sweep].kind === 'direct' && raw[sweep].speaker) lastDirect = sweep;
    }
    if (lastAttributed >= 0) {
      let prev = raw[lastAttributed];
      // “A,” Clark said, noting that …. “B.”: B continues A (one attribution), not the participle's statement
      if (prev.kind !== 'direct' && lastDirect >= 0 && lastDirect < lastAttributed && paraOf(raw[lastDirect].start).index === paraOf(prev.start).index) {
        prev = raw[lastDirect];
      }
      const prevPara = paraOf(prev.end - 1).index;
      const sameSpeakerTurn = prevPara === para || (prevPara === para - 1 && rq.start === paragraphs[para].start);
      if (sameSpeakerTurn) {
        inherit = prev;
        rq.confidence = prevPara === para ? 0.8 : 0.6;
      }
    }
    if (!inherit) {
      const next = raw[at + 1];
      if (next && next.kind === 'direct' && next.speaker && paraOf(next.start).index === para && /^\s*$/.test(text.slice(rq.end, next.start))) {
        inherit = next;
        rq.confidence = 0.7;
      }
    }
    if (inherit) rq.inheritFrom = inherit;
    else previousSentenceSpeaker(ctx, rq);
  }

  // embedded quotes inside an indirect content → the content is a partial quote
  for (const rq of raw) {
    if (rq.kind !== 'indirect') continue;
    // marked spans are in text order (one open quote at a time)
    for (let m = firstAtOrAfter(marked, rq.start); m < marked.length && marked[m].start < rq.end; m++) {
      if (standalone[m]) continue;
      if (marked[m].start >= rq.start && marked[m].end <= rq.end) {
        rq.kind = 'partial';
        break;
      }
    }
  }
  raw.sort((x, y) => x.start - y.start || y.end - x.end);
  return { raw, toks };
}

/** Characters of a sign-off paragraph ("- Bernie Sanders."). */
const SIGN_OFF_MAX_CHARS = 80;

/**
 * A quote that closes its paragraph, signed in the next one by a dash and a name ("- Bernie Sanders."), as
 * fact-checks and quote cards print them: the name is the speaker, the dash the cue.
 */
function signOffAfter(
  ctx: Ctx,
  q: MarkedSpan,
  para: { start: number; end: number; index: number },
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
): Attribution | null {
  const { text, toks } = ctx;
  const next = paragraphs[para.index + 1];
  if (!next || next.end - next.start > SIGN_OFF_MAX_CHARS || text.slice(q.end, para.end).trim() !== '') return null;
  if (!/^[-—–]\s*\p{Lu}/u.test(text.slice(next.start, next.end))) return null;
  const dash = firstAtOrAfter(toks, next.start);
  const end = firstAtOrAfter(toks, next.end);
  const np = npAfter(toks, dash + 1, end);
  if (!np || toks[np[1] - 1].pos !== 'PROPN') return null;
  for (let i = np[1]; i < end; i++) if (!isFinalPunct(toks[i])) return null;
  return { speaker: np, cue: [dash, dash + 1], lemma: 'say', addressee: null, clause: [dash, end] };
}

/** Tokens after a quote up to the end of its sentence or the next quotation mark: the attribution slot. */
function afterClause(ctx: Ctx, from: number, paraEnd: number): [number, number] | null {
  const { toks } = ctx;
  let e = from;
  while (e < toks.length && toks[e].start < paraEnd && !isQuoteMark(toks[e]) && !isFinalPunct(toks[e]) && toks[e].text !== ';' && e - from < 40) e++;
  if (e === from) return null;
  return [from, e];
}

/** The earliest token a lead-in before quote `m` may use: after the last sentence end or previous quote. */
function beforeLimit(ctx: Ctx, qa: number, paraStart: number, qTok: Array<[number, number]>, m: number): number {
  const { toks } = ctx;
  let lo = qa;
  while (lo > 0 && toks[lo - 1].start >= paraStart) {
    const t = toks[lo - 1];
    if (isFinalPunct(t) || ctx.inQuote[lo - 1] >= 0) break;
    lo--;
  }
  if (m > 0 && qTok[m - 1][1] > lo && qTok[m - 1][1] <= qa) lo = qTok[m - 1][1];
  return lo;
}

/** Parse "NP CUE …", "CUE NP …" or "according to NP" inside [a, b). */
function parseClause(ctx: Ctx, a: number, b: number, withBeliefs: boolean): Attribution | null {
  const { toks } = ctx;
  let start = a;
  while (start < b && (toks[start].text === ',' || toks[start].text === '—')) start++;
  // “…,” an intelligence source, who was not authorized to speak, told Fox News: a relative clause's verbs are no cue
  let relative = false;
  for (let k = start; k < b && k < start + 30; k++) {
    if (toks[k].text === ',') {
      relative = !relative && k > start && k + 1 < b && RELATIVES.has(toks[k + 1].lower);
      continue;
    }
    if (relative) continue;
    const lemma = cueLemma(toks, k, withBeliefs, true);
    if (!lemma) continue;
    if (lemma === 'according to') {
      const np = sourceAfter(toks, k + 2, b);
      if (!np) return null;
      return { speaker: np, cue: [k, k + 2], lemma, addressee: null, clause: [start, b] };
    }
    if (k === start) {
      // inverted: said Peskov
      let p = k + 1;
      while (p < b && isTimeWord(toks[p])) p++;
      if (p < b && toks[p].lower === 'on') p++;
      while (p < b && isTimeWord(toks[p])) p++;
      const np = npAfter(toks, p, b);
      if (!np) return null;
      return { speaker: np, cue: [k, k + 1], lemma, addressee: null, clause: [start, b] };
    }
    const j = skipBackAdverbials(toks, k, start);
    const np = speakerOfDocument(toks, npBefore(toks, j + 1, start), start);
    if (np === DROP) return null;
    if (!np) {
      // “…” for Clinton, said Kunin.
      if (toks[k - 1].text !== ',') return null;
      const inv = npAfter(toks, k + 1, b);
      return inv ? { speaker: inv, cue: [k, k + 1], lemma, addressee: null, clause: [k, b] } : null;
    }
    const adj = skipForwardAdjuncts(toks, k + 1, b, lemma);
    return { speaker: np, cue: [k, k + 1], lemma, addressee: adj.addressee, clause: [np[0], b] };
  }
  return null;
}

/**
 * “…,” remembered Roy Verley. / “…,” the editorial read. / “…?” Beck questioned.: a quote that ends in a comma
 * (or ? !) followed by a bare clause of a verb and a noun phrase, in either order, and nothing but time words or a
 * prepositional adjunct before the sentence ends, is attributed by its shape whatever the verb. After ? or ! the
 * speaker must be a name, a pronoun or a determined phrase ("some protesters"; "“BERNIE!” chants erupted" is none).
 */
function shapeAfter(ctx: Ctx, a: number, b: number, lastChar: string): Attribution | null {
  const { toks } = ctx;
  let start = a;
  while (start < b && toks[start].text === ',') start++;
  if (start >= b) return null;
  const isVerb = (t: Tok | undefined): boolean => !!t && t.pos === 'VERB' && /(?:ed|s|ote|old|ang|ead|id|aid|oke|ew|ought|ave)$/.test(t.lower) && !t.lower.endsWith('ing');
  let speaker: [number, number] | null = null;
  let k = -1;
  if (isVerb(toks[start])) {
    k = start;
    speaker = npAfter(toks, start + 1, b);
  } else {
    const np = npAfter(toks, start, b);
    if (np && isVerb(toks[np[1]])) {
      speaker = np;
      k = np[1];
    }
  }
  if (!speaker || k < 0) return null;
  const head = toks[speaker[1] - 1];
  const named = head.pos === 'PROPN' || (head.pos === 'PRON' && PRONOUNS.has(head.lower));
  const determined = toks[speaker[0]].pos === 'DET' || DETERMINERS.has(toks[speaker[0]].lower);
  if (lastChar !== ',' && !named && !determined) return null;
  if (head.pos === 'PRON' && !PRONOUNS.has(head.lower)) return null;
  const rest = skipForwardAdjuncts(toks, Math.max(k + 1, speaker[1]), b, 'say').next;
  if (rest < b && toks[rest].text !== ',') return null;
  return { speaker, cue: [k, k + 1], lemma: toks[k].lower, addressee: null, clause: [start, rest] };
}

/** A lead-in ending in a cue right before a quote: "Leavitt said, “…”", "X said in a statement: “…”". */
function parseLeadIn(ctx: Ctx, lo: number, qa: number, withBeliefs: boolean): Attribution | null {
  const { toks } = ctx;
  let j = qa - 1;
  if (j < lo) return null;
  if (toks[j].text === ',' || toks[j].text === ':' || toks[j].text === '—') j--;
  // the cue may be followed by a few adjunct words ("said in a statement on X:")
  for (let k = j; k >= lo && k >= j - 8; k--) {
    const t = toks[k];
    if (t.text === ',' || isQuoteMark(t)) break;
    const lemma = cueLemma(toks, k, withBeliefs);
    if (lemma === 'according to') {
      const np = npAfter(toks, k + 2, qa);
      if (np) return { speaker: np, cue: [k, k + 2], lemma, addressee: null, clause: [k, qa] };
      return null;
    }
    if (k > lo && toks[k - 1].lower === 'according' && t.lower === 'to') continue;
    if (!lemma) continue;
    // the words between the cue and the quote must be adjuncts, not a clause
    if (hasClause(toks, k + 1, j + 1)) return null;
    const b = skipBackAdverbials(toks, k, lo);
    const np = participleSubject(toks, speakerOfDocument(toks, npBefore(toks, b + 1, lo), lo), lo);
    if (np === DROP) return null;
    if (!np) {
      // "said Peskov:" inverted lead-in; after "telling" or "told" the phrase is the addressee, never the speaker
      const inv = t.lower.endsWith('ing') || ADDRESSEE_CUES.has(lemma) ? null : npAfter(toks, k + 1, j + 1);
      if (inv) return { speaker: inv, cue: [k, k + 1], lemma, addressee: null, clause: [k, qa] };
      // "X said … but added, “…”" / "“…,” he said, adding, “…”": the subject of the clause the cue joins
      const joined = b >= lo && (toks[b].lower === 'and' || toks[b].lower === 'but' || (toks[b].text === ',' && t.lower.endsWith('ing')));
      const subject = joined ? (subjectOfEarlierCue(toks, lo, b, withBeliefs) ?? clauseSubject(toks, lo, b)) : null;
      if (subject && !isTimePhrase(toks, subject)) return { speaker: subject, cue: [k, k + 1], lemma, addressee: null, clause: [k, qa] };
      return null;
    }
    const adj = skipForwardAdjuncts(toks, k + 1, j + 1, lemma);
    return { speaker: np, cue: [k, k + 1], lemma, addressee: adj.addressee, clause: [np[0], qa] };
  }
  return null;
}

/**
 * "Another source speaking to Fox News said": the phrase before the cue is the object of a participle that
 * modifies the subject; the subject speaks, not the participle's object.
 */
function participleSubject<T>(toks: readonly Tok[], np: [number, number] | null | T, lo: number): [number, number] | null | T {
  if (!Array.isArray(np)) return np;
  const [a] = np as [number, number];
  if (a - 2 < lo || toks[a - 1].pos !== 'ADP' || toks[a - 2].pos !== 'VERB' || !toks[a - 2].lower.endsWith('ing')) return np;
  const subject = npBeforeSimple(toks, a - 2, lo);
  return subject && clauseInitial(toks, subject[0], lo) && toks[subject[1] - 1].pos !== 'PRON' ? subject : np;
}

/** The subject of the nearest cue before token `end` in [lo, end): "Lazar said … and added," → Lazar. */
function subjectOfEarlierCue(toks: readonly Tok[], lo: number, end: number, withBeliefs: boolean): [number, number] | null {
  for (let q = end - 1; q > lo; q--) {
    if (isQuoteMark(toks[q])) return null;
    if (!cueLemma(toks, q, withBeliefs) || toks[q].lower === 'according') continue;
    const j = skipBackAdverbials(toks, q, lo);
    let np = npBefore(toks, j + 1, lo);
    // "One official who relayed the exchange said …": the subject before the relative clause, not the verb's object
    if (np && np[0] > lo && toks[np[0] - 1].pos === 'VERB' && !isCapName(toks[np[0] - 1]) && !SPEECH_CUES.has(toks[np[0] - 1].lower)) np = relativeSubject(toks, j + 1, lo) ?? np;
    return np && !isTimePhrase(toks, np) ? np : null;
  }
  return null;
}

/**
 * Last resort for a quote with no attribution of its own: "Clinton touted her record. “We need …”" —
 * the named subject of the sentence right before it, in the same paragraph, is taken as the speaker.
 */
function previousSentenceSpeaker(ctx: Ctx, rq: RawQuote): void {
  const { toks, sentences, sentTok } = ctx;
  const qa = firstAtOrAfter(toks, rq.start);
  if (qa >= toks.length) return;
  const s = toks[qa].sentence;
  if (s === 0 || sentences[s - 1].paragraph !== sentences[s].paragraph) return;
  const [pa, pb] = sentTok[s - 1];
  if (pb <= pa || ctx.inQuote[pa] >= 0 || ctx.inQuote[pb - 1] >= 0) return;
  const subject = clauseSubject(toks, pa, pb);
  if (!subject || toks[subject[1] - 1].pos !== 'PROPN' || subject[1] - subject[0] > 6) return;
  let v = subject[1];
  while (v < pb && toks[v].pos !== 'VERB') v++;
  if (v >= pb) return;
  rq.speaker = subject;
  rq.cue = [v, v + 1];
  rq.lemma = toks[v].lower;
  rq.clause = [subject[0], v + 1];
  rq.confidence = 0.5;
}

/**
 * A lead-in closed by a colon with any verb: "Mr. Smith shot back: “…”", "Trump boomed: “…”", or a
 * transcript's "Clinton: “…”". The speaker is the clause's subject, the cue its verb.
 */
function colonLeadIn(ctx: Ctx, lo: number, qa: number): Attribution | null {
  const { toks } = ctx;
  const colon = qa - 1;
  if (colon < lo || (toks[colon].text !== ':' && toks[colon].text !== ',') || qa - lo > 40) return null;
  // "Clinton:" — a bare name
  const bare = npBefore(toks, colon, lo);
  if (toks[colon].text === ':' && bare && bare[0] === lo && toks[colon - 1].pos === 'PROPN') {
    return { speaker: bare, cue: [colon, colon + 1], lemma: 'say', addressee: null, clause: [lo, qa] };
  }
  // the verb nearest the quote whose subject opens its clause
  for (let v = colon - 1; v > lo; v--) {
    const t = toks[v];
    const misread = t.pos === 'NOUN' && toks[v - 1].pos === 'PROPN' && (toks[v + 1].pos === 'ADV' || toks[v + 1].text === ':');
    if ((t.pos !== 'VERB' && !misread) || ctx.used[v]) continue;
    const j = skipBackAdverbials(toks, v, lo);
    const np = npBefore(toks, j + 1, lo);
    if (!np || !clauseInitial(toks, np[0], lo) || PRONOUNS.get(toks[np[0]].lower) === 'self' || toks[np[0]].lower === 'who' || toks[np[0]].lower === 'it') continue;
    return { speaker: np, cue: [v, v + 1], lemma: t.lower, addressee: null, clause: [np[0], qa] };
  }
  return null;
}

/** After a comma, these open a clause that sets the writer's words against the reported content. */
const CONTRAST_OPENERS = new Set(['but', 'while', 'although', 'though', 'whereas']);

const SUBORDINATORS = new Set(['when', 'as', 'after', 'because', 'if', 'while', 'although', 'though', 'since', 'before', 'unless', 'whereas']);

const BUT_ADDED = new Set(['added', 'adding', 'noted', 'noting', 'said', 'saying', 'warned', 'warning', 'stressed', 'insisted', 'acknowledged', 'conceded', 'argued', 'arguing', 'explained', 'explaining', 'suggested', 'suggesting']);

function trimContent(toks: readonly Tok[], a: number, b: number): [number, number] {
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

function extractIndirect(
  ctx: Ctx,
  sa: number,
  sb: number,
  withBeliefs: boolean,
  raw: RawQuote[],
  marked: readonly MarkedSpan[],
  standalone: readonly boolean[],
): void {
  const { toks, used, inQuote } = ctx;
  interface Found {
    k: number;
    lemma: string;
    speaker: [number, number];
    addressee: [number, number] | null;
    /** 'after' content follows the cue; 'before' precedes the speaker. */
    mode: 'after' | 'before';
    contentStart: number;
    clauseEnd: number;
    /** Where the attribution clause starts when not at the speaker ("…, but added that …"). */
    clauseStart?: number;
    /** The statement this one continues ("…, but added that …"): its date and medium carry over. */
    parent?: Found;
    raw?: RawQuote;
  }
  /** The indirect quote toks[a, b) that `cur` attributes. */
  const indirect = (cur: Found, a: number, b: number, clause: [number, number], confidence: number): RawQuote => ({
    start: toks[a].start,
    end: toks[b - 1].end,
    kind: 'indirect',
    speaker: cur.speaker,
    cue: cur.lemma === 'according to' ? [cur.k, cur.k + 2] : [cur.k, cur.k + 1],
    lemma: cur.lemma,
    addressee: cur.addressee,
    clause,
    confidence,
  });
  const found: Found[] = [];
  // the sentence may begin after a standalone quote (“…,” X said. is handled already)
  for (let k = sa; k < sb; k++) {
    if (used[k] || inQuote[k] >= 0) continue;
    const lemma = cueLemma(toks, k, withBeliefs);
    if (!lemma) continue;
    const speech = lemma === 'according to' || SPEECH_CUES.has(toks[k].lower);
    if (lemma === 'according to') {
      const np = sourceAfter(toks, k + 2, sb);
      if (!np) continue;
      let first = sa;
      while (first < k && (toks[first].text === ',' || isQuoteMark(toks[first]))) first++;
      if (first === k) {
        // According to X, content.
        let c = np[1];
        while (c < sb && toks[c].text !== ',' && c < np[1] + 6) c++;
        // "According to Jack Kelly, writing for RealClearPolitics, the foundation …": past the source's description
        if (c + 1 < sb && toks[c].text === ',' && ((toks[c + 1].pos === 'VERB' && toks[c + 1].lower.endsWith('ing')) || toks[c + 1].pos === 'DET')) {
          let c2 = c + 2;
          while (c2 < sb && c2 < c + 16 && toks[c2].text !== ',' && !isFinalPunct(toks[c2])) c2++;
          if (c2 < sb && toks[c2].text === ',' && !hasClauseFinite(toks, c + 1, c2)) {
            for (let q = c + 1; q < c2; q++) used[q] = 1; // the description's own "writing" is no cue
            c = c2;
          }
        }
        if (c < sb && toks[c].text === ',') found.push({ k, lemma, speaker: np, addressee: null, mode: 'after', contentStart: c + 1, clauseEnd: c + 1 });
      } else {
        found.push({ k, lemma, speaker: np, addressee: null, mode: 'before', contentStart: sa, clauseEnd: np[1] });
      }
      continue;
    }
    const prev = k - 1 >= sa ? toks[k - 1] : null;
    // participial cue after a comma: "…, adding that …" / "…, noting only “…”" — speaker is the clause's subject
    if (prev && (prev.text === ',' || ['by', 'while', 'after', 'before', 'when'].includes(prev.lower)) && /ing$/.test(toks[k].lower)) {
      const subject = found.length > 0 ? found[found.length - 1].speaker : clauseSubject(toks, sa, k - 1);
      if (subject && (found.length > 0 || clauseInitial(toks, subject[0], sa))) {
        found.push({ k, lemma, speaker: subject, addressee: null, mode: 'after', contentStart: k + 1, clauseEnd: k + 1, clauseStart: k });
      } else if (found.length > 0) {
        found.push({ k, lemma, speaker: found[found.length - 1].speaker, addressee: null, mode: 'after', contentStart: k + 1, clauseEnd: k + 1, clauseStart: k });
      }
      continue;
    }
    const j = skipBackAdverbials(toks, k, sa);
    let np = speakerOfDocument(toks, npBefore(toks, j + 1, sa), sa);
    if (np === DROP) continue;
    // "Hawkins and others who want to ban abortion said …": the subject before a relative clause
    if (np && np[0] > sa && (toks[np[0] - 1].pos === 'VERB' || toks[np[0] - 1].pos === 'ADP') && !isCapName(toks[np[0] - 1]) && !SPEECH_CUES.has(toks[np[0] - 1].lower)) {
      np = relativeSubject(toks, j + 1, sa) ?? np;
    }
    if (!np) {
      // inverted: "…, said Russian Presidential Press Secretary Dmitry Peskov."
      if (prev && (prev.text === ',' || isQuoteMark(prev)) && speech) {
        let p = k + 1;
        while (p < sb && (isTimeWord(toks[p]) || toks[p].lower === 'on')) p++;
        const inv = npAfter(toks, p, sb);
        if (inv && (inv[1] >= sb || isFinalPunct(toks[inv[1]]) || toks[inv[1]].text === ',')) {
          found.push({ k, lemma, speaker: inv, addressee: null, mode: 'before', contentStart: sa, clauseEnd: inv[1] });
        } else if (inv && isQuoteMark(prev)) {
          // “…,” said Heiserman of the CORE Teachers. / said the man who built …: a tail describing the speaker
          const end = speakerTailEnd(toks, inQuote, inv[1], sb);
          if (end >= 0) found.push({ k, lemma, speaker: inv, addressee: null, mode: 'before', contentStart: sa, clauseEnd: end });
        }
      }
      continue;
    }
    if (np[0] > sa && toks[np[0] - 1].pos === 'ADP' && toks[np[0] - 1].lower !== 'to') continue; // "by officials said" fragments
    if (np[0] > sa && (toks[np[0] - 1].lower === 'who' || toks[np[0] - 1].lower === 'which')) continue;
    // "others who want to ban abortion said": a verb's object is not the subject of the cue
    if (np[0] > sa && toks[np[0] - 1].pos === 'VERB' && !isCapName(toks[np[0] - 1]) && !SPEECH_CUES.has(toks[np[0] - 1].lower)) continue;
    if (np[1] - np[0] === 1 && (toks[np[0]].lower === 'who' || toks[np[0]].lower === 'which') && (WEAK_CUES.has(lemma) || !speech)) continue;
    const adj = skipForwardAdjuncts(toks, k + 1, sb, lemma);
    let p = adj.next;
    const that = thatAhead(toks, k + 1, sb);
    const before = np[0] > sa && (toks[np[0] - 1].text === ',' || isQuoteMark(toks[np[0] - 1]));
    // how far the attribution tail runs: to the sentence end, or to a comma
    let tail = p;
    let tailQuoted = false;
    while (tail < sb && toks[tail].text !== ',' && !isFinalPunct(toks[tail])) {
      if (isQuoteMark(toks[tail])) tailQuoted = true;
      tail++;
    }
    const tailIsClause = tailQuoted || hasClause(toks, p, tail);
    if (that >= 0) p = that;
    if (before && (p >= sb || isFinalPunct(toks[p]) || toks[p].text === ',' || !tailIsClause) && that < 0) {
      found.push({ k, lemma, speaker: np, addressee: adj.addressee, mode: 'before', contentStart: sa, clauseEnd: tail });
      continue;
    }
    if (p >= sb || isFinalPunct(toks[p])) continue;
    if (toks[p].text === ',' && that < 0) continue;
    // "called for an inquiry", "called on Congress to act": a demand, its content after the particle
    if (lemma === 'call' && (toks[k + 1]?.lower === 'for' || toks[k + 1]?.lower === 'on') && k + 2 < sb) {
      found.push({ k, lemma, speaker: np, addressee: null, mode: 'after', contentStart: k + 2, clauseEnd: k + 2 });
      continue;
    }
    // weak cues and beliefs need a complement clause or a quotation
    const weak = WEAK_CUES.has(lemma) || !speech;
    if (weak) {
      const startsThat = toks[p].lower === 'that';
      let hasMark = false;
      for (let q = p; q < sb; q++) if (inQuote[q] >= 0) hasMark = true;
      if (!startsThat && !hasMark && !(speech && subjectClauseAt(toks, p, sb))) continue;
      if (!speech && !startsThat && !subjectClauseAt(toks, p, sb)) continue;
    }
    found.push({ k, lemma, speaker: np, addressee: adj.addressee, mode: 'after', contentStart: p, clauseEnd: p });
  }
  if (found.length === 0) return;
  for (let f = 0; f < found.length; f++) {
    const cur = found[f];
    let a: number;
    let b: number;
    if (cur.mode === 'before') {
      // content from the end of the last 'before' attribution in this sentence to the speaker
      a = sa;
      for (let g = 0; g < f; g++) if (found[g].mode === 'before' && found[g].clauseEnd <= cur.speaker[0]) a = found[g].clauseEnd;
      const lead = Math.min(cur.k, cur.speaker[0]);
      b = lead;
      // "In the end, Mr. Rosenthal said, the voters will decide.": the attribution sits inside the content
      if (cur.clauseEnd < sb && toks[cur.clauseEnd].text === ',' && f === found.length - 1) {
        const rest = trimContent(toks, cur.clauseEnd + 1, sb);
        // "…, said Sherman, a university grad whose aggressiveness has driven …": an apposition of an inverted speaker
        const apposition = cur.speaker[0] > cur.k && appositionAfter(toks, rest[0], rest[1]);
        if (!apposition && rest[1] - rest[0] > Math.max(3, lead - a) && hasClause(toks, rest[0], rest[1])) {
          const whole = trimContent(toks, a, sb);
          a = whole[0];
          b = whole[1];
          used[cur.k] = 1;
          raw.push(indirect(cur, a, b, [Math.min(cur.speaker[0], cur.k), cur.clauseEnd], 0.6));
          continue;
        }
      }
      // a standalone direct quote just before is its own quote, not this content
      [a, b] = trimContent(toks, a, b);
      if (b - a >= 1 && inQuote[a] >= 0 && standalone[inQuote[a]] && inQuote[b - 1] === inQuote[a]) continue;
    } else {
      a = cur.contentStart;
      b = sb;
      // stop before a later attribution whose content lies before it (", X said") or a "but added"
      for (let g = f + 1; g < found.length; g++) {
        const nxt = found[g];
        if (nxt.mode === 'before' && nxt.speaker[0] > a) {
          b = Math.min(b, nxt.lemma === 'according to' ? nxt.k : nxt.speaker[0]);
          break;
        }
        if (nxt.mode === 'after' && nxt.speaker === cur.speaker && nxt.k > a) {
          let c = nxt.k;
          while (c > a && (toks[c - 1].lower === 'but' || toks[c - 1].lower === 'and' || toks[c - 1].text === ',' || ATTRIBUTION_ADVERBS.has(toks[c - 1].lower))) c--;
          b = Math.min(b, c);
          break;
        }
      }
      for (let c = a + 1; c < b - 1; c++) {
        const goOn = toks[c].lower === 'but' || toks[c].lower === 'and' ? goOnCue(toks, c + 1, b) : -1;
        if (goOn >= 0 && used[goOn]) {
          // the statement it introduces is attributed already (a quotation after "went on to say,")
          b = toks[c - 1].text === ',' ? c - 1 : c;
          break;
        }
        if ((toks[c].lower === 'but' || toks[c].lower === 'and') && (BUT_ADDED.has(toks[c + 1].lower) || goOn >= 0) && !used[goOn >= 0 ? goOn : c + 1]) {
          // "…, but added that …", "…, but went on to say, “…”": a second statement by the same speaker
          const k2 = goOn >= 0 ? goOn : c + 1;
          const lemma2 = SPEECH_CUES.get(toks[k2].lower) ?? 'add';
          const p2 = k2 + 1;
          if (p2 < sb) found.splice(f + 1, 0, { k: k2, lemma: lemma2, speaker: cur.speaker, addressee: null, mode: 'after', contentStart: p2, clauseEnd: p2, clauseStart: c + 1, parent: cur });
          b = toks[c - 1].text === ',' ? c - 1 : c;
          break;
        }
      }
      b = statementEnd(toks, inQuote, a, b);
      // "Sanders said he will vote for Clinton, but he hasn't endorsed her": a contrast with a subject of its own is the writer's
      for (let c = a + 2; c < b - 2; c++) {
        if (toks[c].text === ',' && inQuote[c] < 0 && CONTRAST_OPENERS.has(toks[c + 1].lower) && subjectClauseAt(toks, c + 2, b)) {
          b = c;
          break;
        }
      }
      // "When Francis said X, the pope …": a subordinate attribution ends its content at the clause's comma
      let before = cur.speaker[0] - 1;
      while (before > sa && toks[before].pos === 'ADV' && !SUBORDINATORS.has(toks[before].lower)) before--; // "While only 7 percent said …"
      const sub = before >= sa ? toks[before].lower : '';
      if (SUBORDINATORS.has(sub)) {
        for (let c = a + 1; c < b; c++) {
          if (toks[c].text === ',' && inQuote[c] < 0) {
            b = c;
            break;
          }
        }
      }
      [a, b] = trimContent(toks, a, b);
    }
    if (b - a < 2) continue;
    // "At a rally that night in Macon, Trump called …", "Speaking at a rally on Wednesday, X said …": a fronted
    // adverbial before the speaker is circumstance, not what was said
    if (cur.mode === 'before' && isFrontedAdverbial(toks, inQuote, a, b)) continue;
    // what was said is a clause or a quotation: "said little about how", "said the same", "Last month" are not
    let quoted = false;
    for (let q = a; q < b && !quoted; q++) if (inQuote[q] >= 0) quoted = true;
    if (!quoted && b - a < 6 && !hasClause(toks, a, b) && !(cur.lemma === 'call' && cur.mode === 'after')) continue;
    // "Susan said as she turned around": a subordinate clause after the cue is circumstance, not content
    if (cur.mode === 'after' && SUBORDINATORS.has(toks[a].lower) && toks[a].lower !== 'if') continue;
    // a content that is exactly one standalone direct quote is already extracted
    if (inQuote[a] >= 0 && standalone[inQuote[a]] && inQuote[b - 1] === inQuote[a]) {
      const m = inQuote[a];
      if (marked[m].start === toks[a].start) continue;
    }
    // that “only Ted Cruz can beat Trump. John Kasich can’t do it.”: a quotation opened in the content and
    // closed after the sentence end runs to its close (the sentences inside it have no attribution of their own)
    if (inQuote[b - 1] >= 0) {
      const m = inQuote[b - 1];
      let e = b;
      while (e < toks.length && inQuote[e] === m && e - b <= QUOTE_RUN_MAX_TOKENS) e++;
      if (e - b <= QUOTE_RUN_MAX_TOKENS) b = e;
    }
    used[cur.k] = 1;
    const item = indirect(
      cur,
      a,
      b,
      cur.mode === 'after' ? [cur.clauseStart ?? Math.min(cur.speaker[0], cur.k), cur.clauseEnd] : [Math.min(cur.speaker[0], cur.k), cur.clauseEnd],
      SPEECH_CUES.has(toks[cur.k].lower) || cur.lemma === 'according to' ? 0.75 : 0.55,
    );
    if (cur.parent?.raw) item.parent = cur.parent.raw;
    cur.raw = item;
    raw.push(item);
  }
}

/** "Asked about …", "was asked whether …" (asked.ts), outside what is already extracted. */
function questionsPass(ctx: Ctx, raw: RawQuote[]): void {
  const { toks, inQuote, used, sentTok } = ctx;
  const covered = new Uint8Array(toks.length);
  for (const r of raw) for (let i = firstAtOrAfter(toks, r.start); i < toks.length && toks[i].start < r.end; i++) covered[i] = 1;
  const taken = (i: number): boolean => covered[i] === 1 || used[i] === 1 || inQuote[i] >= 0;
  for (const [sa, sb] of sentTok) {
    if (sb <= sa) continue;
    for (const rq of askedQuotes({ toks, taken, npAfter: (s, h) => npAfter(toks, s, h) }, sa, sb)) {
      raw.push(rq);
      used[rq.cue![0]] = 1;
    }
  }
}

/**
 * Participles that, after a comma or "and", report another act of the speaker or the writer's comment on
 * the statement ("…, citing …", "…, sparking …", "… and questioning how …"): the content ends before them.
 */
const WRITER_PARTICIPLES = new Set([
  'adding', 'arguing', 'blaming', 'calling', 'citing', 'claiming', 'criticizing', 'describing', 'drawing', 'echoing', 'explaining',
  'insisting', 'noting', 'pointing', 'praising', 'promising', 'prompting', 'questioning', 'referring', 'repeating', 'saying',
  'sparking', 'stressing', 'suggesting', 'telling', 'touting', 'urging', 'vowing', 'warning', 'accusing', 'acknowledging', 'admitting',
]);

/** Adverbs between "and"/"but" and a second cue verb ("and later told", "but also warned"). */
const LINK_ADVERBS = new Set(['also', 'then', 'later', 'still', 'again', 'even', 'repeatedly', 'quickly', 'immediately']);

/**
 * Where a reported content ends before the writer's own words: a second speech verb of the same subject
 * ("said she was pleased and predicted that …", "announced X and vowed to …" — the second statement is its
 * own attribution), a comparison the writer adds ("50 percent said she is prepared, compared with …"), or an
 * unpaired dash before the writer's appendix.
 */
/** A dash outside quotation marks in toks[a, b). */
function dashAhead(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): boolean {
  for (let c = a; c < b; c++) if (inQuote[c] < 0 && DASHES.has(toks[c].text)) return true;
  return false;
}

function statementEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): number {
  for (let c = a + 2; c < b - 1; c++) {
    // "Kelly was “incognito,” sparking a firestorm …": the participle after a quotation closed on its comma
    if (c >= a + 3 && isQuoteMark(toks[c]) && toks[c - 1].text === ',' && inQuote[c + 1] < 0 && WRITER_PARTICIPLES.has(toks[c + 1].lower)) return c + 1;
    if (inQuote[c] >= 0) continue;
    const w = toks[c].lower;
    if (w === 'and' || w === 'but') {
      let v = c + 1;
      while (v < b - 1 && LINK_ADVERBS.has(toks[v].lower)) v++;
      const t = toks[v];
      if (t.pos === 'VERB' && ((SPEECH_CUES.has(t.lower) && !t.lower.endsWith('ing')) || WRITER_PARTICIPLES.has(t.lower))) return toks[c - 1].text === ',' ? c - 1 : c;
      if (goOnCue(toks, v, b) >= 0) return toks[c - 1].text === ',' ? c - 1 : c;
    } else if (w === ',' && c >= a + 3 && WRITER_PARTICIPLES.has(toks[c + 1].lower) && inQuote[c + 1] < 0) {
      // "…, citing an instance in which …", "…, echoing a memo from …": the writer's participle, not the content
      return c;
    } else if (w === 'compared' && (toks[c + 1].lower === 'with' || toks[c + 1].lower === 'to') && toks[c - 1].text === ',') {
      return c - 1;
    } else if (DASHES.has(toks[c].text) && c >= a + 3 && !dashAhead(toks, inQuote, a, c) && !dashAhead(toks, inQuote, c + 1, b)) {
      // "he was “encouraged” by the plan — a modest boost for Obama …": a dash with no closing dash opens the
      // writer's appendix (a paired "— … —" aside stays inside the content)
      return c;
    }
  }
  return b;
}

/**
 * Cue verbs the rules left alone, offered to the learned decision in recall.ts: speaker = the noun phrase
 * before the cue (or, after "and"/"but", the subject of the clause it joins), content = the rest of the
 * sentence up to anything already extracted. Linear: each token is a cue candidate once.
 */
function recallPass(ctx: Ctx, raw: RawQuote[], options: ExtractOptions): void {
  const sink = options.onRecallCandidate;
  const model = sink ? null : options.recall === false ? null : (options.recallModel ?? recallModel());
  if (!sink && !model) return;
  const { toks, inQuote, sentTok } = ctx;
  const tagger = taggerOf(options);
  const covered = new Uint8Array(toks.length);
  for (const r of raw) for (let i = firstAtOrAfter(toks, r.start); i < toks.length && toks[i].start < r.end; i++) covered[i] = 1;
  /** Cue token → the quote it attributes; an attribution clause's own cue is no candidate, a later one may be. */
  const cueOf = new Map<number, RawQuote>();
  for (const r of raw) if (r.cue) cueOf.set(r.cue[0], r);
  for (const [sa, sb] of sentTok) {
    for (let k = sa; k < sb; k++) {
      if (cueOf.has(k) || covered[k] || inQuote[k] >= 0) continue;
      // any form of a cue word, whatever its POS tag: the tagger reads "claims", "warns" as nouns (cuepos is a feature)
      const lemma = cueLemma(toks, k, options.beliefs ?? true) ?? looseCueLemma(toks, k, options.beliefs ?? true);
      if (!lemma || lemma === 'according to') continue;
      const j = skipBackAdverbials(toks, k, sa);
      let speaker: [number, number] | null;
      let how: RecallCandidate['how'] = 'subject';
      const attributed = j > sa && toks[j].text === ',' ? cueOf.get(j - 1) : undefined;
      if (attributed?.speaker && toks[k].lower.endsWith('ing')) {
        // "“…,” Mr. Murphy said, adding that …": the speaker of the attribution it continues
        speaker = attributed.speaker;
        how = 'participle';
      } else if (j > sa && (toks[j].lower === 'and' || toks[j].lower === 'but')) {
        speaker = clauseSubject(toks, sa, j);
        how = 'coordinated';
      } else if (j > sa && toks[j].text === ',' && toks[k].lower.endsWith('ing')) {
        // "…, telling CNN that …": the subject of the clause the participle hangs on
        speaker = clauseSubject(toks, sa, j);
        how = 'participle';
      } else {
        const np = speakerOfDocument(toks, npBefore(toks, j + 1, sa), sa);
        speaker = np === DROP ? null : np;
      }
      if (!speaker && k > sa + 1) {
        // "Senator Richard Burr, a Republican who has also embraced Mr. Trump, acknowledged …": the sentence's opening phrase
        let o = sa;
        while (o < k && isQuoteMark(toks[o])) o++;
        const opening = npAfter(toks, o, k);
        if (opening && toks[opening[1] - 1].pos === 'PROPN') {
          speaker = opening;
          how = 'initial';
        }
      }
      if (!speaker || isTimePhrase(toks, speaker) || toks[speaker[0]].lower === 'who' || toks[speaker[0]].lower === 'which' || toks[speaker[0]].lower === 'it') continue;
      const adj = skipForwardAdjuncts(toks, k + 1, sb, lemma);
      const that = thatAhead(toks, k + 1, sb);
      let end = that >= 0 ? that : adj.next;
      while (end < sb && !covered[end]) end++;
      const from = that >= 0 ? that : adj.next;
      const [a, b] = trimContent(toks, from, statementEnd(toks, inQuote, from, end));
      if (b - a < 1) continue;
      const cand: RecallCandidate = { k, lemma, speaker, how, content: [a, b], that: that >= 0, sentence: [sa, sb] };
      const features = recallFeatures(toks, cand);
      if (tagger) features.push(...spanTagFeatures(tagger, tagContextFor(ctx.text, toks), a, b));
      const rq: RawQuote = {
        start: toks[a].start,
        end: toks[b - 1].end,
        kind: 'indirect',
        speaker,
        cue: [k, k + 1],
        lemma,
        addressee: adj.addressee,
        clause: [Math.min(speaker[0], k), k + 1],
        confidence: 0.5,
      };
      if (sink) {
        sink(rq, features);
        continue;
      }
      const p = recallScore(model!, features);
      if (p < model!.threshold) continue;
      rq.confidence = Math.round(Math.min(0.75, p) * 100) / 100;
      raw.push(rq);
      for (let i = a; i < b; i++) covered[i] = 1;
    }
  }
}

/** A cue word by its form alone ("point" only with "out"). */
function looseCueLemma(toks: readonly Tok[], k: number, withBeliefs: boolean): string | null {
  const lemma = SPEECH_CUES.get(toks[k].lower) ?? (withBeliefs ? BELIEF_CUES.get(toks[k].lower) : undefined);
  if (!lemma || (lemma === 'point' && toks[k + 1]?.lower !== 'out')) return null;
  return lemma;
}

/** The subject of the main clause before token `end`: the noun phrase before its first finite verb. */
function clauseSubject(toks: readonly Tok[], sa: number, end: number): [number, number] | null {
  for (let v = sa + 1; v < end; v++) {
    if (toks[v].pos !== 'VERB' && toks[v].pos !== 'AUX') continue;
    const j = skipBackAdverbials(toks, v, sa);
    const np = npBefore(toks, j + 1, sa);
    return np && clauseInitial(toks, np[0], sa) ? np : null;
  }
  return null;
}

/** A finite verb (an auxiliary, or a verb not in -ing/-ed/-en form) in toks[a, b). */
function hasClauseFinite(toks: readonly Tok[], a: number, b: number): boolean {
  for (let q = a; q < b; q++) if (toks[q].pos === 'AUX' || (toks[q].pos === 'VERB' && !/(?:ing|ed|en)$/.test(toks[q].lower))) return true;
  return false;
}

/**
 * toks[a, b) reads as a description of the name before it: an indefinite noun phrase ("a longtime ally who …"),
 * an age, or a noun phrase whose first verb belongs to a relative clause ("the group's founder, who …").
 */
function appositionAfter(toks: readonly Tok[], a: number, b: number): boolean {
  const first = toks[a];
  if (first.lower === 'a' || first.lower === 'an' || first.pos === 'NUM') return true;
  for (let q = a; q < b; q++) {
    if (RELATIVES.has(toks[q].lower)) return q > a;
    if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX' || toks[q].text === ',' || inQuoteLike(toks[q])) return false;
  }
  return false;
}

function inQuoteLike(t: Tok): boolean {
  return isQuoteMark(t) || isFinalPunct(t);
}

/**
 * After an inverted speaker ending at `p`: a prepositional phrase or relative clause describing the speaker
 * ("of the CORE Teachers", "who built his career there") up to a comma or the sentence end, with no quotation
 * in it. Returns where that tail ends, or -1 when the words after the speaker are not such a tail.
 */
function speakerTailEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, p: number, hi: number): number {
  if (!(toks[p].pos === 'ADP' || RELATIVES.has(toks[p].lower) || toks[p].lower === 'that')) return -1;
  let e = p;
  while (e < hi && toks[e].text !== ',' && !isFinalPunct(toks[e])) {
    if (inQuote[e] >= 0 || isQuoteMark(toks[e]) || e - p > 25) return -1;
    e++;
  }
  return e;
}

/** toks[a, b) opens with a preposition or an -ing participle and has no finite verb and no quotation. */
function isFrontedAdverbial(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): boolean {
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
function relativeSubject(toks: readonly Tok[], end: number, lo: number): [number, number] | null {
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
function subjectClauseAt(toks: readonly Tok[], p: number, hi: number): boolean {
  const t = toks[p];
  if (!(t.pos === 'PRON' || t.pos === 'PROPN' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'ADJ')) return false;
  for (let q = p + 1; q < hi && q < p + 8; q++) {
    if (toks[q].pos === 'AUX' || toks[q].pos === 'VERB') return true;
    if (toks[q].text === ',') return false;
  }
  return false;
}

// ---------------------------------------------------------------- assembling Quote items

function spanOf(text: string, toks: readonly Tok[], r: [number, number]): Span & { text: string } {
  const start = toks[r[0]].start;
  const end = toks[r[1] - 1].end;
  return { start, end, text: text.slice(start, end) };
}

/** Fewer words than this in quotation marks, with no speaker found: not kept as a quote. */
const SPEAKERLESS_MIN_WORDS = 6;

const WHEN_RE = /\b(?:on |late |early )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?\b|\b(?:yesterday|today|tonight|last (?:week|month|night|year))\b/;

/** Words a title leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['of', 'to', 'the', 'a', 'an', 'and', 'in', 'on', 'for', 'at', 'by', 'or', 'with', 'from', 'as']);

/** “Gifted Hands,” / ''Sons of Trump'': 2–6 words inside quotation marks, every word but the small ones capitalised. */
export function isQuotedTitle(quoted: string): boolean {
  const inner = quoted.replace(/^[\s"“”'‘’]+|[\s"“”'‘’]+$/g, '').replace(/[,.!?;:]+$/, '');
  if (/["“”]/.test(inner)) return false;
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  if (words.length < 2 || words.length > 6 || !/^[A-Z]/.test(words[0])) return false;
  return words.every((w, i) => /^[A-Z0-9]/.test(w) || (i > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())));
}

export function extractQuotes(text: string, layers: Readonly<Layers>, options: ExtractOptions = {}): Quote[] {
  const { raw, toks } = extractRawQuotes(text, layers, options);
  const keep = { sink: options.onKeepCandidate, model: options.onKeepCandidate || options.keep === false ? null : keepModel() };
  const tagger = taggerOf(options);
  const speakers: Array<RawSpeaker | null> = raw.map((r) => {
    if (!r.speaker || isTimePhrase(toks, r.speaker)) return null;
    const range = nameOfAppositive(toks, r.speaker);
    return { ...spanOf(text, toks, range), tokens: range };
  });
  // continuations: copy the (possibly inherited) speaker and cue
  const byOrder = raw.map((r, i) => ({ r, i }));
  const quotes: Quote[] = [];
  const built = new Map<RawQuote, Quote>();
  const resolved = resolveSpeakers(text, toks, raw, speakers, layers);
  const dates = dateIndex(layers.times ?? []);
  const rawIndex = new Map<RawQuote, number>();
  raw.forEach((r, n) => rawIndex.set(r, n));
  for (const { r, i } of byOrder) {
    let speaker = resolved[i];
    let cue = r.cue ? spanOf(text, toks, r.cue) : null;
    let src = r;
    if (!speaker && r.inheritFrom !== undefined) {
      // follow the chain of continuations
      let target: RawQuote | undefined = r.inheritFrom;
      for (let guard = 0; guard < 10 && target !== undefined; guard++) {
        const idx = rawIndex.get(target) ?? -1;
        if (idx >= 0 && resolved[idx]) {
          speaker = resolved[idx];
          cue = target.cue ? spanOf(text, toks, target.cue) : null;
          src = target;
          break;
        }
        target = target.inheritFrom;
      }
    }
    // a short quoted string nobody is said to have said is a title, slogan or scare quote, not a quote
    if (!speaker && r.kind === 'direct' && (text.slice(r.start, r.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < SPEAKERLESS_MIN_WORDS) continue;
    // a short quoted phrase in title case is a title or a name — a book, a show, a film, a campaign ("wrote
    // “Tough Choices.”", "a show called “Sons of Trump”") — not something said, whoever is near it
    if (r.kind === 'direct' && isQuotedTitle(text.slice(r.start, r.end))) continue;
    const quote: Quote = {
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
      kind: r.kind,
      speaker: speaker ?? null,
      cue,
      confidence: speaker ? r.confidence : Math.min(r.confidence, 0.4),
    };
    if (src.addressee) quote.addressee = spanOf(text, toks, src.addressee);
    if (src.clause) {
      const clause = spanOf(text, toks, src.clause);
      // medium and date phrases live in the attribution clause (and, for lead-ins, before the speaker)
      const from = clause.start;
      const windowStart = lineStartWithin(text, from, 40);
      const windowText = text.slice(windowStart, clause.end);
      const medium = MEDIUM_RE.exec(windowText);
      if (medium && !insideSpan(windowStart + medium.index, r)) {
        const ms = windowStart + medium.index;
        quote.medium = { start: ms, end: ms + medium[0].length, text: medium[0] };
      }
      const clauseText = text.slice(clause.start, clause.end);
      const when = WHEN_RE.exec(clauseText);
      if (when) {
        const ws = clause.start + when.index;
        const we = ws + when[0].length;
        quote.when = { start: ws, end: we, text: when[0] };
        const date = dateFromTimes(dates, ws, we);
        if (date) quote.date = date;
      } else {
        const date = dateFromTimes(dates, clause.start, clause.end);
        if (date) quote.date = date;
      }
    }
    if (keep.sink || (keep.model && keepDecides(quote))) {
      const features = keepFeatures(toks, { quote, lemma: src.lemma, speaker: src.speaker, inherited: src !== r, confidence: r.confidence });
      if (tagger) features.push(...spanTagFeatures(tagger, tagContextFor(text, toks), firstAtOrAfter(toks, quote.start), firstAtOrAfter(toks, quote.end)));
      if (keep.sink) keep.sink(quote, features);
      else if (keep.model && keepScore(keep.model, features) < keep.model.threshold) continue;
    }
    quotes.push(quote);
    built.set(r, quote);
  }
  for (const r of raw) {
    const parent = r.parent ? built.get(r.parent) : undefined;
    const quote = built.get(r);
    if (!parent || !quote) continue;
    if (!quote.when && parent.when) quote.when = parent.when;
    if (!quote.date && parent.date) quote.date = parent.date;
    if (!quote.medium && parent.medium) quote.medium = parent.medium;
  }
  void MONTHS;
  return quotes;
}

/** "last week", "Tuesday night", "earlier this month": a date phrase read as a speaker is no speaker. */
function isTimePhrase(toks: readonly Tok[], range: [number, number]): boolean {
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
function nameOfAppositive(toks: readonly Tok[], range: [number, number]): [number, number] {
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

function insideSpan(offset: number, r: { start: number; end: number }): boolean {
  return offset >= r.start && offset < r.end;
}

/** `from - max`, or the line start when a newline comes sooner (scans at most `max` characters back). */
function lineStartWithin(text: string, from: number, max: number): number {
  const floor = Math.max(0, from - max);
  for (let i = from - 1; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return floor;
}

interface DateIndex {
  /** DATE and TIME expressions sorted by start. */
  items: TimeExpr[];
  /** Largest end among items[0..i]: a backward scan stops once nothing earlier can reach the span. */
  maxEnd: number[];
}

function dateIndex(times: readonly TimeExpr[]): DateIndex {
  const items = times.filter((t) => t.type === 'DATE' || t.type === 'TIME').sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  items.forEach((t, i) => maxEnd.push(Math.max(t.end, i > 0 ? maxEnd[i - 1] : 0)));
  return { items, maxEnd };
}

/** The value of the earliest-starting date overlapping [start, end); O(log n + overlaps). */
function dateFromTimes(index: DateIndex, start: number, end: number): string | null {
  let found: TimeExpr | null = null;
  for (let i = firstAtOrAfter(index.items, end) - 1; i >= 0 && index.maxEnd[i] > start; i--) {
    if (index.items[i].end > start) found = index.items[i];
  }
  return found ? found.value : null;
}

export const quotes: Component = {
  name: 'quotes',
  version: '1.0.0',
  requires: ['paragraphs', 'sentences', 'tokens', 'mentions', 'entities'],
  assigns: ['quotes'],
  run(article: Readonly<Article>, layers: Readonly<Layers>) {
    return { quotes: extractQuotes(article.text, layers) };
  },
};
