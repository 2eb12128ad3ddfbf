/**
 * `hash <saved-page>... [--selector <css>]`: the document fingerprint the extension computes
 * (pageFingerprint: SHA-256 of the normalised rendered text of the content region, hidden
 * elements left out), for a saved copy.
 */
import { pageFingerprint } from '../../src/anchoring/document-hash';
import type { Io } from './io';
import { loadSavedPage, requireMatch } from './page';

export async function fingerprint(io: Io, file: string, selector?: string): Promise<{ sha256: string; textLength: number }> {
  const page = await loadSavedPage(io, file);
  try {
    if (selector) requireMatch(page.document, selector, file);
    return await pageFingerprint(page.document, selector);
  } finally {
    await page.close();
  }
}

export async function hash(io: Io, files: string[], selector?: string): Promise<number> {
  for (const file of files) {
    const { sha256, textLength } = await fingerprint(io, file, selector);
    io.stdout(`${sha256}  ${file}  (${textLength.toLocaleString('en')} characters of normalised text${selector ? `, selector "${selector}"` : ''})`);
  }
  return 0;
}
