/**
 * Whether an element is left out of the page text: not rendered at all (display:none, from a
 * style rule or inline, which covers hidden menus). Text in a collapsed <details>, under
 * content-visibility or visibility:hidden stays in, as find-in-page keeps it: "Show in page"
 * opens it. The content script and the records CLI (a saved page in happy-dom) both extract
 * with it, so they read the same text.
 */
export function isHidden(el: Element): boolean {
  if (typeof el.checkVisibility === 'function' && el.checkVisibility()) return false;
  // The element's own window: Node has no global getComputedStyle, and a frame has its own.
  return (el.ownerDocument.defaultView ?? globalThis).getComputedStyle(el).display === 'none';
}
