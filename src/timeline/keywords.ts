/**
 * The words that name a subject, from its own articles: a story's timeline reads the story's topic (the
 * store's articles with those words, as the query view reads a query's), not only the articles the
 * clustering put in the story (a story is a few weeks; its topic's timeline is not).
 */
import { SMART_STOPWORDS } from './stopwords.js';
import type { TimelineDoc } from './types.js';

/**
 * The words (lower-cased, not stemmed: a search engine's query) in at least `share` of the articles'
 * heads (title and first 1,500 characters), most articles first, then most uses; at most `max`; none for
 * fewer than 5 articles.
 */
export function subjectWords(docs: readonly TimelineDoc[], share: number, max: number): string[] {
  if (docs.length < 5) return [];
  const df = new Map<string, number>();
  const tf = new Map<string, number>();
  for (const d of docs) {
    const words = `${d.title ?? ''} ${d.text.slice(0, 1500)}`.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 2 && !SMART_STOPWORDS.has(w));
    for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  return [...df.entries()]
    .filter(([, n]) => n >= share * docs.length)
    .sort((a, b) => b[1] - a[1] || tf.get(b[0])! - tf.get(a[0])! || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([w]) => w);
}
