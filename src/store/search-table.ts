/**
 * Rows of folded text laid end to end in one string, so a query word is looked for with one
 * indexOf pass over all of them (a few milliseconds for the whole ToS;DR export) instead of a
 * call per row and field; each occurrence is mapped back to its row and field by offset.
 */

/** A row's fields, best first (a match in the first ranks above one in the last). */
export type Fields = readonly string[];

/** Between fields and rows: never in a folded query word (words are split on whitespace). */
const FIELD_END = '\u0001';

/** What a word found in no field of a row gets. */
export const NOWHERE = 127;

export class SearchTable {
  private readonly text: string;
  /** Where each row's text starts, ascending. */
  private readonly starts: Int32Array;
  /** Per row, where each field ends (fieldsPerRow entries a row). */
  private readonly fieldEnds: Int32Array;
  readonly size: number;

  constructor(
    rows: readonly Fields[],
    private readonly fieldsPerRow: number,
  ) {
    this.size = rows.length;
    this.starts = new Int32Array(rows.length);
    this.fieldEnds = new Int32Array(rows.length * fieldsPerRow);
    const parts: string[] = [];
    let at = 0;
    rows.forEach((fields, r) => {
      this.starts[r] = at;
      for (let f = 0; f < fieldsPerRow; f++) {
        const field = fields[f] ?? '';
        parts.push(field, FIELD_END);
        at += field.length;
        this.fieldEnds[r * fieldsPerRow + f] = at;
        at += 1;
      }
    });
    this.text = parts.join('');
  }

  /** Every row's text, for the word list of the typo step. */
  get allText(): string {
    return this.text;
  }

  /** Per row, the first field `word` occurs in (0 = best), or NOWHERE. */
  fieldsWith(word: string): Int8Array {
    const best = new Int8Array(this.size).fill(NOWHERE);
    if (!word) return best;
    for (let at = this.text.indexOf(word); at >= 0; ) {
      const row = this.rowAt(at);
      best[row] = Math.min(best[row]!, this.fieldAt(row, at));
      // The row's best field is found once it is the first: go on from the next row.
      at = this.text.indexOf(word, best[row] === 0 && row + 1 < this.size ? this.starts[row + 1]! : at + 1);
    }
    return best;
  }

  /** Per row, the first field `pattern` (global) matches in, or NOWHERE. */
  fieldsMatching(pattern: RegExp): Int8Array {
    const best = new Int8Array(this.size).fill(NOWHERE);
    for (const match of this.text.matchAll(pattern)) {
      const row = this.rowAt(match.index);
      best[row] = Math.min(best[row]!, this.fieldAt(row, match.index));
    }
    return best;
  }

  private rowAt(offset: number): number {
    let lo = 0;
    let hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private fieldAt(row: number, offset: number): number {
    for (let f = 0; f < this.fieldsPerRow; f++) if (offset < this.fieldEnds[row * this.fieldsPerRow + f]!) return f;
    return this.fieldsPerRow - 1;
  }
}
