/**
 * `npm run train:events-domain`: trains the article-domain check (domain.ts), writes
 * models/events/domain.json.
 *
 * - positives: the conflict timelines (../shared/data/crisis Egypt, Libya, Syria, Yemen; Timeline17
 *   egypt, iraq, libya, syria), one dated block each, and the notes of the ACLED tuning rows 0–999
 *   (never the held-out rows 1000–2999), so that monitors' terse style scores as conflict news;
 * - negatives: the BBC sport, business, tech and entertainment sections (only the `eval events` dev
 *   split, odd file numbers), the Timeline17 bpoil, finan, h1n1 and mj timelines and the H1N1 and MJ
 *   articles, and the training half of RealTime QA's entertainment and weather news (films, TV,
 *   celebrities; storms, floods, heat), cut into chunks of DOMAIN_WINDOW words so that their length is
 *   that of a timeline block.
 * Never the held-out split or the Haiti topic (an `eval events` set), nor the RealTime QA dev half.
 * One unit in DEV_EVERY is kept out as dev; its figures are printed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sharedPath } from '../core/paths.js';
import { readAcled } from '../eval/events.js';
import { trainLogistic } from './logistic.js';
import { ALLSIDES_VIOLENCE_TOPICS, allsidesArticles, bbcTuningTexts, ENTERTAINMENT_SECTION, sectionHalf, topicBlocks, WEATHER_SECTION } from './training-corpora.js';
import { DOMAIN_MODEL_PATH, DOMAIN_WINDOW, domainFeatures, domainScore, type DomainModel } from './domain.js';

const MIN_COUNT = 3;
const EPOCHS = 15;
const RATE = 0.5;
const L2 = 1e-4;
const PRUNE = 0.05;
const DEV_EVERY = 5;
/**
 * Below it an article is not conflict news. Read on data no model saw (the scratch simulation is
 * described in docs/benchmarks.md, "nonconf11"): the highest threshold at which no conflict event of
 * AllSides violence/terrorism/Middle East/military news (odd half, 429 events) and no violent event of
 * the local-news dev split is lost (at 0.2 one AllSides event goes); on the RealTime QA dev halves it
 * leaves 103 false events per 1,000 entertainment articles (148 at 0.02) and 185 per 1,000 weather
 * articles (278). The dev-unit table below agrees: ACLED notes 99.5%, timelines 97.5% kept.
 */
const THRESHOLD = 0.15;
/** Whether the training halves of RealTime QA entertainment and weather news are negatives too. */
const NEWS_HALVES = process.env.NEWS_HALVES !== '0';
/** Whether the ACLED tuning notes (rows 0–999) are positives too. */
const ACLED_NOTES = process.env.ACLED_NOTES !== '0';
/**
 * Whether the news-style positives (allsidesUnits) are trained on. Off: with them (and capitalised words
 * still features) the RealTime QA dev halves kept 108 (entertainment) and 222 (weather) false events per
 * 1,000 at 0.2 instead of 65 and 120; dropping names and function words from the features
 * (domainFeatures) instead removed the style bias they were meant to offset.
 */
const NEWS_POSITIVES = process.env.NEWS_POSITIVES === '1';

interface Unit {
  text: string;
  label: 0 | 1;
  source?: string;
}

function topicUnits(corpus: 'crisis' | 'timeline17', topic: string, label: 0 | 1): Unit[] {
  return topicBlocks(corpus, topic).map((b) => ({ text: b.text, label }));
}

function chunks(text: string): Unit[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: Unit[] = [];
  for (let i = 0; i < words.length; i += DOMAIN_WINDOW) out.push({ text: words.slice(i, i + DOMAIN_WINDOW).join(' '), label: 0 });
  return out;
}

function bbcUnits(section: string): Unit[] {
  return bbcTuningTexts(section).flatMap(chunks);
}

function t17ArticleUnits(topic: string): Unit[] {
  const path = sharedPath('data', 'timeline17', 'articles', topic, 'articles.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as Array<{ text: string }>).flatMap((r) => chunks(r.text));
}

/** The ACLED tuning rows 0–999 (never the held-out rows 1000–2999 that `eval events` scores): monitors' terse notes. */
function acledUnits(): Unit[] {
  const path = sharedPath('data', 'acled-sample', 'acled.csv');
  if (!ACLED_NOTES || !existsSync(path)) return [];
  return readAcled(path)
    .slice(0, 1000)
    .map((r) => ({ text: r.text, label: 1 as const, source: 'acled' }));
}

/**
 * News-style positives: the 40-word chunks of AllSides violence, terrorism, Middle East and military
 * articles that tell violence (VIOLENCE_CHUNK), so that a report's style ("said", weekdays, "officials")
 * does not read as entertainment or weather news, the negatives' style.
 */
function allsidesUnits(): Unit[] {
  if (!NEWS_POSITIVES) return [];
  return allsidesArticles(ALLSIDES_VIOLENCE_TOPICS)
    .flatMap(chunks)
    .filter((u) => VIOLENCE_CHUNK.test(u.text))
    .map((u) => ({ ...u, label: 1 as const, source: 'allsides' }));
}

/** Words of violence or unrest that make a chunk of a violence-topic article a positive. */
const VIOLENCE_CHUNK = /\b(?:killed|killing|shot|shooting|gunman|gunmen|attack|attacked|bomb|bombing|explosion|airstrikes?|missiles?|rockets?|troops|soldiers|militants|protesters|riots?|rioters|clashes|clashed|wounded|injured|stabbed|terrorists?|hostages?)\b/i;

const tag = (units: Unit[], source: string): Unit[] => units.map((u) => ({ ...u, source: u.source ?? source }));

function collect(): Unit[] {
  const pos = [
    ...acledUnits(),
    ...allsidesUnits(),
    ...tag(['egypt', 'libya', 'syria', 'yemen'].flatMap((t) => topicUnits('crisis', t, 1)), 'timeline'),
    ...tag(['egypt', 'iraq', 'libya', 'syria'].flatMap((t) => topicUnits('timeline17', t, 1)), 'timeline'),
  ];
  const neg = [
    ...tag(['bpoil', 'finan', 'h1n1', 'mj'].flatMap((t) => topicUnits('timeline17', t, 0)), 'timeline-neg'),
    ...tag(['sport', 'business', 'tech', 'entertainment'].flatMap(bbcUnits), 'bbc'),
    ...tag(['H1N1_guardian', 'MJ_bbc'].flatMap(t17ArticleUnits), 'timeline-neg'),
    ...(NEWS_HALVES ? tag(sectionHalf(ENTERTAINMENT_SECTION, 'train').flatMap((r) => chunks(r.text)), 'entertainment') : []),
    ...(NEWS_HALVES ? tag(sectionHalf(WEATHER_SECTION, 'train').flatMap((r) => chunks(r.text)), 'weather') : []),
  ];
  return [...pos, ...neg];
}

function train(data: Array<{ features: string[]; label: 0 | 1 }>): DomainModel {
  // Scaled as domainScore scores: by one over the square root of the number of distinct words.
  const scale = (features: readonly string[]) => 1 / Math.sqrt(Math.max(1, features.length));
  return trainLogistic(data, { minCount: MIN_COUNT, epochs: EPOCHS, rate: RATE, l2: L2, prune: PRUNE, threshold: THRESHOLD, weightDigits: 3, scale });
}

function main(): void {
  const units = collect().map((u, i) => ({ features: domainFeatures(u.text), label: u.label, source: u.source, dev: i % DEV_EVERY === 0 }));
  const model = train(units.filter((u) => !u.dev));
  writeFileSync(DOMAIN_MODEL_PATH, `${JSON.stringify(model)}\n`);
  const dev = units.filter((u) => u.dev);
  const pos = dev.filter((u) => u.label === 1);
  const neg = dev.filter((u) => u.label === 0);
  const kept = pos.filter((u) => domainScore(model, u.features) >= model.threshold).length;
  const rejected = neg.filter((u) => domainScore(model, u.features) < model.threshold).length;
  console.log(`units: train ${units.length - dev.length}, dev ${dev.length} (${pos.length} positive)`);
  console.log(`features kept: ${Object.keys(model.weights).length}; threshold ${model.threshold}: dev positives kept ${((100 * kept) / Math.max(1, pos.length)).toFixed(1)}%, dev negatives rejected ${((100 * rejected) / Math.max(1, neg.length)).toFixed(1)}%`);
  const sources = [...new Set(dev.map((u) => u.source ?? '?'))];
  console.log(`dev units by source (positives: share kept; negatives: share rejected), by threshold:`);
  console.log(['threshold', ...sources.map((s) => `${s} (${dev.filter((u) => u.source === s).length})`)].join(' | '));
  for (const th of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3]) {
    const cells = sources.map((s) => {
      const us = dev.filter((u) => u.source === s);
      const hit = us.filter((u) => (u.label === 1 ? domainScore(model, u.features) >= th : domainScore(model, u.features) < th)).length;
      return `${((100 * hit) / Math.max(1, us.length)).toFixed(1)}%`;
    });
    console.log([String(th), ...cells].join(' | '));
  }
  console.log(`wrote ${DOMAIN_MODEL_PATH}`);
}

main();
