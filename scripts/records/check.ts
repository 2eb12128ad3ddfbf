/**
 * `check <pack.json|bundled> <documentId>=<saved-file>... [--corpus <dir>] [--selector <css>]`:
 * anchors every record of each named document in a saved copy of it, as the extension does on
 * the live page, and reports how each quote was found (or that it was not). Like the content
 * script, it reads the whole page's text for anchoring (hidden elements left out) and only the
 * document's content region (`contentSelector`, or `--selector`) for the fingerprint.
 *
 * `--corpus <dir>` (the shared corpus) names the saved copies itself: a document whose `url` is
 * the first address Open Terms Archive fetched a current version from (ota/documents.json) is
 * checked against that version.
 */
import path from 'node:path';
import { createIndex, extractText, matchQuote, type QuoteMatch } from '../../src/anchoring';
import { pageFingerprint } from '../../src/anchoring/document-hash';
import { isHidden } from '../../src/anchoring/visibility';
import type { Pack, PolicyDocument } from '../../src/records/schema';
import { CliError, loadPack, plural, readJson, type Io } from './io';
import { describeRegion, loadSavedPage, requireMatch } from './page';

export interface CheckOptions {
  corpus?: string;
  /** The content region to fingerprint instead of each document's `contentSelector`. */
  selector?: string;
}

interface Tally {
  exact: number;
  normalized: number;
  fuzzy: number;
  missing: number;
}

const emptyTally = (): Tally => ({ exact: 0, normalized: 0, fuzzy: 0, missing: 0 });
const describeTally = (t: Tally) => `${t.exact} exact, ${t.normalized} normalized, ${t.fuzzy} fuzzy, ${t.missing} NOT FOUND`;

function outcome(match: QuoteMatch | null): string {
  if (!match) return 'NOT FOUND';
  if (match.method === 'fuzzy') return `found fuzzy ${match.score.toFixed(2)}`;
  return `found ${match.method}`;
}

/** Current OTA versions in the corpus, by the first address they were fetched from. */
export async function corpusCopies(io: Io, corpus: string): Promise<Map<string, string>> {
  const indexFile = path.join(corpus, 'ota', 'documents.json');
  let entries: unknown;
  try {
    entries = await readJson(io, indexFile);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    throw new CliError(`${corpus} does not look like the shared corpus: ${error.message}`);
  }
  if (!Array.isArray(entries)) throw new CliError(`${indexFile} is not a list of documents.`);
  const byUrl = new Map<string, string>();
  for (const entry of entries as { role?: unknown; file?: unknown; fetch_urls?: unknown }[]) {
    const url = Array.isArray(entry?.fetch_urls) ? (entry.fetch_urls[0] as unknown) : undefined;
    if (entry?.role === 'current' && typeof url === 'string' && typeof entry.file === 'string' && !byUrl.has(url)) {
      byUrl.set(url, path.join(corpus, entry.file));
    }
  }
  return byUrl;
}

function documentById(pack: Pack, id: string, packArg: string): PolicyDocument {
  const doc = pack.documents.find((d) => d.id === id);
  if (doc) return doc;
  const known = pack.documents.map((d) => d.id);
  const list = known.length > 12 ? `${known.slice(0, 12).join(', ')}, …` : known.join(', ');
  throw new CliError(`${packArg} has no document "${id}". Its documents: ${list || 'none'}.`);
}

export async function check(io: Io, packArg: string, pairs: string[], options: CheckOptions): Promise<number> {
  const pack = await loadPack(io, packArg);

  const copies = new Map<string, string>();
  const notes: string[] = [];
  if (options.corpus) {
    const byUrl = await corpusCopies(io, options.corpus);
    for (const doc of pack.documents) {
      const file = doc.url ? byUrl.get(doc.url) : undefined;
      if (file) copies.set(doc.id, file);
    }
  }
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new CliError(`"${pair}" is not <documentId>=<saved-file>.`, 2);
    }
    copies.set(documentById(pack, pair.slice(0, at), packArg).id, pair.slice(at + 1));
  }
  if (options.corpus) {
    for (const doc of pack.documents) {
      if (copies.has(doc.id)) continue;
      notes.push(
        `${doc.id}: no current copy of ${doc.url ?? '(no address)'} in the corpus; skipped ` +
          `(check it with ${doc.id}=<saved-file>).`,
      );
    }
  }
  if (copies.size === 0) throw new CliError(`No document of ${packArg} to check: none has a saved copy.`);

  const total = emptyTally();
  let documents = 0;
  for (const doc of pack.documents) {
    const file = copies.get(doc.id);
    if (!file) continue;
    documents++;
    const records = pack.records.filter((r) => r.documentId === doc.id);
    io.stdout(`${doc.id} (${doc.title}) in ${file}`);
    const page = await loadSavedPage(io, file);
    try {
      if (options.selector) requireMatch(page.document, options.selector, file);
      // The content script anchors in the whole body (content/session.ts), the region being
      // only what the fingerprint covers.
      const text = extractText(page.document.body, { isHidden }).text;
      const index = createIndex(text);
      const tally = emptyTally();
      for (const record of records) {
        const match = matchQuote(text, record.quote, index);
        if (!match) tally.missing++;
        else tally[match.method]++;
        io.stdout(`  ${outcome(match).padEnd(18)} ${record.title}`);
      }
      if (doc.sha256) {
        const selector = options.selector ?? doc.contentSelector;
        const { sha256 } = await pageFingerprint(page.document, selector);
        const region = describeRegion(page.document, selector);
        io.stdout(
          sha256 === doc.sha256
            ? `  hash: same as when last verified (${region})`
            : `  hash: ${sha256}, not the recorded ${doc.sha256}: the text changed since ${doc.lastVerified ?? 'it was recorded'} (${region})`,
        );
      }
      io.stdout(records.length ? `  ${plural(records.length, 'record')}: ${describeTally(tally)}` : '  no records');
      for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += tally[key];
    } finally {
      await page.close();
    }
  }

  for (const note of notes) io.stdout(`Note: ${note}`);
  const count = total.exact + total.normalized + total.fuzzy + total.missing;
  io.stdout(`Total: ${plural(documents, 'document')}, ${plural(count, 'record')}: ${describeTally(total)}`);
  return total.missing > 0 ? 1 : 0;
}
