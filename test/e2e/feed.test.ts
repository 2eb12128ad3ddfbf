/**
 * The records feed against a real local HTTPS server: a good pack is applied, an unchanged one
 * is revalidated (If-None-Match) and not rewritten, and garbage, a wrong schema version, a huge
 * body and a server that went away each leave the last good records in place with the failure
 * said. No request carries anything about the pages the user reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  DEMO_FIXTURE,
  DEMO_URL,
  fixtureHtml,
  openServed,
  exampleFeedPack,
  startFeedServer,
  waitForBadge,
  withBrowser,
  type FeedServer,
  type TestPage,
} from './harness';

const pack = (version: string, records: number) => exampleFeedPack({ packId: 'feed-example', version, records });

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(() => server?.close());

const totalRecords = async (options: TestPage) =>
  Number(/(\d[\d,]*) records?/.exec(await options.waitFor(() => document.getElementById('totals')?.textContent ?? ''))![1]!.replace(/,/g, ''));

/** Clicks a feed button and waits for the feed status line to change to a new report. */
async function feedStep(options: TestPage, button: '#feed-save' | '#feed-check'): Promise<string> {
  const before = await options.evaluate(() => document.getElementById('feed-status')?.textContent ?? '');
  await options.click(button);
  return options.waitFor(
    (previous: string) => {
      const text = document.getElementById('feed-status')?.textContent ?? '';
      return text !== previous && /^Last (checked|check failed)/.test(text) ? text : '';
    },
    before,
    { message: 'The feed status never reported the check' },
  );
}

describe.each(BROWSERS)('%s: records feed', (name) => {
  it('applies a good pack, revalidates, and keeps the last good records through every kind of failure', () =>
    withBrowser(
      name,
      async (browser) => {
        server.requests.length = 0;
        const body = pack('1', 2);
        server.answer = (ifNoneMatch) =>
          ifNoneMatch === '"v1"' ? { status: 304, body: '' } : { status: 200, body, headers: { etag: '"v1"', 'cache-control': 'no-cache' } };

        // A page the user reads, whose address must never reach the feed.
        const reading = await openServed(browser, DEMO_URL, fixtureHtml(DEMO_FIXTURE));
        await waitForBadge(browser, reading);

        const options = await browser.openExtensionPage('popup/options.html');
        const before = await totalRecords(options);
        await options.fillByLabel('Feed address', server.url);
        expect(await feedStep(options, '#feed-save')).toMatch(/Updated to version 1\..*version 1 \(2 records\)/);
        await options.waitFor((n: number) => document.getElementById('totals')?.textContent?.includes(`${n} records`), before + 2);

        // Unchanged: the browser revalidates with the ETag and nothing is rewritten.
        expect(await feedStep(options, '#feed-check')).toContain('The feed has not changed.');
        expect(server.requests.some((r) => r.headers['if-none-match'] === '"v1"')).toBe(true);

        const failures: [string, () => { status: number; body: string | Buffer }, RegExp][] = [
          ['garbage', () => ({ status: 200, body: '<html>not a pack' }), /not valid JSON\. Your records are unchanged\./],
          ['wrong schema', () => ({ status: 200, body: body.replace('"schemaVersion":1', '"schemaVersion":2') }), /schemaVersion must be 1/],
          ['huge', () => ({ status: 200, body: Buffer.alloc(21 * 1024 * 1024, 32) }), /larger than 20 MB/],
          ['server error', () => ({ status: 500, body: 'oops' }), /answered HTTP 500/],
        ];
        for (const [label, answer, message] of failures) {
          server.answer = answer;
          const status = await feedStep(options, '#feed-check');
          expect(status, label).toMatch(message);
          expect(status, label).toContain('Records from the feed: version 1 (2 records)');
          expect(await totalRecords(options), label).toBe(before + 2);
        }

        // Nothing about the page being read, no credentials, no referrer in any request.
        for (const request of server.requests) {
          expect(request.url).toBe('/termlight-pack.json');
          expect(request.headers.referer).toBeUndefined();
          expect(request.headers.cookie).toBeUndefined();
          expect(JSON.stringify(request.headers)).not.toMatch(/anthropic|service-specific/i);
        }
      },
      { acceptInsecureCerts: true },
    ));

  it('says so when the feed has gone away, and keeps the records', () =>
    withBrowser(
      name,
      async (browser) => {
        const gone = await startFeedServer();
        gone.answer = () => ({ status: 200, body: pack('7', 1) });
        const options = await browser.openExtensionPage('popup/options.html');
        const before = await totalRecords(options);
        await options.fillByLabel('Feed address', gone.url);
        expect(await feedStep(options, '#feed-save')).toContain('Updated to version 7.');
        await gone.close();
        const status = await feedStep(options, '#feed-check');
        expect(status).toMatch(/could not be reached\. Your records are unchanged\./);
        expect(await totalRecords(options)).toBe(before + 1);
      },
      { acceptInsecureCerts: true },
    ));
});
