// @vitest-environment happy-dom
/**
 * The popup's site view, rendered as the popup renders it: what it says about a site the
 * records know, an unknown one, a page that is not a web page; what it asks the background
 * (the host, never the address); and what "Highlight on this page" reports.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordView, ReplyData, TabView } from '../src/messages/protocol';

type SiteView = ReplyData<'popup/site'>;
type Outcome = ReplyData<'popup/highlight'>;

/** The background's answers: popup/tab in turn (the last one from then on), popup/site, popup/highlight. */
const tabAnswers: TabView[] = [];
let siteAnswer: SiteView;
let highlightAnswer: Outcome;
const sendMessage = vi.fn(async (message: { type: string }) => {
  if (message.type === 'popup/tab') return { ok: true, data: tabAnswers.length > 1 ? tabAnswers.shift() : tabAnswers[0] };
  if (message.type === 'popup/site') return { ok: true, data: siteAnswer };
  if (message.type === 'popup/highlight') return { ok: true, data: highlightAnswer };
  return { ok: false, error: 'unexpected' };
});
let activeTab: { id?: number; url?: string } = {};
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: (message: { type: string }) => sendMessage(message), getURL: (path: string) => `chrome-extension://termlight/${path}` },
    tabs: { query: async () => [activeTab] },
  },
}));

const none: TabView = { status: 'none', documents: [], found: [], notFound: [] };
const clause = (key: string): RecordView => ({
  key,
  documentKey: 'tosdr.signal|signal.terms',
  title: `${key} clause`,
  severity: 'high',
  impact: '',
  whyItMatters: '',
  notes: [],
  quote: `The ${key} quote.`,
  platformName: 'Signal',
  documentTitle: 'Terms',
  sourceUrl: 'https://signal.org/legal/',
  method: 'exact',
  comparison: [],
});

const CREDIT = "Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0";
const signal = (fields: Partial<SiteView> = {}): SiteView => ({
  host: 'www.signal.org',
  onDemand: false,
  platforms: [
    {
      id: 'signal',
      name: 'Signal',
      domains: ['signal.org'],
      matchedBy: { kind: 'domain', host: 'signal.org' },
      rating: { grade: 'B', source: 'ToS;DR' },
      counts: { critical: 0, high: 3, medium: 5, low: 5, positive: 6 },
      recordCount: 19,
      records: Array.from({ length: 19 }, (_, i) => ({
        key: `tosdr.signal|p${i}`,
        title: `Point ${i}`,
        severity: i < 3 ? 'high' : i < 8 ? 'medium' : i < 13 ? 'low' : 'positive',
        impact: `Impact ${i}`,
        excerpt: `Quote ${i}.`,
        documentTitle: 'Terms of Service & Privacy Policy',
        source: 'ToS;DR: Signal',
        credit: CREDIT,
      })),
      documents: [
        { title: 'Terms and Privacy Policy', url: 'https://signal.org/legal/', source: 'ToS;DR: Signal' },
        { title: 'Signal and the GDPR', url: '', source: 'ToS;DR: Signal' },
      ],
      sources: [{ name: 'ToS;DR: Signal', kind: 'tosdr', version: 'tosdr-data-undated', publishedAt: '2026-12-02', credit: CREDIT, records: 19 }],
    },
  ],
  ...fields,
});

async function openPopup(url: string | undefined, ...tabs: TabView[]): Promise<void> {
  activeTab = { id: 3, ...(url ? { url } : {}) };
  tabAnswers.splice(0, tabAnswers.length, ...tabs);
  document.body.innerHTML = '<div id="app"></div>';
  vi.resetModules();
  await import('../test/setup/i18n'); // the fresh t() module needs its messages again
  await import('./popup');
}
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const text = (selector: string) => [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
const requests = (type: string) => sendMessage.mock.calls.map(([m]) => m).filter((m) => m.type === type);
const button = () => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Highlight on this page');

beforeEach(() => {
  vi.useFakeTimers();
  sendMessage.mockClear();
  siteAnswer = signal();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the site view', () => {
  it('on a site the records know: the platform, how it was found, its grade, counts, worst clauses, documents and sources', async () => {
    await openPopup('https://www.signal.org/legal/?ref=news#terms', none);
    await wait(50);
    expect(requests('popup/site')).toEqual([{ type: 'popup/site', host: 'www.signal.org', tabId: 3 }]);
    expect(JSON.stringify(sendMessage.mock.calls)).not.toContain('/legal/');

    expect(text('#site-heading')).toEqual(['What Termlight knows about www.signal.org']);
    expect(text('.site-platform h3')).toEqual(['Signal']);
    expect(text('.site-platform > .meta')[0]).toBe('Found by its domain signal.org');
    expect(text('.site-grade')).toEqual(['Grade B, given by ToS;DR']);
    expect(text('.site-counts')).toEqual(['19 clauses recorded · ▲ High 3 · ◆ Medium 5 · ● Low 5 · ✓ Good for you 6']);
    // Five at a glance, worst first; the rest folded.
    expect(text('.site-worst > li > strong')).toEqual(['Point 0', 'Point 1', 'Point 2', 'Point 3', 'Point 4']);
    expect(text('.site-platform details summary')).toEqual(['14 more clauses']);
    expect(text('.site-worst > li .meta')).toContain(`Analysis: ${CREDIT}`);
    expect(text('.site-worst > li .meta')).toContain('Terms of Service & Privacy Policy · ToS;DR: Signal');
    expect([...document.querySelectorAll('.site-docs a')].map((a) => a.getAttribute('href'))).toEqual(['https://signal.org/legal/']);
    expect(text('.site-docs li')[1]).toBe('Signal and the GDPR (ToS;DR: Signal; no address recorded)');
    expect(text('.site-sources li')).toEqual([`ToS;DR: Signal · ToS;DR data of unknown date: it may be out of date · 19 recordsAnalysis: ${CREDIT}`]);
    expect(button()).toBeDefined();
  });

  it('names every source with the age of its data: ToS;DR by the latest date in it, an import by its publisher, ours by version', async () => {
    const [platform] = signal().platforms;
    siteAnswer = signal({
      platforms: [
        {
          ...platform!,
          sources: [
            { name: 'Termlight records', kind: 'bundled', version: '0.1.0', publishedAt: '2026-11-20', records: 4 },
            { name: 'ToS;DR: Signal', kind: 'tosdr', version: 'tosdr-data-2018-01-04', publishedAt: '2018-01-04', credit: CREDIT, records: 19 },
            { name: 'My notes', kind: 'import', version: '3', publishedAt: '2026-05-01', records: 1 },
          ],
        },
      ],
    });
    await openPopup('https://signal.org/', none);
    await wait(50);
    expect(text('.site-sources li')).toEqual([
      'Termlight records · version 0.1.0 of 2026-11-20 · 4 records',
      `ToS;DR: Signal · ToS;DR data, latest date in it Jan 4, 2018: it may be out of date · 19 recordsAnalysis: ${CREDIT}`,
      'My notes · Dated May 1, 2026 by its publisher · 1 record',
    ]);
  });

  it('on an unknown site: "Nothing recorded", the search at hand, no button', async () => {
    siteAnswer = { host: 'www.example.org', platforms: [], onDemand: false };
    await openPopup('https://www.example.org/about', none);
    await wait(50);
    expect(text('.site .empty')).toEqual(['Nothing recorded for www.example.org.']);
    expect(text('.site .meta')).toEqual(['The search below finds a service under another name.']);
    expect(document.getElementById('search')).not.toBeNull();
    expect(button()).toBeUndefined();
  });

  it('on a page that is not a web page: one sentence, nothing asked', async () => {
    await openPopup('chrome://extensions/', none);
    await wait(50);
    expect(text('.empty')).toEqual(['This is not a web page: Termlight has no records for it, and browsers keep extensions out of their own pages.']);
    expect(requests('popup/site')).toEqual([]);
  });

  it('on a recorded document: the document first, the site view folded below it, without the button', async () => {
    const doc: TabView['documents'][number] = {
      key: 'bundled|signal.terms',
      title: 'Terms',
      platformName: 'Signal',
      url: 'https://signal.org/legal/',
      source: 'Termlight records',
      verification: { documentKey: 'bundled|signal.terms', state: 'unknown' },
      history: [],
    };
    siteAnswer = signal({ host: 'signal.org' });
    await openPopup('https://signal.org/legal/', { status: 'ready', documents: [doc], found: [clause('a')], notFound: [] });
    await wait(50);
    const main = document.querySelector('main')!;
    const [docHeading] = [...main.querySelectorAll('h2')];
    const site = document.querySelector('.site')!;
    expect(docHeading!.compareDocumentPosition(site) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(site.querySelector('details')?.open).toBe(false);
    expect(text('.site summary')[0]).toBe('What Termlight knows about signal.org');
    expect(button()).toBeUndefined();
  });
});

describe('Highlight on this page', () => {
  it('asks for the tab, follows the page while it looks, then says how many clauses it highlighted', async () => {
    highlightAnswer = { outcome: 'started', host: 'www.signal.org', platforms: ['Signal'] };
    await openPopup('https://www.signal.org/legal/', none);
    await wait(50);
    tabAnswers.splice(0, tabAnswers.length, { ...none, status: 'pending' }, { ...none, status: 'ready', found: [clause('a'), clause('b')] });
    siteAnswer = signal({ onDemand: true });
    button()!.click();
    await wait(20);
    expect(requests('popup/highlight')).toEqual([{ type: 'popup/highlight', tabId: 3 }]);
    expect(text('.site [role="status"]')).toEqual(['Looking for the clauses of Signal’s records on this page…']);
    await wait(1000);
    expect(text('.site [role="status"]')).toEqual(['Highlighted 2 clauses from Signal’s records.']);
    // The clauses it found, as on a document page, each with "Show in page".
    expect(text('.records h3')).toEqual(['a clause', 'b clause']);
    expect(button()).toBeUndefined();
  });

  it('says when none of the records was found on the page', async () => {
    siteAnswer = signal({ onDemand: true });
    await openPopup('https://www.signal.org/blog/', { ...none, status: 'ready' });
    await wait(50);
    expect(text('.site [role="status"]')).toEqual(['No clause of Signal’s records was found on this page.']);
  });

  it('opened by the shortcut while the page is still looking: follows it to the answer', async () => {
    siteAnswer = signal({ onDemand: true });
    await openPopup('https://www.signal.org/legal/', { ...none, status: 'pending' }, { ...none, status: 'ready', found: [clause('a')] });
    await wait(1000);
    expect(text('.site [role="status"]')).toEqual(['Highlighted 1 clause from Signal’s records.']);
  });

  it('says plainly when the browser keeps extensions out of the page, with its reason', async () => {
    highlightAnswer = { outcome: 'unavailable', error: 'The extensions gallery cannot be scripted.' };
    await openPopup('https://chromewebstore.google.com/detail/x', none);
    await wait(50);
    button()!.click();
    await wait(50);
    expect(text('.site [role="status"]')[0]).toMatch(/^Browsers keep extensions out of this page .* The browser said: The extensions gallery cannot be scripted\.$/);
    expect(document.querySelector('.site [role="status"]')?.className).toBe('error');
  });
});
