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

/** Any mark that may open or close a quote (a fast path: most sentences have none). */
const ANY_QUOTE = /["“”‘’`]|''|(?:^|\s)'/;
const OPEN_QUOTE = /^(?:``|“|‘|`|")/;
const CLOSE_DOUBLE = /(?:''|”|")[.,;:!?]*$/;
const CLOSE_SINGLE = /['’][.,;:!?]*$/;

/**
 * The share of a sentence's whitespace tokens inside quotation marks (direct speech). A closing double
 * mark with no opening one before it closes a quote opened in an earlier sentence, so all before it is
 * quoted; an opening mark with no closing one runs to the end. A single closing mark (' ’) closes only
 * an open quote: otherwise it is an apostrophe ("the players’ union").
 */
export function quotedShare(text: string): number {
  if (!ANY_QUOTE.test(text)) return 0;
  const tokens = text.match(TOKEN) ?? [];
  if (!tokens.length) return 0;
  let inside = false;
  let seen = false;
  let quoted = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const opens: boolean = !inside && OPEN_QUOTE.test(t);
    const rest: string = opens ? t.replace(OPEN_QUOTE, '') : t;
    const closes: boolean = inside || opens ? CLOSE_DOUBLE.test(rest) || CLOSE_SINGLE.test(rest) : CLOSE_DOUBLE.test(t);
    if (opens || inside) quoted++;
    else if (closes && !seen) quoted = i + 1;
    if (opens) seen = true;
    inside = (inside || opens) && !closes;
    if (closes) seen = true;
  }
  return Math.min(1, quoted / tokens.length);
}
