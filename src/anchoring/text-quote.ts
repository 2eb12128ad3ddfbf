/**
 * Finds a quoted clause in page text (after Hypothesis' TextQuoteSelector anchoring, minus the
 * fuzzy matching): exact occurrences first, then occurrences after normalisation; prefix/suffix
 * pick among several occurrences. Only whole-quote matches count, so a quote that is not on the
 * page yields null rather than a partial match somewhere else.
 */

import { buildWordIndex, fuzzyFind, type WordIndex } from './fuzzy';
import { normalizePage, normalizePageSteps, normalizeText, trimIgnorable, type NormalizedPage } from './normalize';

/** A quote with optional context, as in the W3C Web Annotation TextQuoteSelector. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/**
 * 'exact': the quote occurs verbatim; 'normalized': only after normalisation (see normalize.ts),
 * so it reads the same; 'fuzzy': the words differ, so the clause changed (see fuzzy.ts).
 */
export type MatchMethod = 'exact' | 'normalized' | 'fuzzy';

/** Offsets into the original text, [start, end), without leading/trailing whitespace. */
export interface QuoteMatch {
  start: number;
  end: number;
  method: MatchMethod;
  /** 1 for exact and normalised matches; for fuzzy ones, 1 − word edits / quote words. */
  score: number;
  /** Fuzzy matches: share of the recorded prefix/suffix found around it (null: none recorded). */
  context?: number | null;
}

export interface MatchOptions {
  /** Also look for reworded clauses (default true). */
  fuzzy?: boolean;
}

/** A page's text normalised once, so that many quotes can be matched without re-normalising. */
export interface NormalizedIndex {
  /** The text the index was built from. */
  readonly source: string;
  /** Normalised text (see normalize.ts). */
  readonly text: string;
  /** Maps between normalised offsets and offsets in `source` (see normalizePage). */
  readonly page: NormalizedPage;
  /** The normalised text's words, built on the first fuzzy search. */
  words?: WordIndex;
  /**
   * Normalises the text now, in steps (see steps.ts), rather than on first need in one go: for a
   * huge page, whose quotes are bound to need it.
   */
  prepare(): Generator<void, void>;
}

/**
 * A page's text, normalised once on first need; pass it to every matchQuote call for that
 * text. Most quotes are found verbatim with their context checked locally, so a page whose
 * quotes all match exactly never pays for normalising the whole text.
 */
export function createIndex(text: string): NormalizedIndex {
  let normalized: NormalizedPage | undefined;
  return {
    source: text,
    get page() {
      return (normalized ??= normalizePage(text));
    },
    get text() {
      return this.page.text;
    },
    *prepare() {
      if (normalized) return;
      const page = yield* normalizePageSteps(text);
      normalized ??= page;
    },
  };
}

/**
 * Locates `quote` in `text`. Exact occurrences of the (trimmed) quote are tried first; when a
 * prefix/suffix is given and no exact occurrence agrees with it fully, occurrences found only after
 * normalisation compete too and win only with strictly better agreement. Ties go to the earlier
 * occurrence. `index` must have been built from this same `text`; otherwise (or when omitted) one
 * is built on demand, which costs a pass over the text.
 */
export function matchQuote(
  text: string,
  quote: QuoteSelector,
  index?: NormalizedIndex,
  options: MatchOptions = {},
): QuoteMatch | null {
  const needle = stripSpaces(normalizeText(quote.exact));
  if (needle.length < 1) return null;
  const raw = trimIgnorable(quote.exact);

  const prefix = normalizeText(quote.prefix ?? '').replaceAll(' ', '');
  const suffix = normalizeText(quote.suffix ?? '').replaceAll(' ', '');
  const maxScore = prefix.length + suffix.length;

  let idx: NormalizedIndex | undefined = index !== undefined && index.source === text ? index : undefined;
  const getIndex = (): NormalizedIndex => (idx ??= createIndex(text));

  // 1. Exact occurrences in the raw text; their context is normalised locally.
  let best: QuoteMatch | null = null;
  let bestScore = -1;
  let occurrences = 0;
  for (let at = text.indexOf(raw); at !== -1; at = text.indexOf(raw, at + 1)) {
    const end = at + raw.length;
    if (maxScore === 0) return { start: at, end, method: 'exact', score: 1 };
    // A few occurrences: normalise around each. Many (a sentence repeated in every section):
    // normalising the whole text once is cheaper.
    let score: number;
    if (++occurrences <= LOCAL_CONTEXT_LIMIT) {
      score = localContextScore(text, at, end, prefix, suffix);
    } else {
      const { page, text: norm } = getIndex();
      score = contextScore(norm, page.fromSource(at), page.fromSource(end), prefix, suffix);
    }
    if (score > bestScore) {
      best = { start: at, end, method: 'exact', score: 1 };
      bestScore = score;
      if (score === maxScore) return best;
    }
  }

  // 2. Occurrences in the normalised text.
  const { page, text: norm } = getIndex();
  for (let at = norm.indexOf(needle); at !== -1; at = norm.indexOf(needle, at + 1)) {
    const nEnd = at + needle.length;
    const score = maxScore === 0 ? 0 : contextScore(norm, at, nEnd, prefix, suffix);
    if (score > bestScore) {
      best = { start: page.toSource(at), end: sourceEnd(text, page.toSource(nEnd - 1)), method: 'normalized', score: 1 };
      bestScore = score;
      if (score === maxScore) break;
    }
  }
  if (best || options.fuzzy === false) return best;

  // 3. The words changed: look for the same clause reworded.
  const index_ = getIndex();
  index_.words ??= buildWordIndex(index_.text);
  const found = fuzzyFind(index_.text, index_.words, needle, normalizeText(quote.prefix ?? ''), normalizeText(quote.suffix ?? ''));
  if (!found) return null;
  return {
    start: index_.page.toSource(found.start),
    end: sourceEnd(text, index_.page.toSource(found.end - 1)),
    method: 'fuzzy',
    score: found.score,
    context: found.context,
  };
}

/** Removes leading/trailing spaces of an already normalised string (only U+0020 remains there). */
function stripSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 0x20) a++;
  while (b > a && s.charCodeAt(b - 1) === 0x20) b--;
  return s.slice(a, b);
}

/** End offset covering the whole source character at `offset` (both halves of a surrogate pair). */
function sourceEnd(text: string, offset: number): number {
  const cu = text.charCodeAt(offset);
  if (cu >= 0xd800 && cu <= 0xdbff) {
    const next = text.charCodeAt(offset + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return offset + 2;
  }
  return offset + 1;
}

const LOCAL_CONTEXT_LIMIT = 8;

/**
 * contextScore for an occurrence in the raw text, normalising only a window around it (wide
 * enough for any context: normalisation never lengthens a run of letters by more than 3x).
 */
function localContextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = normalizeText(text.slice(Math.max(0, start - prefix.length * 3 - 64), start));
  const after = normalizeText(text.slice(end, end + suffix.length * 3 + 64));
  const window = `${before}\u0000${after}`;
  return contextScore(window, before.length, before.length + 1, prefix, suffix);
}

/**
 * How many characters of prefix (read backwards from the candidate's start) and suffix (forwards
 * from its end) agree with the normalised text, ignoring spaces on both sides so that a block
 * boundary on the page matches a space — or no space — in the stored context.
 */
function contextScore(norm: string, start: number, end: number, prefix: string, suffix: string): number {
  let score = 0;
  for (let p = prefix.length - 1, t = start - 1; p >= 0; p--, t--) {
    while (t >= 0 && norm.charCodeAt(t) === 0x20) t--;
    if (t < 0 || norm.charCodeAt(t) !== prefix.charCodeAt(p)) break;
    score++;
  }
  for (let s = 0, t = end; s < suffix.length; s++, t++) {
    while (t < norm.length && norm.charCodeAt(t) === 0x20) t++;
    if (t >= norm.length || norm.charCodeAt(t) !== suffix.charCodeAt(s)) break;
    score++;
  }
  return score;
}
