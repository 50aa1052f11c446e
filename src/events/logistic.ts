/**
 * The small logistic-regression models the events stage ships (sense.json, domain.json): a bias, a
 * threshold and sparse weights over string features, and the one trainer both are made with (their
 * scorers stay beside their features in sense.ts and domain.ts).
 */

export interface LogisticModel {
  version: string;
  bias: number;
  threshold: number;
  weights: Record<string, number>;
}

export interface LogisticOptions {
  /** Features seen fewer times are dropped. */
  minCount: number;
  epochs: number;
  /** AdaGrad learning rate. */
  rate: number;
  l2: number;
  /** Weights smaller in magnitude are dropped after training, so the model stays small. */
  prune: number;
  threshold: number;
  /** Decimal places kept for each weight. */
  weightDigits: number;
  /** The summed feature weights of an example are multiplied by this (1 when absent). */
  scale?: (features: readonly string[]) => number;
}

/**
 * Class-balanced logistic regression, AdaGrad with L2, in a fixed order that mixes the sources
 * (deterministic: no random seed needed).
 */
export function trainLogistic(data: ReadonlyArray<{ features: readonly string[]; label: 0 | 1 }>, o: LogisticOptions): LogisticModel {
  const counts = new Map<string, number>();
  for (const x of data) for (const f of x.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const pos = data.filter((x) => x.label === 1).length;
  const weightOf = (label: number) => (label === 1 ? data.length / (2 * Math.max(1, pos)) : data.length / (2 * Math.max(1, data.length - pos)));
  let bias = 0;
  let gBias = 1e-8;
  const order = data.map((_, i) => i).sort((a, b) => ((a * 7919) % 104729) - ((b * 7919) % 104729));
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const i of order) {
      const x = data[i];
      const fs = x.features.filter((f) => (counts.get(f) ?? 0) >= o.minCount);
      const scale = o.scale ? o.scale(x.features) : 1;
      let z: number;
      if (o.scale) {
        let sum = 0;
        for (const f of fs) sum += w.get(f) ?? 0;
        z = bias + sum * scale;
      } else {
        z = bias;
        for (const f of fs) z += w.get(f) ?? 0;
      }
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - x.label) * weightOf(x.label);
      gBias += g * g;
      bias -= (o.rate / Math.sqrt(gBias)) * g;
      for (const f of fs) {
        const wf = w.get(f) ?? 0;
        const gf = g * scale + o.l2 * wf;
        const acc = (g2.get(f) ?? 1e-8) + gf * gf;
        g2.set(f, acc);
        w.set(f, wf - (o.rate / Math.sqrt(acc)) * gf);
      }
    }
  }
  const round = 10 ** o.weightDigits;
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= o.prune) weights[f] = Math.round(v * round) / round;
  return { version: '1', bias: Math.round(bias * 1e4) / 1e4, threshold: o.threshold, weights };
}
