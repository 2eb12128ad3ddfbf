/**
 * Accessibility in both real browsers, with the built extension and the demo Service Specific
 * Terms served at its real address:
 * - axe-core (injected from node_modules) finds no WCAG 2.1 A/AA violation, colour contrast
 *   included, on the popup (clauses listed, every disclosure open, a search showing results) and
 *   on the options page, in the light and the dark colour scheme;
 * - the popup works by keyboard alone: Tab reaches the search box, each record's disclosures and
 *   its "Show in page" button, in order, each with a visible focus indicator;
 * - on the page, Alt+Shift+N moves keyboard focus to the card's button, whose focus outline is
 *   painted, and Escape closes the card;
 * - severity is never told by colour alone: each highlight has its own underline style, and the
 *   popup's severity tags carry text.
 * Colour pairs themselves are checked against the source in test/unit/contrast.test.ts.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type * as Axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { CARD_STYLE } from '../../content/card';
import { SEVERITIES, type Severity } from '../../src/records/taxonomy';
import { THEMES, builtCss, cascade, parseColour, parseCss, type Theme } from '../helpers/css';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  REPO_ROOT,
  fixtureHtml,
  openServed,
  recordsOf,
  sleep,
  viewportImage,
  waitForBadge,
  waitForCard,
  withBrowser,
  type TestBrowser,
  type TestPage,
} from './harness';

const AXE_SOURCE = readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const records = recordsOf('anthropic.service-specific-terms');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** axe's violations, one readable block each. */
const readable = (where: string, violations: Violation[]) =>
  violations
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact ?? 'no impact'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n\s*/g, ' | ')}`).join('\n'),
    )
    .join('\n');

/**
 * Injects axe-core into the page and runs the WCAG 2.1 A/AA rules. The source is evaluated by
 * the automation protocol itself (CDP / WebDriver BiDi), which the extension pages' CSP does not
 * govern: a <script> element would be refused.
 */
async function runAxe(page: TestPage): Promise<Violation[]> {
  const raw = page.raw as { evaluate(expression: string): Promise<unknown> };
  await raw.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags: string[]) => {
    const axe = (globalThis as unknown as { axe: typeof Axe }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 300), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_21_AA);
}

/** The page sees the colour scheme the browser was launched with. */
async function expectScheme(page: TestPage, scheme: Theme) {
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), `${page.url()} in ${scheme}`).toBe(
    scheme === 'dark',
  );
}

/** Waits until the page's markup stops changing (the popup polls while the page is being compared). */
async function settled(page: TestPage) {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await page.evaluate(() => document.body.innerHTML);
    if (now === last) return;
    last = now;
    await sleep(300);
  }
}

/** The demo page open in a tab, its clauses found, and the popup for that tab listing them. */
async function openPopup(browser: TestBrowser): Promise<{ page: TestPage; popup: TestPage }> {
  const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
  await waitForBadge(browser, page);
  const tabId = await browser.tabId(page);
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  await popup.waitFor(
    (count: number) =>
      document.querySelectorAll('.records > article.record').length === count &&
      document.querySelectorAll('.records button.show').length === count,
    records.length,
    { message: 'The popup never listed the clauses with their "Show in page" buttons' },
  );
  await settled(popup);
  return { page, popup };
}

/** Types a query into the popup's search box (found by id: its label's words may be translated). */
async function search(popup: TestPage, query: string) {
  await popup.evaluate((q: string) => {
    const input = document.querySelector<HTMLInputElement>('#search')!;
    input.value = q;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, query);
  await popup.waitFor(() => document.querySelectorAll('.hits li').length > 0, undefined, {
    message: 'The search showed no results',
  });
  await settled(popup);
}

describe('severity is never told by colour alone (content/highlights.css)', () => {
  const rules = parseCss(builtCss('content/highlights.css'));
  const decoration = (name: string) =>
    rules.find((r) => r.selectors.includes(`::highlight(${name})`))?.declarations.find(([p]) => p === 'text-decoration')?.[1] ?? '';
  const STYLES = ['solid', 'double', 'dotted', 'dashed', 'wavy'];
  const styleOf = (value: string) => value.split(/\s+/).filter((w) => STYLES.includes(w));
  const linesOf = (value: string) => value.split(/\s+/).filter((w) => ['underline', 'overline', 'line-through'].includes(w)).sort();

  it('each severity highlight has an underline of its own style', () => {
    const styles = Object.fromEntries(SEVERITIES.map((s) => [s, styleOf(decoration(`termlight-${s}`))]));
    for (const s of SEVERITIES) {
      expect(linesOf(decoration(`termlight-${s}`)), `termlight-${s} lines`).toEqual(['underline']);
      expect(styles[s], `termlight-${s} text-decoration style`).toHaveLength(1);
    }
    expect(new Set(SEVERITIES.map((s) => styles[s]![0])).size, JSON.stringify(styles)).toBe(SEVERITIES.length);
  });

  it('a reworded clause is marked by lines of its own (over and under), not only a colour', () => {
    expect(linesOf(decoration('termlight-changed'))).toEqual(['overline', 'underline']);
    expect(styleOf(decoration('termlight-changed'))).toHaveLength(1);
  });
});

describe.each(BROWSERS)('%s: accessibility', (name) => {
  describe.each(THEMES)('%s colour scheme', (scheme: Theme) => {
    // Two pages, each checked whole by axe (every disclosure open): over a minute on a loaded machine.
    it('axe finds no WCAG 2.1 A/AA violation on the popup and the options page', { timeout: 180_000 }, () =>
      withBrowser(
        name,
        async (browser) => {
          const { page, popup } = await openPopup(browser);
          await expectScheme(page, scheme);
          await expectScheme(popup, scheme);
          await search(popup, 'arbitration');
          // Every disclosure open, so what they hide is checked too.
          await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

          // Severity tags carry words: what is left once the decorative icon is hidden from
          // assistive technology, different for each severity.
          const tags = await popup.evaluate(() =>
            Array.from(document.querySelectorAll<HTMLElement>('.sev')).map((tag) => {
              const copy = tag.cloneNode(true) as HTMLElement;
              copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
              const severity = [...tag.classList].find((c) => c.startsWith('sev-'))!.slice(4);
              return { severity, text: (copy.textContent ?? '').trim() };
            }),
          );
          expect(tags.length).toBeGreaterThanOrEqual(records.length);
          const textOf = new Map<string, Set<string>>();
          for (const tag of tags) {
            expect(tag.text, `a ${tag.severity} tag`).toMatch(/\p{L}{2,}/u);
            textOf.set(tag.severity, (textOf.get(tag.severity) ?? new Set()).add(tag.text));
          }
          for (const [severity, texts] of textOf) expect(texts.size, `${severity} tag texts`).toBe(1);
          const words = [...textOf.values()].map((t) => [...t][0]);
          expect(new Set(words).size, 'each severity its own words').toBe(words.length);

          const popupViolations = await runAxe(popup);

          const options = await browser.openExtensionPage('popup/options.html');
          await expectScheme(options, scheme);
          await options.waitFor(
            () => !!document.getElementById('totals')?.textContent && !!document.getElementById('feed-status')?.textContent,
            undefined,
            { message: 'The options page never showed its records and feed' },
          );
          await settled(options);
          const optionsViolations = await runAxe(options);

          const report = [readable('popup', popupViolations), readable('options', optionsViolations)].filter(Boolean).join('\n');
          expect(popupViolations.length + optionsViolations.length, `axe violations (${name}, ${scheme}):\n${report}`).toBe(0);
        },
        { colorScheme: scheme },
      ));
  });

  it('the popup works by keyboard: Tab reaches the search box, every disclosure and "Show in page", each visibly focused', { timeout: 120_000 }, () =>
    withBrowser(
      name,
      async (browser) => {
        const { popup } = await openPopup(browser);
        await search(popup, 'arbitration');
        // Every row opened (its "Show in page" is inside), by the popup's own "Expand all"
        // (clicked from script: a real click would move where Tab starts from).
        await popup.evaluate(() => document.querySelector<HTMLButtonElement>('button.expand-all')!.click());
        await popup.waitFor(() => document.querySelectorAll('.records > article.record > details:not([open])').length === 0, undefined, {
          message: 'Expand all did not open every row',
        });
        // What Tab must reach, in this order (the document's), marked so each can be recognised.
        const expected = await popup.evaluate(() => {
          const targets = Array.from(
            document.querySelectorAll<HTMLElement>('.records > article.record summary, .records > article.record button.show, #search'),
          );
          targets.forEach((el, i) => el.setAttribute('data-a11y-target', String(i)));
          return targets.map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}`);
        });
        expect(expected.filter((t) => t.startsWith('button.show'))).toHaveLength(records.length);
        expect(expected.filter((t) => t.startsWith('summary')).length).toBeGreaterThanOrEqual(records.length);
        // The search box first: it sits at the top of the popup.
        expect(expected[0]).toBe('input');

        await popup.bringToFront();
        await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        const reached: { target: string | null; tag: string; visible: boolean; indicator: string }[] = [];
        for (let i = 0; i < 80; i++) {
          await popup.press('Tab');
          const focused = await popup.evaluate(() => {
            const el = document.activeElement as HTMLElement | null;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
            return {
              target: el.getAttribute('data-a11y-target'),
              tag: el.tagName.toLowerCase(),
              visible: outline || shadow,
              indicator: outline ? `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : style.boxShadow,
              last: el.closest('footer') !== null,
            };
          });
          if (!focused) break;
          reached.push(focused);
          if (focused.last) break;
        }
        const order = reached.filter((r) => r.target !== null).map((r) => Number(r.target));
        expect(order, `Tab order (reached: ${reached.map((r) => r.tag).join(', ')})`).toEqual(expected.map((_, i) => i));
        const unseen = reached.filter((r) => !r.visible).map((r) => `${r.tag}[${r.target ?? '-'}]`);
        expect(unseen, 'focused without a visible focus indicator').toEqual([]);
      },
      { colorScheme: 'light' },
    ));

  it('on the page, Alt+Shift+N focuses the card\'s button, its focus outline is painted, and Escape closes the card', () =>
    withBrowser(
      name,
      async (browser) => {
        const page = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
        await waitForBadge(browser, page);
        await page.bringToFront();
        await page.press('KeyN', ['Alt', 'Shift']);
        const box = (await waitForCard(page, true))!;
        // The card's shadow root is closed: from the page, focus inside it is focus on its host.
        await page.waitFor(() => document.activeElement?.tagName === 'TERMLIGHT-CARD', undefined, {
          message: 'Alt+Shift+N did not move keyboard focus to the card',
        });

        // The outline colour the card's stylesheet gives its focused button, found painted
        // inside the card (no other part of the card is that colour for these clauses' severities).
        const card = parseCss(CARD_STYLE);
        const [r, g, b] = parseColour(cascade(card, ['button', 'button:focus-visible'], 'outline-color', 'light')!);
        const used: Severity[] = [...new Set(records.map((rec) => rec.severity))];
        for (const s of used) {
          expect(cascade(card, ['.sev', `.${s} .sev`], 'color', 'light')?.toLowerCase()).not.toBe(
            cascade(card, ['button', 'button:focus-visible'], 'outline-color', 'light')?.toLowerCase(),
          );
        }
        const image = await viewportImage(page);
        let outlined = 0;
        for (let y = Math.max(0, box.top - 4); y < Math.min(image.height, box.bottom + 4); y++) {
          for (let x = Math.max(0, box.left - 4); x < Math.min(image.width, box.right + 4); x++) {
            const i = (y * image.width + x) * 4;
            const near = (c: number, v: number) => Math.abs(image.rgba[i + c]! - v) <= 10;
            if (near(0, r) && near(1, g) && near(2, b)) outlined++;
          }
        }
        // A 2px outline round a button of one line of text is about 700 pixels; none when the
        // card is opened by hovering (the button then has no focus).
        expect(outlined, 'pixels of the focus outline colour inside the card').toBeGreaterThan(200);

        await page.press('Escape');
        await waitForCard(page, false);
        expect(await page.evaluate(() => document.activeElement?.tagName === 'TERMLIGHT-CARD')).toBe(false);
      },
      { colorScheme: 'light' },
    ));
});
