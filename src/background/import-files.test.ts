import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase } from '../../test/helpers/store';
import { t } from '../i18n/t';
import type { ImportProgress } from '../messages/protocol';
import type { Pack } from '../records/schema';
import type { Database } from '../store/db';
import { listPacks } from '../store/lookup';
import { replacePack } from '../store/write';
import { importFiles, type PickedFile } from './import-files';

/** More files than any batch an import was ever split into (it used to commit 100 at a time). */
const FILES = 150;
const id = (i: number) => `file-${String(i).padStart(3, '0')}`;
const packFile = (i: number, version = '1'): PickedFile => ({
  name: `${id(i)}.json`,
  text: JSON.stringify(pack(id(i), [`p${i}`], [{ id: 'r1', documentId: `p${i}.terms` }, { id: 'r2', documentId: `p${i}.terms` }], version)),
});
const manyFiles = () => Array.from({ length: FILES }, (_, i) => packFile(i, '2'));

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
  // What the store held before: another source, and an older copy of one of the import's files.
  await replacePack(db, pack('bundled', ['acme'], [{ id: 'a1', documentId: 'acme.terms' }]));
  await replacePack(db, JSON.parse(packFile(7, '1').text) as Pack);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function contents() {
  return {
    packs: await db.getAll('packs'),
    platforms: await db.getAll('platforms'),
    documents: await db.getAll('documents'),
    records: await db.getAll('records'),
  };
}

describe('importFiles', () => {
  it(`stores all ${FILES} good files, names the bad one, and shows progress while writing`, async () => {
    const files = manyFiles();
    files.splice(3, 0, { name: 'broken.json', text: '{"schemaVersion":1' });
    const progress: ImportProgress[] = [];
    const outcome = await importFiles(async () => db, files, (p) => progress.push(p));

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.report.imported).toHaveLength(FILES);
    expect(outcome.report.failed.map((f) => f.file)).toEqual(['broken.json']);
    expect((await listPacks(db)).map((m) => m.packId).sort()).toEqual(['bundled', ...Array.from({ length: FILES }, (_, i) => id(i))]);
    expect(await db.count('records')).toBe(1 + 2 * FILES);
    expect((await db.get('packs', id(7)))!.packVersion).toBe('2');
    // The bar moves through both phases and ends full.
    expect(progress.filter((p) => p.phase === 'checking').at(-1)).toEqual({ phase: 'checking', done: FILES + 1, total: FILES + 1 });
    const writing = progress.filter((p) => p.phase === 'writing');
    expect(writing.at(-1)).toEqual({ phase: 'writing', done: FILES, total: FILES });
    expect(writing.map((p) => p.done)).toEqual([...writing.map((p) => p.done)].sort((a, b) => a - b));
  });

  it(`a write that fails at file ${FILES - 10} of ${FILES} leaves the store exactly as before, and says nothing was imported`, async () => {
    const before = await contents();
    const failing = id(FILES - 10);
    // The browser refusing one file's rows, late in the import (as a full quota does).
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
    const put = IDBObjectStore.prototype.put;
    const written = new Set<string>();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const { packId } = value as { packId: string };
      if (packId === failing) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      written.add(packId);
      return put.call(this, value, key);
    });
    const outcome = await importFiles(async () => db, manyFiles(), () => undefined);

    expect(outcome).toEqual({ ok: false, error: t('importStoringFailed', t('errorStorageFull')), problem: { kind: 'storage', full: true } });
    expect(outcome.ok || outcome.error).toMatch(/Nothing was imported/);
    // Well over a hundred files had gone in before the failure: all of them were undone with it.
    expect(written.size).toBe(FILES - 10);
    vi.restoreAllMocks();
    expect(await contents()).toEqual(before);
    expect((await listPacks(db)).map((m) => m.packId).sort()).toEqual(['bundled', id(7)]);
  });

  it('refuses the whole import up front when all of it does not fit, though any hundred files would', async () => {
    const files = manyFiles();
    const total = files.reduce((n, f) => n + f.text.length, 0);
    vi.stubGlobal('navigator', { storage: { estimate: () => Promise.resolve({ quota: 1_000_000_000, usage: 1_000_000_000 - (total - 1) }) } });
    const before = await contents();
    const outcome = await importFiles(async () => db, files, () => undefined);
    expect(outcome).toEqual({ ok: false, error: t('importStoringFailed', t('errorStorageFull')), problem: { kind: 'storage', full: true } });
    expect(await contents()).toEqual(before);
  });

  it('opens no database when no file is good', async () => {
    const open = vi.fn(async () => db);
    const outcome = await importFiles(open, [{ name: 'x.json', text: 'nope' }], () => undefined);
    expect(outcome.ok && outcome.report.failed.map((f) => f.file)).toEqual(['x.json']);
    expect(open).not.toHaveBeenCalled();
  });
});
