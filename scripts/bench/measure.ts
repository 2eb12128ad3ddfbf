/**
 * Times the production path on one DOM against two references on the same DOM, in the same run:
 * the FLOOR (a TreeWalker pass that only collects the text nodes' data) and Hypothesis' matcher
 * (hypothesis.ts) on the same extracted text. Runs in Node on happy-dom and, bundled, inside a
 * Chromium page (where painting with the CSS Custom Highlight API is timed too). Medians of
 * `repeats` runs; nothing here asserts a time.
 */
import { createIndex, extractText, matchQuote, rangeFromOffsets } from '../../src/anchoring';
import type { QuoteSelector } from '../../src/anchoring';
import { hypothesisMatch } from './hypothesis';

export interface Timings {
  floor: number;
  extract: number;
  /** createIndex + matchQuote for every record. */
  anchor: number;
  /** The createIndex part of anchor. */
  index: number;
  ranges: number;
  /** new Highlight + CSS.highlights.set (browsers only; 0 elsewhere). */
  paint: number;
  /** extract + anchor + ranges + paint. */
  total: number;
  /** Hypothesis' matching of every record on the same extracted text. */
  refAnchor: number;
  /** extract + refAnchor + ranges + paint: the same path with their matcher. */
  refTotal: number;
}

export interface Found {
  start: number;
  end: number;
  method?: string;
  score: number;
}

export interface Measured {
  median: Timings;
  /** The first run's total: code not yet optimised, as a content script runs once per page. */
  firstTotal: number;
  textNodes: number;
  textLength: number;
  ours: (Found | null)[];
  reference: (Found | null)[];
}

export interface MeasureOptions {
  repeats: number;
  /** Fewer runs for the reference where it is slow (default: repeats). */
  refRepeats?: number;
  isHidden: (el: Element) => boolean;
}

const SHOW_TEXT = 0x4;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Only walks the DOM and collects text: no page can be read for less. */
function floor(doc: Document): number {
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) parts.push((n as Text).data);
  return parts.join('').length;
}

const canPaint = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function measure(doc: Document, records: readonly QuoteSelector[], options: MeasureOptions): Measured {
  const now = () => performance.now();
  const runs: Omit<Timings, 'total' | 'refTotal' | 'refAnchor'>[] = [];
  const refRuns: number[] = [];
  let ours: (Found | null)[] = [];
  let reference: (Found | null)[] = [];
  let textNodes = 0;
  let textLength = 0;

  for (let r = 0; r < options.repeats; r++) {
    const t0 = now();
    floor(doc);
    const t1 = now();
    const page = extractText(doc.body, { isHidden: options.isHidden });
    const t2 = now();
    const index = createIndex(page.text);
    const tIndex = now();
    const matches = records.map((q) => matchQuote(page.text, q, index));
    const t3 = now();
    const ranges = matches.map((m) => m && rangeFromOffsets(page, m.start, m.end, doc));
    const t4 = now();
    if (canPaint()) CSS.highlights.set('termlight-bench', new Highlight(...ranges.filter((x): x is Range => x !== null)));
    const t5 = now();
    if (canPaint()) CSS.highlights.delete('termlight-bench');
    runs.push({ floor: t1 - t0, extract: t2 - t1, anchor: t3 - t2, index: tIndex - t2, ranges: t4 - t3, paint: t5 - t4 });
    ours = matches.map((m, i) => (m && ranges[i] ? { start: m.start, end: m.end, method: m.method, score: m.score } : null));
    textNodes = page.segments.length;
    textLength = page.text.length;

    if (r < (options.refRepeats ?? options.repeats)) {
      const t6 = now();
      reference = records.map((q) => hypothesisMatch(page.text, q.exact, { prefix: q.prefix, suffix: q.suffix }));
      refRuns.push(now() - t6);
    }
  }

  // Totals are medians of each run's sum, not sums of medians.
  const m = (f: (x: (typeof runs)[number]) => number) => median(runs.map(f));
  const refAnchor = median(refRuns);
  return {
    median: {
      floor: m((x) => x.floor),
      extract: m((x) => x.extract),
      anchor: m((x) => x.anchor),
      index: m((x) => x.index),
      ranges: m((x) => x.ranges),
      paint: m((x) => x.paint),
      total: m((x) => x.extract + x.anchor + x.ranges + x.paint),
      refAnchor,
      refTotal: m((x) => x.extract + x.ranges + x.paint) + refAnchor,
    },
    firstTotal: runs[0] ? runs[0].extract + runs[0].anchor + runs[0].ranges + runs[0].paint : 0,
    textNodes,
    textLength,
    ours,
    reference,
  };
}
