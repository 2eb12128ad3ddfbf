/**
 * Every message between the content script, the extension pages and the background, typed
 * once: each type is inferred from its validator in schemas.ts, so a field added to one is in
 * the other. Types only (`import type`): the content script imports this without pulling in zod.
 */
import type { z } from 'zod';
import type {
  anchorReportSchema,
  anchorTimingSchema,
  cacheSummarySchema,
  categoryComparisonSchema,
  contentCommandSchemas,
  contentReplySchemas,
  feedStateSchema,
  feedStatusSchema,
  foundClauseSchema,
  importProgressSchema,
  importReportSchema,
  importStartSchema,
  importUpdateSchema,
  packMetaSchema,
  pageFingerprintsSchema,
  pageLookupSchema,
  pageRecordSchema,
  pageTimingSchema,
  problemSchema,
  removedPackSchema,
  recordViewSchema,
  replySchemas,
  requestSchemas,
  searchHitSchema,
  tabViewSchema,
  verificationSchema,
} from './schemas';

export type PageRecord = z.infer<typeof pageRecordSchema>;
export type PageLookup = z.infer<typeof pageLookupSchema>;
export type PageFingerprints = z.infer<typeof pageFingerprintsSchema>;
export type Verification = z.infer<typeof verificationSchema>;
export type FoundClause = z.infer<typeof foundClauseSchema>;
/** What the content script measured while anchoring, in milliseconds. */
export type PageTiming = z.infer<typeof pageTimingSchema>;
/** The same, with the fingerprinting time once the page sent it (shown in the popup, read by the bench). */
export type AnchorTiming = z.infer<typeof anchorTimingSchema>;
export type AnchorReport = z.infer<typeof anchorReportSchema>;
export type CategoryComparison = z.infer<typeof categoryComparisonSchema>;
export type RecordView = z.infer<typeof recordViewSchema>;
export type TabView = z.infer<typeof tabViewSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type PackMeta = z.infer<typeof packMetaSchema>;
export type CacheSummary = z.infer<typeof cacheSummarySchema>;
export type FeedStatus = z.infer<typeof feedStatusSchema>;
export type FeedState = z.infer<typeof feedStateSchema>;
export type ImportReport = z.infer<typeof importReportSchema>;
export type ImportProgress = z.infer<typeof importProgressSchema>;
/** The kind of failure an import or a feed check met (said in plain words by the options page). */
export type Problem = z.infer<typeof problemSchema>;
/** A removed pack, whole, kept by the options page for Undo. */
export type RemovedPack = z.infer<typeof removedPackSchema>;
/** The options page → background, over a port named IMPORT_PORT. */
export type ImportStart = z.infer<typeof importStartSchema>;
/** Background → options page over that port. */
export type ImportUpdate = z.infer<typeof importUpdateSchema>;
export const IMPORT_PORT = 'termlight-import';

export type RequestType = keyof typeof requestSchemas;
/** A request as the background accepts it (exactly what its validator lets through). */
export type Request<T extends RequestType = RequestType> = { [K in RequestType]: z.infer<(typeof requestSchemas)[K]> }[T];
export type ReplyData<T extends RequestType> = z.infer<(typeof replySchemas)[T]>;
export type Reply<T extends RequestType> = { ok: true; data: ReplyData<T> } | { ok: false; error: string };

/** Background → content script (tabs.sendMessage). */
export type ContentCommandType = keyof typeof contentCommandSchemas;
export type ContentCommand<T extends ContentCommandType = ContentCommandType> = {
  [K in ContentCommandType]: z.infer<(typeof contentCommandSchemas)[K]>;
}[T];
export type ContentReply<T extends ContentCommandType> = z.infer<(typeof contentReplySchemas)[T]>;
