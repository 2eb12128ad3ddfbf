/**
 * Small typos in a search: the words of the records within one edit of a query word (two for
 * long words), found among the words of about the same length only.
 */

/** How many edits a query word of this length may be from a word of the records: none under 4 letters. */
export function typoBudget(word: string): number {
  return word.length < 4 ? 0 : word.length < 8 ? 1 : 2;
}

/**
 * Whether `a` and `b` are at most `max` edits apart (insert, delete, substitute, or swap two
 * neighbouring letters). Only a band of width `max` is computed, and it gives up as soon as
 * every cell of a row is over budget.
 */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (a === b) return true;
  const n = b.length;
  const big = max + 1;
  let before = new Array<number>(n + 1).fill(big);
  let previous = new Array<number>(n + 1);
  let current = new Array<number>(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j <= max ? j : big;
  for (let i = 1; i <= a.length; i++) {
    current.fill(big);
    current[0] = i <= max ? i : big;
    let best = current[0];
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = Math.min(d, big);
      if (current[j]! < best) best = current[j]!;
    }
    if (best > max) return false;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n]! <= max;
}

/** The words of the records, grouped by length, so a typo is compared with plausible words only. */
export class WordIndex {
  private readonly byLength = new Map<number, string[]>();
  private readonly known = new Set<string>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (this.known.has(word)) continue;
      this.known.add(word);
      const group = this.byLength.get(word.length);
      if (group) group.push(word);
      else this.byLength.set(word.length, [word]);
    }
  }

  /** Whether the records use this word as it is. */
  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The words within `typoBudget(word)` edits of `word` (itself excluded). */
  near(word: string): string[] {
    const max = typoBudget(word);
    const found: string[] = [];
    if (max === 0) return found;
    for (let length = word.length - max; length <= word.length + max; length++) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (candidate !== word && withinEdits(word, candidate, max)) found.push(candidate);
      }
    }
    return found;
  }
}
