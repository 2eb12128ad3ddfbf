/**
 * The background's one handle on the store, opened on first use. The bundled pack is written
 * on install and update, and again whenever the store is found empty (storage cleared).
 */
import browser from 'webextension-polyfill';
import { parsePack } from '../records/schema';
import { bundledPackJson } from '../records/bundled';
import { openDatabase, type Database } from '../store/db';
import { listPacks } from '../store/lookup';
import { removeOrphans, replacePack } from '../store/write';

let opening: Promise<Database> | null = null;

export function database(): Promise<Database> {
  opening ??= openDatabase().then(async (db) => {
    const packs = await listPacks(db);
    if (packs.length === 0) await loadBundled(db);
    else await removeOrphans(db, packs).catch(() => 0); // rows a failed write may have left
    return db;
  });
  opening.catch(() => {
    opening = null; // let the next request try again (e.g. after a private window closes)
  });
  return opening;
}

/** Validates the shipped records and replaces the bundled pack with them. */
export async function loadBundled(db?: Database): Promise<void> {
  const parsed = parsePack(bundledPackJson(browser.runtime.getManifest().version));
  if (!parsed.ok) throw new Error(`The bundled records are invalid: ${parsed.errors.join('; ')}`);
  await replacePack(db ?? (await database()), parsed.pack);
}
