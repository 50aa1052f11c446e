/**
 * The per-sentence view the event rules read: a sentence's tokens (lower-cased), entity mentions,
 * mappable places, time expressions and quantities, bucketed in one linear pass over each layer.
 */
import type { Span } from '../core/article.js';
import type { Layers, Mention, Place, Quantity, Sentence, TimeExpr, Token } from '../core/layers.js';
import { isMappable } from '../places/mappable.js';

export interface Tok extends Span {
  lower: string;
  text: string;
  pos: string;
}

export interface SentenceView {
  index: number;
  span: Span;
  paragraph: number;
  toks: Tok[];
  mentions: Mention[];
  places: Place[];
  times: Array<{ t: TimeExpr; i: number }>;
  quantities: Array<{ q: Quantity; i: number }>;
}

export function bucket<T extends Span>(items: readonly T[], sentences: readonly Sentence[], into: (s: number, item: T, i: number) => void): void {
  let s = 0;
  // Layers are almost always in text order already; the (stable) sort is needed only when not.
  let inOrder = true;
  for (let k = 1; k < items.length && inOrder; k++) if (items[k].start < items[k - 1].start) inOrder = false;
  if (inOrder) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      while (s < sentences.length && sentences[s].end <= item.start) s++;
      if (s >= sentences.length) break;
      if (item.start >= sentences[s].start) into(s, item, i);
    }
    return;
  }
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.start - b.item.start);
  for (const { item, i } of sorted) {
    while (s < sentences.length && sentences[s].end <= item.start) s++;
    if (s >= sentences.length) break;
    if (item.start >= sentences[s].start) into(s, item, i);
  }
}

export function views(text: string, layers: Readonly<Layers>): SentenceView[] {
  const sentences = layers.sentences ?? [];
  const out: SentenceView[] = sentences.map((s, index) => ({
    index,
    span: { start: s.start, end: s.end },
    paragraph: s.paragraph,
    toks: [],
    mentions: [],
    places: [],
    times: [],
    quantities: [],
  }));
  const tokens: readonly Token[] = layers.tokens ?? [];
  for (const t of tokens) {
    const v = out[t.sentence];
    if (!v) continue;
    const surface = text.slice(t.start, t.end);
    v.toks.push({ start: t.start, end: t.end, text: surface, lower: surface.toLowerCase(), pos: t.pos });
  }
  bucket(layers.mentions ?? [], sentences, (s, m) => out[s].mentions.push(m));
  // Only mappable places are a scene: a guess below MAP_CONFIDENCE stays text (places/mappable.ts).
  bucket((layers.places ?? []).filter((p) => p.entity !== 'dateline' && isMappable(p)), sentences, (s, p) => out[s].places.push(p));
  bucket(layers.times ?? [], sentences, (s, t, i) => out[s].times.push({ t, i }));
  bucket(layers.quantities ?? [], sentences, (s, q, i) => out[s].quantities.push({ q, i }));
  return out;
}

/** Some token in [from, to) is in the set or matches the pattern (no slice, no allocation). */
export function wordIn(toks: Tok[], from: number, to: number, re: RegExp | ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k < Math.min(toks.length, to); k++) if (re instanceof RegExp ? re.test(toks[k].lower) : re.has(toks[k].lower)) return true;
  return false;
}
