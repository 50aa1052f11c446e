/**
 * The lower-cased words of the sentences just before and after a set of sentences (not the sentences
 * themselves): where a death's agent is told when the death's own sentence names none ("The deaths of
 * 19 children and 2 adults at Robb Elementary. How was the gunman able to …"). kind.ts reads them lazily.
 */
import type { Layers } from '../core/layers.js';

export function neighbourWords(layers: Readonly<Layers>, text: string, sentences: readonly number[]): string[] {
  const own = new Set(sentences);
  const want = new Set<number>();
  for (const s of sentences) for (const n of [s - 1, s + 1]) if (!own.has(n)) want.add(n);
  const out: string[] = [];
  for (const t of layers.tokens ?? []) if (want.has(t.sentence)) out.push(text.slice(t.start, t.end).toLowerCase());
  return out;
}
