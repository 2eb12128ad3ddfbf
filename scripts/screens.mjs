#!/usr/bin/env node
/**
 * `npm run screens [-- <out-dir>]` (after a build; TERMLIGHT_DIST as for the e2e tests):
 * photographs what a reader sees, in Chromium and Firefox, light and dark, so that a change to
 * the popup, the card or the options page can be looked at before and after:
 *
 *   <browser>-<scheme>-card.png            the demo page with the card of its second clause open
 *   <browser>-<scheme>-popup.png           the popup's first screen on the demo page (420 x 600)
 *   <browser>-<scheme>-popup-expanded.png  the same popup with every clause opened, whole height
 *   <browser>-<scheme>-popup-spotify.png   the popup's first screen on Spotify's terms (corpus)
 *   <browser>-<scheme>-options.png         the options page, whole height
 *
 * Default out-dir: artifacts/screens. Prints the files written and each popup's height.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(root, 'artifacts/screens'));
const { module: h } = await runnerImport(path.join(root, 'test/e2e/harness/index.ts'), { root, configFile: false, logLevel: 'error' });
await mkdir(out, { recursive: true });

const SPOTIFY = {
  url: 'https://www.spotify.com/us/legal/end-user-agreement/',
  file: 'ota/current/Spotify/Terms of Service.md',
};

/** Opens every clause the popup can open: its own "expand all" when it has one, else every <details>. */
function expandAll() {
  const expand = [...document.querySelectorAll('button')].find((b) => /expand all/i.test(b.textContent ?? ''));
  if (expand) expand.click();
  else for (const d of document.querySelectorAll('details')) d.open = true;
  return true;
}

/** Scrolls the demo page's first medium clause (else its first clause) to the middle; a point on it. */
function clausePoint() {
  const ranges = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('termlight-') || name === 'termlight-flash') return;
    highlight.forEach((r) => ranges.push({ r, medium: name.endsWith('medium') }));
  });
  ranges.sort((a, b) => a.r.compareBoundaryPoints(Range.START_TO_START, b.r));
  const { r } = ranges.find((x) => x.medium) ?? ranges[0];
  const node = r.startContainer;
  (node.nodeType === 1 ? node : node.parentElement).scrollIntoView({ block: 'center', behavior: 'instant' });
  const rect = r.getClientRects()[0];
  return { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
}

async function popupFor(browser, page, file, expanded = false) {
  const tabId = await browser.tabId(page);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  await popup.setViewport(420, 600);
  await popup.waitFor(() => document.querySelector('.record, [data-record], .clause') !== null, undefined, {
    message: 'The popup listed no clause',
    timeout: 30_000,
  });
  await h.sleep(400);
  if (expanded) {
    await popup.evaluate(expandAll);
    await h.sleep(300);
  }
  await popup.screenshot(file, { fullPage: expanded });
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.close();
  return height;
}

for (const name of h.BROWSERS) {
  for (const scheme of ['light', 'dark']) {
    const shot = (what) => path.join(out, `${name}-${scheme}-${what}.png`);
    await h.withBrowser(
      name,
      async (browser) => {
        const page = await h.openServed(browser, h.DEMO_URL, h.fixtureHtml(h.DEMO_FIXTURE));
        await page.setViewport(1280, 800);
        await h.waitForBadge(browser, page);
        // The medium clause: on the demo page its card is the one that used to hide the next clause.
        const point = await page.evaluate(clausePoint);
        await page.mouseMove(point.x - 5, point.y);
        await page.mouseMove(point.x, point.y);
        await h.waitForCard(page, true);
        await page.screenshot(shot('card'));

        const first = await popupFor(browser, page, shot('popup'));
        const expanded = await popupFor(browser, page, shot('popup-expanded'), true);
        console.log(`${name} ${scheme}: popup ${first} px tall at first, ${expanded} px with every clause open`);

        const corpus = h.corpusDir();
        if (corpus) {
          const spotify = await h.openServed(browser, SPOTIFY.url, h.markdownPage(path.join(corpus, SPOTIFY.file), 'Spotify Terms of Use'));
          await h.waitForBadge(browser, spotify);
          await popupFor(browser, spotify, shot('popup-spotify'));
        } else {
          console.log('No corpus beside the repository: no Spotify screenshot.');
        }

        const options = await browser.openExtensionPage('popup/options.html');
        await options.setViewport(1000, 800);
        await options.waitFor(() => document.querySelector('#totals') !== null, undefined, { timeout: 20_000 });
        await h.sleep(300);
        await options.screenshot(shot('options'), { fullPage: true });
      },
      { colorScheme: scheme },
    );
  }
}
console.log(`Screenshots in ${out}`);
