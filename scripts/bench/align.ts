/**
 * Ground truth that owes nothing to the matcher under test: where a quote sits in a text
 * (letters and digits only, case-folded), and a word-level alignment of two versions of a
 * document (patience diff, histogram-style splits where no word is unique, then moved and
 * copied blocks), through which a quote's words in the old version are followed into the new one.
 */

export interface Words {
  /** Case-folded words, soft hyphens removed. */
  keys: string[];
  /** [start, end) of each word in the text. */
  starts: number[];
  ends: number[];
}

/** Words of a page text; a soft hyphen inside a word does not split it. */
export function wordsOf(text: string): Words {
  const keys: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\u00ad]+/gu)) {
    const key = m[0].replace(/\u00ad/g, '').toLowerCase();
    if (key === '') continue;
    keys.push(key);
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { keys, starts, ends };
}

/** Letters and digits of a text, lowercased, with each one's offset in the text. */
export interface Projection {
  chars: string;
  at: number[];
}

function projection(text: string): Projection {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!/[\p{L}\p{N}]/u.test(c)) continue;
    const lower = c.toLowerCase();
    for (let k = 0; k < lower.length; k++) at.push(i);
    chars += lower;
  }
  return { chars, at };
}

export interface Span {
  start: number;
  end: number;
}

/** Every place `quote` occurs in `text` when only letters and digits count. */
export function locateAll(text: string, quote: string, cache?: Map<string, Projection>): Span[] {
  let page = cache?.get(text);
  if (!page) {
    page = projection(text);
    cache?.set(text, page);
  }
  const needle = projection(quote).chars;
  const found: Span[] = [];
  if (needle.length === 0) return found;
  for (let i = page.chars.indexOf(needle); i !== -1; i = page.chars.indexOf(needle, i + 1)) {
    found.push({ start: page.at[i]!, end: page.at[i + needle.length - 1]! + 1 });
  }
  return found;
}

/** Characters two spans share, at least half of the shorter span. */
export function overlapsHalf(a: Span, b: Span): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared >= Math.min(a.end - a.start, b.end - b.start) / 2;
}

/** For each word of `a`, the index of the word of `b` it is aligned with, or -1. */
export function alignWords(aKeys: readonly string[], bKeys: readonly string[]): Int32Array {
  const ids = new Map<string, number>();
  const intern = (k: string) => ids.get(k) ?? (ids.set(k, ids.size), ids.size - 1);
  const A = Int32Array.from(aKeys, intern);
  const B = Int32Array.from(bKeys, intern);
  const map = new Int32Array(A.length).fill(-1);
  const used = new Uint8Array(B.length);
  const pair = (i: number, j: number) => {
    map[i] = j;
    used[j] = 1;
  };

  // Patience diff: words unique on both sides, kept in order (longest increasing run), are
  // anchors; the stretches between anchors are aligned the same way, small ones by plain LCS.
  const stack: [number, number, number, number][] = [[0, A.length, 0, B.length]];
  while (stack.length > 0) {
    let [a0, a1, b0, b1] = stack.pop()!;
    while (a0 < a1 && b0 < b1 && A[a0] === B[b0]) pair(a0++, b0++);
    while (a1 > a0 && b1 > b0 && A[a1 - 1] === B[b1 - 1]) pair(--a1, --b1);
    if (a0 === a1 || b0 === b1) continue;
    const anchors = uniqueAnchors(A, B, a0, a1, b0, b1);
    if (anchors.length > 0) {
      let pa = a0;
      let pb = b0;
      for (const [i, j] of anchors) {
        stack.push([pa, i, pb, j]);
        pair(i, j);
        pa = i + 1;
        pb = j + 1;
      }
      stack.push([pa, a1, pb, b1]);
    } else if ((a1 - a0) * (b1 - b0) <= 1 << 22) {
      for (const [i, j] of lcs(A, B, a0, a1, b0, b1)) pair(i, j);
    } else {
      // No word unique on both sides (a page holding its terms twice): split at the longest
      // common run through the rarest shared word, as histogram diff does.
      const run = rarestRun(A, B, a0, a1, b0, b1);
      if (!run) continue;
      const [i, j, n] = run;
      for (let k = 0; k < n; k++) pair(i + k, j + k);
      stack.push([a0, i, b0, j], [i + n, a1, j + n, b1]);
    }
  }

  // Moved blocks: runs of 6+ words left unaligned on both sides that read the same; then copied
  // ones: 8+ words still unaligned in `a` that read like words of `b` aligned elsewhere (an old
  // version holding a clause twice, the new one once).
  const K = 6;
  const C = 8;
  const key = (X: Int32Array, i: number, k: number) => Array.from(X.subarray(i, i + k)).join(',');
  const grams = (k: number, onlyFree: boolean) => {
    const at = new Map<string, number[]>();
    for (let j = 0; j + k <= B.length; j++) {
      let ok = true;
      for (let n = 0; n < k && ok && onlyFree; n++) ok = used[j + n] === 0;
      if (!ok) continue;
      const list = at.get(key(B, j, k));
      if (list) list.push(j);
      else at.set(key(B, j, k), [j]);
    }
    return at;
  };
  for (const [k, onlyFree] of [[K, true], [C, false]] as const) {
    const at = grams(k, onlyFree);
    for (let i = 0; i + k <= A.length; i++) {
      let ok = true;
      for (let n = 0; n < k && ok; n++) ok = map[i + n] === -1;
      const j = ok ? at.get(key(A, i, k))?.find((j) => !onlyFree || (used[j] === 0 && used[j + k - 1] === 0)) : undefined;
      if (j === undefined) continue;
      let n = 0;
      while (i + n < A.length && j + n < B.length && map[i + n] === -1 && (!onlyFree || used[j + n] === 0) && A[i + n] === B[j + n]) {
        pair(i + n, j + n);
        n++;
      }
      i += Math.max(0, n - 1);
    }
  }
  return map;
}

/** Words occurring once in each range, as (a, b) pairs forming the longest increasing run in b. */
function uniqueAnchors(A: Int32Array, B: Int32Array, a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const seen = new Map<number, [number, number, number, number]>(); // id → [countA, countB, i, j]
  for (let i = a0; i < a1; i++) {
    const s = seen.get(A[i]!) ?? [0, 0, -1, -1];
    s[0]++;
    s[2] = i;
    seen.set(A[i]!, s);
  }
  for (let j = b0; j < b1; j++) {
    const s = seen.get(B[j]!);
    if (!s) continue;
    s[1]++;
    s[3] = j;
  }
  const pairs = [...seen.values()]
    .filter((s) => s[0] === 1 && s[1] === 1)
    .map((s) => [s[2], s[3]] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of j (patience sorting).
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  for (let k = 0; k < pairs.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[tails[mid]!]![1] < pairs[k]![1]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const out: [number, number][] = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = back[k]!) out.push(pairs[k]!);
  return out.reverse();
}

/** [i, j, length] of the longest common run through an occurrence pair of the rarest shared word. */
function rarestRun(A: Int32Array, B: Int32Array, a0: number, a1: number, b0: number, b1: number): [number, number, number] | null {
  const inA = new Map<number, number[]>();
  for (let i = a0; i < a1; i++) (inA.get(A[i]!) ?? inA.set(A[i]!, []).get(A[i]!)!).push(i);
  const inB = new Map<number, number[]>();
  for (let j = b0; j < b1; j++) if (inA.has(B[j]!)) (inB.get(B[j]!) ?? inB.set(B[j]!, []).get(B[j]!)!).push(j);
  let rarest = -1;
  for (const [id, js] of inB) {
    const n = inA.get(id)!.length + js.length;
    if (rarest < 0 || n < inA.get(rarest)!.length + inB.get(rarest)!.length) rarest = id;
  }
  if (rarest < 0) return null;
  let best: [number, number, number] | null = null;
  for (const i of inA.get(rarest)!.slice(0, 64)) {
    for (const j of inB.get(rarest)!.slice(0, 64)) {
      let s = 0;
      while (i - s - 1 >= a0 && j - s - 1 >= b0 && A[i - s - 1] === B[j - s - 1]) s++;
      let e = 1;
      while (i + e < a1 && j + e < b1 && A[i + e] === B[j + e]) e++;
      if (!best || s + e > best[2]) best = [i - s, j - s, s + e];
    }
  }
  return best;
}

/** Classic longest common subsequence of two small ranges. */
function lcs(A: Int32Array, B: Int32Array, a0: number, a1: number, b0: number, b1: number): [number, number][] {
  const n = a1 - a0;
  const m = b1 - b0;
  const t = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * (m + 1) + j] =
        A[a0 + i] === B[b0 + j]
          ? t[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(t[(i + 1) * (m + 1) + j]!, t[i * (m + 1) + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (A[a0 + i] === B[b0 + j]) out.push([a0 + i++, b0 + j++]);
    else if (t[(i + 1) * (m + 1) + j]! >= t[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return out;
}

export interface Truth {
  /** Share of the quote's words found, in one cluster, in the new version (best copy). */
  survival: number;
  /** Where they are in the new text, one span per copy of the quote that survives; empty: gone. */
  spans: Span[];
}

/** Below this share of surviving words the clause counts as gone. */
export const SURVIVAL = 0.3;

/**
 * Follows the words of `old` covered by each copy of the quote through the alignment. Surviving
 * words are grouped where they sit close together in the new text; the largest group is the
 * clause. A quote that occurs several times in the old text (a page holding two versions of its
 * terms) cannot tell its copies apart: each surviving copy is a true place.
 */
export function followQuote(old: Words, now: Words, map: Int32Array, copies: readonly Span[]): Truth {
  let survival = 0;
  const spans: Span[] = [];
  for (const quote of copies) {
    const mapped: number[] = [];
    let total = 0;
    for (let i = 0; i < old.keys.length; i++) {
      if (old.ends[i]! <= quote.start || old.starts[i]! >= quote.end) continue;
      total++;
      if (map[i]! >= 0) mapped.push(map[i]!);
    }
    if (total === 0) continue;
    mapped.sort((x, y) => x - y);
    const gap = Math.max(8, total / 2);
    let best: number[] = [];
    let group: number[] = [];
    for (const j of mapped) {
      if (group.length > 0 && j - group[group.length - 1]! > gap) group = [];
      group.push(j);
      if (group.length > best.length) best = group;
    }
    survival = Math.max(survival, best.length / total);
    if (best.length / total >= SURVIVAL) spans.push({ start: now.starts[best[0]!]!, end: now.ends[best[best.length - 1]!]! });
  }
  return { survival, spans };
}
