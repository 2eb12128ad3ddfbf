/**
 * URL patterns that identify a policy document: `host/path[?key=value&…]`.
 *
 * - host is a lowercase hostname; a leading `*.` also matches the bare domain and any subdomain.
 * - path starts with `/`; `*` matches any run of characters, `/` included; a trailing `/` is optional.
 * - a whole path segment `{locale}` matches one country or language code (`us`, `uk`, `de`,
 *   `en-gb`, `en-ww`, `ca-en`, `de-DE`, `zh_hans`): sites serve the same document under each, and
 *   a `*` there would also match unrelated pages (`/legal/privacy/data`).
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

/** The one placeholder: a whole path segment holding a country or language code. */
export const LOCALE_PLACEHOLDER = '{locale}';
const LOCALE_SEGMENT = '[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?';

/** Why a pattern is invalid, or null when it is fine; used by the pack schema. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length > 500) return 'is longer than 500 characters';
  const m = PATTERN_SHAPE.exec(pattern);
  if (!m) {
    return 'must look like host/path (for example www.example.com/legal/terms*), lowercase host, no scheme';
  }
  const [, , , path, query] = m;
  const misplaced = path!.split('/').some((segment) => /[{}]/.test(segment) && segment !== LOCALE_PLACEHOLDER);
  if (misplaced || /[{}]/.test(query ?? '')) {
    return `may use braces only for a whole ${LOCALE_PLACEHOLDER} path segment (for example www.spotify.com/${LOCALE_PLACEHOLDER}/legal/end-user-agreement)`;
  }
  return null;
}

/** The parts of a valid pattern; throws on one that patternProblem() rejects. */
function shapeOf(pattern: string): RegExpExecArray {
  const m = patternProblem(pattern) ? null : PATTERN_SHAPE.exec(pattern);
  if (!m) throw new Error(`invalid URL pattern "${pattern}"`);
  return m;
}

/** Regex source for a glob: `*` matches anything, every other character itself. */
const globSource = (glob: string) =>
  glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');

/** Parses a pattern; throws on one that patternProblem() rejects. */
export function parsePattern(pattern: string): ParsedPattern {
  const [, wildcard, host, rawPath, rawQuery] = shapeOf(pattern);
  const source = rawPath!
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (segment === LOCALE_PLACEHOLDER ? LOCALE_SEGMENT : globSource(segment)))
    .join('/');
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
 * https only, `{locale}` widened to `*` within the path (hosts are never widened), the query left
 * to the content script's own lookup.
 */
export function toMatchPattern(pattern: string): string {
  const [, wildcard, host, path] = shapeOf(pattern);
  const globPath = path!
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => (segment === LOCALE_PLACEHOLDER ? '*' : segment))
    .join('/');
  return `https://${wildcard ?? ''}${host}${globPath}*`.replace(/\*{2,}/g, '*');
}

/** True when `wide` matches every page `narrow` matches: same scheme and host, and a path glob covering the other. */
function covers(wide: string, narrow: string): boolean {
  const split = (p: string) => /^(https:\/\/[^/]+)(\/.*)$/.exec(p);
  const [w, n] = [split(wide), split(narrow)];
  if (!w || !n || w[1] !== n[1]) return false;
  // A `*` of `narrow`, read as a character, can only be matched by a `*` of `wide`, which then
  // matches whatever that `*` stands for.
  return new RegExp(`^${globSource(w[2]!)}$`).test(n[2]!);
}

/**
 * The manifest's content-script matches and host permissions for a set of URL patterns: one
 * browser match pattern each, without repeats or patterns another one already covers, sorted.
 * These are the sites an install prompt lists, so none is added that no pattern needs.
 */
export function browserMatchPatterns(patterns: readonly string[]): string[] {
  const unique = [...new Set(patterns.map(toMatchPattern))].sort();
  return unique.filter((narrow) => !unique.some((wide) => wide !== narrow && covers(wide, narrow)));
}
