/**
 * The detector's learning code (scripts/detector/linear.ts, metrics.ts) on small problems whose
 * answers are known.
 */
import { describe, expect, it } from 'vitest';
import { fitPlatt, score, trainSvm, type Rows } from '../../scripts/detector/linear';
import { bestF1Threshold, binaryPrf, thresholdForPrecision } from '../../scripts/detector/metrics';

/** Rows with one feature each: feature 0 for positives, 1 for negatives, plus a shared feature 2. */
function toy(n: number): { rows: Rows; positive: Uint8Array } {
  const index: number[] = [];
  const value: number[] = [];
  const rowStart = [0];
  const positive = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    positive[r] = r % 3 === 0 ? 1 : 0;
    index.push(positive[r] ? 0 : 1, 2);
    value.push(0.8, 0.6);
    rowStart.push(index.length);
  }
  return { rows: { rowStart: Int32Array.from(rowStart), index: Int32Array.from(index), value: Float64Array.from(value), dim: 3 }, positive };
}

describe('trainSvm', () => {
  it.each(['hinge', 'squared-hinge'] as const)('separates a separable problem (%s loss), the same way every time', (loss) => {
    const { rows, positive } = toy(60);
    const all = Int32Array.from({ length: 60 }, (_, i) => i);
    const model = trainSvm(rows, all, positive, { loss, c: 1, seed: 3 });
    for (let r = 0; r < 60; r++) expect(score(rows, r, model) > 0).toBe(positive[r] === 1);
    expect(model.weights[0]).toBeGreaterThan(0);
    expect(model.weights[1]).toBeLessThan(0);
    expect(trainSvm(rows, all, positive, { loss, c: 1, seed: 3 })).toEqual(model);
  });

  it('learns only from the rows it is given', () => {
    const { rows, positive } = toy(60);
    const negativesOnly = Int32Array.from({ length: 60 }, (_, i) => i).filter((r) => !positive[r]);
    const model = trainSvm(rows, negativesOnly, positive, { loss: 'hinge', c: 1 });
    expect(model.weights[0]).toBe(0);
  });
});

describe('fitPlatt', () => {
  it('maps higher margins to higher probabilities, near the observed rates', () => {
    const scores = [-2, -1.5, -1, -1, -0.5, 0.5, 1, 1, 1.5, 2];
    const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const { a, b } = fitPlatt(scores, labels);
    const p = (s: number) => 1 / (1 + Math.exp(a * s + b));
    expect(a).toBeLessThan(0);
    expect(p(2)).toBeGreaterThan(0.8);
    expect(p(-2)).toBeLessThan(0.2);
  });
});

describe('metrics', () => {
  it('counts precision, recall and F1', () => {
    expect(binaryPrf([1, 1, 0, 0, 1], [1, 0, 1, 0, 1])).toMatchObject({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3 });
  });

  it('puts the best-F1 threshold between the scores that separate the classes', () => {
    const t = bestF1Threshold([0.9, 0.8, 0.7, 0.3, 0.2], [1, 1, 1, 0, 0]);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThan(0.7);
  });

  it('gives the lowest threshold that keeps the precision asked for', () => {
    // 30 correct at the top, then a false positive every other unit.
    const scores = Array.from({ length: 60 }, (_, i) => 1 - i / 100);
    const actual = scores.map((_, i) => (i < 30 || i % 2 === 0 ? 1 : 0));
    const t = thresholdForPrecision(scores, actual, 0.9);
    const above = scores.map((s) => s >= t);
    const p = binaryPrf(above, actual).precision;
    expect(p).toBeGreaterThanOrEqual(0.9);
    const lower = scores.find((s) => s < t)!;
    expect(binaryPrf(scores.map((s) => s >= lower), actual).precision).toBeLessThan(0.9);
  });
});
