/**
 * The detector's features for one unit of text: lowercased words and word pairs, and the
 * character 3- to 5-grams inside each word (with its edges marked), each hashed into a fixed
 * number of buckets (the hashing trick: no vocabulary to ship). Values are sublinear counts
 * (1 + ln n), scaled to unit length. Pure and browser-safe; training and the extension share it.
 *
 * Character n-grams let the model see "terminat" in "terminate", "termination" and
 * "terminating" alike, which matters with 50 documents to learn from.
 */

/** How features are made; stored in the model so that training and the extension agree. */
export interface FeatureConfig {
  /** log2 of the number of buckets. */
  bits: number;
  /** Word n-gram lengths, e.g. [1, 2]. */
  wordNgrams: number[];
  /** Character n-gram lengths inside words (edges marked), e.g. [3, 4, 5]; empty for none. */
  charNgrams: number[];
  /**
   * Weight of the words of the unit's section heading (the nearest short line before it), kept
   * apart from the unit's own words; 0 for none. "Governing law" above a sentence says a lot.
   */
  heading: number;
  /** Weight of the previous unit's words (kept apart from the unit's own); 0 for none. Optional: older models have none. */
  previous?: number;
}

/** A token: a lowercased word and where it is in the unit. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/** A unit's features: bucket ids (ascending, distinct) and their values (unit length). */
export interface Features {
  index: Int32Array;
  value: Float64Array;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/** The unit's words, lowercased, curly apostrophes made straight. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    tokens.push({ word: match[0].toLowerCase().replace(/’/g, "'"), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over a string's UTF-16 code units, from `seed`. */
function hashString(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Mixes two hashes into one (order matters: "may terminate" is not "terminate may"). */
function combine(a: number, b: number): number {
  let h = Math.imul(a ^ (b + 0x9e3779b9 + (a << 6) + (a >>> 2)), FNV_PRIME);
  h ^= h >>> 15;
  return h >>> 0;
}

// Separate seeds keep word, pair and character features apart in the hash space.
const SEED_WORD = FNV_OFFSET;
const SEED_CHAR = hashString('#char', FNV_OFFSET);

/**
 * One raw feature occurrence: its bucket and which tokens it came from ([first, last] token
 * index), so that "why" can name the words behind a weight.
 */
export type Emit = (bucket: number, firstToken: number, lastToken: number) => void;

/** Calls `emit` for every feature occurrence of `tokens` (unweighted, may repeat). */
export function emitFeatures(tokens: Token[], config: FeatureConfig, emit: Emit): void {
  const mask = (1 << config.bits) - 1;
  const wordHashes = tokens.map((t) => hashString(t.word, SEED_WORD));
  for (const n of config.wordNgrams) {
    for (let i = 0; i + n <= tokens.length; i++) {
      let h = hashString(`#w${n}`, FNV_OFFSET);
      for (let k = 0; k < n; k++) h = combine(h, wordHashes[i + k]!);
      emit(h & mask, i, i + n - 1);
    }
  }
  if (config.charNgrams.length === 0) return;
  const maxN = Math.max(...config.charNgrams);
  const minN = Math.min(...config.charNgrams);
  for (let t = 0; t < tokens.length; t++) {
    // "<word>": the edges make "term" at the start of a word differ from "term" inside one.
    const padded = `<${tokens[t]!.word}>`;
    for (let i = 0; i + minN <= padded.length; i++) {
      let h = SEED_CHAR;
      for (let j = i; j < padded.length && j - i < maxN; j++) {
        h = Math.imul(h ^ padded.charCodeAt(j), FNV_PRIME);
        const n = j - i + 1;
        if (n >= minN && config.charNgrams.includes(n)) emit(combine(h >>> 0, n) & mask, t, t);
      }
    }
  }
}

const SEED_HEADING = hashString('#heading', FNV_OFFSET);
const SEED_PREVIOUS = hashString('#previous', FNV_OFFSET);

/**
 * The unit's feature vector: sublinear counts per bucket, scaled to length 1. `heading`: the
 * text of its section heading, if any (see FeatureConfig.heading).
 */
export function featurize(text: string, config: FeatureConfig, heading?: string, previous?: string): Features {
  const counts = new Map<number, number>();
  emitFeatures(tokenize(text), config, (bucket) => counts.set(bucket, (counts.get(bucket) ?? 0) + 1));
  const mask = (1 << config.bits) - 1;
  const headingBuckets = new Set<number>();
  if (heading && config.heading > 0) {
    for (const token of tokenize(heading)) headingBuckets.add(combine(SEED_HEADING, hashString(token.word, SEED_WORD)) & mask);
  }
  const previousBuckets = new Set<number>();
  if (previous && config.previous) {
    for (const token of tokenize(previous)) previousBuckets.add(combine(SEED_PREVIOUS, hashString(token.word, SEED_WORD)) & mask);
  }
  const index = Int32Array.from(new Set([...counts.keys(), ...headingBuckets, ...previousBuckets])).sort();
  const value = new Float64Array(index.length);
  let norm = 0;
  for (let i = 0; i < index.length; i++) {
    const count = counts.get(index[i]!);
    const v =
      (count ? 1 + Math.log(count) : 0) +
      (headingBuckets.has(index[i]!) ? config.heading : 0) +
      (previousBuckets.has(index[i]!) ? (config.previous ?? 0) : 0);
    value[i] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < value.length; i++) value[i]! /= norm;
  return { index, value };
}
