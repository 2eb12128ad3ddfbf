import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds';
import { encodeWeights, loadModel, type ModelFile } from './model';
import { TEST_FEATURES } from './test-model';

const file = (weights: string, kinds = [...KINDS]): ModelFile => ({
  format: 1,
  attribution: 'test',
  features: TEST_FEATURES,
  kinds,
  scale: KINDS.map(() => 1),
  bias: KINDS.map(() => 0),
  platt: KINDS.map(() => [-1, 0]),
  thresholds: KINDS.map(() => 0.5),
  readerThreshold: 0.5,
  weights,
});

describe('model file', () => {
  it('reads back exactly the sparse int8 weights it was written with, bucket-major', () => {
    const size = 1 << TEST_FEATURES.bits;
    const tables = KINDS.map((_, k) => Int8Array.from({ length: size }, (_, b) => ((b * 7 + k * 13) % 11 === 0 ? ((b + k) % 255) - 127 : 0)));
    tables[2]![size - 1] = -128;
    tables[5]![0] = 127;
    const model = loadModel(file(encodeWeights(tables)));
    const expected = new Int8Array(size * KINDS.length);
    for (let b = 0; b < size; b++) KINDS.forEach((_, k) => (expected[b * KINDS.length + k] = tables[k]![b]!));
    expect(model.weights).toEqual(expected);
  });

  it('refuses a model for other kinds, a cut-short table and an unknown format', () => {
    const weights = encodeWeights(KINDS.map(() => Int8Array.from({ length: 1 << TEST_FEATURES.bits }, (_, b) => (b % 3 ? 0 : 5))));
    expect(() => loadModel(file(weights, [...KINDS].reverse()))).toThrow(/other kinds/);
    expect(() => loadModel(file(weights.slice(0, weights.length / 2).replace(/=+$/, '')))).toThrow(/cut short/);
    expect(() => loadModel({ ...file(weights), format: 2 as 1 })).toThrow(/format/);
  });
});
