import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import type { Database } from './db';
import { bySeverity, excerpt, getDocuments, getRecords, recordsForUrl } from './lookup';
import { replacePack } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

describe('lookup', () => {
  it('answers the records of the page a URL names, and none for other pages', async () => {
    await replacePack(db, twoPlatforms());
    const page = await recordsForUrl(db, 'https://www.acme.example/legal/terms#part-2');
    expect(page.documents.map((d) => d.document.id)).toEqual(['acme.terms']);
    expect(page.documents[0]!.platform.name).toBe('ACME');
    expect(page.records.map((r) => r.id).sort()).toEqual(['a1', 'a2']);
    expect((await recordsForUrl(db, 'https://www.acme.example/about')).records).toEqual([]);
    expect((await recordsForUrl(db, 'not a url')).records).toEqual([]);
  });

  it('gets records by key in the order asked, leaving out keys no longer stored', async () => {
    await replacePack(db, twoPlatforms());
    expect((await getRecords(db, ['main|g1', 'main|gone', 'main|a1'])).map((r) => r.id)).toEqual(['g1', 'a1']);
    expect(await getRecords(db, [])).toEqual([]);
  });

  it('gets documents by key, each once, leaving out keys no longer stored', async () => {
    await replacePack(db, twoPlatforms());
    const docs = await getDocuments(db, ['main|acme.terms', 'main|gone', 'main|acme.terms', 'main|globex.terms']);
    expect([...docs.keys()]).toEqual(['main|acme.terms', 'main|globex.terms']);
    expect(docs.get('main|globex.terms')).toEqual(await db.get('documents', 'main|globex.terms'));
  });

  it('orders worst first, keeping the order of equals', () => {
    const items = [
      { id: 1, severity: 'low' },
      { id: 2, severity: 'critical' },
      { id: 3, severity: 'positive' },
      { id: 4, severity: 'low' },
    ] as const;
    expect(bySeverity(items).map((i) => i.id)).toEqual([2, 1, 4, 3]);
  });

  it('cuts a long quote to 240 characters ending in "…", and keeps a short one whole', () => {
    expect(excerpt('Short clause.')).toBe('Short clause.');
    const cut = excerpt('word '.repeat(100));
    expect(cut.length).toBeLessThanOrEqual(240);
    expect(cut.endsWith('word…')).toBe(true);
  });
});
