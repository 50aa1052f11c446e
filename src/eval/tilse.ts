/**
 * The standard timeline-summarisation scores, as the tilse toolkit computes them (Martschat & Markert
 * 2017) and news-tls reports them: alignment-based ROUGE-1/2 ("align+ m:1") and Date-F1.
 *
 * ROUGE counts follow ROUGE-1.5.5 with `-m -s -t 2`: lowercase, non-alphanumerics become spaces,
 * SMART stopwords removed, Porter stems for words longer than 3 letters; counts are raw (clipped
 * matches, system n-grams, reference n-grams) and a daily summary is one token sequence.
 * Alignment: each system date goes to the reference date minimising
 * (1 − 1/(|Δdays|+1)) × (1 − ROUGE-1 approximation over whitespace tokens) (precision side), and each
 * reference date to the system date minimising the same cost (recall side); matched counts are
 * weighted by 1/(|Δdays|+1). Precision divides by all system n-grams, recall by all reference n-grams.
 */
import { porterStem } from '../timeline/porter.js';
import { SMART_STOPWORDS } from '../timeline/stopwords.js';

export type Timeline = Map<string, string[]>;

export interface PRF {
  p: number;
  r: number;
  f: number;
}

export interface TimelineScores {
  ar1: PRF;
  ar2: PRF;
  date: PRF;
}

/** ROUGE-1.5.5 tokens of a text (`-m -s`). */
export function rougeTokens(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')) {
    if (!w || SMART_STOPWORDS.has(w)) continue;
    out.push(w.length > 3 ? porterStem(w) : w);
  }
  return out;
}

function ngrams(tokens: readonly string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function size(m: Map<string, number>): number {
  let t = 0;
  for (const v of m.values()) t += v;
  return t;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let o = 0;
  for (const [g, c] of a) {
    const d = b.get(g);
    if (d) o += Math.min(c, d);
  }
  return o;
}

export function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

/** tilse's ROUGE-1 approximation for the alignment cost: whitespace tokens as written, no stemming. */
function approxRouge1(pred: readonly string[], ref: readonly string[]): number {
  const p = ngrams(pred.join(' ').split(/\s+/).filter(Boolean), 1);
  const r = ngrams(ref.join(' ').split(/\s+/).filter(Boolean), 1);
  const m = overlap(p, r);
  const ps = size(p);
  const rs = size(r);
  return f1(ps ? m / ps : 0, rs ? m / rs : 0);
}

/** Date-F1 over exact days (news-tls). */
export function dateF1(pred: Timeline, gold: Timeline): PRF {
  const hits = [...pred.keys()].filter((d) => gold.has(d)).length;
  const p = pred.size ? hits / pred.size : 0;
  const r = gold.size ? hits / gold.size : 0;
  return { p, r, f: f1(p, r) };
}

/** align+ m:1 ROUGE-1/2 and Date-F1 of a predicted timeline against one reference timeline. */
export function scoreTimeline(pred: Timeline, gold: Timeline): TimelineScores {
  const pd = [...pred.keys()].sort();
  const gd = [...gold.keys()].sort();
  const tokens = (t: Timeline, d: string) => rougeTokens((t.get(d) ?? []).join(' '));
  const pTok = new Map(pd.map((d) => [d, tokens(pred, d)]));
  const gTok = new Map(gd.map((d) => [d, tokens(gold, d)]));
  const cost = new Map<string, number>();
  const costOf = (p: string, g: string) => {
    const key = `${p}|${g}`;
    let c = cost.get(key);
    if (c === undefined) {
      const dateFactor = 1 - 1 / (Math.abs(dayNumber(p) - dayNumber(g)) + 1);
      c = dateFactor * (1 - approxRouge1(pred.get(p) ?? [], gold.get(g) ?? []));
      cost.set(key, c);
    }
    return c;
  };
  const argmin = <T>(items: readonly T[], f: (x: T) => number): T | undefined => {
    let best: T | undefined;
    let bestCost = Infinity;
    for (const x of items) {
      const c = f(x);
      if (c < bestCost) {
        bestCost = c;
        best = x;
      }
    }
    return best;
  };
  const precisionPairs = pd.map((p) => [p, argmin(gd, (g) => costOf(p, g))] as const);
  const recallPairs = gd.map((g) => [argmin(pd, (p) => costOf(p, g)), g] as const);
  const rouge = (n: number): PRF => {
    let pNum = 0;
    let pDen = 0;
    let rNum = 0;
    let rDen = 0;
    for (const [p, g] of precisionPairs) {
      const pn = ngrams(pTok.get(p) ?? [], n);
      pDen += size(pn);
      if (g !== undefined) pNum += overlap(pn, ngrams(gTok.get(g) ?? [], n)) / (Math.abs(dayNumber(p) - dayNumber(g)) + 1);
    }
    for (const [p, g] of recallPairs) {
      const gn = ngrams(gTok.get(g) ?? [], n);
      rDen += size(gn);
      if (p !== undefined) rNum += overlap(ngrams(pTok.get(p) ?? [], n), gn) / (Math.abs(dayNumber(p) - dayNumber(g)) + 1);
    }
    const prec = pDen ? pNum / pDen : 0;
    const rec = rDen ? rNum / rDen : 0;
    return { p: prec, r: rec, f: f1(prec, rec) };
  };
  return { ar1: rouge(1), ar2: rouge(2), date: dateF1(pred, gold) };
}
