/**
 * Throughput of the quotes + quantities stages alone (segmentation, and entities when given, done once
 * beforehand and not timed), for the benchmark suite: `measureQuotesLayer(text)` → words per CPU-second
 * (process CPU time, so other load on the machine does not count; the stages are single-threaded).
 */
import type { Layers } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuantities } from '../quantities/quantities.js';
import { extractQuotes } from './quotes.js';

export interface QuotesThroughput {
  words: number;
  runs: number;
  seconds: number;
  wordsPerSecond: number;
  quotes: number;
  quantities: number;
}

function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Runs quotes then quantities over `text` repeatedly for at least `minMs`; `layers` may carry entities/mentions. */
export function measureQuotesLayer(text: string, minMs = 1000, layers?: Readonly<Layers>): QuotesThroughput {
  const base: Layers = layers ? { ...layers } : { ...segmentText(text), mentions: [], entities: [] };
  const words = countWords(text);
  const once = (): [number, number] => {
    const quotes = extractQuotes(text, base);
    const quantities = extractQuantities(text, { ...base, quotes });
    return [quotes.length, quantities.length];
  };
  let counts = once(); // warm-up
  // CPU time of this thread's process, not wall time: on a loaded machine wall time measures the neighbours.
  let runs = 0;
  const c0 = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < minMs || runs === 0) {
    counts = once();
    runs++;
    const c = process.cpuUsage(c0);
    elapsed = (c.user + c.system) / 1000;
  }
  const seconds = elapsed / 1000;
  return { words, runs, seconds, wordsPerSecond: Math.round((words * runs) / seconds), quotes: counts[0], quantities: counts[1] };
}
