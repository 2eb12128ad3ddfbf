/**
 * Text anchoring: find a quoted clause in a page and turn it into a DOM Range.
 *
 * Typical use, once per page: `const page = extractText(document.body, { isHidden })`,
 * `const index = createIndex(page.text)`, then per quote
 * `const m = matchQuote(page.text, quote, index)` and `rangeFromOffsets(page, m.start, m.end)`.
 */

export { normalizeText, normalizeWithMap } from './normalize';
export type { NormalizedText } from './normalize';
export { createIndex, matchQuote } from './text-quote';
export type { MatchMethod, NormalizedIndex, QuoteMatch, QuoteSelector } from './text-quote';
export { extractText, extractTextSteps, rangeFromOffsets } from './dom-text';
export type { ExtractOptions, PageText, TextSegment } from './dom-text';
