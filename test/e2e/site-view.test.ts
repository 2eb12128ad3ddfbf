/**
 * The popup on any page and "Highlight on this page", on the built extension, through the
 * browser's own controls (test/e2e/harness/toolbar.ts says what each browser lets us press):
 *
 * - a ToS;DR-only site (Signal's export imported through the options page; Signal's terms from
 *   the corpus served at www.signal.org/legal/, an address none of its documents names): the
 *   popup says what the records know (platform, grade, source, licence) and, asked, highlights
 *   the quotes that stand on the page and nothing else;
 * - an unknown site: "Nothing recorded for …", and no button;
 * - an unlisted page of a bundled platform (our demo copy of Anthropic's Service Specific Terms at
 *   an address no document names): asked, it gets all of Anthropic's records and anchors
 *   exactly the four of that document, as on its own page; before asking, nothing;
 * - a page that is not a web page: one sentence, no button;
 * - the install prompt: these permissions and the shortcut add no line to it.
 *
 * Chromium: the toolbar button for real (Extensions.triggerAction, which grants activeTab), the
 * popup's button. Firefox: the toolbar button, the keyboard shortcut and the context-menu item,
 * each a trusted event in the browser window. The shortcut and menu in Chromium: see toolbar.ts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t';
import {
  BROWSERS,
  DEMO_FIXTURE,
  REPO_ROOT,
  badgeTextFor,
  highlightSeverities,
  chooseContextMenuItem,
  clickInPopup,
  clickToolbar,
  closePopup,
  comparable,
  corpusDir,
  fixtureHtml,
  importFiles,
  markdownPage,
  openServed,
  pressShortcut,
  recordsOf,
  screenshotPopup,
  sleep,
  termlightRanges,
  waitForBadge,
  waitForPopupText,
  withBrowser,
  type TestBrowser,
  type TestPage,
} from './harness';
import { inParentProcess } from './harness/firefox-lifecycle';

const corpus = corpusDir();
const SIGNAL_EXPORT = corpus && path.join(corpus, 'tosdr/api-v1/signal.json');
const SIGNAL_TERMS = corpus && path.join(corpus, 'ota/more/Signal/Terms of Service.md');
/** Where Open Terms Archive fetched Signal's terms; the export names https://signal.org/legal/ for another document. */
const SIGNAL_URL = 'https://www.signal.org/legal/';
const UNKNOWN_URL = 'https://www.example.org/about';
/** Anthropic's Service Specific Terms where no bundled document (nor the manifest) names them. */
const UNLISTED_ANTHROPIC = 'https://www.anthropic.com/news/service-specific-terms-reprinted';
const SHOTS = path.join(REPO_ROOT, '.tmp/screenshots');

/** What "Highlight on this page" asks for in the manifest. */
const ON_DEMAND_PERMISSIONS: readonly string[] = ['activeTab', 'scripting', 'contextMenus'];

/**
 * The lines the browser's install dialog shows for a manifest asking `permissions` and no site:
 * Chromium's management.getPermissionWarningsByManifest, Firefox's ExtensionData.formatPermissionStrings
 * (what its install prompt is built from, reached in the browser window).
 */
async function installPromptFor(browser: TestBrowser, extensionPage: TestPage, permissions: string[]): Promise<string[]> {
  if (browser.name === 'chromium') {
    const manifest = { manifest_version: 3, name: 'probe', version: '1', permissions };
    return extensionPage.evaluate((json: string) => chrome.management.getPermissionWarningsByManifest(json), JSON.stringify(manifest));
  }
  return inParentProcess<string[]>(
    (extensionPage.raw as PuppeteerPage).browser(),
    `(json) => {
      const { ExtensionData } = ChromeUtils.importESModule('resource://gre/modules/Extension.sys.mjs');
      return JSON.stringify(ExtensionData.formatPermissionStrings({ permissions: { permissions: JSON.parse(json), origins: [] } }).msgs);
    }`,
    permissions,
  );
}

/**
 * A picture of the popup for `page`'s tab: Chromium's own popup (its page target); Firefox's popup
 * lives in a panel no screenshot reaches, so the same page opened in a tab for that tab (activeTab
 * is granted by then, so it reads the same address), 420 px wide like the popup. Not asserted:
 * looked at.
 */
async function screenshot(browser: TestBrowser, page: TestPage, tabId: number, file: string): Promise<void> {
  if (browser.name === 'chromium') return screenshotPopup(browser, page, file);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  await popup.setViewport(420, 900);
  await popup.waitFor(() => document.querySelector('.site') !== null && !document.querySelector('[aria-busy="true"]'));
  await popup.screenshot(file);
  await popup.close();
}

/** The quotes of one imported source as the extension stored them, read from its database in one of its pages. */
function storedQuotes(extensionPage: TestPage, packId: string): Promise<string[]> {
  return extensionPage.evaluate(
    (pack: string) =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('termlight');
        open.onerror = () => reject(new Error(open.error?.message ?? 'indexedDB.open failed'));
        open.onsuccess = () => {
          const get = open.result.transaction('records').objectStore('records').index('packId').getAll(pack);
          get.onerror = () => reject(new Error(get.error?.message ?? 'reading the records failed'));
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { quote: { exact: string } }[]).map((r) => r.quote.exact));
          };
        };
      }),
    packId,
  );
}

/** The quotes among `quotes` whose text stands in the page as a reader sees it. */
async function quotesOnPage(page: TestPage, quotes: readonly string[]): Promise<string[]> {
  const text = comparable(await page.evaluate(() => document.body.innerText));
  return quotes.filter((q) => text.includes(comparable(q)));
}

/** Highlighted texts, compared as quotes are, sorted. */
async function highlighted(browser: TestBrowser, page: TestPage): Promise<string[]> {
  return (await termlightRanges(browser, page)).map((r) => comparable(r.text)).sort();
}

async function importSignal(options: TestPage): Promise<number> {
  const status = await importFiles(options, SIGNAL_EXPORT!);
  expect(status).toMatch(/^Imported 1 file: /);
  return Number(/(\d+) records?/.exec(status)![1]);
}

/** What the site view says about Signal, in either browser. */
function expectSignalSummary(text: string, records: number): void {
  expect(text).toContain(t('popupSiteHeading', 'www.signal.org'));
  expect(text).toContain(t('popupSiteMatchedDomain', 'signal.org'));
  expect(text).toContain(t('popupSiteGrade', 'B', 'ToS;DR'));
  expect(text).toContain(t('popupSiteClausesMany', records));
  expect(text).toContain('ToS;DR: Signal');
  expect(text).toContain('CC BY-SA 3.0');
  expect(text).toContain(t('popupSiteHighlight'));
}

describe.each(BROWSERS)('%s: the popup on any page, and highlights on request', (name) => {
  it('asks nothing more at install: activeTab, scripting, contextMenus and the shortcut add no line to the install prompt', () =>
    withBrowser(name, async (browser) => {
      const options = await browser.openExtensionPage('popup/options.html');
      // What the browser's own install dialog would list for these permissions; "tabs" shows the check can see a line.
      const lines = (permissions: string[]) => installPromptFor(browser, options, permissions);
      expect(await lines([...ON_DEMAND_PERMISSIONS])).toEqual(await lines([]));
      expect((await lines(['tabs'])).length).toBeGreaterThan((await lines([])).length);
      if (name === 'chromium') {
        // And the built manifest as a whole: the same warnings with or without them.
        const built = await options.evaluate(async () => (await (await fetch('/manifest.json')).json()) as Record<string, unknown>);
        expect(built.permissions).toEqual(expect.arrayContaining([...ON_DEMAND_PERMISSIONS]));
        expect(built.commands).toBeDefined();
        const warnings = (manifest: object) => options.evaluate((json: string) => chrome.management.getPermissionWarningsByManifest(json), JSON.stringify(manifest));
        const { commands: _commands, ...withoutShortcut } = built;
        const without = { ...withoutShortcut, permissions: (built.permissions as string[]).filter((p) => !ON_DEMAND_PERMISSIONS.includes(p)) };
        expect(await warnings(built)).toEqual(await warnings(without));
      }
    }));

  it.runIf(corpus)('a ToS;DR-only site: what the records say, then its quotes highlighted on request and nothing else', () =>
    withBrowser(
      name,
      async (browser) => {
        mkdirSync(SHOTS, { recursive: true });
        const options = await browser.openExtensionPage('popup/options.html');
        const records = await importSignal(options);
        const page = await openServed(browser, SIGNAL_URL, markdownPage(SIGNAL_TERMS!, 'Signal Terms & Privacy Policy'));
        const tabId = await browser.tabId(page);
        const present = await quotesOnPage(page, await storedQuotes(options, 'tosdr.signal'));
        expect(present.length, 'Signal quotes standing on the page').toBeGreaterThanOrEqual(5);
        await sleep(500);
        expect(await termlightRanges(browser, page), 'highlights before anyone asked').toEqual([]);

        await clickToolbar(browser, page);
        expectSignalSummary(await waitForPopupText(options, t('popupSiteHeading', 'www.signal.org')), records);
        const shot = (what: string) => screenshot(browser, page, tabId, path.join(SHOTS, `site-view-${what}-${name}.png`));
        await shot('tosdr');

        if (name === 'chromium') {
          await clickInPopup(options, t('popupSiteHighlight'));
        } else {
          // Firefox: the shortcut instead, which opens the popup again to say what happened.
          await closePopup(options);
          await pressShortcut(browser, page, 'H', ['Alt', 'Shift']);
        }
        // Read first: bringing the tab to the front (to read its badge) closes the popup.
        const said = await waitForPopupText(options, 'Highlighted ', { timeout: 30_000 });
        if (name === 'chromium') await shot('highlighted');
        const badge = await waitForBadge(browser, page);
        const texts = await highlighted(browser, page);
        expect(texts, 'every quote on the page highlighted, nothing else').toEqual(present.map(comparable).sort());
        expect(badge.text).toBe(badgeTextFor(highlightSeverities(await termlightRanges(browser, page))));
        expect(said).toContain(t('popupSiteHighlightedMany', texts.length, 'Signal'));
        if (name === 'firefox') await shot('highlighted');
      },
      { extensionDebugging: true },
    ),
  );

  it('an unknown site: "Nothing recorded", with no button', () =>
    withBrowser(
      name,
      async (browser) => {
        mkdirSync(SHOTS, { recursive: true });
        const options = await browser.openExtensionPage('popup/options.html');
        const page = await openServed(browser, UNKNOWN_URL, '<!doctype html><title>About</title><h1>About us</h1><p>We make things.</p>');
        const tabId = await browser.tabId(page);
        await clickToolbar(browser, page);
        const text = await waitForPopupText(options, t('popupSiteNothing', 'www.example.org'));
        expect(text).toContain(t('popupSiteHeading', 'www.example.org'));
        expect(text).not.toContain(t('popupSiteHighlight'));
        expect(text).toContain(t('searchInputLabel'));
        await screenshot(browser, page, tabId, path.join(SHOTS, `site-view-unknown-${name}.png`));
      },
      { extensionDebugging: true },
    ),
  );

  it("an unlisted page of a bundled platform gets that platform's records on request: only its own clauses anchor", () =>
    withBrowser(
      name,
      async (browser) => {
        const own = recordsOf('anthropic.service-specific-terms').map((r) => comparable(r.quote.exact)).sort();
        const options = await browser.openExtensionPage('popup/options.html');
        const page = await openServed(browser, UNLISTED_ANTHROPIC, fixtureHtml(DEMO_FIXTURE));
        await browser.tabId(page);
        await sleep(500);
        expect(await termlightRanges(browser, page), 'highlights before anyone asked').toEqual([]);

        if (name === 'chromium') {
          await clickToolbar(browser, page);
          await waitForPopupText(options, t('popupSiteMatchedDomain', 'anthropic.com'));
          await clickInPopup(options, t('popupSiteHighlight'));
        } else {
          await chooseContextMenuItem(browser, page, 40, 40, t('menuHighlightPage'));
        }
        // Read first: bringing the tab to the front (to read its badge) closes the popup.
        const said = await waitForPopupText(options, 'Highlighted ', { timeout: 30_000 });
        const badge = await waitForBadge(browser, page);
        expect(await highlighted(browser, page)).toEqual(own);
        expect(badge.text).toBe(badgeTextFor(highlightSeverities(await termlightRanges(browser, page))));
        expect(said).toContain(t('popupSiteHighlightedMany', own.length, 'Anthropic'));
      },
      { extensionDebugging: true },
    ),
  );
});

describe.each(BROWSERS)('%s: a page that is not a web page', (name) => {
  // Chromium: its own page, whose address activeTab does not even reveal; Firefox: a data: page,
  // whose address it does (its about: pages never report their load over BiDi).
  const [url, said] =
    name === 'chromium'
      ? ['chrome://version/', t('popupSiteClosed')]
      : ['data:text/html,<title>Local</title><p>A local page.</p>', t('popupSiteNotWeb')];
  it('the popup says so plainly, with no button, and nothing breaks', () =>
    withBrowser(
      name,
      async (browser) => {
        const options = await browser.openExtensionPage('popup/options.html');
        const page = await browser.open(url);
        await clickToolbar(browser, page);
        const text = await waitForPopupText(options, said);
        expect(text).not.toContain(t('popupSiteHighlight'));
        expect(text).toContain(t('searchInputLabel'));
      },
      { extensionDebugging: true },
    ));
});
