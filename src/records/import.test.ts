import { describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { parseImportFile } from './import';

describe('import of a picked file', () => {
  it('reads a Termlight pack', () => {
    const result = parseImportFile('ours.json', JSON.stringify(pack('mine', ['acme'], [{ id: 'r', documentId: 'acme.terms' }])));
    expect(result).toMatchObject({ ok: true, format: 'termlight', pack: { packId: 'mine' } });
  });

  it('reads a ToS;DR service export', () => {
    const tosdr = { links: {}, urls: ['a.example'], pointsData: { '1': { id: 1, title: 'T', quoteDoc: 'Terms', quoteText: 'Q.', tosdr: { point: 'bad', case: 'C' } } } };
    const result = parseImportFile('a-service.json', JSON.stringify(tosdr));
    expect(result).toMatchObject({ ok: true, format: 'tosdr', pack: { packId: 'tosdr.a-service' } });
  });

  it('says what is wrong, naming the file, for each kind of bad file', () => {
    const cases: [string, RegExp][] = [
      ['{ not json', /^bad\.json: not valid JSON/],
      ['[1, 2, 3]', /^bad\.json: neither a Termlight pack .* nor a ToS;DR service export/],
      ['"just a string"', /neither a Termlight pack/],
      [JSON.stringify({ schemaVersion: 1, packId: 'x' }), /^bad\.json: not a valid Termlight pack: packVersion: /],
      [JSON.stringify({ pointsData: [], links: 'no' }), /^bad\.json: not a usable ToS;DR export: /],
    ];
    for (const [text, message] of cases) {
      const result = parseImportFile('bad.json', text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    }
  });
});
