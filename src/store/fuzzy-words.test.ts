import { describe, expect, it } from 'vitest';
import { typoBudget, withinEdits, WordIndex } from './fuzzy-words';

describe('withinEdits', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(withinEdits('spotfy', 'spotify', 1)).toBe(true); // insertion
    expect(withinEdits('spotiffy', 'spotify', 1)).toBe(true); // deletion
    expect(withinEdits('spotidy', 'spotify', 1)).toBe(true); // substitution
    expect(withinEdits('sptoify', 'spotify', 1)).toBe(true); // swap
    expect(withinEdits('spotify', 'spotify', 0)).toBe(true);
  });

  it('refuses what is over budget', () => {
    expect(withinEdits('sptfy', 'spotify', 1)).toBe(false);
    expect(withinEdits('sptfy', 'spotify', 2)).toBe(true);
    expect(withinEdits('arbtraton', 'arbitration', 1)).toBe(false);
    expect(withinEdits('arbtraton', 'arbitration', 2)).toBe(true);
    expect(withinEdits('data', 'tada', 1)).toBe(false);
    expect(withinEdits('abcd', 'wxyz', 2)).toBe(false);
    expect(withinEdits('ab', 'abcdef', 2)).toBe(false);
  });

  it('agrees with a full edit-distance table on every pair of a small alphabet', () => {
    // Optimal string alignment distance, computed the plain way.
    const distance = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
        }
      }
      return d[a.length]![b.length]!;
    };
    const words: string[] = [''];
    for (let length = 1; length <= 4; length++) {
      for (const w of words.filter((x) => x.length === length - 1)) words.push(`${w}a`, `${w}b`, `${w}c`);
    }
    const wrong: string[] = [];
    for (const a of words) {
      for (const b of words) {
        for (const max of [1, 2]) if (withinEdits(a, b, max) !== distance(a, b) <= max) wrong.push(`${a} ~ ${b} within ${max}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('WordIndex', () => {
  const index = new WordIndex(['spotify', 'spotted', 'arbitration', 'arbitrary', 'data', 'date', 'dada', 'spotify']);

  it('gives one edit to words of 4 to 7 letters, two from 8, none below 4', () => {
    expect([typoBudget('abc'), typoBudget('abcd'), typoBudget('abcdefg'), typoBudget('abcdefgh')]).toEqual([0, 1, 1, 2]);
    expect(index.near('spotfy')).toEqual(['spotify']);
    expect(index.near('arbitraton')).toEqual(['arbitration']);
    expect(index.near('arbtraton')).toEqual(['arbitration']);
    expect(index.near('dat')).toEqual([]);
  });

  it('knows the words it holds, and does not offer a word as its own typo', () => {
    expect(index.has('data')).toBe(true);
    expect(index.has('dat')).toBe(false);
    expect(index.near('data').sort()).toEqual(['dada', 'date']);
  });
});
