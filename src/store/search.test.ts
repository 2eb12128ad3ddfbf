import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase, twoPlatforms } from '../../test/helpers/store';
import type { Pack } from '../records/schema';
import type { Database } from './db';
import { RECORD_PAGE, search, type SearchResult } from './search';
import { platformById } from './site';
import { replacePack } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

const titles = (result: SearchResult) => result.records.hits.map((h) => h.title);
const platformIds = (result: SearchResult) => result.platforms.hits.map((h) => h.platformId);

describe('search', () => {
  it('searches platforms, titles and quotes offline, every word required, accents ignored', async () => {
    await replacePack(db, twoPlatforms());
    const byName = await search(db, 'globex');
    expect(byName.platforms).toMatchObject({ total: 1, hits: [{ kind: 'platform', name: 'GLOBEX', documents: 1, records: 1 }] });
    expect(titles(byName)).toEqual(['Globex keeps data forever']);
    expect(titles(await search(db, 'QUOTED clause A2'))).toEqual(['Acme arbitration']);
    expect((await search(db, 'arbitrátion')).records.total).toBe(1);
    const nothing = { platforms: { total: 0, hits: [] }, records: { total: 0, hits: [] } };
    expect(await search(db, '   ')).toEqual(nothing);
    expect(await search(db, 'nothing like this')).toEqual(nothing);
  });

  it('gives each clause its impact line, unless it only repeats the title', async () => {
    const p = pack('main', ['acme'], [
      { id: 'a', documentId: 'acme.terms', title: 'Acme may sell your data', impact: 'Your address book can be sold to advertisers.' },
      { id: 'b', documentId: 'acme.terms', title: 'Acme keeps logs', impact: 'Acme keeps logs' },
    ]);
    await replacePack(db, p);
    const { records } = await search(db, 'acme');
    expect(records.hits.map((h) => [h.title, h.impact])).toEqual([
      ['Acme may sell your data', 'Your address book can be sold to advertisers.'],
      ['Acme keeps logs', undefined],
    ]);
    // The impact is searched too: it is what the clause means, in our words.
    expect(titles(await search(db, 'advertisers'))).toEqual(['Acme may sell your data']);
  });

  it('counts every match, however few it returns, and pages through all of them once', async () => {
    const many = Array.from({ length: 123 }, (_, i) => ({ id: `r${i}`, documentId: 'acme.terms', title: `Acme keeps backup ${i}` }));
    await replacePack(db, pack('main', ['acme'], many));
    const first = await search(db, 'backup');
    expect(first.records.total).toBe(123);
    expect(first.records.hits).toHaveLength(RECORD_PAGE);
    const seen = new Set<string>();
    for (let offset = 0; offset < 123; offset += RECORD_PAGE) {
      const next = await search(db, 'backup', { recordOffset: offset });
      expect(next.records.total).toBe(123);
      for (const hit of next.records.hits) seen.add(hit.recordKey);
    }
    expect(seen.size).toBe(123);
    expect((await search(db, 'backup', { recordOffset: 123 })).records.hits).toEqual([]);
  });

  it('counts platforms apart from clauses and pages them on their own', async () => {
    const ids = Array.from({ length: 14 }, (_, i) => `shop${i}`);
    await replacePack(db, pack('main', ids, [{ id: 'x', documentId: 'shop0.terms', title: 'Shop sells data' }]));
    const result = await search(db, 'shop');
    expect(result.platforms.total).toBe(14);
    expect(result.platforms.hits).toHaveLength(10);
    expect(result.records.total).toBe(1);
    const rest = await search(db, 'shop', { platformOffset: 10 });
    expect(rest.platforms.hits).toHaveLength(4);
    expect(new Set([...platformIds(result), ...platformIds(rest)]).size).toBe(14);
  });

  it('forgives a small typo in a word of 4 letters or more, two in a long one', async () => {
    const p = pack('main', ['spotify', 'acme'], [
      { id: 's1', documentId: 'spotify.terms', title: 'Spotify can change the price', severity: 'medium' },
      { id: 'a1', documentId: 'acme.terms', title: 'Disputes go to arbitration', severity: 'high' },
    ]);
    p.platforms[0]!.name = 'Spotify';
    await replacePack(db, p);
    const spotfy = await search(db, 'spotfy');
    expect(platformIds(spotfy)).toEqual(['spotify']);
    expect(titles(spotfy)).toEqual(['Spotify can change the price']);
    expect(titles(await search(db, 'arbitraton'))).toEqual(['Disputes go to arbitration']);
    expect(titles(await search(db, 'arbtraton'))).toEqual(['Disputes go to arbitration']); // 2 edits in 9 letters
    expect(titles(await search(db, 'arbitraton spotfy'))).toEqual([]); // every word must still match
    expect(titles(await search(db, 'prise'))).toEqual(['Spotify can change the price']);
    // Under 4 letters, a word is taken as typed.
    expect((await search(db, 'spt')).platforms.total).toBe(0);
    expect(titles(await search(db, 'dispute'))).toEqual(['Disputes go to arbitration']);
  });

  it('takes a word the records use as typed, without its near words', async () => {
    await replacePack(db, pack('main', ['acme'], [
      { id: 'a', documentId: 'acme.terms', title: 'Acme shares data' },
      { id: 'b', documentId: 'acme.terms', title: 'Acme may change the date' },
    ]));
    expect(titles(await search(db, 'data'))).toEqual(['Acme shares data']);
    expect(titles(await search(db, 'datx'))).toEqual(['Acme shares data', 'Acme may change the date']);
  });

  it('ranks a match in the platform name or title above one in the quote only, then worst first, then as stored', async () => {
    const p = pack('main', ['acme', 'refund'], [
      { id: 'q-critical', documentId: 'acme.terms', title: 'Acme may end your account', severity: 'critical', quote: { exact: 'No refund is given when we close an account.' } },
      { id: 't-low', documentId: 'acme.terms', title: 'Refund within 14 days', severity: 'low' },
      { id: 't-high', documentId: 'acme.terms', title: 'No refund after renewal', severity: 'high' },
      { id: 'n-medium', documentId: 'refund.terms', title: 'Keeps your card', severity: 'medium' },
      { id: 'q-high', documentId: 'acme.terms', title: 'Fees may change', severity: 'high', quote: { exact: 'Refunds are at our discretion.' } },
      { id: 't-low-2', documentId: 'acme.terms', title: 'Partial refund on cancellation', severity: 'low' },
    ]);
    await replacePack(db, p);
    expect(titles(await search(db, 'refund'))).toEqual([
      'No refund after renewal', // title, high
      'Keeps your card', // platform name (REFUND), medium
      'Refund within 14 days', // title, low, stored first
      'Partial refund on cancellation', // title, low
      'Acme may end your account', // quote only, critical
      'Fees may change', // quote only, high
    ]);
    // An exact match anywhere ranks above a typo match in a title.
    await replacePack(db, pack('more', ['globex'], [
      { id: 'typo', documentId: 'globex.terms', title: 'Refunt policy', severity: 'critical' },
      { id: 'exact', documentId: 'globex.terms', title: 'Something else', severity: 'low', quote: { exact: 'We refunt nothing.' } },
    ]));
    expect(titles(await search(db, 'refunt')).slice(0, 2)).toEqual(['Refunt policy', 'Something else']);
    expect(titles(await search(db, 'refnt'))).toEqual(['Refunt policy', 'Something else']);
    // A prefix is an exact match: every refund and refunt clause.
    expect((await search(db, 'refun')).records.total).toBe(8);
  });

  it('finds a platform two sources describe by either source\'s name or domain, as one hit', async () => {
    const ours = pack('ours', ['acme'], [{ id: 'x', documentId: 'acme.terms' }]);
    const theirs = pack('theirs', ['acme'], [{ id: 'y', documentId: 'acme.terms' }]);
    theirs.platforms[0] = { id: 'acme', name: 'Acme Corporation', domains: ['acme-corp.example'], rating: { grade: 'C', source: 'ToS;DR' } };
    await replacePack(db, ours);
    await replacePack(db, theirs);
    for (const query of ['ACME', 'corporation', 'acme.example', 'acme-corp.example']) {
      expect(platformIds(await search(db, query)), query).toEqual(['acme']);
    }
    const [acme] = (await search(db, 'acme')).platforms.hits;
    expect(acme).toMatchObject({ records: 2, rating: { grade: 'C', source: 'ToS;DR' } });
    expect(acme!.domains.sort()).toEqual(['acme-corp.example', 'acme.example']);
  });

  it("counts a page two sources both describe as one of the platform's documents", async () => {
    const ours = pack('ours', ['acme'], [{ id: 'x', documentId: 'acme.terms' }]);
    const theirs = pack('theirs', ['acme'], [{ id: 'y', documentId: 'acme.terms' }, { id: 'z', documentId: 'acme.privacy' }]);
    // Their entry of the same page has its own title; their privacy policy is another page.
    theirs.documents[0]!.title = 'Terms and Conditions of Use';
    theirs.documents.push({ ...theirs.documents[0]!, id: 'acme.privacy', title: 'Privacy', url: 'https://www.acme.example/legal/privacy', urlPatterns: ['www.acme.example/legal/privacy'] });
    await replacePack(db, ours);
    await replacePack(db, theirs);
    expect((await search(db, 'acme')).platforms.hits[0]).toMatchObject({ platformId: 'acme', documents: 2 });
  });

  it('sees what was written since the last search', async () => {
    await replacePack(db, twoPlatforms());
    expect((await search(db, 'initech')).platforms.total).toBe(0);
    expect((await search(db, 'initeck')).platforms.total).toBe(0);
    await replacePack(db, pack('other', ['initech'], [{ id: 'i1', documentId: 'initech.terms' }]));
    expect(platformIds(await search(db, 'initech'))).toEqual(['initech']);
    expect(platformIds(await search(db, 'initeck'))).toEqual(['initech']); // the typo step's words too
  });
});

describe('a platform opened from search (platformById)', () => {
  it('gives the summary the site view gives: every source, document and record, worst first', async () => {
    const ours: Pack = pack('ours', ['acme'], [
      { id: 'x', documentId: 'acme.terms', severity: 'low' },
      { id: 'w', documentId: 'acme.terms', severity: 'critical' },
    ]);
    const theirs = pack('theirs', ['acme'], [{ id: 'y', documentId: 'acme.privacy', severity: 'high' }]);
    theirs.documents[0] = { ...theirs.documents[0]!, id: 'acme.privacy', title: 'Privacy', url: 'https://www.acme.example/privacy', urlPatterns: ['www.acme.example/privacy'] };
    await replacePack(db, ours);
    await replacePack(db, theirs);
    const acme = await platformById(db, 'acme');
    expect(acme?.rows.map((r) => r.packId)).toEqual(['ours', 'theirs']);
    expect(acme?.documents.map((d) => d.document.title)).toEqual(['acme Terms', 'Privacy']);
    expect(acme?.records.map((r) => r.severity)).toEqual(['critical', 'high', 'low']);
    expect(acme?.sources.map((s) => [s.pack.packId, s.records])).toEqual([['ours', 2], ['theirs', 1]]);
    expect(await platformById(db, 'nobody')).toBeNull();
  });
});
