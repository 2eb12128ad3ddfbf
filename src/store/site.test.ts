import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { freshDatabase } from '../../test/helpers/store';
import type { Pack } from '../records/schema';
import { DB_NAME, openDatabase, rowKey, type Database } from './db';
import { isSiteHost, siteFor, siteHosts } from './site';
import { replacePack } from './write';

let db: Database;
beforeEach(async () => {
  db = await freshDatabase();
});

/** ACME (domains acme.example, instagram-like help subdomains) and GLOBEX, from one source. */
const bundled = (): Pack => ({
  ...pack(
    'bundled',
    ['acme', 'globex'],
    [
      { id: 'a1', documentId: 'acme.terms', severity: 'low', title: 'Acme keeps data' },
      { id: 'a2', documentId: 'acme.terms', severity: 'critical', title: 'Acme arbitration' },
      { id: 'g1', documentId: 'globex.terms', severity: 'high', title: 'Globex keeps data forever' },
    ],
  ),
  source: { kind: 'bundled', name: 'Termlight records' },
});

/** ToS;DR's view of ACME (same platform id), with a grade and a credit, and a document of its own. */
const tosdrAcme = (): Pack => {
  const p = pack('tosdr.acme', ['acme'], [{ id: 't1', documentId: 'acme.privacy', severity: 'high', title: 'Acme sells data' }]);
  return {
    ...p,
    packVersion: 'tosdr-data-2018-01-04',
    source: { kind: 'tosdr', name: 'ToS;DR: ACME', attribution: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' },
    platforms: [{ id: 'acme', name: 'Acme Corp', domains: ['acme.example', 'acme-mail.example'] }],
    documents: [
      {
        id: 'acme.privacy',
        platformId: 'acme',
        title: 'Privacy Policy',
        kind: 'privacy',
        url: 'https://privacy.acme.example/policy',
        urlPatterns: ['privacy.acme.example/policy'],
      },
    ],
  };
};

/** A service whose only document lives on another company's host (policies.globex.example). */
const hostedElsewhere = (): Pack => ({
  ...pack('tosdr.initech', ['initech'], [{ id: 'i1', documentId: 'initech.terms', title: 'Initech may change terms' }]),
  platforms: [{ id: 'initech', name: 'Initech', domains: ['initech.example'] }],
  documents: [
    {
      id: 'initech.terms',
      platformId: 'initech',
      title: 'Terms',
      kind: 'terms',
      url: 'https://policies.globex.example/initech',
      urlPatterns: ['policies.globex.example/initech'],
    },
  ],
});

describe('the records about a site, by host', () => {
  it('finds a platform by a listed domain, from the host itself or any subdomain', async () => {
    await replacePack(db, bundled());
    for (const host of ['acme.example', 'www.acme.example', 'help.eu.acme.example']) {
      const site = await siteFor(db, host);
      expect(site.platforms.map((p) => p.id), host).toEqual(['acme']);
      expect(site.platforms[0]!.matchedBy).toEqual({ kind: 'domain', host: 'acme.example' });
    }
    // The records worst first, the document with its address.
    const [acme] = (await siteFor(db, 'help.acme.example')).platforms;
    expect(acme!.records.map((r) => r.id)).toEqual(['a2', 'a1']);
    expect(acme!.documents.map((d) => d.document.url)).toEqual(['https://www.acme.example/legal/terms']);
  });

  it('joins what several sources say about one platform: rows, documents, records and per-source counts', async () => {
    await replacePack(db, bundled());
    await replacePack(db, tosdrAcme());
    const [acme, ...others] = (await siteFor(db, 'acme-mail.example')).platforms;
    expect(others).toEqual([]);
    expect(acme!.matchedBy).toEqual({ kind: 'domain', host: 'acme-mail.example' });
    expect(acme!.rows.map((r) => r.packId).sort()).toEqual(['bundled', 'tosdr.acme']);
    expect(acme!.documents.map((d) => `${d.source.kind}: ${d.document.title}`).sort()).toEqual(['bundled: acme Terms', 'tosdr: Privacy Policy']);
    expect(acme!.records.map((r) => r.id)).toEqual(['a2', 't1', 'a1']);
    expect(Object.fromEntries(acme!.sources.map((s) => [s.pack.packId, s.records]))).toEqual({ bundled: 2, 'tosdr.acme': 1 });
  });

  it('finds a platform whose document is served on the host, after those listing it, once each', async () => {
    await replacePack(db, bundled());
    await replacePack(db, hostedElsewhere());
    const site = await siteFor(db, 'policies.globex.example');
    expect(site.platforms.map((p) => [p.id, p.matchedBy.kind, p.matchedBy.host])).toEqual([
      ['globex', 'domain', 'globex.example'],
      ['initech', 'document', 'policies.globex.example'],
    ]);
    expect((await siteFor(db, 'www.globex.example')).platforms.map((p) => p.id)).toEqual(['globex']);
  });

  it('finds a source that lists the www. form from the bare host', async () => {
    await replacePack(db, { ...bundled(), platforms: [{ id: 'acme', name: 'ACME', domains: ['www.acme.example'] }, { id: 'globex', name: 'GLOBEX', domains: [] }] });
    expect((await siteFor(db, 'acme.example')).platforms.map((p) => p.id)).toEqual(['acme']);
  });

  it('answers nothing for an unknown site, a removed source, an IP address or a bare name', async () => {
    await replacePack(db, bundled());
    expect((await siteFor(db, 'example.com')).platforms).toEqual([]);
    expect((await siteFor(db, 'example')).platforms).toEqual([]);
    expect((await siteFor(db, '192.168.1.10')).platforms).toEqual([]);
    expect((await siteFor(db, 'localhost')).platforms).toEqual([]);
    // Rows left without their pack (a failed write) belong to no source and are not shown.
    await db.delete('packs', 'bundled');
    expect((await siteFor(db, 'acme.example')).platforms).toEqual([]);
  });

  it('says which hosts can be looked up and under which names', () => {
    expect(siteHosts('help.eu.acme.example')).toEqual(['help.eu.acme.example', 'www.help.eu.acme.example', 'eu.acme.example', 'acme.example']);
    expect(siteHosts('www.acme.example')).toEqual(['www.acme.example', 'acme.example']);
    expect(isSiteHost('signal.org')).toBe(true);
    expect(isSiteHost('xn--bcher-kva.example')).toBe(true);
    for (const host of ['localhost', '10.0.0.1', '[::1]', 'Signal.org', '', 'a..b']) expect(isSiteHost(host), host).toBe(false);
  });
});

describe('the store upgrade that adds the domains index', () => {
  it('keeps a version 1 store whole and indexes its platforms by domain', async () => {
    globalThis.indexedDB = new IDBFactory();
    // Version 1 as it was shipped, with one pack's rows in it.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(old) {
        old.createObjectStore('packs', { keyPath: 'packId' });
        const platforms = old.createObjectStore('platforms', { keyPath: 'key' });
        platforms.createIndex('packId', 'packId');
        platforms.createIndex('id', 'id');
        const documents = old.createObjectStore('documents', { keyPath: 'key' });
        documents.createIndex('packId', 'packId');
        documents.createIndex('hosts', 'hosts', { multiEntry: true });
        documents.createIndex('platformKey', 'platformKey');
        const records = old.createObjectStore('records', { keyPath: 'key' });
        records.createIndex('packId', 'packId');
        records.createIndex('documentKey', 'documentKey');
        records.createIndex('categories', 'categories', { multiEntry: true });
      },
    });
    const source = bundled();
    await v1.put('packs', {
      packId: 'bundled',
      packVersion: '1',
      publishedAt: '2026-11-01',
      source: source.source,
      storedAt: '2026-11-01T00:00:00.000Z',
      counts: { platforms: 2, documents: 2, records: 3 },
    });
    for (const p of source.platforms) await v1.put('platforms', { ...p, key: rowKey('bundled', p.id), packId: 'bundled' });
    for (const d of source.documents) {
      await v1.put('documents', { ...d, key: rowKey('bundled', d.id), packId: 'bundled', platformKey: rowKey('bundled', d.platformId), hosts: [`www.${d.platformId}.example`] });
    }
    for (const r of source.records) {
      await v1.put('records', { ...r, key: rowKey('bundled', r.id), packId: 'bundled', documentKey: rowKey('bundled', r.documentId), platformId: r.documentId.split('.')[0] });
    }
    v1.close();

    const upgraded = await openDatabase();
    expect(upgraded.version).toBe(2);
    expect(await Promise.all(['packs', 'platforms', 'documents', 'records'].map((s) => upgraded.count(s as 'packs')))).toEqual([1, 2, 2, 3]);
    expect((await upgraded.getAllFromIndex('platforms', 'domains', 'globex.example')).map((p) => p.id)).toEqual(['globex']);
    const acme = (await siteFor(upgraded, 'www.acme.example')).platforms;
    expect(acme.map((p) => [p.id, p.records.length])).toEqual([['acme', 2]]);
    upgraded.close();
  });
});
