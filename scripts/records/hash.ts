/**
 * `hash <saved-page>... [--selector <css>]`: the document fingerprint the extension computes
 * (documentHash: SHA-256 of the normalised rendered text), for a saved copy.
 */
import { documentHash, hashableText } from '../../src/anchoring/document-hash';
import { loadSavedPage } from './page';
import type { Io } from './io';

export async function fingerprint(io: Io, file: string, selector?: string): Promise<{ sha256: string; length: number }> {
  const page = await loadSavedPage(io, file, selector);
  try {
    return { sha256: await documentHash(page.root), length: hashableText(page.root).length };
  } finally {
    await page.close();
  }
}

export async function hash(io: Io, files: string[], selector?: string): Promise<number> {
  for (const file of files) {
    const { sha256, length } = await fingerprint(io, file, selector);
    io.stdout(`${sha256}  ${file}  (${length.toLocaleString('en')} characters of normalised text${selector ? `, selector "${selector}"` : ''})`);
  }
  return 0;
}
