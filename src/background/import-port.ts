/**
 * Imports from the options page over a port, so a large import (the whole ToS;DR export:
 * hundreds of files) can report progress. What an import does is import-files.ts: all the good
 * files land, in one transaction, or none do.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { t } from '../i18n/t';
import type { ImportUpdate } from '../messages/protocol';
import { IMPORT_PORT } from '../messages/protocol';
import { importStartSchema } from '../messages/schemas';
import { senderKind } from './dispatcher';
import { importFiles } from './import-files';
import { database } from './records-db';
import { warmSearchSoon } from './records-changed';

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
  const outcome = await importFiles(database, start.data.files, (progress) => post({ type: 'progress', progress }));
  post(outcome.ok ? { type: 'done', report: outcome.report } : { type: 'error', error: outcome.error, problem: outcome.problem });
  // After the answer, so the import's completion is not delayed: the first search is then ready.
  if (outcome.ok && outcome.report.imported.length > 0) warmSearchSoon();
}
