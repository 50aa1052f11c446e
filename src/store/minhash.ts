/**
 * MinHash (one-permutation, densified) over word 5-shingles, banded for LSH, to find near-duplicate articles (the same story with
 * small edits) without comparing every pair. 64 hashes in 16 bands of 4 rows: two texts with
 * Jaccard 0.8 share a band with probability ≈ 1 − (1 − 0.8⁴)¹⁶ ≈ 0.9996; at 0.3, ≈ 0.12.
 */
export const NUM_HASHES = 64;
export const BANDS = 16;
const ROWS = NUM_HASHES / BANDS;
const SHINGLE = 5;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Characters lower-cased at once (then to the next space). */
const LOWER_CHUNK = 65_536;

/**
 * One-permutation hashing: each shingle is hashed once and lands in one of NUM_HASHES bins by its top
 * bits; a bin keeps its minimum. Empty bins borrow the next non-empty bin's value (rotation
 * densification), so short texts still give comparable signatures. 64× cheaper than 64 hash functions.
 */
export function signature(text: string): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const filled = new Uint8Array(NUM_HASHES);
  const add = (h: number) => {
    // Finalise (murmur3 fmix32) so the bin bits are well mixed.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h >>>= 0;
    const bin = h >>> 26;
    const value = h & 0x03ffffff;
    if (value < sig[bin]) sig[bin] = value;
    filled[bin] = 1;
  };
  // Words are read one at a time and only the last SHINGLE word hashes are kept: an array of every
  // word of a 30 MB article (millions of strings) ran ingest out of heap.
  const word = /[\p{L}\p{N}]+/gu;
  const recent = new Uint32Array(SHINGLE);
  let words = 0;
  const shingle = (first: number, n: number) => {
    let h = 0x811c9dc5;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ recent[(first + j) % SHINGLE], 0x01000193);
    return h;
  };
  // Lower-cased a chunk at a time, each ending at a space: no word spans a space, and no case rule looks
  // across one (Greek final sigma stops at it), so the chunks are the whole text lower-cased. The whole
  // text at once was a second copy of a 30 MB article on the heap.
  for (let from = 0; from < text.length; ) {
    let to = from + LOWER_CHUNK >= text.length ? text.length : text.indexOf(' ', from + LOWER_CHUNK);
    if (to < 0) to = text.length;
    const lower = text.slice(from, to).toLowerCase();
    for (let m = word.exec(lower); m !== null; m = word.exec(lower)) {
      recent[words % SHINGLE] = fnv1a(m[0]);
      words++;
      if (words >= SHINGLE) add(shingle(words - SHINGLE, SHINGLE));
    }
    from = to;
  }
  // Fewer words than a shingle: one shingle of all of them (none for an empty text).
  if (words < SHINGLE) add(shingle(0, words));
  for (let b = 0; b < NUM_HASHES; b++) {
    if (filled[b]) continue;
    for (let k = 1; k < NUM_HASHES; k++) {
      const from = (b + k) % NUM_HASHES;
      if (filled[from]) {
        sig[b] = (sig[from] + k * 0x9e3779b1) >>> 0;
        break;
      }
    }
  }
  return sig;
}

/** One 32-bit key per band. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r];
      h = Math.imul(h, 0x01000193);
    }
    keys.push(h | 0);
  }
  return keys;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}
