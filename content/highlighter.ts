/**
 * Paints found clauses with the CSS Custom Highlight API: one highlight per severity, styled by
 * ::highlight() rules in highlights.css. The page's DOM is never changed to highlight.
 */
import { SEVERITIES, type Severity } from '../src/records/taxonomy';

export interface AnchoredClause {
  key: string;
  title: string;
  severity: Severity;
  impact: string;
  range: Range;
}

const name = (severity: Severity) => `termlight-${severity}`;
const FLASH = 'termlight-flash';

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Replaces every Termlight highlight with these clauses'. */
export function paint(clauses: readonly AnchoredClause[]): void {
  for (const severity of SEVERITIES) {
    const ranges = clauses.filter((c) => c.severity === severity).map((c) => c.range);
    if (ranges.length === 0) {
      CSS.highlights.delete(name(severity));
      continue;
    }
    const highlight = new Highlight(...ranges);
    // Worse clauses paint on top where two overlap.
    highlight.priority = SEVERITIES.length - SEVERITIES.indexOf(severity);
    CSS.highlights.set(name(severity), highlight);
  }
}

export function clearAll(): void {
  for (const severity of SEVERITIES) CSS.highlights.delete(name(severity));
  CSS.highlights.delete(FLASH);
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Briefly paints one clause in the flash style, so the eye finds it after a scroll. */
export function flash(range: Range, ms = 1600): void {
  const highlight = new Highlight(range);
  highlight.priority = 100;
  CSS.highlights.set(FLASH, highlight);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => CSS.highlights.delete(FLASH), ms);
}

/** The clause under a viewport point, if the point is on its text (not merely near it). */
export function clauseAt(clauses: readonly AnchoredClause[], x: number, y: number): AnchoredClause | null {
  for (const clause of clauses) {
    for (const rect of clause.range.getClientRects()) {
      if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return clause;
    }
  }
  return null;
}

/** The clause containing an element (a link or button inside the clause that got focus). */
export function clauseContaining(clauses: readonly AnchoredClause[], node: Node): AnchoredClause | null {
  return clauses.find((c) => c.range.intersectsNode(node)) ?? null;
}
