/**
 * The shared corpora the events models are trained on (training time only, never the run time):
 * tilse-style timelines and the BBC News sections' tuning half (odd file numbers; the even ones are
 * `eval events`'s held-out split).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { packagePath, sharedPath } from '../core/paths.js';

export interface TimelineBlock {
  date: string;
  /** The block's sentences, joined by spaces. */
  text: string;
}

/** The dated blocks of one timeline file: blocks split by a line of dashes, each a date line then sentences. */
export function timelineBlocks(path: string): TimelineBlock[] {
  return readFileSync(path, 'utf8')
    .split(/\n-{8,}\n/)
    .map((b) => b.trim().split('\n'))
    .filter((lines) => /^\d{4}-\d{2}-\d{2}$/.test(lines[0] ?? ''))
    .map((lines) => ({ date: lines[0], text: lines.slice(1).join(' ') }));
}

/** The timeline files of `topic` in a shared timelines folder (`crisis` or `timeline17`), in name order. */
export function topicFiles(corpus: 'crisis' | 'timeline17', topic: string): string[] {
  const dir = sharedPath('data', corpus, 'timelines', topic);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
}

/** Every block of every timeline of `topic`. */
export function topicBlocks(corpus: 'crisis' | 'timeline17', topic: string): TimelineBlock[] {
  return topicFiles(corpus, topic).flatMap(timelineBlocks);
}

/** The texts of one BBC News section's tuning half, in file order. */
export function bbcTuningTexts(section: string): string[] {
  const dir = sharedPath('data', 'bbc-news', section);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.txt$/.test(f) && parseInt(f, 10) % 2 === 1)
    .sort()
    .map((f) => readFileSync(join(dir, f), 'latin1'));
}

/** The sections of ../shared/data/news-realtimeqa-2019-2026 whose articles report no armed conflict. */
export const NON_CONFLICT_SECTION = /^https?:\/\/(?:www\.)?(?:usatoday\.com\/story\/(?:sports|entertainment|money|tech|life|travel)\/|(?:edition\.)?cnn\.com\/\d{4}\/\d{2}\/\d{2}\/(?:business|entertainment|sport|tech|travel)\/)/;

/** Its world sections: foreign news, where wars, attacks and protests are reported (with much else). */
export const WORLD_SECTION = /^https?:\/\/(?:www\.)?(?:usatoday\.com\/story\/news\/world\/|(?:edition\.)?cnn\.com\/\d{4}\/\d{2}\/\d{2}\/(?:world|europe|asia|middleeast|africa|americas)\/)/;

/**
 * Entertainment news (films, TV, celebrities) and weather news (storms, floods, heat, wildfires): the
 * plots, obituaries, awards and natural disasters whose deaths and "battles" are no conflict events.
 * Their articles are split in halves by position (`sectionHalf`): the even half is training data of
 * the domain model, the odd half a dev check that no model has seen.
 */
export const ENTERTAINMENT_SECTION = /^https?:\/\/(?:www\.)?(?:usatoday\.com\/story\/entertainment\/(?:movies|tv|celebrities)\/|(?:edition\.)?cnn\.com\/\d{4}\/\d{2}\/\d{2}\/entertainment\/)/;
export const WEATHER_SECTION = /^https?:\/\/(?:www\.)?(?:usatoday\.com\/story\/news\/weather\/|(?:edition\.)?cnn\.com\/\d{4}\/\d{2}\/\d{2}\/weather\/)/;

/** The `half` of the RealTime QA articles of `section` (in file order: even positions train, odd dev). */
export function sectionHalf(section: RegExp, half: 'train' | 'dev'): Array<{ text: string; published: string }> {
  return sectionNews(section, Infinity).filter((_, i) => i % 2 === (half === 'train' ? 0 : 1));
}

/** The URLs of the local-news eval's gold records (dev and test), never trained on. */
function evalUrls(): Set<string> {
  const path = packagePath('test-fixtures', 'local-news-real', 'gold.jsonl');
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { url: string }).url));
}

/**
 * Up to `limit` articles of the RealTime QA news set whose URL matches `section`, spread evenly over
 * the file (which is in date order), with their dates; never a record of the local-news eval.
 */
export function sectionNews(section: RegExp, limit: number): Array<{ text: string; published: string }> {
  const path = sharedPath('data', 'news-realtimeqa-2019-2026', 'articles.jsonl.gz');
  if (!existsSync(path) || limit <= 0) return [];
  const skip = evalUrls();
  const rows: Array<{ text: string; published: string }> = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { url: string; text: string; publish_date: string };
    if (section.test(r.url) && r.text && !skip.has(r.url)) rows.push({ text: r.text, published: r.publish_date });
  }
  const step = Math.max(1, rows.length / limit);
  const out: Array<{ text: string; published: string }> = [];
  for (let i = 0; Math.floor(i) < rows.length && out.length < limit; i += step) out.push(rows[Math.floor(i)]);
  return out;
}

/**
 * AllSides topics whose articles report violence, unrest, terrorism and war in news style
 * (../shared/data/news-allsides-2019-2020; no eval reads that set).
 */
export const ALLSIDES_VIOLENCE_TOPICS: ReadonlySet<string> = new Set(['violence_in_america', 'terrorism', 'middle_east', 'us_military', 'national_defense']);

/** The texts of the AllSides articles whose topic is in `topics`, in file order. */
export function allsidesArticles(topics: ReadonlySet<string>): string[] {
  const path = sharedPath('data', 'news-allsides-2019-2020', 'articles.jsonl.gz');
  if (!existsSync(path)) return [];
  const out: string[] = [];
  for (const line of gunzipSync(readFileSync(path)).toString('utf8').split('\n')) {
    if (!line) continue;
    const r = JSON.parse(line) as { topic: string; text: string };
    if (topics.has(r.topic) && r.text) out.push(r.text);
  }
  return out;
}

/** The articles of a Timeline17 article topic outside conflict (H1N1_guardian, MJ_bbc), tokenised as stored. */
export function t17Articles(topic: string): Array<{ text: string; published: string }> {
  const path = sharedPath('data', 'timeline17', 'articles', topic, 'articles.json');
  if (!existsSync(path)) return [];
  return (JSON.parse(readFileSync(path, 'utf8')) as Array<{ text: string; dct: string }>).map((r) => ({ text: r.text, published: r.dct }));
}
