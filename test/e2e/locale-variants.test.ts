/**
 * A recorded document read in another country: Spotify's terms from the corpus (rendered at run
 * time, never stored here), served at the UK address a British reader lands on, must be
 * highlighted and badged exactly as at the US address the records were made from. This needs
 * the manifest to run the content script there and the lookup to know the address.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  comparable,
  corpusDir,
  markdownPage,
  openServed,
  badgeTextFor,
  recordsOf,
  termlightRanges,
  waitForBadge,
  withBrowser,
  type TestBrowser,
} from './harness';

const CORPUS = corpusDir();
const FILE = 'ota/current/Spotify/Terms of Service.md';
const US = 'https://www.spotify.com/us/legal/end-user-agreement/';
const UK = 'https://www.spotify.com/uk/legal/end-user-agreement/';

/** What a reader sees at `url`: the badge, and each highlight's severity and text, in page order. */
async function seenAt(browser: TestBrowser, url: string, html: string) {
  const page = await openServed(browser, url, html);
  const badge = await waitForBadge(browser, page);
  const ranges = await termlightRanges(browser, page);
  return { badge, highlights: ranges.map((r) => `${r.highlight} ${comparable(r.text)}`) };
}

describe.each(BROWSERS)('%s: a recorded document at a regional address', (name) => {
  it("Spotify's terms at the UK address get the highlights and badge they get at the US address", (context) => {
    if (!CORPUS) {
      console.warn(`No corpus found (looked in $TERMLIGHT_CORPUS, else ../shared/corpus): skipping the Spotify UK page in ${name}.`);
      context.skip();
    }
    return withBrowser(name, async (browser) => {
      const records = recordsOf('spotify.terms');
      const html = markdownPage(path.join(CORPUS!, FILE), 'Spotify Terms of Use');
      const us = await seenAt(browser, US, html);
      const uk = await seenAt(browser, UK, html);

      const expected = records.map((r) => `termlight-${r.severity} ${comparable(r.quote.exact)}`).sort();
      expect([...uk.highlights].sort()).toEqual(expected);
      expect(uk.highlights).toEqual(us.highlights);
      expect(uk.badge.text).toBe(badgeTextFor(records.map((r) => r.severity)));
      expect(uk.badge).toEqual(us.badge);
    });
  });
});
