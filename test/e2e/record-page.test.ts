/**
 * "Open the full record" on the card opens the record as a page laid out for a tab
 * (popup/record.html): wide enough to read, with the record's quote, its document and its date
 * story, every other platform's clause in its categories, and "Show in page" back to the clause,
 * all reachable by keyboard, and axe-core finds no WCAG 2.1 A/AA violation, light or dark.
 * Pressed with the real pointer, on the demo page, in both browsers.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as Axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK_ID } from '../../src/records/bundled';
import { CATEGORIES, type Category } from '../../src/records/taxonomy';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  REPO_ROOT,
  comparable,
  firstClausePoint,
  fixtureHtml,
  openServed,
  platformsWithCategory,
  recordsOf,
  viewportImage,
  waitForBadge,
  waitForCard,
  withBrowser,
  type Box,
  type TestPage,
} from './harness';

const SHOTS = '/tmp/shots-dates';
const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's WCAG 2.1 A/AA violations on the page, as "rule: target" lines (evaluated by the
 * automation protocol, which the extension page's CSP does not govern; as accessibility.test.ts).
 */
async function axeViolations(page: TestPage): Promise<string[]> {
  await (page.raw as { evaluate(expression: string): Promise<unknown> }).evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary ?? ''}`));
  });
}
const records = recordsOf('anthropic.service-specific-terms');

/** The playwright and puppeteer pages share this much: a real pointer click at viewport coordinates. */
interface RawMouse {
  mouse: { click(x: number, y: number): Promise<void> };
}

/**
 * Where the card's "Open the full record" button is painted: its text is the card's only
 * #1e3a8a (light) ink. The card's shadow root is closed, so the page cannot point at it; the
 * screenshot can. The centre of the band of those pixels.
 */
async function openRecordButton(page: TestPage, card: Box): Promise<{ x: number; y: number }> {
  const image = await viewportImage(page);
  const scale = image.width / (await page.evaluate(() => innerWidth));
  const hits: { x: number; y: number }[] = [];
  for (let y = Math.floor(card.top * scale); y < Math.min(image.height, card.bottom * scale + 6); y++) {
    for (let x = Math.floor(card.left * scale); x < Math.min(image.width, card.right * scale + 6); x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b] = [image.rgba[i]!, image.rgba[i + 1]!, image.rgba[i + 2]!];
      if (Math.abs(r - 0x1e) + Math.abs(g - 0x3a) + Math.abs(b - 0x8a) < 40) hits.push({ x, y });
    }
  }
  expect(hits.length, 'pixels of the card button’s ink').toBeGreaterThan(20);
  const ys = hits.map((h) => h.y).sort((a, b) => a - b);
  const xs = hits.map((h) => h.x).sort((a, b) => a - b);
  return { x: xs[Math.floor(xs.length / 2)]! / scale, y: ys[Math.floor(ys.length / 2)]! / scale };
}

describe.each(BROWSERS)('%s: the full record page', (name) => {
  it('opens from the card with the real pointer, wide, with the quote, the document, the whole comparison and Show in page', () =>
    withBrowser(name, async (browser) => {
      mkdirSync(SHOTS, { recursive: true });
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await page.setViewport(1280, 900);
      await waitForBadge(browser, page);
      const point = await firstClausePoint(page);
      const record = records.find((r) => comparable(r.quote.exact) === comparable(point.text))!;
      expect(record, point.text).toBeDefined();
      await page.mouseMove(point.x - 5, point.y);
      await page.mouseMove(point.x, point.y);
      const card = (await waitForCard(page, true))!;

      const button = await openRecordButton(page, card);
      await page.mouseMove(button.x, button.y);
      await (page.raw as RawMouse).mouse.click(button.x, button.y);
      const full = await browser.waitForPage(browser.extensionUrl('popup/record.html?record='));
      await full.setViewport(1280, 900);
      await full.bringToFront();

      const shown = await full.waitFor(
        () => {
          const main = document.querySelector('main');
          const title = document.querySelector('h1')?.textContent;
          if (!main || !title || !document.querySelector('.record-comparison')) return null;
          return {
            title,
            width: main.getBoundingClientRect().width,
            pageTitle: document.title,
            quote: document.querySelector('.full-record blockquote.quote')?.textContent ?? '',
            documentName: document.querySelector('.record-document .document-name')?.textContent ?? '',
            dates: document.querySelector('.record-document .dates')?.textContent ?? '',
            categories: [...document.querySelectorAll('.record-comparison h3')].map((h) => ({
              heading: h.textContent ?? '',
              others: h.parentElement!.querySelectorAll('.others > li').length,
            })),
          };
        },
        undefined,
        { message: 'The full record page never showed the record' },
      );
      await full.screenshot(`${SHOTS}/record-page-${name}.png`, { fullPage: true });
      expect(await axeViolations(full)).toEqual([]);

      expect(shown.title).toBe(record.title);
      expect(shown.pageTitle).toBe(`${record.title} — Termlight`);
      expect(shown.width).toBeGreaterThan(600);
      expect(comparable(shown.quote)).toBe(comparable(record.quote.exact));
      expect(shown.documentName).toBe('Anthropic: Service Specific Terms');
      expect(shown.dates).toBe('Updated by Anthropic on May 1, 2025 · Checked by Termlight on Nov 21, 2026');
      // Every other platform with a clause in the category, not the popup's first five.
      expect(shown.categories).toEqual(
        record.categories.map((c) => ({
          heading: `${CATEGORIES[c as Category]}: found in ${platformsWithCategory(c)} of 24 platforms`,
          others: platformsWithCategory(c) - 1,
        })),
      );

      // By keyboard from the top: the document's link, the source link, then "Show in page",
      // which brings the tab back and flashes the clause.
      const reached: string[] = [];
      for (let i = 0; i < 12 && !reached.includes('Show in page'); i++) {
        await full.press('Tab');
        reached.push(await full.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
      }
      expect(reached).toContain('Source');
      expect(reached.at(-1)).toBe('Show in page');
      await full.press('Enter');
      const flashed = await page.waitFor(
        () => {
          const texts: string[] = [];
          CSS.highlights.get('termlight-flash')?.forEach((r) => void texts.push((r as Range).toString()));
          return texts.length ? texts : null;
        },
        undefined,
        { message: 'Show in page did not flash the clause' },
      );
      expect(flashed.map(comparable)).toEqual([comparable(record.quote.exact)]);
    }), 180_000);

  it('dark, a record in a widely shared category: every other platform is listed, in dark colours', () =>
    withBrowser(
      name,
      async (browser) => {
        const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
        await waitForBadge(browser, page);
        // The demo's record whose category the most platforms share (liability: 22 of 24).
        const widest = (r: (typeof records)[number]) => Math.max(...r.categories.map(platformsWithCategory));
        const record = [...records].sort((a, b) => widest(b) - widest(a))[0]!;
        const key = `${BUNDLED_PACK_ID}|${record.id}`;
        const full = await browser.openExtensionPage(`popup/record.html?record=${encodeURIComponent(key)}&tab=${await browser.tabId(page)}`);
        await full.setViewport(1280, 900);
        const shown = await full.waitFor(() =>
          document.querySelector('.record-comparison')
            ? {
                bg: getComputedStyle(document.body).backgroundColor,
                fg: getComputedStyle(document.body).color,
                others: [...document.querySelectorAll('.record-comparison h3')].map((h) => h.parentElement!.querySelectorAll('.others > li').length),
              }
            : null,
        );
        await full.screenshot(`${SHOTS}/record-page-dark-${name}.png`, { fullPage: true });
        expect(await axeViolations(full)).toEqual([]);
        expect(shown.others).toEqual(record.categories.map((c) => platformsWithCategory(c) - 1));
        // More than the popup's first five.
        expect(Math.max(...shown.others)).toBeGreaterThan(5);
        expect({ bg: shown.bg, fg: shown.fg }).toEqual({ bg: 'rgb(15, 23, 42)', fg: 'rgb(241, 245, 249)' });
      },
      { colorScheme: 'dark' },
    ), 180_000);
});
