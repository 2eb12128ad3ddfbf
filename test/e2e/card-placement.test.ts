/**
 * The hover card never hides a highlighted clause, in both real browsers: on the demo page,
 * each clause in turn is hovered with the real pointer (and, separately, reached with
 * Alt+Shift+N), and the card's box, found by hit-testing the page, meets no line box of any
 * Termlight highlight, its own clause's included, and stays inside the window. Before the card
 * was placed around the highlights, the medium clause's card sat over the high clause after it.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, DEMO_FIXTURE, DEMO_URL, fixtureHtml, openServed, poll, waitForBadge, withBrowser, type Box, type TestPage } from './harness';

/** Every Termlight highlight in page order: its text, and its line boxes in the viewport. */
function highlightBoxes(page: TestPage): Promise<{ text: string; rects: Box[] }[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('termlight-') && name !== 'termlight-flash' && name !== 'termlight-changed')
        highlight.forEach((r) => void ranges.push(r as Range));
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => ({
      text: r.toString(),
      rects: [...r.getClientRects()].filter((c) => c.width > 0 && c.height > 0).map((c) => ({ left: c.left, top: c.top, right: c.right, bottom: c.bottom })),
    }));
  });
}

/**
 * The card's exact box, or null while no card shows. The card lives in a closed shadow root:
 * the page sees only its host, which is what a hit test inside the card returns. A 20 px grid
 * finds it (it is far larger), then each edge is walked out pixel by pixel along the card's
 * middle row or column (clear of its rounded corners).
 */
function cardBoxNow(page: TestPage): Promise<Box | null> {
  return page.evaluate(() => {
    const host = document.querySelector('termlight-card');
    if (!host) return null;
    const on = (x: number, y: number) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight && document.elementFromPoint(x, y) === host;
    let c: { left: number; top: number; right: number; bottom: number } | null = null;
    for (let y = 1; y < innerHeight; y += 20) {
      for (let x = 1; x < innerWidth; x += 20) {
        if (!on(x, y)) continue;
        c = c ? { left: Math.min(c.left, x), top: Math.min(c.top, y), right: Math.max(c.right, x), bottom: Math.max(c.bottom, y) } : { left: x, top: y, right: x, bottom: y };
      }
    }
    if (!c) return null;
    const midX = Math.round((c.left + c.right) / 2);
    const midY = Math.round((c.top + c.bottom) / 2);
    let { left, top, right, bottom } = c;
    while (on(left - 1, midY)) left--;
    while (on(midX, top - 1)) top--;
    while (on(right + 1, midY)) right++;
    while (on(midX, bottom + 1)) bottom++;
    // Pixel centres in, box edges out.
    return { left, top, right: right + 1, bottom: bottom + 1 };
  });
}

const cardBox = (page: TestPage) => poll(() => cardBoxNow(page), { message: 'No card appeared' });
const cardGone = (page: TestPage) => poll(async () => (await cardBoxNow(page)) === null, { message: 'The card stayed open after the pointer left the clause' });

const meets = (a: Box, b: Box) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

/** The highlights the card covers (their opening words), and whether it is inside the window. */
async function whatTheCardHides(page: TestPage): Promise<{ covered: string[]; inWindow: boolean; card: Box }> {
  const card = await cardBox(page);
  const covered = (await highlightBoxes(page)).filter((h) => h.rects.some((r) => meets(r, card))).map((h) => h.text.slice(0, 40));
  const size = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  const inWindow = card.left >= 0 && card.top >= 0 && card.right <= size.width && card.bottom <= size.height;
  return { covered, inWindow, card };
}

/** Scrolls the clause (in page order) to the middle of the window; a point on its first line. */
function pointOnClause(page: TestPage, index: number): Promise<{ x: number; y: number }> {
  return page.evaluate((i: number) => {
    const ranges: Range[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('termlight-') && name !== 'termlight-flash' && name !== 'termlight-changed')
        highlight.forEach((r) => void ranges.push(r as Range));
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const range = ranges[i]!;
    const node = range.startContainer;
    (node.nodeType === 1 ? (node as Element) : node.parentElement!).scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const rect = [...range.getClientRects()].find((r) => r.width > 0)!;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, index);
}

/** Window sizes: a desktop one, where the card can sit beside a clause, and a smaller one, where it cannot. */
const WINDOWS = [
  { width: 1280, height: 900 },
  { width: 800, height: 700 },
];

describe.each(BROWSERS)('%s: the card on the demo page', (name) => {
  it('hovering each highlighted clause in turn: its card covers no highlighted clause and stays in the window', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      const clauses = await highlightBoxes(page);
      expect(clauses.length).toBeGreaterThanOrEqual(4);

      for (const size of WINDOWS) {
        await page.setViewport(size.width, size.height);
        for (const [i, clause] of clauses.entries()) {
          const where = `${size.width}×${size.height}, clause ${i + 1} “${clause.text.slice(0, 40)}…”`;
          // From a place away from every clause (the top-left corner holds the banner), onto the clause.
          await page.mouseMove(4, 4);
          await cardGone(page);
          const point = await pointOnClause(page, i);
          await page.mouseMove(point.x - 5, point.y);
          await page.mouseMove(point.x, point.y);
          const seen = await whatTheCardHides(page);
          expect(seen.covered, `highlights under the card, ${where} (card ${JSON.stringify(seen.card)})`).toEqual([]);
          expect(seen.inWindow, `card inside the window, ${where} (card ${JSON.stringify(seen.card)})`).toBe(true);
        }
      }
    }), 120_000);

  it('walking the clauses with Alt+Shift+N: each card covers no highlighted clause', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      await page.bringToFront();
      const clauses = await highlightBoxes(page);
      for (const [i, clause] of clauses.entries()) {
        await page.press('KeyN', ['Alt', 'Shift']);
        // The walk flashes the clause it reached; the card is then shown for it.
        await page.waitFor(
          (text: string) => {
            let flashed = '';
            CSS.highlights.get('termlight-flash')?.forEach((r) => void (flashed = (r as Range).toString()));
            return flashed === text;
          },
          clause.text,
          { message: `Alt+Shift+N did not reach clause ${i + 1}` },
        );
        const seen = await whatTheCardHides(page);
        expect(seen.covered, `highlights under the card of clause ${i + 1} (card ${JSON.stringify(seen.card)})`).toEqual([]);
        expect(seen.inWindow).toBe(true);
      }
    }), 120_000);
});
