/**
 * Questions put to someone, as news reports them: "Asked about the merger, she said …", "When asked
 * whether he would run, he …", "he was asked what happened to the black vote". The attribution is the
 * question: its content is the topic asked about, up to the clause's comma or the sentence end; the asker
 * is named only when the sentence says who asked ("asked by a reporter whether …"), otherwise nobody is
 * (the person asked is the addressee, not the speaker). Each is offered to the keep decision like any
 * reported speech.
 */
import type { RawQuote } from './raw-quote.js';
import type { Tok } from './tokens.js';

/** Words that open the question itself; "about" is the cue's particle and is left out of the content. */
const QUESTION_OPENERS = new Set(['about', 'whether', 'if', 'why', 'how', 'what', 'who', 'whom', 'when', 'where', 'which']);
/** Before a participial "asked": the question opens its clause. */
const PARTICIPLE_BEFORE = new Set(['when', 'after', 'once', 'while', 'if', 'being', 'upon']);
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', "'s", '’s']);
/** Tokens an adjunct between "asked" and the question may take ("at a briefing Monday in Washington"). */
const ADJUNCT_MAX_TOKENS = 12;

export interface AskedContext {
  toks: readonly Tok[];
  /** Token is already part of a quote or an attribution clause. */
  taken: (i: number) => boolean;
  /** The noun phrase starting at a token ("a reporter" after "by"). */
  npAfter: (start: number, hi: number) => [number, number] | null;
}

/** The question attributions in sentence toks[sa, sb). */
export function askedQuotes(ctx: AskedContext, sa: number, sb: number): RawQuote[] {
  const { toks, taken } = ctx;
  const out: RawQuote[] = [];
  for (let k = sa; k < sb; k++) {
    if (toks[k].lower !== 'asked' || taken(k)) continue;
    let prev = k - 1;
    while (prev >= sa && toks[prev].pos === 'ADV' && !PARTICIPLE_BEFORE.has(toks[prev].lower)) prev--;
    const before = prev >= sa ? toks[prev] : null;
    const participle = before === null || before.text === ',' || before.text === '—' || PARTICIPLE_BEFORE.has(before.lower);
    const passive = before !== null && PASSIVE_AUX.has(before.lower);
    if (!participle && !passive) continue;
    let p = k + 1;
    let speaker: [number, number] | null = null;
    if (p < sb && toks[p].lower === 'by') {
      speaker = ctx.npAfter(p + 1, sb);
      if (!speaker) continue;
      p = speaker[1];
    }
    // adjuncts up to the question: "at a briefing Monday in Washington", "during a luncheon held by …"
    let q = p;
    while (q < sb && q - p <= ADJUNCT_MAX_TOKENS && !QUESTION_OPENERS.has(toks[q].lower) && toks[q].text !== ',' && toks[q].pos !== 'PUNCT' && toks[q].lower !== 'to') q++;
    if (q >= sb || !QUESTION_OPENERS.has(toks[q].lower)) continue;
    const a = toks[q].lower === 'about' ? q + 1 : q;
    let b = a;
    while (b < sb && toks[b].text !== ',' && toks[b].text !== ';' && !(toks[b].pos === 'PUNCT' && /^[.?!]$/.test(toks[b].text)) && !taken(b)) b++;
    if (b - a < 2) continue;
    out.push({
      start: toks[a].start,
      end: toks[b - 1].end,
      kind: 'indirect',
      speaker,
      cue: [k, k + 1],
      lemma: 'ask',
      addressee: null,
      clause: [k, a],
      confidence: 0.5,
    });
    k = b;
  }
  return out;
}
