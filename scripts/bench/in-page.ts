/**
 * Bundled (IIFE) and injected into a Chromium page by browser.ts: the same measure() as in Node,
 * on the real DOM, with the content script's own visibility check.
 */
import type { QuoteSelector } from '../../src/anchoring';
import { isHidden } from '../../src/anchoring/visibility';
import { measure, type Measured } from './measure';

declare global {
  var termlightBench: { measure(records: QuoteSelector[], repeats: number, refRepeats: number): Measured };
}

globalThis.termlightBench = {
  measure: (records, repeats, refRepeats) => measure(document, records, { repeats, refRepeats, isHidden }),
};
