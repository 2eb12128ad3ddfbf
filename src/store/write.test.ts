import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import type { Database } from './db';
import { listPacks, recordsForUrl } from './lookup';
import { removeOrphans, removePacks, replacePack, replacePacks } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

describe('writing packs', () => {
  it('replaces a whole pack: rows the new copy lacks are gone, other packs stay', async () => {
    await replacePack(db, twoPlatforms());
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms' }]));
    await replacePack(db, pack('main', ['acme'], [{ id: 'a9', documentId: 'acme.terms' }], '2'));
    expect(await db.count('records')).toBe(2);
    expect((await recordsForUrl(db, 'https://www.globex.example/legal/terms')).records).toEqual([]);
    expect((await recordsForUrl(db, 'https://www.initech.example/legal/terms')).records).toHaveLength(1);
    const packs = await listPacks(db);
    expect(packs.find((p) => p.packId === 'main')?.packVersion).toBe('2');
  });

  it('keeps the old copy whole when writing the new one fails part-way', async () => {
    await replacePack(db, twoPlatforms());
    const broken = twoPlatforms();
    broken.packVersion = '2';
    // A value IndexedDB cannot store makes the put throw after the deletes were queued.
    (broken.records[2] as unknown as { notes: unknown }).notes = [() => 'not cloneable'];
    await expect(replacePack(db, broken)).rejects.toThrow();
    expect(await db.count('records')).toBe(3);
    expect((await listPacks(db))[0]!.packVersion).toBe('1');
  });

  it('reports each pack as it lands, in order; a later failure still leaves none of them', async () => {
    const packs = ['p1', 'p2', 'p3'].map((id) => pack(id, [`${id}x`], [{ id: 'r', documentId: `${id}x.terms` }]));
    const seen: number[] = [];
    await replacePacks(db, packs, { onPackWritten: (written) => seen.push(written) });
    expect(seen).toEqual([1, 2, 3]);

    const next = ['q1', 'q2', 'q3'].map((id) => pack(id, [`${id}x`], [{ id: 'r', documentId: `${id}x.terms` }]));
    (next[2]!.records[0] as unknown as { notes: unknown }).notes = [() => 'not cloneable'];
    const progress: number[] = [];
    await expect(replacePacks(db, next, { onPackWritten: (written) => progress.push(written) })).rejects.toThrow();
    expect(progress).toEqual([1, 2]);
    expect((await listPacks(db)).map((p) => p.packId).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(await db.count('records')).toBe(3);
  });

  it('removes rows left without their pack (what Firefox kept of a write that hit the quota), and nothing else', async () => {
    await replacePack(db, twoPlatforms());
    // A half-kept import: records of a pack whose meta, platform and document rows never landed.
    await db.put('records', { ...(await db.get('records', 'main|a1'))!, key: 'big|r0', packId: 'big', documentKey: 'big|doc' });
    await db.put('records', { ...(await db.get('records', 'main|a1'))!, key: 'big|r1', packId: 'big', documentKey: 'big|doc' });
    await db.put('platforms', { ...(await db.get('platforms', 'main|acme'))!, key: 'big|p', packId: 'big' });
    expect(await db.count('records')).toBe(5);

    expect(await removeOrphans(db)).toBe(3);
    expect(await db.count('records')).toBe(3);
    expect(await db.count('platforms')).toBe(2);
    expect((await recordsForUrl(db, 'https://www.acme.example/legal/terms')).records).toHaveLength(2);
    expect(await removeOrphans(db)).toBe(0);
  });

  it('removes one source and nothing else', async () => {
    await replacePack(db, twoPlatforms());
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms' }]));
    expect(await removePacks(db, ['main', 'never-stored'])).toBe(1);
    expect(await db.count('records')).toBe(1);
    expect(await db.count('documents')).toBe(1);
    expect((await listPacks(db)).map((p) => p.packId)).toEqual(['other']);
  });
});
