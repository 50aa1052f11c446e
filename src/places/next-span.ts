/**
 * For each span, the span that starts first at or after its end (the lowest index among equal
 * starts), or -1: what "X in Y" / "X, Y" pairing looks at. One sort per article instead of a scan
 * of every span for each span (an article naming a place 20,000 times spent seconds here).
 */
export function nextSpans(spans: ReadonlyArray<{ start: number; end: number }>): Int32Array {
  const order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start || a - b);
  const out = new Int32Array(spans.length).fill(-1);
  for (let i = 0; i < spans.length; i++) {
    let a = 0;
    let b = order.length;
    while (a < b) {
      const m = (a + b) >> 1;
      if (spans[order[m]].start < spans[i].end) a = m + 1;
      else b = m;
    }
    if (a < order.length) out[i] = order[a];
  }
  return out;
}
