/**
 * A single-page site: its home page (www.anthropic.com/, where the manifest puts no content
 * script) moves into its Service Specific Terms with the history API, never loading a new
 * document. The background must notice the new address and bring the content script in; the
 * site's other pages must carry nothing of Termlight.
 */
import type { Page as PwPage } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { RUNNING_MARK } from '../../content/once';
import type { TabView } from '../../src/messages/protocol';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  badgeTextFor,
  colouredShare,
  comparable,
  firstClausePoint,
  fixtureHtml,
  openServed,
  poll,
  recordsOf,
  sleep,
  termlightRanges,
  viewportImage,
  waitForBadge,
  withBrowser,
  worstOf,
  type TestBrowser,
  type TestPage,
} from './harness';

// badge.ts imports the polyfill, which refuses to load outside an extension; only its colours are needed.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { BADGE_COLOURS } = await import('../../src/background/badge');

const HOME_URL = 'https://www.anthropic.com/';
const TERMS_PATH = new URL(DEMO_URL).pathname;
const records = recordsOf('anthropic.service-specific-terms');
const BADGE = { text: badgeTextFor(records.map((r) => r.severity)), color: BADGE_COLOURS[worstOf(records)] };

const demo = fixtureHtml(DEMO_FIXTURE);
const bodyOf = (html: string) => html.slice(html.indexOf('>', html.indexOf('<body')) + 1, html.indexOf('</body>'));
const HOME_BODY = `<header class="site-header"><a class="wordmark" href="/">Anthropic</a>
  <nav aria-label="Main"><ul><li><a id="to-terms" href="${TERMS_PATH}">Service Specific Terms</a></li></ul></nav></header>
  <main id="home"><h1>AI research and products that put safety at the frontier</h1>
  <p>This home page names no clause; it only links to the terms.</p></main>`;

/**
 * The site's one document, served at its home address: a router that follows same-site links
 * with pushState and swaps the body, as single-page sites do, and follows Back (popstate).
 */
const SPA = `${demo.slice(0, demo.indexOf('<body'))}<body>${HOME_BODY}
<script>
  const pages = ${JSON.stringify({ '/': HOME_BODY, [TERMS_PATH]: bodyOf(demo) }).replace(/</g, '\\u003c')};
  const show = (path) => { document.body.innerHTML = pages[path]; window.scrollTo(0, 0); };
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    const url = link && new URL(link.href);
    if (!url || url.origin !== location.origin || !(url.pathname in pages)) return;
    event.preventDefault();
    history.pushState({}, '', url.pathname);
    show(url.pathname);
  });
  addEventListener('popstate', () => show(location.pathname));
</script></body></html>`;

/** An extension page to ask the browser from (the options page: it has the extension's APIs). */
const helper = (browser: TestBrowser) => browser.openExtensionPage('popup/options.html');

/**
 * Whether a content script of ours answers in that tab: a harmless command (show a clause that
 * does not exist) gets {shown: false} from a content script; with none, sending fails.
 */
function answers(from: TestPage, tabId: number): Promise<boolean> {
  return from.evaluate(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.tabs.sendMessage(id, { type: 'clause/show', recordKey: 'none' }).then(
      () => true,
      () => false,
    );
  }, tabId);
}

/** Whether the content script's once-per-document mark is set in the tab's isolated world (content/once.ts). */
function marked(from: TestPage, tabId: number): Promise<boolean> {
  return from.evaluate(
    async ({ id, mark }: { id: number; mark: string }) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      const [probe] = await api.scripting.executeScript({
        target: { tabId: id },
        func: (m: string) => Boolean((globalThis as unknown as Record<symbol, { id?: string } | undefined>)[Symbol.for(m)]?.id),
        args: [mark],
      });
      return probe?.result === true;
    },
    { id: tabId, mark: RUNNING_MARK },
  );
}

/**
 * Chromium only (CDP; Firefox offers no such view over BiDi): every script parsed in the tab's
 * current document in a world of ours (the extension's isolated world), with its size, and the
 * page's long tasks so far. Enabling the debugger reports the scripts already parsed.
 */
async function whatWeRunInPage(page: TestPage, origin: string): Promise<{ worlds: number; scripts: { url: string; length: number }[]; longTasks: number[] } | null> {
  const raw = page.raw as PwPage;
  if (typeof raw.context !== 'function') return null;
  const cdp = await raw.context().newCDPSession(raw);
  try {
    const ours = new Set<number>();
    const scripts: { url: string; length: number; context: number }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === origin) ours.add(context.id);
    });
    cdp.on('Debugger.scriptParsed', (s) => void scripts.push({ url: s.url, length: s.length ?? 0, context: s.executionContextId }));
    await cdp.send('Runtime.enable');
    await cdp.send('Debugger.enable');
    const longTasks = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const observer = new PerformanceObserver((list) => {
            observer.disconnect();
            resolve(list.getEntries().map((e) => Math.round(e.duration)));
          });
          observer.observe({ type: 'longtask', buffered: true });
          setTimeout(() => resolve([]), 200);
        }),
    );
    return {
      worlds: ours.size,
      scripts: scripts.filter((s) => ours.has(s.context)).map(({ url, length }) => ({ url, length })),
      longTasks,
    };
  } finally {
    await cdp.detach();
  }
}

/**
 * Chromium only: from now on, every script of ours parsed in the tab, live (a script that ran
 * once and was collected is still counted), until stop().
 */
async function watchOurScripts(page: TestPage, origin: string): Promise<{ stop(): Promise<{ url: string; length: number }[]> } | null> {
  const raw = page.raw as PwPage;
  if (typeof raw.context !== 'function') return null;
  const cdp = await raw.context().newCDPSession(raw);
  const ours = new Set<number>();
  const scripts: { url: string; length: number; context: number }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === origin) ours.add(context.id);
  });
  cdp.on('Debugger.scriptParsed', (s) => void scripts.push({ url: s.url, length: s.length ?? 0, context: s.executionContextId }));
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  return {
    async stop() {
      await cdp.detach();
      return scripts.filter((s) => ours.has(s.context)).map(({ url, length }) => ({ url, length }));
    },
  };
}

/** Nothing of Termlight in the tab's document: no content script answers, no mark, (Chromium) no script of ours parsed. */
async function expectNothingInjected(browser: TestBrowser, page: TestPage, from: TestPage, label: string): Promise<void> {
  // The manifest's scripts run at document_idle, by the load event at the latest: give them time to show.
  await page.waitFor(() => document.readyState === 'complete');
  await sleep(1000);
  const seen = await whatWeRunInPage(page, browser.extensionOrigin);
  if (seen) {
    expect(seen.scripts, `${label}: scripts of ours parsed in the page`).toEqual([]);
    expect(seen.worlds, `${label}: worlds of ours in the page`).toBe(0);
    console.log(`[single-page:${browser.name}] ${label}: 0 bytes of ours parsed, 0 isolated worlds; the page's long tasks: ${JSON.stringify(seen.longTasks)}`);
  }
  const tabId = await browser.tabId(page);
  expect(await answers(from, tabId), `${label}: a content script answered`).toBe(false);
  expect(await marked(from, tabId), `${label}: the content script's mark is set`).toBe(false);
  expect(await termlightRanges(browser, page)).toEqual([]);
  expect((await browser.badge(page)).text).toBe('');
}

/** Highlighted and badged as on a loaded document, with the highlight styles painted. */
async function expectAnchored(browser: TestBrowser, page: TestPage): Promise<void> {
  expect(await waitForBadge(browser, page)).toEqual(BADGE);
  const texts = await poll(
    async () => {
      const found = (await termlightRanges(browser, page)).map((r) => comparable(r.text));
      return found.length >= records.length ? found : null;
    },
    { message: 'The clauses were not all highlighted' },
  );
  for (const record of records) expect(texts).toContain(comparable(record.quote.exact));
  // The styles came with the script: the clause's text is tinted, the heading above it is not.
  const point = await firstClausePoint(page);
  const heading = await page.evaluate(() =>
    [...document.getElementById('heading-b')!.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
  );
  const image = await viewportImage(page);
  expect(colouredShare(image, point.clauseRects), 'tinted share of the clause').toBeGreaterThan(0.3);
  expect(colouredShare(image, heading), 'tinted share of a plain heading').toBeLessThan(0.05);
}

async function tabView(from: TestPage, tabId: number): Promise<TabView> {
  const reply = await from.evaluate(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return await api.runtime.sendMessage<unknown, { ok: boolean; data?: unknown; error?: string }>({ type: 'popup/tab', tabId: id });
  }, tabId);
  if (!reply.ok) throw new Error(`popup/tab refused: ${reply.error}`);
  return reply.data as TabView;
}

describe.each(BROWSERS)('%s: single-page sites', (name) => {
  it('the home page carries nothing; moving into the terms with pushState (background stopped) highlights and badges them; out clears; in again highlights again', () =>
    withBrowser(name, async (browser) => {
      const from = await helper(browser);
      const page = await openServed(browser, HOME_URL, SPA);
      await expectNothingInjected(browser, page, from, 'home page');
      const watching = await watchOurScripts(page, browser.extensionOrigin);
      // As after a while on the home page: the browser has stopped the idle background, and the
      // change of address must start it.
      await browser.stopBackground();

      await page.click('#to-terms');
      expect(await page.waitFor(() => location.href === 'https://www.anthropic.com/legal/service-specific-terms')).toBe(true);
      await expectAnchored(browser, page);
      const tabId = await browser.tabId(page);
      expect(await answers(from, tabId)).toBe(true);
      const timing = (await tabView(from, tabId)).timing;
      console.log(`[single-page:${name}] entering the terms: the content script's own timing ${JSON.stringify(timing)}`);

      await page.click('a.wordmark');
      await page.waitFor(() => location.pathname === '/');
      await poll(async () => (await termlightRanges(browser, page)).length === 0 && (await browser.badge(page)).text === '', {
        message: 'Highlights or badge stayed after leaving the terms for the home page',
      });

      await page.click('#to-terms');
      await expectAnchored(browser, page);

      // Back (popstate) to the home page clears them too.
      await page.evaluate(() => history.back());
      await page.waitFor(() => location.pathname === '/');
      await poll(async () => (await termlightRanges(browser, page)).length === 0 && (await browser.badge(page)).text === '', {
        message: 'Highlights or badge stayed after going back to the home page',
      });
      const scripts = await watching?.stop();
      if (scripts) {
        // In, out, in and back: the content script was brought in once and then stayed.
        console.log(`[single-page:${name}] in, out, in and back: scripts of ours parsed ${JSON.stringify(scripts)}`);
        expect(scripts.filter((s) => s.url.endsWith('/content/index.js'))).toHaveLength(1);
      }
    }));

  it('a reload of the home page injects nothing', () =>
    withBrowser(name, async (browser) => {
      const from = await helper(browser);
      const page = await openServed(browser, HOME_URL, SPA);
      await (page.raw as { reload(): Promise<unknown> }).reload();
      expect(page.url()).toBe(HOME_URL);
      await expectNothingInjected(browser, page, from, 'home page reloaded');
    }));

  it('a second copy of the content script in a document that has one does not start: one card on hover, not two', () =>
    withBrowser(name, async (browser) => {
      const from = await helper(browser);
      const page = await openServed(browser, DEMO_URL, demo);
      await expectAnchored(browser, page);
      // What the background's injection does when it races the manifest's own copy, forced: the
      // built script, as the manifest names it, run again in the same document.
      const tabId = await browser.tabId(page);
      await from.evaluate(async (id: number) => {
        const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
        const files = api.runtime.getManifest().content_scripts![0]!.js!;
        await api.scripting.executeScript({ target: { tabId: id }, files });
      }, tabId);
      // A second session would look the page up and anchor it again: give it the time to.
      await sleep(3000);
      const point = await firstClausePoint(page);
      await page.mouseMove(point.x - 5, point.y);
      await page.mouseMove(point.x, point.y);
      // Each session shows its own card on hover: count the cards shown.
      const shown = await page.waitFor(
        () => [...document.querySelectorAll('termlight-card')].filter((host) => host.checkVisibility()).length || null,
        undefined,
        { message: 'No card appeared for the hovered clause' },
      );
      expect(shown).toBe(1);
    }));
});
