/** Severity as text and shape as well as colour, so it never rests on colour alone. */
import type { Severity } from '../src/records/taxonomy';

const LABELS: Record<Severity, { icon: string; text: string }> = {
  critical: { icon: '‼', text: 'Critical' },
  high: { icon: '▲', text: 'High' },
  medium: { icon: '◆', text: 'Medium' },
  low: { icon: '●', text: 'Low' },
  positive: { icon: '✓', text: 'Good for you' },
};

export function SeverityTag({ severity }: { severity: Severity }) {
  const label = LABELS[severity];
  return (
    <span class={`sev sev-${severity}`}>
      <span aria-hidden="true">{label.icon}</span> {label.text}
    </span>
  );
}
