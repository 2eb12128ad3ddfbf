/**
 * What each tab's page reported, kept in storage.session so a service worker that the browser
 * stopped and restarted still knows it (module variables would be gone).
 */
import browser from 'webextension-polyfill';
import type { AnchorTiming, FoundClause, Verification } from '../messages/protocol';

export interface TabState {
  url: string;
  documentKeys: string[];
  recordKeys: string[];
  status: 'pending' | 'ready';
  found: FoundClause[];
  notFound: string[];
  timing?: AnchorTiming;
  verified?: Verification[];
}

const storageKey = (tabId: number) => `tab:${tabId}`;

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = storageKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [storageKey(tabId)]: state });
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(storageKey(tabId));
}

/** Same page, ignoring the fragment: following a link to a section is not leaving. */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
