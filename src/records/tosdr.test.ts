import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, hasCorpus } from '../../test/helpers/corpus';
import { categoriesFor, convertTosdrService, patternFromUrl, severityFor, TOSDR_LICENCE } from './tosdr';

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
    expect(pack.platforms).toEqual([{ id: 'example-notes', name: 'Example Notes', domains: ['notes.example.com'] }]);
    expect(pack.documents.map((d) => d.urlPatterns[0])).toEqual(['notes.example.com/legal/terms', 'notes.example.com/privacy']);
    expect(skipped).toBe(1);
    const [waiver, deletion] = pack.records;
    expect(waiver).toMatchObject({ severity: 'high', categories: ['arbitration'], quote: { exact: service.pointsData['1'].quoteText } });
    expect(waiver!.whyItMatters).not.toMatch(/annotate view/); // the placeholder tldr is not shown as analysis
    expect(deletion).toMatchObject({ severity: 'positive', whyItMatters: 'Deletion on request, within a month.' });
    expect(deletion!.provenance).toMatchObject({ licence: 'CC BY-SA 3.0', sourceUrl: 'https://notes.example.com/privacy' });
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
