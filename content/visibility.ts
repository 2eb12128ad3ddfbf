/** Whether an element is rendered at all; hidden menus and collapsed text hold no clause to show. */
export function isHidden(el: Element): boolean {
  if (typeof el.checkVisibility === 'function') return !el.checkVisibility();
  return getComputedStyle(el).display === 'none';
}
