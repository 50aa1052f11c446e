/** Attribution clauses next to a quotation: a speaker with a cue verb after or before it, lead-ins, colons, sign-offs. */
import { ADDRESSEE_CUES, PRONOUNS, SPEECH_CUES } from './lexicon.js';
import { firstAtOrAfter, type Tok } from './tokens.js';
import { type MarkedSpan, isFinalPunct, isQuoteMark } from './quote-marks.js';
import { type Attribution, DETERMINERS, DROP, RELATIVES, clauseInitial, clauseSubject, cueLemma, hasClause, isCapName, isTimePhrase, isTimeWord, npAfter, npBefore, npBeforeSimple, participleCueLemma, relativeSubject, skipBackAdverbials, skipForwardAdjuncts, sourceAfter, speakerOfDocument } from './phrases.js';
import { type Ctx, type RawQuote } from './raw-quote.js';

export const SIGN_OFF_MAX_CHARS = 80;

/**
 * A quote that closes its paragraph, signed in the next one by a dash and a name ("- Bernie Sanders."), as
 * fact-checks and quote cards print them: the name is the speaker, the dash the cue.
 */
export function signOffAfter(
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
export function afterClause(ctx: Ctx, from: number, paraEnd: number): [number, number] | null {
  const { toks } = ctx;
  let e = from;
  while (e < toks.length && toks[e].start < paraEnd && !isQuoteMark(toks[e]) && !isFinalPunct(toks[e]) && toks[e].text !== ';' && e - from < 40) e++;
  if (e === from) return null;
  return [from, e];
}

/** The earliest token a lead-in before quote `m` may use: after the last sentence end or previous quote. */
export function beforeLimit(ctx: Ctx, qa: number, paraStart: number, qTok: Array<[number, number]>, m: number): number {
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
export function parseClause(ctx: Ctx, a: number, b: number, withBeliefs: boolean): Attribution | null {
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
      return { speaker: np, cue: [k, k + 1], lemma, addressee: null, clause: [start, relativeCueAt(toks, np[1], b, withBeliefs)] };
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
    return { speaker: np, cue: [k, k + 1], lemma, addressee: adj.addressee, clause: [np[0], relativeCueAt(toks, k + 1, b, withBeliefs)] };
  }
  return null;
}

/**
 * “…,” said Harvey, who acknowledged Trump was his fourth choice.: a relative clause after the attribution whose
 * verb is itself a cue is a statement of its own, so the attribution clause ends at its comma (the indirect pass
 * then reads "who acknowledged …"). Returns that comma's index, or `b` when there is no such clause.
 */
export function relativeCueAt(toks: readonly Tok[], from: number, b: number, withBeliefs: boolean): number {
  for (let c = from; c < b - 2; c++) {
    if (toks[c].text !== ',') continue;
    const w = toks[c + 1].lower;
    if (w !== 'who' && w !== 'which') return b;
    let v = c + 2;
    while (v < b && v < c + 6 && (toks[v].pos === 'ADV' || toks[v].pos === 'AUX' || toks[v].pos === 'PART')) v++;
    return v < b && cueLemma(toks, v, withBeliefs) ? c : b;
  }
  return b;
}

/**
 * “…,” remembered Roy Verley. / “…,” the editorial read. / “…?” Beck questioned.: a quote that ends in a comma
 * (or ? !) followed by a bare clause of a verb and a noun phrase, in either order, and nothing but time words or a
 * prepositional adjunct before the sentence ends, is attributed by its shape whatever the verb. After ? or ! the
 * speaker must be a name, a pronoun or a determined phrase ("some protesters"; "“BERNIE!” chants erupted" is none).
 */
export function shapeAfter(ctx: Ctx, a: number, b: number, lastChar: string): Attribution | null {
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
export function parseLeadIn(ctx: Ctx, lo: number, qa: number, withBeliefs: boolean): Attribution | null {
  const { toks } = ctx;
  let j = qa - 1;
  if (j < lo) return null;
  if (toks[j].text === ',' || toks[j].text === ':' || toks[j].text === '—') j--;
  // the cue may be followed by a few adjunct words ("said in a statement on X:")
  for (let k = j; k >= lo && k >= j - 8; k--) {
    const t = toks[k];
    if (t.text === ',' || isQuoteMark(t)) break;
    const lemma = cueLemma(toks, k, withBeliefs) ?? participleCueLemma(toks, k);
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
    let np = participleSubject(toks, speakerOfDocument(toks, npBefore(toks, b + 1, lo), lo), lo);
    if (np === DROP) return null;
    // "she pulled away from Sanders explaining, “…”": a participle's subject is its clause's, not the object before it;
    // after "wrote to the watchdog saying" the object is who was addressed
    let objectAddressee: [number, number] | null = null;
    if (np && t.lower.endsWith('ing') && !clauseInitial(toks, np[0], lo)) {
      const subject = participleClauseSubject(toks, lo, np[0]);
      if (subject && !isTimePhrase(toks, subject)) {
        if (np[0] > lo && toks[np[0] - 1].lower === 'to') objectAddressee = np;
        np = subject;
      }
    }
    if (!np) {
      // "said Peskov:" inverted lead-in; after "telling" or "told" the phrase is the addressee, never the speaker
      const inv = t.lower.endsWith('ing') || ADDRESSEE_CUES.has(lemma) ? null : npAfter(toks, k + 1, j + 1);
      if (inv) return { speaker: inv, cue: [k, k + 1], lemma, addressee: null, clause: [k, qa] };
      // "X said … but added, “…”" / "“…,” he said, adding, “…”": the subject of the clause the cue joins
      const joined = b >= lo && (toks[b].lower === 'and' || toks[b].lower === 'but' || (toks[b].text === ',' && t.lower.endsWith('ing')));
      // "Biden praised Klobuchar, citing her “grit” and saying, “…”": the clause may open before an earlier quotation
      const from = joined ? sentenceStart(ctx, k) : lo;
      const subject = joined ? (subjectOfEarlierCue(toks, lo, b, withBeliefs) ?? clauseSubject(toks, lo, b) ?? (from < lo ? clauseSubject(toks, from, b) : null)) : null;
      if (subject && !isTimePhrase(toks, subject)) return { speaker: subject, cue: [k, k + 1], lemma, addressee: null, clause: [k, qa] };
      return null;
    }
    const adj = skipForwardAdjuncts(toks, k + 1, j + 1, lemma);
    return { speaker: np, cue: [k, k + 1], lemma, addressee: adj.addressee ?? objectAddressee, clause: [np[0], qa] };
  }
  return null;
}

/**
 * The subject of the clause a participle hangs on, in toks[lo, end): the clause subject, or a subject pronoun
 * or name before the first verb after a fronted phrase with no comma ("On the campaign trail she pulled away …").
 */
export function participleClauseSubject(toks: readonly Tok[], lo: number, end: number): [number, number] | null {
  const subject = clauseSubject(toks, lo, end);
  if (subject) return subject;
  for (let v = lo + 1; v < end; v++) {
    if (toks[v].pos !== 'VERB' && toks[v].pos !== 'AUX') continue;
    const p = toks[v - 1];
    if (p.pos === 'PRON') return p.lower === 'he' || p.lower === 'she' || p.lower === 'they' ? [v - 1, v] : null;
    // "On the campaign trail Harris pulled away …": the run of name words before the verb
    let a = v;
    while (a > lo && toks[a - 1].pos === 'PROPN') a--;
    return a < v ? [a, v] : null;
  }
  return null;
}

/** The first token of token k's sentence. */
function sentenceStart(ctx: Ctx, k: number): number {
  return ctx.sentTok[ctx.toks[k].sentence]?.[0] ?? k;
}

/**
 * "Another source speaking to Fox News said": the phrase before the cue is the object of a participle that
 * modifies the subject; the subject speaks, not the participle's object.
 */
export function participleSubject<T>(toks: readonly Tok[], np: [number, number] | null | T, lo: number): [number, number] | null | T {
  if (!Array.isArray(np)) return np;
  const [a] = np as [number, number];
  if (a - 2 < lo || toks[a - 1].pos !== 'ADP' || toks[a - 2].pos !== 'VERB' || !toks[a - 2].lower.endsWith('ing')) return np;
  const subject = npBeforeSimple(toks, a - 2, lo);
  return subject && clauseInitial(toks, subject[0], lo) && toks[subject[1] - 1].pos !== 'PRON' ? subject : np;
}

/** The subject of the nearest cue before token `end` in [lo, end): "Lazar said … and added," → Lazar. */
export function subjectOfEarlierCue(toks: readonly Tok[], lo: number, end: number, withBeliefs: boolean): [number, number] | null {
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
export function previousSentenceSpeaker(ctx: Ctx, rq: RawQuote): void {
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
export function colonLeadIn(ctx: Ctx, lo: number, qa: number): Attribution | null {
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
