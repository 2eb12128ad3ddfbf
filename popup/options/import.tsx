/** "Import records": Termlight packs or ToS;DR exports, many files at once, with progress. */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { IMPORT_PORT, type ImportProgress, type ImportReport, type ImportStart, type ImportUpdate } from '../../src/messages/protocol';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The sentence the status line shows after an import. */
export function describeImport(report: ImportReport, seconds?: number): string {
  const parts: string[] = [];
  if (report.imported.length) {
    const sum = (k: 'platforms' | 'documents' | 'records') => report.imported.reduce((n, i) => n + i[k], 0);
    const skipped = report.imported.reduce((n, i) => n + i.skipped, 0);
    parts.push(
      `Imported ${plural(report.imported.length, 'file')}: ${plural(sum('platforms'), 'platform')}, ` +
        `${plural(sum('documents'), 'document')}, ${plural(sum('records'), 'record')}` +
        (skipped ? ` (${plural(skipped, 'point')} without a quote skipped)` : '') +
        (seconds !== undefined ? ` in ${seconds.toFixed(1)} s` : '') +
        '.',
    );
  }
  if (report.failed.length) {
    parts.push(
      `${plural(report.failed.length, 'file')} not imported, nothing from ${report.failed.length === 1 ? 'it' : 'them'} was changed: ` +
        report.failed.map((f) => f.error).join(' · '),
    );
  }
  return parts.join(' ') || 'No files were chosen.';
}

/** Sends the files to the background over a port and reports its progress. */
function importOverPort(files: ImportStart['files'], onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: IMPORT_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      const update = message as ImportUpdate;
      if (update.type === 'progress') onProgress(update.progress);
      else {
        settled = true;
        port.disconnect();
        if (update.type === 'done') resolve(update.report);
        else reject(new Error(update.error));
      }
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new Error('the background stopped before the import finished'));
    });
    port.postMessage({ type: 'start', files } satisfies ImportStart);
  });
}

export function ImportSection(props: { busy: boolean; setBusy: (b: boolean) => void; onImported: () => void }) {
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    props.setBusy(true);
    const started = performance.now();
    setStatus(`Reading ${plural(files.length, 'file')}…`);
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      const report = await importOverPort(payload, (p) => {
        setProgress(p);
        setStatus(`${p.phase === 'checking' ? 'Checking' : 'Storing'} ${p.done.toLocaleString('en')} of ${plural(p.total, 'file')}…`);
      });
      setStatus(describeImport(report, (performance.now() - started) / 1000));
      props.onImported();
    } catch (e) {
      setStatus(`Import failed: ${(e as Error).message}`);
    } finally {
      setProgress(null);
      props.setBusy(false);
      input.value = '';
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p>
        Add records from Termlight packs or ToS;DR service exports (<code>api/1/service/&lt;name&gt;.json</code>); choose
        one file or hundreds. A file that is not valid changes nothing.
      </p>
      <label class="file">
        Import records
        <input
          type="file"
          accept=".json,application/json"
          multiple
          disabled={props.busy}
          onChange={(e) => void importFiles(e.currentTarget)}
        />
      </label>
      {progress && (
        <progress max={progress.total} value={progress.done} aria-label={`Import progress: ${progress.phase}`}>
          {progress.done} of {progress.total}
        </progress>
      )}
      <p role="status" class="status" aria-live="polite" id="import-status">
        {status}
      </p>
    </section>
  );
}
