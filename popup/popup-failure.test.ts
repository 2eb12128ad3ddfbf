// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabView } from '../src/messages/protocol';

const views: TabView[] = [];
const sendMessage = vi.fn(async (message: { type: string }) =>
  message.type === 'popup/tab' ? { ok: true, data: views.length > 1 ? views.shift() : views[0] } : { ok: false, error: 'unexpected' },
);
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: (message: { type: string }) => sendMessage(message), getURL: (path: string) => `chrome-extension://termlight/${path}` },
    tabs: { query: async () => [{ id: 3 }] },
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

/** Opens the popup afresh on the views given (the last one is answered from then on). */
async function openPopup(...answers: TabView[]): Promise<void> {
  views.splice(0, views.length, ...answers);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../test/setup/i18n'); // the fresh t() module needs its messages again
  await import('./popup');
}
const text = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.textContent ?? '');

afterEach(() => {
  vi.useRealTimers();
});

describe('the popup on a page that failed or is slow', () => {
  it('says the page failed, what to do and the error, instead of looking for clauses', async () => {
    await openPopup(view({ status: 'failed', error: 'Termlight: no answer from the background' }));
    await vi.waitFor(() => expect(text('[role="alert"]').join()).toContain('Reload the page'));
    expect(text('[role="alert"]').join()).toContain('Termlight: no answer from the background');
    expect(text('h2').join()).toContain('Consumer Terms');
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
  });

  it('stops looking busy after 30 s of waiting and says to reload', async () => {
    vi.useFakeTimers();
    await openPopup(view({ status: 'pending' }));
    await vi.waitFor(() => expect(text('[aria-busy="true"]')).toEqual(['Looking for clauses on the page…']));
    await vi.advanceTimersByTimeAsync(31_000);
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(text('[role="status"]').join()).toMatch(/still looking.*reload the page/);
  });

  it('tells the reader when the bundled records could not be loaded', async () => {
    await openPopup(view({ status: 'none', documents: [], setupProblem: 'the browser’s storage for Termlight is full' }));
    await vi.waitFor(() => expect(text('[role="alert"]').join()).toContain('Restore the bundled records'));
  });
});
