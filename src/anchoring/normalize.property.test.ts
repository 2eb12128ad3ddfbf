import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePage, normalizeText, normalizeWithMap } from './normalize';

/** Characters normalisation treats specially, mixed into arbitrary text. */
const awkward = fc.constantFrom(
  ' ', '\t', '\n', '\u00a0', '\u00ad', '\u200b', '\u2019', '\u201c', '\u2014', '\u2026', '\ufb01', '\u0130',
  '`', 'A', 'z', '\u{1F600}', '\ud800', '\udc00', '\u3000', 'É', 'ß', 'Σ', 'ς', 'ΟΔΟΣ', '\u{10400}', 'K', '\u0085',
);
const text = fc.array(fc.oneof(awkward, fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 200 }).map((parts) => parts.join(''));

describe('normalizeText and normalizeWithMap agree', () => {
  it('on any text: the native operations give the loop\'s string', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(normalizeText(s)).toBe(normalizeWithMap(s).text);
      }),
    );
  });

  it('on a quote inside a long page: its normalised form occurs in the page\'s, mapping back to it', () => {
    fc.assert(
      fc.property(text, text, text, (before, quote, after) => {
        // Spaces around the quote keep normalisation of its edges independent of its neighbours.
        const page = `${before} ${quote} ${after}`.repeat(3);
        const needle = normalizeText(` ${quote} `);
        expect(normalizeWithMap(page).text.includes(needle)).toBe(true);
      }),
    );
  });
});

describe('normalizePage', () => {
  it('joins its chunks into the whole text\'s normalisation and maps every offset both ways as the loop does', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (s, chunkSize) => {
        const page = normalizePage(s, chunkSize);
        const { text: expected, map } = normalizeWithMap(s);
        expect(page.text).toBe(expected);
        for (let i = 0; i <= expected.length; i++) expect(page.toSource(i)).toBe(map[i]);
        for (let offset = 0; offset <= s.length; offset++) {
          let first = 0;
          while (first < expected.length && map[first]! < offset) first++;
          expect(page.fromSource(offset)).toBe(first);
        }
      }),
    );
  });
});
