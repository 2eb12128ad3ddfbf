/**
 * Every message between the content script, the extension pages and the background, typed
 * once. Types only: the content script imports this without pulling in any validator.
 */
import type { PackMeta } from '../store/db';
import type { CategoryComparison, SearchHit } from '../store/store';
import type { Category, Severity } from '../records/taxonomy';
import type { MatchMethod } from '../anchoring';

/** What the content script needs to anchor and label one record, and no more. */
export interface PageRecord {
  key: string;
  title: string;
  severity: Severity;
  impact: string;
  quote: { exact: string; prefix?: string; suffix?: string };
}

export interface PageLookup {
  /** `verify`: the document has a recorded fingerprint, so the page should send its own. */
  documents: { key: string; title: string; platformName: string; verify: boolean; contentSelector?: string }[];
  records: PageRecord[];
}

/** The page's fingerprint per document (see anchoring/document-hash.ts). */
export interface PageFingerprints {
  url: string;
  ms: number;
  fingerprints: { documentKey: string; sha256: string; textLength: number }[];
}

/** Whether the page reads as the version the records were verified against. */
export interface Verification {
  documentKey: string;
  /** 'same': the fingerprints agree; 'changed': they do not; 'pending': not compared yet; 'unknown': nothing recorded. */
  state: 'same' | 'changed' | 'pending' | 'unknown';
  verifiedOn?: string;
}

/** How one record was found: deterministic and explainable (see src/anchoring). */
export interface FoundClause {
  key: string;
  method: MatchMethod;
  /** 1 for exact and normalised matches; the fuzzy similarity otherwise. */
  score: number;
  /** For a reworded clause (method 'fuzzy'): the text now on the page, for the word diff. */
  foundText?: string;
}

/** What the content script measured, in milliseconds (shown in the popup, read by the bench). */
export interface AnchorTiming {
  extractMs: number;
  anchorMs: number;
  paintMs: number;
  /** The longest stretch the work ran without giving the page a turn. */
  longestSliceMs: number;
  textLength: number;
  /** Fingerprinting the content region (idle time, after anchoring), when it was done. */
  fingerprintMs?: number;
}

export interface AnchorReport {
  found: FoundClause[];
  notFound: string[];
  timing: AnchorTiming;
}

export interface RecordView {
  key: string;
  documentKey: string;
  title: string;
  severity: Severity;
  categories: Category[];
  impact: string;
  whyItMatters: string;
  notes: string[];
  quote: string;
  platformName: string;
  documentTitle: string;
  documentUrl: string;
  sourceUrl: string;
  attribution?: string;
  licence?: string;
  /** How the quote was found on the page; absent for records not found. */
  method?: MatchMethod;
  score?: number;
  /** A reworded clause's text as the page has it now. */
  foundText?: string;
  comparison: CategoryComparison[];
}

export interface TabView {
  /** `none`: not a known policy page; `pending`: known, the page has not reported yet. */
  status: 'none' | 'pending' | 'ready';
  documents: {
    key: string;
    title: string;
    kind: string;
    platformName: string;
    url: string;
    lastUpdated?: string;
    source: string;
    verification: Verification;
    history: { date: string; summary: string }[];
  }[];
  found: RecordView[];
  notFound: RecordView[];
  timing?: AnchorTiming;
}

export interface ImportReport {
  imported: { file: string; packId: string; platforms: number; documents: number; records: number; skipped: number }[];
  failed: { file: string; error: string }[];
}

/** Sent back over the import port while a large import runs. */
export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** The options page → background, over a port named IMPORT_PORT. */
export type ImportStart = { type: 'start'; files: { name: string; text: string }[] };
/** Background → options page over that port. */
export type ImportUpdate =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'error'; error: string };
export const IMPORT_PORT = 'termlight-import';

export interface FeedStatus {
  lastCheck?: { at: string; outcome: 'updated' | 'unchanged' | 'failed'; message: string };
  lastGood?: {
    at: string;
    url: string;
    packId: string;
    packVersion: string;
    records: number;
    bodySha256: string;
    /** The validators the server sent, for the next conditional request. */
    etag?: string;
    lastModified?: string;
  };
}

export interface FeedState {
  url: string | null;
  status: FeedStatus;
}

export interface CacheSummary {
  packs: PackMeta[];
  totals: { platforms: number; documents: number; records: number };
}

/** Request type → [request fields, reply data]. */
export interface Requests {
  /** `url`: the page's address now (history-API navigation leaves the sender's URL stale). */
  'page/lookup': [{ url: string }, PageLookup | null];
  'page/anchored': [AnchorReport & { url: string }, { badge: string }];
  'page/fingerprints': [PageFingerprints, { verified: Verification[] }];
  'page/open-record': [{ recordKey: string }, { opened: boolean }];
  'popup/tab': [{ tabId: number }, TabView];
  'popup/search': [{ query: string }, SearchHit[]];
  'popup/show-clause': [{ tabId: number; recordKey: string }, { shown: boolean }];
  'options/summary': [{}, CacheSummary];
  'options/restore-bundled': [{}, CacheSummary];
  'options/remove-packs': [{ packIds: string[] }, CacheSummary];
  'options/feed': [{}, FeedState];
  'options/feed-set': [{ url: string | null }, FeedState];
  'options/feed-check': [{}, FeedState];
}
export type RequestType = keyof Requests;
export type Request<T extends RequestType = RequestType> = { type: T } & Requests[T][0];
export type ReplyData<T extends RequestType> = Requests[T][1];
export type Reply<T extends RequestType> = { ok: true; data: ReplyData<T> } | { ok: false; error: string };

/** Background → content script (tabs.sendMessage). */
export type ContentCommand =
  | { type: 'clause/show'; recordKey: string }
  /** The tab's address changed without a new document (history API): look again. */
  | { type: 'page/recheck' };
