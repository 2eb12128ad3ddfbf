/**
 * Change awareness on real corpus pairs (needs ../shared/corpus): the iCloud terms as recorded
 * now say the page is the version Termlight checked, also when re-rendered with other markup; the
 * older Open Terms Archive version of the same terms says the page changed, with which clauses
 * read the same, which were reworded (shown word by word) and which are gone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { BROWSERS, corpusDir, openServed, waitForBadge, withBrowser, type TestBrowser } from './harness';

const corpus = corpusDir();
const URL_ICLOUD = 'https://www.apple.com/legal/internet-services/icloud/en/terms.html';
const page = (file: string, wrap: (html: string) => string = (h) => h) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>iCloud Terms</title></head><body>` +
  `<main class="main">${wrap(marked.parse(readFileSync(path.join(corpus!, file), 'utf8'), { async: false }))}</main></body></html>`;

async function popupText(browser: TestBrowser, url: string, html: string, until: RegExp): Promise<string> {
  const tab = await openServed(browser, url, html);
  await waitForBadge(browser, tab);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${await browser.tabId(tab)}`);
  return popup.waitFor(
    (source: string) => {
      const text = document.querySelector('main')?.textContent ?? '';
      return new RegExp(source).test(text) ? text : '';
    },
    until.source,
    { timeout: 40_000, message: `The popup never said ${until}` },
  );
}

describe.each(BROWSERS)('%s: change awareness', (name) => {
  it.runIf(corpus)('says the page is the version Termlight checked, whatever its markup', () =>
    withBrowser(name, async (browser) => {
      const current = 'ota/current/iCloud/Terms of Service.md';
      const same = await popupText(browser, URL_ICLOUD, page(current), /This page is the version Termlight checked\./);
      expect(same).toMatch(/Checked by Termlight on [A-Z][a-z]{2} \d{1,2}, \d{4}/);
      expect(same).not.toMatch(/has changed since/);
      // Other markup and a site header outside the main region: still the same document.
      const restyled = page(current, (html) => html.replace(/<p>/g, '<div class="para"><span>').replace(/<\/p>/g, '</span></div>'))
        .replace('<body>', '<body><header><nav>Store Mac iPad iPhone Support</nav></header>');
      const again = await popupText(browser, `${URL_ICLOUD}?restyled`, restyled, /This page is the version Termlight checked/);
      expect(again).not.toMatch(/has changed since/);
    }), 120_000);

  it.runIf(corpus)('says what changed on an older version of the page, word by word', () =>
    withBrowser(name, async (browser) => {
      const text = await popupText(browser, URL_ICLOUD, page('ota/snapshots/iCloud/Terms of Service@2020-02-14.md'), /has changed since/);
      const summary = /(\d+) clauses? reads? the same, (\d+) clauses? (?:was|were) reworded.*?(\d+) recorded clauses? (?:was|were) not found/.exec(text);
      expect(summary, text.slice(0, 400)).not.toBeNull();
      const [, same, reworded, missing] = summary!.map(Number);
      expect(same! + reworded! + missing!).toBe(15);
      expect(reworded).toBeGreaterThan(0);
      expect(text).toMatch(/Reworded since it was recorded: \d+ words? added, \d+ removed|Punctuation changed since it was recorded/);
      expect(text).toContain('Versions (2)');
    }));
});
