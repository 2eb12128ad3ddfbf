/**
 * "Highlight on this page": the reader asks (the popup's button, the keyboard shortcut or the
 * context-menu item, each of which grants activeTab for the tab), and the content script is put
 * into that one page to anchor what the records say about its site. The tab remembers that it
 * asked (storage.session, so a restarted background still knows), and only then does an
 * unlisted page of a known platform get that platform's records: nowhere else does a page get
 * records that are not its own document's.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { z } from 'zod';
import { t } from '../i18n/t';
import type { ContentCommand, ReplyData } from '../messages/protocol';
import type { Database, StoredRecord } from '../store/db';
import { recordsForUrl, type PageRecords } from '../store/lookup';
import { siteFor } from '../store/site';
import { injectContentScript } from './inject';
import { database } from './records-db';
import { describeError } from './storage-errors';
import { storageItem } from './storage-item';
import { clearTabState, setTabState } from './tab-state';

export type HighlightOutcome = ReplyData<'popup/highlight'>;

/** The tab asked for highlights while on this host (the page's hostname), at this time. */
const onDemandSchema = z.object({ host: z.string(), at: z.string() });
const onDemandItem = (tabId: number) => storageItem('session', `on-demand:${tabId}`, onDemandSchema, null);

/** The host the tab asked for highlights on, or null when it did not (or has left it since). */
export async function onDemandHost(tabId: number): Promise<string | null> {
  return (await onDemandItem(tabId).get())?.host ?? null;
}

export function clearOnDemand(tabId: number): Promise<void> {
  return onDemandItem(tabId).remove();
}

const hostOf = (url: string | undefined): string | null => {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.hostname : null;
  } catch {
    return null;
  }
};

/**
 * The records a page's content script anchors: its documents' (the pages their URL patterns
 * name), or, on a page no document names, the records of the platforms the site belongs to,
 * but only when this tab asked for highlights on this very host. The matcher is the same, so
 * the same rules keep a clause from being anchored anywhere it is not.
 */
export async function recordsForPage(db: Database, tabId: number, url: string): Promise<PageRecords> {
  const page = await recordsForUrl(db, url);
  if (page.records.length > 0) return page;
  const host = hostOf(url);
  if (!host || (await onDemandHost(tabId)) !== host) return page;
  const site = await siteFor(db, host);
  // No document: the page is none of them, so nothing is compared with their fingerprints.
  const records: StoredRecord[] = site.platforms.flatMap((p) => p.records);
  return { documents: [], records };
}

/** One action per tab at a time; the popup's site view waits for one that is under way (the shortcut's). */
const underWay = new Map<number, Promise<HighlightOutcome>>();

/** The action in progress on this tab, if any (resolved when it has started the page's work or failed). */
export function actionUnderWay(tabId: number): Promise<HighlightOutcome> | undefined {
  return underWay.get(tabId);
}

/**
 * Highlights the records about the tab's site in its page. Needs activeTab (or host access) for
 * the tab: the address is read here, never sent by anyone. Never throws: a page the browser
 * closes to extensions (its own pages, the add-on stores, a local file without access) is an
 * `unavailable` outcome with the browser's reason.
 */
export function highlightOnDemand(tabId: number): Promise<HighlightOutcome> {
  const running = underWay.get(tabId);
  if (running) return running;
  const action = run(tabId)
    .catch((error: unknown): HighlightOutcome => ({ outcome: 'unavailable', error: describeError(error) }))
    .finally(() => underWay.delete(tabId));
  underWay.set(tabId, action);
  return action;
}

async function run(tabId: number): Promise<HighlightOutcome> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url;
  const host = hostOf(url);
  if (!url || !host) return { outcome: 'unavailable' };
  const db = await database();
  const site = await siteFor(db, host);
  if (!site.platforms.some((p) => p.records.length > 0)) return { outcome: 'nothing', host };

  await onDemandItem(tabId).set({ host, at: new Date().toISOString() });
  // Looking from now on: the popup waits for the page's answer instead of saying "nothing here".
  await setTabState(tabId, { url, documentKeys: [], recordKeys: [], status: 'pending', found: [], notFound: [] });
  // A content script already in the page (the manifest's, or one injected before) looks again;
  // otherwise one is put in, and it looks on its own.
  const recheck: ContentCommand = { type: 'page/recheck' };
  const reached = await browser.tabs.sendMessage(tabId, recheck).then(
    () => true,
    () => false,
  );
  if (!reached) {
    try {
      await injectContentScript(tabId);
    } catch (error) {
      // Not the page's failure: nothing was looked for, and the popup says why.
      await Promise.all([clearOnDemand(tabId), clearTabState(tabId)]);
      return { outcome: 'unavailable', error: describeError(error) };
    }
  }
  return { outcome: 'started', host, platforms: site.platforms.map((p) => p.rows[0]!.name) };
}

/**
 * Forgets that a tab asked once it is on another site, or its address is no longer ours to read
 * (activeTab lasts until the tab navigates away), and when it closes.
 */
export async function followOnDemand(tabId: number, tab: Tabs.Tab | undefined): Promise<void> {
  const asked = await onDemandHost(tabId);
  if (asked !== null && hostOf(tab?.url) !== asked) await clearOnDemand(tabId);
}

export const MENU_ITEM = 'termlight-highlight-page';
export const COMMAND = 'highlight-page';

/**
 * The context-menu item on pages. Created again at every start of the browser and on install or
 * update (Firefox drops an event page's menus at a restart); removeAll first, as Chrome keeps
 * them and refuses a duplicate id.
 */
export async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ITEM, title: t('menuHighlightPage'), contexts: ['page'] });
}

/** What a shortcut or menu action shows when no popup can say it: the toolbar button's tooltip. */
function outcomeTitle(outcome: HighlightOutcome): string | null {
  if (outcome.outcome === 'nothing') return t('popupSiteNothing', outcome.host);
  if (outcome.outcome === 'unavailable') return t('popupSiteUnavailable');
  return null;
}

/**
 * The shortcut or the menu item, on `tab`: the same action as the popup's button. The popup is
 * opened to say what happened where the browser allows it (Firefox only within the user's
 * action, so it is asked for before anything is awaited); else the badge and the tooltip say it.
 */
export async function askedFromBrowser(tab: Tabs.Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return;
  const action = highlightOnDemand(tabId);
  void browser.action.openPopup().catch(() => undefined);
  const title = outcomeTitle(await action);
  if (title) await browser.action.setTitle({ tabId, title });
}
