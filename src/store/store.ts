/**
 * The validated store: the only code that reads or writes the records database.
 * Callers hand it packs that already passed the schema; it answers the questions the
 * content script and the popup ask.
 */
import type { Pack, PackSource } from '../records/schema';
import { CATEGORIES, severityRank, type Category, type Severity } from '../records/taxonomy';
import { lookupHosts, patternHost, urlMatchesAny } from '../records/url-pattern';
import type { IDBPTransaction } from 'idb';
import {
  rowKey,
  type Database,
  type TermlightDB,
  type PackMeta,
  type StoredDocument,
  type StoredPlatform,
  type StoredRecord,
} from './db';

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

/**
 * Writes a pack, replacing every row a previous copy of the same pack left, in one
 * transaction: a failure part-way leaves the old copy whole.
 */
export async function replacePack(db: Database, pack: Pack, now = new Date()): Promise<PackMeta> {
  const [meta] = await replacePacks(db, [pack], now);
  return meta!;
}

/**
 * Writes several packs in one transaction (an import of hundreds of files is one write, and
 * all or nothing of it lands). Each replaces its own previous copy.
 */
export async function replacePacks(db: Database, packs: readonly Pack[], now = new Date()): Promise<PackMeta[]> {
  const metas = packs.map((pack) => packMeta(pack, now));
  try {
    await writeAll(db, async (tx, queue) => {
      for (const [i, pack] of packs.entries()) {
        await deletePackRows(tx, pack.packId, queue);
        putPackRows(tx, pack, metas[i]!, queue);
      }
    });
  } catch (error) {
    await removeOrphans(db).catch(() => 0); // best effort: the write's own error is the one to report
    throw error;
  }
  markChanged();
  return metas;
}

const ROW_STORES = ['platforms', 'documents', 'records'] as const;

/**
 * Deletes platform, document and record rows whose pack has no meta row: they belong to no
 * source. A failed write is rolled back whole by IndexedDB, yet Firefox, reaching its storage
 * quota inside an import's transaction, was seen keeping some of its records
 * (test/e2e/storage-limits.test.ts); this undoes that, after any failed write and on opening.
 * When the stores hold exactly the rows the packs count (the usual case) it only counts them,
 * read-only. Returns how many rows went.
 */
export async function removeOrphans(db: Database, packs?: readonly PackMeta[]): Promise<number> {
  const metas = packs ?? (await listPacks(db));
  const counted = (name: (typeof ROW_STORES)[number]) => metas.reduce((sum, m) => sum + m.counts[name], 0);
  const stored = await Promise.all(ROW_STORES.map((name) => db.count(name)));
  if (ROW_STORES.every((name, i) => stored[i] === counted(name))) return 0;

  const packIds = new Set(metas.map((m) => m.packId));
  let removed = 0;
  await writeAll(db, async (tx, queue) => {
    const orphans = new Set<string>();
    for (const name of ROW_STORES) {
      const index = tx.objectStore(name).index('packId');
      for (let cursor = await index.openKeyCursor(null, 'nextunique'); cursor; cursor = await cursor.continue()) {
        if (!packIds.has(cursor.key)) orphans.add(cursor.key);
      }
    }
    for (const packId of orphans) removed += await deletePackRows(tx, packId, queue);
  });
  if (removed > 0) markChanged();
  return removed;
}

function packMeta(pack: Pack, now: Date): PackMeta {
  return {
    packId: pack.packId,
    packVersion: pack.packVersion,
    publishedAt: pack.publishedAt,
    source: pack.source,
    storedAt: now.toISOString(),
    counts: {
      platforms: pack.platforms.length,
      documents: pack.documents.length,
      records: pack.records.length,
    },
  };
}

function putPackRows(tx: WriteTx, pack: Pack, meta: PackMeta, queue: Queue): void {
  const { packId } = pack;
  const platformKeys = new Map(pack.platforms.map((p) => [p.id, rowKey(packId, p.id)]));
  const platformOf = new Map(pack.documents.map((d) => [d.id, d.platformId]));
  for (const platform of pack.platforms) {
    queue(tx.objectStore('platforms').put({ ...platform, key: rowKey(packId, platform.id), packId }));
  }
  for (const doc of pack.documents) {
    queue(
      tx.objectStore('documents').put({
        ...doc,
        key: rowKey(packId, doc.id),
        packId,
        platformKey: platformKeys.get(doc.platformId)!,
        hosts: [...new Set(doc.urlPatterns.map(patternHost))],
      }),
    );
  }
  for (const record of pack.records) {
    queue(
      tx.objectStore('records').put({
        ...record,
        key: rowKey(packId, record.id),
        packId,
        documentKey: rowKey(packId, record.documentId),
        platformId: platformOf.get(record.documentId)!,
      }),
    );
  }
  queue(tx.objectStore('packs').put(meta));
}

/**
 * Bumped on every write, so caches derived from the store (search rows, comparisons) know
 * when to rebuild. Per background instance: a restarted worker starts with empty caches.
 */
let generation = 0;
function markChanged(): void {
  generation++;
}

type WriteTx = IDBPTransaction<TermlightDB, ('packs' | 'platforms' | 'documents' | 'records')[], 'readwrite'>;
type Queue = (request: Promise<unknown>) => void;

/**
 * Runs writes in one readwrite transaction over every store. Requests are queued, not awaited
 * one by one (that would be slow); if anything throws, the transaction is aborted, so either
 * all of it is written or none.
 */
async function writeAll(db: Database, write: (tx: WriteTx, queue: Queue) => Promise<void>): Promise<void> {
  const tx = db.transaction(['packs', 'platforms', 'documents', 'records'], 'readwrite');
  const pending: Promise<unknown>[] = [tx.done];
  const queue: Queue = (request) => {
    request.catch(() => undefined); // observed below; this only keeps an early abort from going unhandled
    pending.push(request);
  };
  try {
    await write(tx, queue);
    await Promise.all(pending);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted: nothing left to undo.
    }
    await Promise.allSettled(pending);
    throw error;
  }
}

/** Queues the deletion of one pack's platform, document and record rows; returns how many. */
async function deletePackRows(tx: WriteTx, packId: string, queue: Queue): Promise<number> {
  let count = 0;
  for (const name of ROW_STORES) {
    const keys = await tx.objectStore(name).index('packId').getAllKeys(packId);
    for (const key of keys) queue(tx.objectStore(name).delete(key));
    count += keys.length;
  }
  return count;
}

/** Removes one source's rows, leaving every other pack as it was. */
export async function removePack(db: Database, packId: string): Promise<boolean> {
  return (await removePacks(db, [packId])) > 0;
}

/** Removes several sources in one transaction; returns how many existed. */
export async function removePacks(db: Database, packIds: readonly string[]): Promise<number> {
  let existed = 0;
  await writeAll(db, async (tx, queue) => {
    for (const packId of packIds) {
      if ((await tx.objectStore('packs').getKey(packId)) !== undefined) existed++;
      await deletePackRows(tx, packId, queue);
      queue(tx.objectStore('packs').delete(packId));
    }
  });
  markChanged();
  return existed;
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

export async function getRecords(db: Database, keys: readonly string[]): Promise<StoredRecord[]> {
  const rows = await Promise.all(keys.map((key) => db.get('records', key)));
  return rows.filter((row): row is StoredRecord => row !== undefined);
}

/** Worst first; ties keep the document's order. */
export function bySeverity<T extends { severity: Severity }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export interface ComparisonEntry {
  platformId: string;
  platformName: string;
  recordKey: string;
  title: string;
  severity: Severity;
  excerpt: string;
}

export interface CategoryComparison {
  category: Category;
  label: string;
  /** Distinct platforms with a record in this category, this record's platform included. */
  platformsWith: number;
  /** Distinct platforms in the whole store. */
  totalPlatforms: number;
  /** The other platforms' worst record in this category, worst first. */
  others: ComparisonEntry[];
}

const EXCERPT_LENGTH = 240;
const excerpt = (quote: string) =>
  quote.length <= EXCERPT_LENGTH ? quote : `${quote.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;

/**
 * Values derived from the whole store, kept until the next write (see markChanged), so a
 * popup over thousands of imported records opens without re-reading them all.
 */
const derivedByDb = new WeakMap<Database, Map<string, { generation: number; value: Promise<unknown> }>>();
function cached<T>(db: Database, key: string, build: () => Promise<T>): Promise<T> {
  let derived = derivedByDb.get(db);
  if (!derived) derivedByDb.set(db, (derived = new Map()));
  const hit = derived.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = build();
  derived.set(key, { generation, value });
  value.catch(() => derived.delete(key));
  return value;
}

export function platformNames(db: Database): Promise<Map<string, string>> {
  return cached(db, 'platformNames', async () => {
    const names = new Map<string, string>();
    for (const platform of await db.getAll('platforms')) {
      if (!names.has(platform.id)) names.set(platform.id, platform.name);
    }
    return names;
  });
}

/** Per platform, its worst record in a category. */
function worstByPlatform(db: Database, category: Category): Promise<Map<string, StoredRecord>> {
  return cached(db, `category:${category}`, async () => {
    const worst = new Map<string, StoredRecord>();
    for (const row of bySeverity(await db.getAllFromIndex('records', 'categories', category))) {
      if (!worst.has(row.platformId)) worst.set(row.platformId, row);
    }
    return worst;
  });
}

/** "Found in N of M platforms", per category of the record, with the others' excerpts. */
export async function compareRecord(
  db: Database,
  record: StoredRecord,
  names?: Map<string, string>,
): Promise<CategoryComparison[]> {
  const platforms = names ?? (await platformNames(db));
  const result: CategoryComparison[] = [];
  for (const category of record.categories) {
    const worst = await worstByPlatform(db, category);
    const others = bySeverity([...worst.values()].filter((row) => row.platformId !== record.platformId)).map(
      (row) => ({
        platformId: row.platformId,
        platformName: platforms.get(row.platformId) ?? row.platformId,
        recordKey: row.key,
        title: row.title,
        severity: row.severity,
        excerpt: excerpt(row.quote.exact),
      }),
    );
    result.push({
      category,
      label: CATEGORIES[category],
      platformsWith: others.length + 1,
      totalPlatforms: platforms.size,
      others,
    });
  }
  return result;
}

export type SearchHit =
  | { kind: 'platform'; platformId: string; name: string; domains: string[]; documents: number }
  | {
      kind: 'record';
      recordKey: string;
      platformName: string;
      documentTitle: string;
      documentUrl: string;
      title: string;
      severity: Severity;
      excerpt: string;
      /** Whose analysis it is, when it is not ours (imported records keep their credit). */
      credit?: string;
    };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface SearchRow {
  haystack: string;
  hit: SearchHit;
}

/** Every searchable row with its folded text: platforms first, then records worst first. */
function searchRows(db: Database): Promise<SearchRow[]> {
  return cached(db, 'searchRows', async () => {
    const [platforms, documents, records] = await Promise.all([
      db.getAll('platforms'),
      db.getAll('documents'),
      db.getAll('records'),
    ]);
    const names = new Map(platforms.map((p) => [p.id, p.name]));
    const docs = new Map(documents.map((d) => [d.key, d]));
    const docCount = new Map<string, number>();
    for (const d of documents) docCount.set(d.platformId, (docCount.get(d.platformId) ?? 0) + 1);
    // Fix: one row per platform id, but searchable by every source's name and domains for it
    // (before, a second source's name or domain for the same platform found nothing).
    const platformText = new Map<string, string>();
    for (const p of platforms) {
      platformText.set(p.id, `${platformText.get(p.id) ?? ''} ${p.name} ${p.domains.join(' ')}`);
    }
    const rows: SearchRow[] = [];
    const seen = new Set<string>();
    for (const platform of platforms) {
      if (seen.has(platform.id)) continue;
      seen.add(platform.id);
      rows.push({
        haystack: fold(platformText.get(platform.id)!),
        hit: {
          kind: 'platform',
          platformId: platform.id,
          name: platform.name,
          domains: platform.domains,
          documents: docCount.get(platform.id) ?? 0,
        },
      });
    }
    for (const record of bySeverity(records)) {
      const doc = docs.get(record.documentKey);
      const platformName = names.get(record.platformId) ?? record.platformId;
      rows.push({
        haystack: fold(`${platformName} ${doc?.title ?? ''} ${record.title} ${record.quote.exact}`),
        hit: {
          kind: 'record',
          recordKey: record.key,
          platformName,
          documentTitle: doc?.title ?? '',
          documentUrl: doc?.url ?? '',
          title: record.title,
          severity: record.severity,
          excerpt: excerpt(record.quote.exact),
          ...(record.provenance.attribution
            ? { credit: `${record.provenance.attribution}${record.provenance.licence ? `, ${record.provenance.licence}` : ''}` }
            : {}),
        },
      });
    }
    return rows;
  });
}

/**
 * Offline search over platform names and domains, document titles, record titles and quotes.
 * Every word of the query must appear; platforms first, then records worst first.
 */
export async function search(db: Database, query: string, limit = 50): Promise<SearchHit[]> {
  const words = fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const row of await searchRows(db)) {
    if (!words.every((w) => row.haystack.includes(w))) continue;
    hits.push(row.hit);
    if (hits.length >= limit) break;
  }
  return hits;
}
