import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/t';
import { parseImportFile } from '../../src/records/import';
import { plainError, plainPlace, plainPlaces } from './plain-errors';

/** What the import says of a file with this text, in plain words. */
function refused(text: string, name = 'picked.json') {
  const parsed = parseImportFile(name, text);
  if (parsed.ok) throw new Error('expected a refusal');
  return plainError(parsed.problem, 'file', parsed.error);
}

describe('plain errors: files', () => {
  it('a file cut short says it is not valid JSON, what to do, and keeps the parser’s words for the details', () => {
    const said = refused('{"schemaVersion": 1, "packId": "x" "records": []}');
    expect(said.what).toBe('This file is not valid JSON (it may be cut short or not a Termlight or ToS;DR file).');
    expect(said.todo).toBe('Check you picked the right file.');
    expect(said.what).not.toMatch(/position|Unexpected|Expected/);
    expect(said.detail).toMatch(/^picked\.json: not valid JSON \(.+\)$/);
  });

  it('a pack with a bad field names the place in words from the validator’s path', () => {
    const pack = {
      schemaVersion: 1,
      packId: 'p',
      packVersion: '1',
      publishedAt: '2026-11-21',
      source: { kind: 'import', name: 'P' },
      platforms: [{ id: 'co', name: 'Co', domains: ['co.example'] }],
      documents: [{ id: 'co.terms', platformId: 'co', title: 'Terms', kind: 'terms', url: 'https://co.example/t', urlPatterns: ['co.example/t'] }],
      records: [
        {
          id: 'co.terms.a',
          documentId: 'co.terms',
          title: 'A',
          quote: { exact: 'Some words.' },
          severity: 'extreme',
          categories: ['other'],
          impact: 'I',
          whyItMatters: 'W',
          firstTracked: '2026-11-21',
          lastVerified: '2026-11-21',
          provenance: { sourceUrl: 'https://co.example/t' },
        },
      ],
    };
    const said = refused(JSON.stringify(pack));
    expect(said.what).toBe('This file is a Termlight pack, but some of it is not valid: the “severity” of record 1.');
    expect(said.detail).toContain('records[0].severity');
  });

  it('a ToS;DR export with a broken point names the point by its id', () => {
    expect(plainPlace('pointsData.1234.quoteDoc: Invalid input')).toBe('the “quoteDoc” of point 1234');
    const said = refused(JSON.stringify({ pointsData: 'not points', links: {} }), 'svc.json');
    expect(said.what).toMatch(/^This file looks like a ToS;DR service export, but some of it is not as ToS;DR writes it: /);
    expect(said.todo).toBe('Download the service’s file from ToS;DR again and import that copy.');
  });

  it('JSON of another kind, a file too large', () => {
    expect(refused('{"hello": "world"}').what).toBe('This file is neither a Termlight pack nor a ToS;DR service export.');
    expect(plainError({ kind: 'too-large', limitMb: 50 }, 'file', 'x').what).toBe('This file is larger than 50 MB, far larger than any records file.');
  });

  it('names at most three places, then how many more', () => {
    expect(plainPlaces(['a: x', 'records[1].title: x', 'records[1].title: y', 'documents[0]: x', '(pack): x'])).toBe(
      'the “a” field; the “title” of record 2; document 1 and 1 more place',
    );
    expect(plainPlaces(['… and 3 more problems'])).toBe('the file as a whole');
  });

  it('storage: full and refused say what to do', () => {
    expect(plainError({ kind: 'storage', full: true }, 'file', '').todo).toMatch(/^Remove a source you no longer need/);
    expect(plainError({ kind: 'storage', full: false }, 'feed', '').what).toBe(t('plainStorageRefused'));
  });
});

describe('plain errors: the feed', () => {
  it('HTTP 404 says there is no feed there, keeping the status', () => {
    const said = plainError({ kind: 'http', status: 404 }, 'feed', 'The feed answered HTTP 404. Your records are unchanged.');
    expect(said.what).toBe('There is no feed at this address: the server answered “not found” (HTTP 404).');
    expect(said.todo).toMatch(/^Check the address/);
    expect(said.detail).toBe('The feed answered HTTP 404. Your records are unchanged.');
  });

  it('each kind of feed failure gets its own words', () => {
    const kinds = [
      plainError({ kind: 'http', status: 403 }, 'feed', ''),
      plainError({ kind: 'http', status: 503 }, 'feed', ''),
      plainError({ kind: 'http', status: 418 }, 'feed', ''),
      plainError({ kind: 'unreachable' }, 'feed', ''),
      plainError({ kind: 'timeout', seconds: 20 }, 'feed', ''),
      plainError({ kind: 'redirect' }, 'feed', ''),
      plainError({ kind: 'not-json' }, 'feed', ''),
      plainError({ kind: 'invalid', format: 'termlight', issues: ['schemaVersion: must be 1'] }, 'feed', ''),
      plainError({ kind: 'too-large', limitMb: 20 }, 'feed', ''),
    ].map((e) => e.what);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds[3]).toBe('Termlight could not reach the feed.');
    expect(kinds[7]).toBe('The feed sent a Termlight pack that is not valid: the “schemaVersion” field.');
    expect(plainError({ kind: 'unreachable' }, 'feed', '').todo).toContain('Access-Control-Allow-Origin');
  });

  it('a failure of unknown kind (kept by an older version) still gets plain words and its message as detail', () => {
    const said = plainError(undefined, 'feed', 'The feed could not be reached. Your records are unchanged.');
    expect(said.what).toBe(t('plainFeedOther'));
    expect(said.detail).toBe('The feed could not be reached. Your records are unchanged.');
  });
});
