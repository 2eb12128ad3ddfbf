/**
 * When two document entries are one document: a ToS;DR service names the same page under two
 * link keys, and a platform described by two sources (bundled and ToS;DR) has the same page in
 * each. Shown twice, a reader sees "4 documents" for a platform with two pages. Addresses that
 * differ only by scheme, case or a trailing slash are the same page only when the titles agree
 * too: a path's case can matter to a server. Entries of two sources whose URL patterns each
 * claim the other's address are one document as Termlight matches pages (Spotify's `/us/` terms
 * and its `/{locale}/` pattern; Google's privacy policy with `?hl=nl` and with `?hl=en-GB`).
 * Within one source patterns do not count: a ToS;DR pattern drops the query, so Amazon's help
 * pages, told apart by `?nodeId=`, share one.
 */
import { urlMatchesAny } from './url-pattern';

/** The address as the URL parser writes it, without its fragment; null when it is not one. */
function exactAddress(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** `HTTP://Example.com/Terms/` and `https://example.com/terms` read alike. */
function looseAddress(url: string): string | null {
  const exact = exactAddress(url);
  return exact && exact.toLowerCase().replace(/^https?:\/\//, '').replace(/\/+(?=\?|$)/, '');
}

const sameTitle = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

export interface DocumentLike {
  title: string;
  /** Documents without an address are never merged: nothing says where they are. */
  url?: string | undefined;
  urlPatterns?: readonly string[] | undefined;
  /** The source it comes from: patterns are compared only between entries of two sources. */
  packId?: string | undefined;
}

/** Whether the document's URL patterns name this address. */
function claims(doc: DocumentLike, address: string): boolean {
  if (!doc.urlPatterns?.length) return false;
  try {
    return urlMatchesAny(doc.urlPatterns, new URL(address));
  } catch {
    return false;
  }
}

/**
 * The same address; or the same title at addresses that differ only by scheme, case or
 * trailing slash; or, for entries of two sources, each one's URL patterns claim the other's address.
 */
export function sameDocument(a: DocumentLike, b: DocumentLike): boolean {
  if (!a.url || !b.url) return false;
  const exact = exactAddress(a.url);
  if (exact !== null && exact === exactAddress(b.url)) return true;
  const loose = looseAddress(a.url);
  if (loose !== null && loose === looseAddress(b.url) && sameTitle(a.title, b.title)) return true;
  return a.packId !== undefined && b.packId !== undefined && a.packId !== b.packId && claims(a, b.url) && claims(b, a.url);
}

/** The documents grouped so that each group is one document, in first-seen order. */
export function groupSameDocuments<T extends DocumentLike>(documents: readonly T[]): T[][] {
  const groups: T[][] = [];
  for (const doc of documents) {
    const group = groups.find((g) => g.some((other) => sameDocument(other, doc)));
    if (group) group.push(doc);
    else groups.push([doc]);
  }
  return groups;
}
