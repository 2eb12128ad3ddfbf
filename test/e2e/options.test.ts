/**
 * The options page in a real browser: importing a ToS;DR export through the file input, being
 * told what was imported, seeing the cache grow; a malformed pack refused with its JSON path and
 * nothing changed; and the imported service found by the popup's offline search.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, FIXTURES, corpusDir, importFiles, optionsTotals, withBrowser } from './harness';

const corpus = corpusDir();
// A service the bundled records do not cover, so the platform count grows by one.
const signal = corpus && path.join(corpus, 'tosdr/api-v1/signal.json');
/** The corpus' Signal export when there is a corpus, else our own fictional service. */
const IMPORT = signal
  ? { file: signal, service: 'Signal', exact: null }
  : { file: path.join(FIXTURES, 'tosdr-example.json'), service: 'Example Notes', exact: { platforms: 1, documents: 2, records: 3 } };
const BAD_PACK = path.join(FIXTURES, 'bad-pack.json');

interface Counts {
  platforms: number;
  documents: number;
  records: number;
}
function counts(text: string): Counts | null {
  const m = /(\d+) platforms?, (\d+) documents?, (\d+) records?/.exec(text);
  return m ? { platforms: Number(m[1]), documents: Number(m[2]), records: Number(m[3]) } : null;
}

describe.each(BROWSERS)('%s: options page', (name) => {
  it(`imports a ToS;DR export (${IMPORT.service}), refuses a malformed pack, and the popup search finds the service`, () =>
    withBrowser(name, async (browser) => {
      if (!signal) console.warn('No corpus found: importing test/fixtures/tosdr-example.json instead of Signal.');
      const options = await browser.openExtensionPage('popup/options.html');
      const before = counts(await optionsTotals(options));
      expect(before, 'totals before import').not.toBeNull();

      const status = await importFiles(options, IMPORT.file);
      expect(status).toMatch(/^Imported 1 file: /);
      const imported = counts(status)!;
      expect(imported.platforms).toBe(1);
      expect(imported.records).toBeGreaterThan(0);
      if (IMPORT.exact) expect(imported).toEqual(IMPORT.exact);

      const grown = {
        platforms: before!.platforms + imported.platforms,
        documents: before!.documents + imported.documents,
        records: before!.records + imported.records,
      };
      const after = await options.waitFor(
        (expected: string) => {
          const text = document.getElementById('totals')?.textContent ?? '';
          return text.startsWith(expected) ? text : '';
        },
        `${grown.platforms} platforms, ${grown.documents} documents, ${grown.records} records`,
        { message: 'The totals did not grow by what was imported' },
      );
      expect(after).toContain('from 2 sources');

      const refusal = await importFiles(options, BAD_PACK);
      expect(refusal).toContain('1 file not imported, nothing from it was changed');
      expect(refusal).toContain('bad-pack.json: not a valid Termlight pack: records[0].severity: Invalid option');
      expect(counts(await optionsTotals(options))).toEqual(grown);

      const popup = await browser.openExtensionPage('popup/popup.html');
      await popup.fillByLabel('Search platforms and clauses', IMPORT.service);
      const hit = await popup.waitFor(
        (service: string) => {
          const items = Array.from(document.querySelectorAll('[aria-label="Search results"] li'));
          const item = items.find((li) => li.querySelector('strong')?.textContent === service);
          return item ? (item.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
        },
        IMPORT.service,
        { message: `The popup search did not find ${IMPORT.service}` },
      );
      expect(hit).toContain(`${IMPORT.service} · ${imported.documents} documents`);
    }));
});
