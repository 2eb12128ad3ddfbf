/**
 * The ::highlight() rules that paint found clauses, written from the severity colours. The
 * manifest injects this text as the static stylesheet content/highlights.css (the build writes
 * it, see vite.config.ts), and highlighter.ts adopts the same text into shadow roots and
 * iframes, which the page-level rules do not reach.
 */
import { SEVERITIES, type Severity } from '../src/records/taxonomy';
import { REWORDED_COLOUR, SEVERITY_COLOURS } from '../src/ui/severity-colours';

/** A line style of its own per severity (and its thickness), so severity never rests on colour alone. */
const UNDERLINE: Record<Severity, string> = {
  critical: 'wavy 2px',
  high: 'solid 2px',
  medium: 'dashed 2px',
  low: 'dotted 2px',
  positive: 'double',
};

const severityRule = (severity: Severity) => `::highlight(termlight-${severity}) {
  background-color: ${SEVERITY_COLOURS[severity].tint};
  text-decoration: underline ${UNDERLINE[severity]} ${SEVERITY_COLOURS[severity].light};
}`;

export const HIGHLIGHT_CSS = `${SEVERITIES.map(severityRule).join('\n')}
::highlight(termlight-flash) {
  background-color: #fde047;
  color: #111827;
}
/* Reworded: its severity background stays, with a wavy line over and under it. */
::highlight(termlight-changed) {
  text-decoration: underline overline wavy 2px ${REWORDED_COLOUR.light};
}
`;
