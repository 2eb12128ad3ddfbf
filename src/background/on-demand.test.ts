import 'fake-indexeddb/auto';
import { fakeStorageArea } from '../../test/helpers/fake-storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime, Tabs } from 'webextension-polyfill';
import { pack } from '../../test/helpers/packs';
import type { PageLookup, ReplyData } from '../messages/protocol';
import type { Pack } from '../records/schema';

const EXTENSION = 'chrome-extension://termlight/';
const storage = fakeStorageArea;
const session = new Map<string, unknown>();
const titles = new Map<number, string>();
/** The address the browser lets us read for each tab (activeTab), if any. */
const tabUrls = new Map<number, string>();
const sendToTab = vi.fn<(tabId: number, message: unknown) => Promise<unknown>>();
const inject = vi.fn<(tabId: number) => Promise<void>>();
const openPopup = vi.fn(async () => undefined);
const menus = { removeAll: vi.fn(async () => undefined), create: vi.fn() };
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'termlight', getURL: (path: string) => EXTENSION + path, getManifest: () => ({ version: '0.1.0' }) },
    storage: { session: storage(session), local: storage(new Map()) },
    action: {
      setBadgeText: async () => undefined,
      setBadgeBackgroundColor: async () => undefined,
      setBadgeTextColor: async () => undefined,
      setTitle: async ({ tabId, title }: { tabId: number; title: string }) => void titles.set(tabId, title),
      openPopup: () => openPopup(),
    },
    tabs: {
      get: async (tabId: number) => ({ id: tabId, ...(tabUrls.has(tabId) ? { url: tabUrls.get(tabId) } : {}) }),
      sendMessage: (tabId: number, message: unknown) => sendToTab(tabId, message),
    },
    contextMenus: menus,
    alarms: { get: async () => undefined, create: () => undefined, clear: async () => true },
  },
}));
vi.mock('./inject', () => ({ injectContentScript: (tabId: number) => inject(tabId) }));

const { dispatch } = await import('./dispatcher');
const { database } = await import('./records-db');
const { replacePack } = await import('../store/write');
const onDemand = await import('./on-demand');

/** ACME: a terms page at www.acme.example/legal/terms, two records; its domain acme.example. */
const acme = (): Pack =>
  pack(
    'tosdr.acme',
    ['acme'],
    [
      { id: 'a1', documentId: 'acme.terms', severity: 'low', title: 'Acme keeps data' },
      { id: 'a2', documentId: 'acme.terms', severity: 'critical', title: 'Acme arbitration' },
    ],
  );
const ACME_TERMS = 'https://www.acme.example/legal/terms';
const ACME_ABOUT = 'https://www.acme.example/about';
const TAB = 11;
const fromPopup = { id: 'termlight', url: `${EXTENSION}popup/popup.html` } as Runtime.MessageSender;
const fromPage = (url: string, tabId = TAB) => ({ id: 'termlight', url, tab: { id: tabId }, frameId: 0 }) as Runtime.MessageSender;

async function ask<T extends 'page/lookup' | 'popup/highlight' | 'popup/site' | 'popup/tab'>(
  message: { type: T } & Record<string, unknown>,
  sender: Runtime.MessageSender,
): Promise<ReplyData<T>> {
  const reply = await dispatch(message, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as ReplyData<T>;
}
const lookup = (url: string, tabId = TAB) => ask({ type: 'page/lookup', url }, fromPage(url, tabId));
const keys = (page: PageLookup | null) => page?.records.map((r) => r.key).sort() ?? null;

beforeEach(async () => {
  session.clear();
  titles.clear();
  tabUrls.clear();
  sendToTab.mockReset().mockResolvedValue({ ok: true });
  inject.mockReset().mockResolvedValue(undefined);
  openPopup.mockClear();
  await replacePack(await database(), acme());
});

describe('which records a page gets', () => {
  it("gives an unlisted page of a known platform nothing, until its tab asks; then that platform's records, as no document", async () => {
    expect(await lookup(ACME_ABOUT)).toBeNull();
    tabUrls.set(TAB, ACME_ABOUT);
    expect(await ask({ type: 'popup/highlight', tabId: TAB }, fromPopup)).toEqual({ outcome: 'started', host: 'www.acme.example', platforms: ['ACME'] });
    const page = await lookup(ACME_ABOUT);
    expect(keys(page)).toEqual(['tosdr.acme|a1', 'tosdr.acme|a2']);
    // The page is none of the documents: no fingerprint is compared, the popup names none.
    expect(page?.documents).toEqual([]);
    const view = await ask({ type: 'popup/tab', tabId: TAB }, fromPopup);
    expect(view).toMatchObject({ status: 'pending', documents: [] });
  });

  it('keeps the platform scope to the tab that asked and the host it asked on', async () => {
    tabUrls.set(TAB, ACME_ABOUT);
    await ask({ type: 'popup/highlight', tabId: TAB }, fromPopup);
    expect(await lookup(ACME_ABOUT, TAB + 1), 'another tab').toBeNull();
    expect(await lookup('https://help.acme.example/about'), 'another host of the same platform').toBeNull();
  });

  it('gives a listed page its own documents, whether its tab asked or not', async () => {
    const before = await lookup(ACME_TERMS);
    expect(before?.documents.map((d) => d.key)).toEqual(['tosdr.acme|acme.terms']);
    tabUrls.set(TAB, ACME_TERMS);
    await ask({ type: 'popup/highlight', tabId: TAB }, fromPopup);
    expect((await lookup(ACME_TERMS))?.documents.map((d) => d.key)).toEqual(['tosdr.acme|acme.terms']);
  });
});

describe('Highlight on this page', () => {
  it('asks a content script already in the page to look again, else injects one', async () => {
    tabUrls.set(TAB, ACME_ABOUT);
    await onDemand.highlightOnDemand(TAB);
    expect(sendToTab).toHaveBeenCalledWith(TAB, { type: 'page/recheck' });
    expect(inject).not.toHaveBeenCalled();

    sendToTab.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await onDemand.highlightOnDemand(TAB);
    expect(inject).toHaveBeenCalledWith(TAB);
  });

  it('says plainly when nothing is recorded for the site, and changes nothing', async () => {
    tabUrls.set(TAB, 'https://www.example.org/');
    expect(await onDemand.highlightOnDemand(TAB)).toEqual({ outcome: 'nothing', host: 'www.example.org' });
    expect(session.size).toBe(0);
    expect(sendToTab).not.toHaveBeenCalled();
  });

  it('says a page is closed to extensions, without throwing: a browser page, an address it cannot read, a refused injection', async () => {
    tabUrls.set(TAB, 'chrome://extensions/');
    expect(await onDemand.highlightOnDemand(TAB)).toEqual({ outcome: 'unavailable' });
    tabUrls.delete(TAB);
    expect(await onDemand.highlightOnDemand(TAB)).toEqual({ outcome: 'unavailable' });

    tabUrls.set(TAB, 'https://www.acme.example/store');
    sendToTab.mockRejectedValue(new Error('no receiver'));
    inject.mockRejectedValue(new Error('The extensions gallery cannot be scripted.'));
    expect(await onDemand.highlightOnDemand(TAB)).toEqual({ outcome: 'unavailable', error: 'The extensions gallery cannot be scripted.' });
    // Nothing left behind: the tab did not get the platform scope, nor a "looking" state.
    expect(session.size).toBe(0);
    expect(await lookup('https://www.acme.example/store')).toBeNull();
  });

  it('from the shortcut or the menu: the same action, the popup opened, a tooltip when there is nothing', async () => {
    tabUrls.set(TAB, ACME_ABOUT);
    await onDemand.askedFromBrowser({ id: TAB } as Tabs.Tab);
    expect(openPopup).toHaveBeenCalled();
    expect(keys(await lookup(ACME_ABOUT))).toEqual(['tosdr.acme|a1', 'tosdr.acme|a2']);

    tabUrls.set(TAB + 1, 'https://www.example.org/');
    await onDemand.askedFromBrowser({ id: TAB + 1 } as Tabs.Tab);
    expect(titles.get(TAB + 1)).toBe('Nothing recorded for www.example.org.');
    await onDemand.askedFromBrowser(undefined);
    await onDemand.askedFromBrowser({ id: -1 } as Tabs.Tab);
    expect(openPopup).toHaveBeenCalledTimes(2);
  });

  it('puts one item in the context menu, on pages, titled in the reader’s language', async () => {
    await onDemand.createMenu();
    expect(menus.removeAll).toHaveBeenCalled();
    expect(menus.create).toHaveBeenCalledWith({ id: onDemand.MENU_ITEM, title: 'Highlight with Termlight', contexts: ['page'] });
  });
});

describe('how long a tab keeps its request', () => {
  it('keeps it on the same host, forgets it on another site, when the address is no longer readable, or when told', async () => {
    tabUrls.set(TAB, ACME_ABOUT);
    await onDemand.highlightOnDemand(TAB);
    await onDemand.followOnDemand(TAB, { url: 'https://www.acme.example/other' } as Tabs.Tab);
    expect(await onDemand.onDemandHost(TAB)).toBe('www.acme.example');
    await onDemand.followOnDemand(TAB, { url: 'https://www.example.org/' } as Tabs.Tab);
    expect(await onDemand.onDemandHost(TAB)).toBeNull();

    await onDemand.highlightOnDemand(TAB);
    await onDemand.followOnDemand(TAB, {} as Tabs.Tab);
    expect(await onDemand.onDemandHost(TAB)).toBeNull();

    await onDemand.highlightOnDemand(TAB);
    await onDemand.clearOnDemand(TAB);
    expect(await lookup(ACME_ABOUT)).toBeNull();
  });
});

describe('the site view', () => {
  it('answers by host: the platform with its counts, records (source and credit), documents and sources; whether this tab asked', async () => {
    await replacePack(await database(), {
      ...acme(),
      packVersion: 'tosdr-data-2018-01-04',
      source: { kind: 'tosdr', name: 'ToS;DR: ACME', attribution: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' },
      platforms: [{ id: 'acme', name: 'ACME', domains: ['acme.example'], rating: { grade: 'C', source: 'ToS;DR' } }],
      records: acme().records.map((r) => ({ ...r, provenance: { ...r.provenance, attribution: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' } })),
    });
    const site = await ask({ type: 'popup/site', host: 'help.acme.example', tabId: TAB }, fromPopup);
    expect(site.host).toBe('help.acme.example');
    expect(site.onDemand).toBe(false);
    const [platform] = site.platforms;
    expect(platform).toMatchObject({
      id: 'acme',
      name: 'ACME',
      matchedBy: { kind: 'domain', host: 'acme.example' },
      rating: { grade: 'C', source: 'ToS;DR' },
      counts: { critical: 1, high: 0, medium: 0, low: 1, positive: 0 },
      recordCount: 2,
      documents: [{ title: 'acme Terms', url: ACME_TERMS, source: 'ToS;DR: ACME' }],
      sources: [{ name: 'ToS;DR: ACME', kind: 'tosdr', version: 'tosdr-data-2018-01-04', credit: 'ToS;DR contributors, CC BY-SA 3.0', records: 2 }],
    });
    expect(platform!.records.map((r) => [r.title, r.source, r.credit, r.documentTitle])).toEqual([
      ['Acme arbitration', 'ToS;DR: ACME', 'ToS;DR contributors, CC BY-SA 3.0', 'acme Terms'],
      ['Acme keeps data', 'ToS;DR: ACME', 'ToS;DR contributors, CC BY-SA 3.0', 'acme Terms'],
    ]);

    tabUrls.set(TAB, 'https://help.acme.example/');
    await ask({ type: 'popup/highlight', tabId: TAB }, fromPopup);
    expect((await ask({ type: 'popup/site', host: 'help.acme.example', tabId: TAB }, fromPopup)).onDemand).toBe(true);
    expect((await ask({ type: 'popup/site', host: 'www.acme.example', tabId: TAB }, fromPopup)).onDemand).toBe(false);
    expect((await ask({ type: 'popup/site', host: 'www.example.org' }, fromPopup)).platforms).toEqual([]);
  });

  it('refuses a request that carries an address instead of a host, or comes from a page', async () => {
    expect(await dispatch({ type: 'popup/site', host: 'https://www.acme.example/about' }, fromPopup)).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'popup/site', host: 'www.acme.example' }, fromPage(ACME_ABOUT))).toMatchObject({ ok: false });
    expect(await dispatch({ type: 'popup/highlight', tabId: TAB }, fromPage(ACME_ABOUT))).toMatchObject({ ok: false });
  });
});
