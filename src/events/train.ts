/**
 * `npm run train:events`: trains the sense check (sense.ts, sense-veto.ts) and writes models/events/sense.json.
 *
 * Examples are the ACLED-typed conflict events that the rules find (sense and domain checks off), each
 * with the features of every mention:
 * - positives: the conflict timelines — ../shared/data/crisis (Egypt, Libya, Syria, Yemen) and the
 *   Timeline17 egypt, iraq, libya and syria timelines: dated news sentences about the uprisings and wars —
 *   and the notes of the ACLED tuning rows 0–999 (never the held-out rows 1000–2999 that `eval events`
 *   scores): monitors' terse notes, so that their style is not read as another sense;
 * - negatives: the BBC sport, business, tech and entertainment sections (only the `eval events` dev
 *   split, odd file numbers), the Timeline17 bpoil, finan, h1n1 and mj timelines and H1N1/MJ articles,
 *   and NEWS_LIMIT articles of the sport, entertainment, money, tech, life and travel sections of the
 *   RealTime QA news set (by URL), where no mention is an armed-conflict event.
 * Never the held-out split (even BBC file numbers, the Haiti topic).
 *
 * The threshold is chosen by FOLDS-fold cross-validation (documents assigned to folds by position
 * within their source): each event is scored by the model trained without its fold, and the table of
 * out-of-fold kept/rejected shares per threshold is printed; THRESHOLD is read off that table.
 *
 * Logistic regression, AdaGrad, L2; features seen fewer than MIN_COUNT times are dropped, and
 * weights under PRUNE after training, so the model stays small.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { sharedPath } from '../core/paths.js';
import { readAcled } from '../eval/events.js';
import { extractEvents } from './extract.js';
import { trainLogistic } from './logistic.js';
import { detokenize } from '../eval/events-nonconflict.js';
import { bbcTuningTexts, ENTERTAINMENT_SECTION, NON_CONFLICT_SECTION, sectionHalf, sectionNews, t17Articles, WEATHER_SECTION, WORLD_SECTION, timelineBlocks, topicFiles, type TimelineBlock } from './training-corpora.js';
import { eventSenseFeatures, SENSE_MODEL_PATH, senseScore, tokensBySentence, type SenseModel } from './sense.js';

const MIN_COUNT = 2;
const EPOCHS = 20;
const RATE = 0.2;
const L2 = 1e-4;
const PRUNE = 0.02;
/**
 * The veto threshold, read off the cross-validation table (out-of-fold scores, never the held-out
 * split): see docs/benchmarks.md, "sense check on every conflict event".
 */
const THRESHOLD = 0.05;
const FOLDS = 5;
/**
 * RealTime QA section articles taken as negatives. 0: with 2,000 of them the model vetoed real events in
 * US news style ("two families fought with sticks", "U.S. strikes on Iranian nuclear facilities",
 * local shootings) even at 0.01, so they are off until positives in that style exist.
 */
const NEWS_LIMIT = Number(process.env.NEWS_LIMIT ?? 0);
const WORLD_LIMIT = Number(process.env.WORLD_LIMIT ?? 0);
/**
 * Whether the training halves of RealTime QA entertainment and weather news (training-corpora.ts
 * sectionHalf; the odd halves stay a dev check) are negatives: plots, awards, obituaries, storms. Off
 * (SECTION_HALVES=1 turns it on): out of fold, no threshold then keeps 99.5% of the timeline events
 * (98.0% at 0.05, 99.1% at 0.02), and on AllSides violence/terrorism/military news (unseen) the model
 * at 0.05 kept 394 of 477 conflict events where the shipped one keeps 431 (docs/benchmarks.md,
 * "nonconf11"): news-style negatives again want news-style positives.
 */
const SECTION_HALVES = process.env.SECTION_HALVES === '1';

type Source = 'acled' | 'timeline' | 'world' | 'bbc' | 'timeline-neg' | 'news-neg';

interface Doc {
  text: string;
  published?: string;
  label: 0 | 1;
  source: Source;
  fold: number;
}

const fold = <T>(xs: T[]): Array<T & { fold: number }> => xs.map((x, i) => ({ ...x, fold: i % FOLDS }));

function timelineDocs(blocks: TimelineBlock[], label: 0 | 1, source: Source): Doc[] {
  return fold(blocks.map((b) => ({ text: b.text.replace(/ ([.,;:!?)'’%])/g, '$1').replace(/\( /g, '('), published: b.date, label, source })));
}

function topicDocs(corpus: 'crisis' | 'timeline17', topic: string, label: 0 | 1): Doc[] {
  return topicFiles(corpus, topic).flatMap((path) => timelineDocs(timelineBlocks(path), label, label ? 'timeline' : 'timeline-neg'));
}

function bbcDocs(section: string): Doc[] {
  return fold(bbcTuningTexts(section).map((text) => ({ text, label: 0 as const, source: 'bbc' as const })));
}

/** The ACLED tuning rows 0–999 only (the eval's held-out rows start at 1000). */
function acledDocs(): Doc[] {
  const path = sharedPath('data', 'acled-sample', 'acled.csv');
  if (!existsSync(path)) return [];
  return fold(readAcled(path).slice(0, 1000).map((r) => ({ text: r.text, published: r.date, label: 1 as const, source: 'acled' as const })));
}

/** Articles from non-conflict sections of other news (RealTime QA, Timeline17 H1N1 and MJ). */
function newsDocs(): Doc[] {
  const t17 = ['H1N1_guardian', 'MJ_bbc'].flatMap(t17Articles).map((r) => ({ ...r, text: detokenize(r.text) }));
  const halves = SECTION_HALVES ? [ENTERTAINMENT_SECTION, WEATHER_SECTION].flatMap((x) => sectionHalf(x, 'train')) : [];
  return fold([...sectionNews(NON_CONFLICT_SECTION, NEWS_LIMIT), ...t17, ...halves].map((r) => ({ ...r, label: 0 as const, source: 'news-neg' as const })));
}

/** World-section articles as weak positives: news style, wars and attacks among much else. */
function worldDocs(): Doc[] {
  return fold(sectionNews(WORLD_SECTION, WORLD_LIMIT).map((r) => ({ ...r, label: 1 as const, source: 'world' as const })));
}

function collect(): Doc[] {
  const crisis = ['egypt', 'libya', 'syria', 'yemen'].flatMap((t) => topicDocs('crisis', t, 1));
  const t17pos = ['egypt', 'iraq', 'libya', 'syria'].flatMap((t) => topicDocs('timeline17', t, 1));
  const t17neg = ['bpoil', 'finan', 'h1n1', 'mj'].flatMap((t) => topicDocs('timeline17', t, 0));
  const bbc = ['sport', 'business', 'tech', 'entertainment'].flatMap(bbcDocs);
  return [...crisis, ...t17pos, ...acledDocs(), ...worldDocs(), ...t17neg, ...bbc, ...newsDocs()];
}

interface Example {
  /** The features of each mention of the event. */
  mentions: string[][];
  label: 0 | 1;
  source: Source;
  fold: number;
  protest: boolean;
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
      out.push({ mentions: eventSenseFeatures(article.text, layers.sentences ?? [], bySentence, e), label: d.label, source: d.source, fold: d.fold, protest: e.acled.eventType === 'Protests' });
    }
  }
  return out;
}

function train(data: Example[]): SenseModel {
  const rows = data.flatMap((x) => x.mentions.map((features) => ({ features, label: x.label })));
  return trainLogistic(rows, { minCount: MIN_COUNT, epochs: EPOCHS, rate: RATE, l2: L2, prune: PRUNE, threshold: THRESHOLD, weightDigits: 4 });
}

const eventScore = (model: SenseModel, x: Example) => Math.max(0, ...x.mentions.map((f) => senseScore(model, f)));

/** Out-of-fold scores: each event scored by the model trained without its fold. */
function crossValidate(data: Example[]): number[] {
  const scores = new Array<number>(data.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = train(data.filter((x) => x.fold !== k));
    data.forEach((x, i) => {
      if (x.fold === k) scores[i] = eventScore(model, x);
    });
  }
  return scores;
}

function cvTable(data: Example[], scores: number[]): string[] {
  const groups: Array<[string, (x: Example) => boolean]> = [
    ['ACLED tuning notes kept', (x) => x.source === 'acled'],
    ['… their protests kept', (x) => x.source === 'acled' && x.protest],
    ['timeline positives kept', (x) => x.source === 'timeline'],
    ['world-section events kept', (x) => x.source === 'world'],
    ['BBC dev-split events rejected', (x) => x.source === 'bbc'],
    ['… their protests rejected', (x) => x.source === 'bbc' && x.protest],
    ['non-conflict timeline events rejected', (x) => x.source === 'timeline-neg'],
    ['other non-conflict news events rejected', (x) => x.source === 'news-neg'],
  ];
  const lines = [`out-of-fold (${FOLDS}-fold) share of events, by threshold:`];
  lines.push(['threshold', ...groups.map(([g, f]) => `${g} (${data.filter(f).length})`)].join(' | '));
  for (const th of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]) {
    const cells = groups.map(([, f]) => {
      const idx = data.map((x, i) => (f(x) ? i : -1)).filter((i) => i >= 0);
      const positive = data[idx[0]]?.label === 1;
      const hit = idx.filter((i) => (positive ? scores[i] >= th : scores[i] < th)).length;
      return `${((100 * hit) / Math.max(1, idx.length)).toFixed(1)}%`;
    });
    lines.push([String(th), ...cells].join(' | '));
  }
  return lines;
}

function main(): void {
  const data = examples(collect());
  const table = cvTable(data, crossValidate(data));
  const model = train(data);
  model.threshold = THRESHOLD;
  writeFileSync(SENSE_MODEL_PATH, `${JSON.stringify(model)}\n`);
  const count = (label: number) => data.filter((x) => x.label === label).length;
  console.log(`events: ${data.length} (${count(1)} positive), mentions: ${data.reduce((n, x) => n + x.mentions.length, 0)}`);
  for (const l of table) console.log(l);
  console.log(`features kept: ${Object.keys(model.weights).length}; threshold ${model.threshold}`);
  console.log(`wrote ${SENSE_MODEL_PATH}`);
}

main();
