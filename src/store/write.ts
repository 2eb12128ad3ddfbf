/**
 * Every write to the records database. A pack is written whole or not at all: each call is one
 * readwrite transaction, aborted on any failure, and rows a browser kept of a failed write
 * anyway are removed (removeOrphans).
 */
import type { IDBPTransaction } from 'idb';
import type { Pack } from '../records/schema';
import { patternHost } from '../records/url-pattern';
import { markChanged } from './cache';
import { rowKey, type Database, type PackMeta, type TermlightDB } from './db';
import { listPacks } from './lookup';

export interface WriteOptions {
  /** When the copy is stored (PackMeta.storedAt). */
  now?: Date;
  /**
   * Called as each pack's rows land inside the transaction, with how many have: the progress
   * of a large import. Nothing is committed before the last one.
   */
  onPackWritten?: (written: number) => void;
}

/**
 * Writes a pack, replacing every row a previous copy of the same pack left, in one
 * transaction: a failure part-way leaves the old copy whole.
 */
export async function replacePack(db: Database, pack: Pack, options?: WriteOptions): Promise<PackMeta> {
  const [meta] = await replacePacks(db, [pack], options);
  return meta!;
}

/**
 * Writes several packs in one transaction, each replacing its own previous copy: an import of
 * hundreds of files lands whole, or none of it does.
 */
export async function replacePacks(
  db: Database,
  packs: readonly Pack[],
  { now = new Date(), onPackWritten }: WriteOptions = {},
): Promise<PackMeta[]> {
  const metas = packs.map((pack) => packMeta(pack, now));
  let written = 0;
  try {
    await writeAll(db, async (tx, queue) => {
      for (const [i, pack] of packs.entries()) {
        await deletePackRows(tx, pack.packId, queue);
        putPackRows(tx, pack, queue);
        // The meta row goes last, so its success means the whole pack's rows are in.
        queue(tx.objectStore('packs').put(metas[i]!).then(() => onPackWritten?.(++written)));
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

/** Removes these sources in one transaction, leaving every other pack as it was; returns how many existed. */
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

type WriteTx = IDBPTransaction<TermlightDB, ('packs' | 'platforms' | 'documents' | 'records')[], 'readwrite'>;
type Queue = (request: Promise<unknown>) => void;

/** Queues the platform, document and record rows of a pack (its meta row is the caller's). */
function putPackRows(tx: WriteTx, pack: Pack, queue: Queue): void {
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
}

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
