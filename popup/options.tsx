/**
 * Options: import records, the records feed, and what is cached (remove a source, restore the
 * bundled records). Every outcome is said in a status line.
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
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    request({ type: 'options/summary' })
      .then((next) => {
        setSummary(next);
        setReadError('');
      })
      .catch((e: Error) => setReadError(t('recordsReadFailed', e.message)));
  useEffect(() => void refresh(), []);

  const act = async (done: string, run: () => Promise<CacheSummary>) => {
    setBusy(true);
    try {
      setSummary(await run());
      setStatus(done);
    } catch (e) {
      setStatus(t('optionsActionFailed', (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1 class="brand">{t('optionsTitle')}</h1>
      <ImportSection busy={busy} setBusy={setBusy} onImported={() => void refresh()} />
      <FeedSection busy={busy} setBusy={setBusy} onUpdated={() => void refresh()} />
      <ReachSection summary={summary} busy={busy} />
      <SourcesSection
        summary={summary}
        readError={readError}
        busy={busy}
        onRemove={(row) => void act(t('optionsRemoved', row.name), () => request({ type: 'options/remove-packs', packIds: row.packIds }))}
        onRestore={() => void act(t('optionsRestored'), () => request({ type: 'options/restore-bundled' }))}
      />
      <p role="status" class="status" id="sources-status">
        {status}
      </p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
