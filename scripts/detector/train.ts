/**
 * `npm run train`: trains the detector on all 50 CLAUDETTE documents and writes
 * src/detector/model.json. Deterministic: the same corpus gives the same file, byte for byte
 * (test/unit/detector-model.test.ts retrains and compares).
 *
 * Per-kind calibration and thresholds, and the threshold shown to readers, come from held-out
 * predictions: the committed by-document folds, each predicted by a model trained on the others.
 */
import { writeFileSync } from 'node:fs';
import { KINDS } from '../../src/detector/kinds';
import { encodeWeights, type ModelFile } from '../../src/detector/model';
import { loadCorpus, type Corpus } from './corpus';
import { readFolds } from './folds';
import { thresholdForPrecision } from './metrics';
import { buildDataset, calibrate, crossMargins, fitKinds, probability, quantise, TRAIN_CONFIG, type Calibration, type Dataset } from './pipeline';

export const MODEL_FILE = new URL('../../src/detector/model.json', import.meta.url);

export const ATTRIBUTION =
  'Trained on the CLAUDETTE corpus: Galassi, Lagioia, Jabłonowska, Lippi (2024), CC BY 4.0 — github.com/nlp-unibo/Multilingual-Unfair-Clause-Detection';

/** The precision the threshold shown to readers must reach on held-out predictions. */
export const READER_PRECISION = 0.9;

/** Seven significant digits: enough for the classifier, and stable text. */
const round = (x: number): number => Number(x.toPrecision(7));

/** Probability that a unit is of any kind: the most likely kind's. */
export function anyProbability(calibration: Calibration, heldOut: Float64Array[], i: number): number {
  let best = 0;
  KINDS.forEach((_, k) => (best = Math.max(best, probability(heldOut[k]![i]!, calibration.platt[k]!))));
  return best;
}

/** Calibration and reader threshold from held-out predictions over `folds`. */
export function heldOutCalibration(ds: Dataset, folds: string[][]): { calibration: Calibration; readerThreshold: number } {
  const { rows, margins } = crossMargins(ds, folds, TRAIN_CONFIG);
  const calibration = calibrate(ds, rows, margins);
  const any = Float64Array.from(rows, (_, i) => anyProbability(calibration, margins, i));
  const readerThreshold = thresholdForPrecision(any, Array.from(rows, (r) => (ds.units[r]!.kinds ? 1 : 0)), READER_PRECISION);
  return { calibration, readerThreshold };
}

/** The model file's text for the corpus at `dir`. */
export function trainModel(corpus: Corpus): string {
  const { folds } = readFolds(corpus.documents);
  const ds = buildDataset(corpus.units, TRAIN_CONFIG.features);
  const { calibration, readerThreshold } = heldOutCalibration(ds, folds);
  const all = Int32Array.from(corpus.units, (_, r) => r);
  const quantised = fitKinds(ds, all, TRAIN_CONFIG).map((m) => quantise(m, TRAIN_CONFIG.prune));
  const file: ModelFile = {
    format: 1,
    attribution: ATTRIBUTION,
    features: TRAIN_CONFIG.features,
    kinds: [...KINDS],
    scale: quantised.map((q) => round(q.scale)),
    bias: quantised.map((q) => round(q.bias)),
    platt: calibration.platt.map((p) => [round(p.a), round(p.b)]),
    thresholds: calibration.thresholds.map(round),
    readerThreshold: round(readerThreshold),
    weights: encodeWeights(quantised.map((q) => q.weights)),
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

/** Entry point: trains and writes the model file; says plainly when the corpus is absent. */
export function main(dir: string): number {
  let corpus: Corpus;
  try {
    corpus = loadCorpus(dir);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)} Nothing was trained; the committed model is unchanged.`);
    return 1;
  }
  const started = performance.now();
  const text = trainModel(corpus);
  writeFileSync(MODEL_FILE, text);
  console.log(
    `Trained on ${corpus.documents.length} documents, ${corpus.units.length} sentences ` +
      `(${corpus.units.filter((u) => u.kinds).length} with a potentially unfair clause) in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
      `src/detector/model.json, ${(text.length / 1024).toFixed(0)} KB.`,
  );
  return 0;
}
