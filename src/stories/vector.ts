/**
 * Article vectors for story clustering: term frequencies of content words (nouns and proper nouns,
 * lowercased, stopwords out) plus entity keys (`@key`, counted double), weighted TF-IDF against the
 * store's running document frequencies; a story's centroid is the sum of its articles' unit vectors,
 * cut to its strongest terms so it stays small.
 */
import type { Layers } from '../core/layers.js';

export type Vec = Map<string, number>;

const STOP = new Set(
  'the a an and or but of to in on at for with by from as is are was were be been being has have had it its this that these those he she they we you i his her their our your not no said says say told year years day days time week month people percent mr mrs ms dr one two three new last first also would could will may more most other some such than then there which who whom whose what when where how all any each about after before over under into out up down off again further once per via'.split(
    ' ',
  ),
);

export const TERMS_PER_ARTICLE = 30;
export const TERMS_PER_CENTROID = 80;

export function termCounts(text: string, layers: Layers): Vec {
  const counts: Vec = new Map();
  for (const t of layers.tokens ?? []) {
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN') continue;
    if (t.end - t.start < 3) continue;
    const w = text.slice(t.start, t.end).toLowerCase();
    if (STOP.has(w) || !/^[\p{L}][\p{L}\p{N}'’-]*$/u.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  for (const e of layers.entities ?? []) {
    const key = `@${e.key || e.name.toLowerCase()}`;
    counts.set(key, (counts.get(key) ?? 0) + 2 * Math.max(1, e.mentions.length));
  }
  return top(counts, TERMS_PER_ARTICLE);
}

export function top(v: Vec, n: number): Vec {
  if (v.size <= n) return v;
  return new Map([...v.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n));
}

export function tfidf(counts: Vec, df: (term: string) => number, docs: number): Vec {
  const out: Vec = new Map();
  let norm = 0;
  for (const [term, tf] of counts) {
    const w = (1 + Math.log(tf)) * Math.log((docs + 1) / (df(term) + 1) + 1);
    out.set(term, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, w] of out) out.set(term, w / norm);
  return out;
}

export function cosine(a: Vec, b: Vec): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [, w] of a) na += w * w;
  for (const [, w] of b) nb += w * w;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) dot += w * x;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

export function norm(v: Vec): number {
  let n = 0;
  for (const w of v.values()) n += w * w;
  return Math.sqrt(n);
}

/** Cosine of a unit vector `unit` with `v` whose norm is known: one pass over the unit vector. */
export function cosineUnit(unit: Vec, v: Vec, vNorm: number): number {
  if (!vNorm) return 0;
  let dot = 0;
  for (const [t, w] of unit) {
    const x = v.get(t);
    if (x !== undefined) dot += w * x;
  }
  return dot / vNorm;
}

export function addInto(centroid: Vec, v: Vec): Vec {
  const out: Vec = new Map(centroid);
  for (const [t, w] of v) out.set(t, (out.get(t) ?? 0) + w);
  return top(out, TERMS_PER_CENTROID);
}

export function toJson(v: Vec): string {
  return JSON.stringify([...v.entries()].map(([t, w]) => [t, Math.round(w * 1e4) / 1e4]));
}

export function fromJson(s: string): Vec {
  return new Map(JSON.parse(s) as Array<[string, number]>);
}
