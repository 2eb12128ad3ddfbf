/**
 * Property tests of the ToS;DR converter over mutations of a real-shaped service export:
 * it never throws; it answers either a pack its own schema accepts, with ToS;DR's credit and
 * licence on every record, or a list of errors; and damage inside points, links or names
 * (the parts a converter can skip or repair) never sinks the whole export.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../../test/helpers/corpus';
import { parseImportFile } from './import';
import { hasMarkup, plainText } from './plain-text';
import { sameDocument } from './same-document';
import { parsePack } from './schema';
import { convertTosdrService, TOSDR_ATTRIBUTION, TOSDR_LICENCE } from './tosdr';

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A real export when the shared corpus is here (read, never copied); else one of the same shape. */
const SAMPLE = `${CORPUS_DIR}tosdr/api-v1/spotify.json`;
const SYNTHETIC: Json = {
  alexa: 121,
  class: false,
  name: 'Example Music',
  links: {
    'Privacy Policy': { name: 'Privacy Policy', url: 'https://www.music.example/us/legal/privacy-policy/' },
    'Terms and Conditions of Use': { name: 'Terms and Conditions of Use', url: 'https://www.music.example/us/legal/end-user-agreement/' },
    mobile: { name: 'Terms and Conditions (Mobile)', url: 'https://www.music.example/se/legal/mobile-terms/' },
  },
  points: ['642', '719', '741', '852'],
  pointsData: {
    '642': {
      discussion: 'https://groups.example/d/topic/tosdr/abc/discussion',
      id: '642',
      meta: { author: 'Someone', 'spec-version': '1.1' },
      needModeration: false,
      services: ['music'],
      source: { terms: 'https://www.music.example/us/legal/end-user-agreement/' },
      title: 'You grant perpetual license to anything you publish',
      topics: ['scope of the copyright license'],
      quoteDoc: 'Terms and Conditions of Use',
      quoteText: 'You grant us a non-exclusive, transferable, perpetual licence to use your content.',
      tosdr: { binding: true, case: 'You grant perpetual license to anything you publish-bad-80', point: 'bad', score: 80, tldr: 'Public content remains licensed.' },
    },
    '719': {
      id: '719',
      title: 'Third parties may track you',
      quoteDoc: 'Privacy Policy',
      quoteText: 'We share data with advertising partners who use cookies.',
      tosdr: { case: 'Third-party cookies are used for advertising', point: 'bad', score: 30, tldr: 'Generated through the annotate view' },
    },
    '741': {
      id: 741,
      title: 'Terms may change',
      quoteDoc: 'Mobile terms',
      quoteText: 'We may change these terms at any time.',
      source: { mobile: 'https://www.music.example/se/legal/mobile-terms/' },
      tosdr: { case: 'The service can change its terms at any time', point: 'blocker', score: 90 },
    },
    '852': { id: '852', title: 'No quote here', tosdr: { case: 'Something', point: 'neutral' } },
  },
  urls: ['music.example', 'www.music.example', 'not a domain'],
};
const BASE: Json = existsSync(SAMPLE) ? (JSON.parse(readFileSync(SAMPLE, 'utf8')) as Json) : SYNTHETIC;

// ---------- paths and mutations ----------

function allPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}
const getAt = (root: Json, path: Path): Json =>
  path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
function setAt(root: Json, path: Path, value: Json): void {
  (getAt(root, path.slice(0, -1)) as Record<string | number, Json>)[path[path.length - 1]!] = value;
}
function deleteAt(root: Json, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete (parent as Record<string, Json>)[key];
}
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

const OTHER_TYPES: Json[] = [42, 0, -3.5, true, false, null, 'text', '', [], ['a', 1], {}, { x: 'y' }];
const EMPTYISH = ['', ' ', '   ', '\t\n', '?', '!!!', '—', '…'];
const BAD_URLS = [
  'javascript:alert(1)',
  'ftp://files.example/terms',
  'data:text/html,<script>alert(1)</script>',
  '/relative/terms',
  'www.no-scheme.example/terms',
  'HTTPS://WWW.UPPER.EXAMPLE/Terms',
  ' https://leading-space.example/terms',
  'https:no-slashes.example/terms',
  'https://',
  'https://a b.example/terms',
  'https://under_score.example/terms',
  'https://localhost/terms',
  'https://[::1]/terms',
  'https://192.168.0.1/terms',
  `https://long-path.example/${'p'.repeat(600)}`,
  `https://long-query.example/terms?${'q'.repeat(2100)}`,
  'http://plain.example/terms#fragment',
  'https://xn--bcher-kva.example/terms',
];
const variantOf = (s: string, how: number): string =>
  [s.toUpperCase(), s.toLowerCase(), ` ${s} `, s.replace(/ /g, '  '), `${s}\t`, s.replace(/\s+/g, '')][how % 6]!;

/** A mutation: what it does, so a counterexample reads as a story. */
interface Mutation {
  label: string;
  apply: (json: Json) => void;
}

const pick = <T,>(items: T[], n: number): T | undefined => (items.length ? items[n % items.length] : undefined);
const stringPaths = (json: Json, where: (p: Path) => boolean) =>
  allPaths(json).filter((p) => where(p) && typeof getAt(json, p) === 'string');

/** Inside a point: anything goes, the point is skipped or repaired. */
const inPoint = (p: Path) => p[0] === 'pointsData' && p.length >= 3;
/** String contents the converter reads outside points: link names and addresses, names, domains. */
const repairableString = (p: Path) =>
  inPoint(p) ||
  (p[0] === 'links' && p.length === 3) ||
  (p[0] === 'name' && p.length === 1) ||
  (p[0] === 'urls' && p.length === 2);

/** Shown by fast-check in a counterexample instead of the function's source. */
const named = (m: Mutation): Mutation => Object.assign(m, { [fc.toStringMethod]: () => m.label });

function mutations(where: { anywhere: boolean }): fc.Arbitrary<Mutation> {
  const inScope = (p: Path) => where.anywhere || inPoint(p);
  return fc.oneof(
    fc.tuple(fc.nat(), fc.constantFrom(...OTHER_TYPES)).map(([n, value]) => ({
      label: `retype #${n} to ${JSON.stringify(value)}`,
      apply: (json: Json) => {
        const path = pick(allPaths(json).filter((p) => inScope(p) && kindOf(getAt(json, p)) !== kindOf(value)), n);
        if (path) setAt(json, path, structuredClone(value));
      },
    })),
    fc.nat().map((n) => ({
      label: `delete #${n}`,
      apply: (json: Json) => {
        const path = pick(allPaths(json).filter(inScope), n);
        if (path) deleteAt(json, path);
      },
    })),
    fc.tuple(fc.nat(), fc.constantFrom(...EMPTYISH)).map(([n, value]) => ({
      label: `string #${n} to ${JSON.stringify(value)}`,
      apply: (json: Json) => {
        const path = pick(stringPaths(json, (p) => inScope(p) || repairableString(p)), n);
        if (path) setAt(json, path, value);
      },
    })),
    fc.tuple(fc.nat(), fc.constantFrom(...BAD_URLS)).map(([n, value]) => ({
      label: `address #${n} to ${value.slice(0, 60)}`,
      apply: (json: Json) => {
        const urls = stringPaths(json, (p) => inScope(p) || repairableString(p)).filter((p) =>
          /^https?:/i.test(getAt(json, p) as string),
        );
        const path = pick(urls, n);
        if (path) setAt(json, path, value);
      },
    })),
    fc.tuple(fc.nat(), fc.integer({ min: 5_000, max: 60_000 }), fc.constantFrom('x', ' ', 'é', '<b>', '😀')).map(
      ([n, length, unit]) => ({
        label: `enormous string #${n} (${length} × ${unit})`,
        apply: (json: Json) => {
          const path = pick(stringPaths(json, (p) => inScope(p) || repairableString(p)), n);
          if (path) setAt(json, path, `${getAt(json, path) as string}${unit.repeat(length)}`);
        },
      }),
    ),
    fc.tuple(fc.nat(), fc.nat(), fc.boolean()).map(([n, how, sameUrl]) => ({
      label: `duplicate link #${n} as variant ${how % 6}${sameUrl ? '' : ' elsewhere'}`,
      apply: (json: Json) => {
        const links = (json as Record<string, Json>).links;
        if (!links || typeof links !== 'object' || Array.isArray(links)) return;
        const key = pick(Object.keys(links), n);
        if (key === undefined) return;
        const link = structuredClone(links[key]!) as Record<string, Json>;
        if (link && typeof link === 'object' && typeof link.name === 'string') link.name = variantOf(link.name, how + 1);
        if (!sameUrl && link && typeof link === 'object' && typeof link.url === 'string') link.url = `${link.url}other/`;
        links[variantOf(key, how)] = link;
      },
    })),
    fc
      .tuple(fc.nat(), fc.constantFrom(...EMPTYISH, 'k'.repeat(5_000), 'Privacy Policy', 'terms'), fc.boolean())
      .map(([n, value, dropName]) => ({
        label: `rename link #${n} to ${JSON.stringify(value.slice(0, 20))}${dropName ? ', without its name' : ''}`,
        apply: (json: Json) => {
          const links = (json as Record<string, Json>).links;
          if (!links || typeof links !== 'object' || Array.isArray(links)) return;
          const key = pick(Object.keys(links), n);
          if (key === undefined) return;
          const link = links[key]!;
          if (dropName && link && typeof link === 'object' && !Array.isArray(link)) delete link.name;
          delete links[key];
          links[value] = link;
        },
      })),
    fc.constantFrom(...EMPTYISH, 'N'.repeat(300), '<script>alert(1)</script> Music').map((value) => ({
      label: `service name ${JSON.stringify(value.slice(0, 20))}`,
      apply: (json: Json) => {
        if (json && typeof json === 'object' && !Array.isArray(json)) json.name = value;
      },
    })),
    fc.tuple(fc.nat(), fc.nat()).map(([n, how]) => ({
      label: `duplicate point #${n} with id variant ${how % 6}`,
      apply: (json: Json) => {
        const points = (json as Record<string, Json>).pointsData;
        if (!points || typeof points !== 'object' || Array.isArray(points)) return;
        const key = pick(Object.keys(points), n);
        if (key === undefined) return;
        const point = structuredClone(points[key]!);
        if (point && typeof point === 'object' && !Array.isArray(point)) {
          point.id = variantOf(`a${JSON.stringify(point.id)}`, how);
          if (typeof point.quoteDoc === 'string') point.quoteDoc = variantOf(point.quoteDoc, how + 1);
        }
        points[`${key}-copy-${how}`] = point;
      },
    })),
  ).map(named);
}

/** Keys that pollute a prototype when an object is merged carelessly, as JSON.parse makes them. */
const protoKey = fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype')).map(([n, key]) => ({
  n,
  key,
}));

function serialise(json: Json, protoKeys: { n: number; key: string }[]): string {
  const objects: Path[] = [[], ...allPaths(json).filter((p) => kindOf(getAt(json, p)) === 'object')];
  protoKeys.forEach(({ n }, i) => {
    const target = getAt(json, pick(objects, n)!) as Record<string, Json>;
    target[`__KEY_${i}__`] = { polluted: 'yes', url: 'https://evil.example/', quoteText: 'Injected', quoteDoc: 'Injected' };
  });
  let text = JSON.stringify(json);
  protoKeys.forEach(({ key }, i) => (text = text.replace(`"__KEY_${i}__"`, JSON.stringify(key))));
  return text;
}

const CLEAN = Object.getOwnPropertyNames(Object.prototype).sort().join();
function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'url', 'quoteText', 'quoteDoc']) expect(probe[key]).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(CLEAN);
}
afterEach(expectNoPollution);

const fileName = fc.oneof(
  fc.constantFrom('spotify.json', 'Spotify.JSON', 'a b c.json', '.json', '---.json', '<script>.json'),
  fc.string({ maxLength: 100 }).map((s) => `${s}.json`),
);

function expectCredited(result: ReturnType<typeof convertTosdrService>): void {
  if (!result.ok) return;
  expect(parsePack(result.pack)).toEqual({ ok: true, pack: result.pack });
  expect(result.pack.source).toMatchObject({ kind: 'tosdr', licence: TOSDR_LICENCE, attribution: TOSDR_ATTRIBUTION });
  for (const record of result.pack.records) {
    expect(record.provenance.licence).toBe(TOSDR_LICENCE);
    expect(record.provenance.attribution).toBe(TOSDR_ATTRIBUTION);
  }
}

describe('ToS;DR conversion (properties)', () => {
  it('the unmutated export converts, keeping credit and licence', () => {
    const result = convertTosdrService(structuredClone(BASE), 'spotify.json', '2026-11-21');
    expect(result.ok ? [] : result.errors).toEqual([]);
    expectCredited(result);
    if (result.ok) expect(result.pack.records.length).toBeGreaterThan(0);
  });

  it('any mutation: never throws; a credited pack that passes the schema, or errors', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fileName,
        fc.array(mutations({ anywhere: true }), { minLength: 1, maxLength: 5 }),
        fc.array(protoKey, { maxLength: 2 }),
        (name, changes, protoKeys) => {
          const json = structuredClone(BASE);
          for (const change of changes) change.apply(json);
          const text = serialise(json, protoKeys);
          const result = convertTosdrService(JSON.parse(text), name, '2026-11-21');
          if (result.ok) expectCredited(result);
          else {
            expect(result.errors.length).toBeGreaterThan(0);
            for (const error of result.errors) {
              expect(error.length).toBeGreaterThan(0);
              expect(error.length).toBeLessThan(1000);
            }
          }
          const imported = parseImportFile(name, text);
          if (imported.ok) expect(parsePack(imported.pack).ok).toBe(true);
          else expect(imported.error.startsWith(`${name}: `)).toBe(true);
          expectNoPollution();
        },
      ),
      { numRuns: 250 },
    );
  });

  it('damage inside points, links and names never sinks the export: each point is kept or counted skipped', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fileName, fc.array(mutations({ anywhere: false }), { minLength: 1, maxLength: 6 }), (name, changes) => {
        const json = structuredClone(BASE);
        for (const change of changes) change.apply(json);
        const result = convertTosdrService(JSON.parse(JSON.stringify(json)), name, '2026-11-21');
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (!result.ok) return;
        expectCredited(result);
        const points = Object.values((json as { pointsData: Record<string, Json> }).pointsData);
        expect(result.pack.records.length + result.skipped + result.duplicates).toBe(points.length);
        // Every kept quote is a point's own quote as its page shows it (plain text, clipped at the
        // schema's maximum), with no markup left, and no clause of a document is listed twice.
        const quotes = new Set(
          points.flatMap((p) => {
            const q = p && typeof p === 'object' && !Array.isArray(p) ? p.quoteText : undefined;
            const plain = typeof q === 'string' ? plainText(q) : '';
            return plain ? [plain.length <= 10_000 ? plain : `${plain.slice(0, 9_999)}…`] : [];
          }),
        );
        const clauses = new Set<string>();
        for (const record of result.pack.records) {
          expect(quotes.has(record.quote.exact)).toBe(true);
          expect(hasMarkup(record.quote.exact), record.quote.exact).toBe(false);
          const clause = `${record.documentId}\n${record.quote.exact.replace(/\s+/g, ' ')}`;
          expect(clauses.has(clause), clause).toBe(false);
          clauses.add(clause);
        }
        // One entry per document: no two documents of the pack are the same page.
        for (const [i, doc] of result.pack.documents.entries()) {
          for (const other of result.pack.documents.slice(i + 1)) expect(sameDocument(doc, other), `${doc.url} ${other.url}`).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
