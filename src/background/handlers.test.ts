import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Runtime } from 'webextension-polyfill';
import type { ReplyData, TabView } from '../messages/protocol';
import { fakeStorageArea } from '../../test/helpers/fake-storage';

const EXTENSION = 'chrome-extension://termlight/';
const storage = fakeStorageArea;
const session = new Map<string, unknown>();
const local = new Map<string, unknown>();
const badges = new Map<number, string>();
const sendToTab = vi.fn<(tabId: number, message: unknown) => Promise<unknown>>();
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { id: 'termlight', getURL: (path: string) => EXTENSION + path, getManifest: () => ({ version: '0.1.0' }) },
    storage: { session: storage(session), local: storage(local) },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void badges.set(tabId, text),
      setBadgeBackgroundColor: async () => undefined,
      setBadgeTextColor: async () => undefined,
      setTitle: async () => undefined,
    },
    tabs: { sendMessage: (tabId: number, message: unknown) => sendToTab(tabId, message) },
    alarms: { get: async () => undefined, create: () => undefined, clear: async () => true },
  },
}));

const { dispatch } = await import('./dispatcher');
const { setupProblem } = await import('./failures');

const PAGE = 'https://www.anthropic.com/legal/service-specific-terms';
const TAB = 7;
const fromPage = { id: 'termlight', url: PAGE, tab: { id: TAB }, frameId: 0 } as Runtime.MessageSender;
const fromPopup = { id: 'termlight', url: `${EXTENSION}popup/popup.html` } as Runtime.MessageSender;

async function popupTab(): Promise<TabView> {
  const reply = await dispatch({ type: 'popup/tab', tabId: TAB }, fromPopup);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as TabView;
}

beforeEach(() => {
  session.clear();
  badges.clear();
  sendToTab.mockReset();
});

describe('page/failed', () => {
  it('from the page\'s own content script: the popup says the page failed, with the error, and names its document', async () => {
    expect(await dispatch({ type: 'page/lookup', url: PAGE }, fromPage)).toMatchObject({ ok: true });
    expect((await popupTab()).status).toBe('pending');

    const reply = await dispatch({ type: 'page/failed', url: PAGE, error: 'Termlight: no answer from the background' }, fromPage);
    expect(reply).toEqual({ ok: true, data: { recorded: true } });
    const view = await popupTab();
    expect(view).toMatchObject({ status: 'failed', error: 'Termlight: no answer from the background', found: [], notFound: [] });
    expect(view.documents.map((d) => d.url)).toEqual([PAGE]);
    expect(badges.get(TAB)).toBe('');
  });

  it('before the page looked anything up: still failed, not "not a policy page"', async () => {
    await dispatch({ type: 'page/failed', url: PAGE, error: 'Out of memory' }, fromPage);
    expect(await popupTab()).toMatchObject({ status: 'failed', error: 'Out of memory', documents: [] });
  });

  it('is refused from an extension page, and from a page on another origin than it claims', async () => {
    const refused = await dispatch({ type: 'page/failed', url: PAGE, error: 'forged' }, fromPopup);
    expect(refused).toEqual({ ok: false, error: '"page/failed" is not accepted from this sender' });
    const elsewhere = { ...fromPage, url: 'https://evil.example/' } as Runtime.MessageSender;
    expect(await dispatch({ type: 'page/failed', url: PAGE, error: 'forged' }, elsewhere)).toEqual({ ok: true, data: { recorded: false } });
    expect((await popupTab()).status).toBe('none');
  });
});

describe('popup/show-clause', () => {
  const show = () => dispatch({ type: 'popup/show-clause', tabId: TAB, recordKey: 'bundled|x' }, fromPopup);

  it('passes on the content script\'s answer', async () => {
    sendToTab.mockResolvedValue({ shown: true });
    expect(await show()).toEqual({ ok: true, data: { shown: true } });
    expect(sendToTab).toHaveBeenCalledWith(TAB, { type: 'clause/show', recordKey: 'bundled|x' });
  });

  it('reads a malformed answer as not shown rather than failing', async () => {
    for (const answer of [undefined, 'shown', { shown: 'yes' }, { ok: true }]) {
      sendToTab.mockResolvedValue(answer);
      expect(await show(), JSON.stringify(answer)).toEqual({ ok: true, data: { shown: false } });
    }
  });
});

describe('popup/tab and a failed install', () => {
  it('tells the reader while the bundled records are missing, and forgets it once they are back', async () => {
    await setupProblem.set({ at: '2026-12-01T10:00:00.000Z', message: 'The browser’s storage for Termlight is full.' });
    expect(await popupTab()).not.toHaveProperty('setupProblem'); // the store has loaded them since
    expect(local.has('setupProblem')).toBe(false);

    const summary = await dispatch({ type: 'options/summary' }, fromPopup);
    const packIds = summary.ok ? (summary.data as { packs: { packId: string }[] }).packs.map((p) => p.packId) : [];
    await dispatch({ type: 'options/remove-packs', packIds }, fromPopup);
    await setupProblem.set({ at: '2026-12-01T10:00:00.000Z', message: 'The browser’s storage for Termlight is full.' });
    expect((await popupTab()).setupProblem).toBe('The browser’s storage for Termlight is full.');

    await dispatch({ type: 'options/restore-bundled' }, fromPopup);
    expect(await popupTab()).not.toHaveProperty('setupProblem');
  });
});

describe('popup/tab on a policy page', () => {
  const timing = { extractMs: 1, anchorMs: 1, paintMs: 1, longestSliceMs: 1, textLength: 100 };
  async function lookUp(): Promise<string[]> {
    const reply = await dispatch({ type: 'page/lookup', url: PAGE }, fromPage);
    if (!reply.ok) throw new Error(reply.error);
    return (reply.data as { records: { key: string }[] }).records.map((r) => r.key);
  }
  const anchored = (keys: string[]) =>
    dispatch({ type: 'page/anchored', url: PAGE, found: keys.map((key) => ({ key, method: 'exact', score: 1 })), notFound: [], timing }, fromPage);

  it('asked while the page is still reading, answers with its clauses as soon as the page reports, not "pending"', async () => {
    const keys = await lookUp();
    const asked = popupTab();
    await new Promise((resolve) => setTimeout(resolve, 100)); // the page reads for a while
    await anchored(keys);
    const view = await asked;
    expect(view.status).toBe('ready');
    expect(view.found.map((r) => r.key).sort()).toEqual([...keys].sort());
  });

  it('sends the popup the five worst other platforms per comparison, with the count of all, and the record page all of them', async () => {
    const keys = await lookUp();
    await anchored(keys);
    const view = await popupTab();
    const comparisons = view.found.flatMap((r) => r.comparison.map((c) => ({ record: r.key, ...c })));
    // The demo page's clauses compare with most of the 24 bundled platforms.
    expect(comparisons.some((c) => c.platformsWith > 6)).toBe(true);
    for (const c of comparisons) {
      const page = await dispatch({ type: 'popup/record', recordKey: c.record, tabId: TAB }, fromPopup);
      if (!page.ok) throw new Error(page.error);
      const all = (page.data as ReplyData<'popup/record'>)!.record.comparison.find((x) => x.category === c.category)!;
      expect(all.others).toHaveLength(c.platformsWith - 1);
      expect(c.others).toEqual(all.others.slice(0, 5));
      expect(c.platformsWith).toBe(all.platformsWith);
    }
  });
});
