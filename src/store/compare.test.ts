import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import { bundledPackJson } from '../records/bundled';
import { parsePack } from '../records/schema';
import { CATEGORIES, SEVERITIES, type Category } from '../records/taxonomy';
import { compareRecord, platformNames } from './compare';
import type { Database, StoredRecord } from './db';
import { bySeverity, excerpt, recordsForUrl } from './lookup';
import { replacePack } from './write';

/**
 * The comparison as first written, one category at a time from the store's category index (each
 * category read once per call of a test, `read`, as the store does not change within it): what
 * the one-read tables must keep answering, entry for entry and in the same order.
 */
async function referenceComparison(db: Database, record: StoredRecord, read = new Map<Category, StoredRecord[]>()) {
  const names = await platformNames(db);
  const result = [];
  for (const category of record.categories) {
    if (!read.has(category)) read.set(category, await db.getAllFromIndex('records', 'categories', category));
    const worst = new Map<string, StoredRecord>();
    for (const row of bySeverity(read.get(category)!)) {
      if (!worst.has(row.platformId)) worst.set(row.platformId, row);
    }
    const others = bySeverity([...worst.values()].filter((row) => row.platformId !== record.platformId)).map((row) => ({
      platformId: row.platformId,
      platformName: names.get(row.platformId) ?? row.platformId,
      recordKey: row.key,
      title: row.title,
      severity: row.severity,
      excerpt: excerpt(row.quote.exact),
    }));
    result.push({ category, label: CATEGORIES[category], platformsWith: others.length + 1, totalPlatforms: names.size, others });
  }
  return result;
}

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

  it('gives every bundled record the same comparison as the per-category reading, and its first N when limited', async () => {
    const bundled = parsePack(bundledPackJson('test'));
    if (!bundled.ok) throw new Error(bundled.errors.join('; '));
    await replacePack(db, bundled.pack);
    await replacePack(db, twoPlatforms());
    const records = await db.getAll('records');
    expect(records.length).toBeGreaterThan(400);
    const read = new Map<Category, StoredRecord[]>();
    for (const record of records) {
      const expected = await referenceComparison(db, record, read);
      expect(await compareRecord(db, record)).toEqual(expected);
      expect(await compareRecord(db, record, { limit: 5 })).toEqual(expected.map((c) => ({ ...c, others: c.others.slice(0, 5) })));
    }
  }, 60_000);

  it('matches the per-category reading on any mix of platforms, sources, severities and categories', async () => {
    const category = fc.constantFrom(...(Object.keys(CATEGORIES) as Category[]).slice(0, 4));
    const row = fc.record({
      platform: fc.constantFrom('acme', 'globex', 'initech', 'umbrella'),
      severity: fc.constantFrom(...SEVERITIES),
      categories: fc.array(category, { minLength: 1, maxLength: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 6 }), { minLength: 1, maxLength: 3 }), async (packs) => {
        const fresh = await freshDatabase();
        for (const [p, rows] of packs.entries()) {
          const platforms = [...new Set(rows.map((r) => r.platform))];
          await replacePack(
            fresh,
            pack(`p${p}`, platforms.length ? platforms : ['acme'], rows.map((r, i) => ({ id: `r${i}`, documentId: `${r.platform}.terms`, severity: r.severity, categories: r.categories }))),
          );
        }
        for (const record of await fresh.getAll('records')) {
          expect(await compareRecord(fresh, record)).toEqual(await referenceComparison(fresh, record));
        }
        fresh.close();
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
