/** Steps several scenarios (and the demo) share: open a served page, wait for Termlight's verdict. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES, poll } from './common';
import type { Badge, HighlightInfo, TestBrowser, TestPage } from './types';

export const DEMO_URL = 'https://www.anthropic.com/legal/service-specific-terms';
export const DEMO_FIXTURE = path.join(FIXTURES, 'pages/anthropic-service-specific-terms.html');

export const fixtureHtml = (file: string) => readFileSync(file, 'utf8');

/** Serves `html` at `url` and opens it in a new tab. */
export async function openServed(browser: TestBrowser, url: string, html: string): Promise<TestPage> {
  await browser.serve(url, html);
  return browser.open(url);
}

/**
 * Waits until the page's content script has reported its clauses: the background sets the
 * badge only then. A page where no clause is found never gets here, and the wait says so.
 */
export function waitForBadge(browser: TestBrowser, page: TestPage, timeout = 20_000): Promise<Badge> {
  return poll(
    async () => {
      const badge = await browser.badge(page);
      return badge.text ? badge : null;
    },
    { timeout, message: `No Termlight badge on ${page.url()}` },
  );
}

/** Only Termlight's highlights, one entry per range. */
export async function termlightRanges(
  browser: TestBrowser,
  page: TestPage,
): Promise<{ highlight: string; text: string; where: string }[]> {
  const all: HighlightInfo[] = await browser.highlights(page);
  return all
    .filter((h) => h.name.startsWith('termlight-'))
    .flatMap((h) => h.texts.map((text, i) => ({ highlight: h.name, text, where: h.where[i] ?? '' })));
}

/**
 * Scrolls the first highlighted clause (in document order) to the middle of the viewport and
 * returns a point on its text, in viewport coordinates.
 */
export function firstClausePoint(
  page: TestPage,
): Promise<{ x: number; y: number; text: string; clauseRects: { left: number; top: number; right: number; bottom: number }[] }> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('termlight-') || name === 'termlight-flash') return;
      highlight.forEach((r) => {
        ranges.push(r as Range);
      });
    });
    if (ranges.length === 0) throw new Error('No Termlight highlight in the page');
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const first = ranges[0]!;
    const node = first.startContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement!;
    el.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const rect = first.getClientRects()[0]!;
    const clauseRects = [...first.getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }));
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2, text: first.toString(), clauseRects };
  });
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Waits until the hover card is shown (returns its box) or, with `shown` false, gone. The card
 * lives in a closed shadow root: the page sees only its host, which is what a hit test inside
 * the card returns, so the box is found by hit-testing the viewport.
 */
export async function waitForCard(page: TestPage, shown: boolean): Promise<Box | null> {
  const result = await page.waitFor(
    (expectShown: boolean) => {
      const host = document.querySelector('termlight-card');
      let box: { left: number; top: number; right: number; bottom: number } | null = null;
      if (host?.checkVisibility()) {
        for (let y = 2; y < innerHeight; y += 6) {
          for (let x = 2; x < innerWidth; x += 6) {
            if (document.elementFromPoint(x, y) !== host) continue;
            box = box
              ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x), bottom: Math.max(box.bottom, y) }
              : { left: x, top: y, right: x, bottom: y };
          }
        }
      }
      return expectShown ? box : box === null;
    },
    shown,
    { message: shown ? 'No card appeared for the hovered clause' : 'The card stayed open after the pointer left the clause' },
  );
  return shown ? (result as Box) : null;
}

/** The options page's totals line, or what it says in its place when the records cannot be read. */
export function optionsTotals(options: TestPage): Promise<string> {
  return options.waitFor(() => document.getElementById('totals')?.textContent ?? '', undefined, {
    message: 'The options page never showed its totals (or why it cannot)',
  });
}

/**
 * Chooses `files` for "Import records" on the options page and returns what it says under the
 * file picker once it reports the outcome ("Imported …", "… not imported …" or "Import failed: …").
 */
export async function importFiles(options: TestPage, files: string | string[], timeout = 60_000): Promise<string> {
  await options.uploadByLabel('Import records', files);
  return options.waitFor(
    () => {
      const text = document.getElementById('import-status')?.textContent ?? '';
      return /^Imported|not imported|^Import failed/.test(text) ? text : '';
    },
    undefined,
    { timeout, message: 'The import never reported' },
  );
}
