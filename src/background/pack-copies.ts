/**
 * Undo for "Remove" on the options page: a removed source's packs are read back whole before
 * they go, handed to the page (which keeps them while it offers Undo: a background may be
 * stopped at any time, a page the reader looks at is not), and stored again from there.
 */
import type { RemovedPack } from '../messages/protocol';
import { parsePack, type Pack } from '../records/schema';
import { PACK_SCHEMA_VERSION } from '../records/taxonomy';
import type { Database, PackMeta } from '../store/db';
import { replacePacks } from '../store/write';

/** The packs as they are stored, each rebuilt as the pack that was written (the store's own keys left out). */
export async function copyPacks(db: Database, packIds: readonly string[]): Promise<RemovedPack[]> {
  const packs: RemovedPack[] = [];
  for (const packId of packIds) {
    const meta = await db.get('packs', packId);
    if (!meta) continue;
    const [platforms, documents, records] = await Promise.all([
      db.getAllFromIndex('platforms', 'packId', packId),
      db.getAllFromIndex('documents', 'packId', packId),
      db.getAllFromIndex('records', 'packId', packId),
    ]);
    const pack: Pack = {
      schemaVersion: PACK_SCHEMA_VERSION,
      packId,
      packVersion: meta.packVersion,
      publishedAt: meta.publishedAt,
      source: meta.source,
      platforms: platforms.map(({ key: _key, packId: _pack, ...platform }) => platform),
      documents: documents.map(({ key: _key, packId: _pack, platformKey: _platform, hosts: _hosts, ...doc }) => doc),
      records: records.map(({ key: _key, packId: _pack, documentKey: _doc, platformId: _platform, ...record }) => record),
    };
    packs.push({ storedAt: meta.storedAt, pack });
  }
  return packs;
}

/**
 * Stores removed packs again, as they were: each is validated in full first (they come back
 * from a page), then written with the time it was first stored, one write per such time (an
 * import's packs share one). Throws, storing nothing, if any pack is not valid.
 */
export async function restorePacks(db: Database, removed: readonly RemovedPack[]): Promise<PackMeta[]> {
  const byTime = new Map<string, Pack[]>();
  for (const { storedAt, pack } of removed) {
    const parsed = parsePack(pack);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const at = Number.isNaN(Date.parse(storedAt)) ? new Date().toISOString() : storedAt;
    byTime.set(at, [...(byTime.get(at) ?? []), parsed.pack]);
  }
  const metas: PackMeta[] = [];
  for (const [at, group] of byTime) metas.push(...(await replacePacks(db, group, { now: new Date(at) })));
  return metas;
}
