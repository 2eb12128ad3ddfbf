import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';
import { categoriesFor, convertTosdrService, patternFromUrl, severityFor, TOSDR_LICENCE, tosdrExportDate } from './tosdr';
import { tosdrDataDate } from './tosdr-version';
import { hasMarkup } from './plain-text';
import { sameDocument } from './same-document';

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

  describe('imported text shown as text, once, without repeats', () => {
    const base = (pointsData: Record<string, unknown>, links: Record<string, { name?: string; url: string }> = {}) => ({
      links: { Terms: { name: 'Terms', url: 'https://svc.example/terms' }, ...links },
      pointsData,
      urls: ['svc.example'],
    });
    const converted = (json: unknown) => {
      const result = convertTosdrService(json, 'svc.json', '2026-11-21');
      if (!result.ok) throw new Error(result.errors.join('; '));
      return result;
    };

    it('markup in quotes, titles and explanations becomes the text a page shows', () => {
      const { pack } = converted(
        base({
          '1': {
            id: '1',
            title: 'You <b>waive</b> your rights',
            quoteDoc: 'Terms',
            quoteText: '<p>We do <strong>NOT</strong> keep logs&nbsp;of your T&amp;Cs.</p>\n<p>Second paragraph.</p',
            tosdr: { case: 'You waive your rights', point: 'bad', score: 60, tldr: '<p>They keep <em>nothing</em>.</p>' },
          },
        }),
      );
      const [record] = pack.records;
      expect(record!.quote.exact).toBe('We do NOT keep logs\u00a0of your T&Cs.\n\nSecond paragraph.');
      expect(record!.title).toBe('You waive your rights');
      expect(record!.whyItMatters).toBe('They keep nothing.');
    });

    it('a quote that is only markup is skipped, like a point without a quote', () => {
      const result = converted(base({ '1': { id: '1', title: 'T', quoteDoc: 'Terms', quoteText: '<p></p>\n<br>', tosdr: { point: 'bad' } } }));
      expect([result.pack.records.length, result.skipped]).toEqual([0, 1]);
    });

    it("one service's entries of one document are merged, and its records point at the merged one", () => {
      const point = (id: string, quoteDoc: string) => ({ id, title: `Point ${id}`, quoteDoc, quoteText: `Quote ${id}.`, tosdr: { point: 'bad' } });
      const result = converted(
        base(
          { '1': point('1', 'Terms'), '2': point('2', 'terms-again'), '3': point('3', 'Privacy'), '4': point('4', 'privacy-http'), '5': point('5', 'Other') },
          {
            // The same address under another key; the same title at an address differing by scheme, case and slash.
            'terms-again': { name: 'Terms of Service', url: 'https://svc.example/terms' },
            Privacy: { name: 'Privacy Policy', url: 'https://svc.example/privacy' },
            'privacy-http': { name: 'privacy policy', url: 'http://SVC.example/privacy/' },
            // Another title at an address differing only by case: a path's case can matter, so kept apart.
            Other: { name: 'Cookie Policy', url: 'https://svc.example/PRIVACY' },
          },
        ),
      );
      expect(result.pack.documents.map((d) => [d.title, d.url])).toEqual([
        ['Terms', 'https://svc.example/terms'],
        ['Privacy Policy', 'https://svc.example/privacy'],
        ['Cookie Policy', 'https://svc.example/PRIVACY'],
      ]);
      expect(result.mergedDocuments).toBe(2);
      expect(result.pack.records.map((r) => r.documentId)).toEqual(['svc.terms', 'svc.terms', 'svc.privacy', 'svc.privacy', 'svc.other']);
    });

    it('the same clause listed twice is one record: the most severe, with a note of what the other said', () => {
      const quote = 'We can suspend your account for any reason.';
      const result = converted(
        base({
          '1': { id: '1', title: 'The service can suspend your account', quoteDoc: 'Terms', quoteText: quote, tosdr: { point: 'neutral' } },
          '2': { id: '2', title: 'They may stop providing the service at any time', quoteDoc: 'Terms', quoteText: `<p>${quote}</p>`, tosdr: { point: 'bad', score: 20 } },
          '3': { id: '3', title: 'They may stop providing the service at any time', quoteDoc: 'Terms', quoteText: quote, tosdr: { point: 'bad', score: 20 } },
          // The same words elsewhere in the document are another clause.
          '4': { id: '4', title: 'Elsewhere', quoteDoc: 'Privacy', quoteText: quote, tosdr: { point: 'good' } },
        }),
      );
      expect(result.duplicates).toBe(2);
      expect(result.pack.records.map((r) => [r.id, r.severity, r.documentId])).toEqual([
        ['svc.point-2', 'medium', 'svc.terms'],
        ['svc.point-4', 'positive', 'svc.privacy'],
      ]);
      // The listing with another title is noted; the exact repeat (same title and rating) adds nothing.
      expect(result.pack.records[0]!.notes).toEqual(['ToS;DR also lists this clause as “The service can suspend your account”, rated low.']);
      expect(result.pack.records[1]!.notes).toBeUndefined();
    });

    it('the same point twice with two ratings: the note gives the other rating', () => {
      const point = (id: string, score: number) => ({ id, title: 'Same point', quoteDoc: 'Terms', quoteText: 'Same quote.', tosdr: { point: 'bad', score } });
      const result = converted(base({ '1': point('1', 10), '2': point('2', 90) }));
      expect(result.pack.records.map((r) => [r.id, r.severity, r.notes])).toEqual([
        ['svc.point-2', 'high', ['ToS;DR lists this point twice; the other listing rates it medium.']],
      ]);
    });

    it('an impact that only repeats the title is left out; one that says more is kept', () => {
      const point = (id: string, title: string, caseText: string, tldr?: string) => ({
        id, title, quoteDoc: 'Terms', quoteText: `Quote ${id}.`, tosdr: { case: caseText, point: 'bad', tldr },
      });
      const { pack } = converted(
        base({
          '1': point('1', 'You waive your right to a class action', 'You waive your right to a Class Action.-bad-50'),
          '2': point('2', 'Spotify states risks of public information', 'The service informs users about the risk of publishing personal info online'),
          '3': point('3', '', 'Only a case'),
        }),
      );
      expect(pack.records.map((r) => [r.title, r.impact])).toEqual([
        ['You waive your right to a class action', undefined],
        ['Spotify states risks of public information', 'The service informs users about the risk of publishing personal info online'],
        ['Only a case', undefined],
      ]);
      // Without an explanation, "why it matters" says so rather than repeat the title or the impact.
      for (const record of pack.records) expect(record.whyItMatters).toBe('ToS;DR gives no explanation of this point beyond its title.');
    });
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

  // Converting 645 files takes 2-8 s on the shared 2-core machine: a generous limit, not a timing assertion.
  it.runIf(hasCorpus)('converts every service of the real ToS;DR export (corpus): plain text, one entry per document and clause, no repeated impact', { timeout: 60_000 }, () => {
    const dir = `${CORPUS_DIR}tosdr/api-v1/`;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    const figures = { records: 0, quoted: 0, duplicates: 0, mergedDocuments: 0, documents: 0, impacts: 0, impactsLeftOut: 0, markedUpQuotes: 0 };
    const failures: string[] = [];
    const problems: string[] = [];
    for (const file of files) {
      const json = JSON.parse(readFileSync(dir + file, 'utf8')) as { pointsData: Record<string, { quoteText?: string }> };
      const quotes = Object.values(json.pointsData).flatMap((p) => (p.quoteText?.trim() ? [p.quoteText] : []));
      figures.quoted += quotes.length;
      figures.markedUpQuotes += quotes.filter(hasMarkup).length;
      const result = convertTosdrService(json, file);
      if (!result.ok) {
        failures.push(`${file}: ${result.errors.join('; ')}`);
        continue;
      }
      const { pack } = result;
      figures.records += pack.records.length;
      figures.duplicates += result.duplicates;
      figures.mergedDocuments += result.mergedDocuments;
      figures.documents += pack.documents.length;
      const clauses = new Set<string>();
      for (const r of pack.records) {
        if (r.impact) figures.impacts++;
        else figures.impactsLeftOut++;
        for (const text of [r.title, r.quote.exact, r.impact ?? '', r.whyItMatters]) if (hasMarkup(text)) problems.push(`${r.id} has markup: ${text.slice(0, 80)}`);
        const words = (t: string) => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        if (r.impact && words(r.impact) === words(r.title)) problems.push(`${r.id}: impact repeats the title`);
        const clause = `${r.documentId}\n${r.quote.exact.replace(/\s+/g, ' ')}`;
        if (clauses.has(clause)) problems.push(`${r.id}: clause listed twice`);
        clauses.add(clause);
      }
      pack.documents.forEach((doc, i) => {
        if (pack.documents.slice(i + 1).some((other) => sameDocument(doc, other))) problems.push(`${pack.packId}: ${doc.url} twice`);
      });
    }
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    // Only points whose quote names no known document, or that repeat a clause, are dropped.
    expect(figures.records / figures.quoted).toBeGreaterThan(0.95);
    console.log('ToS;DR export converted:', figures);
  });
});
