import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';
import { categoriesFor, convertTosdrService, patternFromUrl, severityFor, TOSDR_LICENCE, tosdrExportDate } from './tosdr';
import { tosdrDataDate } from './tosdr-version';

const service = {
  class: 'C',
  urls: ['notes.example.com', 'not a domain'],
  links: {
    'Terms of Service': { name: 'Terms of Service', url: 'https://notes.example.com/legal/terms/' },
    Privacy: { name: 'Privacy Policy', url: 'https://notes.example.com/privacy' },
  },
  points: ['1', '2', '3'],
  pointsData: {
    '1': {
      id: '1',
      title: 'You waive your right to a class action',
      quoteDoc: 'Terms of Service',
      quoteText: 'You agree to resolve disputes only on an individual basis.',
      tosdr: { case: 'You waive your right to a class action.', point: 'bad', score: 70, tldr: 'Generated through the annotate view' },
    },
    '2': {
      id: '2',
      title: 'Deleted data is gone',
      quoteDoc: 'Privacy',
      quoteText: 'We delete your data within 30 days of a request.',
      tosdr: { case: 'You can request access and deletion of personal data', point: 'good', score: 40, tldr: 'Deletion on request, within a month.' },
    },
    '3': { id: '3', title: 'No quote', tosdr: { case: 'Something', point: 'neutral' } },
  },
};

describe('ToS;DR import', () => {
  it('turns a service export into a pack that keeps ToS;DR credit and licence', () => {
    const result = convertTosdrService(service, 'example-notes.json', '2026-11-21');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { pack, skipped } = result;
    expect(pack.packId).toBe('tosdr.example-notes');
    expect(pack.source).toMatchObject({ kind: 'tosdr', licence: TOSDR_LICENCE });
    expect(pack.platforms).toEqual([{ id: 'example-notes', name: 'Example Notes', domains: ['notes.example.com'], rating: { grade: 'C', source: 'ToS;DR' } }]);
    expect(pack.documents.map((d) => d.urlPatterns[0])).toEqual(['notes.example.com/legal/terms', 'notes.example.com/privacy']);
    expect(skipped).toBe(1);
    const [waiver, deletion] = pack.records;
    expect(waiver).toMatchObject({ severity: 'high', categories: ['arbitration'], quote: { exact: service.pointsData['1'].quoteText } });
    expect(waiver!.whyItMatters).not.toMatch(/annotate view/); // the placeholder tldr is not shown as analysis
    expect(deletion).toMatchObject({ severity: 'positive', whyItMatters: 'Deletion on request, within a month.' });
    expect(deletion!.provenance).toMatchObject({ licence: 'CC BY-SA 3.0', sourceUrl: 'https://notes.example.com/privacy' });
  });

  it("keeps ToS;DR's grade of the service as the platform's rating, with its source; none when it gave none", () => {
    const graded = convertTosdrService(service, 'a.json', '2026-11-21');
    if (!graded.ok) throw new Error('not converted');
    expect(graded.pack.platforms[0]!.rating).toEqual({ grade: 'C', source: 'ToS;DR' });
    for (const none of [false, 'N/A', 'F', 3, null]) {
      const ungraded = convertTosdrService({ ...service, class: none }, 'a.json', '2026-11-21');
      if (!ungraded.ok) throw new Error('not converted');
      expect(ungraded.pack.platforms[0]!.rating, String(none)).toBeUndefined();
    }
  });

  it('maps ratings and cases by the documented tables', () => {
    expect(['blocker', 'bad', 'bad', 'neutral', 'good'].map((p, i) => severityFor(p, i === 2 ? 20 : 80))).toEqual([
      'critical', 'high', 'medium', 'low', 'positive',
    ]);
    expect(categoriesFor('This service forces users into binding arbitration in the case of disputes', '')).toContain('arbitration');
    expect(categoriesFor('The court of law governing the terms is in location X', '')).toEqual(['jurisdiction']);
    expect(categoriesFor('Nothing recognisable', '')).toEqual(['other']);
  });

  it('derives URL patterns without scheme, query or trailing slash', () => {
    expect(patternFromUrl('https://www.spotify.com/us/legal/end-user-agreement/?x=1')).toBe('www.spotify.com/us/legal/end-user-agreement');
    expect(patternFromUrl('ftp://x.example/terms')).toBeNull();
    expect(patternFromUrl('nonsense')).toBeNull();
  });

  it('explains a file that is not a service export', () => {
    const result = convertTosdrService({ links: 3, pointsData: {} }, 'x.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^links/);
  });

  it('dates the pack by the latest point date the export holds, else by the day of conversion', () => {
    const dated = (ms: number[]) => ({
      ...service,
      pointsData: Object.fromEntries(
        Object.entries(service.pointsData).map(([key, point], i) => [key, i < ms.length ? { ...point, subbmittedTimestamp: ms[i] } : point]),
      ),
    });
    const older = convertTosdrService(dated([Date.UTC(2017, 5, 23, 20), Date.UTC(2016, 0, 1)]), 'a.json', '2026-11-21');
    const newer = convertTosdrService(dated([Date.UTC(2018, 0, 4, 16)]), 'b.json', '2026-11-21');
    const undated = convertTosdrService(service, 'c.json', '2026-11-21');
    if (!older.ok || !newer.ok || !undated.ok) throw new Error('expected all three to convert');
    expect([older, newer, undated].map((r) => r.pack.publishedAt)).toEqual(['2017-06-23', '2018-01-04', '2026-11-21']);
    expect([older, newer, undated].map((r) => tosdrDataDate(r.pack.packVersion))).toEqual(['2017-06-23', '2018-01-04', null]);
    // The records are still stamped with the day they were converted.
    expect(older.pack.records[0]!.lastVerified).toBe('2026-11-21');
  });

  it('reads only plausible times as dates', () => {
    expect(tosdrExportDate({ a: { subbmittedTimestamp: 1515083229839 }, b: { subbmittedTimestamp: 1498250035824 } })).toBe('2018-01-04');
    expect(tosdrExportDate({ a: { subbmittedTimestamp: '1515083229839' }, b: { subbmittedTimestamp: 42 }, c: null, d: 'x' })).toBeNull();
    expect(tosdrExportDate({ a: { subbmittedTimestamp: Number.MAX_VALUE }, b: { subbmittedTimestamp: Number.NaN } })).toBeNull();
  });

  describe('repairs what would otherwise sink the whole export', () => {
    const withLinks = (links: Record<string, { name?: string; url: string }>, pointsData: Record<string, unknown>, extra = {}) => ({
      links,
      pointsData,
      urls: [],
      ...extra,
    });
    const point = (id: string, quoteDoc: string, more = {}) => ({
      id,
      title: `Point ${id}`,
      quoteDoc,
      quoteText: `Quote ${id}.`,
      tosdr: { case: 'Something', point: 'neutral' },
      ...more,
    });
    const converted = (json: unknown) => {
      const result = convertTosdrService(json, 'svc.json', '2026-11-21');
      expect(result.ok ? [] : result.errors).toEqual([]);
      if (!result.ok) throw new Error('not converted');
      return result.pack;
    };

    it('an address a URL pattern cannot hold: the document is kept, never matched to a page', () => {
      for (const url of ['https://under_score.example/terms', 'https://localhost/terms', `https://long.example/${'p'.repeat(600)}`]) {
        expect(patternFromUrl(url), url).toBeNull();
        const pack = converted(withLinks({ Terms: { name: 'Terms', url } }, { '1': point('1', 'Terms', { source: { terms: url } }) }));
        expect(pack.documents.map((d) => [d.title, d.urlPatterns])).toEqual([['Terms', []]]);
        expect(pack.records).toHaveLength(1);
      }
    });

    it('addresses the schema refuses as written: normalised when the URL parser can, else dropped', () => {
      const pack = converted(
        withLinks(
          { Terms: { name: 'Terms', url: 'HTTPS://WWW.UPPER.EXAMPLE/Terms' } },
          { '1': point('1', 'Terms', { discussion: 'javascript:alert(1)' }), '2': point('2', 'Terms', { discussion: 'https:no-slashes.example/d' }) },
        ),
      );
      expect(pack.documents[0]!.url).toBe('https://www.upper.example/Terms');
      expect(pack.records.map((r) => r.provenance.archiveUrl)).toEqual([undefined, 'https://no-slashes.example/d']);
    });

    it('a file that is not an export: errors of bounded length, however long the key in them', () => {
      const result = convertTosdrService({ links: { ['k'.repeat(20_000)]: 3 }, pointsData: {} }, 'x.json');
      expect(result.ok).toBe(false);
      if (!result.ok) for (const error of result.errors) expect(error.length).toBeLessThanOrEqual(500);
    });

    it('a blank link key without a name: the document gets a title', () => {
      // "?" and " " both slugify to "x": the point lands on the link's document.
      const pack = converted(withLinks({ ' ': { url: 'https://svc.example/terms' } }, { '1': point('1', '?') }));
      expect(pack.documents.map((d) => [d.title, d.url])).toEqual([['Document', 'https://svc.example/terms']]);
    });

    it('point ids that slugify alike: each record keeps its own id', () => {
      const pack = converted(withLinks({}, { x: point('A', 'Terms'), y: point('a', 'Terms'), z: point('?', 'Terms'), w: point('', 'Terms') }));
      expect(pack.records.map((r) => r.id)).toEqual(['svc.point-a', 'svc.point-a-2', 'svc.point-x', 'svc.point-x-2']);
    });

    it('a missing, blank or over-long service name: named after the file, or clipped', () => {
      expect(converted(withLinks({}, { '1': point('1', 'Terms') }, { name: '  ' })).platforms[0]!.name).toBe('Svc');
      expect(converted(withLinks({}, { '1': point('1', 'Terms') })).platforms[0]!.name).toBe('Svc');
      expect(converted(withLinks({}, { '1': point('1', 'Terms') }, { name: 'N'.repeat(300) })).platforms[0]!.name).toHaveLength(200);
    });
  });

  it.runIf(hasCorpus)('converts every service of the real ToS;DR export (corpus)', () => {
    const dir = `${CORPUS_DIR}tosdr/api-v1/`;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    let records = 0;
    let quoted = 0;
    const failures: string[] = [];
    for (const file of files) {
      const json = JSON.parse(readFileSync(dir + file, 'utf8')) as { pointsData: Record<string, { quoteText?: string }> };
      quoted += Object.values(json.pointsData).filter((p) => p.quoteText?.trim()).length;
      const result = convertTosdrService(json, file);
      if (result.ok) records += result.pack.records.length;
      else failures.push(`${file}: ${result.errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
    // Only points whose quote names no known document are dropped.
    expect(records / quoted).toBeGreaterThan(0.95);
  });
});
