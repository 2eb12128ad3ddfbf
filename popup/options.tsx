/**
 * Options: import records (Termlight packs or ToS;DR service exports), see what is cached,
 * restore the bundled records. Every outcome is said in the status line.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CacheSummary, ImportReport } from '../src/messages/protocol';
import { request } from './api';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The sentence the status line shows after an import. */
export function describeImport(report: ImportReport): string {
  const parts: string[] = [];
  if (report.imported.length) {
    const sum = (k: 'platforms' | 'documents' | 'records') => report.imported.reduce((n, i) => n + i[k], 0);
    const skipped = report.imported.reduce((n, i) => n + i.skipped, 0);
    parts.push(
      `Imported ${plural(report.imported.length, 'file')}: ${plural(sum('platforms'), 'platform')}, ` +
        `${plural(sum('documents'), 'document')}, ${plural(sum('records'), 'record')}` +
        (skipped ? ` (${plural(skipped, 'point')} without a quote skipped)` : '') +
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

function Options() {
  const [summary, setSummary] = useState<CacheSummary | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    request({ type: 'options/summary' })
      .then(setSummary)
      .catch((e: Error) => setStatus(`Could not read the records: ${e.message}`));
  useEffect(() => void refresh(), []);

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setStatus(`Reading ${plural(files.length, 'file')}…`);
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      setStatus(`Checking and importing ${plural(files.length, 'file')}…`);
      const report = await request({ type: 'options/import', files: payload });
      setStatus(describeImport(report));
      await refresh();
    } catch (e) {
      setStatus(`Import failed, nothing was changed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
      input.value = '';
    }
  };

  const act = async (label: string, run: () => Promise<CacheSummary>) => {
    setBusy(true);
    try {
      setSummary(await run());
      setStatus(label);
    } catch (e) {
      setStatus(`That did not work: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1 class="brand">Termlight: records and settings</h1>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p>
          Add records from Termlight packs or ToS;DR service exports (<code>api/1/service/&lt;name&gt;.json</code>).
          A file that is not valid changes nothing.
        </p>
        <label class="file">
          Import records
          <input
            type="file"
            accept=".json,application/json"
            multiple
            disabled={busy}
            onChange={(e) => void importFiles(e.currentTarget)}
          />
        </label>
        <p role="status" class="status" aria-live="polite">
          {status}
        </p>
      </section>
      <section aria-labelledby="cache-heading">
        <h2 id="cache-heading">What is cached</h2>
        {summary ? (
          <>
            <p id="totals">
              {plural(summary.totals.platforms, 'platform')}, {plural(summary.totals.documents, 'document')},{' '}
              {plural(summary.totals.records, 'record')} in {plural(summary.packs.length, 'source')}.
            </p>
            <table>
              <caption class="visually-hidden">Record sources</caption>
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col">Version</th>
                  <th scope="col">Stored</th>
                  <th scope="col">Records</th>
                  <th scope="col">
                    <span class="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.packs.map((pack) => (
                  <tr key={pack.packId}>
                    <th scope="row">
                      {pack.source.name}
                      {pack.source.licence && <div class="meta">{[pack.source.attribution, pack.source.licence].filter(Boolean).join(', ')}</div>}
                    </th>
                    <td>{pack.packVersion}</td>
                    <td>{new Date(pack.storedAt).toLocaleString()}</td>
                    <td>{pack.counts.records}</td>
                    <td>
                      <button
                        type="button"
                        disabled={busy}
                        aria-label={`Remove ${pack.source.name}`}
                        onClick={() =>
                          void act(`Removed ${pack.source.name}.`, () =>
                            request({ type: 'options/remove-pack', packId: pack.packId }),
                          )
                        }
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p aria-busy="true">Reading the records…</p>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={() => void act('The bundled records were restored.', () => request({ type: 'options/restore-bundled' }))}
        >
          Restore the bundled records
        </button>
      </section>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
