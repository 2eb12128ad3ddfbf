/**
 * The popup's search on the built extension, with the bundled records, in both browsers:
 *
 * - a typo ("spotfy") finds Spotify and its clauses; the platform opens in place to its summary
 *   (grade, counts by severity equal to its records', worst clauses with what they mean, its
 *   documents with their addresses), from the keyboard;
 * - a query with more than 50 clauses says "Showing 50 of N clauses", N being what the bundled
 *   records hold by the rule the search promises; "Show more" (Enter) lists the next ones,
 *   moves the focus to the first new one and ends with all N, ranked (a match in a platform name
 *   or title above one in the document, impact or quote; worst first within each), each with
 *   its impact line where the record has one.
 */
import { describe, expect, it } from 'vitest';
import { bundledPackJson } from '../../src/records/bundled';
import { BROWSERS, SEVERITY_ORDER, withBrowser, type Severity, type TestPage } from './harness';

interface Bundled {
  platforms: { id: string; name: string }[];
  documents: { id: string; platformId: string; title: string; url: string }[];
  records: { id: string; documentId: string; title: string; impact?: string; severity: Severity; quote: { exact: string } }[];
}
const bundled = bundledPackJson('test') as Bundled;
const documentOf = new Map(bundled.documents.map((d) => [d.id, d]));
const platformName = new Map(bundled.platforms.map((p) => [p.id, p.name]));
const platformOf = (r: Bundled['records'][number]) => documentOf.get(r.documentId)!.platformId;
/** What the record means in one line, where it says more than its title. */
const impactOf = (r: Bundled['records'][number]) => (r.impact && r.impact !== r.title ? r.impact : '');

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The word searched for "Show more": used in many clauses, so it is taken as typed (no typo variants). */
const MANY = 'data';
/**
 * Where a clause matches MANY, by the rule the search states: 0 in its platform's name or its
 * title, 1 in its document's title or its impact, 2 in its quote only; -1 nowhere.
 */
function tier(r: Bundled['records'][number]): number {
  const fields = [
    `${platformName.get(platformOf(r))} ${r.title}`,
    `${documentOf.get(r.documentId)!.title} ${impactOf(r)}`,
    r.quote.exact,
  ];
  return fields.findIndex((f) => fold(f).includes(MANY));
}
const manyMatches = bundled.records.filter((r) => tier(r) >= 0);

const SEARCH_LABEL = 'Search platforms and clauses';
/** A browser launch and a few dozen steps: on a loaded machine Firefox needs more than the default minute. */
const GIVE_UP_MS = 180_000;

/** Types `query` and waits for its count line. */
async function searchFor(popup: TestPage, query: string): Promise<string> {
  await popup.fillByLabel(SEARCH_LABEL, query);
  return popup.waitFor(
    (q: string) => {
      const input = document.getElementById('search') as HTMLInputElement;
      const status = document.querySelector('[aria-label="Search results"] [role="status"]')?.textContent ?? '';
      return input.value === q && status ? status : '';
    },
    query,
    { message: `The search for "${query}" never answered` },
  );
}

interface Row {
  title: string;
  severity: string;
  impact: string;
  where: string;
}
const recordRows = (popup: TestPage) =>
  popup.evaluate(() =>
    [...document.querySelectorAll('.search-records > li')].map(
      (li): Row => ({
        title: li.querySelector('.hit-title')?.textContent ?? '',
        severity: /sev-(\w+)/.exec(li.querySelector('.sev')?.className ?? '')?.[1] ?? '',
        impact: li.querySelector('.hit-impact')?.textContent ?? '',
        where: li.querySelector('.meta')?.textContent ?? '',
      }),
    ),
  );

describe.each(BROWSERS)('%s: the popup search', (name) => {
  it('finds Spotify from "spotfy" with its clauses, and opens its summary in place from the keyboard', () =>
    withBrowser(name, async (browser) => {
      const popup = await browser.openExtensionPage('popup/popup.html');
      const spotify = bundled.records.filter((r) => platformOf(r) === 'spotify');
      expect(spotify.length).toBeGreaterThan(5);

      const status = await searchFor(popup, 'spotfy');
      expect(status).toMatch(/^1 platform · \d+ clauses$/);
      const platforms = await popup.evaluate(() => [...document.querySelectorAll('.search-platforms > li .hit-title')].map((s) => s.textContent));
      expect(platforms).toEqual(['Spotify']);
      const rows = await recordRows(popup);
      expect(rows.filter((r) => r.where.startsWith('Spotify')).map((r) => r.title).sort()).toEqual(spotify.map((r) => r.title).sort());
      for (const row of rows.filter((r) => r.where.startsWith('Spotify'))) {
        const record = spotify.find((r) => r.title === row.title)!;
        expect(row.impact, row.title).toBe(impactOf(record));
      }

      // Opened with Enter: its summary, in place.
      await popup.evaluate(() => (document.querySelector('.search-platforms .hit-open') as HTMLButtonElement).focus());
      await popup.press('Enter');
      const summary = await popup.waitFor(
        () => {
          const button = document.querySelector('.search-platforms .hit-open')!;
          const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
          if (button.getAttribute('aria-expanded') !== 'true' || !panel?.querySelector('.site-counts')) return null;
          return {
            total: panel.querySelector('.site-counts')!.firstChild?.textContent ?? '',
            counts: [...panel.querySelectorAll('.site-counts > span')].map((span) => [
              /sev-(\w+)/.exec(span.querySelector('.sev')?.className ?? '')?.[1] ?? '',
              Number(/(\d+)\s*$/.exec(span.textContent ?? '')?.[1]),
            ]),
            worst: [...panel.querySelectorAll('.site-worst > li')].map((li) => /sev-(\w+)/.exec(li.querySelector('.sev')?.className ?? '')?.[1]),
            documents: [...panel.querySelectorAll('.site-docs a')].map((a) => (a as HTMLAnchorElement).href),
            focused: document.activeElement === button,
          };
        },
        undefined,
        { message: "Spotify's summary never opened" },
      );
      const expectedCounts = SEVERITY_ORDER.map((s) => [s, spotify.filter((r) => r.severity === s).length]).filter(([, n]) => n !== 0);
      expect(summary.total).toBe(`${spotify.length} clauses recorded`);
      expect(summary.counts).toEqual(expectedCounts);
      const worstFirst = [...spotify].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
      expect(summary.worst).toEqual(worstFirst.slice(0, 5).map((r) => r.severity));
      expect(summary.documents.sort()).toEqual(bundled.documents.filter((d) => d.platformId === 'spotify').map((d) => d.url).sort());
      expect(summary.focused).toBe(true);

      // Enter again folds it.
      await popup.press('Enter');
      await popup.waitFor(() => document.querySelector('.search-platforms .hit-open')?.getAttribute('aria-expanded') === 'false', undefined, {
        message: 'The summary did not fold',
      });
    }), GIVE_UP_MS);

  it(`counts every clause matching "${MANY}", shows 50, and "Show more" reaches all of them, ranked, each with its impact`, () =>
    withBrowser(name, async (browser) => {
      expect(manyMatches.length).toBeGreaterThan(100);
      const popup = await browser.openExtensionPage('popup/popup.html');
      const status = await searchFor(popup, MANY);
      expect(status).toMatch(new RegExp(`Showing 50 of ${manyMatches.length} clauses$`));
      expect(await recordRows(popup)).toHaveLength(50);

      // From the keyboard: Enter on "Show more", the focus on the first new clause.
      for (let shown = 50; shown < manyMatches.length; shown += 50) {
        await popup.evaluate(() => (document.querySelector('.search-records ~ .show-more') as HTMLButtonElement).focus());
        await popup.press('Enter');
        const next = Math.min(shown + 50, manyMatches.length);
        await popup.waitFor((n: number) => document.querySelectorAll('.search-records > li').length === n, next, {
          message: `"Show more" did not list ${next} clauses`,
        });
        await popup.waitFor(
          (first: number) => [...document.querySelectorAll('.search-records > li')].indexOf(document.activeElement as Element) === first,
          shown,
          { message: `The focus did not move to the first new clause (${shown + 1})` },
        );
      }
      expect(await popup.evaluate(() => document.querySelector('.search-records ~ .show-more'))).toBeNull();
      expect(await popup.evaluate(() => document.querySelector('[aria-label="Search results"] [role="status"]')?.textContent)).toMatch(
        new RegExp(`${manyMatches.length} clauses$`),
      );

      const rows = await recordRows(popup);
      const byTitle = new Map(manyMatches.map((r) => [`${platformName.get(platformOf(r))}|${r.title}`, r]));
      const matched = rows.map((row) => {
        const record = [...byTitle].find(([key]) => row.where.startsWith(key.split('|')[0]!) && key.endsWith(`|${row.title}`))?.[1];
        expect(record, `${row.where}: ${row.title}`).toBeDefined();
        expect(row.impact, row.title).toBe(impactOf(record!));
        expect(row.severity).toBe(record!.severity);
        return record!;
      });
      expect(new Set(matched).size).toBe(manyMatches.length);
      // Ranked: by where the word is, then worst first.
      const keys = matched.map((r) => tier(r) * 10 + SEVERITY_ORDER.indexOf(r.severity));
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
      expect(tier(matched[0]!)).toBe(0);
      expect(tier(matched.at(-1)!)).toBe(2);
    }), GIVE_UP_MS);
});
