/**
 * Whether an element is left out of the page text: not rendered at all (display:none, which
 * covers hidden menus). Text in a collapsed <details> or under content-visibility stays in,
 * as find-in-page keeps it: "Show in page" opens it.
 */
export function isHidden(el: Element): boolean {
  if (typeof el.checkVisibility === 'function' && el.checkVisibility()) return false;
  return getComputedStyle(el).display === 'none';
}
