#!/usr/bin/env node
/**
 * `npm start` (after `npm run build`): shows Termlight at work in Chromium on our demo copy of
 * Anthropic's Service Specific Terms, served at its real address without touching the network.
 *
 * Headed when $DISPLAY is set (the browser stays open until Ctrl-C), headless otherwise. Writes
 * artifacts/demo-page.png (the page with its highlights and the card of the hovered clause) and
 * artifacts/demo-popup.png (the popup for that tab), and prints the clauses found.
 *
 * The e2e harness is TypeScript; vite's runnerImport loads it here without a compile step.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const artifacts = path.join(root, 'artifacts');
const { module: harness } = await runnerImport(path.join(root, 'test/e2e/harness/index.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
const { launchChromium, DEMO_URL, DEMO_FIXTURE, fixtureHtml, openServed, waitForBadge, firstClausePoint, waitForCard } = harness;

const headed = Boolean(process.env.DISPLAY);
await mkdir(artifacts, { recursive: true });
console.log(`Termlight demo: Chromium ${headed ? 'headed' : 'headless'}, extension from dist/chrome`);

const browser = await launchChromium({ headless: !headed });
let closing = false;
const close = async (code = 0) => {
  if (closing) return;
  closing = true;
  await browser.close();
  process.exit(code);
};
process.on('SIGINT', () => void close(0));
process.on('SIGTERM', () => void close(0));

try {
  const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
  const badge = await waitForBadge(browser, page);

  // Hover the first highlighted clause so that its card opens, then photograph the page.
  const point = await firstClausePoint(page);
  await page.mouseMove(point.x - 5, point.y);
  await page.mouseMove(point.x, point.y);
  await waitForCard(page, true);
  const pageShot = path.join(artifacts, 'demo-page.png');
  await page.screenshot(pageShot);

  // The popup for that tab, opened as a page: popup/popup.html?tab=<id>.
  const tabId = await browser.tabId(page);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  await popup.setViewport(420, 900);
  const clauses = await popup.waitFor(
    () => {
      if (!document.querySelector('h2.count')) return null;
      return Array.from(document.querySelectorAll('.records > article.record')).map((a) => ({
        severity: (a.querySelector('.sev')?.textContent ?? '').replace(/^\W+/, '').trim(),
        title: a.querySelector('h3')?.textContent ?? '',
        quote: a.querySelector('blockquote.quote')?.textContent ?? '',
      }));
    },
    undefined,
    { message: 'The popup did not list the clauses' },
  );
  const popupShot = path.join(artifacts, 'demo-popup.png');
  await popup.screenshot(popupShot, { fullPage: true });

  console.log(`\nPage: ${DEMO_URL} (served from ${path.relative(root, DEMO_FIXTURE)})`);
  console.log(`Badge: "${badge.text}" (${badge.color})`);
  console.log(`Clauses found (${clauses.length}), worst first:`);
  for (const c of clauses) {
    const start = c.quote.length > 70 ? `${c.quote.slice(0, 70).trimEnd()}…` : c.quote;
    console.log(`  - [${c.severity}] ${c.title}\n      "${start}"`);
  }
  console.log(`\nScreenshots:\n  ${pageShot}\n  ${popupShot}`);

  if (headed) {
    await page.bringToFront();
    console.log('\nThe browser stays open: hover the highlights, open the popup tab. Ctrl-C to quit.');
  } else {
    await close(0);
  }
} catch (error) {
  console.error(`Demo failed: ${error instanceof Error ? error.message : error}`);
  await close(1);
}
