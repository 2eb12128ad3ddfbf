import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildWordIndex, buildWordIndexSteps, createFuzzyScratch, sharedWords } from './fuzzy';

/** Words by their definition, one code unit at a time: letters, digits, marks, any surrogate. */
function referenceWords(norm: string): string[] {
  const isWordUnit = (c: string) => /[\p{L}\p{N}\p{M}]/u.test(c) || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff);
  const out: string[] = [];
  let word = '';
  for (const unit of norm.split('')) {
    if (isWordUnit(unit)) word += unit;
    else if (word) [out[out.length], word] = [word, ''];
  }
  if (word) out.push(word);
  return out;
}

/** Interning the slow, obvious way: the reference for the index. */
function reference(norm: string) {
  const dict = new Map<string, number>();
  const ids = referenceWords(norm).map((w) => {
    if (!dict.has(w)) dict.set(w, dict.size);
    return dict.get(w)!;
  });
  return { dict, ids };
}

const word = fc.oneof(
  fc.constantFrom('the', 'terms', 'we', 'you', 'data', 'ab', 'ba', 'été', 'ﬁ', '\u{1F600}x', 'e\u0301', '\ud800a', '٣٤'),
  fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', 'é', 'ж'), minLength: 1, maxLength: 6 }),
);
const page = fc.array(fc.tuple(word, fc.constantFrom(' ', ', ', '.\n', '-', "'")), { maxLength: 400 }).map((ws) => ws.flat().join(''));

describe('buildWordIndex', () => {
  it('interns words exactly as a Map would, and finds each by idOf', () => {
    fc.assert(
      fc.property(page, fc.array(word, { maxLength: 10 }), (norm, probes) => {
        const index = buildWordIndex(norm);
        const ref = reference(norm);
        expect(Array.from(index.ids)).toEqual(ref.ids);
        for (const w of [...ref.dict.keys(), ...probes]) expect(index.idOf(w)).toBe(ref.dict.get(w) ?? -1);
        for (let k = 0; k < index.ids.length; k++) {
          expect(norm.slice(index.starts[k], index.ends[k])).toBe(referenceWords(norm)[k]);
          const id = index.ids[k]!;
          const at = Array.from(index.positions.subarray(index.offsets[id], index.offsets[id + 1]));
          expect(at).toContain(k);
        }
      }),
    );
  });

  it('pauses on a huge page, so the content script can give the page its turns, and builds the same index', () => {
    const norm = Array.from({ length: 100_000 }, (_, i) => `w${(i % 5000).toString(36)}`).join(' ');
    const steps = buildWordIndexSteps(norm);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(10);
    const whole = buildWordIndex(norm);
    expect(Array.from(step.value.ids)).toEqual(Array.from(whole.ids));
    expect(Array.from(step.value.starts)).toEqual(Array.from(whole.starts));
  });

  it('keeps tens of thousands of distinct words apart (table growth, hash collisions)', () => {
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}x`);
    const norm = `${words.join(' ')} ${words.slice(0, 100).join(' ')}`;
    const index = buildWordIndex(norm);
    expect(index.ids.length).toBe(30_100);
    expect(new Set(index.ids).size).toBe(30_000);
    expect(index.idOf('w0x')).toBe(0);
    expect(index.ids[30_000]).toBe(0);
    expect(index.idOf(words[29_999]!)).toBe(29_999);
    expect(index.idOf('absent')).toBe(-1);
  });
});

/** Longest common subsequence: the most words any alignment of the two can match. */
function lcs(a: readonly number[], b: readonly number[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) cur[j] = x === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}

describe('sharedWords', () => {
  // fuzzyFind skips aligning a place when this count shows it cannot score enough: the count
  // must never be below what an alignment could match, or a clause would be missed.
  it('is never below the words an alignment can match, and leaves its counters clean', () => {
    const ids = fc.array(fc.integer({ min: -1, max: 12 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 60 }), fc.nat(), fc.nat(), (quote, pageIds, a, b) => {
        const page = Int32Array.from(pageIds.map((x) => (x > 12 ? x : x % 13)));
        const lo = a % page.length;
        const hi = lo + (b % (page.length - lo + 1));
        const window = Array.from(page.subarray(lo, hi));
        const scratch = createFuzzyScratch(page.length, 13);
        const shared = sharedWords(quote, page, lo, hi, scratch);
        expect(shared).toBeGreaterThanOrEqual(lcs(quote, window));
        expect(shared).toBeLessThanOrEqual(Math.min(quote.length, window.length));
        // A second call sees the same (no counts left over from the first).
        expect(scratch.tally.every((count) => count === 0)).toBe(true);
        expect(sharedWords(quote, page, lo, hi, scratch)).toBe(shared);
      }),
    );
  });
});
