/**
 * `npm run train:quotes`: trains the recall pass's decision (recall.ts) and writes models/quotes/recall.json.
 *
 * Examples are the recall candidates on the PolNeAR tune split only (`eval quotes` splits by SHA-1 of the
 * file name; the held-out half is never read here). A candidate is positive when it would count end to
 * end: its content overlaps (≥ 0.3, as `eval quotes` scores) a gold attribution that the rules' own
 * quotes have not already matched, and its speaker is right by the eval's rule.
 *
 * The threshold is chosen by two-fold cross-validation inside the tune split (articles alternate between
 * folds): each fold is scored by a model trained on the other, and the threshold that maximises the
 * end-to-end speech F1 of the whole split (rules' counts plus accepted candidates) is kept; the shipped
 * model is then trained on the whole tune split.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { sharedPath } from '../core/paths.js';
import { trainLogistic, type LogisticModel, type LogisticOptions } from '../events/logistic.js';
import type { Quote } from '../core/layers.js';
import { analyzeQuotes, findBratPairs, groupPredictions, overlap, parseBrat, scoreArticle, splitOf, type GoldAttribution } from './eval.js';
import { extractQuotes, extractRawQuotes } from './quotes.js';
import { RECALL_MODEL_PATH, recallScore } from './recall.js';
import { sharedTokens } from './tokens.js';

const OPTIONS: LogisticOptions = { minCount: 3, epochs: 25, rate: 0.2, l2: 1e-4, prune: 0.01, threshold: 0.5, weightDigits: 3 };
const THRESHOLD = 0.3;

interface Example {
  features: string[];
  label: 0 | 1;
  /** The matched gold is speech (counts in the headline recall). */
  speech: boolean;
  fold: number;
}

interface Totals {
  predicted: number;
  e2ePred: number;
  e2eSpeech: number;
  goldSpeech: number;
}

/** Gold attributions the rules' quotes already match (one-to-one, best overlap first, as the eval does). */
function matchedGold(quotes: readonly Quote[], gold: readonly GoldAttribution[]): Set<number> {
  const pred = groupPredictions(quotes);
  const pairs: Array<{ p: number; g: number; o: number }> = [];
  pred.forEach((pr, p) => gold.forEach((g, gi) => {
    const o = overlap(pr.frags, g.content);
    if (o >= THRESHOLD) pairs.push({ p, g: gi, o });
  }));
  pairs.sort((x, y) => y.o - x.o);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
  }
  return usedG;
}

function collect(): { examples: Example[]; totals: Totals } {
  const pairs = findBratPairs(sharedPath('data', 'polnear')).filter((p) => splitOf(p.name) === 'tune');
  const examples: Example[] = [];
  const totals: Totals = { predicted: 0, e2ePred: 0, e2eSpeech: 0, goldSpeech: 0 };
  pairs.forEach((pair, n) => {
    const text = readFileSync(pair.txt, 'utf8');
    const gold = parseBrat(readFileSync(pair.ann, 'utf8'), text);
    const { layers } = analyzeQuotes(text, pair.txt);
    const quotes = extractQuotes(text, layers, { recall: false });
    const s = scoreArticle(text, quotes, gold, [THRESHOLD], layers.entities ?? []);
    totals.predicted += s.predicted;
    totals.e2ePred += s.at[String(THRESHOLD)].e2ePred;
    totals.e2eSpeech += s.at[String(THRESHOLD)].e2eSpeech;
    totals.goldSpeech += s.goldSpeech;
    const taken = matchedGold(quotes, gold);
    const free = gold.filter((_, i) => !taken.has(i));
    const toks = sharedTokens(text, layers.tokens ?? []);
    extractRawQuotes(text, layers, {
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
        examples.push({ features, label: one.e2ePred > 0 ? 1 : 0, speech: one.e2eSpeech > 0, fold: n % 2 });
      },
    });
  });
  return { examples, totals };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** End-to-end speech F1 of the split when candidates scoring ≥ t are added to the rules' output. */
function f1At(t: number, scored: ReadonlyArray<{ x: Example; p: number }>, base: Totals): number {
  let predicted = base.predicted;
  let e2ePred = base.e2ePred;
  let e2eSpeech = base.e2eSpeech;
  for (const { x, p } of scored) {
    if (p < t) continue;
    predicted++;
    e2ePred += x.label;
    if (x.speech) e2eSpeech++;
  }
  return f1(e2ePred / predicted, e2eSpeech / base.goldSpeech);
}

function main(): void {
  const { examples, totals } = collect();
  const pos = examples.filter((x) => x.label === 1).length;
  console.log(`${examples.length} candidates on the tune split, ${pos} positive; rules alone: e2e F1 ${f1(totals.e2ePred / totals.predicted, totals.e2eSpeech / totals.goldSpeech).toFixed(4)}`);
  const scored: Array<{ x: Example; p: number }> = [];
  for (const fold of [0, 1]) {
    const model = trainLogistic(examples.filter((x) => x.fold !== fold), OPTIONS);
    for (const x of examples) if (x.fold === fold) scored.push({ x, p: recallScore(model, x.features) });
  }
  let best = { t: 1, f: f1At(1.01, scored, totals) };
  for (let t = 0.3; t <= 0.951; t += 0.025) {
    const f = f1At(t, scored, totals);
    console.log(`threshold ${t.toFixed(3)}: cross-validated e2e F1 ${f.toFixed(4)}`);
    if (f > best.f) best = { t, f };
  }
  const model: LogisticModel = { ...trainLogistic(examples, OPTIONS), threshold: Math.round(best.t * 1000) / 1000 };
  mkdirSync(dirname(RECALL_MODEL_PATH), { recursive: true });
  writeFileSync(RECALL_MODEL_PATH, JSON.stringify(model, null, 1) + '\n');
  console.log(`threshold ${model.threshold} (cross-validated e2e F1 ${best.f.toFixed(4)}); ${Object.keys(model.weights).length} weights → ${RECALL_MODEL_PATH}`);
}

main();
