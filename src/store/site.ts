/**
 * What the records say about a site, asked by host: the platforms it belongs to, across every
 * source, with their documents, sources and records. The popup shows it on any page, and a page
 * the reader asked to highlight gets those platforms' records (background/on-demand.ts).
 */
import type { PackSource } from '../records/schema';
import type { Database, PackMeta, StoredDocument, StoredPlatform, StoredRecord } from './db';
import { bySeverity } from './lookup';

/** How a site was tied to a platform: a domain the platform lists, or where its documents are. */
export interface SiteMatch {
  kind: 'domain' | 'document';
  /** The host or parent domain that matched (`instagram.com` for help.instagram.com). */
  host: string;
}

export interface SiteSource {
  pack: PackMeta;
  /** How many of this platform's records come from it. */
  records: number;
}

/** One platform across every source that describes it. */
export interface PlatformSummary {
  id: string;
  /** The platform as each source describes it, in the order the sources were found. */
  rows: StoredPlatform[];
  documents: { document: StoredDocument; source: PackSource }[];
  sources: SiteSource[];
  /** Every record of its documents, from every source, worst first. */
  records: StoredRecord[];
}

/** A platform of a site, and how the site was tied to it. */
export interface SitePlatform extends PlatformSummary {
  matchedBy: SiteMatch;
}

export interface Site {
  host: string;
  platforms: SitePlatform[];
}

/** A lowercase DNS name of two labels or more, as URL.hostname gives it (no IP address, no port). */
const HOST_SHAPE = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)+$/;

/** Whether `host` can be looked up at all (a page's hostname; not an IP address or a bare word). */
export function isSiteHost(host: string): boolean {
  return HOST_SHAPE.test(host) && !/^\d+(\.\d+){3}$/.test(host);
}

/**
 * The names a site may be listed under, most specific first: the host, its parent domains down
 * to two labels, and the `www.` form of a bare host (a source may list `www.example.com`).
 */
export function siteHosts(host: string): string[] {
  const parts = host.replace(/\.$/, '').toLowerCase().split('.');
  const hosts: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) hosts.push(parts.slice(i).join('.'));
  if (parts[0] !== 'www' && hosts.length > 0) hosts.splice(1, 0, `www.${hosts[0]}`);
  return hosts;
}

/**
 * The platforms a site belongs to: those listing the host or a parent domain among their domains
 * first, then those with a document on it (a privacy policy served from another company's host).
 */
async function platformMatches(db: Database, host: string): Promise<Map<string, SiteMatch>> {
  const found = new Map<string, SiteMatch>();
  const hosts = siteHosts(host);
  const byDomain = await Promise.all(hosts.map((h) => db.getAllFromIndex('platforms', 'domains', h)));
  hosts.forEach((h, i) => {
    for (const row of byDomain[i]!) if (!found.has(row.id)) found.set(row.id, { kind: 'domain', host: h });
  });
  const byDocument = await Promise.all(hosts.map((h) => db.getAllFromIndex('documents', 'hosts', h)));
  hosts.forEach((h, i) => {
    for (const doc of byDocument[i]!) if (!found.has(doc.platformId)) found.set(doc.platformId, { kind: 'document', host: h });
  });
  return found;
}

async function platformSummary(db: Database, id: string, packs: Map<string, PackMeta>): Promise<PlatformSummary | null> {
  const rows = (await db.getAllFromIndex('platforms', 'id', id)).filter((row) => packs.has(row.packId));
  if (rows.length === 0) return null;
  const documents: SitePlatform['documents'] = [];
  const records: StoredRecord[] = [];
  const perPack = new Map<string, number>();
  for (const row of rows) {
    for (const document of await db.getAllFromIndex('documents', 'platformKey', row.key)) {
      documents.push({ document, source: packs.get(document.packId)!.source });
      const own = await db.getAllFromIndex('records', 'documentKey', document.key);
      records.push(...own);
      perPack.set(row.packId, (perPack.get(row.packId) ?? 0) + own.length);
    }
  }
  return {
    id,
    rows,
    documents,
    sources: rows.map((row) => ({ pack: packs.get(row.packId)!, records: perPack.get(row.packId) ?? 0 })),
    records: bySeverity(records),
  };
}

/**
 * Everything the records hold about the site at `host`: one entry per platform (however many
 * sources describe it), the platforms listed for the host first. Nothing for a host that is not
 * a site name (an IP address, `localhost`).
 */
export async function siteFor(db: Database, host: string): Promise<Site> {
  const name = host.replace(/\.$/, '').toLowerCase();
  if (!isSiteHost(name)) return { host: name, platforms: [] };
  const [matches, packs] = await Promise.all([platformMatches(db, name), db.getAll('packs')]);
  const packsById = new Map(packs.map((p) => [p.packId, p]));
  const platforms: SitePlatform[] = [];
  for (const [id, matchedBy] of matches) {
    const platform = await platformSummary(db, id, packsById);
    if (platform) platforms.push({ ...platform, matchedBy });
  }
  return { host: name, platforms };
}

/** One platform by its id, across every source (a platform opened from search); null if none describes it. */
export async function platformById(db: Database, id: string): Promise<PlatformSummary | null> {
  const packs = await db.getAll('packs');
  return platformSummary(db, id, new Map(packs.map((p) => [p.packId, p])));
}
