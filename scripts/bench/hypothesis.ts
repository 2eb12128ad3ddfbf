/**
 * The reference: Hypothesis' quote anchoring (hypothesis/client,
 * src/annotator/anchoring/match-quote.ts), re-implemented from its description for the bench.
 * Exact occurrences first; otherwise approx-string-match with up to min(256, quote/2) character
 * errors; each candidate scored 50·quote + 20·prefix + 20·suffix + 2·position similarity,
 * normalised to 0–1, and the best one taken. Hypothesis sets no score threshold of its own: the
 * error budget is the only limit, so any candidate within it is accepted.
 */
import approxSearch, { type Match } from 'approx-string-match';

function search(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 − edit distance / length of the best placement of `pattern` in `text`. */
function similarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

export interface ReferenceMatch {
  start: number;
  end: number;
  /** Hypothesis' normalised score, 0–1. */
  score: number;
}

export function hypothesisMatch(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number } = {},
): ReferenceMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const score = (m: Match) => {
    const q = 1 - m.errors / quote.length;
    const p = context.prefix ? similarity(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const s = context.suffix ? similarity(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const pos = context.hint === undefined ? 1 : 1 - Math.abs(m.start - context.hint) / text.length;
    return (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
  };
  let best: ReferenceMatch | null = null;
  for (const m of matches) {
    const s = score(m);
    if (!best || s > best.score) best = { start: m.start, end: m.end, score: s };
  }
  return best;
}
