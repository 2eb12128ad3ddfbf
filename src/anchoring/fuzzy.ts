/**
 * Finds a clause that was reworded since it was quoted: the same clause with some words
 * added, dropped or changed. Works on words, not characters, so its cost follows the number
 * of words that could belong to the clause rather than the page length times the quote length
 * (the cost of character-level approximate search, as in Hypothesis).
 *
 * 1. Seed: every quote word that is rare on the page votes for the diagonal (page word index
 *    minus quote word index) of each place it occurs. A reworded clause keeps most of its rare
 *    words in order, so its diagonal collects most of the votes.
 * 2. Verify: around the best few diagonals, align the quote's words with the page's words
 *    (edit distance, free start and end on the page side) and score 1 − edits / quote words.
 * 3. Decide, precision first (a clause shown in the wrong place is worse than one not shown):
 *    - almost the same words (score ≥ `sure`) in a quote of `minWords` or more: accepted;
 *    - otherwise a reworded clause needs `minContextWords` words, score ≥ `threshold`, and
 *      its recorded prefix or suffix found around it (share ≥ `minContext`); with no recorded
 *      context it needs score ≥ `noContextThreshold`. Standard legal boilerplate ("as is and
 *      as available", "failure to enforce … not a waiver") reads alike in every company's
 *      terms: its context is what tells this document's clause from another's.
 *    Two places that score alike are told apart by context, or nothing is returned.
 */

import { runToEnd } from './steps';

/** The page's words, found once per page and shared by every quote. */
export interface WordIndex {
  /** [start, end) of each word in the normalised text. */
  starts: Int32Array;
  ends: Int32Array;
  /** Interned id of each word. */
  ids: Int32Array;
  /** The id of a word, or -1 when the page does not have it. */
  idOf(word: string): number;
  /** Positions of each id: positions[offsets[id] .. offsets[id + 1]). */
  offsets: Int32Array;
  positions: Int32Array;
  /** fuzzyFind's working memory for this page (see FuzzyScratch). */
  scratch: FuzzyScratch;
}

/**
 * The buffers fuzzyFind works in, one set per page's word index: every quote searched on the
 * page reuses them, so the search allocates no buffer per quote, and they go when the page's
 * index goes, so a huge page's buffers are not kept for the next page, nor shared by two.
 * All entries are zero between searches.
 */
export interface FuzzyScratch {
  /** Votes per diagonal bucket (grown if a quote needs more buckets than foreseen). */
  ballot: Float64Array;
  /** A counter per word id of the page, for sharedWords. */
  tally: Int32Array;
}

/**
 * Buffers for a page of `wordCount` words of which `distinctWords` differ: a bucket is at least
 * two words wide, and a quote shifts the buckets by at most a dozen.
 */
export function createFuzzyScratch(wordCount: number, distinctWords: number): FuzzyScratch {
  return { ballot: new Float64Array((wordCount >> 1) + 16), tally: new Int32Array(distinctWords) };
}

export interface FuzzyTuning {
  sure: number;
  minWords: number;
  threshold: number;
  minContextWords: number;
  minContext: number;
  noContextThreshold: number;
  ambiguity: number;
  plausibleMargin: number;
  maxPostings: number;
  candidates: number;
}

/** Tuning, with the reasons in the README's anchoring section (measured on the real corpus). */
export const FUZZY: Readonly<FuzzyTuning> = {
  /** Similarity (1 − word edits / quote words) taken as the same wording. */
  sure: 0.95,
  /** Quotes shorter than this are never matched fuzzily. */
  minWords: 8,
  /** Lowest similarity for a reworded clause. */
  threshold: 0.75,
  /** Shorter reworded quotes are too generic to recognise. */
  minContextWords: 15,
  /** Share of the recorded prefix or suffix words that must stand around a reworded clause. */
  minContext: 0.6,
  /**
   * Lowest similarity for a reworded clause when the record has no context: only near-identical
   * wording, since boilerplate reads alike across companies (bench: 0.85 let one through).
   */
  noContextThreshold: 0.95,
  /** A second place this far below the threshold, in the recorded context, is a rival. */
  plausibleMargin: 0.15,
  /** A runner-up this close to the best makes the match ambiguous. */
  ambiguity: 0.08,
  /** Words more frequent than this on the page do not vote (they are everywhere). */
  maxPostings: 40,
  /** Candidate places verified per quote. */
  candidates: 4,
};


/**
 * A word: a run of letters, digits and marks; any astral code point or lone surrogate counts as
 * a letter, so a surrogate pair never splits a word.
 */
const WORD_RE = /[\p{L}\p{N}\p{M}\u{10000}-\u{10ffff}\p{Cs}]+/gu;

/**
 * Runs of ASCII letters and digits and of any non-ASCII character. A run without non-ASCII is
 * exactly one word; this pattern scans about 3x faster than WORD_RE's Unicode classes, and
 * normalised page text is mostly ASCII, so only runs holding a non-ASCII character (é, ©, •) are
 * split again by WORD_RE.
 */
const RUN_RE = /[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/g;
const NON_ASCII_RE = /[^\x00-\x7f]/g;

/**
 * Splits already-normalised text into words and indexes where each occurs. The words come from
 * one native regular-expression pass and each one's offset from a native indexOf, so the script
 * loops once per word, not once per character: this runs once per page, before the JIT has
 * warmed up, whenever any quote needs fuzzy matching.
 */
export function buildWordIndex(norm: string): WordIndex {
  return runToEnd(buildWordIndexSteps(norm));
}

/** Words handled between two pauses of buildWordIndexSteps (a few milliseconds' work). */
const WORDS_PER_STEP = 16_384;

/**
 * buildWordIndex in steps (see steps.ts): a megabyte of text holds 170,000 words, 35-42 ms in
 * one go in Chromium.
 */
export function* buildWordIndexSteps(norm: string): Generator<void, WordIndex> {
  const runs = norm.match(RUN_RE) ?? [];
  yield;
  // Where non-ASCII characters stand, ascending: a run reaching one is split again.
  const nonAscii: number[] = [];
  NON_ASCII_RE.lastIndex = 0;
  for (let m = NON_ASCII_RE.exec(norm); m !== null; m = NON_ASCII_RE.exec(norm)) nonAscii.push(m.index);
  const words: string[] = [];
  const startsList: number[] = [];
  let next = 0;
  let at = 0;
  for (let r = 0; r < runs.length; r++) {
    if (r % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
    const run = runs[r]!;
    // Only non-word characters lie between the previous run and this one, so the first
    // occurrence from there is this run.
    at = norm.indexOf(run, at);
    const end = at + run.length;
    while (next < nonAscii.length && nonAscii[next]! < at) next++;
    if (next < nonAscii.length && nonAscii[next]! < end) {
      WORD_RE.lastIndex = 0;
      for (let w = WORD_RE.exec(run); w !== null; w = WORD_RE.exec(run)) {
        words.push(w[0]);
        startsList.push(at + w.index);
      }
    } else {
      words.push(run);
      startsList.push(at);
    }
    at = end;
  }
  const count = words.length;
  const starts = Int32Array.from(startsList);
  const ends = new Int32Array(count);
  const ids = new Int32Array(count);
  const dict = new Map<string, number>();
  const counts: number[] = [];
  for (let k = 0; k < count; k++) {
    if (k % WORDS_PER_STEP === WORDS_PER_STEP - 1) yield;
    const word = words[k]!;
    ends[k] = starts[k]! + word.length;
    let id = dict.get(word);
    if (id === undefined) {
      id = dict.size;
      dict.set(word, id);
      counts.push(0);
    }
    counts[id]!++;
    ids[k] = id;
  }
  const offsets = new Int32Array(dict.size + 1);
  for (let id = 0; id < dict.size; id++) offsets[id + 1] = offsets[id]! + counts[id]!;
  const fill = offsets.slice(0, dict.size);
  const positions = new Int32Array(count);
  for (let k = 0; k < count; k++) positions[fill[ids[k]!]!++] = k;
  return { starts, ends, ids, offsets, positions, idOf: (word) => dict.get(word) ?? -1, scratch: createFuzzyScratch(count, dict.size) };
}

/** The words of a (short) normalised string, split as buildWordIndex splits a page. */
export function wordsOf(norm: string): string[] {
  return norm.match(WORD_RE) ?? [];
}

export interface FuzzyMatch {
  /** [start, end) in the normalised text. */
  start: number;
  end: number;
  /** 1 − word edits / quote words. */
  score: number;
  /** Share of the recorded context found around it; null when the record has none. */
  context: number | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Candidate {
  firstWord: number;
  endWord: number;
  edits: number;
}

/**
 * The best place for a reworded quote, or null when none is clearly good enough.
 * `quoteNorm`, `prefixNorm` and `suffixNorm` are normalised (normalize.ts).
 */
export function fuzzyFind(
  norm: string,
  index: WordIndex,
  quoteNorm: string,
  prefixNorm = '',
  suffixNorm = '',
  tuning: Readonly<FuzzyTuning> = FUZZY,
): FuzzyMatch | null {
  const quote = wordsOf(quoteNorm);
  const m = quote.length;
  if (m < tuning.minWords) return null;
  const qIds = quote.map((w) => index.idOf(w));

  // 1. Votes per diagonal bucket; rarer words weigh more. Bucket b is kept at ballot[b + shift]
  // (the page's scratch array, zero again on return).
  const bucketWidth = Math.max(2, Math.round(m / 8));
  const shift = Math.ceil(m / bucketWidth) + 1;
  const size = Math.floor(index.ids.length / bucketWidth) + shift + 2;
  const { scratch } = index;
  if (scratch.ballot.length < size) scratch.ballot = new Float64Array(size);
  const ballot = scratch.ballot;
  const touched: number[] = [];
  let usable = 0;
  for (let i = 0; i < m; i++) {
    const id = qIds[i]!;
    if (id < 0) continue;
    const from = index.offsets[id]!;
    const count = index.offsets[id + 1]! - from;
    if (count > tuning.maxPostings) continue;
    usable++;
    const weight = 1 / Math.sqrt(count);
    for (let k = from; k < from + count; k++) {
      const b = Math.floor((index.positions[k]! - i) / bucketWidth) + shift;
      if (ballot[b] === 0) touched.push(b);
      ballot[b]! += weight;
    }
  }

  // Buckets scored with their neighbours (insertions and deletions drift the diagonal).
  const scores = touched.map((b) => ballot[b - 1]! + ballot[b]! + ballot[b + 1]!);
  for (const b of touched) ballot[b] = 0;
  if (usable < Math.min(4, m / 2)) return null;
  // The best few buckets, highest score first (ties: the earlier bucket), none within two
  // buckets of one already picked: a scan per pick, not a sort of every bucket.
  const picked: number[] = [];
  while (picked.length < tuning.candidates) {
    let best = -1;
    for (let k = 0; k < touched.length; k++) {
      const b = touched[k]!;
      if (best >= 0 && (scores[k]! < scores[best]! || (scores[k] === scores[best] && b > touched[best]!))) continue;
      if (picked.some((p) => Math.abs(p - (b - shift)) <= 2)) continue;
      best = k;
    }
    if (best < 0) break;
    picked.push(touched[best]! - shift);
  }

  // 2. Verify each candidate by aligning words. A candidate scoring below `relevant` can be
  // neither accepted nor a rival (step 3); most places a clause that is gone points to are
  // like that, and a count of shared words proves it without the alignment.
  const slack = Math.ceil(m * 0.35) + 3;
  const relevant = Math.min(tuning.sure, tuning.threshold - tuning.plausibleMargin);
  const results: Candidate[] = [];
  for (const bucket of picked) {
    const diagonal = bucket * bucketWidth;
    const lo = Math.max(0, diagonal - slack);
    const hi = Math.min(index.ids.length, diagonal + bucketWidth + m + slack);
    if (hi <= lo) continue;
    if (sharedWords(qIds, index.ids, lo, hi, scratch) < relevant * m) continue;
    const candidate = align(qIds, index.ids, lo, hi);
    if (candidate) results.push(candidate);
  }
  results.sort((a, b) => a.edits - b.edits || a.firstWord - b.firstWord);
  const best = results[0];
  if (!best) return null;
  const hasContext = wordsOf(prefixNorm).length + wordsOf(suffixNorm).length > 0;
  const all = results.map((c) => {
    const score = 1 - c.edits / m;
    const context = hasContext ? contextShare(index, c, prefixNorm, suffixNorm) : null;
    const sure = score >= tuning.sure;
    const reworded =
      m >= tuning.minContextWords &&
      score >= tuning.threshold &&
      (context === null ? score >= tuning.noContextThreshold : context >= tuning.minContext);
    return { c, score, context, sure, accepted: sure || reworded };
  });
  const judged = all.filter((j) => j.accepted);
  const first = judged[0];
  if (!first) return null;
  const apart = (a: Candidate, b: Candidate) => a.endWord <= b.firstWord || a.firstWord >= b.endWord;

  // A reworded clause is only trusted when no other place could be it: a second candidate
  // elsewhere, even one scoring below the threshold, that stands in the recorded context too
  // (a page that repeats a sentence in an examples list) makes the choice a guess.
  if (!first.sure) {
    const plausible = all.find(
      (j) =>
        j !== first &&
        apart(j.c, first.c) &&
        j.score >= tuning.threshold - tuning.plausibleMargin &&
        (j.context === null || j.context >= tuning.minContext),
    );
    if (plausible) return null;
  }

  // A runner-up elsewhere that scores alike: the context decides, or nothing is returned.
  let chosen = first;
  const rival = judged.find(
    (j) =>
      j !== first &&
      apart(j.c, first.c) &&
      j.score >= first.score - tuning.ambiguity,
  );
  if (rival) {
    if ((rival.context ?? 0) === (first.context ?? 0)) return null;
    chosen = (rival.context ?? 0) > (first.context ?? 0) ? rival : first;
  }
  return {
    start: index.starts[chosen.c.firstWord]!,
    end: sentenceEnd(norm, quoteNorm, index.ends[chosen.c.endWord - 1]!),
    score: round(chosen.score),
    context: chosen.context === null ? null : round(chosen.context),
  };
}

/**
 * A reworded ending can align worse than stopping early ("…if the law requires it." against
 * "…if we are required to do so by law."). When the quote ends a sentence, the match runs on
 * to the page's next sentence end, if one is near.
 */
function sentenceEnd(norm: string, quoteNorm: string, end: number): number {
  if (!/[.;!?]["')\]]*\s*$/.test(quoteNorm)) return end;
  const ahead = norm.slice(end, end + 120);
  const stop = ahead.search(/[.;!?]/);
  return stop < 0 ? end : end + stop + 1;
}

/**
 * How many of the quote's words the page stretch [lo, hi) could match, each page word used once:
 * no alignment matches more, and every quote word it leaves unmatched is an edit, so
 * 1 − edits / quote words is at most this count / quote words. Counts in `scratch.tally`, which
 * it leaves zero, grown if `page` has an id beyond it.
 */
export function sharedWords(quote: readonly number[], page: Int32Array, lo: number, hi: number, scratch: FuzzyScratch): number {
  let tally = scratch.tally;
  for (let k = lo; k < hi; k++) {
    const id = page[k]!;
    if (id >= tally.length) tally = scratch.tally = grown(tally, id);
    tally[id]!++;
  }
  let shared = 0;
  for (const id of quote) {
    if (id >= 0 && id < tally.length && tally[id]! > 0) {
      tally[id]!--;
      shared++;
    }
  }
  for (let k = lo; k < hi; k++) tally[page[k]!] = 0; // clean for the next call
  return shared;
}

const grown = (a: Int32Array, id: number) => {
  const b = new Int32Array(Math.max(id + 1, a.length * 2));
  b.set(a);
  return b;
};

/** Alignment cost unit: edits weigh this much, and each matched word takes one off. */
const EDIT = 8192;

/**
 * Semi-global word alignment: the whole quote against any stretch of page[lo, hi).
 * Returns the stretch with the fewest edits (insertions, deletions, substitutions) and, among
 * equals, the most matched words (so an inserted phrase does not cut off the clause's start),
 * trimmed so it starts and ends on a word of the quote.
 */
function align(quote: readonly number[], page: Int32Array, lo: number, hi: number): Candidate | null {
  const m = Math.min(quote.length, EDIT - 1);
  const w = hi - lo;
  // prev[j] / cur[j]: cost of aligning quote[0..i) ending just before page word lo + j.
  let prev = new Int32Array(w + 1);
  let cur = new Int32Array(w + 1);
  let prevStart = new Int32Array(w + 1);
  let curStart = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) prevStart[j] = j; // free start anywhere on the page side
  for (let i = 1; i <= m; i++) {
    cur[0] = i * EDIT;
    curStart[0] = 0;
    const q = quote[i - 1]!;
    for (let j = 1; j <= w; j++) {
      const diag = prev[j - 1]! + (page[lo + j - 1] === q ? -1 : EDIT);
      const up = prev[j]! + EDIT; // quote word missing from the page
      const left = cur[j - 1]! + EDIT; // page word not in the quote
      if (diag <= up && diag <= left) {
        cur[j] = diag;
        curStart[j] = prevStart[j - 1]!;
      } else if (up <= left) {
        cur[j] = up;
        curStart[j] = prevStart[j]!;
      } else {
        cur[j] = left;
        curStart[j] = curStart[j - 1]!;
      }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let bestJ = -1;
  for (let j = 1; j <= w; j++) if (bestJ < 0 || prev[j]! < prev[bestJ]!) bestJ = j;
  if (bestJ < 0) return null;
  let first = lo + prevStart[bestJ]!;
  let end = lo + bestJ;
  // Trim page words at either edge that do not occur in the quote (they only cost edits).
  const inQuote = new Set(quote);
  while (first < end && !inQuote.has(page[first]!)) first++;
  while (end > first && !inQuote.has(page[end - 1]!)) end--;
  if (end <= first) return null;
  return { firstWord: first, endWord: end, edits: Math.ceil(prev[bestJ]! / EDIT) + (quote.length - m) };
}

/**
 * The larger of: the share of the prefix's last words found among the words just before the
 * candidate, and the share of the suffix's first words found just after it.
 */
function contextShare(index: WordIndex, c: Candidate, prefixNorm: string, suffixNorm: string): number {
  const prefix = wordsOf(prefixNorm).slice(-10);
  const suffix = wordsOf(suffixNorm).slice(0, 10);
  const share = (words: string[], from: number, to: number) => {
    if (words.length === 0) return 0;
    const around = new Set<number>();
    for (let k = Math.max(0, from); k < Math.min(index.ids.length, to); k++) around.add(index.ids[k]!);
    return words.filter((word) => around.has(index.idOf(word))).length / words.length;
  };
  return Math.max(share(prefix, c.firstWord - 14, c.firstWord), share(suffix, c.endWord, c.endWord + 14));
}
