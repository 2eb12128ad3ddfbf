/**
 * "Import records": Termlight packs or ToS;DR exports, many files at once. One progress bar
 * from the first file read to the last one stored (progress.ts); what happened is said right
 * under the file picker: what was imported, and each refused file in plain words (plain-errors.ts).
 */
import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { count } from '../../src/i18n/count';
import { plural, t, tParts, type MessageKey } from '../../src/i18n/t';
import { IMPORT_PORT, type ImportProgress, type ImportReport, type ImportStart, type ImportUpdate, type Problem } from '../../src/messages/protocol';
import { parseImportUpdate } from '../../src/messages/validate';
import { plainError } from './plain-errors';
import { backgroundProgress, fileRead, progressBar, startSteps, type ImportSteps, type Phase } from './progress';
import { ErrorNotice, type Failure } from './status';
import { durationWords } from './time-words';

/** Files read from disk at once: enough to keep the disk busy, few enough to report steadily. */
const READ_AT_ONCE = 4;

/** The sentence said after an import that stored something, or null when nothing was. */
export function importedSentence(report: ImportReport, seconds?: number): string | null {
  if (!report.imported.length) return null;
  const sum = (k: 'platforms' | 'documents' | 'records') => report.imported.reduce((n, i) => n + i[k], 0);
  const skipped = report.imported.reduce((n, i) => n + i.skipped, 0);
  const counts = [
    count(report.imported.length, 'nFilesOne', 'nFilesMany'),
    count(sum('platforms'), 'nPlatformsOne', 'nPlatformsMany'),
    count(sum('documents'), 'nDocumentsOne', 'nDocumentsMany'),
    count(sum('records'), 'nRecordsOne', 'nRecordsMany'),
  ];
  if (seconds === undefined) {
    return skipped
      ? t('importedSummarySkipped', ...counts, count(skipped, 'importSkippedOne', 'importSkippedMany'))
      : t('importedSummary', ...counts);
  }
  return skipped
    ? t('importedSummarySkippedTime', ...counts, count(skipped, 'importSkippedOne', 'importSkippedMany'), durationWords(seconds))
    : t('importedSummaryTime', ...counts, durationWords(seconds));
}

/** Each refused file in plain words, its technical message kept for the details. */
export const refusedFiles = (report: ImportReport): Failure[] =>
  report.failed.map((f) => ({ label: f.file, error: plainError(f.problem, 'file', f.error) }));

/** A failed import (nothing stored): the background's error, with its kind when it sent one. */
class ImportFailed extends Error {
  constructor(
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

/** Sends the files to the background over a port and reports its progress. */
function importOverPort(files: ImportStart['files'], onProgress: (p: ImportProgress) => void): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const port = browser.runtime.connect({ name: IMPORT_PORT });
    let settled = false;
    port.onMessage.addListener((message: unknown) => {
      const update: ImportUpdate = parseImportUpdate(message) ?? { type: 'error', error: t('importUnexpectedUpdate') };
      if (update.type === 'progress') onProgress(update.progress);
      else {
        settled = true;
        port.disconnect();
        if (update.type === 'done') resolve(update.report);
        else reject(new ImportFailed(update.error, update.problem));
      }
    });
    port.onDisconnect.addListener(() => {
      if (!settled) reject(new ImportFailed(t('importBackgroundStopped')));
    });
    port.postMessage({ type: 'start', files } satisfies ImportStart);
  });
}

/** Reads the picked files a few at a time, saying after each how many are read. */
async function readFiles(files: readonly File[], onRead: (read: number) => void): Promise<ImportStart['files']> {
  const texts: ImportStart['files'] = new Array<ImportStart['files'][number]>(files.length);
  let next = 0;
  let read = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      const file = files[i]!;
      texts[i] = { name: file.name, text: await file.text() };
      onRead(++read);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, files.length) }, worker));
  return texts;
}

const PHASE_WORDS: Record<Phase, readonly [MessageKey, MessageKey]> = {
  reading: ['importReadingOne', 'importReadingMany'],
  checking: ['importCheckingOne', 'importCheckingMany'],
  storing: ['importStoringOne', 'importStoringMany'],
};

interface Outcome {
  /** What was imported, when anything was. */
  imported: string | null;
  /** Files refused (the rest were imported). */
  refused: Failure[];
  /** The import as a whole failed: nothing was stored. */
  failed: Failure | null;
}

export function ImportSection(props: { busy: boolean; setBusy: (b: boolean) => void; onImported: () => void }) {
  const [steps, setSteps] = useState<ImportSteps | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFiles = async (input: HTMLInputElement) => {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    props.setBusy(true);
    setOutcome(null);
    setSteps(startSteps(files.length));
    const started = performance.now();
    try {
      const payload = await readFiles(files, (read) => setSteps((s) => s && fileRead(s, read)));
      const report = await importOverPort(payload, (p) => setSteps((s) => s && backgroundProgress(s, p)));
      setOutcome({ imported: importedSentence(report, (performance.now() - started) / 1000), refused: refusedFiles(report), failed: null });
      props.onImported();
    } catch (e) {
      const error = e as Error;
      const problem = e instanceof ImportFailed ? e.problem : undefined;
      setOutcome({ imported: null, refused: [], failed: { error: plainError(problem, 'file', error.message) } });
    } finally {
      setSteps(null);
      props.setBusy(false);
      input.value = '';
      // The file input was disabled while the import ran; the reader goes on from it.
      setTimeout(() => input.focus(), 0);
    }
  };

  const bar = steps && progressBar(steps);
  const [one, many] = bar ? PHASE_WORDS[bar.phase] : PHASE_WORDS.reading;
  const progressWords = bar ? plural(bar.total, one, many, bar.done.toLocaleString('en'), bar.total.toLocaleString('en')) : '';

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
      <div id="import-status" class="status-area">
        {bar && (
          <progress id="import-progress" max={bar.max} value={bar.value} aria-label={t('importProgressLabel')} aria-valuetext={progressWords}>
            {progressWords}
          </progress>
        )}
        <p role="status" class={outcome?.imported ? 'status notice-success' : 'status'}>
          {bar ? progressWords : (outcome?.imported ?? '')}
        </p>
        {outcome && outcome.refused.length > 0 && (
          <ErrorNotice
            heading={plural(outcome.refused.length, 'importRefusedOne', 'importRefusedMany', outcome.refused.length.toLocaleString('en'))}
            failures={outcome.refused}
          />
        )}
        {outcome?.failed && <ErrorNotice heading={t('importFailedHeading')} failures={[outcome.failed]} />}
      </div>
    </section>
  );
}
