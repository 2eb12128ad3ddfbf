/**
 * Whether the page reads as the version the records were verified against, said plainly,
 * with what that means for its clauses, and the document's recorded history.
 */
import type { TabView } from '../src/messages/protocol';

type Doc = TabView['documents'][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function VerificationNote(props: { doc: Doc; view: TabView }) {
  const { verification } = props.doc;
  const on = verification.verifiedOn ? ` on ${verification.verifiedOn}` : '';
  const mine = <T extends { documentKey: string }>(records: T[]) => records.filter((r) => r.documentKey === props.doc.key);
  const found = mine(props.view.found);
  const same = found.filter((r) => r.method !== 'fuzzy').length;
  const changed = found.length - same;
  const missing = mine(props.view.notFound).length;
  switch (verification.state) {
    case 'same':
      return (
        <p class="verification same" role="note">
          <span aria-hidden="true">✓ </span>This page matches the version verified{on}.
        </p>
      );
    case 'changed':
      return (
        <div class="verification changed-doc" role="note">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>This page has changed since{on || ' it was verified'}.</strong>
          </p>
          <p>
            {plural(same, 'clause reads', 'clauses read')} the same, {plural(changed, 'clause was', 'clauses were')} reworded
            {changed ? ' (shown below word by word)' : ''}, {plural(missing, 'recorded clause was', 'recorded clauses were')} not found
            (possibly removed).
          </p>
        </div>
      );
    case 'pending':
      return <p class="verification meta">Comparing the page with the version verified{on}…</p>;
    default:
      return <p class="verification meta">No verified copy of this document is recorded, so changes cannot be detected.</p>;
  }
}

export function History(props: { doc: Doc }) {
  if (props.doc.history.length === 0) return null;
  return (
    <details class="history">
      <summary>Version history ({props.doc.history.length})</summary>
      <ol>
        {props.doc.history.map((h) => (
          <li>
            <time dateTime={h.date}>{h.date}</time>: {h.summary}
          </li>
        ))}
      </ol>
    </details>
  );
}
