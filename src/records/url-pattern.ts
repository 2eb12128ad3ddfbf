/**
 * URL patterns that identify a policy document: `host/path[?key=value&…]`.
 *
 * - host is a lowercase hostname; a leading `*.` also matches the bare domain and any subdomain.
 * - path starts with `/`; `*` matches any run of characters, `/` included; a trailing `/` is optional.
 * - listed query parameters must be present with that value; others are ignored
 *   (some sites, Amazon's help pages for one, name the document only in the query).
 * Scheme, port, fragment and other parameters never count, so `http`, `#section` or
 * tracking parameters do not hide a known page.
 */

export interface ParsedPattern {
  host: string;
  anySubdomain: boolean;
  path: RegExp;
  query: [string, string][];
}

const PATTERN_SHAPE = /^(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#\s]*)(?:\?([^#\s]+))?$/;

/** Why a pattern is invalid, or null when it is fine; used by the pack schema. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > 500) return 'is longer than 500 characters';
  if (!PATTERN_SHAPE.test(pattern)) {
    return 'must look like host/path (for example www.example.com/legal/terms*), lowercase host, no scheme';
  }
  return null;
}

/** Parses a pattern; throws on one that patternProblem() rejects. */
export function parsePattern(pattern: string): ParsedPattern {
  const m = PATTERN_SHAPE.exec(pattern);
  if (!m) throw new Error(`invalid URL pattern "${pattern}"`);
  const [, wildcard, host, rawPath, rawQuery] = m;
  const path = rawPath!.replace(/\/+$/, '');
  const source = path
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const query: [string, string][] = rawQuery
    ? [...new URLSearchParams(rawQuery).entries()]
    : [];
  return {
    host: host!,
    anySubdomain: wildcard === '*.',
    path: new RegExp(`^${source}/?$`),
    query,
  };
}

/** The hostname a pattern is about, for indexing documents by host. */
export function patternHost(pattern: string): string {
  const m = PATTERN_SHAPE.exec(pattern);
  return m ? m[2]! : '';
}

/** The host names under which a page at `url` could be listed: itself and its parent domains. */
export function lookupHosts(url: URL): string[] {
  const parts = url.hostname.toLowerCase().split('.');
  const hosts: string[] = [];
  for (let i = 0; i < parts.length - 1; i++) hosts.push(parts.slice(i).join('.'));
  return hosts;
}

/** True when `url` is the document a pattern names. Only http(s) pages ever match. */
export function matchesPattern(parsed: ParsedPattern, url: URL): boolean {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  const hostOk = host === parsed.host || (parsed.anySubdomain && host.endsWith(`.${parsed.host}`));
  if (!hostOk) return false;
  let pathname: string;
  try {
    pathname = decodeURI(url.pathname);
  } catch {
    pathname = url.pathname;
  }
  if (!parsed.path.test(pathname.replace(/\/+$/, ''))) return false;
  return parsed.query.every(([key, value]) => url.searchParams.get(key) === value);
}

/** Convenience for callers holding the raw pattern strings. */
export function urlMatchesAny(patterns: readonly string[], url: URL): boolean {
  return patterns.some((p) => {
    try {
      return matchesPattern(parsePattern(p), url);
    } catch {
      return false;
    }
  });
}

/**
 * The browser match pattern that covers a URL pattern (for the manifest's content scripts):
 * https only, the query left to the content script's own lookup.
 */
export function toMatchPattern(pattern: string): string {
  const m = PATTERN_SHAPE.exec(pattern);
  if (!m) throw new Error(`invalid URL pattern "${pattern}"`);
  const [, wildcard, host, path] = m;
  return `https://${wildcard ?? ''}${host}${path!.replace(/\/+$/, '')}*`;
}
