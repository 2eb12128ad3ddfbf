/**
 * The message contract as zod schemas, the one source of truth for it: protocol.ts re-exports
 * the types inferred from these (type-only, so the content script's bundle carries no zod), and
 * whatever arrives from outside the background's own code is parsed with them: requests
 * (validate.ts), the content script's replies, the import port's messages, stored values.
 * Only the background and the extension pages import this module at run time.
 *
 * The wire shapes are our own: the store produces values that satisfy them (checked where the
 * handlers hand them over), so a change to the store's rows cannot silently change a message.
 */
import { z } from 'zod';
import { CATEGORY_IDS, SEVERITIES } from '../records/taxonomy';
import { FAILURE_TEXT_MAX, KEY_MAX } from './limits';

const key = z.string().min(1).max(KEY_MAX);
const pageUrl = z.string().max(8192).regex(/^https?:\/\//);
const ms = z.number().finite().nonnegative().max(3_600_000);
const count = z.number().int().nonnegative();
const severity = z.enum(SEVERITIES);

export const matchMethodSchema = z.enum(['exact', 'normalized', 'fuzzy']);

// ---- What the content script and the background tell each other about a page ----

/**
 * Where a record comes from when it is not Termlight's own (bundled records have none): built
 * by background/record-source.ts, said by ui/record-source.ts wherever the record is shown.
 */
export const recordSourceSchema = z.object({
  /** A pack that calls itself bundled but is not the one shipped is shown as imported. */
  kind: z.enum(['tosdr', 'import', 'feed']),
  /** The source's name ("ToS;DR: Spotify", a feed's own name). */
  name: z.string(),
  /** Whose analysis it is, and its licence (ToS;DR's contributors, CC BY-SA 3.0). */
  credit: z.string().optional(),
  licence: z.string().optional(),
  /** The latest date its data holds (YYYY-MM-DD); absent when it holds none (most ToS;DR services). */
  dataDate: z.string().optional(),
});

/** What the content script needs to anchor and label one record, and no more. */
export const pageRecordSchema = z.object({
  key: z.string(),
  title: z.string(),
  severity,
  /** Absent when the source gives no impact beyond the title. */
  impact: z.string().optional(),
  quote: z.object({ exact: z.string(), prefix: z.string().optional(), suffix: z.string().optional() }),
  /** For the card's source line; absent for Termlight's own records. */
  source: recordSourceSchema.optional(),
});

export const pageLookupSchema = z.object({
  /** `verify`: the document has a recorded fingerprint, so the page should send its own. */
  documents: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      platformName: z.string(),
      verify: z.boolean(),
      contentSelector: z.string().optional(),
    }),
  ),
  records: z.array(pageRecordSchema),
});

/** How one record was found: deterministic and explainable (see src/anchoring). */
export const foundClauseSchema = z.strictObject({
  key,
  method: matchMethodSchema,
  /** 1 for exact and normalised matches; the fuzzy similarity otherwise. */
  score: z.number().min(0).max(1),
  /** For a reworded clause (method 'fuzzy'): the text now on the page, for the word diff. */
  foundText: z.string().max(20_000).optional(),
});

/** What the content script measures while anchoring, in milliseconds. */
export const pageTimingSchema = z.strictObject({
  extractMs: ms,
  anchorMs: ms,
  paintMs: ms,
  /** The longest stretch the work ran without giving the page a turn. */
  longestSliceMs: ms,
  textLength: count,
});

/** The page's timing as the popup and the bench read it: with fingerprinting, once it was done. */
export const anchorTimingSchema = pageTimingSchema.extend({ fingerprintMs: ms.optional() });

export const anchorReportSchema = z.strictObject({
  found: z.array(foundClauseSchema).max(10_000),
  notFound: z.array(key).max(10_000),
  timing: pageTimingSchema,
});

/** The page's fingerprint per document (see anchoring/document-hash.ts). */
export const pageFingerprintsSchema = z.strictObject({
  url: pageUrl,
  ms,
  fingerprints: z
    .array(z.strictObject({ documentKey: key, sha256: z.string().regex(/^[0-9a-f]{64}$/), textLength: count }))
    .max(50),
});

/** Whether the page reads as the version the records were verified against. */
export const verificationSchema = z.object({
  documentKey: z.string(),
  /** 'same': the fingerprints agree; 'changed': they do not; 'pending': not compared yet; 'unknown': nothing recorded. */
  state: z.enum(['same', 'changed', 'pending', 'unknown']),
  verifiedOn: z.string().optional(),
});

// ---- What the popup shows ----

/** "Found in N of M platforms" for one category, with the other platforms' worst clause. */
export const categoryComparisonSchema = z.object({
  category: z.enum(CATEGORY_IDS),
  /** Distinct platforms with a record in this category, this record's platform included. */
  platformsWith: count,
  /** Distinct platforms in the whole store. */
  totalPlatforms: count,
  /** The other platforms' worst record in this category, worst first. */
  others: z.array(z.object({ platformName: z.string(), title: z.string(), severity, excerpt: z.string() })),
});

export const recordViewSchema = z.object({
  key: z.string(),
  documentKey: z.string(),
  title: z.string(),
  severity,
  impact: z.string().optional(),
  whyItMatters: z.string(),
  notes: z.array(z.string()),
  quote: z.string(),
  platformName: z.string(),
  documentTitle: z.string(),
  /** Where the analysis comes from (the document, or the ToS;DR point). */
  sourceUrl: z.string(),
  attribution: z.string().optional(),
  licence: z.string().optional(),
  /** Absent for Termlight's own records. */
  source: recordSourceSchema.optional(),
  /** How the quote was found on the page; absent for records not found. */
  method: matchMethodSchema.optional(),
  /** A reworded clause's text as the page has it now. */
  foundText: z.string().optional(),
  comparison: z.array(categoryComparisonSchema),
});

/**
 * A document as the popup and the record page show it, with what its date story needs
 * (ui/date-story.ts): the publisher's date, when Termlight checked it and against which
 * fingerprint, and the versions Open Terms Archive recorded.
 */
export const documentViewSchema = z.object({
  key: z.string(),
  title: z.string(),
  platformName: z.string(),
  /** The document's address ('' when it has none). */
  url: z.string(),
  /** The publisher's own "last updated" date (YYYY-MM-DD). */
  lastUpdated: z.string().optional(),
  /** When Termlight checked its records against the text (YYYY-MM-DD). */
  lastVerified: z.string().optional(),
  /** The fingerprint of the text it checked: the history entry with this one is that version. */
  sha256: z.string().optional(),
  source: z.string(),
  /** Where the document's data comes from when it is not Termlight's own (its age is said from it). */
  dataSource: recordSourceSchema.optional(),
  verification: verificationSchema,
  /** Oldest first; `date`: when Open Terms Archive first recorded that version. */
  history: z.array(z.object({ date: z.string(), sha256: z.string().optional(), summary: z.string() })),
});

export const tabViewSchema = z.object({
  /**
   * `none`: not a known policy page; `pending`: known, the page has not reported yet; `failed`:
   * the page's script reported an error instead (`error`).
   */
  status: z.enum(['none', 'pending', 'ready', 'failed']),
  error: z.string().optional(),
  /** Why the bundled records could not be loaded at install, while that is still so. */
  setupProblem: z.string().optional(),
  documents: z.array(documentViewSchema),
  found: z.array(recordViewSchema),
  notFound: z.array(recordViewSchema),
  timing: anchorTimingSchema.optional(),
});

/** A platform found by search; its summary is asked for when the reader opens it ('popup/platform'). */
export const searchPlatformHitSchema = z.object({
  kind: z.literal('platform'),
  platformId: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  documents: count,
  /** How many clauses its sources record. */
  records: count,
  /** A grade some source gives the service (ToS;DR's class), with who gave it. */
  rating: z.object({ grade: z.string(), source: z.string() }).optional(),
});

/** A clause found by search: its title and what it means first, the quote as a short excerpt. */
export const searchRecordHitSchema = z.object({
  kind: z.literal('record'),
  recordKey: z.string(),
  platformName: z.string(),
  documentTitle: z.string(),
  documentUrl: z.string(),
  title: z.string(),
  severity,
  /** What it means for the reader in one line, when it says more than the title. */
  impact: z.string().optional(),
  excerpt: z.string(),
  /** Whose analysis it is, when it is not ours (imported records keep their credit). */
  credit: z.string().optional(),
});

export const searchHitSchema = z.discriminatedUnion('kind', [searchPlatformHitSchema, searchRecordHitSchema]);

/** One page of search results of each kind, best first, with how many match in all. */
export const searchReplySchema = z.object({
  platforms: z.object({ total: count, hits: z.array(searchPlatformHitSchema) }),
  records: z.object({ total: count, hits: z.array(searchRecordHitSchema) }),
});

/**
 * The full record page (popup/record.html): one record with its document and, when it was opened
 * from a tab still on that document, how the page compares (the date story's "this page is the
 * version checked") and whether "Show in page" can find the clause there. Null when the record is
 * no longer stored.
 */
export const recordPageSchema = z
  .object({
    record: recordViewSchema,
    document: documentViewSchema.optional(),
    page: z
      .object({
        state: verificationSchema.shape.state,
        counts: z.object({ same: count, reworded: count, missing: count }),
        /** The clause is highlighted on the tab's page. */
        found: z.boolean(),
      })
      .optional(),
  })
  .nullable();

// ---- The popup on any page: what the records say about its site ----

/** A page's host as URL.hostname gives it: the popup sends this for the site view, never the address. */
export const siteHostSchema = z.string().min(1).max(253).regex(/^[a-z0-9.-]+$/);

/** How many records a platform has, per severity (every severity named, 0 included). */
export const severityCountsSchema = z.record(severity, count);

/** One record in the site view: enough to read it at a glance, with whose analysis it is. */
export const siteRecordSchema = z.object({
  key: z.string(),
  title: z.string(),
  severity,
  impact: z.string().optional(),
  excerpt: z.string(),
  documentTitle: z.string(),
  /** The source's name ("Termlight records", "ToS;DR: Signal"). */
  source: z.string(),
  /** Whose analysis it is and its licence, when it is not ours. */
  credit: z.string().optional(),
});

/** A platform's summary (the site view's, and a platform opened from search). */
export const platformSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  domains: z.array(z.string()),
  /** A grade some source gives the service as a whole (ToS;DR's class), with who gave it. */
  rating: z.object({ grade: z.string(), source: z.string() }).optional(),
  counts: severityCountsSchema,
  recordCount: count,
  /** Worst first; at most SITE_RECORDS_MAX of `recordCount`. */
  records: z.array(siteRecordSchema),
  documents: z.array(z.object({ title: z.string(), url: z.string(), source: z.string() })),
  /** Every source describing it, with its version and date (a ToS;DR version names its data's date). */
  sources: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['bundled', 'tosdr', 'import', 'feed']),
      version: z.string(),
      publishedAt: z.string(),
      credit: z.string().optional(),
      records: count,
    }),
  ),
});

/** A platform in the site view: its summary, and how the site was tied to it. */
export const sitePlatformSchema = platformSummarySchema.extend({
  /** `domain`: the platform lists this host or a parent domain; `document`: one of its documents is served here. */
  matchedBy: z.object({ kind: z.enum(['domain', 'document']), host: z.string() }),
});

/** The most records one platform lists in the site view (the counts cover them all). */
export const SITE_RECORDS_MAX = 300;

export const siteViewSchema = z.object({
  host: z.string(),
  platforms: z.array(sitePlatformSchema),
  /** This tab asked for highlights on this site ("Highlight on this page", its shortcut or menu item). */
  onDemand: z.boolean(),
});

/**
 * What "Highlight on this page" did: `started` (the page's script is looking; its result comes
 * as the tab's clauses), `nothing` (no record about the site), `unavailable` (the browser lets no
 * extension into this page: a browser or store page, a local file without access).
 */
export const highlightOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('started'), host: z.string(), platforms: z.array(z.string()) }),
  z.object({ outcome: z.literal('nothing'), host: z.string() }),
  z.object({ outcome: z.literal('unavailable'), error: z.string().optional() }),
]);

// ---- The options page ----

export const packMetaSchema = z.object({
  packId: z.string(),
  packVersion: z.string(),
  publishedAt: z.string(),
  source: z.object({
    kind: z.enum(['bundled', 'tosdr', 'import', 'feed']),
    name: z.string(),
    url: z.string().optional(),
    attribution: z.string().optional(),
    licence: z.string().optional(),
  }),
  /** When this copy was written to the store (ISO timestamp). */
  storedAt: z.string(),
  counts: z.object({ platforms: count, documents: count, records: count }),
});

export const cacheSummarySchema = z.object({
  packs: z.array(packMetaSchema),
  totals: z.object({ platforms: count, documents: count, records: count }),
});

/**
 * The kind of failure an import or a feed check met: the options page says it in plain words
 * (popup/options/plain-errors.ts), with the technical message that came with it folded below.
 */
export const problemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('not-json') }),
  /** `issues`: the validator's lines, each with its JSON path (`records[0].severity: …`). */
  z.object({ kind: z.literal('invalid'), format: z.enum(['termlight', 'tosdr']), issues: z.array(z.string()).max(20) }),
  z.object({ kind: z.literal('unknown-file') }),
  z.object({ kind: z.literal('too-large'), limitMb: z.number() }),
  z.object({ kind: z.literal('storage'), full: z.boolean() }),
  z.object({ kind: z.literal('http'), status: z.number().int() }),
  z.object({ kind: z.literal('unreachable') }),
  z.object({ kind: z.literal('timeout'), seconds: z.number() }),
  z.object({ kind: z.literal('redirect') }),
  z.object({ kind: z.literal('other') }),
]);

/**
 * A pack the options page removed, whole, kept by the page while it offers Undo
 * (background/pack-copies.ts); `pack` is validated in full when it comes back.
 */
export const removedPackSchema = z.strictObject({ storedAt: z.string(), pack: z.unknown() });

/** Also what storage.local keeps between checks (background/feed.ts), read back through this. */
export const feedStatusSchema = z.object({
  lastCheck: z
    .object({
      at: z.string(),
      outcome: z.enum(['updated', 'unchanged', 'failed']),
      message: z.string(),
      /** Why a failed check failed (absent in statuses kept by older versions). */
      problem: problemSchema.optional(),
    })
    .optional(),
  lastGood: z
    .object({
      at: z.string(),
      url: z.string(),
      packId: z.string(),
      packVersion: z.string(),
      records: count,
      bodySha256: z.string(),
      /** The validators the server sent, for the next conditional request. */
      etag: z.string().optional(),
      lastModified: z.string().optional(),
    })
    .optional(),
});

export const feedStateSchema = z.object({ url: z.string().nullable(), status: feedStatusSchema });

export const importReportSchema = z.object({
  imported: z.array(
    z.object({ file: z.string(), packId: z.string(), platforms: count, documents: count, records: count, skipped: count }),
  ),
  failed: z.array(z.object({ file: z.string(), error: z.string(), problem: problemSchema.optional() })),
});

/**
 * Sent back over the import port while a large import runs: files checked, then files stored
 * (`total`: the good files only). The page adds its own reading phase (options/progress.ts).
 */
export const importProgressSchema = z.object({ phase: z.enum(['checking', 'writing']), done: count, total: count });

/** The options page → background, over the import port: the one message it accepts. */
export const importStartSchema = z.strictObject({
  type: z.literal('start'),
  files: z.array(z.strictObject({ name: z.string().max(1000), text: z.string() })).min(1).max(5000),
});

/** Background → options page over that port. */
export const importUpdateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: importProgressSchema }),
  z.object({ type: z.literal('done'), report: importReportSchema }),
  z.object({ type: z.literal('error'), error: z.string(), problem: problemSchema.optional() }),
]);

// ---- Automatic highlights on the sites of imported and feed records (background/reach.ts) ----

/** A site whose access the reader took back in the browser's settings, and whether they were told. */
export const revokedSiteSchema = z.object({ site: z.string(), seen: z.boolean() });

/** What storage.local keeps between runs (background/reach-sync.ts), read back through this. */
export const reachStateSchema = z.object({
  /** Packs withdrawn from automatic highlights. */
  withdrawn: z.array(z.string()),
  /** Optional sites allowed when last looked at (`https://host/*`). */
  granted: z.array(z.string()),
  revoked: z.array(revokedSiteSchema),
});

/** Per pack, the sites (`https://host/*`) of its pages the manifest's content script does not run on; which are allowed. */
export const reachViewSchema = z.object({
  packs: z.array(z.object({ packId: z.string(), sites: z.array(z.string()) })),
  allowed: z.array(z.string()),
  withdrawn: z.array(z.string()),
  revoked: z.array(revokedSiteSchema),
});

// ---- Requests to the background, and what each answers ----

export const requestSchemas = {
  /** `url`: the page's address now (history-API navigation leaves the sender's URL stale). */
  'page/lookup': z.strictObject({ type: z.literal('page/lookup'), url: pageUrl }),
  'page/anchored': anchorReportSchema.extend({ type: z.literal('page/anchored'), url: pageUrl }),
  'page/fingerprints': pageFingerprintsSchema.extend({ type: z.literal('page/fingerprints') }),
  'page/open-record': z.strictObject({ type: z.literal('page/open-record'), recordKey: key }),
  /** The page's run threw: the popup says so instead of waiting for clauses that will not come. */
  'page/failed': z.strictObject({ type: z.literal('page/failed'), url: pageUrl, error: z.string().min(1).max(FAILURE_TEXT_MAX) }),
  'popup/tab': z.strictObject({ type: z.literal('popup/tab'), tabId: count }),
  /** `recordOffset`, `platformOffset`: where the page of each kind starts ("Show more"). */
  'popup/search': z.strictObject({
    type: z.literal('popup/search'),
    query: z.string().max(500),
    recordOffset: count.max(100_000).optional(),
    platformOffset: count.max(100_000).optional(),
  }),
  /** A platform's summary, opened from a search result. */
  'popup/platform': z.strictObject({ type: z.literal('popup/platform'), platformId: key }),
  'popup/show-clause': z.strictObject({ type: z.literal('popup/show-clause'), tabId: count, recordKey: key }),
  /** The full record page: a record, and the tab it was opened from when there is one. */
  'popup/record': z.strictObject({ type: z.literal('popup/record'), recordKey: key, tabId: count.optional() }),
  /** The site of the tab's page, by host only (and the tab, for whether it asked for highlights). */
  'popup/site': z.strictObject({ type: z.literal('popup/site'), host: siteHostSchema, tabId: count.optional() }),
  /** "Highlight on this page": the tab's address is read in the background, under activeTab. */
  'popup/highlight': z.strictObject({ type: z.literal('popup/highlight'), tabId: count }),
  'options/summary': z.strictObject({ type: z.literal('options/summary') }),
  'options/restore-bundled': z.strictObject({ type: z.literal('options/restore-bundled') }),
  'options/remove-packs': z.strictObject({ type: z.literal('options/remove-packs'), packIds: z.array(key).min(1).max(5000) }),
  /** Undo of a removal: the packs it answered, stored again as they were (each validated in full). */
  'options/restore-packs': z.strictObject({ type: z.literal('options/restore-packs'), removed: z.array(removedPackSchema).min(1).max(5000) }),
  'options/feed': z.strictObject({ type: z.literal('options/feed') }),
  'options/feed-set': z.strictObject({ type: z.literal('options/feed-set'), url: z.string().max(2000).nullable() }),
  'options/feed-check': z.strictObject({ type: z.literal('options/feed-check') }),
  /** Where automatic highlights stand (brought in line with the records and grants first). */
  'reach/status': z.strictObject({ type: z.literal('reach/status') }),
  /** Sent after permissions.request said yes: these packs are no longer withdrawn. */
  'reach/granted': z.strictObject({ type: z.literal('reach/granted'), packIds: z.array(key).max(5000) }),
  'reach/withdraw': z.strictObject({ type: z.literal('reach/withdraw'), packIds: z.array(key).min(1).max(5000) }),
  /** The notice of sites taken back in the browser's settings was read. */
  'reach/dismiss': z.strictObject({ type: z.literal('reach/dismiss') }),
};

/** What the content script's "Show in page" answers (content/session.ts). */
export const showClauseReplySchema = z.object({ shown: z.boolean() });

export const replySchemas = {
  'page/lookup': pageLookupSchema.nullable(),
  'page/anchored': z.object({ badge: z.string() }),
  'page/fingerprints': z.object({ verified: z.array(verificationSchema) }),
  'page/open-record': z.object({ opened: z.boolean() }),
  /** `recorded`: false when the address the page reports is not on the origin it came from. */
  'page/failed': z.object({ recorded: z.boolean() }),
  'popup/tab': tabViewSchema,
  'popup/search': searchReplySchema,
  /** null when no source describes it any more. */
  'popup/platform': platformSummarySchema.nullable(),
  'popup/show-clause': showClauseReplySchema,
  'popup/record': recordPageSchema,
  'popup/site': siteViewSchema,
  'popup/highlight': highlightOutcomeSchema,
  'options/summary': cacheSummarySchema,
  'options/restore-bundled': cacheSummarySchema,
  /** `removed`: the removed packs whole, so the options page can undo the removal. */
  'options/remove-packs': cacheSummarySchema.extend({ removed: z.array(removedPackSchema) }),
  'options/restore-packs': cacheSummarySchema,
  'options/feed': feedStateSchema,
  'options/feed-set': feedStateSchema,
  'options/feed-check': feedStateSchema,
  'reach/status': reachViewSchema,
  'reach/granted': reachViewSchema,
  /** `removed`: the sites whose access was given back. */
  'reach/withdraw': reachViewSchema.extend({ removed: z.array(z.string()) }),
  'reach/dismiss': reachViewSchema,
} satisfies { [T in keyof typeof requestSchemas]: z.ZodType };

// ---- Background → content script (tabs.sendMessage) ----

export const contentCommandSchemas = {
  'clause/show': z.strictObject({ type: z.literal('clause/show'), recordKey: key }),
  /** The tab's address changed without a new document (history API): look again. */
  'page/recheck': z.strictObject({ type: z.literal('page/recheck') }),
};

export const contentReplySchemas = {
  'clause/show': showClauseReplySchema,
  'page/recheck': z.object({ ok: z.literal(true) }),
} satisfies { [T in keyof typeof contentCommandSchemas]: z.ZodType };
