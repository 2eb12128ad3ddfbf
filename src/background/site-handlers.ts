/**
 * The popup's requests about the site of any page: what the records say about it (by host
 * only), and "Highlight on this page". Spread into the handlers map (handlers.ts).
 */
import type { Runtime } from 'webextension-polyfill';
import type { ReplyData, Request } from '../messages/protocol';
import { SITE_RECORDS_MAX } from '../messages/schemas';
import { SEVERITIES, type Severity } from '../records/taxonomy';
import { excerpt } from '../store/lookup';
import type { PlatformSummary, Site } from '../store/site';
import { platformById, siteFor } from '../store/site';
import { actionUnderWay, highlightOnDemand, onDemandHost } from './on-demand';
import { database } from './records-db';

export type SiteView = ReplyData<'popup/site'>;
type PlatformSummaryView = NonNullable<ReplyData<'popup/platform'>>;

const credit = (who?: string, licence?: string): string | undefined =>
  who ? (licence ? `${who}, ${licence}` : who) : undefined;

/** A platform's summary as the popup shows it (the site view's, and one opened from search). */
function platformView(platform: PlatformSummary): PlatformSummaryView {
  const first = platform.rows[0]!;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const record of platform.records) counts[record.severity]++;
  const sourceOf = new Map(platform.sources.map((s) => [s.pack.packId, s.pack.source]));
  const titles = new Map(platform.documents.map((d) => [d.document.key, d.document.title]));
  const rating = platform.rows.find((row) => row.rating)?.rating;
  return {
    id: platform.id,
    name: first.name,
    domains: [...new Set(platform.rows.flatMap((row) => row.domains))],
    ...(rating ? { rating: { grade: rating.grade, source: rating.source } } : {}),
    counts,
    recordCount: platform.records.length,
    records: platform.records.slice(0, SITE_RECORDS_MAX).map((record) => {
      const who = credit(record.provenance.attribution, record.provenance.licence);
      return {
        key: record.key,
        title: record.title,
        severity: record.severity,
        impact: record.impact,
        excerpt: excerpt(record.quote.exact),
        documentTitle: titles.get(record.documentKey) ?? '',
        source: sourceOf.get(record.packId)?.name ?? record.packId,
        ...(who ? { credit: who } : {}),
      };
    }),
    documents: platform.documents.map(({ document, source }) => ({ title: document.title, url: document.url ?? '', source: source.name })),
    sources: platform.sources.map(({ pack, records }) => {
      const who = credit(pack.source.attribution, pack.source.licence);
      return {
        name: pack.source.name,
        kind: pack.source.kind,
        version: pack.packVersion,
        publishedAt: pack.publishedAt,
        records,
        ...(who ? { credit: who } : {}),
      };
    }),
  };
}

/** The site view of `site`, as the popup shows it. */
export function siteView(site: Site, onDemand: boolean): SiteView {
  return { host: site.host, platforms: site.platforms.map((p) => ({ ...platformView(p), matchedBy: p.matchedBy })), onDemand };
}

type Handler<T extends 'popup/site' | 'popup/highlight' | 'popup/platform'> = (
  request: Request<T>,
  sender: Runtime.MessageSender,
) => Promise<ReplyData<T>>;

export const siteHandlers: {
  'popup/site': Handler<'popup/site'>;
  'popup/highlight': Handler<'popup/highlight'>;
  'popup/platform': Handler<'popup/platform'>;
} = {
  async 'popup/site'(request) {
    // A shortcut's action may be under way as its popup opens: answer once it has started.
    if (request.tabId !== undefined) await actionUnderWay(request.tabId);
    const [site, asked] = await Promise.all([
      database().then((db) => siteFor(db, request.host)),
      request.tabId === undefined ? null : onDemandHost(request.tabId),
    ]);
    return siteView(site, asked === site.host);
  },

  async 'popup/highlight'(request) {
    return highlightOnDemand(request.tabId);
  },

  /** A platform opened from search: the same summary the site view gives it. */
  async 'popup/platform'(request) {
    const platform = await platformById(await database(), request.platformId);
    return platform && platformView(platform);
  },
};
