/** Shared by the speaker tests: quotes of a hand-made text over segmentation and named entities, and lookups in them. */
import type { Layers, Quote } from '../core/layers.js';
import { segmentText } from '../segment/segment.js';
import { extractQuotes } from './quotes.js';
import { entityLayers, type EntitySpec } from './testing.js';

export function analyze(text: string, specs: EntitySpec[] = []): { quotes: Quote[]; layers: Layers } {
  const layers: Layers = { ...segmentText(text), ...entityLayers(text, specs) };
  return { quotes: extractQuotes(text, layers), layers };
}

/** The quote whose text (after an opening mark) starts with `opening`. */
export const find = (quotes: Quote[], opening: string): Quote | undefined =>
  quotes.find((q) => q.text.replace(/^[“"']+/, '').startsWith(opening));

/** The name of entity `id` in the layers, or null. */
export const name = (layers: Layers, id: string | null | undefined) => (id ? layers.entities?.find((e) => e.id === id)?.name ?? null : null);

/** The two people most hand-made quote tests name. */
export const DOE_REED: EntitySpec[] = [
  { name: 'Jane Doe', type: 'PER', aliases: ['Doe'] },
  { name: 'Tom Reed', type: 'PER', aliases: ['Reed'] },
];

/** Segmentation and the two people of `DOE_REED` over a hand-made text. */
export function doeReedLayers(text: string): Layers {
  return { ...segmentText(text), ...entityLayers(text, DOE_REED) };
}
