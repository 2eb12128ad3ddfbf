/** Whether a highlight on a page is the clause a record's quote names (e2e tests and the reach bench). */
import { comparable } from './records';

/** The words of a text, lowercased, HTML tags (ToS;DR quotes hold some) and punctuation left out. */
const words = (text: string) =>
  text
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The same text, or (a clause reworded since, highlighted where the fuzzy matcher found it) at
 * least 80% of the longer one's words shared. Anything else highlighted for a quote is false.
 */
export function sameClause(highlight: string, quote: string): boolean {
  if (comparable(highlight) === comparable(quote)) return true;
  const [a, b] = [words(highlight), words(quote)];
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of a) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      shared++;
      left.set(w, n - 1);
    }
  }
  return shared / Math.max(a.length, b.length) >= 0.8;
}
