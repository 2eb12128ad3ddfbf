import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK_ID } from '../records/bundled';
import type { PackMeta } from '../store/db';
import { recordSource } from './record-source';

const meta = (over: Partial<PackMeta>): PackMeta => ({
  packId: 'tosdr.spotify',
  packVersion: 'tosdr-data-undated',
  publishedAt: '2026-11-21',
  source: { kind: 'tosdr', name: 'ToS;DR: Spotify', attribution: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' },
  storedAt: '2026-11-21T10:00:00.000Z',
  counts: { platforms: 1, documents: 2, records: 12 },
  ...over,
});

describe("a record's source, from its pack", () => {
  it('ToS;DR data is dated by the latest date its export holds, never by the day it was converted', () => {
    expect(recordSource(meta({}))).toEqual({ kind: 'tosdr', name: 'ToS;DR: Spotify', credit: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' });
    expect(recordSource(meta({ packVersion: 'tosdr-data-2018-01-04', publishedAt: '2018-01-04' }))?.dataDate).toBe('2018-01-04');
  });

  it("Termlight's own records have no source line; a pack that only calls itself bundled is shown as imported", () => {
    const bundled = { kind: 'bundled' as const, name: 'Termlight records' };
    expect(recordSource(meta({ packId: BUNDLED_PACK_ID, source: bundled }))).toBeUndefined();
    expect(recordSource(meta({ packId: 'someone-else', source: bundled }))).toEqual({
      kind: 'import',
      name: 'Termlight records',
      dataDate: '2026-11-21',
    });
  });

  it('a feed or an imported pack is dated by the date it gives', () => {
    expect(recordSource(meta({ packId: 'acme', source: { kind: 'feed', name: 'Acme' }, publishedAt: '2026-01-05' }))).toEqual({
      kind: 'feed',
      name: 'Acme',
      dataDate: '2026-01-05',
    });
  });
});
