/**
 * Hand-made models for the detector's unit tests: chosen words get chosen weights for a kind,
 * so a test can say exactly what the classifier and "why" must answer.
 */
import { emitFeatures, tokenize, type FeatureConfig } from './features';
import { KINDS, type Kind } from './kinds';
import { encodeWeights, loadModel, type Model } from './model';

export const TEST_FEATURES: FeatureConfig = { bits: 12, wordNgrams: [1, 2], charNgrams: [], heading: 0 };

/** A model in which each listed word or word pair weighs `weight` (int8) towards its kind. */
export function handMadeModel(weights: Partial<Record<Kind, Record<string, number>>>, bias = -2): Model {
  const tables = KINDS.map(() => new Int8Array(1 << TEST_FEATURES.bits));
  KINDS.forEach((kind, k) => {
    for (const [phrase, weight] of Object.entries(weights[kind] ?? {})) {
      const tokens = tokenize(phrase);
      const n = tokens.length;
      emitFeatures(tokens, { ...TEST_FEATURES, wordNgrams: [n] }, (bucket) => (tables[k]![bucket] = weight));
    }
  });
  return loadModel({
    format: 1,
    attribution: 'test',
    features: TEST_FEATURES,
    kinds: [...KINDS],
    scale: KINDS.map(() => 0.1),
    bias: KINDS.map(() => bias),
    platt: KINDS.map(() => [-1, 0]),
    thresholds: KINDS.map(() => 0.5),
    readerThreshold: 0.5,
    weights: encodeWeights(tables),
  });
}
