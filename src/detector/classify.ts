/**
 * Scores one unit of text with the model: for each kind, the probability that the unit is a
 * potentially unfair clause of that kind. Pure and browser-safe.
 */
import { featurize } from './features';
import type { Model } from './model';

/** What surrounds a unit: its section heading and the unit before it (see FeatureConfig). */
export interface UnitContext {
  heading?: string | undefined;
  previous?: string | undefined;
}

/** margin_k = scale_k · Σ value·q + bias_k, for every kind, in the model's order. */
export function margins(model: Model, text: string, context: UnitContext = {}): Float64Array {
  const { index, value } = featurize(text, model.file.features, context.heading, context.previous);
  const kinds = model.kinds.length;
  const sums = new Float64Array(kinds);
  for (let i = 0; i < index.length; i++) {
    const base = index[i]! * kinds;
    const v = value[i]!;
    for (let k = 0; k < kinds; k++) sums[k] = sums[k]! + v * model.weights[base + k]!;
  }
  for (let k = 0; k < kinds; k++) sums[k] = sums[k]! * model.file.scale[k]! + model.file.bias[k]!;
  return sums;
}

/** Probability of each kind (0..1), in the model's order. */
export function probabilities(model: Model, text: string, context: UnitContext = {}): Float64Array {
  const m = margins(model, text, context);
  return m.map((margin, k) => {
    const [a, b] = model.file.platt[k]!;
    return 1 / (1 + Math.exp(a * margin + b));
  });
}
