/**
 * Reads the questions the content script and the popup ask of the store: which sources are
 * stored, the documents and records of a page, records by key.
 */
import type { PackSource } from '../records/schema';
import { severityRank, type Severity } from '../records/taxonomy';
import { lookupHosts, urlMatchesAny } from '../records/url-pattern';
import type { Database, PackMeta, StoredDocument, StoredPlatform, StoredRecord } from './db';

/** A document as the UI shows it: with its platform and where its records came from. */
export interface DocumentView {
  document: StoredDocument;
  platform: StoredPlatform;
  source: PackSource;
}

export interface PageRecords {
  documents: DocumentView[];
  records: StoredRecord[];
}

export async function listPacks(db: Database): Promise<PackMeta[]> {
  return db.getAll('packs');
}

async function documentView(db: Database, document: StoredDocument): Promise<DocumentView | null> {
  const [platform, pack] = await Promise.all([
    db.get('platforms', document.platformKey),
    db.get('packs', document.packId),
  ]);
  return platform && pack ? { document, platform, source: pack.source } : null;
}

/** The documents whose URL patterns name this page, and all their records. */
export async function recordsForUrl(db: Database, address: string): Promise<PageRecords> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { documents: [], records: [] };
  }
  const candidates = new Map<string, StoredDocument>();
  for (const host of lookupHosts(url)) {
    for (const doc of await db.getAllFromIndex('documents', 'hosts', host)) candidates.set(doc.key, doc);
  }
  const documents: DocumentView[] = [];
  const records: StoredRecord[] = [];
  for (const doc of candidates.values()) {
    if (!urlMatchesAny(doc.urlPatterns, url)) continue;
    const view = await documentView(db, doc);
    if (!view) continue;
    documents.push(view);
    records.push(...(await recordsForDocument(db, doc.key)));
  }
  return { documents, records };
}

export async function recordsForDocument(db: Database, documentKey: string): Promise<StoredRecord[]> {
  return db.getAllFromIndex('records', 'documentKey', documentKey);
}

/**
 * The records stored under these keys, in that order; keys no longer stored are left out. One
 * transaction for all of them (a page's fifty records were fifty transactions).
 */
export async function getRecords(db: Database, keys: readonly string[]): Promise<StoredRecord[]> {
  if (keys.length === 0) return [];
  const store = db.transaction('records').store;
  const rows = await Promise.all(keys.map((key) => store.get(key)));
  return rows.filter((row): row is StoredRecord => row !== undefined);
}

/** The documents stored under these keys, read in one transaction: key → document (absent when gone). */
export async function getDocuments(db: Database, keys: Iterable<string>): Promise<Map<string, StoredDocument>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const store = db.transaction('documents').store;
  const rows = await Promise.all(unique.map((key) => store.get(key)));
  return new Map(rows.flatMap((row) => (row ? [[row.key, row] as const] : [])));
}

/** Worst first; ties keep the document's order. */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** A quote short enough for a list (comparisons, the site view, search hits): cut at `length` characters with "…". */
export const excerpt = (quote: string, length = 240): string =>
  quote.length <= length ? quote : `${quote.slice(0, length - 1).trimEnd()}…`;
