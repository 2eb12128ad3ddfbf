import { describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase } from '../../test/helpers/store';
import { t } from '../../src/i18n/t';
import { convertTosdrService } from '../../src/records/tosdr';
import { listPacks } from '../../src/store/lookup';
import { replacePack } from '../../src/store/write';
import { sourceRows } from './source-rows';

/** A one-point ToS;DR service export whose point was submitted at `ms` (or undated). */
const tosdrExport = (ms?: number) => ({
  links: { Terms: { name: 'Terms', url: 'https://svc.example/terms' } },
  pointsData: {
    '1': {
      id: '1',
      title: 'A point',
      quoteDoc: 'Terms',
      quoteText: 'A quoted clause.',
      tosdr: { case: 'Something', point: 'neutral' },
      ...(ms === undefined ? {} : { subbmittedTimestamp: ms }),
    },
  },
});

/** The options page's row for ToS;DR after importing these exports (as the import port stores them). */
async function tosdrRow(...exports: { file: string; json: unknown }[]) {
  const db = await freshDatabase();
  await replacePack(db, pack('bundled', ['acme'], [{ id: 'a1', documentId: 'acme.terms' }]));
  for (const { file, json } of exports) {
    const converted = convertTosdrService(json, file, '2026-11-21');
    if (!converted.ok) throw new Error(converted.errors.join('; '));
    await replacePack(db, converted.pack);
  }
  const rows = sourceRows(await listPacks(db));
  db.close();
  return rows.find((row) => row.key === 'tosdr')!;
}

describe('sources: the ToS;DR row', () => {
  it('shows the date the imported data holds: two exports with different dates show different dates', async () => {
    const older = await tosdrRow({ file: 'svc.json', json: tosdrExport(Date.UTC(2017, 5, 23)) });
    const newer = await tosdrRow({ file: 'svc.json', json: tosdrExport(Date.UTC(2018, 0, 4)) });
    expect(older.version).toBe('latest date in the data: Jun 23, 2017');
    expect(newer.version).toBe('latest date in the data: Jan 4, 2018');
  });

  it('shows the latest date of all the services imported, and says so when none has one', async () => {
    const both = await tosdrRow(
      { file: 'one.json', json: tosdrExport(Date.UTC(2018, 0, 4)) },
      { file: 'two.json', json: tosdrExport() },
      { file: 'three.json', json: tosdrExport(Date.UTC(2017, 5, 23)) },
    );
    expect(both.version).toBe('latest date in the data: Jan 4, 2018');
    expect(both.packIds).toHaveLength(3);
    expect((await tosdrRow({ file: 'two.json', json: tosdrExport() })).version).toBe(t('sourcesTosdrUndated'));
  });
});
