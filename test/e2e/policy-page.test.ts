/**
 * A known policy page in a real browser, with the built extension: our demo copy of Anthropic's
 * Service Specific Terms served at its real address. What a reader would notice: the clauses are
 * highlighted in the right colours and places, the badge counts them, the popup lists them worst
 * first and can point at one, and hovering a clause shows its card.
 */
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_PACK_ID } from '../../src/records/bundled';
import { CATEGORIES, type Category } from '../../src/records/taxonomy';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  SEVERITY_ORDER,
  SEVERITY_TEXT,
  badgeTextFor,
  bundledPlatformCount,
  comparable,
  firstClausePoint,
  fixtureHtml,
  openServed,
  platformsWithCategory,
  recordsOf,
  termlightRanges,
  waitForBadge,
  waitForCard,
  withBrowser,
  worstOf,
  type BundledRecord,
} from './harness';

// badge.ts imports the polyfill, which refuses to load outside an extension; only its colours are needed.
vi.mock('webextension-polyfill', () => ({ default: {} }));
const { BADGE_COLOURS } = await import('../../src/background/badge');

const DOCUMENT = 'anthropic.service-specific-terms';
/** How the store keys a record: pack id, then record id (rowKey in src/store/db.ts). */
const recordKey = (r: BundledRecord) => `${BUNDLED_PACK_ID}|${r.id}`;

/** Where each clause sits in the fixture: the section, not the "At a glance" box that repeats one. */
const SECTION_OF: Record<string, string> = {
  'anthropic.service-specific-terms.beta-services-as-is': 'section-b',
  'anthropic.service-specific-terms.beta-liability-cap': 'section-b',
  'anthropic.service-specific-terms.fine-tuning-materials': 'section-c',
  'anthropic.service-specific-terms.development-partner-program': 'section-e',
};

const byText = <T extends { text: string }>(items: T[]) => [...items].sort((a, b) => a.text.localeCompare(b.text));

describe.each(BROWSERS)('%s: demo Service Specific Terms page', (name) => {
  const records = recordsOf(DOCUMENT);

  it('highlights every recorded clause, in its severity and place, and badges the count in the worst colour', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      const badge = await waitForBadge(browser, page);

      const ranges = await termlightRanges(browser, page);
      expect(byText(ranges.map((r) => ({ ...r, text: comparable(r.text) })))).toEqual(
        byText(
          records.map((r) => ({
            highlight: `termlight-${r.severity}`,
            text: comparable(r.quote.exact),
            where: SECTION_OF[r.id] ?? '(record missing from SECTION_OF)',
          })),
        ),
      );
      expect(badge).toEqual({ text: badgeTextFor(records.map((r) => r.severity)), color: BADGE_COLOURS[worstOf(records)] });
    }));

  it('popup lists the clauses worst first with severity, title and comparison; "Show in page" flashes one', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      const tabId = await browser.tabId(page);
      const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);

      const listed = await popup.waitFor(
        () => {
          const heading = document.querySelector('h2.count')?.textContent ?? '';
          if (!heading) return null;
          const items = Array.from(document.querySelectorAll('.records > article.record')).map((a) => ({
            severity: (a.querySelector('.sev')?.textContent ?? '').replace(/^\W+/, '').trim(),
            title: a.querySelector('h3')?.textContent ?? '',
            comparison: Array.from(a.querySelectorAll('details.comparison > summary'), (s) => s.textContent).join(' · '),
          }));
          return { heading, items };
        },
        undefined,
        { message: 'The popup never listed the clauses' },
      );

      expect(listed.heading).toBe(`${records.length} clauses found on this page`);
      const worstFirst = [...records].sort(
        (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity),
      );
      expect(listed.items.map((i) => i.severity)).toEqual(worstFirst.map((r) => SEVERITY_TEXT[r.severity]));
      expect([...listed.items.map((i) => i.title)].sort()).toEqual(records.map((r) => r.title).sort());

      // "found in N of M platforms", computed here from the bundled records themselves.
      const total = bundledPlatformCount();
      for (const record of records) {
        const item = listed.items.find((i) => i.title === record.title)!;
        const expected = record.categories
          .map((c) => `${CATEGORIES[c as Category]}: found in ${platformsWithCategory(c)} of ${total} platforms`)
          .join(' · ');
        expect(item.comparison, record.id).toBe(expected);
      }

      // "Show in page" on the last clause listed, its row opened: the page flashes exactly that clause.
      const target = worstFirst.at(-1)!;
      await popup.click(`[id="record-${recordKey(target)}"] summary`);
      await popup.click(`[id="record-${recordKey(target)}"] button.show`);
      const flashed = await page.waitFor(
        () => {
          const flash = CSS.highlights.get('termlight-flash');
          if (!flash) return null;
          const texts: string[] = [];
          flash.forEach((r) => {
            texts.push((r as Range).toString());
          });
          return texts;
        },
        undefined,
        { message: 'No termlight-flash highlight appeared in the page' },
      );
      expect(flashed.map(comparable)).toEqual([comparable(target.quote.exact)]);
    }));

  it('hovering a highlighted clause shows its card, and moving away hides it', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      expect(await page.evaluate(() => document.querySelector('termlight-card') === null)).toBe(true);

      const point = await firstClausePoint(page);
      expect(records.map((r) => comparable(r.quote.exact))).toContain(comparable(point.text));
      await page.mouseMove(point.x - 5, point.y);
      await page.mouseMove(point.x, point.y);

      const box = (await waitForCard(page, true))!;
      // A reader must still see the clause: the card sits beside it, not over it.
      const overlaps = point.clauseRects.some(
        (r) => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top,
      );
      expect(overlaps).toBe(false);

      // Away from any clause (the top-left corner holds the banner), the card closes.
      await page.mouseMove(4, 4);
      await waitForCard(page, false);
    }));

  it('Alt+Shift+N walks the clauses by keyboard, and Enter on the card opens the full record', () =>
    withBrowser(name, async (browser) => {
      const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
      await waitForBadge(browser, page);
      const inPageOrder = await page.evaluate(() => {
        const ranges: Range[] = [];
        CSS.highlights.forEach((h, key) => {
          if (key !== 'termlight-flash') h.forEach((r) => void ranges.push(r as Range));
        });
        return ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
      });
      const flashed = () =>
        page.waitFor(() => {
          const texts: string[] = [];
          CSS.highlights.get('termlight-flash')?.forEach((r) => void texts.push((r as Range).toString()));
          return texts.length ? texts : null;
        });

      await page.press('KeyN', ['Alt', 'Shift']);
      expect((await flashed()).map(comparable)).toEqual([comparable(inPageOrder[0]!)]);
      await waitForCard(page, true);
      await page.press('KeyN', ['Alt', 'Shift']);
      await page.waitFor(
        (second: string) => {
          let text = '';
          CSS.highlights.get('termlight-flash')?.forEach((r) => void (text = (r as Range).toString()));
          return text === second;
        },
        inPageOrder[1],
        { message: 'Alt+Shift+N did not move to the second clause' },
      );

      // The card's button has keyboard focus: Enter opens this clause's full record in a tab.
      const record = records.find((r) => comparable(r.quote.exact) === comparable(inPageOrder[1]!))!;
      await page.press('Enter');
      const full = await browser.waitForPage(browser.extensionUrl('popup/record.html?record='));
      const shownTitle = await full.waitFor(() => document.querySelector('main h1')?.textContent ?? null, undefined, {
        message: 'The full record page did not show the clause',
      });
      expect(shownTitle).toBe(record.title);
    }));
});
