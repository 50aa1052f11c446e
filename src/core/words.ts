/**
 * Word counts without building an array of every word: `text.match(/\S+/g)` or `text.split(/\s+/)`
 * on a 30 MB article made millions of strings at once and ran ingest out of heap.
 */

/** Runs of non-space characters (what `text.match(/\S+/g)?.length ?? 0` counts). */
export function countWords(text: string): number {
  return countMatches(text, /\S+/g);
}

/** Pieces of `text.split(/\s+/)`, counted: the runs of spaces plus one. */
export function splitPieces(text: string): number {
  return countMatches(text, /\s+/g) + 1;
}

function countMatches(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
