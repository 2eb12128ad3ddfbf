/**
 * What the extension sends over the network during a whole session of use: reading a known
 * policy page, a page that is not one, and another known policy page; the popup and its search;
 * the options page, importing a file, setting a records feed and checking it.
 *
 * How it is observed, the same way in both browsers:
 * - Every request that leaves the browser goes through a recording proxy started by the test
 *   (harness/recording-proxy.ts; Chromium --proxy-server with loopback not bypassed, Firefox
 *   network.proxy.* prefs with localhost hijacking allowed). The proxy reads inside HTTPS
 *   tunnels (the browser trusts any certificate here), so each request is seen whole: address,
 *   headers and body. It passes on only requests to localhost (the feed server); anything else
 *   is refused after being recorded.
 * - Requests the harness answers itself instead of the network (the pages served at their real
 *   addresses; TestBrowser.served) are checked too: a content script's request to the web would
 *   land there, not at the proxy, and so (in Chromium, where playwright's routing covers the
 *   service worker) would the background's to any host but localhost.
 * Both were checked by planting a leak in a copy of the built extension: a content script
 * fetch with the page's address, and a background fetch on each message (Chromium: to
 * www.google.com, Firefox: a POST elsewhere). This test failed for each.
 * The page under test makes no request of its own beyond its document (the fixtures load
 * nothing), so every other request would be the extension's, or the browser's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  FIXTURES,
  fixtureHtml,
  launch,
  openServed,
  badgeTextFor,
  recordsOf,
  sleep,
  startFeedServer,
  startRecordingProxy,
  waitForBadge,
  withBrowser,
  type BrowserName,
  type FeedServer,
  type ProxiedRequest,
  type RecordingProxy,
  type ServedRequest,
  type TestBrowser,
  type TestPage,
  exampleFeedPack,
  poll,
  unpackedExtensionId,
  DIST,
} from './harness';
import { GRANT_WITHOUT_PROMPT_PREFS, grantInChromiumProfile } from './harness/host-access';

const demo = fixtureHtml(DEMO_FIXTURE);
const NOT_A_POLICY = 'https://blog.example.org/2026/why-we-read-the-terms';
const NOT_A_POLICY_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Why we read the terms</title></head>
<body><h1>Why we read the terms</h1><p>A blog post about reading terms of service. Nothing here is a policy.</p></body></html>`;
const COMMERCIAL_URL = 'https://www.anthropic.com/legal/commercial-terms';
const commercial = recordsOf('anthropic.commercial-terms')[0]!;
/** The demo page's badge: its clauses that concern the reader. */
const DEMO_BADGE = badgeTextFor(recordsOf('anthropic.service-specific-terms').map((r) => r.severity));
const COMMERCIAL_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Commercial Terms of Service</title></head>
<body><h1>Commercial Terms of Service</h1><p>Some text before. ${commercial.quote.exact} Some text after.</p></body></html>`;
const SEARCH = 'Development Partner';
const IMPORT = path.join(FIXTURES, 'tosdr-example.json');

/** The sites the reader allows in the second scenario: the imported service's and the feed's. */
const REACH_SITES = ['https://feedco.example/*', 'https://notes.example.com/*'];
const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>Before. ${text} After.</p></body></html>`;
/** Their documents: address, page, clauses found there. */
const REACH_PAGES: [string, string, number][] = [
  [
    'https://notes.example.com/legal/terms',
    page('Example Notes terms', 'We may revise these Terms at any time, and the revised Terms take effect as soon as they are posted on this page.'),
    1,
  ],
  ['https://feedco.example/terms', page('FeedCo terms', 'FeedCo may do thing number 0 with your data.'), 1],
];

const FEED_PACK = exampleFeedPack({ packId: 'feed-privacy', version: '1', records: 1, name: 'Privacy test feed' });


/**
 * What must never leave: the addresses read, words of their clauses, what was searched and
 * imported. Matched case-insensitively against every request's address, headers and body.
 */
const SECRETS = [
  'anthropic',
  'service-specific',
  'commercial-terms',
  'example.org',
  'why-we-read',
  'Beta Services',
  'Fine-Tuning',
  'Development Partner',
  'liability',
  'competing',
  'Example Notes',
  'notes.example.com',
  'feedco.example',
];
const leaks = (what: string) => SECRETS.filter((secret) => what.toLowerCase().includes(secret.toLowerCase()));

/**
 * The browsers' own background services, which are not the extension: Chromium's component
 * updater (update.googleapis.com, for components of its own, not our extension) and sign-in
 * check (accounts.google.com ListAccounts), Firefox's Remote Settings
 * (firefox.settings.services.mozilla.com) and puppeteer's placeholder host. Told apart by host;
 * still searched for anything read, and they must not carry the extension's origin.
 */
const BROWSER_SERVICES: Record<BrowserName, RegExp> = {
  chromium: /(^|\.)(googleapis\.com|google\.com|gvt1\.com|gstatic\.com)$/,
  firefox: /(^|\.)(mozilla\.com|mozilla\.net|mozilla\.org|firefox\.com)$|^dummy\.test$/,
};

const statusAfter = (options: TestPage, selector: string, pattern: string, previous = '') =>
  options.waitFor(
    ({ selector: s, pattern: p, previous: before }: { selector: string; pattern: string; previous: string }) => {
      const text = document.querySelector(s)?.textContent ?? '';
      return text !== before && new RegExp(p).test(text) ? text : '';
    },
    { selector, pattern, previous },
    { timeout: 30_000, message: `${selector} never matched ${pattern}` },
  );

/**
 * What left the browser (through `proxy`) and what the harness answered (`served`) during a
 * session that opened the pages `opened` and set the feed `feed`: only the feed, at least
 * `feedGets` times, and nothing that says what was read, searched or imported.
 */
function expectOnlyTheFeed(
  name: BrowserName,
  proxy: RecordingProxy,
  feed: FeedServer,
  served: readonly ServedRequest[],
  opened: readonly string[],
  feedGets: number,
): void {
  const label = (r: ProxiedRequest) => `${r.method} ${r.url}`;
  const hostOf = (r: ProxiedRequest) => (r.method === 'CONNECT' ? r.url.replace(/:\d+$/, '') : new URL(r.url).hostname);
  const pageHosts = new Set(opened.map((o) => new URL(o).hostname));
  const tunnels = proxy.requests.filter((r) => r.method === 'CONNECT');
  const requests = proxy.requests.filter((r) => r.method !== 'CONNECT');
  const toFeed = requests.filter((r) => r.url === feed.url);
  const toBrowserServices = requests.filter((r) => r.url !== feed.url && BROWSER_SERVICES[name].test(hostOf(r)));
  if (process.env.PRIVACY_DEBUG) for (const r of requests) console.log(label(r), JSON.stringify(r.headers), r.body.slice(0, 1500));
  console.log(
    `[privacy:${name}] ${proxy.requests.length} connections/requests left the browser: ` +
      `${toFeed.length} to the feed (${toFeed.map((r) => r.method).join(', ')}), ` +
      `${toBrowserServices.length} to the browser's own services (${[...new Set(toBrowserServices.map(hostOf))].join(', ') || 'none'}), ` +
      `tunnels opened to ${[...new Set(tunnels.map(hostOf))].join(', ')}; ` +
      `${served.length} requests answered by the harness (${[...new Set(served.map((s) => new URL(s.url).pathname))].join(', ')})`,
  );

  // Everything that left the browser is the feed, at exactly its address, or the browser's own
  // services. A tunnel may also open to the host of a page being read (the browser connects
  // ahead for a navigation the harness then answers), but no request goes through it.
  const unexpected = requests.filter((r) => !toFeed.includes(r) && !toBrowserServices.includes(r));
  expect(unexpected.map(label)).toEqual([]);
  const tunnelHosts = tunnels.map(hostOf);
  expect(tunnelHosts.filter((h) => h !== 'localhost' && !BROWSER_SERVICES[name].test(h) && !pageHosts.has(h))).toEqual([]);
  expect(toFeed.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(feedGets);
  expect(toFeed.length).toBe(feed.requests.length); // the proxy saw every request the feed server got

  // None says what was read, searched or imported; the feed's carry no cookie, no referrer, no
  // body; the browser's own are not the extension's (no extension origin in them).
  for (const r of [...requests, ...tunnels.filter((t) => !pageHosts.has(hostOf(t)))]) {
    expect(leaks(`${r.url}\n${JSON.stringify(r.headers)}\n${r.body}`), label(r)).toEqual([]);
  }
  for (const r of toFeed) {
    expect(r.headers.referer, label(r)).toBeUndefined();
    expect(r.headers.cookie, label(r)).toBeUndefined();
    expect(r.body, label(r)).toBe('');
  }
  for (const r of toBrowserServices) expect(JSON.stringify(r.headers), label(r)).not.toMatch(/(chrome|moz)-extension:/);

  // What the harness answered in place of the web: the documents opened, nothing else.
  for (const s of served) {
    const url = new URL(s.url);
    const isDocument = opened.includes(`${url.origin}${url.pathname}`);
    const favicon = url.pathname === '/favicon.ico' && opened.some((o) => new URL(o).origin === url.origin);
    expect(isDocument || favicon, `${s.method} ${s.url}`).toBe(true);
    expect(s.method, s.url).toBe('GET');
    expect(s.postData, s.url).toBeNull();
  }
}

describe.each(BROWSERS)('%s: privacy', (name) => {
  it('over a whole session the extension sends only the feed requests, and none says what the user reads', { timeout: 180_000 }, async () => {
    const feed = await startFeedServer();
    feed.answer = (ifNoneMatch) =>
      ifNoneMatch === '"v1"' ? { status: 304, body: '' } : { status: 200, body: FEED_PACK, headers: { etag: '"v1"' } };
    const proxy = await startRecordingProxy((host) => host === 'localhost');
    let served: readonly ServedRequest[] = [];
    const opened: string[] = [];
    try {
      await withBrowser(
        name,
        async (browser) => {
          served = browser.served;
          // Reading: a known policy page, a page that is not one, another known policy page.
          const policy = await openServed(browser, DEMO_URL, demo);
          opened.push(DEMO_URL);
          expect((await waitForBadge(browser, policy)).text).toBe(DEMO_BADGE);
          const blog = await openServed(browser, NOT_A_POLICY, NOT_A_POLICY_HTML);
          opened.push(NOT_A_POLICY);
          const terms = await openServed(browser, COMMERCIAL_URL, COMMERCIAL_HTML);
          opened.push(COMMERCIAL_URL);
          expect((await waitForBadge(browser, terms)).text).toBe(badgeTextFor([commercial.severity]));
          expect((await browser.badge(blog)).text).toBe('');

          // The popup for the policy page, then its offline search.
          const popup = await browser.openExtensionPage(`popup/popup.html?tab=${await browser.tabId(policy)}`);
          await popup.waitFor(() => document.querySelectorAll('article.record').length === 4, undefined, {
            message: 'The popup did not list the four clauses',
          });
          await popup.fillByLabel('Search platforms and clauses', SEARCH);
          await popup.waitFor(() => document.querySelectorAll('[aria-label="Search results"] li').length > 0, undefined, {
            message: `The popup search found nothing for "${SEARCH}"`,
          });

          // The options page: import a file, set a feed, check it again.
          const options = await browser.openExtensionPage('popup/options.html');
          await options.uploadByLabel('Import records', IMPORT);
          expect(await statusAfter(options, '[role="status"]', '^Imported|not imported')).toMatch(/^Imported 1 file/);
          await options.fillByLabel('Feed address', feed.url);
          await options.click('#feed-save');
          const saved = await statusAfter(options, '#feed-status', '^Last (checked|check failed)');
          expect(saved).toContain('Updated to version 1.');
          await options.click('#feed-check');
          expect(await statusAfter(options, '#feed-status', '^Last (checked|check failed)', saved)).toContain('The feed has not changed.');

          // Back to reading, then a quiet moment for anything sent late.
          await policy.bringToFront();
          await policy.evaluate(() => location.reload());
          expect((await waitForBadge(browser, policy)).text).toBe(DEMO_BADGE);
          await sleep(3_000);
        },
        { acceptInsecureCerts: true, proxy: proxy.address },
      );
    } finally {
      await proxy.close();
      await feed.close();
    }

    expectOnlyTheFeed(name, proxy, feed, served, opened, 2); // saved, then checked
  });

  it('with automatic highlights granted, reading the allowed sites of imported and feed records sends nothing but the feed', { timeout: 240_000 }, async () => {
    const feed = await startFeedServer();
    feed.answer = () => ({ status: 200, body: FEED_PACK });
    const proxy = await startRecordingProxy((host) => host === 'localhost');
    const profileDir = await mkdtemp(path.join(os.tmpdir(), `termlight-privacy-reach-${name}-`));
    const served: ServedRequest[] = [];
    const opened: string[] = [];
    const options = { acceptInsecureCerts: true, proxy: proxy.address, profileDir, firefoxPrefs: GRANT_WITHOUT_PROMPT_PREFS };
    const ended = (browser: TestBrowser) => {
      served.push(...browser.served);
      return browser.close();
    };
    try {
      let browser = await launch(name, options);
      try {
        // An imported ToS;DR service (notes.example.com) and a feed (feedco.example), both on sites
        // the manifest does not cover, allowed through the options page's offer.
        const page = await browser.openExtensionPage('popup/options.html');
        await page.uploadByLabel('Import records', IMPORT);
        expect(await statusAfter(page, '#import-status', '^Imported|not imported')).toMatch(/^Imported 1 file/);
        await page.fillByLabel('Feed address', feed.url);
        await page.click('#feed-save');
        expect(await statusAfter(page, '#feed-status', '^Last (checked|check failed)')).toContain('Updated to version 1.');
        // The offer first names the imported site alone, then both once the feed's update is in.
        expect(await statusAfter(page, '#reach-allow', '^Highlight automatically on the 2 ')).toBe('Highlight automatically on the 2 sites in your records');
        await page.click('#reach-allow');
        if (name === 'chromium') {
          // Chromium's prompt cannot be answered headless: the grant as Chromium stores it, then a restart.
          await sleep(1_000);
          await ended(browser);
          grantInChromiumProfile(profileDir, unpackedExtensionId(DIST.chromium), REACH_SITES);
          browser = await launch(name, options);
        } else {
          expect(await statusAfter(page, '#reach-status', '^Allowed')).toBe('Allowed: 2 more sites get automatic highlights.');
        }
        const after = await browser.openExtensionPage('popup/options.html');
        await poll(async () => /automatic on 1 site/.test(await after.evaluate(() => document.getElementById('reach')?.textContent ?? '')), {
          message: 'The options page never said the sites were allowed',
        });
        await after.close();

        // Reading: both allowed sites' documents are highlighted.
        for (const [url, html, clauses] of REACH_PAGES) {
          const reading = await openServed(browser, url, html);
          opened.push(url);
          expect((await waitForBadge(browser, reading)).text, url).toBe(String(clauses));
        }
        await sleep(3_000);
      } finally {
        await ended(browser);
      }
    } finally {
      await proxy.close();
      await feed.close();
      await rm(profileDir, { recursive: true, force: true });
    }
    expectOnlyTheFeed(name, proxy, feed, served, opened, 1);
  });
});
