/**
 * Automatic highlights in the extension: the one Reach of the background, wired to the browser,
 * the store and storage.local, and its requests (spread into the handlers map, handlers.ts).
 */
import browser from 'webextension-polyfill';
import type { ReplyData, Request } from '../messages/protocol';
import { reachStateSchema } from '../messages/schemas';
import { listPacks } from '../store/lookup';
import { contentScriptFiles, injectContentScript } from './inject';
import { EMPTY_REACH_STATE, type PackPatterns } from './reach';
import { createReach } from './reach-sync';
import { database } from './records-db';
import { storageItem } from './storage-item';

/** Every pack but the bundled one (the manifest covers its pages), with its documents' URL patterns. */
async function storedPacks(): Promise<PackPatterns[]> {
  const db = await database();
  const packs = (await listPacks(db)).filter((p) => p.source.kind !== 'bundled');
  const patterns = new Map(packs.map((p) => [p.packId, [] as string[]]));
  for (const doc of await db.getAll('documents')) patterns.get(doc.packId)?.push(...doc.urlPatterns);
  return [...patterns].map(([packId, urlPatterns]) => ({ packId, urlPatterns }));
}

export const reach = createReach({
  browser,
  manifest: () => {
    const manifest = browser.runtime.getManifest();
    const files = contentScriptFiles(manifest);
    return {
      ...files,
      contentMatches: manifest.content_scripts?.[0]?.matches ?? [],
      hostPermissions: (manifest as { host_permissions?: string[] }).host_permissions ?? [],
    };
  },
  packs: storedPacks,
  state: storageItem('local', 'reach', reachStateSchema, EMPTY_REACH_STATE),
  // Tabs open on pages just allowed get their highlights now, not at their next load.
  pagesReached: async (matches) => {
    const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
    for (const tab of tabs) if (tab.id !== undefined) await injectContentScript(tab.id).catch(() => undefined);
  },
});

type ReachType = 'reach/status' | 'reach/granted' | 'reach/withdraw' | 'reach/dismiss';

export const reachHandlers: { [T in ReachType]: (request: Request<T>) => Promise<ReplyData<T>> } = {
  'reach/status': () => reach.sync(),
  'reach/granted': (request) => reach.granted(request.packIds),
  'reach/withdraw': async (request) => {
    const { view, removed } = await reach.withdraw(request.packIds);
    return { ...view, removed };
  },
  'reach/dismiss': () => reach.dismissRevoked(),
};
