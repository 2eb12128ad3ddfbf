/**
 * The extension's lifecycle in real browsers: nothing the user has is lost when the background
 * is stopped and started again, when the extension is updated, or when the browser restarts.
 *
 * 1. Background stopped between every two steps. A run of steps (open the demo policy page, read
 *    the badge, open the popup for the tab, search, import a ToS;DR file, set a feed) with the
 *    background stopped before every step and again before every check of everything so far.
 *    - Chromium: the MV3 service worker is stopped through CDP (ServiceWorker.stopWorker, on a
 *      blank tab's session), and Chromium's own running-status reports say it stopped and that
 *      a new worker started for the next step.
 *    - Firefox: no WebDriver BiDi command stops an event page (only about:debugging's privileged
 *      "Terminate background script", kept in the harness as a fallback), but Firefox suspends it
 *      by itself when idle: the pref extensions.background.idle.timeout (30 s by default) is set
 *      to 1 s, and the harness waits until Firefox reports the page suspended
 *      (backgroundState "stopped", read in the browser's parent process over BiDi with system
 *      access). It may also be suspended in the middle of a step, which must not matter either.
 * 2. Update. The same extension id, a newer version over it: imported records and the feed stay,
 *    the bundled records are the new version's (the options page shows the new pack version).
 *    - Chromium: an unpacked extension's id comes from its folder: a copy of dist/chrome is
 *      loaded from a folder of the test's, overwritten with a copy whose manifest has the next
 *      version, and reloaded with chrome://extensions' reload (developer mode on).
 *    - Firefox: the add-on installed again over itself with the same gecko id: as a temporary
 *      add-on (BiDi webExtension.install of the folder), and as a permanent one (an .xpi).
 * 3. Browser restart: one profile folder, two launches.
 *    - Chromium: launchPersistentContext on the same userDataDir, the same extension folder.
 *    - Firefox, temporary add-on: Firefox removes it at shutdown, so the second launch installs the
 *      same build again (same gecko id, same UUID pref). Seen on Firefox ESR 153: the removal at
 *      shutdown is not an uninstall (no data is cleared), and the reinstalled add-on finds its
 *      IndexedDB and storage.local as it left them.
 *    - Firefox, permanent add-on (the way a user has it): installed once, still there after the
 *      restart with nothing reinstalled.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  DIST,
  FIXTURES,
  badgeTextFor,
  copyExtension,
  fixtureHtml,
  importFiles,
  launch,
  manifestVersion,
  nextVersion,
  openServed,
  recordsOf,
  startFeedServer,
  waitForBadge,
  withBrowser,
  worstOf,
  type BrowserName,
  type FeedServer,
  type LaunchOptions,
  type TestBrowser,
  type TestPage,
  exampleFeedPack,
} from './harness';
import { requireBuilt } from './harness/common';

// badge.ts imports the polyfill, which refuses to load outside an extension; only its colours are needed.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { BADGE_COLOURS } = await import('../../src/background/badge');

const DOCUMENT = 'anthropic.service-specific-terms';
const TOSDR_FILE = path.join(FIXTURES, 'tosdr-example.json');
/** What test/fixtures/tosdr-example.json holds. */
const IMPORTED = { service: 'Example Notes', platforms: 1, documents: 2, records: 3 };
const FEED = { service: 'FeedCo', version: '1', platforms: 1, documents: 1, records: 2 };
const FEED_ALARM = 'termlight-feed';
/** Firefox only: the event page is suspended after this long without work. */
const FIREFOX_IDLE_MS = 1000;

const feedPack = exampleFeedPack({ packId: 'lifecycle-feed', version: FEED.version, records: FEED.records, service: FEED.service, name: 'Lifecycle feed' });


/**
 * The build under test, copied once: these tests run for minutes and launch several times, and
 * dist/ may be rebuilt meanwhile by someone else on a shared machine.
 */
const BUILD: Record<BrowserName, string> = { chromium: '', firefox: '' };
let buildCopies = '';

let server: FeedServer;
beforeAll(async () => {
  buildCopies = await mkdtemp(path.join(os.tmpdir(), 'termlight-lifecycle-build-'));
  for (const name of BROWSERS) {
    requireBuilt(DIST[name]);
    BUILD[name] = path.join(buildCopies, name);
    copyExtension(DIST[name], BUILD[name]);
  }
  server = await startFeedServer();
  server.answer = (ifNoneMatch) =>
    ifNoneMatch === '"v1"' ? { status: 304, body: '' } : { status: 200, body: feedPack, headers: { etag: '"v1"' } };
});
afterAll(async () => {
  await server?.close();
  if (buildCopies) await rm(buildCopies, { recursive: true, force: true });
});

interface Counts {
  platforms: number;
  documents: number;
  records: number;
}
const parseCounts = (text: string): Counts | null => {
  const m = /^(\d[\d,]*) platforms?, (\d[\d,]*) documents?, (\d[\d,]*) records?/.exec(text);
  return m ? { platforms: Number(m[1]!.replace(/,/g, '')), documents: Number(m[2]!.replace(/,/g, '')), records: Number(m[3]!.replace(/,/g, '')) } : null;
};
const plus = (a: Counts, b: Counts): Counts => ({
  platforms: a.platforms + b.platforms,
  documents: a.documents + b.documents,
  records: a.records + b.records,
});

/** What the user has at some point of a scenario, to be found intact after every stop, update and restart. */
interface Expected {
  /** The totals of the bundled records alone (read on a fresh profile). */
  bundled: Counts;
  bundledVersion: string;
  imported: boolean;
  feed: boolean;
  /** The demo page, once opened: its badge and its clauses in the popup. */
  page?: TestPage;
  /** The hits of the search step, once done, as first seen. */
  searchHits?: string[];
}

const SEARCH_QUERY = 'Anthropic';

const records = recordsOf(DOCUMENT);
const expectedBadge = { text: badgeTextFor(records.map((r) => r.severity)), color: BADGE_COLOURS[worstOf(records)] };

async function openOptions(browser: TestBrowser): Promise<TestPage> {
  const options = await browser.openExtensionPage('popup/options.html');
  await options.waitFor(() => document.getElementById('totals')?.textContent, undefined, {
    message: 'The options page never showed its totals',
  });
  return options;
}

const totals = async (options: TestPage): Promise<Counts> =>
  parseCounts(await options.evaluate(() => document.getElementById('totals')?.textContent ?? ''))!;

/**
 * The search box of the popup: what it lists for `query` (each hit's bold name or title). The box
 * is emptied first (the last results go away), then given the whole query in one input event, so
 * no earlier or partly typed query's results can be taken for this one's.
 */
async function searchHits(popup: TestPage, query: string): Promise<string[]> {
  const enter = (text: string) =>
    popup.evaluate((value: string) => {
      const input = document.getElementById('search') as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  await enter('');
  await popup.waitFor(() => !document.querySelector('[aria-label="Search results"]'), undefined, {
    message: 'The popup kept its last search results',
  });
  await enter(query);
  return popup.waitFor(
    () => {
      const region = document.querySelector('[aria-label="Search results"]');
      const meta = region?.querySelector('[role="status"]')?.textContent ?? '';
      if (!/clause|platform|Nothing matches/.test(meta)) return null;
      return Array.from(region!.querySelectorAll('.hit-title')).map((s) => s.textContent ?? '');
    },
    undefined,
    { message: `The popup search for "${query}" never answered` },
  );
}

/** The popup for the demo page's tab: its heading and the titles it lists. */
async function popupClauses(browser: TestBrowser, page: TestPage): Promise<{ heading: string; titles: string[] }> {
  const tabId = await browser.tabId(page);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  try {
    return await popup.waitFor(
      () => {
        const heading = document.querySelector('h2.count')?.textContent ?? '';
        if (!heading) return null;
        return { heading, titles: Array.from(document.querySelectorAll('.records > article.record h3')).map((h) => h.textContent ?? '') };
      },
      undefined,
      { message: 'The popup never listed the clauses' },
    );
  } finally {
    await popup.close();
  }
}

const expectPopupClauses = (listed: { heading: string; titles: string[] }) => {
  expect(listed.heading).toBe(`${records.length} clauses found on this page`);
  expect([...listed.titles].sort()).toEqual(records.map((r) => r.title).sort());
};

/** Imports the ToS;DR example on the options page and waits for the report. */
async function importTosdr(options: TestPage): Promise<void> {
  const status = await importFiles(options, TOSDR_FILE);
  expect(status).toMatch(
    new RegExp(`^Imported 1 file: ${IMPORTED.platforms} platform, ${IMPORTED.documents} documents, ${IMPORTED.records} records`),
  );
}

/** Sets the feed address on the options page and waits for its first check. */
async function setFeed(options: TestPage): Promise<void> {
  await options.fillByLabel('Feed address', server.url);
  const asked = server.requests.length;
  await options.click('#feed-save');
  const status = await options
    .waitFor(
      () => {
        const text = document.getElementById('feed-status')?.textContent ?? '';
        return /^Last (checked|check failed)/.test(text) ? text : '';
      },
      undefined,
      { timeout: 30_000 },
    )
    .catch(async (error: Error) => {
      const page = await options.evaluate(() => ({
        status: document.getElementById('feed-status')?.textContent,
        alert: document.querySelector('[role="alert"]')?.textContent,
        address: (document.getElementById('feed-url') as HTMLInputElement | null)?.value,
        saveDisabled: (document.getElementById('feed-save') as HTMLButtonElement | null)?.disabled,
      }));
      const requests = server.requests.length - asked;
      throw new Error(`The feed status never reported the check (${error.message}); ${requests} feed requests; page: ${JSON.stringify(page)}`);
    });
  expect(status).toMatch(new RegExp(`Updated to version ${FEED.version}\\..*version ${FEED.version} \\(${FEED.records} records\\)`));
}

/** Everything the user has, checked through the extension's own pages (which wakes the background). */
async function expectAllThere(browser: TestBrowser, expected: Expected, when: string): Promise<void> {
  const options = await openOptions(browser);
  try {
    let want = expected.bundled;
    if (expected.imported) want = plus(want, IMPORTED);
    if (expected.feed) want = plus(want, FEED);
    await options
      .waitFor(
        (text: string) => document.getElementById('totals')?.textContent?.startsWith(text),
        `${want.platforms} platforms, ${want.documents} documents, ${want.records} records`,
        { timeout: 5_000 },
      )
      .catch(() => undefined);
    expect(await totals(options), `totals, ${when}`).toEqual(want);

    const rows = await options.evaluate(() =>
      Array.from(document.querySelectorAll('tbody tr')).map((tr) => ({
        name: tr.querySelector('th')?.firstChild?.textContent ?? '',
        version: tr.querySelector('td')?.textContent ?? '',
        records: tr.querySelectorAll('td')[2]?.textContent ?? '',
      })),
    );
    expect(rows.find((r) => r.name === 'Termlight records')?.version, `bundled pack version, ${when}`).toBe(expected.bundledVersion);
    expect(rows.some((r) => r.name === 'ToS;DR (1 service)' && r.records === String(IMPORTED.records)), `imported source, ${when}`).toBe(
      expected.imported,
    );
    expect(rows.some((r) => r.name === 'Lifecycle feed' && r.version === FEED.version), `feed source, ${when}`).toBe(expected.feed);

    const feed = await options.waitFor(
      () => {
        const status = document.getElementById('feed-status')?.textContent ?? '';
        const address = (document.getElementById('feed-url') as HTMLInputElement | null)?.value ?? '';
        return status ? { status, address } : null;
      },
      undefined,
      { message: 'The feed section never showed its state' },
    );
    const alarm = await options.evaluate(async (name: string) => {
      const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
      const found = await api.alarms.get(name);
      return found ? { periodInMinutes: found.periodInMinutes ?? null } : null;
    }, FEED_ALARM);
    if (expected.feed) {
      expect(feed.address, `feed address, ${when}`).toBe(server.url);
      expect(feed.status, `feed status, ${when}`).toContain(`Records from the feed: version ${FEED.version} (${FEED.records} records)`);
      expect(alarm, `feed alarm, ${when}`).toEqual({ periodInMinutes: 360 });
    } else {
      expect(feed.address, `feed address, ${when}`).toBe('');
      expect(feed.status, `feed status, ${when}`).toMatch(/^No feed is set/);
      expect(alarm, `feed alarm, ${when}`).toBeNull();
    }
  } finally {
    await options.close();
  }

  const popup = await browser.openExtensionPage('popup/popup.html');
  try {
    if (expected.searchHits) expect(await searchHits(popup, SEARCH_QUERY), `search results, ${when}`).toEqual(expected.searchHits);
    // A service's name finds the service and each of its clauses.
    const found = async (service: string) => {
      const hits = await searchHits(popup, service);
      return { service: hits.includes(service), hits: hits.length };
    };
    expect(await found(IMPORTED.service), `imported service found, ${when}`).toEqual(
      expected.imported ? { service: true, hits: 1 + IMPORTED.records } : { service: false, hits: 0 },
    );
    expect(await found(FEED.service), `feed service found, ${when}`).toEqual(
      expected.feed ? { service: true, hits: 1 + FEED.records } : { service: false, hits: 0 },
    );
  } finally {
    await popup.close();
  }

  if (expected.page) {
    expect(await browser.badge(expected.page), `badge, ${when}`).toEqual(expectedBadge);
    expectPopupClauses(await popupClauses(browser, expected.page));
  }
}

/** Stops the background and checks, from the browser's own reports, that it is not running. */
async function stopped(browser: TestBrowser): Promise<number> {
  await browser.stopBackground();
  const status = await browser.backgroundStatus();
  expect(status.running, 'the background still runs after stopBackground()').toBe(false);
  return status.starts;
}

/** Runs `body` and checks that a background (a new one: it had been stopped) started meanwhile. */
async function inNewBackground<T>(browser: TestBrowser, startsBefore: number, what: string, body: () => Promise<T>): Promise<T> {
  const result = await body();
  const { starts } = await browser.backgroundStatus();
  expect(starts, `no new background started for: ${what}`).toBeGreaterThan(startsBefore);
  return result;
}

/** Firefox installs the add-on both ways; Chromium has one way (an unpacked folder). */
const installs = (name: BrowserName): { install: LaunchOptions['firefoxInstall']; how: string }[] =>
  name === 'firefox'
    ? [
        { install: 'temporary', how: '(temporary add-on)' },
        { install: 'permanent', how: '(permanent add-on)' },
      ]
    : [{ install: undefined, how: '(unpacked)' }];

describe.each(BROWSERS)('%s: lifecycle', (name) => {
  it('keeps the badge, popup, search, imported records and feed with the background stopped between every two steps', () =>
    withBrowser(
      name,
      async (browser) => {
        const version = manifestVersion(BUILD[name]);
        const first = await openOptions(browser);
        const expected: Expected = { bundled: await totals(first), bundledVersion: version, imported: false, feed: false };
        await first.close();

        const steps: { step: string; wakes: boolean; run: () => Promise<void> }[] = [
          {
            step: 'open the policy page',
            wakes: true,
            run: async () => {
              const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
              await waitForBadge(browser, page);
              expected.page = page;
            },
          },
          {
            // The badge is the browser's: reading it needs no background.
            step: 'read the badge',
            wakes: false,
            run: async () => {
              expect(await browser.badge(expected.page!)).toEqual(expectedBadge);
            },
          },
          {
            step: 'open the popup for the tab',
            wakes: true,
            run: async () => expectPopupClauses(await popupClauses(browser, expected.page!)),
          },
          {
            step: 'search',
            wakes: true,
            run: async () => {
              const popup = await browser.openExtensionPage('popup/popup.html');
              const hits = await searchHits(popup, SEARCH_QUERY);
              await popup.close();
              expect(hits).toContain('Anthropic');
              expect(hits.length).toBeGreaterThan(1); // the platform and some of its clauses
              expected.searchHits = hits;
            },
          },
          {
            step: 'import a ToS;DR file',
            wakes: true,
            run: async () => {
              const options = await openOptions(browser);
              await importTosdr(options);
              await options.close();
              expected.imported = true;
            },
          },
          {
            step: 'set a feed address',
            wakes: true,
            run: async () => {
              const options = await openOptions(browser);
              await setFeed(options);
              await options.close();
              expected.feed = true;
            },
          },
        ];

        for (const { step, wakes, run } of steps) {
          const beforeStep = await stopped(browser);
          if (wakes) await inNewBackground(browser, beforeStep, step, run);
          else await run();
          const beforeCheck = await stopped(browser);
          await inNewBackground(browser, beforeCheck, `the checks after "${step}"`, () =>
            expectAllThere(browser, expected, `after "${step}" and a background restart`),
          );
        }
      },
      { extensionDir: BUILD[name], acceptInsecureCerts: true, firefoxBackgroundIdleMs: FIREFOX_IDLE_MS },
    ), 300_000);

  it.each(installs(name))(
    'an update to a newer version keeps the imported records and the feed, and brings its own bundled records $how',
    async ({ install }) => {
      // Chromium takes an unpacked extension's id from its folder: the update goes into the same one.
      const dir = await mkdtemp(path.join(os.tmpdir(), `termlight-update-${name}-`));
      try {
        copyExtension(BUILD[name], dir);
        const oldVersion = manifestVersion(dir);
        const newVersion = nextVersion(oldVersion);
        await withBrowser(
          name,
          async (browser) => {
            const options = await openOptions(browser);
            const expected: Expected = { bundled: await totals(options), bundledVersion: oldVersion, imported: false, feed: false };
            await importTosdr(options);
            await setFeed(options);
            await options.close();
            Object.assign(expected, { imported: true, feed: true });
            await expectAllThere(browser, expected, `before the update (${oldVersion})`);

            copyExtension(BUILD[name], dir, newVersion);
            expect(await browser.reloadExtension()).toBe(newVersion);
            await expectAllThere(browser, { ...expected, bundledVersion: newVersion }, `after the update to ${newVersion}`);
          },
          { extensionDir: dir, acceptInsecureCerts: true, firefoxInstall: install },
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );

  it.each(installs(name))(
    'a browser restart on the same profile keeps the imported records and the feed $how',
    async ({ install }) => {
      const profileDir = await mkdtemp(path.join(os.tmpdir(), `termlight-restart-${name}-`));
      try {
        const version = manifestVersion(BUILD[name]);
        let expected: Expected | undefined;
        await withBrowser(
          name,
          async (browser) => {
            const options = await openOptions(browser);
            expected = { bundled: await totals(options), bundledVersion: version, imported: true, feed: true };
            await importTosdr(options);
            await setFeed(options);
            await options.close();
            await expectAllThere(browser, expected, 'before the restart');
          },
          { extensionDir: BUILD[name], profileDir, acceptInsecureCerts: true, firefoxInstall: install },
        );

        // The second launch: a temporary add-on is installed again; a permanent one is still there.
        const browser = await launch(name, {
          extensionDir: BUILD[name],
          profileDir,
          acceptInsecureCerts: true,
          firefoxInstall: install === 'permanent' ? 'none' : install,
        });
        try {
          await expectAllThere(browser, expected!, 'after the browser restart');
        } finally {
          await browser.close();
        }
      } finally {
        await rm(profileDir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
