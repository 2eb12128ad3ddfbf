/**
 * Pages that do not hold still, and clauses in awkward places: content that arrives late,
 * history-API navigation between a known document, an unknown page and another document,
 * clauses in collapsed <details>, around hidden text, in an open shadow root and in a
 * same-origin iframe, and a clause reworded since it was recorded.
 */
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  comparable,
  fixtureHtml,
  openServed,
  poll,
  badgeTextFor,
  recordsOf,
  termlightRanges,
  waitForBadge,
  withBrowser,
  type TestBrowser,
  type TestPage,
} from './harness';

const demo = fixtureHtml(DEMO_FIXTURE);
const records = recordsOf('anthropic.service-specific-terms');
const quoteOf = (idEnd: string) => records.find((r) => r.id.endsWith(idEnd))!;
const commercial = recordsOf('anthropic.commercial-terms')[0]!;

/** The demo page's <main> … </main>, to move into other page shapes. */
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length);
const headOf = (html: string) => html.slice(0, html.indexOf('<body'));

const badgeText = async (browser: TestBrowser, page: TestPage) => (await browser.badge(page)).text;

describe.each(BROWSERS)('%s: pages that change', (name) => {
  it('anchors content that arrives after the page loaded', () =>
    withBrowser(name, async (browser) => {
      const late = `${headOf(demo)}<body><div id="app"><p>Loading the terms…</p></div>
        <template id="later">${mainOf(demo)}</template>
        <script>setTimeout(() => { document.getElementById('app').innerHTML = document.getElementById('later').innerHTML; }, 1500);</script>
        </body></html>`;
      const page = await openServed(browser, DEMO_URL, late);
      const badge = await waitForBadge(browser, page);
      expect(badge.text).toBe(badgeTextFor(records.map((r) => r.severity)));
      const texts = (await termlightRanges(browser, page)).map((r) => comparable(r.text));
      for (const record of records) expect(texts).toContain(comparable(record.quote.exact));
    }));

  it('follows history-API navigation: leaving a known page clears it, arriving at another anchors it', () =>
    withBrowser(name, async (browser) => {
      const spa = demo.replace(
        '</body>',
        `<script>window.go = (path, html) => { history.pushState({}, '', path); document.querySelector('main').innerHTML = html; };</script></body>`,
      );
      const page = await openServed(browser, DEMO_URL, spa);
      await waitForBadge(browser, page);

      await page.evaluate(() => (window as unknown as { go: (p: string, h: string) => void }).go('/legal/not-a-policy', '<p>Nothing to see here.</p>'));
      await poll(async () => (await termlightRanges(browser, page)).length === 0 && (await badgeText(browser, page)) === '', {
        message: 'Highlights or badge stayed after leaving the known page',
      });

      const html = `<h1>Commercial Terms</h1><p>Some text before. ${commercial.quote.exact} Some text after.</p>`;
      await page.evaluate((h: string) => (window as unknown as { go: (p: string, h: string) => void }).go('/legal/commercial-terms', h), html);
      const badge = await waitForBadge(browser, page);
      expect(badge.text).toBe(badgeTextFor([commercial.severity]));
      expect((await termlightRanges(browser, page)).map((r) => comparable(r.text))).toContain(comparable(commercial.quote.exact));
    }));
});

describe.each(BROWSERS)('%s: clauses in awkward places', (name) => {
  it('finds clauses in collapsed <details>, around hidden text, in a shadow root and in an iframe', () =>
    withBrowser(name, async (browser) => {
      const beta = quoteOf('beta-services-as-is');
      const liability = quoteOf('beta-liability-cap');
      const fineTuning = quoteOf('fine-tuning-materials');
      const partner = quoteOf('development-partner-program');
      const odd = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Service Specific Terms</title></head><body>
        <nav aria-hidden="true" style="display:none">Menu: Beta Services are great. Customer Content.</nav>
        <h1>Service Specific Terms</h1>
        <details id="beta"><summary>B. Beta Services</summary>
          <p>${beta.quote.prefix ?? ''} ${beta.quote.exact}</p></details>
        <p id="cap">${liability.quote.prefix ?? ''} ${liability.quote.exact.replace(' is limited', '<span style="display:none"> (see footnote 4)</span> is limited')} ${liability.quote.suffix ?? ''}</p>
        <legal-clause id="fine"></legal-clause>
        <script>document.getElementById('fine').attachShadow({ mode: 'open' }).innerHTML = '<p>' + ${JSON.stringify(`${fineTuning.quote.prefix ?? ''} ${fineTuning.quote.exact}`)} + '</p>';</script>
        <iframe id="frame" srcdoc="${`<p>${partner.quote.prefix ?? ''} ${partner.quote.exact}</p>`.replace(/"/g, '&quot;')}"></iframe>
        </body></html>`;
      const page = await openServed(browser, DEMO_URL, odd);
      const badge = await waitForBadge(browser, page);
      expect(badge.text).toBe(badgeTextFor([beta, liability, fineTuning, partner].map((r) => r.severity)));

      // A Range's text includes hidden text inside it (not painted): drop the hidden footnote.
      const main = (await termlightRanges(browser, page)).map((r) => comparable(r.text.replace(' (see footnote 4)', '')));
      expect(main).toContain(comparable(beta.quote.exact));
      expect(main).toContain(comparable(liability.quote.exact));
      expect(main).toContain(comparable(fineTuning.quote.exact));
      // The iframe's clause is in the iframe's own highlight registry, styled there.
      const inFrame = await page.evaluate(() => {
        const win = (document.getElementById('frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
        const texts: string[] = [];
        win.CSS.highlights.forEach((h, key) => {
          if (key.startsWith('termlight-')) h.forEach((r) => void texts.push((r as Range).toString()));
        });
        return { texts, styled: win.document.adoptedStyleSheets.length > 0 };
      });
      expect(inFrame.texts.map(comparable)).toEqual([comparable(partner.quote.exact)]);
      expect(inFrame.styled).toBe(true);
      const shadowStyled = await page.evaluate(() => document.getElementById('fine')!.shadowRoot!.adoptedStyleSheets.length > 0);
      expect(shadowStyled).toBe(true);

      // "Show in page" on the collapsed clause opens its <details>.
      const tabId = await browser.tabId(page);
      const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      await popup.waitFor(() => document.querySelectorAll('article.record').length > 0);
      await popup.evaluate((title: string) => {
        const article = [...document.querySelectorAll('article.record')].find((a) => a.querySelector('h3')?.textContent === title)!;
        (article.querySelector('button.show') as HTMLButtonElement).click();
      }, beta.title);
      await page.waitFor(() => (document.getElementById('beta') as HTMLDetailsElement).open, undefined, {
        message: 'Show in page did not open the collapsed section',
      });
    }));

  it('marks a clause reworded since it was recorded, and the popup says how it reads now', () =>
    withBrowser(name, async (browser) => {
      const liability = quoteOf('beta-liability-cap');
      const reworded = 'Anthropic’s total liability related to Beta Services is limited to the lesser of $500 and the Fees paid by Customer for the Services in the previous 6 months.';
      expect(demo).toContain('the previous 12&nbsp;months.</p>');
      const html = demo
        .replace(/Anthropic&rsquo;s liability related to Beta\s+Services is limited to the lesser of \$1,000&nbsp;and Fees paid by Customer for the Services in\s+the previous 12&nbsp;months\./, reworded)
        .replace(/<aside class="summary"[\s\S]*?<\/aside>/, '');
      expect(html).toContain(reworded);
      const page = await openServed(browser, DEMO_URL, html);
      await waitForBadge(browser, page);
      const ranges = await termlightRanges(browser, page);
      const changed = ranges.filter((r) => r.highlight === 'termlight-changed').map((r) => comparable(r.text));
      expect(changed).toEqual([comparable(reworded)]);
      expect(ranges.filter((r) => r.highlight === `termlight-${liability.severity}`).map((r) => comparable(r.text))).toContain(comparable(reworded));

      const tabId = await browser.tabId(page);
      const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
      const article = await popup.waitFor(
        (title: string) => {
          const a = [...document.querySelectorAll('article.record')].find((x) => x.querySelector('h3')?.textContent === title);
          return a ? a.textContent : null;
        },
        liability.title,
      );
      expect(article).toMatch(/reworded since it was recorded: 4 words added, 2 removed/i);
      // The word diff: what the page says now is the diff without its removed words and the
      // screen-reader markers; what was removed and added is marked up as such.
      const diff = await popup.evaluate((title: string) => {
        const a = [...document.querySelectorAll('article.record')].find((x) => x.querySelector('h3')?.textContent === title)!;
        const now = a.querySelector('.diff')!.cloneNode(true) as Element;
        now.querySelectorAll('del, .visually-hidden').forEach((el) => el.remove());
        return {
          now: now.textContent ?? '',
          removed: [...a.querySelectorAll('.diff del')].map((d) => d.textContent),
          added: [...a.querySelectorAll('.diff ins')].map((d) => d.textContent),
        };
      }, liability.title);
      expect(comparable(diff.now)).toBe(comparable(reworded));
      expect(diff.removed.join(' ')).toMatch(/\$1,000.*12/);
      expect(diff.added.join(' ')).toMatch(/total.*\$500.*the.*6/);
    }));
});
