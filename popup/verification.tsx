/**
 * Whether the page reads as the version the records were verified against, said plainly,
 * with what that means for its clauses, and the document's recorded history.
 */
import { plural, t, tParts } from '../src/i18n/t';
import type { TabView } from '../src/messages/protocol';

type Doc = TabView['documents'][number];

export function VerificationNote(props: { doc: Doc; view: TabView }) {
  const { verification } = props.doc;
  const on = verification.verifiedOn;
  const mine = <T extends { documentKey: string }>(records: T[]) => records.filter((r) => r.documentKey === props.doc.key);
  const found = mine(props.view.found);
  const same = found.filter((r) => r.method !== 'fuzzy').length;
  const changed = found.length - same;
  const missing = mine(props.view.notFound).length;
  switch (verification.state) {
    case 'same':
      return (
        <p class="verification same" role="note">
          <span aria-hidden="true">✓ </span>
          {on ? t('verifySameOn', on) : t('verifySame')}
        </p>
      );
    case 'changed':
      return (
        <div class="verification changed-doc" role="note">
          <p>
            <span aria-hidden="true">⚠ </span>
            <strong>{on ? t('verifyChangedOn', on) : t('verifyChanged')}</strong>
          </p>
          <p>
            {t(
              'verifySummary',
              plural(same, 'verifySameCountOne', 'verifySameCountMany'),
              changed ? plural(changed, 'verifyRewordedOne', 'verifyRewordedMany') : t('verifyRewordedNone'),
              plural(missing, 'verifyMissingOne', 'verifyMissingMany'),
            )}
          </p>
        </div>
      );
    case 'pending':
      return <p class="verification meta">{on ? t('verifyPendingOn', on) : t('verifyPending')}</p>;
    default:
      return <p class="verification meta">{t('verifyUnknown')}</p>;
  }
}

export function History(props: { doc: Doc }) {
  if (props.doc.history.length === 0) return null;
  return (
    <details class="history">
      <summary>{t('verifyHistory', props.doc.history.length)}</summary>
      <ol>
        {props.doc.history.map((h) => (
          <li>
            {tParts('pairWithColon', <time dateTime={h.date}>{h.date}</time>, h.summary)}
          </li>
        ))}
      </ol>
    </details>
  );
}
