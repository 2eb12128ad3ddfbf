/**
 * The bundled documents' URL patterns against real addresses: each document must be found at
 * the address Open Terms Archive fetched it from (../shared/corpus, read at run time), by its
 * own patterns only, and no other document Open Terms Archive records, on the same sites or
 * elsewhere, may be taken for a bundled one. The manifest must reach every such page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPackJson } from '../../src/records/bundled';
import { parsePack } from '../../src/records/schema';
import { browserMatchPatterns, urlMatchesAny } from '../../src/records/url-pattern';
import { CORPUS_DIR, hasCorpus } from '../helpers/corpus';

const parsed = parsePack(bundledPackJson('test'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const { documents } = parsed.pack;

/** The ids of the bundled documents whose patterns match `address`. */
const claimedBy = (address: string) =>
  documents.filter((doc) => urlMatchesAny(doc.urlPatterns, new URL(address))).map((doc) => doc.id);

interface OtaEntry {
  role: string;
  service: string;
  terms_type: string;
  fetch_urls?: string[];
}
const otaIndex = (file: string): OtaEntry[] =>
  hasCorpus ? (JSON.parse(readFileSync(`${CORPUS_DIR}ota/${file}`, 'utf8')) as OtaEntry[]) : [];

/** The query parameters some pattern names a page by (Amazon's `nodeId`); others never count. */
const naming = new Set(
  documents.flatMap((doc) => doc.urlPatterns.flatMap((p) => [...new URLSearchParams(p.split('?')[1] ?? '').keys()])),
);

/** Host, path without a trailing slash and naming parameters: equal for two addresses of one page. */
const page = (address: string) => {
  const url = new URL(address);
  const named = [...url.searchParams].filter(([key]) => naming.has(key)).sort();
  return `${url.hostname}${url.pathname.replace(/\/+$/, '')}?${new URLSearchParams(named).toString()}`;
};

/** A browser match pattern (`https://host/path*`) as the browser reads it, query included. */
const browserMatches = (matchPattern: string, address: string) => {
  const url = new URL(address);
  const source = matchPattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(`https://${url.host}${url.pathname}${url.search}`);
};

describe('bundled documents at their own addresses', () => {
  it('each document is found at its own address, and only it', () => {
    const wrong = documents
      .filter((doc) => doc.url)
      .map((doc) => ({ id: doc.id, claimedBy: claimedBy(doc.url!) }))
      .filter(({ id, claimedBy: ids }) => ids.length !== 1 || ids[0] !== id);
    expect(wrong).toEqual([]);
  });

  it('the manifest runs the content script on every bundled document address', () => {
    const matches = browserMatchPatterns(documents.flatMap((doc) => doc.urlPatterns));
    const unreached = documents.filter((doc) => doc.url && !matches.some((m) => browserMatches(m, doc.url!)));
    expect(unreached.map((doc) => doc.id)).toEqual([]);
  });
});

describe.runIf(hasCorpus)('bundled documents at the addresses Open Terms Archive fetched (../shared/corpus)', () => {
  const current = otaIndex('documents.json').filter((e) => e.role === 'current' && e.fetch_urls?.length);

  it('each fetch address of a bundled document is claimed by that document alone', () => {
    // YouTube's privacy policy, for one, is Google's page: the bundled google.privacy.
    const ofBundled = current.flatMap((e) => {
      const address = e.fetch_urls![0]!;
      const expected = documents.filter((doc) => doc.url && page(doc.url) === page(address)).map((doc) => doc.id);
      return expected.length ? [{ document: `${e.service} ${e.terms_type}`, address, expected }] : [];
    });
    expect(new Set(ofBundled.flatMap((r) => r.expected)).size).toBeGreaterThanOrEqual(40);
    const wrong = ofBundled
      .map((r) => ({ ...r, claimedBy: claimedBy(r.address) }))
      .filter((r) => r.claimedBy.join() !== r.expected.join());
    expect(wrong).toEqual([]);
  });

  it('no other document Open Terms Archive records is taken for a bundled one', () => {
    const others = [...current, ...otaIndex('more.json')]
      .flatMap((e) => (e.fetch_urls ?? []).map((address) => ({ document: `${e.service} ${e.terms_type}`, address })))
      .filter(({ address }) => !documents.some((doc) => doc.url && page(doc.url) === page(address)));
    expect(others.length).toBeGreaterThan(500);
    const taken = others.map((o) => ({ ...o, claimedBy: claimedBy(o.address) })).filter((o) => o.claimedBy.length);
    expect(taken).toEqual([]);
  });
});

if (!hasCorpus) {
  console.warn(`[termlight] bundled-urls: no corpus at ${CORPUS_DIR}, so the Open Terms Archive addresses were not checked.`);
}
