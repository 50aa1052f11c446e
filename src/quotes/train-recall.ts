/**
 * `npm run train:quotes`: trains the recall pass's decision (recall.ts) and writes models/quotes/recall.json.
 *
 * Examples are the recall candidates on the PolNeAR tune split only (`eval quotes` splits by SHA-1 of the
 * file name; the held-out half is never read here). A candidate is positive when it would count end to
 * end: its content overlaps (≥ 0.3, as `eval quotes` scores) a gold attribution that the rules' own
 * quotes have not already matched, and its speaker is right by the eval's rule.
 *
 * Then the keep decision (keep.ts) is trained the same way on every quote the pipeline produces with the
 * new recall model, labelled by the eval's own one-to-one matching: right end to end or not.
 *
 * Each threshold is chosen by two-fold cross-validation inside the tune split (articles alternate between
 * folds): each fold is scored by a model trained on the other, and the threshold that maximises the
 * end-to-end speech F1 of the whole split (rules' counts plus accepted candidates) is kept; the shipped
 * model is then trained on the whole tune split.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sharedPath } from '../core/paths.js';
import { trainLogistic, type LogisticModel, type LogisticOptions } from '../events/logistic.js';
import type { Layers, Quote } from '../core/layers.js';
import { analyzeQuotes, findBratPairs, groupPredictions, overlap, parseBrat, scoreArticle, splitOf, type Frag, type GoldAttribution } from './eval.js';
import { extractQuotes, extractRawQuotes } from './quotes.js';
import { KEEP_MODEL_PATH, keepDecides } from './keep.js';
import { RECALL_MODEL_PATH, recallScore } from './recall.js';
import { TAGGER_MODEL_PATH, tagContextFor, tokenFeatures } from './tagger.js';
import { sharedTokens } from './tokens.js';

const OPTIONS: LogisticOptions = { minCount: 3, epochs: 25, rate: 0.2, l2: 1e-4, prune: 0.01, threshold: 0.5, weightDigits: 3 };
const THRESHOLD = 0.3;
const TAGGER_OPTIONS: LogisticOptions = { minCount: 5, epochs: 6, rate: 0.2, l2: 1e-5, prune: 0.02, threshold: 0.5, weightDigits: 3 };
/**
 * `QUOTES_TAGGER=on`: also train the content tagger (tagger.ts) and give both decisions its features;
 * `QUOTES_TAGGER=keep`: the keep decision only. Off by default: it did not raise either decision's
 * cross-validated F1, so no tagger is shipped.
 */
const USE_TAGGER = process.env.QUOTES_TAGGER === 'on' || process.env.QUOTES_TAGGER === 'keep';
const RECALL_TAGGER = process.env.QUOTES_TAGGER === 'on';

interface Example {
  features: string[];
  label: 0 | 1;
  /** The matched gold is speech (counts in the headline recall). */
  speech: boolean;
  fold: number;
  /** Share of one scored prediction. */
  weight: number;
}

interface Totals {
  predicted: number;
  e2ePred: number;
  e2eSpeech: number;
  goldSpeech: number;
}

/** Gold attributions the rules' quotes already match (one-to-one, best overlap first, as the eval does). */
function matchedGold(quotes: readonly Quote[], gold: readonly GoldAttribution[]): Set<number> {
  return new Set(matchPairs(groupPredictions(quotes), gold).values());
}

/** Prediction index → matched gold index, one-to-one, best overlap first. */
function matchPairs(pred: ReadonlyArray<{ frags: Frag[] }>, gold: readonly GoldAttribution[]): Map<number, number> {
  const pairs: Array<{ p: number; g: number; o: number }> = [];
  pred.forEach((pr, p) => gold.forEach((g, gi) => {
    const o = overlap(pr.frags, g.content);
    if (o >= THRESHOLD) pairs.push({ p, g: gi, o });
  }));
  pairs.sort((x, y) => y.o - x.o);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out = new Map<number, number>();
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    out.set(p, g);
  }
  return out;
}

interface Doc {
  text: string;
  gold: GoldAttribution[];
  layers: Layers;
  /** Cross-validation fold (articles alternate). */
  fold: number;
  /** The tagger the decisions' features come from: while training, one that never saw this article. */
  tagger: LogisticModel | null;
}

function loadDocs(): Doc[] {
  const pairs = findBratPairs(sharedPath('data', 'polnear')).filter((p) => splitOf(p.name) === 'tune');
  return pairs.map((pair, n) => {
    const text = readFileSync(pair.txt, 'utf8');
    return { text, gold: parseBrat(readFileSync(pair.ann, 'utf8'), text), layers: analyzeQuotes(text, pair.txt).layers, fold: n % 2, tagger: null };
  });
}

/** Every token of the articles: inside some gold Content (by more than half its length) or not. */
function tokenExamples(docs: readonly Doc[]): Array<{ features: string[]; label: 0 | 1 }> {
  const out: Array<{ features: string[]; label: 0 | 1 }> = [];
  for (const { text, gold, layers } of docs) {
    const toks = sharedTokens(text, layers.tokens ?? []);
    const inside = new Uint8Array(text.length + 1);
    for (const g of gold) for (const f of g.content) inside.fill(1, f.start, f.end);
    const ctx = tagContextFor(text, toks);
    toks.forEach((t, i) => {
      let n = 0;
      for (let c = t.start; c < t.end; c++) n += inside[c];
      out.push({ features: tokenFeatures(ctx, i), label: n * 2 > t.end - t.start ? 1 : 0 });
    });
  }
  return out;
}

/** Token accuracy and content-token F1 of a tagger on held-apart articles (reported, not used to choose). */
function taggerReport(model: LogisticModel, examples: ReadonlyArray<{ features: string[]; label: 0 | 1 }>): string {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const x of examples) {
    const y = recallScore(model, x.features) >= 0.5 ? 1 : 0;
    if (y === x.label) right++;
    if (y === 1 && x.label === 1) tp++;
    else if (y === 1) fp++;
    else if (x.label === 1) fn++;
  }
  return `accuracy ${(right / examples.length).toFixed(3)}, content-token F1 ${f1(tp / (tp + fp), tp / (tp + fn)).toFixed(3)}`;
}

/**
 * The content tagger, cross-fitted: each fold's articles get a tagger trained on the other fold's (so the
 * decisions are trained on tagger features as the tagger gives them on unseen text); the shipped one is
 * trained on the whole split.
 */
function trainTaggers(docs: Doc[]): LogisticModel {
  for (const fold of [0, 1]) {
    const model = trainLogistic(tokenExamples(docs.filter((d) => d.fold !== fold)), TAGGER_OPTIONS);
    const apart = docs.filter((d) => d.fold === fold);
    console.log(`tagger, fold ${fold}: ${Object.keys(model.weights).length} weights; on the other fold's tokens ${taggerReport(model, tokenExamples(apart))}`);
    for (const d of apart) d.tagger = model;
  }
  const all = tokenExamples(docs);
  const model = trainLogistic(all, TAGGER_OPTIONS);
  console.log(`tagger: ${all.length} tokens, ${Object.keys(model.weights).length} weights`);
  return model;
}

/** Recall candidates, labelled against the gold the rules' quotes leave unmatched. */
function collectRecall(docs: readonly Doc[]): { examples: Example[]; totals: Totals } {
  const examples: Example[] = [];
  const totals: Totals = { predicted: 0, e2ePred: 0, e2eSpeech: 0, goldSpeech: 0 };
  docs.forEach(({ text, gold, layers, fold, tagger }) => {
    const quotes = extractQuotes(text, layers, { recall: false, keep: false, taggerModel: RECALL_TAGGER ? tagger : null });
    const s = scoreArticle(text, quotes, gold, [THRESHOLD], layers.entities ?? []);
    totals.predicted += s.predicted;
    totals.e2ePred += s.at[String(THRESHOLD)].e2ePred;
    totals.e2eSpeech += s.at[String(THRESHOLD)].e2eSpeech;
    totals.goldSpeech += s.goldSpeech;
    const taken = matchedGold(quotes, gold);
    const free = gold.filter((_, i) => !taken.has(i));
    const toks = sharedTokens(text, layers.tokens ?? []);
    extractRawQuotes(text, layers, {
      taggerModel: RECALL_TAGGER ? tagger : null,
      onRecallCandidate: (rq, features) => {
        const speaker = rq.speaker ? { start: toks[rq.speaker[0]].start, end: toks[rq.speaker[1] - 1].end } : null;
        const quote: Quote = {
          start: rq.start,
          end: rq.end,
          text: text.slice(rq.start, rq.end),
          kind: 'indirect',
          speaker: speaker ? { ...speaker, text: text.slice(speaker.start, speaker.end), entity: null, kind: 'name' } : null,
          cue: null,
          confidence: rq.confidence,
        };
        const one = scoreArticle(text, [quote], free, [THRESHOLD]).at[String(THRESHOLD)];
        examples.push({ features, label: one.e2ePred > 0 ? 1 : 0, speech: one.e2eSpeech > 0, fold, weight: 1 });
      },
    });
  });
  return { examples, totals };
}

/**
 * Every quote produced with the recall pass on, labelled by the eval's own matching: right end to end or
 * not. A quote is one of the fragments of its scored prediction, so it counts 1/fragments of a prediction.
 */
function collectKeep(docs: readonly Doc[], recall: LogisticModel): { examples: Example[]; totals: Totals } {
  const examples: Example[] = [];
  const totals: Totals = { predicted: 0, e2ePred: 0, e2eSpeech: 0, goldSpeech: 0 };
  docs.forEach(({ text, gold, layers, fold, tagger }) => {
    const features = new Map<Quote, string[]>();
    const quotes = extractQuotes(text, layers, { recallModel: recall, taggerModel: tagger, onKeepCandidate: (q, f) => features.set(q, f) });
    const entities = layers.entities ?? [];
    const s = scoreArticle(text, quotes, gold, [THRESHOLD], entities);
    totals.predicted += s.predicted;
    totals.e2ePred += s.at[String(THRESHOLD)].e2ePred;
    totals.e2eSpeech += s.at[String(THRESHOLD)].e2eSpeech;
    totals.goldSpeech += s.goldSpeech;
    const groups = groupPredictions(quotes);
    const match = matchPairs(groups, gold);
    groups.forEach((g, p) => {
      const gi = match.get(p);
      const members = quotes.filter((q) => g.frags.some((f) => f.start === q.start && f.end === q.end));
      const one = gi === undefined ? null : scoreArticle(text, members, [gold[gi]], [THRESHOLD], entities).at[String(THRESHOLD)];
      for (const q of members) {
        if (!keepDecides(q)) continue;
        const f = features.get(q);
        if (f) examples.push({ features: f, label: one && one.e2ePred > 0 ? 1 : 0, speech: !!one && one.e2eSpeech > 0, fold, weight: 1 / members.length });
      }
    });
  });
  return { examples, totals };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/**
 * End-to-end speech F1 of the split at threshold t: recall candidates scoring ≥ t are added to the base
 * output (sign +1), or produced quotes scoring < t are taken out of it (sign -1).
 */
function f1At(t: number, scored: ReadonlyArray<{ x: Example; p: number }>, base: Totals, sign: 1 | -1): number {
  let predicted = base.predicted;
  let e2ePred = base.e2ePred;
  let e2eSpeech = base.e2eSpeech;
  for (const { x, p } of scored) {
    if (sign === 1 ? p < t : p >= t) continue;
    predicted += sign * x.weight;
    e2ePred += sign * x.label * x.weight;
    if (x.speech) e2eSpeech += sign * x.weight;
  }
  return f1(e2ePred / predicted, e2eSpeech / base.goldSpeech);
}

/** Trains on one fold, scores the other, picks the threshold of the best cross-validated F1; then trains on all. */
function fit(name: string, examples: Example[], base: Totals, sign: 1 | -1, grid: readonly number[]): LogisticModel {
  const pos = examples.filter((x) => x.label === 1).length;
  console.log(`${name}: ${examples.length} examples on the tune split, ${pos} positive; e2e F1 before ${f1At(sign === 1 ? 2 : -1, [], base, sign).toFixed(4)}`);
  const scored: Array<{ x: Example; p: number }> = [];
  for (const fold of [0, 1]) {
    const model = trainLogistic(examples.filter((x) => x.fold !== fold), OPTIONS);
    for (const x of examples) if (x.fold === fold) scored.push({ x, p: recallScore(model, x.features) });
  }
  let best = { t: sign === 1 ? 2 : -1, f: f1At(sign === 1 ? 2 : -1, scored, base, sign) };
  for (const t of grid) {
    const f = f1At(t, scored, base, sign);
    console.log(`  threshold ${t.toFixed(3)}: cross-validated e2e F1 ${f.toFixed(4)}`);
    if (f > best.f) best = { t, f };
  }
  const model: LogisticModel = { ...trainLogistic(examples, OPTIONS), threshold: Math.round(best.t * 1000) / 1000 };
  console.log(`${name}: threshold ${model.threshold} (cross-validated e2e F1 ${best.f.toFixed(4)}); ${Object.keys(model.weights).length} weights`);
  return model;
}

function write(path: string, model: LogisticModel): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(model, null, 1) + '\n');
}

function main(): void {
  const docs = loadDocs();
  if (USE_TAGGER) write(TAGGER_MODEL_PATH, trainTaggers(docs));
  else if (existsSync(TAGGER_MODEL_PATH)) unlinkSync(TAGGER_MODEL_PATH);
  const grid = Array.from({ length: 27 }, (_, i) => 0.05 + i * 0.035);
  const r = collectRecall(docs);
  const recall = fit('recall', r.examples, r.totals, 1, grid);
  write(RECALL_MODEL_PATH, recall);
  const k = collectKeep(docs, recall);
  const keep = fit('keep', k.examples, k.totals, -1, grid);
  write(KEEP_MODEL_PATH, keep);
}

main();
