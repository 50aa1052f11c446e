/**
 * `segment`: paragraphs, sentences and tokens with POS, from wink-nlp.
 *
 * wink does not treat a single newline as a sentence boundary, so paragraphs (lines) are split first
 * and each is read on its own; that also keeps wink's per-call cost proportional to a paragraph.
 * wink's tokens are lossless (preceding spaces + value rebuild the input), which gives offsets cheaply;
 * we still locate each token with indexOf from a cursor so that a token wink normalises can never
 * yield a span whose surface differs from the text.
 */
import type { Article } from '../core/article.js';
import type { Paragraph, Sentence, Token } from '../core/layers.js';
import type { Component } from '../core/pipeline.js';
import { winkForDocument } from './wink.js';

/** Paragraphs are maximal runs of non-blank text between newlines, trimmed of surrounding whitespace. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let start = m.index;
    let end = start + m[0].length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (end > start) paragraphs.push({ start, end, index: paragraphs.length });
  }
  return paragraphs;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0xfeff;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
}

export function segmentText(text: string): Segmentation {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  const tokens: Token[] = [];
  const nlp = winkForDocument();
  const its = nlp.its;
  // Both repairs below are rare: one scan of the text each decides whether they are needed at all.
  const longRuns = hasLongRun(text);
  for (const paragraph of paragraphs) {
    const slice = longRuns ? maskLongRuns(text.slice(paragraph.start, paragraph.end)) : text.slice(paragraph.start, paragraph.end);
    const doc = nlp.readDoc(slice);
    const values = doc.tokens().out(its.value) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const starts: number[] = new Array<number>(values.length);
    const ends: number[] = new Array<number>(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      let at = slice.indexOf(value, cursor);
      if (at < 0) {
        // wink normalised this token; fall back to the next non-space run so spans stay truthful.
        at = cursor;
        while (at < slice.length && isSpace(slice.charCodeAt(at))) at++;
        let stop = at;
        while (stop < slice.length && !isSpace(slice.charCodeAt(stop))) stop++;
        starts[i] = at;
        ends[i] = Math.max(stop, at);
      } else {
        starts[i] = at;
        ends[i] = at + value.length;
      }
      cursor = ends[i];
    }
    const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
    for (const [first, last] of spans) {
      if (first > last || first >= values.length) continue;
      const sentenceIndex = sentences.length;
      sentences.push({
        start: paragraph.start + starts[first],
        end: paragraph.start + ends[Math.min(last, values.length - 1)],
        index: sentenceIndex,
        paragraph: paragraph.index,
      });
      for (let t = first; t <= last && t < values.length; t++) {
        if (ends[t] <= starts[t]) continue;
        const absolute = paragraph.start + starts[t];
        tokens.push({
          start: absolute,
          end: paragraph.start + ends[t],
          pos: pos[t] ?? 'X',
          sentence: sentenceIndex,
          spaceBefore: absolute > 0 && isSpace(text.charCodeAt(absolute - 1)),
        });
      }
    }
  }
  const joined = NON_ASCII.test(text) ? joinSplitWords(text, tokens) : tokens;
  return { paragraphs, sentences, tokens: longRuns ? joinLongRuns(text, joined) : joined };
}

/** Longer than any word: wink's tokenizer is quadratic in a token's length (40k characters: 2.8 s). */
const MAX_WORD = 256;
const LONG_RUN = new RegExp(`\\S{${MAX_WORD + 1},}`, 'g');

/**
 * Whether the text holds a run of more than MAX_WORD characters that `\S` matches: what LONG_RUN.test
 * answers, in one pass (the regex retries from every character of every word; 5% of segmentation).
 */
export function hasLongRun(text: string): boolean {
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isRegexSpace(text.charCodeAt(i))) run = 0;
    else if (++run > MAX_WORD) return true;
  }
  return false;
}

/** The characters of JavaScript's `\s` (WhiteSpace and LineTerminator, UTF-16 code units). */
function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The paragraph as wink should read it: each run of more than MAX_WORD non-space characters (a
 * base64 blob, a URL soup) becomes same-length filler broken by spaces, so reading stays linear;
 * `joinLongRuns` then makes each run one token of the real text again.
 */
function maskLongRuns(paragraph: string): string {
  return paragraph.replace(LONG_RUN, (run) => {
    let filler = '';
    for (let i = 0; i < run.length; i++) filler += i % 64 === 63 && i < run.length - 1 ? ' ' : 'x';
    return filler;
  });
}

/** Tokens that lie inside one run of non-space characters longer than MAX_WORD become one token. */
function joinLongRuns(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.sentence === t.sentence && isInLongRun(text, prev, t)) {
      prev.end = t.end;
      prev.pos = 'X';
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Whether `a` and `b` are pieces of one run of more than MAX_WORD non-space characters. */
function isInLongRun(text: string, a: Token, b: Token): boolean {
  if (b.start - a.end > 1) return false;
  for (let i = a.end; i < b.start; i++) if (isSpace(text.charCodeAt(i))) return false;
  let start = a.start;
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  let end = b.end;
  while (end < text.length && end - start <= MAX_WORD && !isSpace(text.charCodeAt(end))) end++;
  return end - start > MAX_WORD;
}

const LETTER = /[\p{L}\p{M}]/u;
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * wink's English model breaks words at letters it does not know ("Zieli|ń|ska", "Ł|ukasz",
 * "Erdo|ğ|an"): touching tokens of one sentence that meet letter to letter, where either holds a
 * non-ASCII character, are one word again (the first part's POS stands). ASCII splits such as
 * "can|not" are wink's on purpose and stay.
 */
function joinSplitWords(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      prev.end === t.start &&
      prev.sentence === t.sentence &&
      LETTER.test(text.charAt(prev.end - 1)) &&
      LETTER.test(text.charAt(t.start)) &&
      (NON_ASCII.test(text.slice(prev.start, prev.end)) || NON_ASCII.test(text.slice(t.start, t.end)))
    ) {
      prev.end = t.end;
      continue;
    }
    out.push(t);
  }
  return out;
}

export const segment: Component = {
  name: 'segment',
  version: '1.0.0',
  requires: [],
  assigns: ['paragraphs', 'sentences', 'tokens'],
  run(article: Readonly<Article>) {
    return segmentText(article.text);
  },
};
