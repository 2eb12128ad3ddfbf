/** Precision, recall and F1 of the detector's decisions, per kind and for "any unfair". */

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Scores of one binary decision: predicted[i], actual[i]. */
export function binaryPrf(predicted: ArrayLike<boolean | number>, actual: ArrayLike<boolean | number>): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < predicted.length; i++) {
    if (predicted[i] && actual[i]) tp++;
    else if (predicted[i]) fp++;
    else if (actual[i]) fn++;
  }
  return prf(tp, fp, fn);
}

/** The threshold on `scores` that maximises F1 (midway between neighbouring scores). */
export function bestF1Threshold(scores: ArrayLike<number>, actual: ArrayLike<boolean | number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let positives = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i]) positives++;
  let tp = 0;
  let best = -1;
  let threshold = Infinity;
  for (let k = 0; k < order.length; k++) {
    if (actual[order[k]!]) tp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next]! === scores[order[k]!]!) continue;
    const f1 = (2 * tp) / (k + 1 + positives);
    if (f1 > best) {
      best = f1;
      threshold = next === undefined ? scores[order[k]!]! - 1e-9 : (scores[order[k]!]! + scores[next]!) / 2;
    }
  }
  return threshold;
}

/** Precision and recall of `score >= t` for each t. */
export function curve(scores: ArrayLike<number>, actual: ArrayLike<boolean | number>, thresholds: number[]): { threshold: number; prf: Prf }[] {
  return thresholds.map((threshold) => {
    const predicted = Array.from(scores, (s) => s >= threshold);
    return { threshold, prf: binaryPrf(predicted, actual) };
  });
}

/**
 * The lowest score threshold at which precision (of `score >= threshold`) still reaches
 * `target`, walking down from the top; Infinity when none does.
 */
export function thresholdForPrecision(scores: ArrayLike<number>, actual: ArrayLike<boolean | number>, target: number): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  // Once at least 20 units are above the cut, the first cut below the target ends the walk, so a
  // lucky run far down the list cannot pull the threshold lower.
  let tp = 0;
  let chosen = Infinity;
  for (let k = 0; k < order.length; k++) {
    if (actual[order[k]!]) tp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next]! === scores[order[k]!]!) continue;
    const precision = tp / (k + 1);
    if (precision >= target) chosen = scores[order[k]!]!;
    else if (k + 1 >= 20) break;
  }
  return chosen;
}
