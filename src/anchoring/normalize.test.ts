import { describe, expect, it } from 'vitest';
import { normalizePageSteps, normalizeText, normalizeWithMap, trimIgnorable } from './normalize';
import { createIndex } from './text-quote';

/** Checks the map invariants: length, last entry, non-decreasing, every entry inside the input. */
function checkMap(input: string): void {
  const { text, map } = normalizeWithMap(input);
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(input.length);
  for (let i = 0; i < text.length; i++) {
    expect(map[i]!).toBeGreaterThanOrEqual(i === 0 ? 0 : map[i - 1]!);
    expect(map[i]!).toBeLessThan(input.length);
  }
}

describe('normalizeText', () => {
  it('lowercases and keeps plain ASCII otherwise unchanged', () => {
    expect(normalizeText('You AGREE to These Terms.')).toBe('you agree to these terms.');
  });

  it('collapses every whitespace run, NBSP and line breaks included, without trimming', () => {
    expect(normalizeText('  a\u00a0\u00a0b\n\t c\u202fd\u2007e \r\n')).toBe(' a b c d e ');
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(normalizeText('con\u00adtract\u200b\u200c\u200d\u2060\ufeffual')).toBe('contractual');
  });

  it('does not let a dropped character split a whitespace run', () => {
    expect(normalizeText('a \u00ad\u200b b')).toBe('a b');
  });

  it('unifies quotes, primes and apostrophes', () => {
    expect(normalizeText('\u2018a\u2019 \u201ab\u201b \u2032\u00b4`')).toBe("'a' 'b' '''");
    expect(normalizeText('\u201ca\u201d \u201eb\u201f \u2033 \u00abc\u00bb')).toBe('"a" "b" " "c"');
  });

  it('unifies dashes and the minus sign to a hyphen', () => {
    expect(normalizeText('\u2010\u2011\u2012\u2013\u2014\u2015\u2212')).toBe('-------');
  });

  it('expands the ellipsis and ligatures', () => {
    expect(normalizeText('wait\u2026 \ufb01ne \ufb02ow \ufb00 \ufb03 \ufb04')).toBe('wait... fine flow ff ffi ffl');
  });

  it('lowercases non-ASCII, including expansions (İ) and astral letters', () => {
    expect(normalizeText('ÉTÉ ΣΟΦΙΑ')).toBe('été σοφια');
    expect(normalizeText('\u0130')).toBe('i\u0307');
    expect(normalizeText('\u{10400}')).toBe('\u{10428}');
  });

  it('handles the empty string', () => {
    const { text, map } = normalizeWithMap('');
    expect(text).toBe('');
    expect(Array.from(map)).toEqual([0]);
  });
});

describe('normalizeWithMap', () => {
  it('maps a whitespace run to its first character and skips dropped ones', () => {
    const { text, map } = normalizeWithMap('A \n\u00a0B\u00adC');
    expect(text).toBe('a bc');
    expect(Array.from(map)).toEqual([0, 1, 4, 6, 7]);
  });

  it('maps every character of an expansion to its source character', () => {
    const { text, map } = normalizeWithMap('x\ufb01\u2026\u0130y');
    expect(text).toBe('xfi...i\u0307y');
    expect(Array.from(map)).toEqual([0, 1, 1, 2, 2, 2, 3, 3, 4, 5]);
  });

  it('maps an unchanged surrogate pair unit by unit', () => {
    const { text, map } = normalizeWithMap('a\u{1F600}b');
    expect(text).toBe('a\u{1F600}b');
    expect(Array.from(map)).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps map invariants on mixed input', () => {
    checkMap('  Le\u00a0\u201cContrat\u201d \u2014 \ufb01n\u2026 \u0130stanbul \u{10400}\u{1F600}\u00ad ');
    checkMap('\u00ad\u00ad');
    checkMap('\n\n\n');
  });

  it('handles inputs larger than one decode chunk and growth of the buffer', () => {
    const input = '\u2026'.repeat(20000) + 'End';
    const { text, map } = normalizeWithMap(input);
    expect(text.length).toBe(60003);
    expect(text.endsWith('...end')).toBe(true);
    expect(map[60000]).toBe(20000);
    expect(map[60003]).toBe(20003);
  });
});

describe('trimIgnorable', () => {
  it('removes whitespace and dropped characters at both ends only', () => {
    expect(trimIgnorable('\u00a0\u200b a\u00adb \n\ufeff')).toBe('a\u00adb');
  });
});

describe('normalizePageSteps and NormalizedIndex.prepare', () => {
  // The content script normalises a huge page in steps, giving the page its turns between them.
  const huge = Array.from({ length: 20_000 }, (_, i) => `Clause\u00a0${i}: You AGREE\u2019s   terms.`).join('\n');

  it('pauses on a huge text and gives what normalising it in one go gives', () => {
    const steps = normalizePageSteps(huge);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(step.value.text).toBe(normalizeText(huge));
    expect(step.value.toSource(step.value.text.indexOf('clause 19999'))).toBe(huge.indexOf('Clause\u00a019999'));
  });

  it('prepare() leaves the index normalised, with nothing left to do on first use', () => {
    const index = createIndex(huge);
    const steps = index.prepare();
    let pauses = 0;
    while (!steps.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(5);
    expect(index.text).toBe(normalizeText(huge));
    expect([...index.prepare()]).toEqual([]); // already done: no pause
  });
});
