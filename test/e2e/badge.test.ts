/**
 * The toolbar badge in both real browsers, on the demo Service Specific Terms served at its
 * real address: it counts the clauses found that may concern the reader, not the one in their
 * favour, in the worst one's colour, and the button's tooltip says how many are in their
 * favour. On a copy of the page that keeps only its good-for-you clause, the badge shows a
 * green ✓ and no number, and the tooltip says none is of concern.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  comparable,
  fixtureHtml,
  openServed,
  recordsOf,
  termlightRanges,
  waitForBadge,
  withBrowser,
  worstOf,
  type TestBrowser,
  type TestPage,
} from './harness';

// badge.ts imports the polyfill, which refuses to load outside an extension; only its colours are needed.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { BADGE_COLOURS } = await import('../../src/background/badge');

const records = recordsOf('anthropic.service-specific-terms');

/** The toolbar button's tooltip for the page's tab, read through the action API from an extension page. */
async function buttonTitle(browser: TestBrowser, page: TestPage): Promise<string> {
  const tabId = await browser.tabId(page);
  const probe = await browser.openExtensionPage('popup/options.html');
  const title = await probe.evaluate(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.action.getTitle({ tabId: id });
  }, tabId);
  await probe.close();
  return title;
}

/** The demo page without the sections and the summary box that hold its clauses of concern. */
function onlyFavourablePage(): string {
  let html = fixtureHtml(DEMO_FIXTURE);
  for (const part of [/<aside[^>]*id="at-a-glance"[\s\S]*?<\/aside>/, /<section id="section-b"[\s\S]*?<\/section>/, /<section id="section-e"[\s\S]*?<\/section>/]) {
    if (!part.test(html)) throw new Error(`The demo fixture no longer has what this test removes: ${part}`);
    html = html.replace(part, '');
  }
  return html;
}

describe.each(BROWSERS)('%s: the toolbar badge', (name) => {
  it('on the demo page: the clauses of concern counted in the worst one’s colour; the good-for-you ones told in the tooltip', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      const badge = await waitForBadge(browser, page);

      // What the page shows: every recorded clause highlighted, some of them in the reader's favour.
      const found = await termlightRanges(browser, page);
      expect(found.map((r) => comparable(r.text)).sort()).toEqual(records.map((r) => comparable(r.quote.exact)).sort());
      const concerns = found.filter((r) => r.highlight !== 'termlight-positive');
      const favourable = found.length - concerns.length;
      expect(favourable, 'the demo page has a clause in the reader’s favour').toBeGreaterThan(0);
      expect(concerns.length).toBeGreaterThan(0);

      const worst = worstOf(records.filter((r) => r.severity !== 'positive'));
      expect(badge).toEqual({ text: String(concerns.length), color: BADGE_COLOURS[worst] });
      expect(await buttonTitle(browser, page)).toBe(
        `Termlight: ${concerns.length} clauses that may concern you, the worst ${worst}; ${favourable} in your favour`,
      );
    }));

  it('on a page whose only clause found is in the reader’s favour: a green ✓, no number, and none of concern in the tooltip', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, onlyFavourablePage());
      const badge = await waitForBadge(browser, page);

      const found = await termlightRanges(browser, page);
      expect(found.map((r) => r.highlight)).toEqual(['termlight-positive']);
      expect(badge).toEqual({ text: '✓', color: BADGE_COLOURS.positive });
      expect(await buttonTitle(browser, page)).toBe('Termlight: 1 clause in your favour, none of concern');
    }));
});
