/**
 * Offline search over platform names and domains, document titles, record titles, impacts and
 * quotes (search-index.ts). Every word of the query must match; a word of 4 letters or more that
 * the records never use also matches their words one typo away (two for 8 letters or more).
 * Results are ranked by relevance, and counted in full however few are returned.
 */
import { SEVERITIES } from '../records/taxonomy';
import type { Database } from './db';
import type { WordIndex } from './fuzzy-words';
import { fold, searchIndex, type PlatformHit, type RecordHit, type Row, type SearchHit } from './search-index';

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

/** A word counted as typed rather than as a typo: a typo ranks below any exact or prefix match. */
const TYPO = 10;

/** One query word: what it is, and the words of the records one typo away when it is not one of them. */
interface Term {
  text: string;
  /** Whole-word matcher for its near words, or null when it gets none. */
  near: RegExp | null;
}

/** Splits a query into words, folded; at most 12. */
export function queryWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean).slice(0, 12);
}

function terms(words: readonly string[], index: () => WordIndex): Term[] {
  return words.map((text) => {
    // Only plain words get typo matches; "acme.example" is matched as typed.
    if (text.length < 4 || !/^[\p{L}\p{N}]+$/u.test(text) || index().has(text)) return { text, near: null };
    const near = index().near(text);
    return {
      text,
      near: near.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${near.join('|')})(?![\\p{L}\\p{N}])`, 'u'),
    };
  });
}

/**
 * How well a row matches every term (lower is better), or -1 when one does not match: per term,
 * the best field it occurs in (0 = name or title, 1 = domains, document or impact, 2 = quote),
 * plus TYPO when only a near word occurs.
 */
function cost(fields: readonly string[], query: readonly Term[]): number {
  let total = 0;
  for (const term of query) {
    let best = -1;
    for (let f = 0; f < fields.length && best < 0; f++) if (fields[f]!.includes(term.text)) best = f;
    if (best < 0 && term.near) {
      for (let f = 0; f < fields.length && best < 0; f++) if (term.near.test(fields[f]!)) best = TYPO + f;
    }
    if (best < 0) return -1;
    total += best;
  }
  return total;
}

const severityRank = new Map(SEVERITIES.map((s, i) => [s, i]));

/** The rows matching every term, best first: by cost, then (records) worst first, then as stored. */
function ranked<H extends SearchHit>(rows: readonly Row<H>[], query: readonly Term[]): H[] {
  const found: { cost: number; order: number; hit: H }[] = [];
  rows.forEach((row, order) => {
    const c = cost(row.fields, query);
    if (c >= 0) found.push({ cost: c, order, hit: row.hit });
  });
  const rank = (hit: H) => (hit.kind === 'record' ? severityRank.get(hit.severity)! : 0);
  found.sort((a, b) => a.cost - b.cost || rank(a.hit) - rank(b.hit) || a.order - b.order);
  return found.map((f) => f.hit);
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
