/**
 * `npm run train:events-main`: trains the learned choice of the main incident's day and place
 * (main-choice.ts) and writes models/events/main-choice.json.
 *
 * Data: the local-news gold's **dev** split only (test-fixtures/local-news-real, texts read in place
 * from the shared corpora); the test split is never read. For each article the rules' events are made
 * with the learned choice off, the main incident is taken as the eval takes it, and every candidate
 * (main-choice-features.ts) is labelled: the gold day; a town within 40 km of the gold place.
 *
 * Regularisation, threshold and margin are chosen by 5-fold cross-validation by incident inside dev
 * (every report of one incident in one fold): the setting that makes the most main events right, an
 * override that breaks a right rule value counted BROKEN_COST times, ties to the higher threshold and
 * margin (fewer overrides). The CV figures of the rules and of the chosen pair are printed; `--dry` prints
 * them without writing the model.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { defaultPipeline } from '../api/default-pipeline.js';
import { makeArticle } from '../core/article.js';
import { findLeadDateline } from '../ingest/dispatches.js';
import { localNewsSplit, readLocalNewsGold, readTexts } from '../eval/local-news.js';
import { orgTowns } from '../places/org-towns.js';
import { extractEvents } from './extract.js';
import { haversineKm } from './haversine.js';
import { trainLogistic, type LogisticOptions } from './logistic.js';
import { type ChoiceContext, dayCandidates, placeCandidates } from './main-choice-features.js';
import { MAIN_CHOICE_MODEL_PATH, type ChoiceModel, mainIncident, overrides, pick } from './main-choice.js';
import { senseVeto } from './sense-veto.js';
import { dominantTown, leadEnd, townEvidence } from './setting.js';

const FOLDS = 5;
const PLACE_KM = 40;
const BASE: LogisticOptions = { minCount: 2, epochs: 40, rate: 0.3, l2: 1e-3, prune: 0.01, threshold: 0.5, weightDigits: 3 };
/** Regularisation tried by the cross-validation (the weakest that does best is kept). */
const VARIANTS: LogisticOptions[] = [
  BASE,
  { ...BASE, l2: 1e-2 },
  { ...BASE, minCount: 4 },
  { ...BASE, minCount: 4, l2: 1e-2 },
  { ...BASE, l2: 3e-2 },
  { ...BASE, minCount: 4, l2: 3e-2 },
];
/** Precision first: an override that breaks a right rule value costs this many that mend a wrong one. */
const BROKEN_COST = 2;
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
const MARGINS = [0, 0.5, 1, 2, 3];

interface Group {
  incident: string;
  cands: Array<{ features: string[]; label: 0 | 1 }>;
}

function fold(incident: string): number {
  return parseInt(createHash('sha1').update(`main-choice-fold:${incident}`).digest('hex').slice(0, 6), 16) % FOLDS;
}

/** `--drop=a,b`: features left out (an ablation: the CV without them), matched whole or as a prefix ending in ':'. */
const DROP = (process.argv.find((a) => a.startsWith('--drop='))?.slice(7) ?? '').split(',').filter(Boolean);
const kept = (features: string[]) => (DROP.length ? features.filter((f) => !DROP.some((d) => f === d || (d.endsWith(':') && f.startsWith(d)))) : features);

function collect(): { dates: Group[]; places: Group[] } {
  const gold = readLocalNewsGold().filter((g) => localNewsSplit(g.incident) === 'dev');
  const texts = readTexts(gold);
  const pipeline = defaultPipeline();
  const dates: Group[] = [];
  const places: Group[] = [];
  for (const g of gold) {
    const { text, title } = texts.get(g.id) ?? { text: '', title: null };
    const article = makeArticle({ text, source: g.source, title: title ?? g.id, url: g.url, origin: { file: g.corpus, format: 'jsonl', record: g.record }, published: g.published, dateline: findLeadDateline(text) });
    const layers = pipeline.run(article).layers;
    const events = senseVeto(article, layers, extractEvents(article, layers, { mainChoice: false }));
    const lead = leadEnd(layers.paragraphs, text);
    const main = mainIncident(events, { lead, text, title: article.title });
    if (!main) continue;
    const towns = townEvidence(layers.places ?? [], lead, text, orgTowns(text, layers.entities ?? [], layers.mentions ?? [], layers.places ?? []));
    const ctx: ChoiceContext = { article, layers, lead, setting: dominantTown(towns), towns };
    if (g.date) dates.push({ incident: g.incident, cands: dayCandidates(main, ctx).map((c) => ({ features: kept(c.features), label: c.day === g.date ? 1 : 0 })) });
    places.push({ incident: g.incident, cands: placeCandidates(main, ctx).map((c) => ({ features: kept(c.features), label: haversineKm(c.place, g.place) <= PLACE_KM ? 1 : 0 })) });
  }
  return { dates, places };
}

/** Whether the group's main event ends right: the override's pick, else the rules' own value. */
function right(model: ChoiceModel, g: Group): boolean {
  const p = pick(model, g.cands);
  if (overrides(model, p)) return p.best?.label === 1;
  return g.cands.some((c) => c.label === 1 && c.features.includes('cur'));
}

interface Choice {
  options: LogisticOptions;
  threshold: number;
  margin: number;
  n: number;
  /** Held-out articles the override made wrong that the rules had right. */
  broken: number;
}

/** The setting the cross-validation inside these groups picks (folds by a second hash when nested). */
function select(groups: Group[], foldOf: (incident: string) => number): Choice {
  const rulesRight = (g: Group) => g.cands.some((c) => c.label === 1 && c.features.includes('cur'));
  let best: Choice = { options: BASE, threshold: 0.95, margin: 3, n: -1, broken: 0 };
  for (const options of VARIANTS) {
    const hits = new Map<string, { n: number; broken: number }>();
    for (let k = 0; k < FOLDS; k++) {
      const model = trainLogistic(groups.filter((g) => foldOf(g.incident) !== k).flatMap((g) => g.cands), options) as ChoiceModel;
      const held = groups.filter((g) => foldOf(g.incident) === k);
      for (const t of THRESHOLDS)
        for (const m of MARGINS) {
          const h = hits.get(`${t}|${m}`) ?? { n: 0, broken: 0 };
          for (const g of held) {
            if (right({ ...model, threshold: t, margin: m }, g)) h.n++;
            else if (rulesRight(g)) h.broken++;
          }
          hits.set(`${t}|${m}`, h);
        }
    }
    for (const t of THRESHOLDS)
      for (const m of MARGINS) {
        const { n, broken } = hits.get(`${t}|${m}`)!;
        const gain = n - (BROKEN_COST - 1) * broken;
        const bestGain = best.n - (BROKEN_COST - 1) * best.broken;
        if (gain > bestGain || (gain === bestGain && (t > best.threshold || (t === best.threshold && m > best.margin)))) best = { options, threshold: t, margin: m, n, broken };
      }
  }
  return best;
}

/** Nested CV: each outer fold's setting chosen by an inner CV on the other folds, then scored on it (no choice sees its test fold). */
function nested(groups: Group[]): { n: number; broken: number } {
  const rulesRight = (g: Group) => g.cands.some((c) => c.label === 1 && c.features.includes('cur'));
  let n = 0;
  let broken = 0;
  for (let k = 0; k < FOLDS; k++) {
    const inner = groups.filter((g) => fold(g.incident) !== k);
    const c = select(inner, (incident) => parseInt(createHash('sha1').update(`main-choice-inner:${incident}`).digest('hex').slice(0, 6), 16) % FOLDS);
    const model = { ...trainLogistic(inner.flatMap((g) => g.cands), c.options), threshold: c.threshold, margin: c.margin };
    for (const g of groups.filter((x) => fold(x.incident) === k)) {
      if (right(model, g)) n++;
      else if (rulesRight(g)) broken++;
    }
  }
  return { n, broken };
}

function crossValidate(name: string, groups: Group[]): Choice {
  const rules = groups.filter((g) => g.cands.some((c) => c.label === 1 && c.features.includes('cur'))).length;
  const oracle = groups.filter((g) => g.cands.some((c) => c.label === 1)).length;
  const best = select(groups, fold);
  const nest = nested(groups);
  const pct = (x: number) => ((100 * x) / Math.max(1, groups.length)).toFixed(1);
  console.log(
    `${name}: ${groups.length} dev articles; rules right ${pct(rules)}%, any candidate right (oracle) ${pct(oracle)}%; ` +
      `${FOLDS}-fold CV by incident with l2 ${best.options.l2}, minCount ${best.options.minCount}, threshold ${best.threshold}, margin ${best.margin}: ` +
      `${pct(best.n)}% (overrides that broke a right rule value: ${best.broken}); nested CV (setting chosen without the test fold): ${pct(nest.n)}% (broke ${nest.broken})`,
  );
  return best;
}

function main(): void {
  const { dates, places } = collect();
  const d = crossValidate('date (of dated gold)', dates);
  const p = crossValidate('place', places);
  // `--dry` (and any ablation): print the cross-validation only, leave the shipped model alone.
  if (process.argv.includes('--dry') || DROP.length) return;
  const date = { ...trainLogistic(dates.flatMap((g) => g.cands), d.options), threshold: d.threshold, margin: d.margin };
  const place = { ...trainLogistic(places.flatMap((g) => g.cands), p.options), threshold: p.threshold, margin: p.margin };
  writeFileSync(MAIN_CHOICE_MODEL_PATH, `${JSON.stringify({ version: '1', date, place })}\n`);
  console.log(`wrote ${MAIN_CHOICE_MODEL_PATH} (date ${Object.keys(date.weights).length} weights, place ${Object.keys(place.weights).length})`);
}

main();
