/**
 * Clustering scores for article → incident grouping: B-cubed precision/recall/F1 (Bagga & Baldwin
 * 1998; averaged over items) and the false-merge rate (of the item pairs put together, the share that
 * belong to different gold groups).
 */

export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  /** Pairs put in one cluster that are in different gold groups / all pairs put in one cluster (0 when none). */
  falseMergeRate: number;
  /** Pairs put together, for the rate's denominator. */
  mergedPairs: number;
  /** Pairs put together that are in different gold groups. */
  falseMergePairs: number;
  /** Pairs in one gold group that were put apart, and all pairs in one gold group. */
  splitPairs: number;
  goldPairs: number;
}

/** `gold[i]` and `predicted[i]` are the group labels of item i. */
export function clusterScores(gold: readonly string[], predicted: readonly string[]): ClusterScores {
  const n = gold.length;
  if (n !== predicted.length) throw new Error('gold and predicted differ in length');
  if (n === 0) return { precision: 0, recall: 0, f1: 0, falseMergeRate: 0, mergedPairs: 0, falseMergePairs: 0, splitPairs: 0, goldPairs: 0 };
  let p = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    let both = 0;
    let sameP = 0;
    let sameG = 0;
    for (let j = 0; j < n; j++) {
      const inP = predicted[j] === predicted[i];
      const inG = gold[j] === gold[i];
      if (inP) sameP++;
      if (inG) sameG++;
      if (inP && inG) both++;
    }
    p += both / sameP;
    r += both / sameG;
  }
  let pairs = 0;
  let wrong = 0;
  let split = 0;
  let goldPairs = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const together = predicted[i] === predicted[j];
      const same = gold[i] === gold[j];
      if (together) pairs++;
      if (together && !same) wrong++;
      if (same) goldPairs++;
      if (same && !together) split++;
    }
  const precision = p / n;
  const recall = r / n;
  return {
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    falseMergeRate: pairs ? wrong / pairs : 0,
    mergedPairs: pairs,
    falseMergePairs: wrong,
    splitPairs: split,
    goldPairs,
  };
}
