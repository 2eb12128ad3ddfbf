/**
 * Records at scale (needs the corpus): the whole ToS;DR export, hundreds of files, imported
 * through the options page with progress; the imported records live beside the bundled ones,
 * keep their attribution in the popup, and can be removed as one source. The figures (import
 * time, popup and search times, storage used) are printed, never asserted: machines are noisy.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, DEMO_FIXTURE, DEMO_URL, corpusDir, fixtureHtml, openServed, poll, waitForBadge, withBrowser } from './harness';

const corpus = corpusDir();
const exportDir = corpus && path.join(corpus, 'tosdr/api-v1');

describe.each(BROWSERS)('%s: the whole ToS;DR export', (name) => {
  it.runIf(exportDir)('imports hundreds of files with progress, shows attribution, and removes them as one source', () =>
    withBrowser(name, async (browser) => {
      const files = readdirSync(exportDir!).filter((f) => f.endsWith('.json')).map((f) => path.join(exportDir!, f));
      const options = await browser.openExtensionPage('popup/options.html');
      const before = await options.waitFor(() => document.getElementById('totals')?.textContent ?? '');

      const started = Date.now();
      await options.uploadByLabel('Import records', files);
      // Progress is shown while it runs (a <progress> bar and "Checking/Storing n of N").
      const sawProgress = await options.waitFor(
        () => {
          const status = document.getElementById('import-status')?.textContent ?? '';
          if (/^Imported|not imported|failed/.test(status)) return 'finished';
          return document.querySelector('progress') && /(Checking|Storing) [\d,]+ of [\d,]+ files/.test(status) ? 'progress' : '';
        },
        undefined,
        { timeout: 120_000 },
      );
      const status = await options.waitFor(
        () => {
          const text = document.getElementById('import-status')?.textContent ?? '';
          return /^Imported|not imported|failed/.test(text) ? text : '';
        },
        undefined,
        { timeout: 120_000, message: 'The import never finished' },
      );
      const seconds = (Date.now() - started) / 1000;
      expect(sawProgress).toBe('progress');
      expect(status).toMatch(new RegExp(`^Imported ${files.length.toLocaleString('en')} files: `));
      const records = Number(/([\d,]+) records/.exec(status)![1]!.replace(/,/g, ''));
      expect(records).toBeGreaterThan(5000);

      // One source row for all of ToS;DR, with its licence.
      const row = await options.waitFor(() => {
        const th = [...document.querySelectorAll('tbody th')].find((t) => t.textContent?.startsWith('ToS;DR ('));
        return th?.textContent ?? '';
      });
      expect(row).toMatch(/ToS;DR \([\d,]+ services\).*CC BY-SA 3\.0/);
      const storage = await options.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

      // The popup: search finds an imported record and its attribution travels with it.
      const popup = await browser.openExtensionPage('popup/popup.html');
      const t0 = Date.now();
      await popup.fillByLabel('Search platforms and clauses', 'class action');
      const hits = await popup.waitFor(() => {
        const n = document.querySelectorAll('[aria-label="Search results"] li').length;
        return n > 0 ? n : 0;
      });
      const searchMs = Date.now() - t0;
      expect(hits).toBeGreaterThan(5);
      const credited = await popup.evaluate(() => document.querySelector('[aria-label="Search results"]')?.textContent ?? '');
      expect(credited).toContain("Analysis: Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0");
      // A second, warm search (the rows are cached until the store changes).
      const t1 = Date.now();
      await popup.fillByLabel('Search platforms and clauses', 'duckduckgo');
      await popup.waitFor(() =>
        [...document.querySelectorAll('[aria-label="Search results"] li strong')].some((s) => s.textContent === 'Duckduckgo'),
      );
      const warmMs = Date.now() - t1;

      // A policy page's popup with the whole export in the store: comparisons over 24 + 594 platforms.
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      const tabId = await browser.tabId(page);
      const t2 = Date.now();
      const tabPopup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      const comparison = await tabPopup.waitFor(() => document.querySelector('.comparison summary')?.textContent ?? '');
      const popupMs = Date.now() - t2;
      expect(comparison).toMatch(/found in \d+ of \d{3} platforms/);

      console.log(
        `[scale:${name}] imported ${files.length} files, ${records} records in ${seconds.toFixed(1)} s; ` +
          `storage ${(storage / 1024 / 1024).toFixed(1)} MB; search shown after ${searchMs} ms cold, ${warmMs} ms warm ` +
          `(each incl. the 120 ms typing debounce); policy-page popup with comparisons ${popupMs} ms (incl. opening the tab)`,
      );

      // Removing the source takes all of it, and the bundled records stay.
      await options.click('button[aria-label^="Remove ToS;DR"]');
      await poll(async () => (await options.evaluate(() => document.getElementById('totals')?.textContent ?? '')) === before, {
        timeout: 60_000,
        message: 'Removing ToS;DR did not bring the totals back',
      });
    }),
  );
});
