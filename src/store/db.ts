/**
 * The IndexedDB layout. Every row carries its pack id so one pack can be replaced or removed
 * in a single transaction while other sources (bundled, imported) stay untouched.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { PackSource, Platform, PolicyDocument, ProvisionRecord } from '../records/schema';

export const DB_NAME = 'termlight';
/** 2 added the platforms' `domains` index (site.ts); an upgrade from 1 keeps every row. */
export const DB_VERSION = 2;

export interface PackMeta {
  packId: string;
  packVersion: string;
  publishedAt: string;
  source: PackSource;
  /** When this copy was written to the store (ISO timestamp). */
  storedAt: string;
  counts: { platforms: number; documents: number; records: number };
}

export interface StoredPlatform extends Platform {
  key: string;
  packId: string;
}
export interface StoredDocument extends PolicyDocument {
  key: string;
  packId: string;
  platformKey: string;
  /** Hosts named by the URL patterns, for the by-host index. */
  hosts: string[];
}
export interface StoredRecord extends ProvisionRecord {
  key: string;
  packId: string;
  documentKey: string;
  platformId: string;
}

export interface TermlightDB extends DBSchema {
  packs: { key: string; value: PackMeta };
  platforms: { key: string; value: StoredPlatform; indexes: { packId: string; id: string; domains: string } };
  documents: {
    key: string;
    value: StoredDocument;
    indexes: { packId: string; hosts: string; platformKey: string };
  };
  records: {
    key: string;
    value: StoredRecord;
    indexes: { packId: string; documentKey: string; categories: string };
  };
}

export type Database = IDBPDatabase<TermlightDB>;

/** Row keys: ids are unique within a pack, so the pack id makes them unique in the store. */
export const rowKey = (packId: string, id: string): string => `${packId}|${id}`;

/** Opens (and on first use creates) the store; unit tests provide fake-indexeddb's globals. */
export function openDatabase(): Promise<Database> {
  return openDB<TermlightDB>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) createVersion1(db);
      // Built by the browser from the rows already stored: an upgrade loses nothing.
      if (oldVersion < 2) tx.objectStore('platforms').createIndex('domains', 'domains', { multiEntry: true });
    },
  });
}

/** The layout of version 1, which every later version upgrades from. */
function createVersion1(db: IDBPDatabase<TermlightDB>): void {
  db.createObjectStore('packs', { keyPath: 'packId' });
  const platforms = db.createObjectStore('platforms', { keyPath: 'key' });
  platforms.createIndex('packId', 'packId');
  platforms.createIndex('id', 'id');
  const documents = db.createObjectStore('documents', { keyPath: 'key' });
  documents.createIndex('packId', 'packId');
  documents.createIndex('hosts', 'hosts', { multiEntry: true });
  documents.createIndex('platformKey', 'platformKey');
  const records = db.createObjectStore('records', { keyPath: 'key' });
  records.createIndex('packId', 'packId');
  records.createIndex('documentKey', 'documentKey');
  records.createIndex('categories', 'categories', { multiEntry: true });
}
