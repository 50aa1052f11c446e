/**
 * Tokens with their surface and lowercase form, built once per tokens layer and shared by the quotes
 * and quantities stages (a WeakMap keyed by the layer array; the text behind a layer never changes).
 * A doubled apostrophe ('' — some wires' quotation mark) becomes one token; a spaced hyphen, en dash or "--" becomes
 * the em dash it stands for (its span unchanged).
 */
import type { Span } from '../core/article.js';
import type { Token } from '../core/layers.js';

export interface Tok extends Span {
  text: string;
  lower: string;
  pos: string;
  sentence: number;
  spaceBefore: boolean;
}

/** Dash spellings that, with a space on each side, stand for an em dash. */
const SPACED_DASHES = new Set(['-', '–', '--', '―']);

function isNumeric(tokens: readonly Token[], i: number, text: string): boolean {
  const t = tokens[i];
  return t !== undefined && /^[$€£]?\d/.test(text.slice(t.start, t.end));
}

const cache = new WeakMap<readonly Token[], { text: string; toks: Tok[] }>();

export function sharedTokens(text: string, tokens: readonly Token[]): Tok[] {
  const hit = cache.get(tokens);
  if (hit && hit.text === text) return hit.toks;
  const out: Tok[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (next && next.start === t.end && t.end - t.start === 1 && text.charCodeAt(t.start) === 39 && next.end - next.start === 1 && text.charCodeAt(next.start) === 39) {
      out.push({ start: t.start, end: next.end, text: "''", lower: "''", pos: 'PUNCT', sentence: t.sentence, spaceBefore: t.spaceBefore });
      i++;
      continue;
    }
    const s = text.slice(t.start, t.end);
    if (SPACED_DASHES.has(s) && t.spaceBefore && next?.spaceBefore && !isNumeric(tokens, i - 1, text) && !isNumeric(tokens, i + 1, text)) {
      // "leaders like Saddam Hussein - ''He would have loved Stalin,'' Mr. Biden said - and …": a spaced hyphen,
      // en dash or double hyphen is the typewriter's em dash (a number range "10 - 20" stays a hyphen)
      out.push({ start: t.start, end: t.end, text: '—', lower: '—', pos: 'PUNCT', sentence: t.sentence, spaceBefore: t.spaceBefore });
      continue;
    }
    out.push({ start: t.start, end: t.end, text: s, lower: s.toLowerCase(), pos: t.pos, sentence: t.sentence, spaceBefore: t.spaceBefore });
  }
  cache.set(tokens, { text, toks: out });
  return out;
}

/** Index of the first item whose start ≥ offset (items sorted by start; binary search). */
export function firstAtOrAfter(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
