/**
 * Pages that are not known policy pages get nothing: no highlight, no badge. One is an address
 * the content script runs on (its match pattern ends in *) that no document's URL pattern names,
 * and it even carries clauses our records quote; the other is outside every match pattern. A known policy page opened after them, in the same
 * browser, is the control: once it is highlighted and badged, the content script has had its turn
 * on the earlier pages too.
 */
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  fixtureHtml,
  openServed,
  termlightRanges,
  waitForBadge,
  withBrowser,
} from './harness';

const NOT_A_POLICY = 'https://www.anthropic.com/legal/service-specific-terms-archive';
const ELSEWHERE = 'https://example.com/';
const ELSEWHERE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example Domain</title></head>
<body><h1>Example Domain</h1><p>This domain is for use in documentation examples. It quotes a clause Termlight
tracks, and still is no policy page: Anthropic may offer Services that are in pre-release, beta, preview or
similar trial form (“Beta Services”).</p></body></html>`;

describe.each(BROWSERS)('%s: pages that are not policy pages', (name) => {
  it('get no highlight and no badge, even when they quote a tracked clause', () =>
    withBrowser(name, async (browser) => {
      const unknownLegal = await openServed(browser, NOT_A_POLICY, fixtureHtml(DEMO_FIXTURE));
      const elsewhere = await openServed(browser, ELSEWHERE, ELSEWHERE_HTML);

      const control = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, control);
      expect((await termlightRanges(browser, control)).length).toBeGreaterThan(0);

      for (const page of [unknownLegal, elsewhere]) {
        expect(await termlightRanges(browser, page), page.url()).toEqual([]);
        expect((await browser.badge(page)).text, page.url()).toBe('');
        expect(await page.evaluate(() => document.querySelector('termlight-card')), page.url()).toBeNull();
      }
    }));
});
