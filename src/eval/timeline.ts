/**
 * `dateline eval timeline`: timeline summarisation on Timeline17 (../shared/data/timeline17), scored as
 * in news-tls (Ghalandari & Ifrim 2020): alignment-based ROUGE-1/2 F1 ("align+ m:1", Martschat &
 * Markert 2017) and Date-F1.
 *
 * System (DATEWISE-style, unsupervised): our segmenter and time layer over every article (reference
 * day = the article's publication date); a date's score is the number of sentences whose time
 * expressions resolve to that exact day, plus half the number of articles published that day; the top
 * L dates are kept (L = the gold timeline's number of dates, as in news-tls); for each date, candidate
 * sentences (those mentioning the date, and the first sentences of that day's articles) are ranked by
 * TF-IDF cosine to the candidates' centroid, and the top k are kept (k = the gold's mean sentences per
 * date), skipping near-duplicates. As in news-tls, dates and articles are restricted to the gold
 * timeline's date range.
 *
 * Scoring, a documented simplification of tilse: tokens are lowercased words (no stemming, no
 * stopword removal); each system date is aligned to the gold date minimising
 * (1 − ROUGE-1 F of the two summaries) + (1 − 1/(|Δdays| + 1)); matched n-gram counts (clipped) are
 * weighted by 1/(|Δdays| + 1); precision divides by all system n-grams, recall by all gold n-grams.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../core/article.js';
import { DatelineError } from '../core/errors.js';
import { sharedPath } from '../core/paths.js';
import { stringFlag, type ParsedArgs } from '../cli/args.js';
import { segmentText } from '../segment/segment.js';
import { timesForText } from '../time/time.js';
import type { EvalReport, EvalTask } from './types.js';

export type Timeline = Map<string, string[]>;

/** Timeline17 topics with article texts, and their gold timeline folders. */
export const T17_TOPICS: Record<string, { articles: string; timelines: string }> = {
  mj: { articles: 'MJ_bbc', timelines: 'mj' },
  haiti: { articles: 'haiti_bbc', timelines: 'haiti' },
  h1n1: { articles: 'H1N1_guardian', timelines: 'h1n1' },
};

/** The tilse timeline format: blocks split by a line of dashes, each a date line then sentences. */
export function parseTimeline(text: string): Timeline {
  const out: Timeline = new Map();
  for (const block of text.split(/^-{8,}\s*$/m)) {
    const lines = block.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (!lines.length || !/^\d{4}-\d{2}-\d{2}$/.test(lines[0])) continue;
    const list = out.get(lines[0]) ?? [];
    list.push(...lines.slice(1));
    out.set(lines[0], list);
  }
  return out;
}

// ---------------------------------------------------------------- ROUGE

const PTB: Record<string, string> = { '-lrb-': '', '-rrb-': '', '``': '', "''": '' };

export function words(s: string): string[] {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|-lrb-|-rrb-/gu) ?? []).filter((w) => PTB[w] === undefined);
}

function ngrams(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join(' ');
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function total(m: Map<string, number>): number {
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

function f1(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

export interface TimelineScores {
  ar1: { p: number; r: number; f: number };
  ar2: { p: number; r: number; f: number };
  date: { p: number; r: number; f: number };
}

/** Alignment-based ROUGE (align+ m:1, simplified; see the header) and Date-F1. */
export function scoreTimeline(pred: Timeline, gold: Timeline): TimelineScores {
  const goldDates = [...gold.keys()];
  const tok = (t: Timeline) => new Map([...t].map(([d, s]) => [d, words(s.join(' '))]));
  const pt = tok(pred);
  const gt = tok(gold);
  const scores = (n: number) => {
    let matched = 0;
    let predTotal = 0;
    let goldTotal = 0;
    for (const [, g] of gt) goldTotal += total(ngrams(g, n));
    for (const [d, p] of pt) {
      const pn = ngrams(p, n);
      predTotal += total(pn);
      if (!goldDates.length) continue;
      const p1 = ngrams(p, 1);
      let best = goldDates[0];
      let bestCost = Infinity;
      for (const g of goldDates) {
        const g1 = ngrams(gt.get(g) ?? [], 1);
        const o = overlap(p1, g1);
        const rf = f1(total(p1) ? o / total(p1) : 0, total(g1) ? o / total(g1) : 0);
        const cost = 1 - rf + (1 - 1 / (daysBetween(d, g) + 1));
        if (cost < bestCost) {
          bestCost = cost;
          best = g;
        }
      }
      matched += overlap(pn, ngrams(gt.get(best) ?? [], n)) / (daysBetween(d, best) + 1);
    }
    const p = predTotal ? matched / predTotal : 0;
    const r = goldTotal ? matched / goldTotal : 0;
    return { p, r, f: f1(p, r) };
  };
  const hits = [...pred.keys()].filter((d) => gold.has(d)).length;
  const dp = pred.size ? hits / pred.size : 0;
  const dr = gold.size ? hits / gold.size : 0;
  return { ar1: scores(1), ar2: scores(2), date: { p: dp, r: dr, f: f1(dp, dr) } };
}

// ---------------------------------------------------------------- system

export interface T17Article {
  dct: string;
  text: string;
}

interface Sent {
  text: string;
  article: number;
  position: number;
  vec: Map<string, number>;
  dates: string[];
}

const STOP = new Set('the a an and or but of to in on at for with by from as is are was were be been has have had it its this that he she they we you his her their not said says will would s'.split(' '));

function vectorize(ws: string[], idf: Map<string, number>): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of ws) if (!STOP.has(w)) v.set(w, (v.get(w) ?? 0) + 1);
  let norm = 0;
  for (const [w, c] of v) {
    const x = c * (idf.get(w) ?? 1);
    v.set(w, x);
    norm += x * x;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [w, x] of v) v.set(w, x / norm);
  return v;
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  for (const [w, v] of x) {
    const u = y.get(w);
    if (u !== undefined) s += v * u;
  }
  return s;
}

export interface BuildOptions {
  dates: number;
  perDate: number;
  range?: { from: string; to: string };
}

/** Builds a timeline from dated articles (see the header for the method). */
export function buildTimeline(articles: readonly T17Article[], options: BuildOptions): Timeline {
  const inRange = (d: string) => !options.range || (d >= options.range.from && d <= options.range.to);
  const sents: Sent[] = [];
  const dfCount = new Map<string, number>();
  const pubCount = new Map<string, number>();
  const raw: Array<{ ws: string[]; text: string; article: number; position: number; dates: string[] }> = [];
  articles.forEach((a, ai) => {
    if (options.range && a.dct > options.range.to) return;
    pubCount.set(a.dct, (pubCount.get(a.dct) ?? 0) + 1);
    const seg = segmentText(a.text);
    const sentences: Span[] = seg.sentences;
    const times = timesForText(a.text, sentences, a.dct);
    let ti = 0;
    sentences.forEach((s, position) => {
      const dates: string[] = [];
      while (ti < times.length && times[ti].start < s.end) {
        const t = times[ti++];
        if (t.start >= s.start && t.type === 'DATE' && t.range && t.range.from === t.range.to && inRange(t.range.from)) dates.push(t.range.from);
      }
      const text = a.text.slice(s.start, s.end);
      const ws = words(text);
      if (ws.length < 5 || ws.length > 60) return;
      for (const w of new Set(ws)) dfCount.set(w, (dfCount.get(w) ?? 0) + 1);
      raw.push({ ws, text, article: ai, position, dates: [...new Set(dates)] });
    });
  });
  const n = raw.length || 1;
  const idf = new Map<string, number>();
  for (const [w, c] of dfCount) idf.set(w, Math.log(n / c));
  for (const r of raw) sents.push({ text: r.text, article: r.article, position: r.position, vec: vectorize(r.ws, idf), dates: r.dates });
  // Date ranking: sentences that mention the day, plus half the articles published that day.
  const score = new Map<string, number>();
  for (const s of sents) for (const d of s.dates) score.set(d, (score.get(d) ?? 0) + 1);
  for (const [d, c] of pubCount) if (inRange(d)) score.set(d, (score.get(d) ?? 0) + 0.5 * c);
  const chosen = [...score.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.dates).map(([d]) => d);
  const out: Timeline = new Map();
  const picked: Array<Map<string, number>> = [];
  for (const d of chosen.sort()) {
    const cands = sents.filter((s) => s.dates.includes(d) || (articles[s.article].dct === d && s.position < 5));
    if (!cands.length) continue;
    const centroid = new Map<string, number>();
    for (const c of cands) for (const [w, v] of c.vec) centroid.set(w, (centroid.get(w) ?? 0) + v / cands.length);
    const ranked = cands.map((c) => ({ c, s: dot(c.vec, centroid) + (c.dates.includes(d) ? 0.05 : 0) })).sort((a, b) => b.s - a.s);
    const summary: string[] = [];
    for (const { c } of ranked) {
      if (summary.length >= options.perDate) break;
      if (picked.some((p) => dot(p, c.vec) > 0.5)) continue;
      summary.push(c.text);
      picked.push(c.vec);
    }
    if (summary.length) out.set(d, summary);
  }
  return out;
}

// ---------------------------------------------------------------- task

function readArticles(path: string, max: number): T17Article[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Array<{ dct: string; text: string }>;
  return data
    .filter((a) => typeof a.text === 'string' && /^\d{4}-\d{2}-\d{2}/.test(a.dct))
    .slice(0, max)
    .map((a) => ({ dct: a.dct.slice(0, 10), text: a.text }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export const timelineTask: EvalTask = {
  name: 'timeline',
  summary: 'Timeline17 timeline summarisation: alignment ROUGE-1/2 F1 and Date-F1 (news-tls protocol)',
  usage: `dateline eval timeline [--data DIR] [--topics mj,haiti,h1n1] [--max-articles N] [--json] [--report FILE]

  DIR defaults to ../shared/data/timeline17 (articles/<topic>/articles.json, timelines/<topic>/*.txt).
  Each gold timeline of each topic is one test case (news-tls); figures are means over cases.
  DATEWISE (news-tls, T17): AR-1 F .120, AR-2 F .035, Date-F1 .544.`,
  async run(args: ParsedArgs): Promise<EvalReport> {
    const dir = stringFlag(args, 'data') ?? sharedPath('data', 'timeline17');
    if (!existsSync(join(dir, 'articles'))) throw new DatelineError('EVAL_INPUT', { message: `no Timeline17 articles under ${dir}` });
    const topics = (stringFlag(args, 'topics') ?? Object.keys(T17_TOPICS).join(',')).split(',').map((t) => t.trim()).filter(Boolean);
    const maxArticles = Number(stringFlag(args, 'max-articles') ?? 100_000);
    const rows: Array<Array<string | number>> = [];
    const all: TimelineScores[] = [];
    const started = Date.now();
    let words = 0;
    for (const topic of topics) {
      const spec = T17_TOPICS[topic];
      if (!spec) throw new DatelineError('EVAL_INPUT', { message: `unknown topic '${topic}' (known: ${Object.keys(T17_TOPICS).join(', ')})` });
      const articlesPath = join(dir, 'articles', spec.articles, 'articles.json');
      const goldDir = join(dir, 'timelines', spec.timelines);
      if (!existsSync(articlesPath) || !existsSync(goldDir)) throw new DatelineError('EVAL_INPUT', { message: `topic ${topic}: missing ${articlesPath} or ${goldDir}` });
      const articles = readArticles(articlesPath, maxArticles);
      for (const a of articles) words += a.text.split(/\s+/).length;
      for (const file of readdirSync(goldDir).filter((f) => f.endsWith('.txt')).sort()) {
        const gold = parseTimeline(readFileSync(join(goldDir, file), 'utf8'));
        const dates = [...gold.keys()].sort();
        if (!dates.length) continue;
        const perDate = Math.max(1, Math.round([...gold.values()].reduce((s, l) => s + l.length, 0) / gold.size));
        const pred = buildTimeline(articles, { dates: gold.size, perDate, range: { from: dates[0], to: dates[dates.length - 1] } });
        const s = scoreTimeline(pred, gold);
        all.push(s);
        rows.push([`${topic}/${file.replace(/\.txt$/, '')}`, articles.length, gold.size, pred.size, round(s.ar1.f), round(s.ar2.f), round(s.date.f)]);
      }
    }
    const mean = (f: (s: TimelineScores) => number) => (all.length ? all.reduce((x, s) => x + f(s), 0) / all.length : 0);
    const metrics = { ar1_f: round(mean((s) => s.ar1.f)), ar2_f: round(mean((s) => s.ar2.f)), date_f1: round(mean((s) => s.date.f)), cases: all.length };
    rows.push(['mean', '', '', '', metrics.ar1_f, metrics.ar2_f, metrics.date_f1]);
    rows.push(['DATEWISE (news-tls, all 9 T17 topics)', '', '', '', 0.12, 0.035, 0.544]);
    const seconds = (Date.now() - started) / 1000;
    return {
      task: 'timeline',
      data: `${dir} topics ${topics.join(',')}`,
      tables: [{ title: 'Timeline17 (align+ m:1 ROUGE F1, Date-F1)', columns: ['case', 'articles', 'gold dates', 'dates', 'AR-1 F', 'AR-2 F', 'Date F1'], rows }],
      metrics,
      notes: [
        `${words} words in ${seconds.toFixed(1)} s; only 3 of the 9 T17 topics have article texts in ../shared, so the comparison with DATEWISE is indicative`,
        'ROUGE here: lowercased words, no stemming or stopword removal; alignment cost as documented in src/eval/timeline.ts',
      ],
    };
  },
};
