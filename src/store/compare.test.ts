import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import { compareRecord } from './compare';
import type { Database } from './db';
import { recordsForUrl } from './lookup';
import { replacePack } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

describe('compareRecord', () => {
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

  it('answers from the store as it is after a write, not from an older comparison', async () => {
    await replacePack(db, twoPlatforms());
    const [a1] = (await recordsForUrl(db, 'https://www.acme.example/legal/terms')).records.filter((r) => r.id === 'a1');
    expect((await compareRecord(db, a1!))[0]).toMatchObject({ platformsWith: 2, totalPlatforms: 2 });
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms', categories: ['retention'] }]));
    expect((await compareRecord(db, a1!))[0]).toMatchObject({ platformsWith: 3, totalPlatforms: 3 });
  });
});
