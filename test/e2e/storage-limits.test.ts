/**
 * Storage the browser refuses, in a real browser: a quota too small for an import (Firefox; in
 * Chromium the DevTools quota override does not reach extension origins), a private-browsing-
 * only Firefox with IndexedDB switched off there, and a Chromium profile whose IndexedDB cannot
 * be opened. What a reader
 * would notice if it broke: a stuck "Reading…", an import half-stored, records lost, or no
 * word of why nothing is highlighted.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t';
import {
  DEMO_FIXTURE,
  DEMO_URL,
  exampleFeedPack,
  fixtureHtml,
  importFiles,
  optionsTotals,
  openServed,
  waitForBadge,
  withBrowser,
  unpackedExtensionId,
  type TestBrowser,
} from './harness';
import { activeTabId } from './harness/common';
import { GECKO_ID } from './harness/firefox';

const STORAGE_FULL = t('errorStorageFull');
const STORAGE_UNAVAILABLE = t('errorStorageUnavailable');

async function withPackFile<T>(json: string, body: (file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'termlight-storage-'));
  const file = path.join(dir, 'big-pack.json');
  await writeFile(file, json);
  try {
    return await body(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Options and the popup of a policy page say that there is no storage, and nothing hangs. */
async function saysStorageUnavailable(browser: TestBrowser): Promise<void> {
  const options = await browser.openExtensionPage('popup/options.html');
  expect(await optionsTotals(options)).toContain(STORAGE_UNAVAILABLE);
  expect(await options.evaluate(() => document.body.innerText)).not.toContain(t('sourcesReading'));

  const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
  const tabId = await activeTabId(page, options);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  const said = await popup.waitFor(
    (expected: string) => (document.body.innerText.includes(expected) ? document.body.innerText : ''),
    STORAGE_UNAVAILABLE,
    { message: 'The popup never said that storage is unavailable' },
  );
  expect(said).toContain(t('recordsReadFailed', STORAGE_UNAVAILABLE));
  expect(said).not.toContain(t('popupNotAPolicyPage'));
}

/**
 * Imports a pack too big for what is left of the quota: the reader is told storage is full,
 * nothing of it is stored, and the records already there still highlight a policy page.
 */
async function importIntoFullStorage(browser: TestBrowser): Promise<void> {
  const options = await browser.openExtensionPage('popup/options.html');
  const before = await optionsTotals(options);
  expect(before).toMatch(/^\d+ platforms, \d+ documents, \d+ records/);

  const pack = exampleFeedPack({ packId: 'big-import', version: '1', records: 20_000, service: 'BigCo', name: 'A big pack' });
  await withPackFile(pack, async (file) => {
    const outcome = await importFiles(options, file);
    expect(outcome).toContain(STORAGE_FULL);
    expect(outcome).not.toMatch(/^Imported/);
  });

  // Nothing half-written: a fresh options page reads the same totals, and no BigCo source.
  await options.close();
  const again = await browser.openExtensionPage('popup/options.html');
  expect(await optionsTotals(again)).toBe(before);
  expect(await again.evaluate(() => document.body.innerText)).not.toContain('A big pack');

  // The records already stored still work.
  const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
  expect(Number((await waitForBadge(browser, page)).text)).toBeGreaterThan(0);
}

describe('firefox: storage the browser refuses', () => {
  it('a full quota: the import is refused whole with "storage is full", and the bundled records keep working', () =>
    withBrowser(
      'firefox',
      importIntoFullStorage,
      // 6 MB for the extension's whole storage: the bundled records fit (about 2.5-4 MB), a
      // 20,000-record pack does not.
      { firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': 6 * 1024 } },
    ));

  it('private windows only, IndexedDB off there: options and popup say why, instead of hanging or showing nothing', async () => {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), 'termlight-private-'));
    try {
      // The user allowed Termlight in private windows (about:addons), as Firefox stores it.
      await writeFile(
        path.join(profileDir, 'extension-preferences.json'),
        JSON.stringify({ [GECKO_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
      );
      await withBrowser(
        'firefox',
        async (browser) => {
          const options = await browser.openExtensionPage('popup/options.html');
          expect(await options.evaluate(() => (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser.extension.inIncognitoContext)).toBe(true);
          await saysStorageUnavailable(browser);
        },
        {
          profileDir,
          firefoxPrefs: { 'browser.privatebrowsing.autostart': true, 'dom.indexedDB.privateBrowsing.enabled': false },
        },
      );
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});

describe('chromium: storage the browser refuses', () => {
  it('an IndexedDB that cannot be opened (a damaged profile): options and popup say why', async () => {
    const profileDir = await mkdtemp(path.join(os.tmpdir(), 'termlight-blocked-'));
    try {
      // A file where Chromium keeps the extension's database folder: opening it fails.
      const idb = path.join(profileDir, 'Default', 'IndexedDB');
      await mkdir(idb, { recursive: true });
      await writeFile(path.join(idb, `chrome-extension_${unpackedExtensionId()}_0.indexeddb.leveldb`), 'not a folder');
      await withBrowser('chromium', saysStorageUnavailable, { profileDir });
    } finally {
      await rm(profileDir, { recursive: true, force: true });
    }
  });
});
