import { describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase } from '../../test/helpers/store';
import type { Database } from '../store/db';
import { listPacks } from '../store/lookup';
import { removePacks, replacePacks } from '../store/write';
import { copyPacks, restorePacks } from './pack-copies';

/** Every row of every store, to compare the store before and after. */
async function everything(db: Database) {
  const [packs, platforms, documents, records] = await Promise.all([
    db.getAll('packs'),
    db.getAll('platforms'),
    db.getAll('documents'),
    db.getAll('records'),
  ]);
  return { packs, platforms, documents, records };
}

describe('undo of a removal (pack copies)', () => {
  it('removing sources, then storing their copies again, gives back exactly the same store', async () => {
    const db = await freshDatabase();
    const a = { ...pack('a', ['acme', 'beta'], [{ id: 'a1', documentId: 'acme.terms', notes: ['n'] }, { id: 'a2', documentId: 'beta.terms', severity: 'high' }]) };
    a.documents[0] = { ...a.documents[0]!, lastUpdated: '2026-10-01', sha256: 'f'.repeat(64) };
    await replacePacks(db, [a, pack('b', ['gamma'], [{ id: 'b1', documentId: 'gamma.terms' }])], { now: new Date('2026-11-02T10:00:00Z') });
    await replacePacks(db, [pack('c', ['delta'], [{ id: 'c1', documentId: 'delta.terms' }])], { now: new Date('2026-11-03T10:00:00Z') });
    const before = await everything(db);

    const copies = await copyPacks(db, ['a', 'c', 'not-there']);
    expect(copies.map((c) => c.storedAt)).toEqual(['2026-11-02T10:00:00.000Z', '2026-11-03T10:00:00.000Z']);
    await removePacks(db, ['a', 'c']);
    expect((await listPacks(db)).map((p) => p.packId)).toEqual(['b']);

    // As the page sends them back: through structured cloning.
    await restorePacks(db, structuredClone(copies));
    expect(await everything(db)).toEqual(before);
    db.close();
  });

  it('refuses a copy that is not a valid pack, storing none of them', async () => {
    const db = await freshDatabase();
    const good = { storedAt: '2026-11-02T10:00:00.000Z', pack: pack('a', ['acme'], [{ id: 'a1', documentId: 'acme.terms' }]) };
    await expect(restorePacks(db, [good, { storedAt: good.storedAt, pack: { ...good.pack, packId: 'b', records: 'nope' } }])).rejects.toThrow(/records/);
    expect(await listPacks(db)).toEqual([]);
    db.close();
  });
});
