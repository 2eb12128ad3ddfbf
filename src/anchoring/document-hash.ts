/**
 * A document's fingerprint for change detection: the SHA-256 of its normalised rendered text.
 * Normalised as the matcher normalises (case, quotes, dashes, whitespace, soft hyphens) so
 * that presentation-only differences (markup, spacing, typography) do not count as changes.
 * The content script (content/verify.ts) fingerprints the live page and the records CLI a saved
 * copy through the same `pageFingerprint`, so their hashes agree.
 */
import { extractText } from './dom-text';
import { normalizeText } from './normalize';
import { isHidden } from './visibility';

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (Web Crypto: browsers and Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The elements of `elements` that are not inside another of them, in their order: a selector
 * that matches both a region and parts of it must count that text once.
 */
export function outermost<T extends Element>(elements: readonly T[]): T[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/**
 * The roots of a document's main content region: the outermost elements `selector` matches
 * (in document order), or the body when there is no selector, it is not valid CSS or nothing
 * matches (a redesigned page still gets a fingerprint, which then tells it changed).
 */
export function contentRoots(doc: Document, selector?: string): Node[] {
  if (!selector) return [doc.body];
  let matches: Element[];
  try {
    matches = [...doc.querySelectorAll(selector)];
  } catch {
    return [doc.body];
  }
  return matches.length ? outermost(matches) : [doc.body];
}

/**
 * The text a page's fingerprint is taken of: its content region as rendered (hidden elements
 * left out, each root its own block), normalised and trimmed.
 */
export function fingerprintText(doc: Document, selector?: string): string {
  const roots = contentRoots(doc, selector);
  return normalizeText(roots.map((root) => extractText(root, { isHidden }).text).join('\n')).trim();
}

/** The fingerprint of `doc`'s content region (see contentRoots) and the length of its text. */
export async function pageFingerprint(doc: Document, selector?: string): Promise<{ sha256: string; textLength: number }> {
  const text = fingerprintText(doc, selector);
  return { sha256: await sha256Hex(text), textLength: text.length };
}
