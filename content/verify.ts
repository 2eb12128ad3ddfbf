/**
 * Fingerprints the page, in idle time, for each document that has a verified fingerprint, so
 * the background can tell whether the page still reads as the version the records describe.
 */
import { pageFingerprint } from '../src/anchoring/document-hash';
import type { PageLookup } from '../src/messages/protocol';
import { request } from './messaging';

const idle = () =>
  new Promise<void>((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2000 });
    else setTimeout(resolve, 50);
  });

export async function sendFingerprints(lookup: PageLookup, url: string): Promise<void> {
  const documents = lookup.documents.filter((d) => d.verify);
  if (documents.length === 0) return;
  await idle();
  const started = performance.now();
  const bySelector = new Map<string, { sha256: string; textLength: number }>();
  const fingerprints = [];
  for (const doc of documents) {
    const selector = doc.contentSelector ?? '';
    let result = bySelector.get(selector);
    if (!result) {
      result = await pageFingerprint(document, doc.contentSelector);
      bySelector.set(selector, result);
    }
    fingerprints.push({ documentKey: doc.key, ...result });
  }
  if (location.href.split('#')[0] !== url.split('#')[0]) return; // left the page meanwhile
  await request({ type: 'page/fingerprints', url, ms: performance.now() - started, fingerprints });
}
