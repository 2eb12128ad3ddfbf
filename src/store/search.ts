/**
 * Offline search over platform names and domains, document titles, record titles, impacts and
 * quotes (search-index.ts). Every word of the query must match; a word of 4 letters or more that
 * the records never use also matches their words one typo away (two for 8 letters or more).
 * Results are ranked by relevance, and counted in full however few are returned.
 */
import { SEVERITIES } from '../records/taxonomy';
import type { Database } from './db';
import type { WordIndex } from './fuzzy-words';
import { fold, searchIndex, type PlatformHit, type RecordHit, type Searchable, type SearchHit } from './search-index';
import { NOWHERE } from './search-table';

export type { PlatformHit, RecordHit, SearchHit };

/** How many clauses a page of results holds. */
export const RECORD_PAGE = 50;
/** How many platforms a page of results holds. */
export const PLATFORM_PAGE = 10;

export interface SearchPage<H> {
  /** How many match in all. */
  total: number;
  /** From `offset`, at most a page, best first. */
  hits: H[];
}

export interface SearchResult {
  platforms: SearchPage<PlatformHit>;
  records: SearchPage<RecordHit>;
}

export interface SearchOptions {
  /** Where the page of clauses starts (for "Show more"). */
  recordOffset?: number;
  /** Where the page of platforms starts. */
  platformOffset?: number;
  recordLimit?: number;
  platformLimit?: number;
}

/** Added to a word's field when only a near word matched: a typo ranks below any exact or prefix match. */
const TYPO = 10;

/** One query word, and the words of the records one typo away when it is not one of them. */
interface Term {
  text: string;
  /** Whole-word matcher (global) for its near words, or null when it gets none. */
  near: RegExp | null;
}

/** Splits a query into words, folded; at most 12. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function terms(words: readonly string[], index: () => WordIndex): Term[] {
  return words.map((text) => {
    // Only plain words get typo matches; "acme.example" is matched as typed.
    if (text.length < 4 || !/^[\p{L}\p{N}]+$/u.test(text) || index().has(text)) return { text, near: null };
    const near = index().near(text);
    return {
      text,
      near: near.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${near.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    };
  });
}

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));

/**
 * The hits matching every term, best first. A hit's cost is, summed over the terms, the first
 * field the term occurs in (0 = name or title, 1 = domains, document or impact, 2 = quote), plus
 * TYPO where only a near word occurs; then (clauses) worst first; then as stored.
 */
function ranked<H extends SearchHit>({ hits, table }: Searchable<H>, query: readonly Term[]): H[] {
  const cost = new Int32Array(table.size);
  for (const term of query) {
    const exact = table.fieldsWith(term.text);
    const near = term.near && table.fieldsMatching(term.near);
    for (let r = 0; r < table.size; r++) {
      const field = exact[r] !== NOWHERE ? exact[r]! : near && near[r] !== NOWHERE ? TYPO + near[r]! : -1;
      cost[r] = field < 0 || cost[r]! < 0 ? -1 : cost[r]! + field;
    }
  }
  const found: number[] = [];
  for (let r = 0; r < table.size; r++) if (cost[r]! >= 0) found.push(r);
  const rank = (hit: H) => (hit.kind === 'record' ? severityRank.get(hit.severity)! : 0);
  found.sort((a, b) => cost[a]! - cost[b]! || rank(hits[a]!) - rank(hits[b]!) || a - b);
  return found.map((r) => hits[r]!);
}

const page = <H>(hits: readonly H[], offset: number, limit: number): SearchPage<H> => ({
  total: hits.length,
  hits: hits.slice(offset, offset + limit),
});

/**
 * Searches the records for `query`: the platforms and the clauses matching every word, ranked by
 * relevance (a match in a name or title above one in a quote only; exact above typo), clauses of
 * equal relevance worst first; each counted in full, one page of each returned.
 */
export async function search(db: Database, query: string, options: SearchOptions = {}): Promise<SearchResult> {
  const words = queryWords(query);
  if (words.length === 0) return { platforms: { total: 0, hits: [] }, records: { total: 0, hits: [] } };
  const index = await searchIndex(db);
  const query_ = terms(words, index.words);
  return {
    platforms: page(ranked(index.platforms, query_), options.platformOffset ?? 0, options.platformLimit ?? PLATFORM_PAGE),
    records: page(ranked(index.records, query_), options.recordOffset ?? 0, options.recordLimit ?? RECORD_PAGE),
  };
}

/** Builds the index ahead of the first search (after the records change), so that search answers at once. */
export async function warmSearch(db: Database): Promise<void> {
  const index = await searchIndex(db);
  index.words();
}
