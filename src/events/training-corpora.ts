/**
 * The shared corpora the events models are trained on (training time only, never the run time):
 * tilse-style timelines and the BBC News sections' tuning half (odd file numbers; the even ones are
 * `eval events`'s held-out split).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../core/paths.js';

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
