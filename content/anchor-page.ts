/**
 * Anchors a page's records: extract the rendered text once, normalise it once, then find each
 * quote, in slices. A quote not found is reported as not found, never guessed.
 */
import { createIndex, extractTextSteps, matchQuote, rangeFromOffsets, type QuoteMatch } from '../src/anchoring';
import { buildWordIndexSteps } from '../src/anchoring/fuzzy';
import { runInSteps } from '../src/anchoring/steps';
import type { AnchorReport, PageRecord } from '../src/messages/protocol';
import type { AnchoredClause } from './highlighter';
import type { Slicer } from './slicer';
import { isHidden } from '../src/anchoring/visibility';

const FOUND_TEXT_LIMIT = 20_000;

/**
 * Text longer than this is normalised in steps before matching: some quote is bound to need it,
 * and in one go it takes 16-20 ms on the 1 MB bench page in Chromium here, more on slower machines.
 */
const STEPWISE_NORMALIZE = 100_000;

export interface AnchorResult {
  clauses: AnchoredClause[];
  report: Omit<AnchorReport, 'timing'> & { timing: Omit<AnchorReport['timing'], 'paintMs'> };
}

export async function anchorPage(root: Node, records: readonly PageRecord[], slicer: Slicer): Promise<AnchorResult> {
  // Time spent giving the page its turns is not Termlight's work: it is left out of the timing.
  let paused = 0;
  const pause = async () => {
    const before = performance.now();
    await slicer.maybeYield();
    paused += performance.now() - before;
  };
  // Extraction pauses every few thousand nodes, so a huge page is read in slices too.
  const t0 = performance.now();
  const page = await runInSteps(extractTextSteps(root, { isHidden }), pause);
  const extractMs = performance.now() - t0 - paused;
  await pause();

  const t1 = performance.now();
  paused = 0;
  const index = createIndex(page.text);
  if (page.text.length >= STEPWISE_NORMALIZE) await runInSteps(index.prepare(), pause);
  await pause();
  const clauses: AnchoredClause[] = [];
  const found: AnchorReport['found'] = [];
  const notFound: string[] = [];
  const accept = (record: PageRecord, match: QuoteMatch | null) => {
    const range = match && rangeFromOffsets(page, match.start, match.end);
    if (!match || !range) return false;
    const changed = match.method === 'fuzzy';
    const { key, title, severity, impact, source } = record;
    clauses.push({ key, title, severity, impact, source, range, changed });
    found.push({
      key: record.key,
      method: match.method,
      score: match.score,
      ...(changed ? { foundText: page.text.slice(match.start, match.end).slice(0, FOUND_TEXT_LIMIT) } : {}),
    });
    return true;
  };
  // Exact and normalised matches first (cheap); only the rest pay for the fuzzy search, whose
  // word index is built in steps (a megabyte of text takes tens of milliseconds).
  const missing: PageRecord[] = [];
  for (const record of records) {
    if (!accept(record, matchQuote(page.text, record.quote, index, { fuzzy: false }))) missing.push(record);
    await pause();
  }
  if (missing.length > 0) {
    index.words ??= await runInSteps(buildWordIndexSteps(index.text), pause);
    await pause();
    for (const record of missing) {
      if (!accept(record, matchQuote(page.text, record.quote, index))) notFound.push(record.key);
      await pause();
    }
  }
  const anchorMs = performance.now() - t1 - paused;
  return {
    clauses: clauses.sort((a, b) => comparePosition(a.range, b.range)),
    report: {
      found,
      notFound,
      timing: { extractMs, anchorMs, longestSliceMs: slicer.longest(), textLength: page.text.length },
    },
  };
}

/** Document order; ranges in different documents or shadow trees keep a stable order. */
function comparePosition(a: Range, b: Range): number {
  if (a.startContainer.getRootNode() !== b.startContainer.getRootNode()) {
    const ab = a.startContainer.compareDocumentPosition(b.startContainer);
    return ab & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : ab & Node.DOCUMENT_POSITION_PRECEDING ? 1 : 0;
  }
  return a.compareBoundaryPoints(Range.START_TO_START, b);
}
