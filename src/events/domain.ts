/**
 * The article's domain: does the whole text read as news of armed conflict and unrest, or as sport,
 * business, technology or entertainment news? A logistic regression over the article's distinct
 * common words (models/events/domain.json, trained by train-domain.ts on conflict timelines and the
 * ACLED tuning notes vs. non-conflict news — sport, business, tech, entertainment, weather; never on
 * the held-out split of `eval events` or ACLED's held-out rows).
 *
 * Why article-level: a sentence alone often cannot tell "the clash with Wales" or "was beaten" from
 * violence, but the article around it can (scores, clubs, shares, albums), nor can a missile thrown
 * from the stands, a "gadget explosion" or a toll told in a business report ("191 people were killed"
 * in a 2004 attack, named as a cause of airline losses). The check vetoes every conflict event other
 * than a protest (a strike of workers is one in any section) when the article scores clearly outside
 * conflict news (below the model's threshold), so terse monitors' notes, which carry conflict
 * vocabulary, keep their events. A film's plot, an awards night or a storm report reads as its genre
 * ("episode", "starring", "forecast", "landfall") even where one passage tells a killing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { packagePath } from '../core/paths.js';
import type { LogisticModel } from './logistic.js';

export type DomainModel = LogisticModel;

export const DOMAIN_MODEL_PATH = packagePath('models', 'events', 'domain.json');

let loaded: DomainModel | null | undefined;

/** The shipped model, read once; null when absent (then no event is vetoed). */
export function domainModel(): DomainModel | null {
  if (loaded === undefined) loaded = existsSync(DOMAIN_MODEL_PATH) ? (JSON.parse(readFileSync(DOMAIN_MODEL_PATH, 'utf8')) as DomainModel) : null;
  return loaded;
}

/** Words per window: about the length of a conflict-timeline block, the positives' unit. */
export const DOMAIN_WINDOW = 40;

/**
 * Distinct words of three letters or more written in lower case (numbers and short words tell style,
 * not domain). Capitalised words — names of countries, people, clubs, months — are left out: with them
 * the model learnt which countries each training corpus happened to cover ("Ukraine" and "Trump" read
 * as entertainment news, "Iraq" as conflict), which says nothing of a new article's genre; the common
 * words ("troops", "episode", "forecast", "shares") do.
 */
export function domainFeatures(text: string): string[] {
  const f = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z'-])[a-z][a-z'-]{2,}/g)) if (!STYLE_WORDS.has(m[0])) f.add(m[0]);
  return [...f];
}

/**
 * Function words and reporting verbs: they tell a text's style (a timeline's terse past tense, a news
 * report's "said … this … these"), not its domain, and with them a plainly worded strike report read
 * as entertainment news.
 */
const STYLE_WORDS: ReadonlySet<string> = new Set(
  (
    'the and for are was were has have had been being but not nor yet this that these those there their them they then than ' +
    'its his her hers him she who whom whose which what when where why how with without from into onto upon over under about ' +
    'after before since until while during also just very more most much many some any all each every other such only own same ' +
    'can could will would shall should may might must did does doing our ours you your yours out off again once here both few ' +
    'said says say saying told tells tell according added'
  ).split(' '),
);

/**
 * The article's conflict score: the highest score of its windows of DOMAIN_WINDOW words (overlapping
 * by half), so a long article scores as conflict news when any passage reads as one, and its length
 * does not pull the score down.
 */
export function articleDomainScore(model: DomainModel, text: string): number {
  const words = text.split(/\s+/).filter(Boolean);
  let best = 0;
  const step = DOMAIN_WINDOW / 2;
  for (let i = 0; i === 0 || i + step < words.length; i += step) {
    best = Math.max(best, domainScore(model, domainFeatures(words.slice(i, i + DOMAIN_WINDOW).join(' '))));
  }
  return best;
}

/**
 * The probability that the text is conflict news. The summed weight is divided by the square root of
 * the number of distinct words so that long articles and one-line notes score on one scale.
 */
export function domainScore(model: DomainModel, features: readonly string[]): number {
  let z = 0;
  for (const x of features) z += model.weights[x] ?? 0;
  z = model.bias + z / Math.sqrt(Math.max(1, features.length));
  return 1 / (1 + Math.exp(-z));
}
