import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';
import { createIndex, matchQuote, type QuoteSelector } from './text-quote';

/** Matches and returns the matched original substring, asserting it normalises to the quote. */
function anchor(text: string, quote: QuoteSelector | string) {
  const q = typeof quote === 'string' ? { exact: quote } : quote;
  const m = matchQuote(text, q, createIndex(text));
  if (m) expect(normalizeText(text.slice(m.start, m.end))).toBe(normalizeText(q.exact).trim());
  return m && { ...m, found: text.slice(m.start, m.end) };
}

describe('matchQuote', () => {
  it('finds an exact quote', () => {
    const text = 'Intro. You agree to arbitration. Outro.';
    expect(anchor(text, 'You agree to arbitration.')).toEqual({
      start: 7, end: 32, method: 'exact', score: 1, found: 'You agree to arbitration.',
    });
  });

  it('works without an index, and ignores an index built from other text', () => {
    const text = 'We may share your DATA with partners.';
    expect(matchQuote(text, { exact: 'your data' })).toMatchObject({ start: 13, end: 22, method: 'normalized' });
    expect(matchQuote(text, { exact: 'your data' }, createIndex('something else'))).toMatchObject({ start: 13, end: 22 });
  });

  it('returns null for an absent quote, never a partial match', () => {
    const text = 'You agree to binding arbitration. We may terminate your account.';
    expect(matchQuote(text, { exact: 'You agree to binding arbitration in Delaware.' })).toBeNull();
    expect(matchQuote(text, { exact: 'class action waiver' })).toBeNull();
  });

  it('returns null for a quote that is empty after normalisation', () => {
    expect(matchQuote('some text', { exact: '' })).toBeNull();
    expect(matchQuote('some text', { exact: ' \u00a0\u00ad\u200b\n' })).toBeNull();
  });

  it('does not include whitespace around the quote', () => {
    const text = 'a  \n  We collect location data.\n  b';
    expect(anchor(text, '  We collect location data.\n')).toMatchObject({ found: 'We collect location data.', method: 'exact' });
    expect(anchor(text, '\u00a0we collect LOCATION data. ')).toMatchObject({ found: 'We collect location data.', method: 'normalized' });
  });

  it('matches across NBSP, line breaks and soft hyphens in the page', () => {
    const text = 'We may\u00a0share your infor\u00admation\n   with third\u00a0parties.';
    expect(anchor(text, 'We may share your information with third parties.')).toMatchObject({
      start: 0, end: text.length, method: 'normalized',
    });
  });

  it('matches curly vs straight quotes and dashes in both directions', () => {
    const curly = 'the \u201cService\u201d \u2014 including the user\u2019s content \u2013 is provided';
    const straight = 'the "Service" - including the user\'s content - is provided';
    expect(anchor(curly, straight)).toMatchObject({ start: 0, end: curly.length, method: 'normalized' });
    expect(anchor(straight, curly)).toMatchObject({ start: 0, end: straight.length, method: 'normalized' });
  });

  it('matches despite case differences', () => {
    const text = 'SECTION 12. LIMITATION OF LIABILITY. In no event shall we be liable.';
    expect(anchor(text, 'limitation of liability.')).toMatchObject({ start: 12, end: 36, method: 'normalized' });
  });

  it('uses prefix and suffix to choose among repeated occurrences', () => {
    const s = 'You may cancel at any time.';
    const text = `Free plan: ${s} Paid plan: ${s} Trials: ${s}`;
    const second = text.indexOf(s, text.indexOf(s) + 1);
    expect(anchor(text, { exact: s, prefix: 'Paid plan: ' })).toMatchObject({ start: second, method: 'exact' });
    expect(anchor(text, { exact: s, suffix: ' Trials:' })).toMatchObject({ start: second });
    // normalised occurrences too; context compared ignoring case, typography and spacing
    const upper = text.toUpperCase();
    expect(anchor(upper, { exact: s, prefix: 'paid\u00a0plan:', suffix: 'trials' })).toMatchObject({
      start: second, method: 'normalized',
    });
  });

  it('takes the first occurrence when context does not decide', () => {
    const text = 'A. Same clause. B. Same clause.';
    expect(anchor(text, { exact: 'Same clause.', prefix: 'zzz' })).toMatchObject({ start: 3 });
    expect(anchor(text, 'same clause.')).toMatchObject({ start: 3, method: 'normalized' });
  });

  it('prefers context over exactness when no exact occurrence agrees', () => {
    const text = 'Note: you agree to this. Terms: You Agree to this.';
    expect(anchor(text, { exact: 'you agree to this', prefix: 'Terms: ' })).toMatchObject({
      start: 32, method: 'normalized',
    });
    // with agreeing context the exact occurrence wins
    expect(anchor(text, { exact: 'you agree to this', prefix: 'Note: ' })).toMatchObject({ start: 6, method: 'exact' });
  });

  it('maps offsets back correctly after ligatures and multi-char lowercase', () => {
    const text = '\u0130stanbul of\ufb01ce: The \ufb01nal Terms apply.';
    expect(anchor(text, 'Terms apply')).toMatchObject({ start: text.indexOf('Terms'), method: 'exact' });
    expect(anchor(text, 'terms apply')).toMatchObject({ start: text.indexOf('Terms'), end: text.indexOf('Terms') + 11 });
    // quote ending inside a ligature covers the whole ligature
    expect(anchor(text, 'the fi')).toMatchObject({ found: 'The \ufb01' });
    expect(anchor(text, 'final terms')).toMatchObject({ found: '\ufb01nal Terms' });
    expect(anchor(text, 'office:')).toMatchObject({ found: 'of\ufb01ce:' });
    expect(anchor(text, '\u0130STANBUL')).toMatchObject({ start: 0, end: 8 });
  });

  it('covers a whole astral character at the end of a match', () => {
    const text = 'x \u{10400}\u{10401} y';
    expect(anchor(text, '\u{10428}\u{10429}')).toMatchObject({ start: 2, end: 6, method: 'normalized' });
  });

  it('reuses one index for many quotes on a large text', () => {
    const clauses = Array.from({ length: 3000 }, (_, i) => `Clause ${i}: the provider\u2019s duty number ${i * 7} applies.`);
    const text = clauses.join('\n\u00a0');
    const index = createIndex(text);
    for (let i = 0; i < clauses.length; i += 37) {
      const m = matchQuote(text, { exact: `clause ${i}: the provider's duty number ${i * 7} applies.` }, index);
      expect(m?.start).toBe(text.indexOf(clauses[i]!));
      expect(m?.end).toBe(text.indexOf(clauses[i]!) + clauses[i]!.length);
    }
  });
});
