/**
 * Offline search over platform names and domains, document titles, record titles and quotes,
 * from rows built once per store generation (cache.ts).
 */
import type { Severity } from '../records/taxonomy';
import { cached } from './cache';
import { groupSameDocuments } from '../records/same-document';
import type { Database, StoredDocument } from './db';
import { bySeverity, excerpt } from './lookup';

export type SearchHit =
  | { kind: 'platform'; platformId: string; name: string; domains: string[]; documents: number }
  | {
      kind: 'record';
      recordKey: string;
      platformName: string;
      documentTitle: string;
      documentUrl: string;
      title: string;
      severity: Severity;
      excerpt: string;
      /** Whose analysis it is, when it is not ours (imported records keep their credit). */
      credit?: string;
    };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

interface SearchRow {
  haystack: string;
  hit: SearchHit;
}

/** Every searchable row with its folded text: platforms first, then records worst first. */
function searchRows(db: Database): Promise<SearchRow[]> {
  return cached(db, 'searchRows', async () => {
    const [platforms, documents, records] = await Promise.all([
      db.getAll('platforms'),
      db.getAll('documents'),
      db.getAll('records'),
    ]);
    const names = new Map(platforms.map((p) => [p.id, p.name]));
    const docs = new Map(documents.map((d) => [d.key, d]));
    // A page two sources both describe (bundled and ToS;DR) is one document, not two.
    const platformDocs = new Map<string, StoredDocument[]>();
    for (const d of documents) platformDocs.set(d.platformId, [...(platformDocs.get(d.platformId) ?? []), d]);
    const docCount = new Map([...platformDocs].map(([id, docs]) => [id, groupSameDocuments(docs).length]));
    // One row per platform, found by the name and domains any of its sources gives it.
    const platformText = new Map<string, string>();
    for (const p of platforms) {
      platformText.set(p.id, `${platformText.get(p.id) ?? ''} ${p.name} ${p.domains.join(' ')}`);
    }
    const rows: SearchRow[] = [];
    const seen = new Set<string>();
    for (const platform of platforms) {
      if (seen.has(platform.id)) continue;
      seen.add(platform.id);
      rows.push({
        haystack: fold(platformText.get(platform.id)!),
        hit: {
          kind: 'platform',
          platformId: platform.id,
          name: platform.name,
          domains: platform.domains,
          documents: docCount.get(platform.id) ?? 0,
        },
      });
    }
    for (const record of bySeverity(records)) {
      const doc = docs.get(record.documentKey);
      const platformName = names.get(record.platformId) ?? record.platformId;
      rows.push({
        haystack: fold(`${platformName} ${doc?.title ?? ''} ${record.title} ${record.quote.exact}`),
        hit: {
          kind: 'record',
          recordKey: record.key,
          platformName,
          documentTitle: doc?.title ?? '',
          documentUrl: doc?.url ?? '',
          title: record.title,
          severity: record.severity,
          excerpt: excerpt(record.quote.exact),
          ...(record.provenance.attribution
            ? { credit: `${record.provenance.attribution}${record.provenance.licence ? `, ${record.provenance.licence}` : ''}` }
            : {}),
        },
      });
    }
    return rows;
  });
}

/**
 * Offline search over platform names and domains, document titles, record titles and quotes.
 * Every word of the query must appear; platforms first, then records worst first.
 */
export async function search(db: Database, query: string, limit = 50): Promise<SearchHit[]> {
  const words = fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const row of await searchRows(db)) {
    if (!words.every((w) => row.haystack.includes(w))) continue;
    hits.push(row.hit);
    if (hits.length >= limit) break;
  }
  return hits;
}
