/**
 * Imports from the options page over a port, so a large import (the whole ToS;DR export:
 * hundreds of files) can report progress. Every file is parsed and validated first; the good
 * ones are then written in batches of whole files, each batch one transaction. A bad file
 * changes nothing; it is named in the report with what was wrong.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { plural, t } from '../i18n/t';
import type { ImportReport, ImportUpdate } from '../messages/protocol';
import { IMPORT_PORT } from '../messages/protocol';
import { importStartSchema } from '../messages/validate';
import { parseImportFile } from '../records/import';
import type { Pack } from '../records/schema';
import { replacePacks } from '../store/store';
import { senderKind } from './dispatcher';
import { database } from './records-db';
import { describeError } from './storage-errors';

const WRITE_BATCH = 100;

export function listenForImports(): void {
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== IMPORT_PORT || !port.sender || senderKind(port.sender) !== 'extension-page') {
      port.disconnect();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      void runImport(port, message);
    });
  });
}

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

async function runImport(port: Runtime.Port, message: unknown): Promise<void> {
  const post = (update: ImportUpdate) => {
    try {
      port.postMessage(update);
    } catch {
      // The options page was closed: the import still completes.
    }
  };
  const start = importStartSchema.safeParse(message);
  if (!start.success) {
    post({ type: 'error', error: t('importNotARequest') });
    return;
  }
  const { files } = start.data;
  const report: ImportReport = { imported: [], failed: [] };
  const good: { file: string; pack: Pack; skipped: number; bytes: number }[] = [];
  let lastPost = 0;
  for (const [i, file] of files.entries()) {
    const parsed = parseImportFile(file.name, file.text);
    if (parsed.ok) good.push({ file: file.name, pack: parsed.pack, skipped: parsed.skipped, bytes: file.text.length });
    else report.failed.push({ file: file.name, error: parsed.error });
    if (Date.now() - lastPost > 100 || i === files.length - 1) {
      lastPost = Date.now();
      post({ type: 'progress', progress: { phase: 'checking', done: i + 1, total: files.length } });
    }
  }
  try {
    const db = await database();
    for (let i = 0; i < good.length; i += WRITE_BATCH) {
      const batch = good.slice(i, i + WRITE_BATCH);
      await ensureRoom(batch.reduce((sum, g) => sum + g.bytes, 0));
      const metas = await replacePacks(db, batch.map((g) => g.pack));
      metas.forEach((meta, j) => {
        report.imported.push({ file: batch[j]!.file, packId: meta.packId, ...meta.counts, skipped: batch[j]!.skipped });
      });
      post({ type: 'progress', progress: { phase: 'writing', done: Math.min(i + WRITE_BATCH, good.length), total: good.length } });
    }
    post({ type: 'done', report });
  } catch (error) {
    const imported = report.imported.length;
    post({
      type: 'error',
      error: plural(imported, 'importStoringFailedOne', 'importStoringFailedMany', imported, describeError(error)),
    });
  }
}
