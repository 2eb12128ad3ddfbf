/**
 * The full record as a page laid out for a tab (popup/record.html?record=<key>[&tab=<id>]), what
 * the card's "Open the full record" opens: the record whole (its words, why it matters, notes,
 * what was reworded), its document with the date story and versions, every other platform's
 * clause in its categories, where it comes from, and "Show in page" when it came from a tab.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { categoryLabel } from '../src/i18n/labels';
import { t, tParts } from '../src/i18n/t';
import type { ReplyData } from '../src/messages/protocol';
import { dateStory } from '../src/ui/date-story';
import { request } from './api';
import { RecordDetails } from './record';
import { SeverityTag } from './severity';
import { DateStoryView } from './verification';

type RecordPage = NonNullable<ReplyData<'popup/record'>>;

const params = new URLSearchParams(location.search);
const recordKey = params.get('record') ?? '';
const tabParam = Number(params.get('tab'));
const tabId = params.has('tab') && Number.isInteger(tabParam) && tabParam >= 0 ? tabParam : undefined;

document.documentElement.lang = t('htmlLang');
document.title = t('extensionName');

/** The record's document: platform and title (linked), then its date story with the versions open. */
function DocumentSection(props: { page: RecordPage }) {
  const { document: doc, page } = props.page;
  if (!doc) return null;
  const title = doc.url ? (
    <a href={doc.url} target="_blank" rel="noreferrer">
      {doc.title}
    </a>
  ) : (
    doc.title
  );
  return (
    <section class="record-document" aria-labelledby="document-heading">
      <h2 id="document-heading">{t('recordPageDocument')}</h2>
      <p class="document-name">{tParts('pairWithColon', <strong>{doc.platformName}</strong>, title)}</p>
      <DateStoryView story={dateStory(doc, page && { state: page.state, counts: page.counts })} open />
    </section>
  );
}

/** Every other platform's clause in each of the record's categories, worst first. */
function ComparisonSection(props: { comparison: RecordPage['record']['comparison'] }) {
  if (props.comparison.length === 0) return null;
  return (
    <section class="record-comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t('recordPageComparison')}</h2>
      {props.comparison.map((c, i) => (
        <section aria-labelledby={`category-${i}`}>
          <h3 id={`category-${i}`}>{t('recordComparison', categoryLabel(c.category), c.platformsWith, c.totalPlatforms)}</h3>
          {c.others.length === 0 ? (
            <p class="meta">{t('recordNoOtherPlatform')}</p>
          ) : (
            <ul class="others">
              {c.others.map((other) => (
                <li>
                  <p class="other-head">
                    <SeverityTag severity={other.severity} /> {tParts('pairWithColon', <strong>{other.platformName}</strong>, other.title)}
                  </p>
                  <blockquote class="quote">{other.excerpt}</blockquote>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

function Page() {
  const [page, setPage] = useState<RecordPage | null | undefined>(undefined);
  const [error, setError] = useState('');
  const [showError, setShowError] = useState('');

  useEffect(() => {
    if (!recordKey) return setPage(null);
    request({ type: 'popup/record', recordKey, ...(tabId === undefined ? {} : { tabId }) })
      .then((reply) => {
        setPage(reply);
        if (reply) document.title = t('recordPageTitle', reply.record.title);
      })
      .catch((e: Error) => setError(t('recordsReadFailed', e.message)));
  }, []);

  const show = async (key: string) => {
    if (tabId === undefined) return;
    setShowError('');
    try {
      const { shown } = await request({ type: 'popup/show-clause', tabId, recordKey: key });
      if (!shown) return setShowError(t('popupClauseGone'));
      await browser.tabs.update(tabId, { active: true });
    } catch (e) {
      setShowError(t('popupPageUnreachable', (e as Error).message));
    }
  };

  const record = page?.record;
  return (
    <main aria-labelledby={record ? `title-${record.key}` : 'page-heading'}>
      <p class="brand">{t('extensionName')}</p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {page === undefined && !error && <p aria-busy="true">{t('popupLoading')}</p>}
      {page === null && (
        <>
          <h1 id="page-heading">{t('recordPageGoneHeading')}</h1>
          <p>{t('recordPageGone')}</p>
        </>
      )}
      {page && record && (
        <>
          <article class="full-record" aria-labelledby={`title-${record.key}`}>
            <header class="record-head">
              <SeverityTag severity={record.severity} />
              <h1 id={`title-${record.key}`}>{record.title}</h1>
              {record.impact && <p class="impact">{record.impact}</p>}
            </header>
            {/* The comparison is shown whole below, not the popup's first five. */}
            <RecordDetails record={{ ...record, comparison: [] }} {...(page.page?.found ? { onShow: (key: string) => void show(key) } : {})} />
            {showError && (
              <p role="alert" class="error">
                {showError}
              </p>
            )}
          </article>
          <DocumentSection page={page} />
          <ComparisonSection comparison={record.comparison} />
        </>
      )}
    </main>
  );
}

render(<Page />, document.getElementById('app')!);
