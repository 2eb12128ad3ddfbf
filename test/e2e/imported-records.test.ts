/**
 * Imported records presented honestly, in the built extension: Google's real ToS;DR export is
 * imported through the options page, and Google's privacy policy (the corpus text, rendered at
 * run time) is read at its real address, which the bundled records also cover. The badge title
 * counts the ToS;DR clauses with their licence; the popup lists the page once, names both
 * sources, and shows each ToS;DR record as a ToS;DR point with its credit, licence and the age of
 * its data; a quote whose export held `</p>\n<p>` shows no tag and is found on the page.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  REPO_ROOT,
  comparable,
  corpusDir,
  importFiles,
  markdownPage,
  openServed,
  waitForBadge,
  waitForCard,
  withBrowser,
  type TestPage,
} from './harness';

const CORPUS = corpusDir();
const EXPORT = CORPUS && path.join(CORPUS, 'tosdr/api-v1/google.json');
const PAGE = CORPUS && path.join(CORPUS, 'ota/current/Google/Privacy Policy.md');
const URL = 'https://policies.google.com/privacy';
/** ToS;DR point 5843: its quote in the export is "…at any time</p>\n<p>You can export…</p>". */
const POINT_TITLE = 'This service allows you to retrieve an archive of your data';
const POINT_QUOTE = 'You can export a copy of your information or delete it from your Google Account at any time';
const CREDIT = "ToS;DR point — Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0";
/** google.json's only dated point was submitted on 2017-11-27; the export itself has no date. */
const DATA_AGE = 'ToS;DR data, latest date in it Nov 27, 2017: it may be out of date';
const SHOTS = path.join(REPO_ROOT, '.tmp/screenshots');

/** The toolbar button's tooltip for a tab, read through the action API from an extension page. */
function badgeTitle(probe: TestPage, tabId: number): Promise<string> {
  return probe.evaluate(async (id: number) => {
    const api = (globalThis as { browser?: typeof chrome }).browser ?? chrome;
    return api.action.getTitle({ tabId: id });
  }, tabId);
}

/** Scrolls the highlighted clause starting with `start` into view; a point on it. */
function clausePoint(page: TestPage, start: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text: string) => {
    let found: Range | null = null;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('termlight-')) return;
      highlight.forEach((r) => {
        if (!found && (r as Range).toString().replace(/\s+/g, ' ').startsWith(text)) found = r as Range;
      });
    });
    if (!found) throw new Error(`No highlight starts with ${text}`);
    const range: Range = found;
    const node = range.startContainer;
    (node.nodeType === 1 ? (node as Element) : node.parentElement!).scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
  }, start);
}

describe.each(BROWSERS)('%s: imported ToS;DR records on a page', (name) => {
  it("Google's ToS;DR export on Google's privacy policy: source, credit, licence and data age on each record, no markup, the page listed once", (context) => {
    if (!EXPORT || !PAGE) {
      console.warn(`No corpus found (looked in $TERMLIGHT_CORPUS, else ../shared/corpus): the real ToS;DR export is needed in ${name}.`);
      context.skip();
    }
    return withBrowser(name, async (browser) => {
      const options = await browser.openExtensionPage('popup/options.html');
      expect(await importFiles(options, EXPORT!)).toMatch(/^Imported 1 file: /);

      const page = await openServed(browser, URL, markdownPage(PAGE!, 'Google Privacy Policy'));
      await waitForBadge(browser, page);
      const tabId = await browser.tabId(page);
      // Termlight's own clauses and ToS;DR's share the badge: the title says how many are ToS;DR's.
      expect(await badgeTitle(options, tabId)).toMatch(/^Termlight: \d+ clauses that may concern you, the worst \w+(; \d+ in your favour)? — \d+ from ToS;DR \(CC BY-SA 3\.0\)$/);

      const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      const seen = await popup.waitFor(
        (title: string) => {
          const article = [...document.querySelectorAll('.records > article.record')].find((a) => a.querySelector('h3')?.textContent === title);
          if (!article) return null;
          // Its row opened, as a reader would, so that its source lines are laid out.
          article.querySelector('details')!.open = true;
          const text = (el: Element | null) => (el as HTMLElement | null)?.innerText ?? el?.textContent ?? '';
          return {
            source: text(article.querySelector('.source')),
            quote: article.querySelector('blockquote.quote')?.textContent ?? '',
            impact: article.querySelector('.impact')?.textContent ?? null,
            documents: [...document.querySelectorAll('.doc')].map((d) => d.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
            credit: document.querySelector('.credit')?.textContent ?? '',
            whole: document.body.innerText,
            ownRecords: [...document.querySelectorAll('.records > article.record')].filter((a) => !a.querySelector('.source')).length,
          };
        },
        POINT_TITLE,
        { message: `The popup never listed the ToS;DR point "${POINT_TITLE}" as found` },
      );
      expect(seen.source.split('\n').map((line) => line.trim())).toEqual([CREDIT, DATA_AGE]);
      expect(comparable(seen.quote)).toBe(
        `${POINT_QUOTE} You can export a copy of content in your Google Account if you want to back it up or use it with a service outside of Google.`,
      );
      // Its case only repeats its title: no impact line.
      expect(seen.impact).toBeNull();
      expect(seen.whole).not.toMatch(/<\/?(p|li|strong|br|ul|b|em)\b|&nbsp;|&amp;/);
      // The bundled records are there too, without a source line of their own.
      expect(seen.ownRecords).toBeGreaterThan(0);
      // One page, one entry; ToS;DR credited once for its clauses, Termlight's own records not named.
      expect(seen.documents).toHaveLength(1);
      expect(seen.documents[0]).not.toContain('Termlight records');
      expect(seen.credit).toMatch(/^\d+ of these clauses come from ToS;DR \(CC BY-SA 3\.0\)\.$/);

      mkdirSync(SHOTS, { recursive: true });
      await popup.screenshot(path.join(SHOTS, `imported-popup-top-${name}.png`));
      await popup.evaluate((title: string) => {
        const article = [...document.querySelectorAll('.records > article.record')].find((a) => a.querySelector('h3')?.textContent === title)!;
        article.scrollIntoView({ block: 'start' });
      }, POINT_TITLE);
      await popup.screenshot(path.join(SHOTS, `imported-popup-${name}.png`));

      // The hover card of the same clause (its text is in a closed shadow root: seen on the screenshot).
      await page.bringToFront();
      const point = await clausePoint(page, POINT_QUOTE);
      await page.mouseMove(point.x, point.y);
      await waitForCard(page, true);
      await page.screenshot(path.join(SHOTS, `imported-card-${name}.png`));
    });
  });
});
