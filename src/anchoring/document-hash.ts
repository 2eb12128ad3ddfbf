/**
 * A document's fingerprint for change detection: the SHA-256 of its normalised rendered text.
 * Normalised as the matcher normalises (case, quotes, dashes, whitespace, soft hyphens) so
 * that presentation-only differences (markup, spacing, typography) do not count as changes.
 * The extension and the maintainer CLI both call this, so their hashes agree.
 */
import { extractText, type ExtractOptions } from './dom-text';
import { normalizeText } from './normalize';

/** The text that is hashed: the rendered text of `root`, normalised and trimmed. */
export function hashableText(root: Node, options: ExtractOptions = {}): string {
  return normalizeText(extractText(root, options).text).trim();
}

/** Lowercase hex SHA-256 of a string's UTF-8 bytes (Web Crypto: browsers and Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fingerprint of the document under `root` (its main content region, where one is known). */
export async function documentHash(root: Node, options: ExtractOptions = {}): Promise<string> {
  return sha256Hex(hashableText(root, options));
}

/**
 * The roots of a document's main content region: the outermost elements `selector` matches
 * (in document order), or the body when there is no selector or nothing matches.
 */
export function contentRoots(doc: Document, selector?: string): Node[] {
  if (!selector) return [doc.body];
  let matches: Element[];
  try {
    matches = [...doc.querySelectorAll(selector)];
  } catch {
    return [doc.body];
  }
  const outermost = matches.filter((el) => !matches.some((other) => other !== el && other.contains(el)));
  return outermost.length ? outermost : [doc.body];
}

/** The fingerprint over several roots, each its own block (as the CLI's --selector does). */
export async function regionHash(roots: readonly Node[], options: ExtractOptions = {}): Promise<{ sha256: string; textLength: number }> {
  const text = normalizeText(roots.map((root) => extractText(root, options).text).join('\n')).trim();
  return { sha256: await sha256Hex(text), textLength: text.length };
}
