/** Background entry (service worker in Chrome, event page in Firefox): wiring only. */
import browser, { type Alarms, type Menus, type Runtime, type Tabs } from 'webextension-polyfill';
import type { ContentCommand } from '../messages/protocol';
import { dispatch } from './dispatcher';
import { listenForImports } from './import-port';
import { checkFeed, FEED_ALARM, scheduleFeed } from './feed';
import { clearTabState, samePage, updateTabState } from './tab-state';
import { showBadge } from './badge';
import { enterDocument } from './enter-document';
import { database, loadBundled } from './records-db';
import { recordSetupProblem, reporting, setupProblem } from './failures';
import { reach } from './reach-handlers';
import { onRecordsChanged } from './records-changed';
import { askedFromBrowser, clearOnDemand, COMMAND, createMenu, followOnDemand, MENU_ITEM } from './on-demand';

const loadBundledRecords = reporting(
  'to load the bundled records',
  async () => {
    await loadBundled(await database());
    await setupProblem.remove();
  },
  recordSetupProblem,
);
const scheduleFeedChecks = reporting('to schedule the records feed', scheduleFeed);

/** A listener the browser calls and forgets: `reporting` has already caught what it may throw. */
const detached =
  <A extends unknown[]>(listener: (...args: A) => Promise<unknown>) =>
  (...args: A): void =>
    void listener(...args);

// Automatic highlights on allowed sites: registered again from what is granted at every start,
// install and update (a browser may drop a dynamic script then), and after every change of the
// records or of the grants (the browser's own settings included).
const syncReach = reporting('to update automatic highlights', () => reach.sync());
onRecordsChanged(syncReach);
browser.permissions.onAdded.addListener(detached(syncReach));
browser.permissions.onRemoved.addListener(detached(syncReach));

browser.runtime.onInstalled.addListener(
  detached(async () => {
    await loadBundledRecords();
    await scheduleFeedChecks();
    await syncReach();
  }),
);
browser.runtime.onStartup.addListener(
  detached(async () => {
    await scheduleFeedChecks();
    await syncReach();
  }),
);
browser.alarms.onAlarm.addListener(
  detached(
    reporting('to check the records feed', async (alarm: Alarms.Alarm) => {
      if (alarm.name === FEED_ALARM) await checkFeed();
    }),
  ),
);

listenForImports();

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => dispatch(message, sender));

browser.tabs.onRemoved.addListener(detached(reporting('to forget a closed tab', clearTabState)));

// A tab that leaves the page it reported on loses its clauses and badge; the content script
// reports again if the new page is a known document.
// (The browser reports the address only for tabs on our content scripts' sites.)
async function followTab(tabId: number, changeInfo: Tabs.OnUpdatedChangeInfoType): Promise<void> {
  const url = changeInfo.url;
  if (!url) return;
  // Decided on the state as stored when the change runs: the new page may have reported already.
  const seen = { samePage: false };
  const cleared = await updateTabState(tabId, (state) => {
    seen.samePage = state !== null && samePage(state.url, url);
    return state && !seen.samePage ? null : undefined;
  });
  if (seen.samePage) return;
  if (cleared === null) await showBadge(tabId, []);
  // A history-API navigation keeps the content script: tell it to look again. A new document
  // has no listener yet and starts on its own. A page without one (a single-page site's home,
  // moving into its terms) gets it here if the new address is a recorded document.
  const recheck: ContentCommand = { type: 'page/recheck' };
  const answered = await browser.tabs.sendMessage(tabId, recheck).then(
    () => true,
    () => false,
  );
  if (!answered) await enterDocument(tabId, url);
}
browser.tabs.onUpdated.addListener(detached(reporting('to follow a tab to a new address', followTab)));

// "Highlight on this page" from the keyboard shortcut and the context menu (each grants
// activeTab for the tab); a tab that asked forgets it when it leaves the site or closes.
browser.runtime.onInstalled.addListener(detached(reporting('to add the context-menu item', createMenu)));
browser.runtime.onStartup.addListener(detached(reporting('to add the context-menu item', createMenu)));
browser.commands.onCommand.addListener(
  detached(
    reporting('to highlight on request', async (command: string, tab?: Tabs.Tab) => {
      if (command === COMMAND) await askedFromBrowser(tab);
    }),
  ),
);
browser.contextMenus.onClicked.addListener(
  detached(
    reporting('to highlight on request', async (info: Menus.OnClickData, tab?: Tabs.Tab) => {
      if (info.menuItemId === MENU_ITEM) await askedFromBrowser(tab);
    }),
  ),
);
browser.tabs.onRemoved.addListener(detached(reporting('to forget a closed tab', clearOnDemand)));
browser.tabs.onUpdated.addListener(
  detached(
    reporting('to follow a tab that asked for highlights', (tabId: number, change: Tabs.OnUpdatedChangeInfoType, tab: Tabs.Tab) =>
      change.url !== undefined || change.status === 'loading' ? followOnDemand(tabId, tab) : Promise.resolve(),
    ),
  ),
);
