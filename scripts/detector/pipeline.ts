/**
 * Training and cross-validation of the detector, shared by `npm run train` and the bench.
 *
 * Ours: hashed word 1-2-grams and in-word character 3-5-grams (src/detector/features.ts), one
 * L2-loss linear SVM per kind with positives weighted up, weights quantised to int8 with near-zero
 * ones dropped; margins turned into probabilities by Platt scaling and a per-kind threshold that
 * maximises F1, both fitted on held-out predictions of inner folds (never on the test fold).
 */
import { featurize, type FeatureConfig } from '../../src/detector/features';
import { KINDS } from '../../src/detector/kinds';
import type { LabelledUnit } from './corpus';
import { fitPlatt, score, trainSvm, type LinearModel, type Rows } from './linear';
import { bestF1Threshold } from './metrics';

/** Everything that decides the model; written into the model file. */
export interface TrainConfig {
  features: FeatureConfig;
  /** SVM cost (negatives). */
  c: number;
  /** How much more an error on a positive costs. */
  positiveWeight: number;
  /** Weights with |quantised value| below this are dropped (int8 scale: 127 = the largest). */
  prune: number;
  seed: number;
}

export const TRAIN_CONFIG: TrainConfig = {
  features: { bits: 16, wordNgrams: [1, 2], charNgrams: [], heading: 0.5 },
  c: 0.5,
  positiveWeight: 2,
  prune: 1,
  seed: 7,
};

export interface Dataset {
  units: LabelledUnit[];
  rows: Rows;
  /** labels[k][r] = 1 when unit r is of KINDS[k]. */
  labels: Uint8Array[];
  documentOf: string[];
}

/** Features for every unit. */
export function buildDataset(units: LabelledUnit[], features: FeatureConfig): Dataset {
  const rowStart = new Int32Array(units.length + 1);
  const index: Int32Array[] = [];
  const value: Float64Array[] = [];
  let total = 0;
  units.forEach((unit, r) => {
    const f = featurize(unit.text, features, unit.heading, unit.previous);
    index.push(f.index);
    value.push(f.value);
    total += f.index.length;
    rowStart[r + 1] = total;
  });
  const flatIndex = new Int32Array(total);
  const flatValue = new Float64Array(total);
  index.forEach((ix, r) => {
    const at = rowStart[r] ?? 0;
    flatIndex.set(ix, at);
    flatValue.set(value[r] ?? new Float64Array(0), at);
  });
  const labels = KINDS.map((_, k) => Uint8Array.from(units, (u) => (u.kinds >> k) & 1));
  return { units, rows: { rowStart, index: flatIndex, value: flatValue, dim: 1 << features.bits }, labels, documentOf: units.map((u) => u.document) };
}

/** Row ids of the units whose document is (or is not) in `documents`. */
export function rowsOf(ds: Dataset, documents: Set<string>, inside = true): Int32Array {
  const ids: number[] = [];
  ds.documentOf.forEach((d, r) => {
    if (documents.has(d) === inside) ids.push(r);
  });
  return Int32Array.from(ids);
}

/** int8 weights with one scale per kind; |q| < prune dropped. */
export interface QuantisedKind {
  scale: number;
  bias: number;
  weights: Int8Array;
}

export function quantise(model: LinearModel, prune: number): QuantisedKind {
  const w = model.weights;
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max / 127 || 1;
  const weights = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i]! / scale);
    weights[i] = Math.abs(q) < prune ? 0 : q;
  }
  return { scale, bias: model.bias, weights };
}

export function dequantised(q: QuantisedKind): LinearModel {
  const weights = new Float64Array(q.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = q.weights[i]! * q.scale;
  return { weights, bias: q.bias };
}

/** One linear model per kind, trained on `subset`. */
export function fitKinds(ds: Dataset, subset: Int32Array, config: TrainConfig): LinearModel[] {
  return KINDS.map((_, k) =>
    trainSvm(ds.rows, subset, ds.labels[k]!, {
      loss: 'squared-hinge',
      c: config.c,
      cPositive: config.c * config.positiveWeight,
      seed: config.seed + k,
    }),
  );
}

/** The quantised models' margins for `subset`: margins[k][i] for subset[i]. */
export function margins(ds: Dataset, subset: Int32Array, models: LinearModel[]): Float64Array[] {
  return models.map((m) => Float64Array.from(subset, (r) => score(ds.rows, r, m)));
}

/** How margins become decisions: Platt scaling and a probability threshold per kind. */
export interface Calibration {
  platt: { a: number; b: number }[];
  /** Per-kind probability threshold (best F1 on held-out predictions). */
  thresholds: number[];
}

export const probability = (margin: number, p: { a: number; b: number }): number => 1 / (1 + Math.exp(p.a * margin + p.b));

/**
 * Held-out margins of every unit in `documents`, each from a model trained on the other folds
 * (folds given as lists of documents, restricted to `documents`).
 */
export function crossMargins(ds: Dataset, folds: string[][], config: TrainConfig, pruneQuantise = true): { rows: Int32Array; margins: Float64Array[] } {
  const all = new Set(folds.flat());
  const rows = rowsOf(ds, all);
  const position = new Map<number, number>();
  rows.forEach((r, i) => position.set(r, i));
  const out = KINDS.map(() => new Float64Array(rows.length));
  for (const fold of folds) {
    const test = new Set(fold);
    const trainRows = Int32Array.from(rows.filter((r) => !test.has(ds.documentOf[r]!)));
    const testRows = rowsOf(ds, test);
    const models = fitKinds(ds, trainRows, config).map((m) => (pruneQuantise ? dequantised(quantise(m, config.prune)) : m));
    const m = margins(ds, testRows, models);
    testRows.forEach((r, i) => KINDS.forEach((_, k) => (out[k]![position.get(r)!] = m[k]![i]!)));
  }
  return { rows, margins: out };
}

/** Platt scaling and best-F1 thresholds from held-out margins. */
export function calibrate(ds: Dataset, rows: Int32Array, heldOut: Float64Array[]): Calibration {
  const platt = KINDS.map((_, k) => fitPlatt(heldOut[k]!, Array.from(rows, (r) => ds.labels[k]![r]!)));
  const thresholds = KINDS.map((_, k) => {
    const probs = Float64Array.from(heldOut[k]!, (m) => probability(m, platt[k]!));
    return bestF1Threshold(probs, Array.from(rows, (r) => ds.labels[k]![r]!));
  });
  return { platt, thresholds };
}
