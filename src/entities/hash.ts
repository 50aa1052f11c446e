/**
 * Small numeric helpers shared by the NER model and its trainer: a string hash (FNV-1a, 32-bit),
 * an integer mixer to combine feature hashes with template ids or offsets, and a seeded PRNG so
 * training is reproducible.
 */

/** FNV-1a over UTF-16 code units, seeded so that each feature template gets its own hash family. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Combines two 32-bit values into a well-spread 32-bit hash (murmur3 finaliser style). */
export function mix(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(b, 0xc2b2ae35)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: a tiny deterministic PRNG, returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/**
 * Open-addressing uint32 → int32 map (faster than Map for the hot loop). Keys and values sit side by
 * side in one array so a lookup touches one cache line.
 */
export class HashIndex {
  slots: Int32Array;
  mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key | 0;
    const slots = this.slots;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = slots[i << 1];
      if (found === k) return slots[(i << 1) + 1];
      if (found === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const k = key === 0 ? 1 : key | 0;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const found = this.slots[i << 1];
      if (found === k) {
        this.slots[(i << 1) + 1] = value;
        return;
      }
      if (found === 0) {
        this.slots[i << 1] = k;
        this.slots[(i << 1) + 1] = value;
        this.size++;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = (this.slots.length >> 1) - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0) this.set(old[i] >>> 0, old[i + 1]);
  }
}
