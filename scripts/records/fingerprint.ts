/**
 * `fingerprint-bundled --corpus <dir> [--date YYYY-MM-DD]`: records, in the bundled fragments,
 * each document's verified fingerprint (the SHA-256 the extension computes over the page's
 * content region), its content selector (from Open Terms Archive's declaration), and, where
 * the corpus holds an older version, a history entry with that version's fingerprint and how
 * many words changed since. A maintainer runs it after verifying the records against the texts.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprintText, pageFingerprint } from '../../src/anchoring/document-hash';
import { normalizeText } from '../../src/anchoring/normalize';
import { corpusCopies } from './check';
import { type Io, plural } from './io';
import { loadSavedPage } from './page';

interface CorpusEntry {
  role: string;
  file: string;
  service: string;
  terms_type: string;
  recorded_at: string;
  fetch_urls?: string[];
  /** A selector, a list of selectors, or range objects (startBefore/endBefore…) we do not use. */
  select?: string | (string | Record<string, string>)[];
}

/** OTA's `select` as one CSS selector list, when it is made of plain selectors only. */
function selectorOf(select: CorpusEntry['select']): string | undefined {
  const list = typeof select === 'string' ? [select] : (select ?? []);
  return list.length && list.every((s) => typeof s === 'string') ? list.join(', ') : undefined;
}

const BUNDLED_DIR = fileURLToPath(new URL('../../src/records/bundled/', import.meta.url));

/** Words added and removed between two texts, counted as multisets (order ignored). */
function wordChanges(before: string, after: string): { added: number; removed: number } {
  const count = (text: string) => {
    const counts = new Map<string, number>();
    for (const w of normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  };
  const a = count(before);
  const b = count(after);
  let added = 0;
  let removed = 0;
  for (const [w, n] of b) added += Math.max(0, n - (a.get(w) ?? 0));
  for (const [w, n] of a) removed += Math.max(0, n - (b.get(w) ?? 0));
  return { added, removed };
}

/** The fingerprint the extension would take of `file` with `selector`, and the text it covers. */
async function fingerprintOf(io: Io, file: string, selector: string | undefined): Promise<{ sha256: string; text: string }> {
  const page = await loadSavedPage(io, file);
  try {
    const { sha256 } = await pageFingerprint(page.document, selector);
    return { sha256, text: fingerprintText(page.document, selector) };
  } finally {
    await page.close();
  }
}

export async function fingerprintBundled(io: Io, corpus: string, date: string): Promise<number> {
  const byUrl = await corpusCopies(io, corpus);
  const entries = JSON.parse(await readFile(path.join(corpus, 'ota', 'documents.json'), 'utf8')) as CorpusEntry[];
  let updated = 0;
  for (const file of (await readdir(BUNDLED_DIR)).filter((f) => f.endsWith('.json')).sort()) {
    const fragmentPath = path.join(BUNDLED_DIR, file);
    const fragment = JSON.parse(await readFile(fragmentPath, 'utf8')) as {
      documents: { id: string; url?: string; sha256?: string; lastVerified?: string; contentSelector?: string; history?: unknown[] }[];
    };
    for (const doc of fragment.documents) {
      const current = doc.url ? byUrl.get(doc.url) : undefined;
      if (!current) {
        io.stdout(`skip    ${doc.id}: no corpus copy of ${doc.url ?? '(no address)'}`);
        continue;
      }
      const entry = entries.find((e) => e.role === 'current' && path.join(corpus, e.file) === current)!;
      const selector = selectorOf(entry.select);
      const now = await fingerprintOf(io, current, selector);
      doc.sha256 = now.sha256;
      doc.lastVerified = date;
      if (selector) doc.contentSelector = selector;
      else delete doc.contentSelector;
      const snapshot = entries.find((e) => e.role.startsWith('snapshot') && e.service === entry.service && e.terms_type === entry.terms_type);
      if (snapshot) {
        const then = await fingerprintOf(io, path.join(corpus, snapshot.file), selector);
        const { added, removed } = wordChanges(then.text, now.text);
        doc.history = [
          {
            date: snapshot.recorded_at.slice(0, 10),
            sha256: then.sha256,
            summary: `An earlier version (recorded by Open Terms Archive). Since then: ${plural(added, 'word')} added, ${removed} removed.`,
          },
          { date: entry.recorded_at.slice(0, 10), sha256: now.sha256, summary: 'The version these records were verified against.' },
        ];
      } else {
        doc.history = [{ date: entry.recorded_at.slice(0, 10), sha256: now.sha256, summary: 'The version these records were verified against.' }];
      }
      updated++;
      io.stdout(`ok      ${doc.id}: ${now.sha256.slice(0, 16)}…${snapshot ? ' (with an earlier version)' : ''}`);
    }
    await writeFile(fragmentPath, `${JSON.stringify(fragment, null, 2)}\n`);
  }
  io.stdout(`Fingerprinted ${plural(updated, 'document')}.`);
  return 0;
}
