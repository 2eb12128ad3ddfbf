import { describe, expect, it } from 'vitest';
import { probabilities } from './classify';
import { detect } from './detect';
import { KINDS } from './kinds';
import { handMadeModel } from './test-model';

describe('detect (hand-made model)', () => {
  const model = handMadeModel({ arbitration: { arbitration: 127 }, jurisdiction: { courts: 127 } });

  it('scores each kind from the weights of the unit’s words', () => {
    const p = probabilities(model, 'Disputes go to arbitration.');
    expect(p[KINDS.indexOf('arbitration')]).toBeGreaterThan(0.5);
    expect(p[KINDS.indexOf('jurisdiction')]).toBeLessThan(0.5);
  });

  it('returns the flagged sentences with offsets in the given text, kinds most likely first', () => {
    const text = 'Welcome.\nDisputes go to arbitration. The courts of Dublin decide arbitration appeals.\nEnjoy.';
    const found = detect(model, text);
    expect(found.map((d) => [text.slice(d.start, d.end), d.kinds])).toEqual([
      ['Disputes go to arbitration.', ['arbitration']],
      ['The courts of Dublin decide arbitration appeals.', expect.arrayContaining(['arbitration', 'jurisdiction'])],
    ]);
    for (const d of found) expect(d.confidence).toBe(Math.max(...d.probabilities));
  });

  it('scores each sentence with the heading above it and the sentence before it, as training does', () => {
    const text = 'Welcome.\n12 Disputes\nWe like you. Disputes go to arbitration.';
    const [found] = detect(model, text);
    expect(found!.text).toBe('Disputes go to arbitration.');
    expect(found!.context).toEqual({ heading: '12 Disputes', previous: 'We like you.' });
  });

  it('keeps only what reaches the threshold asked for', () => {
    expect(detect(model, 'Disputes go to arbitration.', { threshold: 0.9999 })).toEqual([]);
  });
});
