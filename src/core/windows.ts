/**
 * Where to cut a long text into analysis windows (see pipeline.ts): each window holds at most `size`
 * characters and ends, by preference, after a paragraph break, else after a sentence's end, else after a
 * space, else (one giant word) anywhere but inside a surrogate pair. A cut is only looked for in the
 * window's second half, so windows are never smaller than half the size (but the last one).
 */

/** Where to cut a long text at the analysis cap: at a space near the cap, never inside a surrogate pair. */
export function cutAt(text: string, cap: number): number {
  const space = text.lastIndexOf(' ', cap);
  if (space > cap - 1000 && space > 0) return space;
  return safeCut(text, cap);
}

/** `at`, or one before it when `at` would split a surrogate pair. */
function safeCut(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/** The start offsets of the windows covering `text` (the first is 0); one window when the text fits. */
export function windowStarts(text: string, size: number): number[] {
  const starts = [0];
  for (let at = 0; text.length - at > size; ) {
    at = windowEnd(text, at, size);
    starts.push(at);
  }
  return starts;
}

/** The end of the window starting at `from` (exclusive), for a text longer than `from + size`. */
export function windowEnd(text: string, from: number, size: number): number {
  const limit = from + size;
  const floor = from + Math.max(1, Math.floor(size / 2));
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline >= floor) return newline + 1;
  let space = -1;
  for (let i = limit - 1; i >= floor; i--) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (space < 0) space = i;
    if (endsSentence(text, i) && startsSentence(text, i + 1)) return i + 1;
  }
  if (space >= 0) return space + 1;
  return safeCut(text, limit);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

const CLOSERS = new Set([0x22, 0x27, 0x29, 0x5d, 0x201d, 0x2019]); // " ' ) ] ” ’
const OPENERS = new Set([0x22, 0x27, 0x28, 0x201c, 0x2018]); // " ' ( “ ‘

/**
 * Whether the text before the space at `i` ends a sentence: `.`, `!` or `?`, maybe followed by closing
 * quotes or brackets, and a period not after a short capitalised word ("Mr.", "Gen.", "J.", "U.S.").
 */
function endsSentence(text: string, i: number): boolean {
  let j = i - 1;
  while (j > 0 && CLOSERS.has(text.charCodeAt(j))) j--;
  const mark = text.charCodeAt(j);
  if (mark === 0x21 || mark === 0x3f) return true;
  if (mark !== 0x2e) return false;
  let k = j - 1;
  while (k >= 0 && /\p{L}/u.test(text[k])) k--;
  if (k >= 0 && text.charCodeAt(k) === 0x2e) return false;
  const word = text.slice(k + 1, j);
  return word.length > 4 || (word.length > 0 && word[0] === word[0].toLowerCase());
}

/** Whether a sentence can start at `i`: a capital letter, a digit or an opening quote or bracket. */
function startsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (OPENERS.has(c) || (c >= 0x30 && c <= 0x39)) return true;
  const ch = text[i];
  return ch !== undefined && /\p{Lu}/u.test(ch);
}
