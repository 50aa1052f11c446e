/**
 * Throughput of the time layer alone (segmentation done once beforehand, not timed), for the
 * benchmark suite: `measureTimeLayer(text)` → words per second (wall and per CPU-second) on one core.
 */
import { segmentText } from '../segment/segment.js';
import { extractTimes } from './time.js';
import { parseIsoDay } from './calendar.js';

export interface TimeThroughput {
  words: number;
  runs: number;
  seconds: number;
  wordsPerSecond: number;
  /** CPU time of this process (user + system), robust to other load on a shared machine. */
  cpuSeconds: number;
  wordsPerCpuSecond: number;
  expressions: number;
}

export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Runs the time layer over `text` repeatedly for at least `minMs` and reports words per second. */
export function measureTimeLayer(text: string, reference = '2025-12-03', minMs = 1000): TimeThroughput {
  const { sentences } = segmentText(text);
  const day = parseIsoDay(reference);
  const anchor = day === null ? null : { from: day, to: day, confidence: 1 };
  const words = countWords(text);
  // Warm-up (JIT, chrono's pattern compilation).
  let expressions = extractTimes(text, sentences, anchor).length;
  let runs = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs || runs === 0) {
    expressions = extractTimes(text, sentences, anchor).length;
    runs++;
    elapsed = performance.now() - t0;
  }
  const seconds = elapsed / 1000;
  const cpu = process.cpuUsage(c0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return {
    words,
    runs,
    seconds,
    wordsPerSecond: Math.round((words * runs) / seconds),
    cpuSeconds,
    wordsPerCpuSecond: Math.round((words * runs) / cpuSeconds),
    expressions,
  };
}
