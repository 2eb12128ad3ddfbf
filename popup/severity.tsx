/** Severity as text and shape as well as colour, so it never rests on colour alone. */
import { SEVERITY_ICON, severityLabel } from '../src/i18n/labels';
import type { Severity } from '../src/records/taxonomy';

export function SeverityTag({ severity }: { severity: Severity }) {
  return (
    <span class={`sev sev-${severity}`}>
      <span aria-hidden="true">{SEVERITY_ICON[severity]}</span> {severityLabel(severity)}
    </span>
  );
}
