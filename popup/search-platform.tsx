/**
 * A platform found by search, as a disclosure: its row (name, documents, clauses, grade) opens
 * its summary in place, asked for on first opening ('popup/platform'): the grade and who gave
 * it, the clauses by severity, the worst of them with what each means, its documents. The
 * pieces are the site view's (site.tsx), so a platform reads the same wherever it is shown.
 */
import { useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/t';
import type { ReplyData, SearchHit } from '../src/messages/protocol';
import { request } from './api';
import { Clause, Counts, SiteDocuments } from './site';

type PlatformHit = Extract<SearchHit, { kind: 'platform' }>;
type Summary = NonNullable<ReplyData<'popup/platform'>>;

/** How many of its worst clauses an opened platform shows. */
const WORST = 5;

function PlatformSummary({ summary }: { summary: Summary }) {
  const worst = summary.records.slice(0, WORST);
  return (
    <>
      {summary.rating && <p class="site-grade">{t('popupSiteGrade', summary.rating.grade, summary.rating.source)}</p>}
      <Counts platform={summary} />
      {worst.length > 0 && (
        <>
          <h4>{t('searchPlatformWorst', worst.length, summary.recordCount)}</h4>
          <ol class="hits site-worst">
            {worst.map((record) => (
              <Clause key={record.key} record={record} />
            ))}
          </ol>
        </>
      )}
      <SiteDocuments documents={summary.documents} />
    </>
  );
}

/** One platform result: a button that opens and closes its summary below it. */
export function PlatformResult({ hit }: { hit: PlatformHit }) {
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState<Summary | null | undefined>(undefined);
  const [error, setError] = useState('');
  const panel = `search-platform-${hit.platformId}`;

  const toggle = () => {
    setOpen(!open);
    if (open || summary !== undefined) return;
    setError('');
    request({ type: 'popup/platform', platformId: hit.platformId })
      .then(setSummary)
      .catch((e: Error) => setError(t('recordsReadFailed', e.message)));
  };

  return (
    <li class="hit-platform">
      <button type="button" class="hit-open" aria-expanded={open} aria-controls={panel} onClick={toggle}>
        <strong class="hit-title">{hit.name}</strong> · {plural(hit.documents, 'nDocumentsOne', 'nDocumentsMany')} ·{' '}
        {plural(hit.records, 'searchClausesOne', 'searchClausesMany', hit.records.toLocaleString(t('htmlLang')))}
        {hit.rating && <> · {t('searchGrade', hit.rating.grade)}</>}
      </button>
      {hit.domains.length > 0 && <div class="meta">{hit.domains.slice(0, 3).join(', ')}</div>}
      <div id={panel} class="platform-summary" hidden={!open}>
        {open &&
          (error ? (
            <p role="alert" class="error">
              {error}
            </p>
          ) : summary === undefined ? (
            <p aria-busy="true">{t('popupLoading')}</p>
          ) : summary === null ? (
            <p class="empty">{t('searchPlatformGone')}</p>
          ) : (
            <PlatformSummary summary={summary} />
          ))}
      </div>
    </li>
  );
}
