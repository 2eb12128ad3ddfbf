import { describe, expect, it } from 'vitest';
import { featurize, tokenize, type FeatureConfig } from './features';

const config: FeatureConfig = { bits: 16, wordNgrams: [1, 2], charNgrams: [], heading: 0.5, previous: 0.3 };

const norm = (v: Float64Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe('features', () => {
  it('tokenises lowercased words, keeping apostrophes inside words and offsets', () => {
    expect(tokenize('We’ll END it, don\'t we?').map((t) => [t.word, t.start, t.end])).toEqual([
      ["we'll", 0, 5],
      ['end', 6, 9],
      ['it', 10, 12],
      ["don't", 14, 19],
      ['we', 20, 22],
    ]);
  });

  it('gives one unit-length vector with sorted distinct buckets, the same for the same text', () => {
    const a = featurize('We may terminate your account at any time.', config);
    expect(Array.from(a.index)).toEqual([...new Set(a.index)].sort((x, y) => x - y));
    expect(norm(a.value)).toBeCloseTo(1, 12);
    expect(featurize('WE MAY TERMINATE YOUR ACCOUNT AT ANY TIME', config)).toEqual(a);
  });

  it('tells word order apart through word pairs', () => {
    expect(featurize('may terminate', config)).not.toEqual(featurize('terminate may', config));
  });

  it('adds the heading’s and the previous unit’s words as features of their own, only when configured', () => {
    const plain = featurize('We may end it.', config);
    const withHeading = featurize('We may end it.', config, 'Termination');
    const withPrevious = featurize('We may end it.', config, undefined, 'Termination');
    expect(withHeading.index.length).toBe(plain.index.length + 1);
    expect(withPrevious.index.length).toBe(plain.index.length + 1);
    expect(withHeading.index).not.toEqual(withPrevious.index);
    expect(featurize('We may end it.', { ...config, heading: 0, previous: 0 }, 'Termination', 'Termination')).toEqual(plain);
  });
});
