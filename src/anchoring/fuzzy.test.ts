import { describe, expect, it } from 'vitest';
import { buildWordIndex, fuzzyFind } from './fuzzy';
import { normalizeText } from './normalize';
import { matchQuote } from './text-quote';

const page = [
  'Section 1. Welcome to the service and thank you for reading these terms with care.',
  'Section 2. We may suspend or terminate your account at any time if we reasonably believe that you have breached these Terms or if we are required to do so by law.',
  'Section 3. The failure of the Company to exercise or enforce any right or provision of these Terms shall not constitute a waiver of such right or provision.',
  'Section 4. You can delete your account whenever you like from the settings page of the app.',
].join('\n');

const found = (quote: { exact: string; prefix?: string; suffix?: string }) => {
  const m = matchQuote(page, quote);
  return m && { text: page.slice(m.start, m.end), method: m.method, score: m.score };
};

describe('fuzzy anchoring of reworded clauses', () => {
  it('finds a clause with words changed and inserted since it was recorded, and marks it fuzzy', () => {
    const result = found({
      exact: 'We may suspend or close your account at any time if we believe that you have breached these Terms or if the law requires it.',
      prefix: 'Section 2.',
      suffix: 'Section 3. The failure',
    });
    expect(result?.method).toBe('fuzzy');
    expect(result?.text.startsWith('We may suspend or terminate your account')).toBe(true);
    expect(result?.text.endsWith('required to do so by law.')).toBe(true);
    expect(result!.score).toBeGreaterThan(0.75);
    expect(result!.score).toBeLessThan(1);
  });

  it('does not cut the start of a clause when a phrase was inserted after its first words', () => {
    const text = 'Intro text here. When we detect spam, malware, illegal content (including child sexual abuse material) and other forms of abuse on our systems in violation of our terms, we may remove content or suspend accounts. Next part.';
    const m = matchQuote(text, {
      exact: 'When we detect spam, malware, illegal content, and other forms of abuse on our systems in violation of our terms, we may remove content or suspend accounts.',
      prefix: 'Intro text here.',
      suffix: 'Next part.',
    });
    expect(m?.method).toBe('fuzzy');
    expect(text.slice(m!.start, m!.end).startsWith('When we detect spam')).toBe(true);
  });

  it('does not put standard boilerplate on another company’s clause when the context differs', () => {
    // Same boilerplate sentence, another company's wording, recorded amid other text.
    const result = found({
      exact: 'The failure of Acme to exercise or enforce any right or provision of this Agreement will not be deemed a waiver of such right.',
      prefix: 'governed by the laws of Delaware.',
      suffix: 'Entire agreement. These terms are',
    });
    expect(result).toBeNull();
  });

  it('never fuzzily matches a short quote', () => {
    expect(found({ exact: 'You can remove your account whenever you like.' })).toBeNull();
  });

  it('reports not found rather than guessing between two equally good places', () => {
    const twice = `${page}\nSection 5. We may suspend or terminate your account at any time if we reasonably believe that you have breached these Terms or if we are required to do so by law.`;
    const m = matchQuote(twice, {
      exact: 'We may suspend or close your account at any time if we believe that you have breached these Terms or if the law requires it.',
    });
    expect(m).toBeNull();
  });

  it('can be turned off', () => {
    const m = matchQuote(page, { exact: 'We may suspend or close your account at any time if we believe that you have breached these Terms or if the law requires it.', prefix: 'Section 2.' }, undefined, { fuzzy: false });
    expect(m).toBeNull();
  });
});

describe('the fuzzy search buffers', () => {
  const reworded = normalizeText('We may suspend or close your account at any time if we believe that you have breached these Terms or if the law requires it.');
  const search = (norm: string, index = buildWordIndex(norm)) => fuzzyFind(norm, index, reworded, normalizeText('Section 2.'), normalizeText('Section 3.'));

  it('are each page’s own: a huge page’s buffers are not kept for the next, small page', () => {
    const hugeNorm = normalizeText(Array.from({ length: 1_000 }, (_, i) => `${page} Filler ${i}.`).join('\n'));
    const huge = buildWordIndex(hugeNorm);
    search(hugeNorm, huge);
    const smallNorm = normalizeText(page);
    const small = buildWordIndex(smallNorm);
    expect(small.scratch).not.toBe(huge.scratch);
    expect(small.scratch.ballot.length).toBeLessThan(huge.ids.length / 100);
    expect(small.scratch.tally.length).toBe(new Set(small.ids).size);
  });

  it('are clean after each search: pages searched in turn find what each finds alone', () => {
    const a = normalizeText(page);
    const b = normalizeText(`Preamble of another document.\n${page.replace('terminate', 'end')}\nMore text after it.`);
    const alone = [search(a), search(b)];
    expect(alone[0]).not.toBeNull();
    expect(alone[1]).not.toBeNull();
    const indexA = buildWordIndex(a);
    const indexB = buildWordIndex(b);
    for (let round = 0; round < 3; round++) {
      expect(search(a, indexA)).toEqual(alone[0]);
      expect(search(b, indexB)).toEqual(alone[1]);
    }
  });
});
