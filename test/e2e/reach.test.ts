/**
 * Automatic highlights on the sites of imported records, in real browsers, on the built extension:
 * ToS;DR exports from the corpus imported on the options page, the one offer, the grant, and the
 * imported services' documents (Open Terms Archive's current text, rendered at run time) served at
 * the addresses the records give them, where the manifest's content script does not run.
 *
 * Granting (see harness/host-access.ts): Firefox grants the request made in the real click, its
 * prompt answered by the pref extensions.webextOptionalPermissionPrompts. Headless Chromium's
 * prompt cannot be answered: the click's request is observed pending for exactly the offered
 * sites, and the grant is then written into the profile as Chromium stores an "Allow", the browser
 * restarted on it. Every other step is the same in both.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  DIST,
  comparable,
  copyExtension,
  corpusDir,
  importFiles,
  launch,
  manifestVersion,
  markdownPage,
  nextVersion,
  poll,
  sleep,
  startFeedServer,
  termlightRanges,
  unpackedExtensionId,
  waitForBadge,
  type BrowserName,
  type LaunchOptions,
  type TestBrowser,
  type TestPage,
} from './harness';
import {
  GRANT_WITHOUT_PROMPT_PREFS,
  grantInChromiumProfile,
  installPromptLines,
  requestedOrigins,
  revokeInBrowserSettings,
  spyOnPermissionRequests,
} from './harness/host-access';
import { sameClause } from './harness/clauses';

const CORPUS = corpusDir();

/** Services whose ToS;DR documents live where the manifest's content script does not run. */
const SERVICES = ['github', 'wikipedia', 'pinterest'];
/** Their sites, as offered and asked for: one per host of their documents. */
const SITES = ['https://about.pinterest.com/*', 'https://help.github.com/*', 'https://wikimediafoundation.org/*'];
/** Two of their documents, served with the current text at the address the ToS;DR records give. */
const PAGES = [
  { label: 'GitHub Terms of Service', url: 'https://help.github.com/en/articles/github-terms-of-service', ota: 'GitHub/Terms of Service.md' },
  { label: 'Wikimedia Terms of Use', url: 'https://wikimediafoundation.org/wiki/Terms_of_Use', ota: 'Wikipedia/Terms of Service.md' },
];

interface Point {
  tosdr_service_slug: string;
  tosdr_document_url: string | null;
  quote_text: string;
  match: { current: { level: string } };
}

/** The quotes ToS;DR records for a page that stand verbatim (or but for spacing) in its current text. */
function quotesOnPage(url: string): { present: string[]; all: string[] } {
  const points = (JSON.parse(readFileSync(path.join(CORPUS!, 'tosdr/points.json'), 'utf8')) as Point[]).filter((p) => p.tosdr_document_url === url);
  return {
    present: points.filter((p) => ['exact', 'whitespace'].includes(p.match.current.level)).map((p) => comparable(p.quote_text)),
    all: points.map((p) => p.quote_text),
  };
}

/** The hosts the built manifest's required host access names. */
const bundledSites = () =>
  new Set((JSON.parse(readFileSync(path.join(DIST.firefox, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions.map((p) => new URL(p.replace(/\*/g, 'x')).host)).size;

const exportFiles = () => SERVICES.map((s) => path.join(CORPUS!, 'tosdr/api-v1', `${s}.json`));

/** The reach section's line for one source (its row in the table). */
const sourceState = (options: TestPage, source: string) =>
  options.evaluate((key: string) => document.querySelector(`#reach tr[data-source="${key}"] .reach-state`)?.textContent ?? '', source);

const waitForText = (page: TestPage, selector: string, pattern: RegExp, message: string) =>
  page
    .waitFor(
      ({ selector: s, source }: { selector: string; source: string }) => {
        const text = document.querySelector(s)?.textContent ?? '';
        return new RegExp(source).test(text) ? text : '';
      },
      { selector, source: pattern.source },
      { timeout: 30_000, message },
    )
    .catch(async (error: Error) => {
      const now = await page.evaluate((s: string) => document.querySelector(s)?.textContent ?? '(nothing there)', selector);
      throw new Error(`${error.message}; ${selector} says "${now}"`);
    });

const waitForSourceState = (options: TestPage, source: string, state: string) =>
  poll(async () => (await sourceState(options, source)) === state, { timeout: 30_000 }).catch(async () => {
    throw new Error(`The options page never said "${state}" for ${source}: it says "${await sourceState(options, source)}"`);
  });

/** The page's highlights against its quotes: every quote present is highlighted, and nothing else is. */
async function checkHighlights(browser: TestBrowser, page: TestPage, url: string): Promise<number> {
  await waitForBadge(browser, page);
  const { present, all } = quotesOnPage(url);
  // One range per clause, in its severity ('changed' marks a reworded one again; 'flash' is "Show in page").
  const texts = (await termlightRanges(browser, page))
    .filter((r) => r.highlight !== 'termlight-flash' && r.highlight !== 'termlight-changed')
    .map((r) => comparable(r.text));
  expect(present.length, `quotes present on ${url}`).toBeGreaterThan(2);
  expect(present.filter((q) => !texts.includes(q)), `quotes not highlighted on ${url}`).toEqual([]);
  expect(texts.filter((t) => !all.some((q) => sameClause(t, q))), `highlights that are no record's clause on ${url}`).toEqual([]);
  return texts.length;
}

/** Opens `url` and waits: no content script may run there (no badge, no highlight). */
async function expectNoHighlights(browser: TestBrowser, url: string, why: string): Promise<void> {
  const page = await browser.open(url);
  // Time for a content script to have reported, were there one.
  await sleep(2_500);
  expect(await termlightRanges(browser, page), `${url}: ${why}`).toEqual([]);
  expect((await browser.badge(page)).text, `${url} badge: ${why}`).toBe('');
  await page.close();
}

/** Opens `url`, reloading until its highlights come (a start-up may still be registering the script). */
async function openHighlighted(browser: TestBrowser, url: string): Promise<TestPage> {
  const page = await browser.open(url);
  await poll(
    async () => {
      if ((await browser.badge(page)).text) return true;
      await page.evaluate(() => location.reload());
      await sleep(1_500);
      return false;
    },
    { timeout: 30_000, message: `${url} was never highlighted` },
  );
  return page;
}

/** A feed pack of one fictional service whose documents are on `sites` (one document each, two clauses). */
function feedPack(version: string, sites: string[]): string {
  return JSON.stringify({
    schemaVersion: 1,
    packId: 'reach-feed',
    packVersion: version,
    publishedAt: '2026-11-20',
    source: { kind: 'feed', name: 'Reach test feed' },
    platforms: [{ id: 'feedco', name: 'FeedCo', domains: sites }],
    documents: sites.map((site, d) => ({
      id: `feedco.d${d}`,
      platformId: 'feedco',
      title: `FeedCo terms ${d}`,
      kind: 'terms',
      url: `https://${site}/terms`,
      urlPatterns: [`${site}/terms`],
    })),
    records: sites.flatMap((site, d) =>
      [0, 1].map((i) => ({
        id: `feedco.d${d}.r${i}`,
        documentId: `feedco.d${d}`,
        title: `FeedCo clause ${d}.${i}`,
        quote: { exact: feedQuote(d, i) },
        severity: 'high',
        categories: ['data-sharing'],
        impact: 'An example impact.',
        whyItMatters: 'An example reason.',
        firstTracked: '2026-11-20',
        lastVerified: '2026-11-20',
        provenance: { sourceUrl: `https://${site}/terms` },
      })),
    ),
  });
}
const feedQuote = (doc: number, i: number) => `FeedCo may share what you write in document ${doc} with partner number ${i}.`;
const feedPage = (doc: number) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FeedCo terms</title></head>
<body><h1>FeedCo terms</h1><p>Welcome. ${feedQuote(doc, 0)} Some other words.</p><p>More words. ${feedQuote(doc, 1)}</p></body></html>`;

let work = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'termlight-reach-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

const launchOptions = (name: BrowserName, extensionDir: string, profileDir: string, install: LaunchOptions['firefoxInstall']): LaunchOptions => ({
  extensionDir,
  profileDir,
  firefoxPrefs: GRANT_WITHOUT_PROMPT_PREFS,
  ...(name === 'firefox' ? { firefoxInstall: install } : {}),
});

describe.each(BROWSERS)('%s: automatic highlights', (name) => {
  it('asks nothing more at install: the install prompt lists the bundled sites only, never all sites', async () => {
    const browser = await launch(name);
    try {
      const options = await browser.openExtensionPage('popup/options.html');
      const prompt = await installPromptLines(browser, options);
      const text = prompt.asBuilt.join('\n');
      expect(text).not.toMatch(/all (web)?sites|all your data/i);
      if (name === 'chromium') {
        // The warnings Chromium's install dialog lists (the bundled sites, summed up), the same with or without the optional access.
        expect(prompt.asBuilt).toContain('Read and change your data on a number of websites');
        expect(prompt.asBuilt).toEqual(prompt.withoutOptional);
      } else {
        // Firefox's install dialog: the bundled sites (named "sites in N domains"), and no optional line.
        expect(prompt.asBuilt).toEqual([`Access your data for sites in ${bundledSites()} domains`]);
        expect(prompt.optionalOrigins).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });

  it('imported services\' own pages: offered, granted, highlighted with their quotes only; kept across restart and update; revoke and withdraw end it', async (context) => {
    if (!CORPUS) {
      console.warn(`No corpus found: skipping automatic highlights on imported services in ${name}.`);
      context.skip();
    }
    const dir = path.join(work, `ext-${name}`);
    const profileDir = path.join(work, `profile-${name}`);
    copyExtension(DIST[name], dir);
    const pages = PAGES.map((p) => ({ ...p, html: markdownPage(path.join(CORPUS!, 'ota/current', p.ota), p.label) }));
    const start = async (install: LaunchOptions['firefoxInstall']) => {
      const browser = await launch(name, launchOptions(name, dir, profileDir, install));
      for (const page of pages) await browser.serve(page.url, page.html);
      return browser;
    };

    let browser = await start('permanent');
    try {
      const options = await browser.openExtensionPage('popup/options.html');
      expect(await importFiles(options, exportFiles())).toMatch(/^Imported 3 files/);
      const offer = await waitForText(options, '#reach-allow', /^Highlight automatically/, 'No offer after the import');
      expect(offer).toBe('Highlight automatically on the 3 sites in your records');
      expect(await sourceState(options, 'tosdr')).toBe('not automatic');
      await expectNoHighlights(browser, PAGES[0]!.url, 'before the reader allowed the site');

      await spyOnPermissionRequests(options);
      await options.click('#reach-allow');
      await poll(async () => (await requestedOrigins(options)).length > 0, { message: 'The click asked the browser for nothing' });
      expect(await requestedOrigins(options)).toEqual([SITES]);

      if (name === 'chromium') {
        // The prompt is up and cannot be answered here: nothing is granted yet.
        await sleep(1_000);
        expect(await options.evaluate((sites: string[]) => chrome.permissions.contains({ origins: sites }), SITES)).toBe(false);
        expect(await sourceState(options, 'tosdr')).toBe('not automatic');
        await browser.close();
        grantInChromiumProfile(profileDir, unpackedExtensionId(dir), SITES);
        browser = await start(undefined);
      } else {
        expect(await waitForText(options, '#reach-status', /^Allowed/, 'The grant was never reported')).toBe(
          'Allowed: 3 more sites get automatic highlights.',
        );
      }
      const after = await browser.openExtensionPage('popup/options.html');
      await waitForSourceState(after, 'tosdr', 'automatic on 3 sites');
      expect(await after.evaluate(() => document.getElementById('reach-offer'))).toBeNull();
      await after.close();
      for (const page of pages) await checkHighlights(browser, await browser.open(page.url), page.url);

      // Browser restart: the registration is still there, without opening any extension page.
      await browser.close();
      browser = await start(name === 'firefox' ? 'none' : undefined);
      for (const page of pages) await checkHighlights(browser, await openHighlighted(browser, page.url), page.url);

      // Update to a newer version over the same id.
      copyExtension(DIST[name], dir, nextVersion(manifestVersion(DIST[name])));
      await browser.reloadExtension();
      for (const page of pages) await checkHighlights(browser, await openHighlighted(browser, page.url), page.url);

      // Taken back in the browser's own settings: said on the options page, and its pages are dark.
      const settings = await browser.openExtensionPage('popup/options.html');
      await revokeInBrowserSettings(browser, settings, 'https://wikimediafoundation.org/*');
      expect(
        await waitForText(settings, '#reach-revoked', /browser's settings/, 'The options page never said the site was taken back'),
      ).toMatch(/^You withdrew access to wikimediafoundation\.org in the browser's settings/);
      await waitForSourceState(settings, 'tosdr', '2 of 3 sites allowed');
      await expectNoHighlights(browser, PAGES[1]!.url, 'after its access was taken back in the browser settings');
      await checkHighlights(browser, await browser.open(PAGES[0]!.url), PAGES[0]!.url);

      // Withdrawn on the options page: access given back, nothing highlighted, and said so.
      await settings.click('#reach tr[data-source="tosdr"] button[aria-label^="Withdraw"]');
      expect(await waitForText(settings, '#reach-status', /withdrawn/, 'The withdrawal was never reported')).toBe(
        'ToS;DR (3 services): automatic highlights withdrawn, and access given back to about.pinterest.com, help.github.com.',
      );
      await waitForSourceState(settings, 'tosdr', 'not automatic (you withdrew it)');
      expect(await settings.evaluate((sites: string[]) => ((globalThis as { browser?: typeof chrome }).browser ?? chrome).permissions.contains({ origins: sites.slice(0, 2) }), SITES)).toBe(false);
      await expectNoHighlights(browser, PAGES[0]!.url, 'after the source was withdrawn');
    } finally {
      await browser.close();
    }
  }, 420_000);

  it('a feed update that brings a new site: offered, granted, highlighted; the next new site offered again; removing the feed gives its site back', async () => {
    const server = await startFeedServer();
    server.answer = () => ({ status: 200, body: feedPack('1', ['feedco.example']) });
    const dir = path.join(work, `feed-ext-${name}`);
    const profileDir = path.join(work, `feed-profile-${name}`);
    copyExtension(DIST[name], dir);
    const start = async () => {
      const browser = await launch(name, { ...launchOptions(name, dir, profileDir, 'temporary'), acceptInsecureCerts: true });
      await browser.serve('https://feedco.example/terms', feedPage(0));
      return browser;
    };
    let browser = await start();
    try {
      const options = await browser.openExtensionPage('popup/options.html');
      // The feed section reads its settings first; an address typed before that is overwritten.
      await waitForText(options, '#feed-status', /No feed is set/, 'The feed section never read its settings');
      await options.fillByLabel('Feed address', server.url);
      await options.click('#feed-save');
      await waitForText(options, '#feed-status', /Updated to version 1\./, 'The feed was never applied');
      expect(await waitForText(options, '#reach-allow', /^Highlight automatically/, 'No offer after the feed update')).toBe(
        'Highlight automatically on the 1 site in your records',
      );
      // The sources' table is read apart from the offer, and may be drawn a moment after it.
      await waitForSourceState(options, 'reach-feed', 'not automatic');

      await spyOnPermissionRequests(options);
      await options.click('#reach-allow');
      await poll(async () => (await requestedOrigins(options)).length > 0, { message: 'The click asked the browser for nothing' });
      expect(await requestedOrigins(options)).toEqual([['https://feedco.example/*']]);
      if (name === 'chromium') {
        await browser.close();
        grantInChromiumProfile(profileDir, unpackedExtensionId(dir), ['https://feedco.example/*']);
        browser = await start();
      }
      const granted = await browser.openExtensionPage('popup/options.html');
      await waitForSourceState(granted, 'reach-feed', 'automatic on 1 site');
      const page = await browser.open('https://feedco.example/terms');
      expect((await waitForBadge(browser, page)).text).toBe('2');
      const texts = (await termlightRanges(browser, page)).map((r) => comparable(r.text));
      expect(texts.sort()).toEqual([feedQuote(0, 0), feedQuote(0, 1)]);

      // The next version brings a second site: offered on its own, the first stays automatic.
      server.answer = () => ({ status: 200, body: feedPack('2', ['feedco.example', 'legal.feedco2.example']) });
      await granted.click('#feed-check');
      await waitForText(granted, '#feed-status', /Updated to version 2\./, 'The second version was never applied');
      expect(await waitForText(granted, '#reach-allow', /^Highlight automatically/, 'No offer for the new site')).toBe(
        'Highlight automatically on the 1 site in your records',
      );
      await waitForSourceState(granted, 'reach-feed', '1 of 2 sites allowed');

      // Removing the feed's records gives its site back: nothing highlighted there any more.
      await granted.click('button[aria-label="Remove Reach test feed"]');
      await waitForText(granted, '#sources-status', /^Removed Reach test feed/, 'The feed was never removed');
      await poll(
        async () =>
          !(await granted.evaluate(() =>
            ((globalThis as { browser?: typeof chrome }).browser ?? chrome).permissions.contains({ origins: ['https://feedco.example/*'] }),
          )),
        { message: 'The feed site kept its access after the feed was removed' },
      );
      expect(await granted.evaluate(() => document.querySelector('#reach tbody'))).toBeNull();
      await expectNoHighlights(browser, 'https://feedco.example/terms', 'after the feed was removed');
    } finally {
      await browser.close();
      await server.close();
    }
  }, 300_000);
});
