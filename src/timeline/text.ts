/** Words and stemmed content terms of a sentence, for the timeline stage's vectors. */
import { porterStem } from './porter.js';
import { SMART_STOPWORDS } from './stopwords.js';

const TOKEN = /\S+/g;
const WORD = /^[\p{L}][\p{L}'’.-]*$/u;

/** Whitespace tokens, and how many of them are words (letters first). */
export function wordStats(text: string): { tokens: number; words: number } {
  let tokens = 0;
  let words = 0;
  for (const t of text.match(TOKEN) ?? []) {
    tokens++;
    if (WORD.test(t)) words++;
  }
  return { tokens, words };
}

/** Stems by word: news vocabulary repeats, and stemming is most of the stage's per-word cost. */
const STEMS = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

function stem(w: string): string {
  let s = STEMS.get(w);
  if (s === undefined) {
    s = /^[a-z]+$/.test(w) && w.length > 3 ? porterStem(w) : w;
    if (STEMS.size >= STEM_CACHE_MAX) STEMS.clear();
    STEMS.set(w, s);
  }
  return s;
}

/** Lowercased, stopword-free, Porter-stemmed terms. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 2 || SMART_STOPWORDS.has(w) || /^\d+$/.test(w)) continue;
    out.push(stem(w));
  }
  return out;
}
