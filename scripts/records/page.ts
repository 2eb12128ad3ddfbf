/**
 * A saved copy of a policy document, turned into a DOM the production text extraction can read:
 * HTML parsed with happy-dom (no scripts run, nothing fetched), Markdown (e.g. an Open Terms
 * Archive version) rendered with marked first. `.txt` files are read as Markdown too, with
 * "•" bullet lines (text dumps of list items) turned into list items.
 */
import { Window } from 'happy-dom';
import { marked } from 'marked';
import path from 'node:path';
import { CliError, readText, type Io } from './io';

export interface SavedPage {
  /** The content region: the body, or a container of what `selector` matched. */
  root: Node;
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

/**
 * Parses `html` and returns its content region: the whole body, or, with `selector`, the
 * elements it matches in document order (those inside another match count once), each kept as
 * its own block.
 */
export function parsePage(html: string, selector?: string, label = 'the page'): SavedPage {
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
  const close = () => window.happyDOM.close();
  const document = new window.DOMParser().parseFromString(html, 'text/html');
  if (!selector) return { root: document.body as unknown as Node, close };

  let matches: Element[];
  try {
    matches = [...document.querySelectorAll(selector)] as unknown as Element[];
  } catch {
    void close();
    throw new CliError(`"${selector}" is not a valid CSS selector.`);
  }
  if (matches.length === 0) {
    void close();
    throw new CliError(`Nothing in ${label} matches the selector "${selector}".`);
  }
  if (matches.length === 1) return { root: matches[0]!, close };
  const outermost = matches.filter((el) => !matches.some((other) => other !== el && other.contains(el)));
  const container = document.createElement('div');
  for (const el of outermost) {
    const block = document.createElement('div');
    block.appendChild(el.cloneNode(true) as never);
    container.appendChild(block);
  }
  return { root: container as unknown as Node, close };
}

/** Reads and parses a saved page (see the file comment for the formats). */
export async function loadSavedPage(io: Io, file: string, selector?: string): Promise<SavedPage> {
  const source = await readText(io, file);
  return parsePage(pageHtml(file, source), selector, file);
}
