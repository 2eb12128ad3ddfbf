/**
 * Text normalisation for quote anchoring, with an offset map back to the input.
 *
 * Quotes in a pack are written by people (or copied from another rendering of the page), so they
 * differ from the live text in typography, not in words: curly vs straight quotes, en dash vs
 * hyphen, NBSP vs space, soft hyphens, ligatures, case. Both sides are normalised the same way and
 * compared; the map turns a match in the normalised text back into offsets in the page text.
 *
 * The mapping is per code point (never context-sensitive), so a quote normalises to exactly the
 * string that the same characters produce inside the page text. The one exception is whitespace:
 * a run collapses to one space, and that space maps to the first character of the run.
 */

/** Characters removed outright: soft hyphen and zero-width characters. */
const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

/** Typographic variants replaced by their plain form (the replacement is already lowercase). */
const REPLACED = new Map<number, string>([
  // single quotes, primes, accents used as apostrophes
  [0x2018, "'"], [0x2019, "'"], [0x201a, "'"], [0x201b, "'"], [0x2032, "'"], [0x00b4, "'"], [0x0060, "'"],
  // double quotes, double prime, guillemets
  [0x201c, '"'], [0x201d, '"'], [0x201e, '"'], [0x201f, '"'], [0x2033, '"'], [0x00ab, '"'], [0x00bb, '"'],
  // hyphens, dashes, minus
  [0x2010, '-'], [0x2011, '-'], [0x2012, '-'], [0x2013, '-'], [0x2014, '-'], [0x2015, '-'], [0x2212, '-'],
  // ellipsis and Latin ligatures
  [0x2026, '...'],
  [0xfb00, 'ff'], [0xfb01, 'fi'], [0xfb02, 'fl'], [0xfb03, 'ffi'], [0xfb04, 'ffl'],
]);

/** Whitespace beyond ASCII: NBSP, NEL, Ogham space, U+2000–U+200A, line/paragraph separators, U+202F, U+205F, U+3000. */
function isWhitespace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  return (
    cp === 0xa0 || cp === 0x85 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}

/**
 * Lowercase forms of non-ASCII code points seen so far. A page uses a few hundred distinct
 * characters, so caching avoids a string allocation per character on large non-Latin pages.
 */
const lowerCache = new Map<number, string>();
const LOWER_CACHE_LIMIT = 1 << 16;

function lowerOf(cp: number): string {
  let lower = lowerCache.get(cp);
  if (lower === undefined) {
    lower = String.fromCodePoint(cp).toLowerCase();
    if (lowerCache.size < LOWER_CACHE_LIMIT) lowerCache.set(cp, lower);
  }
  return lower;
}

export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /**
   * For each index i of `text`, the index in the input of the character it came from; one extra
   * last entry holds the input length so that an end offset maps as well. Non-decreasing.
   */
  map: Int32Array;
}

/**
 * Normalises `input` (see the module comment for the rules) and records where each output
 * character came from, so that a match found in the normalised text maps back to the input.
 * Leading/trailing whitespace is collapsed but not trimmed, which keeps offsets simple.
 */
export function normalizeWithMap(input: string): NormalizedText {
  const n = input.length;
  let out = new Uint16Array(n + 8);
  let map = new Int32Array(n + 9);
  let len = 0;

  const grow = (): void => {
    const bigger = new Uint16Array(out.length * 2);
    bigger.set(out);
    out = bigger;
    const biggerMap = new Int32Array(out.length + 1);
    biggerMap.set(map);
    map = biggerMap;
  };

  for (let i = 0; i < n; ) {
    const cu = input.charCodeAt(i);

    // ASCII fast path: most of every page.
    if (cu < 0x80) {
      if (len + 1 > out.length) grow();
      if (cu === 0x20 || (cu >= 0x09 && cu <= 0x0d)) {
        if (len === 0 || out[len - 1] !== 0x20) {
          out[len] = 0x20;
          map[len++] = i;
        }
      } else {
        out[len] = cu >= 0x41 && cu <= 0x5a ? cu + 32 : cu === 0x60 ? 0x27 : cu;
        map[len++] = i;
      }
      i++;
      continue;
    }

    const cp = input.codePointAt(i) ?? cu;
    const width = cp > 0xffff ? 2 : 1;

    if (DROPPED.has(cp)) {
      i += width;
      continue;
    }
    if (isWhitespace(cp)) {
      if (len + 1 > out.length) grow();
      if (len === 0 || out[len - 1] !== 0x20) {
        out[len] = 0x20;
        map[len++] = i;
      }
      i += width;
      continue;
    }

    const repl = REPLACED.get(cp) ?? lowerOf(cp);
    while (len + repl.length > out.length) grow();
    // Same length as the source: map unit by unit (keeps surrogate pairs mapping to themselves).
    // Otherwise (İ → i̇, ﬁ → fi, … → ...): every output unit maps to the source code point.
    const positional = repl.length === width;
    for (let k = 0; k < repl.length; k++) {
      out[len] = repl.charCodeAt(k);
      map[len++] = positional ? i + k : i;
    }
    i += width;
  }

  map[len] = n;
  return { text: decode(out, len), map: map.slice(0, len + 1) };
}

/** Normalised text only; see normalizeWithMap. */
export function normalizeText(input: string): string {
  return normalizeWithMap(input).text;
}

/** Characters that are whitespace or dropped by normalisation, at either end of a string. */
const IGNORABLE_EDGES =
  /^[\s\u0085\u00ad\u200b-\u200d\u2060\ufeff]+|[\s\u0085\u00ad\u200b-\u200d\u2060\ufeff]+$/g;

/**
 * Removes leading/trailing whitespace and characters that normalisation drops, so an exact
 * match of the result never starts or ends on whitespace.
 */
export function trimIgnorable(input: string): string {
  return input.replace(IGNORABLE_EDGES, '');
}

/** Builds a string from UTF-16 code units in chunks (fromCharCode has an argument limit). */
function decode(units: Uint16Array, len: number): string {
  const CHUNK = 8192;
  let s = '';
  for (let i = 0; i < len; i += CHUNK) {
    s += String.fromCharCode(...units.subarray(i, Math.min(len, i + CHUNK)));
  }
  return s;
}
