/** Raw quote extraction over one article: quoted spans and their attributions, then indirect speech and the later passes. */
import type { Layers } from '../core/layers.js';
import { PRONOUNS } from './lexicon.js';
import { firstAtOrAfter, type Tok } from './tokens.js';
import { findQuotedSpans } from './quote-marks.js';
import type { Attribution } from './phrases.js';
import { type Ctx, type ExtractOptions, type RawQuote, buildTokens, continuesAfter, isStandalone, resumesInterrupted } from './raw-quote.js';
import { afterClause, beforeLimit, colonLeadIn, parseClause, parseLeadIn, previousSentenceSpeaker, shapeAfter, signOffAfter } from './attribution.js';
import { extractIndirect } from './indirect.js';
import { questionsPass, recallPass } from './recall-pass.js';
import { nominalCuePass } from './nominal-cues.js';

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
  nominalCuePass(ctx, raw);

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
      const sameSpeakerTurn = prevPara === para || (prevPara === para - 1 && rq.start === paragraphs[para].start) || resumesAcrossInserts(text, paragraphs, prev, prevPara, rq, para);
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
  return { raw: withoutNestedDuplicates(raw, toks), toks };
}

/**
 * "He added that they felt that it was UKIP who …", "Biden has said he will announce …": a reported statement
 * by a pronoun whose cue lies inside another reported content ending where it ends is part of that content, not a
 * second attribution. Direct quotes are never dropped. `raw` sorted by start; O(n log n).
 */
export function withoutNestedDuplicates(raw: RawQuote[], toks: readonly Tok[]): RawQuote[] {
  const outerByEnd = new Map<number, RawQuote>();
  // the earliest-starting reported content per end offset (raw is in start order)
  for (const r of raw) if (r.kind !== 'direct' && !outerByEnd.has(r.end)) outerByEnd.set(r.end, r);
  return raw.filter((r) => {
    // only a pronoun speaker, who refers back into the outer statement; a named one is a nested source ("The
    // Times reported that Coulter tweeted that …")
    if (r.kind === 'direct' || !r.cue || !r.speaker || r.speaker[1] - r.speaker[0] !== 1 || !PRONOUNS.has(toks[r.speaker[0]].lower)) return true;
    const outer = outerByEnd.get(r.end);
    return !outer || outer === r || toks[r.cue[0]].start < outer.start;
  });
}

/** Paragraphs a web page may put inside a quotation (an advert line, a photo caption), and their longest. */
export const INSERT_MAX_PARAGRAPHS = 2;
export const INSERT_MAX_CHARS = 160;

/**
 * “It hurts, it hurts so much. ¶ Visit CNN.com/sport for more … ¶ North Macedonia players celebrate … ¶ “We have
 * always …”: a direct quote left open at the end of its paragraph goes on in the next paragraph that opens with a
 * quotation mark, when only short paragraphs without quotation marks (advert lines, captions) come between.
 */
export function resumesAcrossInserts(
  text: string,
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
  prev: RawQuote,
  prevPara: number,
  rq: RawQuote,
  para: number,
): boolean {
  if (prev.kind !== 'direct' || rq.kind !== 'direct' || rq.start !== paragraphs[para].start) return false;
  if (para - prevPara < 2 || para - prevPara > INSERT_MAX_PARAGRAPHS + 1) return false;
  // the earlier quote runs to its paragraph's end with no closing mark
  if (text.slice(prev.end, paragraphs[prevPara].end).trim() !== '' || /["”»']\s*$/.test(text.slice(prev.start, prev.end))) return false;
  for (let p = prevPara + 1; p < para; p++) {
    const body = text.slice(paragraphs[p].start, paragraphs[p].end);
    if (body.length > INSERT_MAX_CHARS || /["“”«»]/.test(body)) return false;
  }
  return true;
}

/** Characters of a sign-off paragraph ("- Bernie Sanders."). */
