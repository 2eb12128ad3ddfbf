/**
 * Options: import records, the records feed, automatic highlights, and what is cached (remove a
 * source with Undo, restore Termlight's own records). Each section says what happened right
 * under its own controls (options/status.tsx).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../src/i18n/t';
import type { CacheSummary } from '../src/messages/protocol';
import { request } from './api';
import { FeedSection } from './options/feed';
import { ImportSection } from './options/import';
import { ReachSection } from './options/reach';
import { SourcesSection } from './options/sources';

document.documentElement.lang = t('htmlLang');
document.title = t('optionsTitle');

function Options() {
  const [summary, setSummary] = useState<CacheSummary | null>(null);
  const [readError, setReadError] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    request({ type: 'options/summary' })
      .then((next) => {
        setSummary(next);
        setReadError('');
      })
      .catch((e: Error) => setReadError(t('recordsReadFailed', e.message)));
  useEffect(() => void refresh(), []);

  return (
    <main>
      <h1 class="brand">{t('optionsTitle')}</h1>
      <ImportSection busy={busy} setBusy={setBusy} onImported={() => void refresh()} />
      <FeedSection busy={busy} setBusy={setBusy} onUpdated={() => void refresh()} />
      <ReachSection summary={summary} busy={busy} />
      <SourcesSection summary={summary} readError={readError} busy={busy} setBusy={setBusy} setSummary={setSummary} />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
