/**
 * The one-line answer to "how bad is this page?": the clauses found counted by severity
 * ("‼ 2 critical · ▲ 1 high · ✓ 1 good for you"), each count a toggle that shows only the
 * clauses of its severity (aria-pressed); with none pressed, all are shown.
 */
import { SEVERITY_ICON } from '../src/i18n/labels';
import { plural, type MessageKey } from '../src/i18n/t';
import type { Severity } from '../src/records/taxonomy';
import type { SeverityCount } from './glance';

/** "2 critical", "1 good for you": the count said with its severity, in a translatable plural. */
const COUNT_KEYS: Record<Severity, [MessageKey, MessageKey]> = {
  critical: ['summaryCriticalOne', 'summaryCriticalMany'],
  high: ['summaryHighOne', 'summaryHighMany'],
  medium: ['summaryMediumOne', 'summaryMediumMany'],
  low: ['summaryLowOne', 'summaryLowMany'],
  positive: ['summaryPositiveOne', 'summaryPositiveMany'],
};

export const severityCountText = ({ severity, count }: SeverityCount): string =>
  plural(count, COUNT_KEYS[severity][0], COUNT_KEYS[severity][1]);

export function SeveritySummary(props: {
  counts: SeverityCount[];
  filter: ReadonlySet<Severity>;
  onToggle: (severity: Severity) => void;
  /** Names the group for screen readers: what pressing a count does. */
  label: string;
}) {
  return (
    <div class="summary" role="group" aria-label={props.label}>
      {props.counts.map((c) => (
        <button
          type="button"
          class={`chip chip-${c.severity}`}
          aria-pressed={props.filter.has(c.severity)}
          data-severity={c.severity}
          onClick={() => props.onToggle(c.severity)}
        >
          <span aria-hidden="true">{SEVERITY_ICON[c.severity]}</span> {severityCountText(c)}
        </button>
      ))}
    </div>
  );
}
