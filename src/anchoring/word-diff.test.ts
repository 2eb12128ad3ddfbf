import { describe, expect, it } from 'vitest';
import { diffCounts, diffWords } from './word-diff';

describe('word diff', () => {
  it('shows the words a reworded clause lost and gained, in reading order', () => {
    const parts = diffWords(
      'Liability is limited to the lesser of $1,000 and Fees paid in the previous 12 months.',
      'Total liability is limited to the lesser of $500 and the Fees paid in the previous 6 months.',
    );
    expect(parts).toEqual([
      { kind: 'added', text: 'Total' },
      { kind: 'same', text: 'liability is limited to the lesser of' },
      { kind: 'removed', text: '$1,000' },
      { kind: 'added', text: '$500' },
      { kind: 'same', text: 'and' },
      { kind: 'added', text: 'the' },
      { kind: 'same', text: 'Fees paid in the previous' },
      { kind: 'removed', text: '12' },
      { kind: 'added', text: '6' },
      { kind: 'same', text: 'months.' },
    ]);
    expect(diffCounts(parts)).toEqual({ added: 4, removed: 2 });
  });

  it('reports no change for typography, spacing or case alone', () => {
    const parts = diffWords('We don’t sell your data — ever.', "we  don't sell your data - ever.");
    expect(parts.every((p) => p.kind === 'same')).toBe(true);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new words')).toEqual([{ kind: 'added', text: 'new words' }]);
    expect(diffWords('old words', '')).toEqual([{ kind: 'removed', text: 'old words' }]);
  });
});
