import { describe, expect, it } from 'vitest';
import { pack } from '../../test/helpers/packs';
import { bundledPackJson } from './bundled';
import { parsePack } from './schema';

const valid = () => pack('p', ['acme'], [{ id: 'r1', documentId: 'acme.terms' }]);

describe('pack schema', () => {
  it('accepts the bundled records', () => {
    const result = parsePack(bundledPackJson('0.0.0'));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (result.ok) expect(result.pack.records.length).toBeGreaterThan(20);
  });

  it('names the exact JSON path of each problem', () => {
    const bad = valid() as unknown as { records: { severity: string }[] };
    bad.records[0]!.severity = 'extreme';
    const result = parsePack(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^records\[0\]\.severity: /);
  });

  it('refuses another schema version with a sentence that says which one it reads', () => {
    const result = parsePack({ ...valid(), schemaVersion: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join()).toMatch(/schemaVersion must be 1/);
  });

  it('refuses duplicate ids and records of documents that are not in the pack', () => {
    const p = valid();
    p.records.push({ ...p.records[0]! });
    p.records.push({ ...p.records[0]!, id: 'r2', documentId: 'nowhere' });
    const result = parsePack(p);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('records[1].id: duplicate id "r1"');
      expect(result.errors).toContain('records[2].documentId: no document "nowhere" in this pack');
    }
  });

  it('refuses unknown keys, so a typo is not silently dropped', () => {
    const p = valid() as unknown as { records: Record<string, unknown>[] };
    p.records[0]!.severty = 'high';
    const result = parsePack(p);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/records\[0\]/);
  });

  it('refuses malformed URL patterns and non-http source addresses', () => {
    const p = valid();
    p.documents[0]!.urlPatterns = ['https://acme.example/terms'];
    p.records[0]!.provenance.sourceUrl = 'javascript:alert(1)';
    const result = parsePack(p);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.some((e) => e.startsWith('documents[0].urlPatterns[0]: URL pattern'))).toBe(true);
      expect(result.errors.some((e) => e.startsWith('records[0].provenance.sourceUrl'))).toBe(true);
    }
  });

  it('never throws on input that is not a pack at all', () => {
    for (const input of [null, 42, 'pack', [], { schemaVersion: 1 }]) {
      const result = parsePack(input);
      expect(result.ok).toBe(false);
    }
  });
});
