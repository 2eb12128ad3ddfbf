import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import type { Pack } from '../records/schema';
import { openDatabase, type Database } from './db';
import { compareRecord, listPacks, recordsForUrl, removeOrphans, removePack, replacePack, search } from './store';

let db: Database;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory(); // a fresh, empty database per test
  db = await openDatabase();
});

const twoPlatforms = (): Pack =>
  pack(
    'main',
    ['acme', 'globex'],
    [
      { id: 'a1', documentId: 'acme.terms', severity: 'low', categories: ['retention'], title: 'Acme keeps data' },
      { id: 'a2', documentId: 'acme.terms', severity: 'critical', categories: ['arbitration'], title: 'Acme arbitration' },
      { id: 'g1', documentId: 'globex.terms', severity: 'high', categories: ['retention'], title: 'Globex keeps data forever' },
    ],
  );

describe('store', () => {
  it('answers the records of the page a URL names, and none for other pages', async () => {
    await replacePack(db, twoPlatforms());
    const page = await recordsForUrl(db, 'https://www.acme.example/legal/terms#part-2');
    expect(page.documents.map((d) => d.document.id)).toEqual(['acme.terms']);
    expect(page.documents[0]!.platform.name).toBe('ACME');
    expect(page.records.map((r) => r.id).sort()).toEqual(['a1', 'a2']);
    expect((await recordsForUrl(db, 'https://www.acme.example/about')).records).toEqual([]);
    expect((await recordsForUrl(db, 'not a url')).records).toEqual([]);
  });

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
    expect(await removePack(db, 'main')).toBe(true);
    expect(await db.count('records')).toBe(1);
    expect(await db.count('documents')).toBe(1);
    expect((await listPacks(db)).map((p) => p.packId)).toEqual(['other']);
  });

  it('compares a record with other platforms sharing its category: N of M, worst excerpt first', async () => {
    await replacePack(db, twoPlatforms());
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms', categories: ['tracking'] }]));
    const [a1] = (await recordsForUrl(db, 'https://www.acme.example/legal/terms')).records.filter((r) => r.id === 'a1');
    const comparison = await compareRecord(db, a1!);
    expect(comparison).toHaveLength(1);
    expect(comparison[0]).toMatchObject({ category: 'retention', platformsWith: 2, totalPlatforms: 3 });
    expect(comparison[0]!.others.map((o) => [o.platformName, o.severity, o.title])).toEqual([
      ['GLOBEX', 'high', 'Globex keeps data forever'],
    ]);
  });

  it('counts one platform once even when two sources describe it', async () => {
    await replacePack(db, pack('one', ['acme'], [{ id: 'x', documentId: 'acme.terms' }]));
    await replacePack(db, pack('two', ['acme'], [{ id: 'y', documentId: 'acme.terms' }]));
    const [x] = (await recordsForUrl(db, 'https://www.acme.example/legal/terms')).records;
    const [comparison] = await compareRecord(db, x!);
    expect(comparison).toMatchObject({ platformsWith: 1, totalPlatforms: 1, others: [] });
  });

  it('searches platforms, titles and quotes offline, every word required, accents ignored', async () => {
    await replacePack(db, twoPlatforms());
    const byName = await search(db, 'globex');
    expect(byName[0]).toMatchObject({ kind: 'platform', name: 'GLOBEX', documents: 1 });
    expect(byName.some((h) => h.kind === 'record' && h.title === 'Globex keeps data forever')).toBe(true);
    const byQuote = await search(db, 'QUOTED clause A2');
    expect(byQuote.map((h) => (h.kind === 'record' ? h.title : h.name))).toEqual(['Acme arbitration']);
    expect(await search(db, 'arbitrátion')).toHaveLength(1);
    expect(await search(db, '   ')).toEqual([]);
    expect(await search(db, 'nothing like this')).toEqual([]);
  });
});
