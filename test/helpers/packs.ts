/** Small, valid packs for unit tests, written here so tests do not depend on the bundled data. */
import type { Pack, ProvisionRecord } from '../../src/records/schema';

type RecordInput = Partial<ProvisionRecord> & Pick<ProvisionRecord, 'id' | 'documentId'>;

export function record(input: RecordInput): ProvisionRecord {
  return {
    title: `Title of ${input.id}`,
    quote: { exact: `Quoted clause for ${input.id}.` },
    severity: 'medium',
    categories: ['retention'],
    impact: 'What it means for you.',
    whyItMatters: 'Why it matters.',
    firstTracked: '2026-11-01',
    lastVerified: '2026-11-01',
    provenance: { sourceUrl: 'https://example.com/terms' },
    ...input,
  };
}

/** A pack with one platform and one document per platform id given. */
export function pack(packId: string, platforms: string[], records: RecordInput[], version = '1'): Pack {
  return {
    schemaVersion: 1,
    packId,
    packVersion: version,
    publishedAt: '2026-11-01',
    source: { kind: 'import', name: `Pack ${packId}` },
    platforms: platforms.map((id) => ({ id, name: id.toUpperCase(), domains: [`${id}.example`] })),
    documents: platforms.map((id) => ({
      id: `${id}.terms`,
      platformId: id,
      title: `${id} Terms`,
      kind: 'terms' as const,
      url: `https://www.${id}.example/legal/terms`,
      urlPatterns: [`www.${id}.example/legal/terms`],
    })),
    records: records.map(record),
  };
}
