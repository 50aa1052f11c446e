/**
 * `npm run train:events`: trains the sense check (sense.ts) and writes models/events/sense.json.
 *
 * Examples are the mentions of ACLED-typed conflict events that the rules find (sense check off):
 * - positives: the conflict timelines — ../shared/data/crisis (Egypt, Libya, Syria, Yemen) and the
 *   Timeline17 egypt, iraq, libya and syria timelines: dated news sentences about the uprisings and wars;
 * - negatives: the BBC sport, business, tech and entertainment sections (only the `eval events` dev
 *   split, odd file numbers) and the Timeline17 bpoil, finan, h1n1 and mj timelines, where no mention
 *   is an armed-conflict event.
 * ACLED rows are never used (their terms allow evaluation only), nor the held-out split (even BBC file
 * numbers, the Haiti topic). One block in five of each source (by position) is kept out of training
 * as the model's dev set (its figures are printed); the threshold is THRESHOLD.
 *
 * Logistic regression, AdaGrad, L2; features seen fewer than MIN_COUNT times are dropped, and
 * weights under PRUNE after training, so the model stays small.
 */
import { writeFileSync } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { extractEvents } from './extract.js';
import { trainLogistic } from './logistic.js';
import { bbcTuningTexts, timelineBlocks, topicFiles, type TimelineBlock } from './training-corpora.js';
import { eventSenseFeatures, SENSE_MODEL_PATH, senseScore, tokensBySentence, type SenseModel } from './sense.js';

const MIN_COUNT = 2;
const EPOCHS = 20;
const RATE = 0.2;
const L2 = 1e-4;
const PRUNE = 0.02;
/**
 * The veto threshold. Chosen on dev data, not fitted: the ACLED tuning rows 0–999 (scored, never
 * trained on) lose 3 of 917 events at 0.05 (the check runs on AMBIGUOUS_TRIGGERS
 * only) while the BBC dev split loses a third of its false ones; higher thresholds cost real events
 * in the terse style of monitors' notes.
 */
const THRESHOLD = 0.05;
const DEV_EVERY = 5;

interface Doc {
  text: string;
  published?: string;
  label: 0 | 1;
  dev: boolean;
}

/** Timeline blocks as documents published on their dates; one block in DEV_EVERY of each file is dev. */
function timelineDocs(blocks: TimelineBlock[], label: 0 | 1): Doc[] {
  return blocks.map((b, i) => ({
    text: b.text.replace(/ ([.,;:!?)'’%])/g, '$1').replace(/\( /g, '('),
    published: b.date,
    label,
    dev: i % DEV_EVERY === 0,
  }));
}

/** Per timeline file, so that the dev blocks are taken by position within each file. */
function topicDocs(corpus: 'crisis' | 'timeline17', topic: string, label: 0 | 1): Doc[] {
  return topicFiles(corpus, topic).flatMap((path) => timelineDocs(timelineBlocks(path), label));
}

function bbcDocs(section: string): Doc[] {
  return bbcTuningTexts(section).map((text, i) => ({ text, label: 0 as const, dev: i % DEV_EVERY === 0 }));
}

function collect(): Doc[] {
  const crisis = ['egypt', 'libya', 'syria', 'yemen'].flatMap((t) => topicDocs('crisis', t, 1));
  const t17pos = ['egypt', 'iraq', 'libya', 'syria'].flatMap((t) => topicDocs('timeline17', t, 1));
  const t17neg = ['bpoil', 'finan', 'h1n1', 'mj'].flatMap((t) => topicDocs('timeline17', t, 0));
  const bbc = ['sport', 'business', 'tech', 'entertainment'].flatMap(bbcDocs);
  return [...crisis, ...t17pos, ...t17neg, ...bbc];
}

interface Example {
  features: string[];
  label: 0 | 1;
  dev: boolean;
}

function examples(docs: Doc[]): Example[] {
  const pipeline = defaultPipeline();
  const out: Example[] = [];
  for (const d of docs) {
    const article = makeArticle({ text: d.text, origin: { file: 'train', format: 'text', record: 0 }, ...(d.published ? { published: d.published } : {}) });
    const layers = pipeline.run(article).layers;
    const places = layers.places?.filter((p) => p.near === undefined);
    const events = extractEvents(article, places ? { ...layers, places } : layers, { sense: false });
    const bySentence = tokensBySentence(layers);
    for (const e of events) {
      if (!e.acled || e.kind !== 'conflict') continue;
      for (const features of eventSenseFeatures(article.text, layers.sentences ?? [], bySentence, e)) out.push({ features, label: d.label, dev: d.dev });
    }
  }
  return out;
}

function train(data: Example[]): SenseModel {
  return trainLogistic(data, { minCount: MIN_COUNT, epochs: EPOCHS, rate: RATE, l2: L2, prune: PRUNE, threshold: THRESHOLD, weightDigits: 4 });
}

function atThreshold(model: SenseModel, dev: Example[]): { recall: number; rejected: number } {
  const pos = dev.filter((x) => x.label === 1).map((x) => senseScore(model, x.features));
  const neg = dev.filter((x) => x.label === 0).map((x) => senseScore(model, x.features));
  return {
    recall: pos.filter((p) => p >= model.threshold).length / Math.max(1, pos.length),
    rejected: neg.filter((p) => p < model.threshold).length / Math.max(1, neg.length),
  };
}

function main(): void {
  const docs = collect();
  const data = examples(docs);
  const trainSet = data.filter((x) => !x.dev);
  const dev = data.filter((x) => x.dev);
  const model = train(trainSet);
  model.threshold = THRESHOLD;
  const t = atThreshold(model, dev);
  writeFileSync(SENSE_MODEL_PATH, `${JSON.stringify(model)}\n`);
  const count = (xs: Example[], label: number) => xs.filter((x) => x.label === label).length;
  console.log(`examples: train ${trainSet.length} (${count(trainSet, 1)} positive), dev ${dev.length} (${count(dev, 1)} positive)`);
  console.log(`features kept: ${Object.keys(model.weights).length}; threshold ${model.threshold}: dev positives kept ${(100 * t.recall).toFixed(1)}%, dev negatives rejected ${(100 * t.rejected).toFixed(1)}%`);
  console.log(`wrote ${SENSE_MODEL_PATH}`);
}

main();
