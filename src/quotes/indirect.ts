/** Indirect speech: "X said …", "…, X said", "according to X" outside quotation marks. */
import { ATTRIBUTION_ADVERBS, SPEECH_CUES, WEAK_CUES } from './lexicon.js';
import { type MarkedSpan, isFinalPunct, isQuoteMark } from './quote-marks.js';
import { BUT_ADDED, CONTRAST_OPENERS, DROP, QUOTE_RUN_MAX_TOKENS, SUBORDINATORS, appositionAfter, clauseInitial, clauseSubject, cueLemma, goOnCue, hasClause, hasClauseFinite, isCapName, isFrontedAdverbial, isTimeWord, npAfter, npBefore, relativeSubject, skipBackAdverbials, skipForwardAdjuncts, sourceAfter, speakerOfDocument, speakerTailEnd, subjectClauseAt, thatAhead, trimContent } from './phrases.js';
import { type Ctx, type RawQuote } from './raw-quote.js';
import type { Tok } from './tokens.js';
import { statementEnd } from './recall-pass.js';
import { objectGapAfter } from './gap.js';

export function extractIndirect(
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
    // "who said …" is kept; "who claimed …", "who believes …" (weak or belief cues) only with a "that" complement
    // ("Senator Doe, who claimed at one point that China …")
    // ("Senator Doe, who claimed at one point that China …"), never an object's relative ("who claimed the prize that he …")
    if (np[1] - np[0] === 1 && (toks[np[0]].lower === 'who' || toks[np[0]].lower === 'which') && (WEAK_CUES.has(lemma) || !speech) && thatRightAfter(toks, k + 1, sb, lemma) < 0) continue;
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
      // "claimed the prize that he had coveted": a "that" after the object, missing its own object, is the object's relative
      if (that >= 0 && thatRightAfter(toks, k + 1, sb, lemma) !== that && objectGapAfter(toks, that, sb)) continue;
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
        if ((toks[c].lower === 'but' || toks[c].lower === 'and') && (BUT_ADDED.has(toks[c + 1].lower) || secondCue(toks, c + 1) || goOn >= 0) && !used[goOn >= 0 ? goOn : c + 1]) {
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
      b = relativeClauseEnd(toks, inQuote, cur.speaker, sa, a, b);
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

/**
 * "Obama, who told the convention that America was great, left early": a content spoken by the relative "who"/"which"
 * of a clause set off by commas ends where that clause closes — at the first comma outside quotation marks followed
 * by the main clause's verb (an adverb may come between).
 */
export function relativeClauseEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, speaker: [number, number], sa: number, a: number, b: number): number {
  const w = toks[speaker[0]].lower;
  if (speaker[1] - speaker[0] !== 1 || (w !== 'who' && w !== 'which') || speaker[0] <= sa || toks[speaker[0] - 1].text !== ',') return b;
  for (let c = a + 1; c < b - 1; c++) {
    if (toks[c].text !== ',' || inQuote[c] >= 0) continue;
    // "that the deal, signed in May, was dead": a participle phrase set off by commas inside the content, before its
    // clause has a verb, is skipped whole
    const close = participlePairEnd(toks, inQuote, a, c, b);
    if (close > 0) {
      c = close;
      continue;
    }
    let v = c + 1;
    while (v < b - 1 && toks[v].pos === 'ADV') v++;
    if ((toks[v].pos === 'VERB' || toks[v].pos === 'AUX') && !toks[v].lower.endsWith('ing')) return c;
  }
  return b;
}

/**
 * The closing comma of a participle phrase opened by the comma at c ("the deal, signed in May, was …"), where the
 * content [a, c) ends in a noun and has no verb yet; 0 when c opens none.
 */
function participlePairEnd(toks: readonly Tok[], inQuote: ArrayLike<number>, a: number, c: number, b: number): number {
  const p = toks[c + 1];
  const before = toks[c - 1];
  if (!p || p.pos !== 'VERB' || !/(?:ed|en|wn|ing)$/.test(p.lower) || (before.pos !== 'NOUN' && before.pos !== 'PROPN')) return 0;
  for (let q = a; q < c; q++) if (toks[q].pos === 'VERB' || toks[q].pos === 'AUX') return 0;
  for (let q = c + 2; q < b - 1 && q < c + 14; q++) {
    if (inQuote[q] >= 0 || toks[q].pos === 'VERB' || toks[q].pos === 'AUX' || isFinalPunct(toks[q])) return 0;
    if (toks[q].text === ',') return q;
  }
  return 0;
}

/** A "that" right after a cue at p, past adverbs and prepositional phrases ("claimed at one point that …"), or -1. */
function thatRightAfter(toks: readonly Tok[], p: number, hi: number, lemma: string): number {
  while (p < hi && toks[p].pos === 'ADV') p++;
  p = skipForwardAdjuncts(toks, p, hi, lemma).next;
  while (p < hi && toks[p].pos === 'ADV') p++;
  return p < hi && toks[p].lower === 'that' ? p : -1;
}

/**
 * "said the plan was dead and urged Congress to start again", "… and vowed to fight on": a second speech verb of the
 * same subject (past tense, a cue that needs no complement to be trusted) opens a statement of its own.
 */
function secondCue(toks: readonly Tok[], v: number): boolean {
  const t = toks[v];
  if (!t || t.pos !== 'VERB' || !t.lower.endsWith('ed')) return false;
  const lemma = SPEECH_CUES.get(t.lower);
  return lemma !== undefined && !WEAK_CUES.has(lemma);
}
