// @vitest-environment happy-dom
/**
 * The popup as the page's state comes in: asking again while the page is pending or being
 * compared, and stopping once it is not; which tab it asks about; what it says when it cannot.
 * (A failed page and giving up after 30 s: popup-failure.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordView, TabView } from '../src/messages/protocol';

/** The background's answers to popup/tab, in turn; the last one is given from then on. */
const answers: (TabView | Error)[] = [];
const sendMessage = vi.fn(async (message: { type: string }) => {
  if (message.type !== 'popup/tab') return { ok: false, error: 'unexpected' };
  const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
  if (answer instanceof Error) throw answer;
  return { ok: true, data: answer };
});
const activeTabs = vi.fn(async (): Promise<{ id?: number }[]> => [{ id: 3 }]);
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: (message: { type: string }) => sendMessage(message), getURL: (path: string) => `chrome-extension://termlight/${path}` },
    tabs: { query: () => activeTabs() },
  },
}));

const doc: TabView['documents'][number] = {
  key: 'bundled|anthropic.terms',
  title: 'Consumer Terms',
  platformName: 'Anthropic',
  url: 'https://www.anthropic.com/legal/consumer-terms',
  source: 'Termlight records',
  verification: { documentKey: 'bundled|anthropic.terms', state: 'unknown' },
  history: [],
};
const view = (fields: Partial<TabView>): TabView => ({ status: 'pending', documents: [doc], found: [], notFound: [], ...fields });
const clause = (key: string, severity: RecordView['severity']): RecordView => ({
  key,
  documentKey: doc.key,
  title: `${key} clause`,
  severity,
  impact: `What ${key} means for you`,
  whyItMatters: '',
  notes: [],
  quote: `The ${key} quote.`,
  platformName: 'Anthropic',
  documentTitle: 'Consumer Terms',
  sourceUrl: doc.url,
  method: 'exact',
  comparison: [],
});

/** Opens the popup afresh at `search` (its query string) on the answers given. */
async function openPopup(search: string, ...given: (TabView | Error)[]): Promise<void> {
  answers.splice(0, answers.length, ...given);
  history.replaceState(null, '', `/popup/popup.html${search}`);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../test/setup/i18n'); // the fresh t() module needs its messages again
  await import('./popup');
}
/** Lets the popup ask and render what it is told, for `ms` of its time. */
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const text = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent?.trim() ?? '');
const tabRequests = () => sendMessage.mock.calls.map(([m]) => m).filter((m) => m.type === 'popup/tab');

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockClear();
  activeTabs.mockClear();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the popup while the page reports', () => {
  it('looks busy while the page is pending, then lists its clauses worst first and stops asking', async () => {
    const ready = view({
      status: 'ready',
      found: [clause('training', 'critical'), clause('liability', 'high'), clause('export', 'positive')],
      notFound: [clause('arbitration', 'medium')],
    });
    await openPopup('', view({ status: 'pending' }), view({ status: 'pending' }), ready);
    await wait(20);
    expect(text('[aria-busy="true"]')).toEqual(['Looking for clauses on the page…']);
    expect(document.querySelector('.records')).toBeNull();

    await wait(1000);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(text('.count')).toEqual(['3 clauses found on this page']);
    expect(text('.records h3')).toEqual(['training clause', 'liability clause', 'export clause']);
    expect(text('.records .sev')).toEqual(['‼ Critical', '▲ High', '✓ Good for you']);
    expect(text('.not-found h3')).toEqual(['arbitration clause']);

    await wait(10_000);
    expect(tabRequests()).toHaveLength(3);
  });

  it('says the page is being compared with the verified version, then what the comparison found', async () => {
    const comparing = { ...doc, verification: { documentKey: doc.key, state: 'pending' as const, verifiedOn: '2026-01-10' } };
    const compared = { ...doc, verification: { documentKey: doc.key, state: 'same' as const, verifiedOn: '2026-01-10' } };
    const found = [clause('training', 'critical')];
    await openPopup('', view({ status: 'ready', documents: [comparing], found }), view({ status: 'ready', documents: [compared], found }));
    await wait(20);
    expect(text('.verification')).toEqual(['Comparing this page with the version Termlight checked…']);
    expect(text('.records h3')).toEqual(['training clause']);

    await wait(1000);
    expect(text('.verification')).toEqual(['✓ This page is the version Termlight checked.']);
    await wait(10_000);
    expect(tabRequests()).toHaveLength(2);
  });
});

describe('the popup opened for one record (?tab=&record=, the older full-record address)', () => {
  it('opens that row, outlines it and gives it keyboard focus; the others stay folded', async () => {
    const ready = view({ status: 'ready', found: [clause('training', 'critical'), clause('liability', 'high')] });
    await openPopup('?tab=3&record=liability', ready);
    await wait(1000);
    const rows = [...document.querySelectorAll<HTMLElement>('.records > article.record')];
    expect(rows.map((r) => [r.querySelector('h3')?.textContent, r.querySelector('details')?.open, r.dataset.focused ?? null])).toEqual([
      ['training clause', false, null],
      ['liability clause', true, 'true'],
    ]);
    expect(document.activeElement).toBe(rows[1]!.querySelector('summary'));
  });
});

describe('which tab the popup asks about', () => {
  it('says it is not a policy page when there is no tab, without asking the background', async () => {
    activeTabs.mockResolvedValueOnce([]);
    await openPopup('', view({ status: 'ready' }));
    await wait(1000);
    expect(text('.empty')).toEqual(['This page is not one of the policy pages in your records.']);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(tabRequests()).toEqual([]);
  });

  it('asks about the tab named by ?tab= (the popup opened in a tab), not the active one', async () => {
    await openPopup('?tab=42', view({ status: 'ready' }));
    await wait(1000);
    expect(tabRequests()).toEqual([{ type: 'popup/tab', tabId: 42 }]);
    expect(activeTabs).not.toHaveBeenCalled();
  });

  it('asks about the active tab when ?tab= is not a tab id', async () => {
    await openPopup('?tab=first', view({ status: 'ready' }));
    await wait(1000);
    expect(tabRequests()).toEqual([{ type: 'popup/tab', tabId: 3 }]);
  });
});

describe('the popup when the background cannot answer', () => {
  const refused = new Error('Could not establish connection. Receiving end does not exist.');

  it('says the records could not be read, and why', async () => {
    await openPopup('', refused);
    await wait(1000);
    expect(text('[role="alert"]')).toEqual(['Could not read the records: Could not establish connection. Receiving end does not exist.']);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('says so too when asking again fails, and stops asking', async () => {
    await openPopup('', view({ status: 'pending' }), refused);
    await wait(1000);
    expect(text('[role="alert"]')).toEqual(['Could not read the records: Could not establish connection. Receiving end does not exist.']);
    await wait(10_000);
    expect(tabRequests()).toHaveLength(2);
  });
});
