/**
 * The visible text of a DOM subtree as one string, plus where each text node sits in it, so that a
 * quote matched in the string can be turned back into a DOM Range to highlight.
 *
 * Text nodes keep their raw data, so exact matching sees what the page has. Between block-level
 * elements a single "\n" is inserted that belongs to no text node: without it the last word of one
 * paragraph would fuse with the first word of the next ("…terms.You agree…").
 */

import { runToEnd } from './steps';

/** One text node and its [start, end) offsets in PageText.text. */
export interface TextSegment {
  node: Text;
  start: number;
  end: number;
}

/** Extracted text and its segments, in document order. */
export interface PageText {
  text: string;
  segments: TextSegment[];
}

export interface ExtractOptions {
  /**
   * Whether an element (and its subtree) is invisible. The content script passes a check based on
   * computed style; the default looks only at the `hidden` attribute, which is always skipped.
   */
  isHidden?: (el: Element) => boolean;
  /**
   * Whether an element starts/ends a block. Defaults to a fixed list of block-level tag names;
   * a caller may add a computed-style check (e.g. spans styled display:block).
   */
  isBlock?: (el: Element) => boolean;
}

/** Elements whose content is never page text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'head', 'textarea', 'select', 'canvas',
]);

/** Elements that separate their content from the surrounding text. */
const BLOCKS = new Set([
  'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'tr', 'br', 'section', 'article',
  'header', 'footer', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'table', 'ul', 'ol', 'main', 'nav', 'aside',
  'details', 'summary', 'figure', 'figcaption', 'form', 'hr', 'address', 'caption', 'body',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

function defaultIsBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

/**
 * What an element renders as its content: its open shadow root if it has one (light children
 * then appear only through slots), a slot's assigned nodes, a same-origin iframe's body; the
 * element itself when it renders its own children.
 */
function renderedChildren(el: Element): Node | Node[] {
  const shadow = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  if (shadow) return shadow;
  if (el.localName === 'slot' && typeof (el as HTMLSlotElement).assignedNodes === 'function') {
    const assigned = (el as HTMLSlotElement).assignedNodes();
    if (assigned.length > 0) return assigned;
  }
  if (el.localName === 'iframe') {
    try {
      const body = (el as HTMLIFrameElement).contentDocument?.body;
      return body ? [body] : [];
    } catch {
      return []; // cross-origin: not ours to read
    }
  }
  return el;
}

/**
 * Collects the rendered text under `root`, skipping script/style/form-control/embedded content,
 * elements with the `hidden` attribute and those `options.isHidden` reports, and inserting one
 * "\n" at each block boundary (never two in a row, none at the very start or end). Walks the
 * flat tree: open shadow roots (through their slots) and same-origin iframes are read too.
 */
export function extractText(root: Node, options: ExtractOptions = {}): PageText {
  return runToEnd(extractTextSteps(root, options));
}

/** Nodes visited between two pauses of extractTextSteps. */
const NODES_PER_STEP = 2000;

/**
 * extractText in steps: the generator pauses every few thousand nodes so a caller can give the
 * page a turn on a huge DOM, then resumes; its return value is the PageText.
 */
export function* extractTextSteps(root: Node, options: ExtractOptions = {}): Generator<void, PageText> {
  const isHidden = options.isHidden;
  const isBlock = options.isBlock ?? defaultIsBlock;
  const skip = (el: Element): boolean =>
    SKIPPED.has(el.localName) || el.hasAttribute('hidden') || (isHidden !== undefined && isHidden(el));

  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let pendingBreak = false;

  if (root.nodeType === TEXT_NODE) {
    const data = (root as Text).data;
    return { text: data, segments: data.length > 0 ? [{ node: root as Text, start: 0, end: data.length }] : [] };
  }

  // Depth-first with an explicit stack (deep pages must not overflow the call stack); a null
  // entry marks leaving a block element, so block ends are seen as well as block starts.
  const stack: (Node | null)[] = [root];
  let visited = 0;
  while (stack.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const node = stack.pop();
    if (node === null) {
      pendingBreak = true;
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length === 0) continue;
      if (pendingBreak && length > 0) {
        parts.push('\n');
        length += 1;
      }
      pendingBreak = false;
      segments.push({ node: node as Text, start: length, end: length + data.length });
      parts.push(data);
      length += data.length;
      continue;
    }
    let parent: Node = node;
    if (node.nodeType === ELEMENT_NODE) {
      const el = node as Element;
      if (skip(el)) continue;
      const block = isBlock(el) || el.localName === 'iframe';
      if (block) {
        pendingBreak = true;
        stack.push(null);
      }
      const rendered = renderedChildren(el);
      if (Array.isArray(rendered)) {
        for (let i = rendered.length - 1; i >= 0; i--) stack.push(rendered[i]!);
        continue;
      }
      parent = rendered;
    } else if (node.nodeType !== DOCUMENT_NODE && node.nodeType !== FRAGMENT_NODE) {
      continue;
    }
    // Sibling links rather than childNodes[i]: indexing a live NodeList costs more per node.
    for (let child = parent.lastChild; child !== null; child = child.previousSibling) stack.push(child);
  }

  return { text: parts.join(''), segments };
}

/**
 * The DOM Range for [start, end) of `page.text`. A start on a block boundary moves forward to the
 * next text node, an end on one moves back to the previous node's end; null when no text node
 * lies in the span (or it is empty). Offsets are clamped to the nodes' current lengths, in case
 * the page changed them since extraction.
 */
export function rangeFromOffsets(page: PageText, start: number, end: number, doc?: Document): Range | null {
  const { segments } = page;
  if (!(start < end) || segments.length === 0) return null;

  // First segment ending after start.
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  // Last segment starting before end.
  lo = 0;
  hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (segments[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  const last = lo - 1;
  if (first > last) return null;

  const a = segments[first]!;
  const b = segments[last]!;
  const startOffset = Math.max(start, a.start) - a.start;
  const endOffset = Math.min(end, b.end) - b.start;

  // A Range cannot join two documents or two shadow trees: such a span is no single clause.
  if (a.node.getRootNode() !== b.node.getRootNode()) return null;
  const range = (a.node.ownerDocument ?? doc).createRange();
  range.setStart(a.node, Math.min(startOffset, a.node.length));
  range.setEnd(b.node, Math.min(endOffset, b.node.length));
  return range;
}
