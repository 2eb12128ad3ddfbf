/**
 * Automatic highlights on the sites of imported and feed records: the decisions only, with no
 * browser API, so that the background (reach-sync.ts) and the extension pages (which must know
 * what to ask for before the click that asks) decide alike.
 *
 * The manifest's content script runs on the bundled documents' pages only. Other documents get a
 * content script registered at run time, on the sites the reader allowed (optional host
 * permissions). Both browsers grant host access per site whatever path is asked for (seen in
 * Chromium and Firefox: `permissions.getAll()` answers `https://host/*`), so a site is asked for
 * as `https://host/*`, and its documents' own pages are what the script is registered on.
 */
import type { z } from 'zod';
import type { ReplyData } from '../messages/protocol';
import type { reachStateSchema } from '../messages/schemas';
import { toMatchPattern } from '../records/url-pattern';

/** A browser match pattern cut into its parts; `<all_urls>` is `*://*` with any path. */
interface MatchParts {
  scheme: string;
  host: string;
  path: string;
}

const MATCH_SHAPE = /^(\*|https?|wss?|ftp|file):\/\/([^/]*)(\/.*)$/;

function parseMatch(pattern: string): MatchParts | null {
  if (pattern === '<all_urls>') return { scheme: '*', host: '*', path: '/*' };
  const m = MATCH_SHAPE.exec(pattern);
  return m ? { scheme: m[1]!, host: m[2]!.toLowerCase(), path: m[3]! } : null;
}

/** Whether host pattern `wide` (`*`, `*.example.com` or a host) takes in every host `narrow` does. */
function hostCovers(wide: string, narrow: string): boolean {
  if (wide === '*' || wide === narrow) return true;
  if (!wide.startsWith('*.')) return false;
  const base = wide.slice(2);
  const bare = narrow.startsWith('*.') ? narrow.slice(2) : narrow;
  return bare === base || bare.endsWith(`.${base}`);
}

const schemeCovers = (wide: string, narrow: string) => wide === narrow || (wide === '*' && /^(https?|\*)$/.test(narrow));

const globRegExp = (glob: string) =>
  new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/**
 * True when match pattern `wide` matches every page `narrow` matches: scheme, host, and a path glob
 * whose `*` can stand for anything `narrow`'s path holds (its `*` read as a character).
 */
export function matchCovers(wide: string, narrow: string): boolean {
  const [w, n] = [parseMatch(wide), parseMatch(narrow)];
  if (!w || !n) return false;
  return schemeCovers(w.scheme, n.scheme) && hostCovers(w.host, n.host) && globRegExp(w.path).test(n.path);
}

/** The site a match pattern is on, as host access is granted: `https://docs.example.com/*`. */
export function siteOf(match: string): string {
  const parts = parseMatch(match);
  return parts ? `https://${parts.host}/*` : match;
}

/** The host a site names, for people: `docs.example.com` (a subdomain wildcard kept: `*.example.com`). */
export function siteHost(site: string): string {
  return parseMatch(site)?.host ?? site;
}

/** Whether host access granted as `granted` (any path: browsers grant per site) reaches `site`. */
export function grantReaches(granted: string, site: string): boolean {
  const [g, s] = [parseMatch(granted), parseMatch(site)];
  return Boolean(g && s && schemeCovers(g.scheme, s.scheme) && hostCovers(g.host, s.host));
}

/** Match patterns without repeats or ones another covers, sorted (a registration's `matches`). */
export function distinctMatches(matches: Iterable<string>): string[] {
  const unique = [...new Set(matches)].sort();
  return unique.filter((narrow) => !unique.some((wide) => wide !== narrow && matchCovers(wide, narrow)));
}

/** What the built manifest already gives: where its content script runs, and its required host access. */
export interface ManifestReach {
  contentMatches: readonly string[];
  hostPermissions: readonly string[];
}

/** One stored pack (bundled ones left out): its id and every URL pattern of its documents. */
export interface PackPatterns {
  packId: string;
  urlPatterns: readonly string[];
}

/** A pack's pages the manifest's content script does not run on, and the sites they are on. */
export interface PackReach {
  packId: string;
  /** Browser match patterns, one per document address, those the manifest covers left out. */
  matches: string[];
  /** Their sites (`https://host/*`), sorted. */
  sites: string[];
}

export function packReach(pack: PackPatterns, manifest: ManifestReach): PackReach {
  const matches = distinctMatches(
    pack.urlPatterns.flatMap((pattern) => {
      try {
        return [toMatchPattern(pattern)];
      } catch {
        return []; // the pack schema refuses such patterns; a stored one is ignored, not fatal
      }
    }),
  ).filter((match) => !manifest.contentMatches.some((covered) => matchCovers(covered, match)));
  return { packId: pack.packId, matches, sites: [...new Set(matches.map(siteOf))].sort() };
}

/** What is kept between runs (storage.local): withdrawn packs, optional sites last seen allowed, sites revoked. */
export type ReachState = z.infer<typeof reachStateSchema>;

export const EMPTY_REACH_STATE: ReachState = { withdrawn: [], granted: [], revoked: [] };

/** Allowed: within the manifest's required host access, or granted (by the reader, at run time). */
export function siteAllowed(site: string, granted: readonly string[], manifest: ManifestReach): boolean {
  return [...manifest.hostPermissions, ...granted].some((g) => grantReaches(g, site));
}

const isRequired = (site: string, manifest: ManifestReach) => manifest.hostPermissions.some((g) => grantReaches(g, site));

export interface ReachPlan {
  /** Host access to give back (`permissions.remove`): sites no pack the reader keeps needs. */
  remove: string[];
  /** Where the content script is registered: active packs' pages on allowed sites ([]: none). */
  matches: string[];
  /** Sites noticed taken back in the browser's settings just now. */
  revokedNow: string[];
  state: ReachState;
}

/**
 * The one decision, from the records, what the browser has granted and what was kept:
 * - host access the extension asked for is given back once no pack it was for is kept (removed,
 *   withdrawn, or a feed update that dropped the site); access it never managed (say "all
 *   sites" granted in the browser's settings) is left alone;
 * - the content script is registered on the kept packs' pages on allowed sites;
 * - a site that was allowed and is not any more, without Termlight giving it back, was taken
 *   back in the browser's settings: it is remembered to be said, and is not offered again.
 */
export function planReach(input: {
  packs: readonly PackReach[];
  granted: readonly string[];
  manifest: ManifestReach;
  state: ReachState;
}): ReachPlan {
  const { packs, manifest, state } = input;
  const withdrawn = new Set(state.withdrawn);
  const active = packs.filter((p) => !withdrawn.has(p.packId));
  const neededByActive = new Set(active.flatMap((p) => p.sites));
  const neededByAny = new Set(packs.flatMap((p) => p.sites));
  const managed = new Set([...state.granted, ...neededByAny]);

  const remove = [...new Set(input.granted)]
    .filter((g) => managed.has(g) && !neededByActive.has(g) && !isRequired(g, manifest))
    .sort();
  const granted = input.granted.filter((g) => !remove.includes(g));
  const allowed = (site: string) => siteAllowed(site, granted, manifest);

  const matches = distinctMatches(active.flatMap((p) => p.matches.filter((m) => allowed(siteOf(m)))));
  const optionalAllowed = [...neededByAny].filter((s) => allowed(s) && !isRequired(s, manifest)).sort();
  const revokedNow = state.granted.filter((s) => !allowed(s) && !remove.includes(s) && neededByActive.has(s));
  const revoked = [...state.revoked.filter((r) => !revokedNow.includes(r.site)), ...revokedNow.map((site) => ({ site, seen: false }))]
    .filter((r) => !allowed(r.site) && neededByActive.has(r.site))
    .sort((a, b) => a.site.localeCompare(b.site));
  return {
    remove,
    matches,
    revokedNow,
    state: { withdrawn: state.withdrawn.filter((id) => packs.some((p) => p.packId === id)), granted: optionalAllowed, revoked },
  };
}

/** What the extension pages are told (the reply of 'reach/status', schemas.ts). */
export type ReachView = ReplyData<'reach/status'>;

/**
 * The one action the pages offer: every site of the packs not withdrawn that is not allowed yet,
 * except those the reader took back in the browser's settings (offered there only on request).
 */
export function offeredSites(view: ReachView): string[] {
  const skip = new Set([...view.allowed, ...view.revoked.map((r) => r.site)]);
  const withdrawn = new Set(view.withdrawn);
  return [...new Set(view.packs.filter((p) => !withdrawn.has(p.packId)).flatMap((p) => p.sites))].filter((s) => !skip.has(s)).sort();
}

/** How one source (one or more packs, as the options page groups them) stands. */
export interface SourceReach {
  /** Sites of its pages the manifest does not cover. */
  sites: number;
  allowed: number;
  /** The reader withdrew it (every pack of it that has such pages). */
  withdrawn: boolean;
  /** Its sites not allowed, which its own "allow" asks for. */
  missing: string[];
}

export function sourceReach(view: ReachView, packIds: readonly string[]): SourceReach {
  const ids = new Set(packIds);
  const packs = view.packs.filter((p) => ids.has(p.packId));
  const sites = [...new Set(packs.flatMap((p) => p.sites))].sort();
  const allowed = new Set(view.allowed);
  return {
    sites: sites.length,
    allowed: sites.filter((s) => allowed.has(s)).length,
    withdrawn: packs.length > 0 && packs.every((p) => view.withdrawn.includes(p.packId)),
    missing: sites.filter((s) => !allowed.has(s)),
  };
}
