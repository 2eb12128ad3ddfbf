/** "Import records": Termlight packs or ToS;DR exports, many files at once, with progress. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { count } from '../../src/i18n/count';
import { plural, t, tParts, type MessageKey } from '../../src/i18n/t';
import { IMPORT_PORT, type ImportProgress, type ImportReport, type ImportStart } from '../../src/messages/protocol';
import { parseImportUpdate } from '../../src/messages/validate';

/** The sentence the status line shows after an import. */
export function describeImport(report: ImportReport, seconds?: number): string {
  const parts: string[] = [];
  if (report.imported.length) {
    const sum = (k: 'platforms' | 'documents' | 'records') => report.imported.reduce((n, i) => n + i[k], 0);
    const skipped = report.imported.reduce((n, i) => n + i.skipped, 0);
    const counts = [
      count(report.imported.length, 'nFilesOne', 'nFilesMany'),
      count(sum('platforms'), 'nPlatformsOne', 'nPlatformsMany'),
      count(sum('documents'), 'nDocumentsOne', 'nDocumentsMany'),
      count(sum('records'), 'nRecordsOne', 'nRecordsMany'),
    ];
    const time = seconds === undefined ? [] : [seconds.toFixed(1)];
    parts.push(
      skipped
        ? t(time.length ? 'importedSummarySkippedTime' : 'importedSummarySkipped', ...counts, count(skipped, 'importSkippedOne', 'importSkippedMany'), ...time)
        : t(time.length ? 'importedSummaryTime' : 'importedSummary', ...counts, ...time),
    );
  }
  if (report.failed.length) {
    const errors = report.failed.map((f) => f.error).join(' · ');
    parts.push(
      plural(report.failed.length, 'importFailedFilesOne', 'importFailedFilesMany', report.failed.length.toLocaleString('en'), errors),
    );
  }
  return parts.join(' ') || t('importNoFiles');
}

/** Sends the files to the background over a port and reports its progress. */
function importOverPort(files: ImportStart['files'], onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: IMPORT_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      const update = parseImportUpdate(message) ?? ({ type: 'error', error: t('importUnexpectedUpdate') } as const);
      if (update.type === 'progress') onProgress(update.progress);
      else {
        settled = true;
        port.disconnect();
        if (update.type === 'done') resolve(update.report);
        else reject(new Error(update.error));
      }
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new Error(t('importBackgroundStopped')));
    });
    port.postMessage({ type: 'start', files } satisfies ImportStart);
  });
}

const PROGRESS_CHECKING = ['importCheckingOne', 'importCheckingMany'] as const satisfies readonly MessageKey[];
const PROGRESS_STORING = ['importStoringOne', 'importStoringMany'] as const satisfies readonly MessageKey[];

export function ImportSection(props: { busy: boolean; setBusy: (b: boolean) => void; onImported: () => void }) {
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    props.setBusy(true);
    const started = performance.now();
    setStatus(count(files.length, 'importReadingOne', 'importReadingMany'));
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const report = await importOverPort(payload, (p) => {
        setProgress(p);
        const [one, many] = p.phase === 'checking' ? PROGRESS_CHECKING : PROGRESS_STORING;
        setStatus(plural(p.total, one, many, p.done.toLocaleString('en'), p.total.toLocaleString('en')));
      });
      setStatus(describeImport(report, (performance.now() - started) / 1000));
      props.onImported();
    } catch (e) {
      setStatus(t('importFailed', (e as Error).message));
    } finally {
      setProgress(null);
      props.setBusy(false);
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importHeading')}</h2>
      <p>{tParts('importIntro', <code>api/1/service/&lt;name&gt;.json</code>)}</p>
      <label class="file">
        {t('importLabel')}
        <input
          type="file"
          accept=".json,application/json"
          multiple
          disabled={props.busy}
          onChange={(e) => void importFiles(e.currentTarget)}
        />
      </label>
      {progress && (
        <progress max={progress.total} value={progress.done} aria-label={t(progress.phase === 'checking' ? 'importProgressChecking' : 'importProgressWriting')}>
          {t('importProgressOf', progress.done, progress.total)}
        </progress>
      )}
      <p role="status" class="status" aria-live="polite" id="import-status">
        {status}
      </p>
    </section>
  );
}
