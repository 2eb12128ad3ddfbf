/**
 * One function per request type. Each gets a request already validated and a sender already
 * checked (dispatcher.ts), and answers with plain data.
 */
import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';
import type {
  CacheSummary,
  CategoryComparison,
  ContentCommand,
  FoundClause,
  Verification,
  PageLookup,
  RecordView,
  ReplyData,
  Request,
  RequestType,
  TabView,
} from '../messages/protocol';
import { POPUP_COMPARISON_OTHERS } from '../messages/limits';
import { pageAddress, parseShowClauseReply } from '../messages/validate';
import type { Database, StoredRecord } from '../store/db';
import { compareRecord, platformNames, warmComparisons } from '../store/compare';
import { bySeverity, getDocuments, getRecords, listPacks } from '../store/lookup';
import { search, warmSearch } from '../store/search';
import { removePacks } from '../store/write';
import { showBadge } from './badge';
import { setupProblem } from './failures';
import { checkFeed, feedState, setFeedUrl } from './feed';
import { database, loadBundled } from './records-db';
import { oneEntryPerDocument } from './document-entries';
import { documentView } from './document-view';
import { pageCounts } from '../ui/date-story';
import { sourcesFor } from './record-source';
import { recordsForPage } from './on-demand';
import { siteHandlers } from './site-handlers';
import { reachHandlers } from './reach-handlers';
import { recordsChanged } from './records-changed';
import { copyPacks, restorePacks } from './pack-copies';
import { clearTabState, getTabState, samePage, setTabState, updateTabState, whenSettled } from './tab-state';

type Handler<T extends RequestType> = (
  request: Request<T>,
  sender: Runtime.MessageSender,
) => Promise<ReplyData<T>>;

const senderTab = (sender: Runtime.MessageSender): number => sender.tab!.id!;

/** How long 'popup/tab' waits for a page still reading before it answers 'pending'. */
const FIRST_ANSWER_WAIT_MS = 1000;

export async function summary(db: Database): Promise<CacheSummary> {
  const packs: CacheSummary['packs'] = await listPacks(db);
  const [platforms, documents, records] = await Promise.all([
    platformNames(db).then((names) => names.size),
    db.count('documents'),
    db.count('records'),
  ]);
  return { packs, totals: { platforms, documents, records } };
}

/**
 * Records as the popup and the record page show them, with their documents and sources read once
 * for all of them; `limit`: at most this many other platforms per comparison (the popup shows
 * that many; the record page, all of them).
 */
async function recordViews(
  db: Database,
  records: readonly StoredRecord[],
  names: ReadonlyMap<string, string>,
  { found, limit }: { found?: ReadonlyMap<string, FoundClause>; limit?: number } = {},
): Promise<RecordView[]> {
  const [docs, sourceOf] = await Promise.all([getDocuments(db, records.map((r) => r.documentKey)), sourcesFor(db, records)]);
  return Promise.all(
    records.map(async (record): Promise<RecordView> => {
      const comparison = await compareRecord(db, record, limit === undefined ? {} : { limit });
      const clause = found?.get(record.key);
      return {
        key: record.key,
        documentKey: record.documentKey,
        title: record.title,
        severity: record.severity,
        impact: record.impact,
        whyItMatters: record.whyItMatters,
        notes: record.notes ?? [],
        quote: record.quote.exact,
        platformName: names.get(record.platformId) ?? record.platformId,
        documentTitle: docs.get(record.documentKey)?.title ?? '',
        sourceUrl: record.provenance.sourceUrl,
        ...(record.provenance.attribution ? { attribution: record.provenance.attribution } : {}),
        ...(record.provenance.licence ? { licence: record.provenance.licence } : {}),
        ...sourceOf(record),
        ...(clause ? { method: clause.method } : {}),
        ...(clause?.foundText ? { foundText: clause.foundText } : {}),
        // The popup names categories in the reader's language and links no other record: the
        // store's English label and the others' keys stay here.
        comparison: comparison.map(
          (c): CategoryComparison => ({
            category: c.category,
            platformsWith: c.platformsWith,
            totalPlatforms: c.totalPlatforms,
            others: c.others.map((o) => ({ platformName: o.platformName, title: o.title, severity: o.severity, excerpt: o.excerpt })),
          }),
        ),
      };
    }),
  );
}

/** One record with every other platform in its comparisons (the record page). */
async function recordView(db: Database, record: StoredRecord, names: ReadonlyMap<string, string>, found?: FoundClause): Promise<RecordView> {
  const [view] = await recordViews(db, [record], names, found ? { found: new Map([[record.key, found]]) } : {});
  return view!;
}

/**
 * Whether a failure to load the bundled records at install still matters: the store may have
 * loaded them since (it does when it finds itself empty), and then the problem is forgotten.
 */
async function stillMissingBundled(db: Database): Promise<boolean> {
  if ((await listPacks(db)).some((pack) => pack.source.kind === 'bundled')) {
    await setupProblem.remove();
    return false;
  }
  return true;
}

export const handlers: { [T in RequestType]: Handler<T> } = {
  ...siteHandlers,
  ...reachHandlers,

  async 'page/lookup'(request, sender) {
    const tabId = senderTab(sender);
    const url = pageAddress(request.url, sender.url);
    if (!url) throw new Error('The page address is not on the sender’s origin');
    const db = await database();
    // The page's documents' records; a platform's, on a page of its site this tab asked to highlight.
    const page = await recordsForPage(db, tabId, url);
    if (page.records.length === 0) {
      await clearTabState(tabId);
      await showBadge(tabId, []);
      return null;
    }
    await setTabState(tabId, {
      url,
      documentKeys: page.documents.map((d) => d.document.key),
      recordKeys: page.records.map((r) => r.key),
      status: 'pending',
      found: [],
      notFound: [],
    });
    const sourceOf = await sourcesFor(db, page.records);
    const lookup: PageLookup = {
      documents: page.documents.map((d) => ({
        key: d.document.key,
        title: d.document.title,
        platformName: d.platform.name,
        verify: Boolean(d.document.sha256),
        ...(d.document.contentSelector ? { contentSelector: d.document.contentSelector } : {}),
      })),
      records: page.records.map((r) => ({
        key: r.key,
        title: r.title,
        severity: r.severity,
        impact: r.impact,
        quote: r.quote,
        ...sourceOf(r),
      })),
    };
    return lookup;
  },

  async 'page/anchored'(request, sender) {
    const tabId = senderTab(sender);
    const url = pageAddress(request.url, sender.url);
    const next = await updateTabState(tabId, (state) => {
      if (!state || !url || !samePage(state.url, url)) return undefined;
      const known = new Set(state.recordKeys);
      const found = request.found.filter((f) => known.has(f.key));
      const foundKeys = new Set(found.map((f) => f.key));
      const notFound = state.recordKeys.filter((key) => !foundKeys.has(key));
      return { ...state, status: 'ready', found, notFound, timing: request.timing };
    });
    if (!next) return { badge: '' };
    const db = await database();
    const records = await getRecords(db, next.found.map((f) => f.key));
    const sourceOf = await sourcesFor(db, records);
    return { badge: await showBadge(tabId, records.map((r) => r.severity), records.flatMap((r) => sourceOf(r).source ?? [])) };
  },

  async 'page/fingerprints'(request, sender) {
    const tabId = senderTab(sender);
    const state = await getTabState(tabId);
    const url = pageAddress(request.url, sender.url);
    if (!state || !url || !samePage(state.url, url)) return { verified: [] };
    const db = await database();
    const verified: Verification[] = [];
    for (const key of state.documentKeys) {
      const doc = await db.get('documents', key);
      if (!doc) continue;
      const sent = request.fingerprints.find((f) => f.documentKey === key);
      verified.push({
        documentKey: key,
        state: !doc.sha256 || !sent ? 'unknown' : sent.sha256 === doc.sha256 ? 'same' : 'changed',
        ...(doc.lastVerified ? { verifiedOn: doc.lastVerified } : {}),
      });
    }
    // Merged into the state as it is now (the page's anchoring may have reported meanwhile),
    // unless the tab has moved on to another page or other documents.
    const merged = await updateTabState(tabId, (current) => {
      if (!current || !samePage(current.url, url) || current.documentKeys.join('\n') !== state.documentKeys.join('\n')) return undefined;
      return {
        ...current,
        verified,
        ...(current.timing ? { timing: { ...current.timing, fingerprintMs: request.ms } } : {}),
      };
    });
    return { verified: merged ? verified : [] };
  },

  async 'page/failed'(request, sender) {
    const tabId = senderTab(sender);
    const url = pageAddress(request.url, sender.url);
    if (!url) return { recorded: false };
    // The page's records, if it had looked them up, so the popup still names its documents.
    const failed = await updateTabState(tabId, (state) => ({
      url,
      documentKeys: state && samePage(state.url, url) ? state.documentKeys : [],
      recordKeys: state && samePage(state.url, url) ? state.recordKeys : [],
      status: 'failed',
      error: request.error,
      found: [],
      notFound: [],
    }));
    await showBadge(tabId, []);
    return { recorded: failed !== undefined };
  },

  async 'page/open-record'(request, sender) {
    const tabId = senderTab(sender);
    // The record page, laid out for a tab; it asks for the record with 'popup/record'.
    const url = browser.runtime.getURL(`popup/record.html?record=${encodeURIComponent(request.recordKey)}&tab=${tabId}`);
    await browser.tabs.create({ url, index: (sender.tab?.index ?? 0) + 1 });
    return { opened: true };
  },

  async 'popup/tab'(request) {
    // The store first: with no storage the page's lookup failed too, and the reader is told why
    // rather than "not a page in your records".
    const [db, first, problem] = await Promise.all([database(), getTabState(request.tabId), setupProblem.get()]);
    // On a recorded page, the comparisons (needed last) are built while the rest is read or awaited.
    if (first) void warmComparisons(db).catch(() => undefined);
    let state = first;
    if (state?.status === 'pending') {
      // The page is still reading: answer when it is done (or at the latest after a moment),
      // rather than 'pending' and the popup asking again 250 ms later.
      const settled = whenSettled(request.tabId, FIRST_ANSWER_WAIT_MS);
      if ((state = await getTabState(request.tabId))?.status === 'pending') {
        await settled;
        state = await getTabState(request.tabId);
      }
    }
    const setup = problem && (await stillMissingBundled(db)) ? { setupProblem: problem.message } : {};
    if (!state) return { status: 'none', documents: [], found: [], notFound: [], ...setup } satisfies TabView;
    const names = await platformNames(db);
    const documents: TabView['documents'] = [];
    for (const key of state.documentKeys) {
      const entry = await documentView(db, key, names, state.verified?.find((v) => v.documentKey === key));
      if (entry) documents.push(entry);
    }
    documents.splice(0, documents.length, ...(await oneEntryPerDocument(db, documents)));
    if (state.status === 'failed') {
      return { status: 'failed', error: state.error ?? '', documents, found: [], notFound: [], ...setup };
    }
    const foundBy = new Map(state.found.map((f) => [f.key, f]));
    const notFoundKeys = state.status === 'ready' ? state.notFound : [];
    const rows = await getRecords(db, [...foundBy.keys(), ...notFoundKeys]);
    const found = bySeverity(rows.filter((r) => foundBy.has(r.key)));
    const notFound = bySeverity(rows.filter((r) => !foundBy.has(r.key)));
    const [foundViews, notFoundViews] = await Promise.all([
      recordViews(db, found, names, { found: foundBy, limit: POPUP_COMPARISON_OTHERS }),
      recordViews(db, notFound, names, { limit: POPUP_COMPARISON_OTHERS }),
    ]);
    return {
      status: state.status,
      documents,
      found: foundViews,
      notFound: notFoundViews,
      ...(state.timing ? { timing: state.timing } : {}),
      ...setup,
    };
  },

  async 'popup/search'(request) {
    const db = await database();
    // Asked with nothing typed yet (the box was focused): the index is built for the words to come.
    if (!request.query.trim()) void warmSearch(db).catch(() => undefined);
    return search(db, request.query, { recordOffset: request.recordOffset, platformOffset: request.platformOffset });
  },

  async 'popup/show-clause'(request) {
    const command: ContentCommand<'clause/show'> = { type: 'clause/show', recordKey: request.recordKey };
    return parseShowClauseReply(await browser.tabs.sendMessage(request.tabId, command));
  },

  async 'popup/record'(request) {
    const db = await database();
    const [record] = await getRecords(db, [request.recordKey]);
    if (!record) return null;
    const state = request.tabId === undefined ? undefined : await getTabState(request.tabId);
    // What the tab says counts only while it is still on this record's document.
    const onDocument = state?.status === 'ready' && state.documentKeys.includes(record.documentKey) ? state : undefined;
    const found = onDocument?.found.find((f) => f.key === record.key);
    const names = await platformNames(db);
    const [view, document] = await Promise.all([
      recordView(db, record, names, found),
      documentView(db, record.documentKey, names, onDocument?.verified?.find((v) => v.documentKey === record.documentKey)),
    ]);
    if (!onDocument) return { record: view, ...(document ? { document } : {}) };
    // The page's clauses of this document: read the same, reworded, not found.
    const methods = new Map(onDocument.found.map((f) => [f.key, f.method]));
    const rows = await getRecords(db, [...methods.keys(), ...onDocument.notFound]);
    const clauses = rows.map((r) => ({ documentKey: r.documentKey, method: methods.get(r.key) }));
    return {
      record: view,
      ...(document ? { document } : {}),
      page: {
        state: document?.verification.state ?? 'unknown',
        counts: pageCounts(
          record.documentKey,
          clauses.filter((c) => c.method !== undefined),
          clauses.filter((c) => c.method === undefined),
        ),
        found: found !== undefined,
      },
    };
  },

  async 'options/summary'() {
    return summary(await database());
  },

  async 'options/restore-bundled'() {
    const db = await database();
    await loadBundled(db);
    await setupProblem.remove();
    return summary(db);
  },

  async 'options/feed'() {
    return feedState();
  },

  async 'options/feed-set'(request) {
    await setFeedUrl(request.url);
    return request.url ? checkFeed() : feedState();
  },

  async 'options/feed-check'() {
    return checkFeed();
  },

  async 'options/remove-packs'(request) {
    const db = await database();
    // Kept by the options page while it offers Undo (pack-copies.ts).
    const removed = await copyPacks(db, request.packIds);
    await removePacks(db, request.packIds);
    // Their sites no other source needs are given back (automatic highlights, reach.ts).
    await recordsChanged();
    return { ...(await summary(db)), removed };
  },

  async 'options/restore-packs'(request) {
    const db = await database();
    await restorePacks(db, request.removed);
    await recordsChanged();
    return summary(db);
  },
};
