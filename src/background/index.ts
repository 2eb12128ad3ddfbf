/** Background entry (service worker in Chrome, event page in Firefox): wiring only. */
import browser, { type Runtime } from 'webextension-polyfill';
import { dispatch } from './dispatcher';
import { clearTabState, getTabState, samePage } from './tab-state';
import { showBadge } from './badge';
import { database, loadBundled } from './records-db';

browser.runtime.onInstalled.addListener(async () => {
  await loadBundled(await database());
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender));

browser.tabs.onRemoved.addListener((tabId) => {
  void clearTabState(tabId);
});

// A tab that leaves the page it reported on loses its clauses and badge; the content script
// reports again if the new page is a known document.
browser.tabs.onUpdated.addListener(async (tabId, changeInfo) => {
  if (!changeInfo.url) return;
  const state = await getTabState(tabId);
  if (state && !samePage(state.url, changeInfo.url)) {
    await clearTabState(tabId);
    await showBadge(tabId, []);
  }
});
