/**
 * Property tests of the import path: whatever a picked file holds, parseImportFile and
 * parsePack answer (never throw), refuse bad input with a sentence naming the file and, for
 * schema problems, the JSON path; hostile but valid text is kept as text, byte for byte; and
 * nothing leaks onto Object.prototype.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { MAX_IMPORT_BYTES, parseImportFile } from './import';
import { parsePack, type Pack } from './schema';

// ---------- helpers ----------

type Path = (string | number)[];
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path as describeIssues writes it: `records[0].quote.exact`. */
const pathText = (path: Path) =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${part}`)).join('');

/** Every path in a JSON value (the root excluded), inner nodes and leaves alike. */
function allPaths(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...allPaths(child, [...prefix, key])]);
}

const getAt = (root: Json, path: Path): Json =>
  path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);

function setAt(root: Json, path: Path, value: Json): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
}

const clone = <T>(value: T): T => structuredClone(value);

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Values of every JSON type; the mutation picks one whose type differs from the original. */
const OTHER_TYPES: Json[] = [42, -1.5, 0, true, false, null, 'a string', '', [], [1, 'x'], {}, { a: 1 }];

/** A pack with every optional field present, so every path of the schema can be mutated. */
function fullPack(): Pack {
  const p = pack('full.pack', ['acme', 'globex'], [
    { id: 'r1', documentId: 'acme.terms' },
    { id: 'r2', documentId: 'globex.terms', severity: 'critical', categories: ['arbitration', 'liability'] },
  ]);
  p.source = {
    kind: 'import',
    name: 'Full pack',
    url: 'https://example.com/pack.json',
    attribution: 'Someone',
    licence: 'CC0',
  };
  p.documents[0] = {
    ...p.documents[0]!,
    lastUpdated: '2026-10-01',
    lastVerified: '2026-11-01',
    sha256: 'a'.repeat(64),
    history: [{ date: '2026-10-01', sha256: 'b'.repeat(64), summary: 'First seen.' }],
  };
  p.records[0] = {
    ...p.records[0]!,
    quote: { exact: 'The clause.', prefix: 'Before ', suffix: ' after' },
    notes: ['A note.'],
    provenance: {
      sourceUrl: 'https://example.com/terms',
      archiveUrl: 'https://web.archive.org/web/2026/https://example.com/terms',
      attribution: 'Someone',
      licence: 'CC BY 4.0',
    },
  };
  return p;
}

/** Free-text fields with their schema maxima (prefix/suffix are untrimmed, the rest trimmed). */
const TEXT_FIELDS: [Path, number][] = [
  [['packVersion'], 100],
  [['source', 'name'], 200],
  [['source', 'attribution'], 500],
  [['source', 'licence'], 200],
  [['platforms', 0, 'name'], 200],
  [['documents', 0, 'title'], 300],
  [['documents', 0, 'history', 0, 'summary'], 1000],
  [['records', 0, 'title'], 300],
  [['records', 0, 'quote', 'exact'], 10_000],
  [['records', 0, 'quote', 'prefix'], 500],
  [['records', 0, 'quote', 'suffix'], 500],
  [['records', 0, 'impact'], 500],
  [['records', 0, 'whyItMatters'], 4000],
  [['records', 0, 'notes', 0], 4000],
  [['records', 0, 'provenance', 'attribution'], 500],
  [['records', 0, 'provenance', 'licence'], 200],
];
const ID_FIELDS: [Path, number][] = [
  [['packId'], 200],
  [['platforms', 0, 'id'], 200],
  [['records', 0, 'id'], 200],
];
const URL_FIELDS: [Path, number][] = [
  [['source', 'url'], 2000],
  [['documents', 0, 'url'], 2000],
  [['records', 0, 'provenance', 'sourceUrl'], 2000],
  [['records', 0, 'provenance', 'archiveUrl'], 2000],
];
const URL_PATTERN: [Path, number] = [['documents', 0, 'urlPatterns', 0], 500];
/** Arrays with a maximum small enough to exceed in a test, and a valid item to fill them with. */
const ARRAY_FIELDS: [Path, number, (i: number) => Json][] = [
  [['platforms', 0, 'domains'], 100, (i) => `d${i}.example`],
  [['documents', 0, 'urlPatterns'], 50, (i) => `www.acme.example/p${i}`],
  [['documents', 0, 'history'], 200, () => ({ date: '2026-01-01', summary: 'S.' })],
  [['records', 0, 'categories'], 10, () => 'retention'],
  [['records', 0, 'notes'], 20, (i) => `Note ${i}.`],
];

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(document.cookie)">',
  '"><svg/onload=alert(1)>',
  "javascript:alert('x')",
  '&lt;b&gt;bold&lt;/b&gt; &amp; &#60;',
  '<a href="javascript:void(0)">click</a>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!-- --><![CDATA[ ]]>',
  '\u202Egnp.exe',
  '<style>*{display:none}</style>',
  '<iframe srcdoc="<script>parent.x=1</script>">',
  '__proto__',
  '\\u003cscript\\u003e',
];

/** Text full of markup, already trimmed (the schema trims, so only trimmed text round-trips). */
const hostileText = fc
  .tuple(
    fc.constantFrom(...HOSTILE),
    fc.string({ maxLength: 8, unit: 'grapheme' }),
    fc.constantFrom(...HOSTILE),
  )
  .map(([a, b, c]) => `${a}${b}${c}`.trim())
  .filter((s) => s.length > 0);

/** The error for a refused file: names the file first, and says something after it. */
function expectRefusal(name: string, result: ReturnType<typeof parseImportFile>): string {
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.error.startsWith(`${name}: `)).toBe(true);
  expect(result.error.length).toBeGreaterThan(name.length + 2);
  // A refusal is a sentence for the options page, not an echo of the file.
  expect(result.error.length).toBeLessThan(name.length + 10_000);
  return result.error.slice(name.length + 2);
}

/** Schema problems carry their JSON path: `records[0].severity: …` (or `(pack)` at the root). */
const ISSUE_LINE = /^(\(pack\)|[A-Za-z]\w*(\[\d+\]|\.[A-Za-z]\w*)*): \S/;
function schemaLines(name: string, result: ReturnType<typeof parseImportFile>): string[] {
  const rest = expectRefusal(name, result);
  expect(rest.startsWith('not a valid Termlight pack: ')).toBe(true);
  const lines = rest.slice('not a valid Termlight pack: '.length).split('; ');
  for (const line of lines) if (!line.startsWith('… and ')) expect(line).toMatch(ISSUE_LINE);
  return lines;
}

// ---------- Object.prototype stays clean ----------

const snapshot = () =>
  [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((proto) =>
    Object.getOwnPropertyNames(proto).sort().join(),
  );
const CLEAN = snapshot();
function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'url', 'quoteDoc', 'name']) expect(probe[key]).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(snapshot()).toEqual(CLEAN);
}
afterEach(expectNoPollution);

const fileName = fc.oneof(
  fc.constant('pack.json'),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => `${s}.json`),
);

// ---------- properties ----------

describe('parseImportFile and parsePack never throw (properties)', () => {
  it('any JSON value: a pack that passes the schema, or a refusal naming the file', () => {
    fc.assert(
      fc.property(fileName, fc.jsonValue(), (name, value) => {
        expect(parsePack(value).ok).toBe(false);
        const result = parseImportFile(name, JSON.stringify(value));
        if (result.ok) expect(parsePack(result.pack).ok).toBe(true);
        else expectRefusal(name, result);
        expectNoPollution();
      }),
      { numRuns: 300 },
    );
  });

  it('any JavaScript value given to parsePack, and any text given to parseImportFile', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, maxKeys: 6, withObjectString: true, withNullPrototype: true, withMap: true, withSet: true }), (value) => {
        const result = parsePack(value);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
        let text: string | undefined;
        try {
          text = JSON.stringify(value);
        } catch {
          text = undefined;
        }
        expectRefusal('any.json', parseImportFile('any.json', text ?? 'undefined'));
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const result = parseImportFile('text.json', text);
        if (!result.ok) expectRefusal('text.json', result);
      }),
      { numRuns: 200 },
    );
  });

  it('a valid pack cut short anywhere is refused as invalid JSON', () => {
    const texts = [JSON.stringify(fullPack()), JSON.stringify(fullPack(), null, 2)];
    const cut = fc.oneof(
      // any position…
      fc.tuple(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })).map(
        ([t, f]) => [t, Math.floor(f * texts[t]!.length)] as const,
      ),
      // …and just before or after each kind of token
      fc
        .tuple(fc.constantFrom(0, 1), fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', ' ', '1', 't'), fc.nat(), fc.boolean())
        .map(([t, token, nth, after]) => {
          const text = texts[t]!;
          const hits = [...text].flatMap((c, i) => (c === token ? [i] : []));
          const at = hits.length ? hits[nth % hits.length]! + (after ? 1 : 0) : 0;
          return [t, Math.min(at, text.length - 1)] as const;
        }),
    );
    fc.assert(
      fc.property(cut, ([t, at]) => {
        const result = parseImportFile('cut.json', texts[t]!.slice(0, at));
        expect(expectRefusal('cut.json', result)).toMatch(/^not valid JSON \(/);
      }),
      { numRuns: 300 },
    );
  });

  it('one field of a valid pack given the wrong type is refused at that JSON path', () => {
    const base = fullPack() as unknown as Json;
    const paths = allPaths(base);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.constantFrom(...OTHER_TYPES), (path, replacement) => {
        fc.pre(kindOf(getAt(base, path)) !== kindOf(replacement));
        const bad = clone(base);
        setAt(bad, path, clone(replacement));
        const lines = schemaLines('typed.json', parseImportFile('typed.json', JSON.stringify(bad)));
        expect(lines.some((line) => line.startsWith(`${pathText(path)}: `))).toBe(true);
        const direct = parsePack(bad);
        expect(direct.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a missing field is refused at its path, unless the schema says it is optional', () => {
    const base = fullPack() as unknown as Json;
    const keyed = allPaths(base).filter((p) => typeof p[p.length - 1] === 'string');
    fc.assert(
      fc.property(fc.constantFrom(...keyed), (path) => {
        const bad = clone(base);
        delete (getAt(bad, path.slice(0, -1)) as Record<string, Json>)[path[path.length - 1] as string];
        const result = parseImportFile('missing.json', JSON.stringify(bad));
        if (result.ok) {
          expect(result.pack).toEqual(bad); // optional: accepted, nothing invented or dropped
        } else if (path.join() === 'schemaVersion') {
          // Without it the file is not recognised as a pack at all.
          expect(expectRefusal('missing.json', result)).toMatch(/^neither a Termlight pack \(no "schemaVersion"\)/);
        } else {
          const lines = schemaLines('missing.json', result);
          expect(lines.some((line) => line.startsWith(`${pathText(path)}: `))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('strings over the schema maximum are refused at their path', () => {
    const fields = [...TEXT_FIELDS, ...ID_FIELDS, ...URL_FIELDS, URL_PATTERN];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.integer({ min: 1, max: 5000 }),
        fc.constantFrom('a', '<', 'é', '😀', '-'),
        ([path, max], over, filler) => {
          const bad = clone(fullPack()) as unknown as Json;
          const current = getAt(bad, path) as string;
          // Ids, addresses and patterns stay well-formed apart from their length.
          const free = TEXT_FIELDS.some(([p]) => p === path);
          const value = `${current}${(free ? filler : 'a').repeat(max + over)}`;
          setAt(bad, path, value);
          const lines = schemaLines('long.json', parseImportFile('long.json', JSON.stringify(bad)));
          expect(lines.some((line) => line.startsWith(`${pathText(path)}: `))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('an unknown key of any length is refused with an error of bounded length', () => {
    const base = fullPack() as unknown as Json;
    const objectPaths: Path[] = [[], ...allPaths(base).filter((p) => kindOf(getAt(base, p)) === 'object')];
    fc.assert(
      fc.property(fc.constantFrom(...objectPaths), fc.integer({ min: 1, max: 20_000 }), fc.nat(3), (path, length, extra) => {
        const bad = clone(base);
        for (let i = 0; i <= extra; i++) (getAt(bad, path) as Record<string, Json>)[`${i}${'k'.repeat(length)}`] = 1;
        schemaLines('keys.json', parseImportFile('keys.json', JSON.stringify(bad)));
      }),
      { numRuns: 100 },
    );
  });

  it('arrays over the schema maximum are refused at their path, huge ones included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ARRAY_FIELDS), fc.integer({ min: 1, max: 300 }), ([path, max, item], over) => {
        const bad = clone(fullPack()) as unknown as Json;
        setAt(bad, path, Array.from({ length: max + over }, (_, i) => item(i)));
        const lines = schemaLines('many.json', parseImportFile('many.json', JSON.stringify(bad)));
        expect(lines.some((line) => line.startsWith(`${pathText(path)}: `))).toBe(true);
      }),
      { numRuns: 100 },
    );
    const p = fullPack();
    for (const [key, max] of [['platforms', 10_000], ['documents', 50_000], ['records', 200_000]] as const) {
      const result = parsePack({ ...p, [key]: new Array(max + 1).fill((p[key] as unknown[])[0]) });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatch(new RegExp(`^${key}: `));
    }
    const zeros = schemaLines('zeros.json', parseImportFile('zeros.json', `{"schemaVersion":1,"records":[${'0,'.repeat(1_000_000)}0]}`));
    expect(zeros.some((line) => line.startsWith('records: '))).toBe(true);
    expectRefusal('big.json', parseImportFile('big.json', ' '.repeat(MAX_IMPORT_BYTES + 1)));
  });

  it('__proto__, constructor and prototype keys at any depth are refused and pollute nothing', () => {
    const base = fullPack() as unknown as Json;
    const objectPaths: Path[] = [[], ...allPaths(base).filter((p) => kindOf(getAt(base, p)) === 'object')];
    const payload = fc.constantFrom<Json>(
      { polluted: 'yes', isAdmin: true },
      { toString: 'x', valueOf: 1 },
      { prototype: { polluted: 'yes' } },
      { __proto__placeholder: { polluted: 'yes' } },
      [{ polluted: 'yes' }],
      'polluted',
      null,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...objectPaths),
        fc.constantFrom('__proto__', 'constructor', 'prototype'),
        payload,
        (path, key, value) => {
          const bad = clone(base);
          (getAt(bad, path) as Record<string, Json>).__KEY__ = clone(value);
          // JSON.parse makes these own properties, exactly as a hostile file would.
          const text = JSON.stringify(bad).replace('"__KEY__"', JSON.stringify(key)).replace('__proto__placeholder', '__proto__');
          expect(Object.keys(getAt(JSON.parse(text) as Json, path) as object)).toContain(key);
          const lines = schemaLines('proto.json', parseImportFile('proto.json', text));
          expect(lines.some((line) => line.includes(`"${key}"`))).toBe(true);
          expect(parsePack(JSON.parse(text)).ok).toBe(false);
          expectNoPollution();
        },
      ),
      { numRuns: 200 },
    );
  });

  it('HTML and script in every text field are accepted as text, byte for byte', () => {
    const textPaths = TEXT_FIELDS.map(([path]) => path).concat(
      [1].flatMap((i): Path[] => [
        ['records', i, 'title'],
        ['records', i, 'quote', 'exact'],
        ['records', i, 'impact'],
        ['records', i, 'whyItMatters'],
        ['platforms', i, 'name'],
        ['documents', i, 'title'],
      ]),
    );
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: textPaths.length, maxLength: textPaths.length }), (texts) => {
        const hostile = clone(fullPack()) as unknown as Json;
        textPaths.forEach((path, i) => setAt(hostile, path, texts[i]!));
        const result = parseImportFile('<b>hostile</b>.json', JSON.stringify(hostile));
        expect(result.ok ? [] : result.error).toEqual([]);
        if (!result.ok) return;
        expect(result.pack).toEqual(hostile);
        textPaths.forEach((path, i) => expect(getAt(result.pack as unknown as Json, path)).toBe(texts[i]));
        expectNoPollution();
      }),
      { numRuns: 150 },
    );
  });
});
