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
 *
 * Two implementations of the same rules, kept equal by a property test: a loop that also builds
 * the offset map (normalizeWithMap), and native string operations (normalizeText), which are
 * several times faster in a content script that runs once per page, before the JIT has warmed
 * up. A page is normalised natively in chunks; a chunk's map is built by the loop only when a
 * match lands in it (normalizePage).
 */

import { runToEnd } from './steps';

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
  // final sigma: whole-string lowercasing picks σ or ς by the next letter, which a quote's edge cannot know
  [0x03c2, '\u03c3'],
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
  const grow = (atLeast: number): void => {
    const bigger = new Uint16Array(Math.max(atLeast, out.length * 2));
    bigger.set(out);
    out = bigger;
    const biggerMap = new Int32Array(bigger.length + 1);
    biggerMap.set(map);
    map = biggerMap;
  };

  for (let i = 0; i < n; ) {
    const cu = input.charCodeAt(i);

    // ASCII fast path: most of every page. Never lengthens, so the buffer (n + 8) suffices.
    if (cu < 0x80) {
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
      if (len === 0 || out[len - 1] !== 0x20) {
        out[len] = 0x20;
        map[len++] = i;
      }
      i += width;
      continue;
    }

    // A lone surrogate becomes U+FFFD: no quote can be meant to match half a character.
    const repl = cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : (REPLACED.get(cp) ?? lowerOf(cp));
    // Expansions (ﬃ → ffi, … → ...) can outgrow the input's length.
    if (len + repl.length + (n - i) + 8 > out.length) grow(len + repl.length + (n - i) + 8);
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

/** A regular-expression character class of these BMP code points. */
const charClass = (codePoints: Iterable<number>) =>
  `[${[...codePoints].map((cp) => `\\u${cp.toString(16).padStart(4, '0')}`).join('')}]`;

// The tables above, as patterns for the native path (the property test keeps both paths equal).
const DROPPED_CLASS = charClass(DROPPED);
const DROPPED_RE = new RegExp(DROPPED_CLASS, 'g');
const HAS_DROPPED_RE = new RegExp(DROPPED_CLASS);
/** Every replaced character but U+2019, the commonest, which a plain replaceAll handles. */
const REPLACED_CLASS = charClass([...REPLACED.keys()].filter((cp) => cp !== 0x2019));
const REPLACED_RE = new RegExp(REPLACED_CLASS, 'g');
const HAS_REPLACED_RE = new RegExp(REPLACED_CLASS);
/** Whitespace runs that change: two or more characters, or one that is not a plain space. */
const WHITESPACE_RE = / [\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t-\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000][\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/g;
const SURROGATE_RE = /[\ud800-\udfff]/;
const LONE_SURROGATE_RE = /[\ud800-\udfff]/gu;
/** Only plain ASCII letters, digits and punctuation other than the backtick: nothing to do but lowercase. */
const NOTHING_SPECIAL_RE = /^[\x21-\x5f\x61-\x7e]*$/;
const replacement = (c: string) => REPLACED.get(c.charCodeAt(0))!;

/**
 * Normalised text only (the rules of normalizeWithMap, by native string operations). Order
 * matters and matches the loop: lowercase, drop, collapse whitespace (a run broken only by
 * dropped characters is one run), then the typographic replacements. Each step touches only
 * what changes (a page has a plain space between most words), and is skipped when nothing does.
 */
export function normalizeText(input: string): string {
  let s = input.toLowerCase();
  if (NOTHING_SPECIAL_RE.test(s)) return s;
  if (HAS_DROPPED_RE.test(s)) s = s.replace(DROPPED_RE, '');
  s = s.replace(WHITESPACE_RE, ' ').replaceAll('\u2019', "'");
  if (HAS_REPLACED_RE.test(s)) s = s.replace(REPLACED_RE, replacement);
  if (SURROGATE_RE.test(s)) s = s.replace(LONE_SURROGATE_RE, '\ufffd');
  return s;
}

/** A page's text normalised natively; offsets map back to the page text on demand. */
export interface NormalizedPage {
  readonly text: string;
  /** The page-text offset that normalised offset `i` came from (text.length maps to the page's length). */
  toSource(i: number): number;
  /** The first normalised offset whose source offset is at least `offset`. */
  fromSource(offset: number): number;
}

/**
 * Page-text characters per chunk whose map is built on demand. Small, because every match that
 * is not verbatim needs its chunk's map, built by the per-character loop: in Chromium, summed
 * over the corpus documents, exact and normalised matching took 54-79 ms with 4,096-character
 * chunks and 26-35 ms with 512, while normalising the page in more pieces cost no more.
 */
const CHUNK_SIZE = 512;

const isAsciiAlnum = (cu: number) => (cu >= 0x30 && cu <= 0x39) || (cu >= 0x41 && cu <= 0x5a) || (cu >= 0x61 && cu <= 0x7a);

/** Chunks normalised between two pauses of normalizePageSteps (about a millisecond's work). */
const CHUNKS_PER_STEP = 128;

/**
 * Normalises a page's text in chunks that start on an ASCII letter or digit (whose output never
 * depends on what precedes it, so the chunks' results join into exactly the whole text's), and
 * builds a chunk's offset map with the loop only when an offset in it is asked for.
 */
export function normalizePage(input: string, chunkSize = CHUNK_SIZE): NormalizedPage {
  return runToEnd(normalizePageSteps(input, chunkSize));
}

/** normalizePage in steps (see steps.ts): a megabyte of text takes tens of milliseconds. */
export function* normalizePageSteps(input: string, chunkSize = CHUNK_SIZE): Generator<void, NormalizedPage> {
  const n = input.length;
  const rawStarts: number[] = [0];
  const normStarts: number[] = [0];
  const parts: string[] = [];
  let from = 0;
  let normLength = 0;
  while (from < n) {
    if (parts.length % CHUNKS_PER_STEP === CHUNKS_PER_STEP - 1) yield;
    let to = Math.min(n, from + chunkSize);
    while (to < n && !isAsciiAlnum(input.charCodeAt(to))) to++;
    const part = normalizeText(input.slice(from, to));
    parts.push(part);
    normLength += part.length;
    rawStarts.push(to);
    normStarts.push(normLength);
    from = to;
  }
  const text = narrow(parts.join(''));
  const chunks = parts.length;
  const maps = new Map<number, Int32Array>();
  const mapOf = (c: number): Int32Array => {
    let map = maps.get(c);
    if (map === undefined) {
      map = normalizeWithMap(input.slice(rawStarts[c], rawStarts[c + 1])).map;
      maps.set(c, map);
    }
    return map;
  };
  /** Last chunk c with starts[c] <= x (c < chunks). */
  const chunkAt = (starts: number[], x: number): number => {
    let lo = 0;
    let hi = chunks - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return {
    text,
    toSource(i: number): number {
      if (i >= text.length) return n;
      // Empty chunks share their start with the next one: take the last chunk starting at or before i.
      const c = chunkAt(normStarts, i);
      return rawStarts[c]! + mapOf(c)[i - normStarts[c]!]!;
    },
    fromSource(offset: number): number {
      if (offset >= n) return text.length;
      const c = chunkAt(rawStarts, offset);
      const map = mapOf(c);
      const target = offset - rawStarts[c]!;
      let lo = 0;
      let hi = map.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (map[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      return normStarts[c]! + lo;
    },
  };
}

const WIDE_RE = /[^\x00-\xff]/;

/**
 * The same string, stored one byte per character when every character fits. V8 keeps a string
 * cut from a two-byte one two-byte (a page with one curly quote is), even after normalisation
 * replaced every wide character, and every later pass over it is slower: the word index took
 * 79 ms summed over the corpus documents in Chromium (warm), 42 ms after this. JSON.parse builds
 * the narrowest string that holds its characters; the round trip is exact for any string.
 */
function narrow(s: string): string {
  return WIDE_RE.test(s) ? s : (JSON.parse(JSON.stringify(s)) as string);
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

/**
 * A string from UTF-16 code units, in chunks (fromCharCode takes a bounded number of arguments).
 * Not TextDecoder: in Chromium its result is an external string, and every later pass over it
 * (indexOf, the word index) ran about 3x slower in the bench.
 */
function decode(units: Uint16Array, len: number): string {
  const CHUNK = 8192;
  if (len <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}
