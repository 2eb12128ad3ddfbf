/**
 * One date story per document, on real corpus documents served at their addresses (needs
 * ../shared/corpus): the popup says who updated the document when, when Termlight checked it,
 * that this page is that checked version, and lists the versions with the checked one dated as
 * Open Terms Archive recorded it and said to be checked on the same day as "Checked by". Every
 * date agrees with the records, is written for people and carries its ISO date.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/date';
import { bundledPackJson } from '../../src/records/bundled';
import { BROWSERS, corpusDir, markdownPage, openServed, waitForBadge, withBrowser, type TestBrowser } from './harness';

const corpus = corpusDir();

interface BundledDocument {
  id: string;
  platformId: string;
  title: string;
  lastUpdated?: string;
  lastVerified?: string;
  sha256?: string;
  history: { date: string; sha256?: string; summary: string }[];
}

/** A bundled document as shipped, with its platform's name. */
function bundledDocument(id: string): BundledDocument & { platformName: string } {
  const pack = bundledPackJson('test') as { platforms: { id: string; name: string }[]; documents: BundledDocument[] };
  const doc = pack.documents.find((d) => d.id === id)!;
  return { ...doc, platformName: pack.platforms.find((p) => p.id === doc.platformId)!.name };
}
const SHOTS = '/tmp/shots-dates';

const DOCUMENTS = [
  { id: 'spotify.terms', file: 'ota/current/Spotify/Terms of Service.md', url: 'https://www.spotify.com/us/legal/end-user-agreement/' },
  { id: 'reddit.terms', file: 'ota/current/Reddit/Terms of Service.md', url: 'https://www.redditinc.com/policies/user-agreement' },
];

interface Shown {
  dates: string;
  times: { iso: string; text: string }[];
  match: string;
  versionsSummary: string;
  versions: { checked: boolean; text: string; times: string[] }[];
}

/** The popup's date story for the document, once the page has been compared with the checked version. */
async function dateStoryOf(browser: TestBrowser, url: string, html: string, shot: string): Promise<Shown> {
  const tab = await openServed(browser, url, html);
  await waitForBadge(browser, tab);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${await browser.tabId(tab)}`);
  await popup
    .waitFor(() => document.querySelector('.date-story .verification.match-same, .date-story .verification.match-changed') !== null, undefined, {
      timeout: 40_000,
      message: 'The popup never said whether the page is the checked version',
    })
    .catch(async (e: Error) => {
      await popup.screenshot(shot.replace('.png', '-failed.png'));
      throw new Error(`${e.message}; it said: ${await popup.evaluate(() => document.querySelector('main')?.textContent?.slice(0, 600))}`);
    });
  await popup.click('.date-story details.history > summary');
  await popup.screenshot(shot);
  return popup.evaluate(() => {
    const story = document.querySelector('.date-story')!;
    const time = (t: Element) => ({ iso: t.getAttribute('datetime') ?? '', text: t.textContent ?? '' });
    return {
      dates: story.querySelector('.dates')?.textContent ?? '',
      times: [...story.querySelectorAll('.dates time')].map(time),
      match: story.querySelector('.verification')?.textContent ?? '',
      versionsSummary: story.querySelector('details.history[open] > summary')?.textContent ?? '',
      versions: [...story.querySelectorAll('.versions li')].map((li) => ({
        checked: li.hasAttribute('data-checked'),
        text: li.textContent ?? '',
        times: [...li.querySelectorAll('time')].map((t) => t.getAttribute('datetime') ?? ''),
      })),
    };
  });
}

describe.each(BROWSERS)('%s: dates agree', (name) => {
  it.runIf(corpus)('the popup tells one date story per document, matching the records', () =>
    withBrowser(name, async (browser) => {
      for (const { id, file, url } of DOCUMENTS) {
        const doc = bundledDocument(id);
        const platform = doc.platformName;
        const shown = await dateStoryOf(browser, url, markdownPage(path.join(corpus!, file), doc.title), `${SHOTS}/popup-dates-${id}-${name}.png`);

        // Publisher's date, then Termlight's check, each for people and with its ISO date.
        expect(shown.dates).toBe(`Updated by ${platform} on ${formatDate(doc.lastUpdated!)} · Checked by Termlight on ${formatDate(doc.lastVerified!)}`);
        expect(shown.times).toEqual([
          { iso: doc.lastUpdated, text: formatDate(doc.lastUpdated!) },
          { iso: doc.lastVerified, text: formatDate(doc.lastVerified!) },
        ]);
        // The corpus copy is the version the records were checked against.
        expect(shown.match).toBe('✓ This page is the version Termlight checked.');

        // The versions: newest first; the checked one is the entry with the document's fingerprint,
        // dated as Open Terms Archive recorded it and checked on the day the header says.
        const history = [...doc.history].sort((a, b) => b.date.localeCompare(a.date));
        expect(shown.versionsSummary).toBe(`Versions (${history.length})`);
        expect(shown.versions.map((v) => v.times[0])).toEqual(history.map((h) => h.date));
        const checked = shown.versions.filter((v) => v.checked);
        expect(checked).toHaveLength(1);
        const checkedEntry = doc.history.find((h) => h.sha256 === doc.sha256)!;
        expect(checked[0]!.times).toEqual([checkedEntry.date, doc.lastVerified]);
        expect(checked[0]!.text).toBe(
          `First recorded by Open Terms Archive on ${formatDate(checkedEntry.date)}: the version Termlight checked on ${formatDate(doc.lastVerified!)}`,
        );
        // Earlier versions say how much changed since, with the counts the records hold.
        for (const earlier of shown.versions.filter((v) => !v.checked)) {
          const entry = doc.history.find((h) => h.date === earlier.times[0])!;
          const [, added, removed] = /(\d+) words? added, (\d+) removed/.exec(entry.summary)!;
          expect(earlier.text).toContain(`since then ${Number(added).toLocaleString('en')} words were added and ${Number(removed).toLocaleString('en')} removed`);
        }
      }
    }),
    180_000,
  );
});
