/**
 * A saved copy of a policy document, turned into a document the extension's own code reads as it
 * reads a live page (its text extraction, hidden elements, content region, fingerprint): HTML
 * parsed with happy-dom (no scripts run, nothing fetched: inline styles and <style> rules apply,
 * linked stylesheets do not),
 * Markdown (e.g. an Open Terms Archive version) rendered with marked first. `.txt` files are read
 * as Markdown too, with "•" bullet lines (text dumps of list items) turned into list items.
 */
import { Window } from 'happy-dom';
import { marked } from 'marked';
import path from 'node:path';
import { CliError, readText, type Io } from './io';

export interface SavedPage {
  /** The parsed page, as the content script would see it. */
  document: Document;
  /** Frees the DOM. */
  close: () => Promise<void>;
}

type Format = 'html' | 'markdown' | 'text';

function formatOf(file: string, source: string): Format {
  const ext = path.extname(file).toLowerCase();
  if (['.html', '.htm', '.xhtml'].includes(ext)) return 'html';
  if (['.md', '.markdown'].includes(ext)) return 'markdown';
  if (ext === '.txt') return 'text';
  return /^\s*</.test(source) ? 'html' : 'markdown';
}

/** The saved page as HTML, whatever format it was saved in. */
export function pageHtml(file: string, source: string): string {
  switch (formatOf(file, source)) {
    case 'html':
      return source;
    case 'text':
      return marked.parse(source.replace(/^[ \t]*•[ \t]*/gm, '- '), { async: false });
    case 'markdown':
      return marked.parse(source, { async: false });
  }
}

/** Parses `html` into a document with a window (computed styles work, nothing runs or loads). */
export function parsePage(html: string): SavedPage {
  const window = new Window({
    url: 'https://termlight.invalid/',
    settings: {
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  // DOMParser rather than document.write, which stops at the first <script> when scripts are off.
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { document, close: () => window.happyDOM.close() };
}

/** Whether `selector` picks anything in `document`; null when it is not valid CSS. */
function matchesIn(document: Document, selector: string): boolean | null {
  try {
    return document.querySelector(selector) !== null;
  } catch {
    return null;
  }
}

/**
 * A selector a maintainer typed must pick something: the extension falls back to the whole page
 * when it does not (contentRoots), which would hide the typo.
 */
export function requireMatch(document: Document, selector: string, label: string): void {
  const matches = matchesIn(document, selector);
  if (matches === null) throw new CliError(`"${selector}" is not a valid CSS selector.`);
  if (!matches) throw new CliError(`Nothing in ${label} matches the selector "${selector}".`);
}

/** Which region the extension fingerprints on this page (see contentRoots), in words. */
export function describeRegion(document: Document, selector: string | undefined): string {
  if (!selector) return 'the whole page';
  return matchesIn(document, selector) ? `the content region "${selector}"` : `the whole page: "${selector}" matches nothing here`;
}

/** Reads and parses a saved page (see the file comment for the formats). */
export async function loadSavedPage(io: Io, file: string): Promise<SavedPage> {
  return parsePage(pageHtml(file, await readText(io, file)));
}
