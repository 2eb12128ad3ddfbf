/**
 * Content script: runs only on pages the manifest lists as policy pages. It asks the
 * background which records belong here, finds each quote in the rendered text, highlights
 * what it found, and reports found and not-found back. A page with no records costs one
 * message.
 */
import { createIndex, extractText, matchQuote, rangeFromOffsets } from '../src/anchoring';
import type { AnchorReport, PageRecord } from '../src/messages/protocol';
import { createCard } from './card';
import { clauseAt, clauseContaining, clearAll, flash, paint, supportsHighlights, type AnchoredClause } from './highlighter';
import { onCommand, request } from './messaging';
import { isHidden } from './visibility';

let clauses: AnchoredClause[] = [];

/** Finds every record's quote in the page; a quote not found is reported, never guessed. */
function anchor(records: readonly PageRecord[]): { clauses: AnchoredClause[]; report: AnchorReport } {
  const page = extractText(document.body, { isHidden });
  const index = createIndex(page.text);
  const found: AnchoredClause[] = [];
  const report: AnchorReport = { found: [], notFound: [] };
  for (const record of records) {
    const match = matchQuote(page.text, record.quote, index);
    const range = match && rangeFromOffsets(page, match.start, match.end, document);
    if (!match || !range) {
      report.notFound.push(record.key);
      continue;
    }
    found.push({ key: record.key, title: record.title, severity: record.severity, impact: record.impact, range });
    report.found.push({ key: record.key, method: match.method });
  }
  return { clauses: found, report };
}

function wireCard(): void {
  const card = createCard((clause) => {
    void request({ type: 'page/open-record', recordKey: clause.key });
  });
  let pending = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (!card.isEngaged()) card.hide();
    }, 300);
  };
  document.addEventListener(
    'mousemove',
    (event) => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const clause = clauseAt(clauses, event.clientX, event.clientY);
        if (clause) {
          clearTimeout(hideTimer);
          if (card.current !== clause) {
            card.show(clause, new DOMRect(event.clientX, event.clientY, 0, 16));
          }
        } else if (card.current) {
          hideSoon();
        }
      });
    },
    { passive: true },
  );
  document.addEventListener('focusin', (event) => {
    const target = event.target as Node | null;
    if (!target || target.nodeName === 'TERMLIGHT-CARD') return;
    const clause = clauseContaining(clauses, target);
    if (clause) card.show(clause, (target as Element).getBoundingClientRect?.() ?? clause.range.getBoundingClientRect());
    else if (card.current) hideSoon();
  });
  const reveal = (clause: AnchoredClause, focus: boolean) => {
    const rect = clause.range.getBoundingClientRect();
    window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    flash(clause.range);
    card.show(clause, clause.range.getBoundingClientRect(), focus);
  };
  // Alt+Shift+N / Alt+Shift+P walk the clauses in page order, for keyboard users.
  let position = -1;
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && card.current) {
      card.hide();
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
    if (clauses.length === 0) return;
    event.preventDefault();
    const step = event.code === 'KeyN' ? 1 : -1;
    position = (position + step + clauses.length) % clauses.length;
    reveal(clauses[position]!, true);
  });
  onCommand((command) => {
    const index = clauses.findIndex((c) => c.key === command.recordKey);
    if (index < 0) return { shown: false };
    position = index;
    reveal(clauses[index]!, false);
    return { shown: true };
  });
}

async function main(): Promise<void> {
  const lookup = await request({ type: 'page/lookup' });
  if (!lookup || lookup.records.length === 0) return;
  const result = anchor(lookup.records);
  clauses = result.clauses.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  if (supportsHighlights()) {
    clearAll();
    paint(clauses);
  }
  wireCard();
  await request({ type: 'page/anchored', ...result.report });
}

main().catch((error: unknown) => {
  console.warn(error instanceof Error ? error.message : error);
});
