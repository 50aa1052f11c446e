/** Later passes over the raw quotes: questions, and the learned recall pass for cues the clause rules missed. */
import { SPEECH_CUES } from './lexicon.js';
import { askedQuotes } from './asked.js';
import { recallFeatures, recallModel, recallScore, type RecallCandidate } from './recall.js';
import { spanTagFeatures, tagContextFor } from './tagger.js';
import { firstAtOrAfter, type Tok } from './tokens.js';
import { isQuoteMark } from './quote-marks.js';
import { objectGapAfter } from './gap.js';
import { DASHES, DROP, clauseSubject, cueLemma, goOnCue, isTimePhrase, looseCueLemma, npAfter, npBefore, participleCueLemma, skipBackAdverbials, skipForwardAdjuncts, speakerOfDocument, SUBORDINATORS, thatAhead, trimContent } from './phrases.js';
import { type Ctx, type ExtractOptions, type RawQuote, taggerOf } from './raw-quote.js';

export function questionsPass(ctx: Ctx, raw: RawQuote[]): void {
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
export const WRITER_PARTICIPLES = new Set([
  'adding', 'arguing', 'blaming', 'calling', 'citing', 'claiming', 'criticizing', 'describing', 'drawing', 'echoing', 'explaining',
  'insisting', 'noting', 'pointing', 'praising', 'promising', 'prompting', 'questioning', 'referring', 'repeating', 'saying',
  'sparking', 'stressing', 'suggesting', 'telling', 'touting', 'urging', 'vowing', 'warning', 'accusing', 'acknowledging', 'admitting',
]);

/** Adverbs between "and"/"but" and a second cue verb ("and later told", "but also warned"). */
export const LINK_ADVERBS = new Set(['also', 'then', 'later', 'still', 'again', 'even', 'repeatedly', 'quickly', 'immediately']);

/**
 * Where a reported content ends before the writer's own words: a second speech verb of the same subject
 * ("said she was pleased and predicted that …", "announced X and vowed to …" — the second statement is its
 * own attribution), a comparison the writer adds ("50 percent said she is prepared, compared with …"), or an
 * unpaired dash before the writer's appendix.
 */
/** A dash outside quotation marks in toks[a, b). */
export function dashAhead(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): boolean {
  for (let c = a; c < b; c++) if (inQuote[c] < 0 && DASHES.has(toks[c].text)) return true;
  return false;
}

export function statementEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, b: number): number {
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
export function recallPass(ctx: Ctx, raw: RawQuote[], options: ExtractOptions): void {
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
      const j = skipBackAdverbials(toks, k, sa);
      const opening = openingParticiple(toks, inQuote, k, sa, sb);
      const lemma = cueLemma(toks, k, options.beliefs ?? true) ?? looseCueLemma(toks, k, options.beliefs ?? true) ?? linkedParticiple(toks, k, j, sa) ?? (opening ? participleCueLemma(toks, k) : null);
      if (!lemma || lemma === 'according to') continue;
      let speaker: [number, number] | null;
      let how: RecallCandidate['how'] = 'subject';
      const attributed = j > sa && toks[j].text === ',' ? cueOf.get(j - 1) : undefined;
      if (opening) {
        // "Complaining that …, top U.S. negotiator James DeHart said": the main clause's subject
        speaker = opening.speaker;
        how = 'participle';
      } else if (attributed?.speaker && toks[k].lower.endsWith('ing')) {
        // "“…,” Mr. Murphy said, adding that …": the speaker of the attribution it continues
        speaker = attributed.speaker;
        how = 'participle';
      } else if (j > sa && (toks[j].lower === 'and' || toks[j].lower === 'but')) {
        speaker = clauseSubject(toks, sa, j);
        how = 'coordinated';
      } else if (j > sa && (isCommaLink(toks, j) || isDash(toks, j)) && toks[k].lower.endsWith('ing')) {
        // "…, telling CNN that …", "… called for observers - saying …": the subject of the clause the participle hangs on
        speaker = nearestClauseSubject(toks, inQuote, sa, j);
        how = 'participle';
      } else {
        const np = speakerOfDocument(toks, npBefore(toks, j + 1, sa), sa);
        speaker = np === DROP ? null : np;
        // "with the Tories claiming …": the participle's own subject
        if (toks[k].lower.endsWith('ing') && withSubject(toks, j, sa)) how = 'participle';
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
      if (!speaker || isTimePhrase(toks, speaker) || NO_SPEAKER_OPENERS.has(toks[speaker[0]].lower)) continue;
      const adj = skipForwardAdjuncts(toks, k + 1, sb, lemma);
      const that = thatAhead(toks, k + 1, sb);
      // "claimed the prize that he had coveted": a "that" after the object, missing its own object, is the object's relative
      if (that > adj.next && objectGapAfter(toks, that, sb)) continue;
      let end = that >= 0 ? that : adj.next;
      const hi = opening ? opening.end : sb;
      while (end < hi && !covered[end]) end++;
      const from = that >= 0 ? that : adj.next;
      const [a, b] = trimContent(toks, from, participleEnd(toks, inQuote, k, from, statementEnd(toks, inQuote, from, end)));
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

/** First words of a phrase that is never a speaker. */
const NO_SPEAKER_OPENERS = new Set(['who', 'which', 'it']);

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i']);

/**
 * The subject of the clause nearest before token `end`: a participle hangs on the last of coordinated clauses
 * ("prosecutors charged the officer and Emanuel fired his police chief, acknowledging …" → Emanuel).
 */
export function nearestClauseSubject(toks: readonly Tok[], inQuote: ArrayLike<number>, sa: number, end: number): [number, number] | null {
  sa = afterFrontedClause(toks, inQuote, sa, end);
  for (let c = end - 1; c > sa; c--) {
    if (inQuote[c] >= 0 || (toks[c].lower !== 'and' && toks[c].lower !== 'but')) continue;
    // a name or a subject pronoun opens the coordinated clause ("and her staff related to …" is a coordinated subject)
    const subject = clauseSubject(toks, c + 1, end);
    if (subject && subject[0] === c + 1 && (toks[subject[1] - 1].pos === 'PROPN' || SUBJECT_PRONOUNS.has(toks[c + 1].lower))) return subject;
  }
  return clauseSubject(toks, sa, end);
}

/**
 * A participle of a speech verb the cue table lacks ("complaining", "urging", "pointing out"), as a cue only where
 * it hangs on a clause: after a comma, a dash, or "and"/"but" ("…, complaining that …", "… and urging X to …"), or
 * after its own subject in a "with" phrase ("with the Tories claiming …", the noun phrase is the speaker).
 */
export function linkedParticiple(toks: readonly Tok[], k: number, j: number, sa: number): string | null {
  if (j <= sa) return null;
  const link = toks[j];
  if (!isCommaLink(toks, j) && link.lower !== 'and' && link.lower !== 'but' && !isDash(toks, j) && !withSubject(toks, j, sa)) return null;
  return participleCueLemma(toks, k);
}

/** A comma, or a quotation mark closed right after one ("… its “lending program,” claiming …"). */
function isCommaLink(toks: readonly Tok[], j: number): boolean {
  return toks[j].text === ',' || (j > 0 && isQuoteMark(toks[j]) && toks[j - 1].text === ',');
}

/** The participle's own subject after "with" ("…, with the Tories claiming …"), ending at toks[j]. */
function withSubject(toks: readonly Tok[], j: number, sa: number): boolean {
  const np = npBefore(toks, j + 1, sa);
  return !!np && np[1] === j + 1 && np[0] > sa && toks[np[0] - 1].lower === 'with';
}

/**
 * A participial cue's content ends at a second participle joined by "and"/"but" ("…, calling X unachievable and
 * pushing instead for …": the second is another act of the same subject, not part of what was said; the tagger
 * reads some, "promising", as adjectives, so the writer's participles count whatever their tag).
 */
export function participleEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, k: number, a: number, b: number): number {
  if (!toks[k].lower.endsWith('ing')) return b;
  for (let c = a + 1; c < b - 1; c++) {
    if (inQuote[c] >= 0 || (toks[c].lower !== 'and' && toks[c].lower !== 'but')) continue;
    const v = toks[c + 1];
    if (v.lower.endsWith('ing') && (v.pos === 'VERB' || WRITER_PARTICIPLES.has(v.lower)) && inQuote[c + 1] < 0) return toks[c - 1].text === ',' ? c - 1 : c;
  }
  return b;
}

/**
 * Past a fronted subordinate clause ("As he has in Europe, Trump has bristled …, demanding …"): the main clause
 * starts after its comma, so its subject is not the pronoun inside the subordinate clause.
 */
export function afterFrontedClause(toks: readonly Tok[], inQuote: ArrayLike<number>, sa: number, end: number): number {
  let o = sa;
  while (o < end && isQuoteMark(toks[o])) o++;
  if (o >= end || !SUBORDINATORS.has(toks[o].lower)) return sa;
  for (let c = o + 1; c < end - 1; c++) if (toks[c].text === ',' && inQuote[c] < 0) return c + 1;
  return sa;
}

/**
 * A speech participle opening its sentence, or the words after a colon, whose clause a comma closes before the
 * main clause's subject and verb ("Complaining that officials were “not responsive,” negotiator James DeHart said
 * …"): that subject is the speaker, and the content ends at the comma (inside a quotation closed right after it).
 */
export function openingParticiple(toks: readonly Tok[], inQuote: ArrayLike<number>, k: number, sa: number, sb: number): { speaker: [number, number]; end: number } | null {
  if (!toks[k].lower.endsWith('ing')) return null;
  let o = sa;
  while (o < k && isQuoteMark(toks[o])) o++;
  if (o !== k && toks[k - 1].text !== ':') return null;
  for (let c = k + 2; c < sb - 2; c++) {
    if (toks[c].text !== ',') continue;
    let s = c + 1;
    if (inQuote[c] >= 0) {
      if (!isQuoteMark(toks[s]) || inQuote[s + 1] >= 0) continue;
      s++;
    }
    const np = npAfter(toks, s, sb);
    if (!np || np[0] !== s) continue;
    const v = toks[skipForwardAdverbs(toks, np[1], sb)];
    return v && (v.pos === 'VERB' || v.pos === 'AUX') ? { speaker: np, end: c } : null;
  }
  return null;
}

function skipForwardAdverbs(toks: readonly Tok[], i: number, hi: number): number {
  while (i < hi && toks[i].pos === 'ADV') i++;
  return i;
}

/** A dash, or a hyphen with a space before it (" - " in typewriter copy). */
function isDash(toks: readonly Tok[], j: number): boolean {
  return DASHES.has(toks[j].text) || (toks[j].text === '-' && j > 0 && toks[j].start > toks[j - 1].end);
}

/** A cue word by its form alone ("point" only with "out"). */
