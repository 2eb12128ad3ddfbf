/**
 * The options page read at a glance, in real browsers: a malformed file and a feed answering 404
 * are shown as errors (the --high colour, role="alert") in plain words with the technical
 * detail folded; a disabled button looks disabled; removing Termlight's own records offers Undo
 * (which brings back the same totals and rows) and, after a reload, one-step restore; importing
 * the whole ToS;DR export shows one bar from the first file read that never goes backwards.
 * Screenshots go to $TERMLIGHT_SHOTS (default /tmp/shots-options) for looking at.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Axe from 'axe-core';
import { BROWSERS, REPO_ROOT, corpusDir, importFiles, optionsTotals, startFeedServer, withBrowser, type FeedServer, type TestPage } from './harness';

const SHOTS = process.env.TERMLIGHT_SHOTS ?? path.join(os.tmpdir(), 'shots-options');
const corpus = corpusDir();
const exportDir = corpus && path.join(corpus, 'tosdr/api-v1');
if (!exportDir) console.warn('No corpus found: the progress check on the whole ToS;DR export is skipped.');

let server: FeedServer;
let dir: string;
let malformed: string;
beforeAll(async () => {
  server = await startFeedServer(); // answers 404 until told otherwise
  dir = await mkdtemp(path.join(os.tmpdir(), 'termlight-glance-'));
  malformed = path.join(dir, 'cut-short.json');
  // A pack with a comma missing, as a hand edit leaves it.
  await writeFile(malformed, '{"schemaVersion": 1, "packId": "mine" "records": []}');
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Alert {
  /** What a reader sees (the closed details' content left out). */
  shown: string;
  /** Everything in it, the folded details included. */
  all: string;
  detailsOpen: boolean;
  summary: string;
  /** The alert's left edge and heading colours, and --high as the browser resolves it. */
  edge: string;
  heading: string;
  high: string;
}

/** The first role="alert" inside `container`, once there is one. */
function readAlert(page: TestPage, container: string): Promise<Alert> {
  return page.waitFor(
    (selector: string) => {
      const alert = document.querySelector(`${selector} [role="alert"]`);
      if (!(alert instanceof HTMLElement)) return null;
      const details = alert.querySelector('details');
      const probe = document.createElement('span');
      probe.style.color = 'var(--high)';
      document.body.append(probe);
      const high = getComputedStyle(probe).color;
      probe.remove();
      const heading = alert.querySelector('p') ?? alert;
      return {
        shown: alert.innerText.replace(/\s+/g, ' ').trim(),
        all: (alert.textContent ?? '').replace(/\s+/g, ' ').trim(),
        detailsOpen: details?.open ?? true,
        summary: details?.querySelector('summary')?.textContent ?? '',
        edge: getComputedStyle(alert).borderLeftColor,
        heading: getComputedStyle(heading).color,
        high,
      };
    },
    container,
    { message: `No alert appeared in ${container}` },
  );
}

const text = (page: TestPage, selector: string) =>
  page.evaluate((s: string) => (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim(), selector);

async function waitForText(page: TestPage, selector: string, pattern: RegExp, message: string): Promise<string> {
  return page.waitFor(
    ([s, source]: [string, string]) => {
      const t = (document.querySelector(s)?.textContent ?? '').replace(/\s+/g, ' ').trim();
      return new RegExp(source).test(t) ? t : '';
    },
    [selector, pattern.source] as [string, string],
    { message },
  );
}

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA violations on the page as it is (as in accessibility.test.ts), one line each. */
async function axeViolations(page: TestPage): Promise<string[]> {
  await (page.raw as { evaluate(expression: string): Promise<unknown> }).evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

const shot = (page: TestPage, name: string) => page.screenshot(path.join(SHOTS, `${name}.png`), { fullPage: true });

describe.each(BROWSERS)('%s: the options page at a glance', (name) => {
  it('errors look like errors and speak plainly; disabled looks disabled; removing offers Undo, and restore survives a reload', () =>
    withBrowser(
      name,
      async (browser) => {
        const options = await browser.openExtensionPage('popup/options.html');
        await options.setViewport(1000, 1400);
        const before = await optionsTotals(options);
        const rowsBefore = await text(options, 'tbody');

        // A disabled button looks different from an enabled one (no feed yet: "Check now" is off).
        const looks = await options.evaluate(() => {
          const style = (id: string) => {
            const b = document.getElementById(id) as HTMLButtonElement;
            const s = getComputedStyle(b);
            return { disabled: b.disabled, color: s.color, opacity: s.opacity, border: s.borderTopStyle, cursor: s.cursor };
          };
          return { on: style('feed-save'), off: style('feed-check') };
        });
        expect(looks.on.disabled).toBe(false);
        expect(looks.off.disabled).toBe(true);
        expect(looks.off.color !== looks.on.color || looks.off.opacity !== looks.on.opacity).toBe(true);
        expect(looks.off.cursor).toBe('not-allowed');

        // A malformed file: an error in plain words right under the picker, the parser's words folded.
        const refusal = await importFiles(options, malformed);
        expect(refusal).toMatch(/^1 file not imported/);
        const file = await readAlert(options, '#import-status');
        expect(file.shown).toContain('cut-short.json: This file is not valid JSON (it may be cut short or not a Termlight or ToS;DR file). Check you picked the right file.');
        expect(file.shown).not.toMatch(/position|line 1 column/);
        expect(file.detailsOpen).toBe(false);
        expect(file.summary).toBe('Technical details');
        expect(file.all).toMatch(/cut-short\.json: not valid JSON \(.*(position|column).*\)/);
        expect(file.edge).toBe(file.high);
        expect(file.heading).toBe(file.high);
        await shot(options, `${name}-light-import-error`);

        // A feed that answers 404 is an error too, not a plain line.
        await options.fillByLabel('Feed address', server.url);
        await options.click('#feed-save');
        await waitForText(options, '#feed-status', /^Last check failed/, 'The feed check never reported');
        const feed = await readAlert(options, '#feed-status');
        expect(feed.shown).toContain('There is no feed at this address: the server answered “not found” (HTTP 404).');
        expect(feed.shown).toContain('Your records are unchanged.');
        expect(feed.all).toContain('The feed answered HTTP 404');
        expect(feed.detailsOpen).toBe(false);
        expect(feed.edge).toBe(feed.high);
        await shot(options, `${name}-light-feed-404`);

        // Remove Termlight's own records: no question, the row goes, Undo is offered right there and focused.
        await options.click('button[aria-label="Remove Termlight records"]');
        const removed = await waitForText(options, '#sources-status', /^Removed Termlight records \([\d,]+ records\)\./, 'The removal was never said');
        expect(removed).toContain('Undo');
        expect(await options.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
        expect(await text(options, 'tbody')).not.toContain('Termlight records');
        expect(await text(options, '#bundled-absent')).toContain('Restore Termlight records');
        await shot(options, `${name}-light-removed-undo`);
        // The alerts, the notice and Undo keep the page accessible.
        expect(await axeViolations(options)).toEqual([]);

        await options.click('button.undo');
        await waitForText(options, '#sources-status', /^Put back Termlight records/, 'Undo never said it put the records back');
        expect(await optionsTotals(options)).toBe(before);
        // Exactly as they were: same version, same stored time, same count.
        expect(await text(options, 'tbody')).toBe(rowsBefore);
        expect(await options.evaluate(() => document.getElementById('bundled-absent'))).toBeNull();

        // Removed again and the page reloaded: the restore is still one step, and said plainly.
        await options.click('button[aria-label="Remove Termlight records"]');
        await waitForText(options, '#sources-status', /^Removed Termlight records/, 'The second removal was never said');
        await options.close();
        const reloaded = await browser.openExtensionPage('popup/options.html');
        await reloaded.setViewport(1000, 900);
        const notice = await waitForText(reloaded, '#bundled-absent', /Restore Termlight records/, 'No restore offered after a reload');
        expect(notice).toContain('No records are stored. Termlight highlights nothing until you restore its records or import some.');
        expect(await reloaded.evaluate(() => document.querySelector('table'))).toBeNull();
        await shot(reloaded, `${name}-light-none-stored`);
        await reloaded.click('#restore-bundled');
        await waitForText(reloaded, '#sources-status', /^Restored Termlight records \([\d,]+ records\)\.$/, 'The restore was never said');
        expect(await optionsTotals(reloaded)).toBe(before);
      },
      { acceptInsecureCerts: true },
    ),
  // Many steps and an axe run: above the default minute on a loaded machine.
  180_000);

  it('in dark mode, errors keep the error colour', () =>
    withBrowser(
      name,
      async (browser) => {
        const options = await browser.openExtensionPage('popup/options.html');
        await options.setViewport(1000, 900);
        await optionsTotals(options);
        await importFiles(options, malformed);
        const alert = await readAlert(options, '#import-status');
        expect(alert.edge).toBe(alert.high);
        expect(alert.high).not.toBe('rgb(185, 28, 28)'); // the light --high: dark mode has its own
        await options.click('#import-status details summary');
        await options.click('button[aria-label="Remove Termlight records"]');
        await waitForText(options, '#sources-status', /^Removed Termlight records/, 'The removal was never said');
        await shot(options, `${name}-dark-import-error-details`);
        expect(await axeViolations(options)).toEqual([]);
      },
      { colorScheme: 'dark' },
    ),
  120_000);

  it.runIf(exportDir)(
    'importing the whole ToS;DR export: a bar from the first update that never goes backwards',
    () =>
      withBrowser(name, async (browser) => {
        const files = (await readdir(exportDir!)).filter((f) => f.endsWith('.json')).map((f) => path.join(exportDir!, f));
        const options = await browser.openExtensionPage('popup/options.html');
        await optionsTotals(options);
        // Every change to the import's status, with the bar as it was then (or its absence).
        await options.evaluate(() => {
          const samples: { value: number | null; max: number | null; words: string }[] = [];
          (window as unknown as { samples: typeof samples }).samples = samples;
          const status = document.getElementById('import-status')!;
          const sample = () => {
            const bar = status.querySelector('progress');
            const words = status.querySelector('[role="status"]')?.textContent ?? '';
            const last = samples[samples.length - 1];
            const next = { value: bar ? bar.value : null, max: bar ? bar.max : null, words };
            if (!last || last.value !== next.value || last.words !== next.words) samples.push(next);
          };
          new MutationObserver(sample).observe(status, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        await options.uploadByLabel('Import records', files);
        await options.waitFor(() => /^(Checking|Storing)/.test(document.getElementById('import-status')?.textContent ?? ''), undefined, {
          timeout: 240_000,
        });
        await shot(options, `${name}-light-import-progress`);
        const outcome = await options.waitFor(
          () => {
            const t = document.getElementById('import-status')?.textContent ?? '';
            return /^Imported|not imported|^Import failed/.test(t) ? t : '';
          },
          undefined,
          { timeout: 240_000, message: 'The import never reported' },
        );
        expect(outcome).toMatch(new RegExp(`^Imported ${files.length.toLocaleString('en')} files: `));
        const samples = await options.evaluate(
          () => (window as unknown as { samples: { value: number | null; max: number | null; words: string }[] }).samples,
        );
        const during = samples.filter((s) => /^(Reading|Checking|Storing) /.test(s.words));
        expect(during.length).toBeGreaterThan(3);
        // A bar from the very first update, reading included.
        expect(during[0]!.words).toMatch(/^Reading/);
        expect(during.every((s) => s.value !== null)).toBe(true);
        for (const phase of ['Reading', 'Checking', 'Storing']) expect(during.some((s) => s.words.startsWith(phase)), phase).toBe(true);
        const values = during.map((s) => s.value!);
        for (let i = 1; i < values.length; i++) expect(values[i], `sample ${i}: ${during[i]!.words}`).toBeGreaterThanOrEqual(values[i - 1]!);
        expect(new Set(during.map((s) => s.max)).size).toBe(1);
        console.log(
          `[options-glance:${name}] ${during.length} progress updates seen, values ${values[0]} → ${values[values.length - 1]} of ${during[0]!.max}; ` +
            `said: ${outcome}`,
        );
      }),
    300_000,
  );
});
