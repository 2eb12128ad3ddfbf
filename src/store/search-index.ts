/**
 * What search looks through, built once per store generation (cache.ts): every platform and
 * record with its text already folded (accents and case removed), split into the fields that
 * rank a match, and the words of the records for the typo step (built on first need).
 */
import { groupSameDocuments } from '../records/same-document';
import type { Severity } from '../records/taxonomy';
import { cached } from './cache';
import type { Database, StoredDocument } from './db';
import { WordIndex } from './fuzzy-words';
import { bySeverity, excerpt } from './lookup';
import { SearchTable, type Fields } from './search-table';

/** A platform found by search: enough to list it; its summary is asked for when opened. */
export interface PlatformHit {
  kind: 'platform';
  platformId: string;
  name: string;
  domains: string[];
  documents: number;
  /** How many clauses its sources record. */
  records: number;
  /** A grade some source gives it (ToS;DR's class), with who gave it. */
  rating?: { grade: string; source: string };
}

/** A clause found by search: what it means first, its quote as a short excerpt. */
export interface RecordHit {
  kind: 'record';
  recordKey: string;
  platformName: string;
  documentTitle: string;
  documentUrl: string;
  title: string;
  severity: Severity;
  /** What it means for the reader in one line, when it says more than the title. */
  impact?: string;
  excerpt: string;
  /** Whose analysis it is, when it is not ours (imported records keep their credit). */
  credit?: string;
}

export type SearchHit = PlatformHit | RecordHit;

/**
 * Hits and their folded text, row for row. A row's fields by how much a match there counts,
 * best first: a platform's name, then its domains; a record's platform name and title, then its
 * document's title and impact, then its quote.
 */
export interface Searchable<H extends SearchHit> {
  hits: H[];
  table: SearchTable;
}

export interface SearchIndex {
  platforms: Searchable<PlatformHit>;
  /** Worst first, in a stable order. */
  records: Searchable<RecordHit>;
  /** The words of every row, for typos; built once, on the first query that needs it. */
  words: () => WordIndex;
}

/** A row's fields, as many for every row (platforms leave the third empty). */
const FIELDS = 3;

interface Row<H extends SearchHit> {
  fields: Fields;
  hit: H;
}

const searchable = <H extends SearchHit>(rows: readonly Row<H>[]): Searchable<H> => ({
  hits: rows.map((r) => r.hit),
  table: new SearchTable(
    rows.map((r) => r.fields),
    FIELDS,
  ),
});

/** Lowercase, without accents: "Arbitrátion" finds "arbitration". */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * What separates words in folded text: anything but ASCII letters and digits and the letters of
 * other scripts (general punctuation, U+2000-U+2BFF, separates too). A plain split, not a Unicode
 * property class: it is several times faster over the whole ToS;DR export.
 */
const NOT_WORD = /[^a-z0-9\u00c0-\u1fff\u2c00-\uffff]+/;

/** How long a result's quote excerpt is: it is secondary to the title and impact. */
const EXCERPT_LENGTH = 160;

/** The search index of the store as it is now, built once per store generation. */
export function searchIndex(db: Database): Promise<SearchIndex> {
  return cached(db, 'searchIndex', () => buildIndex(db));
}

async function buildIndex(db: Database): Promise<SearchIndex> {
  const [platforms, documents, records] = await Promise.all([db.getAll('platforms'), db.getAll('documents'), db.getAll('records')]);
  const docs = new Map(documents.map((d) => [d.key, d]));
  // A page two sources both describe (bundled and ToS;DR) is one document, not two.
  const platformDocs = new Map<string, StoredDocument[]>();
  for (const d of documents) {
    const list = platformDocs.get(d.platformId);
    if (list) list.push(d);
    else platformDocs.set(d.platformId, [d]);
  }
  const recordCount = new Map<string, number>();
  for (const r of records) recordCount.set(r.platformId, (recordCount.get(r.platformId) ?? 0) + 1);

  // One row per platform, found by the name and domains any of its sources gives it.
  const byId = new Map<string, { names: string[]; domains: Set<string>; hit: PlatformHit }>();
  for (const p of platforms) {
    const seen = byId.get(p.id);
    if (seen) {
      seen.names.push(p.name);
      for (const d of p.domains) seen.domains.add(d);
      if (!seen.hit.rating && p.rating) seen.hit.rating = { grade: p.rating.grade, source: p.rating.source };
      continue;
    }
    byId.set(p.id, {
      names: [p.name],
      domains: new Set(p.domains),
      hit: {
        kind: 'platform',
        platformId: p.id,
        name: p.name,
        domains: p.domains,
        documents: groupSameDocuments(platformDocs.get(p.id) ?? []).length,
        records: recordCount.get(p.id) ?? 0,
        ...(p.rating ? { rating: { grade: p.rating.grade, source: p.rating.source } } : {}),
      },
    });
  }
  const platformRows: Row<PlatformHit>[] = [...byId.values()].map(({ names, domains, hit }) => ({
    fields: [fold(names.join(' ')), fold([...domains].join(' ')), ''],
    hit: { ...hit, domains: [...domains] },
  }));
  const names = new Map([...byId].map(([id, p]) => [id, p.hit.name]));
  const nameFields = new Map([...byId].map(([id, p]) => [id, fold(p.names.join(' '))]));

  const recordRows: Row<RecordHit>[] = bySeverity(records).map((record) => {
    const doc = docs.get(record.documentKey);
    const impact = record.impact && record.impact !== record.title ? record.impact : undefined;
    const { attribution, licence } = record.provenance;
    return {
      fields: [
        `${nameFields.get(record.platformId) ?? fold(record.platformId)} ${fold(record.title)}`,
        fold(`${doc?.title ?? ''} ${impact ?? ''}`),
        fold(record.quote.exact),
      ],
      hit: {
        kind: 'record',
        recordKey: record.key,
        platformName: names.get(record.platformId) ?? record.platformId,
        documentTitle: doc?.title ?? '',
        documentUrl: doc?.url ?? '',
        title: record.title,
        severity: record.severity,
        ...(impact ? { impact } : {}),
        excerpt: excerpt(record.quote.exact, EXCERPT_LENGTH),
        ...(attribution ? { credit: licence ? `${attribution}, ${licence}` : attribution } : {}),
      },
    };
  });

  const platformTable = searchable(platformRows);
  const recordTable = searchable(recordRows);
  let words: WordIndex | null = null;
  return {
    platforms: platformTable,
    records: recordTable,
    words: () => (words ??= wordIndex([platformTable.table.allText, recordTable.table.allText])),
  };
}

/** The distinct words of these texts, of 3 letters or more (shorter ones get no typo step). */
function wordIndex(texts: readonly string[]): WordIndex {
  const distinct = new Set<string>();
  for (const text of texts) for (const word of text.split(NOT_WORD)) distinct.add(word);
  return new WordIndex([...distinct].filter((w) => w.length >= 3));
}
