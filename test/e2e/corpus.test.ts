/**
 * Real terms documents from the corpus (Open Terms Archive copies, never stored in this repo),
 * rendered from Markdown at run time and served at the address the records name. Every record of
 * the document must be highlighted with its quote; one that is not is a records or matcher bug.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  badgeTextFor,
  comparable,
  corpusDir,
  markdownPage,
  openServed,
  recordsOf,
  termlightRanges,
  waitForBadge,
  withBrowser,
} from './harness';

const CORPUS = corpusDir();

const DOCUMENTS = [
  {
    label: 'Claude.ai Terms of Service',
    file: 'ota/current/Claude.ai/Terms of Service.md',
    url: 'https://www.anthropic.com/legal/consumer-terms',
    documentId: 'anthropic.consumer-terms',
  },
  {
    label: 'ChatGPT Terms of Service',
    file: 'ota/current/ChatGPT/Terms of Service.md',
    url: 'https://openai.com/policies/eu-terms-of-use/',
    documentId: 'openai.terms-of-use',
  },
];

describe.each(BROWSERS)('%s: real terms documents from the corpus', (name) => {
  it.for(DOCUMENTS)('$label: every record is highlighted with its quote', (doc, context) => {
    if (!CORPUS) {
      console.warn(
        `No corpus found (looked in $TERMLIGHT_CORPUS, else ../shared/corpus): ` +
          `skipping "${doc.label}" in ${name}. The fixture-based tests still ran.`,
      );
      context.skip();
    }
    return withBrowser(name, async (browser) => {
      const records = recordsOf(doc.documentId);
      const page = await openServed(browser, doc.url, markdownPage(path.join(CORPUS!, doc.file), doc.label));
      const badge = await waitForBadge(browser, page);

      const ranges = await termlightRanges(browser, page);
      const highlighted = new Set(ranges.map((r) => `${r.highlight} ${comparable(r.text)}`));
      const missing = records
        .filter((r) => !highlighted.has(`termlight-${r.severity} ${comparable(r.quote.exact)}`))
        .map((r) => r.id);
      expect(missing, `records not highlighted in ${doc.label}`).toEqual([]);
      expect(ranges).toHaveLength(records.length);
      expect(badge.text).toBe(badgeTextFor(records.map((r) => r.severity)));
    });
  });
});
