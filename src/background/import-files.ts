/**
 * An import of the files a user picked, all or nothing: every file is parsed and validated
 * first (a bad file is named in the report and changes nothing), then the good ones are written
 * in one transaction, so a failure while storing keeps none of them and says so. The import
 * port (import-port.ts) only carries the files in and the progress and outcome out.
 */
import { t } from '../i18n/t';
import type { ImportProgress, ImportReport, Problem } from '../messages/protocol';
import { parseImportFile } from '../records/import';
import type { Pack } from '../records/schema';
import type { Database } from '../store/db';
import { replacePacks } from '../store/write';
import { describeError, storageProblem } from './storage-errors';

export interface PickedFile {
  name: string;
  text: string;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: string; problem: Problem };

/** Progress is sent at most this often (and always at the end of each phase). */
const PROGRESS_EVERY_MS = 100;

/**
 * Refuses a write that cannot fit in what the browser has left for the extension, before it
 * starts: Firefox, reaching its quota inside a transaction, was seen keeping part of it and then
 * refusing even deletions (test/e2e/storage-limits.test.ts). The files' size is a lower bound
 * of what their records take once stored (indexes and copies come on top).
 */
async function ensureRoom(bytes: number): Promise<void> {
  let left = Infinity;
  try {
    const { quota, usage } = await navigator.storage.estimate();
    if (quota !== undefined && usage !== undefined) left = quota - usage;
  } catch {
    // No estimate: let the write itself find out.
  }
  if (bytes >= left) throw new DOMException(`${bytes} bytes to store, ${left} left`, 'QuotaExceededError');
}

/**
 * Checks every file, then stores the good ones in one write. `openDatabase` is called only
 * once there is something to store; a failure to open it fails the import like a failed write.
 */
export async function importFiles(
  openDatabase: () => Promise<Database>,
  files: readonly PickedFile[],
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  let lastSent = 0;
  const progress = (update: ImportProgress) => {
    if (update.done < update.total && Date.now() - lastSent < PROGRESS_EVERY_MS) return;
    lastSent = Date.now();
    onProgress(update);
  };

  const report: ImportReport = { imported: [], failed: [] };
  const good: { file: string; pack: Pack; skipped: number; bytes: number }[] = [];
  for (const [i, file] of files.entries()) {
    const parsed = parseImportFile(file.name, file.text);
    if (parsed.ok) good.push({ file: file.name, pack: parsed.pack, skipped: parsed.skipped, bytes: file.text.length });
    else report.failed.push({ file: file.name, error: parsed.error, problem: parsed.problem });
    progress({ phase: 'checking', done: i + 1, total: files.length });
  }
  if (good.length === 0) return { ok: true, report };

  try {
    await ensureRoom(good.reduce((sum, g) => sum + g.bytes, 0));
    const metas = await replacePacks(
      await openDatabase(),
      good.map((g) => g.pack),
      { onPackWritten: (written) => progress({ phase: 'writing', done: written, total: good.length }) },
    );
    metas.forEach((meta, i) => {
      report.imported.push({ file: good[i]!.file, packId: meta.packId, ...meta.counts, skipped: good[i]!.skipped });
    });
    return { ok: true, report };
  } catch (error) {
    return { ok: false, error: t('importStoringFailed', describeError(error)), problem: storageProblem(error) };
  }
}
