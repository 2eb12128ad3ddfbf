/**
 * Word-level difference between a recorded clause and the text now on the page, to show a
 * reader exactly what was reworded. Words are compared after normalisation (case, quotes,
 * dashes), so typography alone is never reported as a change; the parts keep the page's and
 * the record's own spelling. Longest common subsequence over words: clauses are short.
 */
import { normalizeText } from './normalize';

export type DiffPart = { kind: 'same' | 'removed' | 'added'; text: string };

const MAX_WORDS = 2000;

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

const key = (word: string) => normalizeText(word).replace(/[^\p{L}\p{N}]+/gu, '');

/** Parts in reading order: unchanged words, words the record had ("removed"), words the page has now ("added"). */
export function diffWords(recorded: string, current: string): DiffPart[] {
  const a = words(recorded).slice(0, MAX_WORDS);
  const b = words(current).slice(0, MAX_WORDS);
  const ka = a.map(key);
  const kb = b.map(key);
  // lcs[i][j]: longest common subsequence of a[i..] and b[j..], in one flat array.
  const w = b.length + 1;
  const lcs = new Uint16Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = ka[i] === kb[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], word: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (ka[i] === kb[j]) {
      push('same', b[j]!);
      i++;
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      push('removed', a[i++]!);
    } else {
      push('added', b[j++]!);
    }
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return parts;
}

/** How many words were added and removed ("13 added, 4 removed"). */
export function diffCounts(parts: readonly DiffPart[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const part of parts) {
    const n = words(part.text).length;
    if (part.kind === 'added') added += n;
    if (part.kind === 'removed') removed += n;
  }
  return { added, removed };
}
