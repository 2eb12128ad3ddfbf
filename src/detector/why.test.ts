import { describe, expect, it } from 'vitest';
import { handMadeModel } from './test-model';
import { why } from './why';

describe('why', () => {
  const model = handMadeModel({
    arbitration: { arbitration: 100, binding: 20, 'binding arbitration': 60, court: -50 },
    jurisdiction: { court: 90 },
  });

  it('names the words and phrases that weighed most for the kind, heaviest first, as they appear in the text', () => {
    const reasons = why(model, 'Disputes go to Binding Arbitration, not to a court.', 'arbitration');
    expect(reasons.map((r) => r.text)).toEqual(['Arbitration', 'Binding Arbitration', 'Binding']);
    const text = 'Disputes go to Binding Arbitration, not to a court.';
    for (const r of reasons) expect(text.slice(r.start, r.end)).toBe(r.text);
    expect(reasons[0]!.weight).toBeGreaterThan(reasons[1]!.weight);
  });

  it('leaves out words that weighed against the kind, and answers per kind', () => {
    expect(why(model, 'a court', 'arbitration')).toEqual([]);
    expect(why(model, 'a court', 'jurisdiction').map((r) => r.text)).toEqual(['court']);
  });

  it('counts a repeated word once, with its weight summed', () => {
    const reasons = why(model, 'arbitration and arbitration', 'arbitration', 5);
    expect(reasons.map((r) => r.text)).toEqual(['arbitration']);
  });
});

describe('why, for readers', () => {
  it('never gives a function word alone as a reason, but keeps a phrase that holds one', () => {
    const model = handMadeModel({ 'limitation-of-liability': { or: 120, any: 110, 'not responsible': 50, liable: 40 } });
    const reasons = why(model, 'We are not responsible or liable for any loss.', 'limitation-of-liability', 5);
    expect(reasons.map((r) => r.text)).toEqual(['not responsible', 'liable']);
  });
});
