/**
 * Property tests of the store over generated, schema-valid packs: a write that fails part-way
 * (one pack or several) leaves the store exactly as it was; and a stored pack answers each of
 * its documents' addresses with exactly that document's records, its text byte for byte, and
 * finds each of its platforms by name.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePack, type Pack, type ProvisionRecord } from '../records/schema';
import { CATEGORY_IDS, DOCUMENT_KINDS, SEVERITIES } from '../records/taxonomy';
import { openDatabase, type Database, type StoredRecord } from './db';
import { listPacks, recordsForUrl } from './lookup';
import { search } from './search';
import { replacePack, replacePacks } from './write';

// ---------- arbitraries: schema-valid packs ----------

const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9._:-]{0,12}$/);
const date = fc
  .tuple(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(document.cookie)">',
  '&lt;b&gt; &amp; &#60;',
  '"><svg/onload=alert(1)>',
  "it's \"quoted\"",
  'Ünïcödé — “smart” ‘quotes’ 😀',
  '\u202Eevil',
  '__proto__',
];
/** Trimmed, non-empty text (the schema trims, so only such text round-trips unchanged). */
const text = (max: number) =>
  fc
    .oneof(fc.constantFrom(...HOSTILE), fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }), fc.lorem({ maxCount: 8 }))
    .map((s) => s.trim().slice(0, max).trim())
    .filter((s) => s.length > 0);

const label = fc.oneof(fc.constantFrom('acme', 'globex', 'b2'), fc.stringMatching(/^[a-z0-9]{1,10}$/));
const segment = fc.stringMatching(/^[a-z0-9-]{1,8}$/);
/** `www.<label>.example/<path>`: labels repeat often, so documents share hosts. */
const urlPattern = fc
  .tuple(label, fc.array(segment, { minLength: 1, maxLength: 3 }))
  .map(([host, segments]) => `www.${host}.example/${segments.join('/')}`);

const platformArb = fc.record({
  id: idArb,
  // A word first, so the name has something to search for; then anything.
  name: fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,10}$/), fc.option(text(150), { nil: undefined })).map(([w, rest]) =>
    rest ? `${w} ${rest}` : w,
  ),
  domains: fc.array(label.map((l) => `${l}.example`), { maxLength: 3 }),
});

const documentArb = fc.record(
  {
    id: idArb,
    platformIndex: fc.nat(),
    title: text(300),
    kind: fc.constantFrom(...DOCUMENT_KINDS),
    urlPatterns: fc.array(urlPattern, { maxLength: 2 }),
    lastUpdated: date,
    sha256: fc.stringMatching(/^[0-9a-f]{64}$/),
  },
  { requiredKeys: ['id', 'platformIndex', 'title', 'kind', 'urlPatterns'] },
);

const recordArb = fc.record(
  {
    id: idArb,
    documentIndex: fc.nat(),
    title: text(300),
    quote: fc.record(
      { exact: text(10_000), prefix: fc.string({ maxLength: 20 }), suffix: fc.string({ maxLength: 20 }) },
      { requiredKeys: ['exact'] },
    ),
    severity: fc.constantFrom(...SEVERITIES),
    categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS), { minLength: 1, maxLength: 3 }),
    impact: text(500),
    whyItMatters: text(4000),
    notes: fc.array(text(4000), { maxLength: 2 }),
    firstTracked: date,
    lastVerified: date,
    provenance: fc.record(
      {
        sourceUrl: urlPattern.map((p) => `https://${p}`),
        archiveUrl: urlPattern.map((p) => `https://web.archive.org/web/2026/https://${p}`),
        attribution: text(500),
        licence: fc.constantFrom('CC BY-SA 3.0', 'CC0', '<b>MIT</b>'),
      },
      { requiredKeys: ['sourceUrl'] },
    ),
  },
  { requiredKeys: ['id', 'documentIndex', 'title', 'quote', 'severity', 'categories', 'impact', 'whyItMatters', 'firstTracked', 'lastVerified', 'provenance'] },
);

/** A schema-valid pack: 1–5 platforms, documents on them, records on the documents. */
const packArb: fc.Arbitrary<Pack> = fc
  .record({
    packId: idArb,
    packVersion: text(100),
    publishedAt: date,
    sourceName: text(200),
    platforms: fc.uniqueArray(platformArb, { minLength: 1, maxLength: 5, selector: (p) => p.id }),
    documents: fc.uniqueArray(documentArb, { maxLength: 6, selector: (d) => d.id }),
    records: fc.uniqueArray(recordArb, { maxLength: 12, selector: (r) => r.id }),
  })
  .map(({ packId, packVersion, publishedAt, sourceName, platforms, documents, records }) => {
    const usedPatterns = new Set<string>();
    const docs = documents.map(({ platformIndex, urlPatterns, ...doc }) => {
      // Each pattern names one document: a page must answer with exactly that document.
      const own = urlPatterns.filter((p) => !usedPatterns.has(p));
      own.forEach((p) => usedPatterns.add(p));
      return {
        ...doc,
        platformId: platforms[platformIndex % platforms.length]!.id,
        ...(own[0] ? { url: `https://${own[0]}` } : {}),
        urlPatterns: own,
      };
    });
    const recs: ProvisionRecord[] = docs.length
      ? records.map(({ documentIndex, ...record }) => ({ ...record, documentId: docs[documentIndex % docs.length]!.id }))
      : [];
    return {
      schemaVersion: 1 as const,
      packId,
      packVersion,
      publishedAt,
      source: { kind: 'import' as const, name: sourceName },
      platforms,
      documents: docs,
      records: recs,
    };
  });

// ---------- helpers ----------

async function freshDatabase(): Promise<Database> {
  globalThis.indexedDB = new IDBFactory(); // a fresh, empty database per run
  return openDatabase();
}

/** Everything in the store, in key order. */
async function contents(db: Database) {
  return {
    packs: await db.getAll('packs'),
    platforms: await db.getAll('platforms'),
    documents: await db.getAll('documents'),
    records: await db.getAll('records'),
  };
}

/** A stored record without the store's own fields: what the pack said. */
function asInput(row: StoredRecord): ProvisionRecord {
  const { key: _key, packId: _packId, documentKey: _documentKey, platformId: _platformId, ...record } = row;
  return record;
}
const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Values IndexedDB cannot store (or that throw as they are read): each makes a write fail. */
type Poison = { label: string; apply: (row: object) => void };
const poison = fc.constantFrom<Poison>(
  { label: 'function', apply: (row) => Object.assign(row, { evil: () => 'not cloneable' }) },
  { label: 'symbol', apply: (row) => Object.assign(row, { evil: Symbol('not cloneable') }) },
  { label: 'WeakMap', apply: (row) => Object.assign(row, { evil: new WeakMap() }) },
  {
    label: 'throwing getter',
    apply: (row) =>
      Object.defineProperty(row, 'evil', {
        enumerable: true,
        get() {
          throw new Error('poisoned read');
        },
      }),
  },
);
type Where = 'platforms' | 'documents' | 'records' | 'source';
const where = fc.tuple(fc.constantFrom<Where>('platforms', 'documents', 'records', 'source'), fc.nat());

/** Breaks one row of a (copied) pack, picked by table and index; platforms are never empty. */
function broken(p: Pack, [table, n]: [Where, number], bad: Poison): Pack {
  const copy = structuredClone(p);
  if (table === 'source') bad.apply(copy.source);
  else {
    const rows: object[] = copy[table].length ? copy[table] : copy.platforms;
    bad.apply(rows[n % rows.length]!);
  }
  return copy;
}

const valid = (p: Pack): Pack => {
  const result = parsePack(p);
  expect(result.ok ? [] : result.errors).toEqual([]);
  if (!result.ok) throw new Error('generated an invalid pack');
  expect(result.pack).toEqual(p); // the generator makes only packs the schema keeps as they are
  return result.pack;
};

// ---------- properties ----------

describe('store (properties)', () => {
  it('a replace that fails part-way leaves the stored copy exactly as it was', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(packArb, packArb, where, poison, async (a, b, at, bad) => {
        const db = await freshDatabase();
        try {
          await replacePack(db, valid(a));
          const before = await contents(db);
          const attempt = broken({ ...valid(b), packId: a.packId }, at, bad);
          await expect(replacePack(db, attempt)).rejects.toThrow();
          expect(await contents(db)).toEqual(before);
          expect((await listPacks(db)).map((m) => [m.packId, m.packVersion, m.counts])).toEqual([
            [a.packId, a.packVersion, { platforms: a.platforms.length, documents: a.documents.length, records: a.records.length }],
          ]);
          // A's pages still answer with A's records.
          for (const doc of a.documents.filter((d) => d.urlPatterns.length)) {
            const page = await recordsForUrl(db, `https://${doc.urlPatterns[0]}`);
            expect(byId(page.records.map(asInput))).toEqual(byId(a.records.filter((r) => r.documentId === doc.id)));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('replacePacks over several packs with one broken writes none of them', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        packArb,
        fc.array(packArb, { minLength: 2, maxLength: 4 }),
        fc.nat(),
        fc.boolean(),
        where,
        poison,
        async (a, others, brokenIndex, replacesA, at, bad) => {
          const db = await freshDatabase();
          try {
            await replacePack(db, valid(a));
            const before = await contents(db);
            // Distinct pack ids; one of them may be A's, so A would have been replaced.
            const packs = others.map((p, i) => ({ ...valid(p), packId: replacesA && i === 0 ? a.packId : `batch.${i}` }));
            const k = brokenIndex % packs.length;
            const batch = packs.map((p, i) => (i === k ? broken(p, at, bad) : p));
            await expect(replacePacks(db, batch)).rejects.toThrow();
            expect(await contents(db)).toEqual(before);
            // The same batch, unbroken, is written whole: the poison was the only problem.
            await replacePacks(db, packs);
            const metas = await listPacks(db);
            expect(metas.map((m) => m.packId).sort()).toEqual(
              [...new Set([a.packId, ...packs.map((p) => p.packId)])].sort(),
            );
            const expected = new Map([a, ...packs].map((p) => [p.packId, p]));
            expect(await db.count('records')).toBe([...expected.values()].reduce((n, p) => n + p.records.length, 0));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('stored packs answer each document address with exactly its records, and find each platform', { timeout: 60_000 }, async () => {
    // A second pack: unrelated, or the same one under another id (same document ids, same pages).
    const second = fc.option(fc.oneof(packArb, fc.constant('copy' as const)), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        packArb,
        second,
        fc.constantFrom('', '/', '?utm_source=x', '#section', '/?a=1#b'),
        fc.boolean(),
        async (p, other, tail, plainHttp) => {
          const pack = valid(p);
          const packs = [pack];
          if (other === 'copy') packs.push({ ...pack, packId: `${pack.packId}.copy` });
          else if (other && other.packId !== pack.packId) packs.push(valid(other));
          const db = await freshDatabase();
          try {
            for (const each of packs) {
              const meta = await replacePack(db, each);
              expect(meta.counts).toEqual({
                platforms: each.platforms.length,
                documents: each.documents.length,
                records: each.records.length,
              });
            }
            for (const doc of pack.documents) {
              for (const pattern of doc.urlPatterns) {
                // Patterns here are literal: a page is named by exactly the documents listing it.
                const named = packs.flatMap((each) =>
                  each.documents.filter((d) => d.urlPatterns.includes(pattern)).map((d) => ({ each, d })),
                );
                const page = await recordsForUrl(db, `${plainHttp ? 'http' : 'https'}://${pattern}${tail}`);
                expect(page.documents.map((view) => `${view.document.packId}|${view.document.id}`).sort()).toEqual(
                  named.map(({ each, d }) => `${each.packId}|${d.id}`).sort(),
                );
                for (const view of page.documents) expect(view.platform.id).toBe(view.document.platformId);
                for (const { each, d } of named) {
                  const expected = each.records.filter((r) => r.documentId === d.id);
                  const rows = page.records.filter((r) => r.packId === each.packId && r.documentId === d.id);
                  // Byte for byte: markup in titles and quotes is kept as text.
                  expect(byId(rows.map(asInput))).toEqual(byId(expected));
                  for (const row of rows) expect(row.platformId).toBe(d.platformId);
                }
                expect(page.records).toHaveLength(
                  named.reduce((n, { each, d }) => n + each.records.filter((r) => r.documentId === d.id).length, 0),
                );
              }
            }
            for (const platform of pack.platforms) {
              const all = { platformLimit: Infinity };
              const hits = (await search(db, platform.name, all)).platforms.hits;
              expect(hits.some((h) => h.platformId === platform.id)).toBe(true);
              for (const domain of platform.domains) {
                const byDomain = (await search(db, domain, all)).platforms.hits;
                expect(byDomain.some((h) => h.platformId === platform.id)).toBe(true);
              }
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
