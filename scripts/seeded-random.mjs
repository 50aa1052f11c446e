// Seeded draws for the hand-checked samples (events-sample-draw.mjs, quotes-sample-draw.mjs): mulberry32, and a
// Fisher–Yates pick of n items, so a seed always draws the same sample.
export function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `pick(arr, n)`: n items of arr in a shuffled order drawn from `rand`. */
export function picker(rand) {
  return (arr, n) => {
    const a = [...arr];
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
    return a.slice(0, n);
  };
}
