/** A fresh, empty records database on fake-indexeddb, and a small pack to fill it with. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { Pack } from '../../src/records/schema';
import { openDatabase, type Database } from '../../src/store/db';
import { pack } from './packs';

export async function freshDatabase(): Promise<Database> {
  globalThis.indexedDB = new IDBFactory();
  return openDatabase();
}

/** Pack "main": ACME (two records) and GLOBEX (one), with retention on both. */
export const twoPlatforms = (): Pack =>
  pack(
    'main',
    ['acme', 'globex'],
    [
      { id: 'a1', documentId: 'acme.terms', severity: 'low', categories: ['retention'], title: 'Acme keeps data' },
      { id: 'a2', documentId: 'acme.terms', severity: 'critical', categories: ['arbitration'], title: 'Acme arbitration' },
      { id: 'g1', documentId: 'globex.terms', severity: 'high', categories: ['retention'], title: 'Globex keeps data forever' },
    ],
  );
