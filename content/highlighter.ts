/**
 * Paints found clauses with the CSS Custom Highlight API: one highlight per severity (plus one
 * marking reworded clauses), styled by the ::highlight() rules of highlight-styles.ts. The page's DOM is
 * never changed to highlight. Clauses inside same-origin iframes use that document's registry;
 * clauses in open shadow roots and iframes get the same rules as an adopted style sheet, since
 * the page-level rules do not reach into them.
 */
import { SEVERITIES, type Severity } from '../src/records/taxonomy';
import type { RecordSource } from '../src/ui/record-source';
import { HIGHLIGHT_CSS } from './highlight-styles';

export interface AnchoredClause {
  key: string;
  title: string;
  severity: Severity;
  /** Absent when the source gives none beyond the title. */
  impact?: string | undefined;
  /** Where the record comes from, when it is not Termlight's own: the card says so. */
  source?: RecordSource | undefined;
  range: Range;
  /** Reworded since it was recorded (a fuzzy match). */
  changed: boolean;
}

const name = (severity: Severity) => `termlight-${severity}`;
const FLASH = 'termlight-flash';
const CHANGED = 'termlight-changed';
const ALL_NAMES = [...SEVERITIES.map(name), CHANGED, FLASH];

type Registry = HighlightRegistry;
type HighlightCtor = typeof Highlight;

function registryOf(doc: Document): { registry: Registry; Ctor: HighlightCtor } | null {
  const win = doc.defaultView;
  const registry = win?.CSS?.highlights;
  return registry && typeof win.Highlight === 'function' ? { registry, Ctor: win.Highlight } : null;
}

export function supportsHighlights(): boolean {
  return registryOf(document) !== null;
}

const styled = new WeakSet<Document | ShadowRoot>();

/** Gives a shadow root or an iframe's document the ::highlight rules, once. */
function adoptStyles(root: Document | ShadowRoot): void {
  if (root === document || styled.has(root)) return;
  styled.add(root);
  try {
    const doc = root instanceof ShadowRoot ? root.ownerDocument : root;
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A browser that refuses: the clause is still listed, found and reachable from the popup.
  }
}

/** The documents currently holding Termlight highlights, so they can be cleared. */
let painted = new Set<Document>();

/** Replaces every Termlight highlight with these clauses'. */
export function paint(clauses: readonly AnchoredClause[]): void {
  clearAll();
  const byDoc = new Map<Document, AnchoredClause[]>();
  for (const clause of clauses) {
    const doc = clause.range.startContainer.ownerDocument;
    if (!doc) continue;
    if (!byDoc.has(doc)) byDoc.set(doc, []);
    byDoc.get(doc)!.push(clause);
    const root = clause.range.startContainer.getRootNode();
    if (root instanceof ShadowRoot || root !== document) adoptStyles(root as Document | ShadowRoot);
  }
  for (const [doc, list] of byDoc) {
    const target = registryOf(doc);
    if (!target) continue;
    painted.add(doc);
    SEVERITIES.forEach((severity, i) => {
      const ranges = list.filter((c) => c.severity === severity).map((c) => c.range);
      if (ranges.length === 0) return;
      const highlight = new target.Ctor(...ranges);
      highlight.priority = SEVERITIES.length - i; // worse clauses paint on top where two overlap
      target.registry.set(name(severity), highlight);
    });
    const changed = list.filter((c) => c.changed).map((c) => c.range);
    if (changed.length) {
      const highlight = new target.Ctor(...changed);
      highlight.priority = SEVERITIES.length + 1;
      target.registry.set(CHANGED, highlight);
    }
  }
}

export function clearAll(): void {
  for (const doc of new Set([document, ...painted])) {
    const target = registryOf(doc);
    if (target) for (const key of ALL_NAMES) target.registry.delete(key);
  }
  painted = new Set();
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

/** Briefly paints one clause in the flash style, so the eye finds it after a scroll. */
export function flash(range: Range, ms = 1600): void {
  const doc = range.startContainer.ownerDocument;
  const target = doc && registryOf(doc);
  if (!target) return;
  const highlight = new target.Ctor(range);
  highlight.priority = 100;
  target.registry.set(FLASH, highlight);
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => target.registry.delete(FLASH), ms);
}

/** Offset of an iframe's viewport within the top window, so rects compare with mouse points. */
function frameOffset(doc: Document | null): { x: number; y: number } {
  let x = 0;
  let y = 0;
  let frame = doc?.defaultView?.frameElement ?? null;
  while (frame) {
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return { x, y };
}

/** The clause under a viewport point, if the point is on its text (not merely near it). */
export function clauseAt(clauses: readonly AnchoredClause[], x: number, y: number): AnchoredClause | null {
  for (const clause of clauses) {
    const offset = frameOffset(clause.range.startContainer.ownerDocument);
    for (const rect of clause.range.getClientRects()) {
      const left = rect.left + offset.x;
      const top = rect.top + offset.y;
      if (x >= left && x <= left + rect.width && y >= top && y <= top + rect.height) return clause;
    }
  }
  return null;
}

/** The clause containing a node (a link or button inside the clause that got focus). */
export function clauseContaining(clauses: readonly AnchoredClause[], node: Node): AnchoredClause | null {
  return clauses.find((c) => c.range.startContainer.ownerDocument === node.ownerDocument && c.range.intersectsNode(node)) ?? null;
}

/** The clause's box in top-window viewport coordinates. */
export function clauseBox(clause: AnchoredClause): DOMRect {
  const rect = clause.range.getBoundingClientRect();
  const offset = frameOffset(clause.range.startContainer.ownerDocument);
  return new DOMRect(rect.left + offset.x, rect.top + offset.y, rect.width, rect.height);
}

/** The clause's line boxes in top-window viewport coordinates, empty ones left out. */
export function clauseRects(clause: AnchoredClause): DOMRect[] {
  const offset = frameOffset(clause.range.startContainer.ownerDocument);
  return [...clause.range.getClientRects()]
    .filter((r) => r.width > 0 && r.height > 0)
    .map((r) => new DOMRect(r.left + offset.x, r.top + offset.y, r.width, r.height));
}

/** Opens collapsed <details> around a clause, so "Show in page" can show it. */
export function reveal(clause: AnchoredClause): void {
  let node: Node | null = clause.range.startContainer;
  while (node) {
    if (node instanceof Element && node.localName === 'details' && !(node as HTMLDetailsElement).open) {
      (node as HTMLDetailsElement).open = true;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
}
