/**
 * What a reader does with the highlights: hover or focus a clause for its card, walk the
 * clauses with Alt+Shift+N / Alt+Shift+P, Esc to close, and "Show in page" from the popup.
 */
import { createCard } from './card';
import { clauseAt, clauseBox, clauseContaining, flash, reveal, type AnchoredClause } from './highlighter';

export interface Interactions {
  /** Scrolls to a clause, flashes it and shows its card; false when it is not on the page. */
  show(key: string): boolean;
  hideCard(): void;
}

export function wireInteractions(clauses: () => readonly AnchoredClause[], openRecord: (key: string) => void): Interactions {
  const card = createCard((clause) => openRecord(clause.key), clauses);
  let pending = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (!card.isEngaged()) card.hide();
    }, 300);
  };

  // Only the reader's own input counts: events a page script makes up (isTrusted false) could
  // otherwise open the card, scroll and flash clauses at the page's will.
  document.addEventListener(
    'mousemove',
    (event) => {
      if (pending || !event.isTrusted) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        const clause = clauseAt(clauses(), event.clientX, event.clientY);
        if (clause) {
          clearTimeout(hideTimer);
          if (card.current !== clause) card.show(clause, new DOMRect(event.clientX, event.clientY, 0, 16));
        } else if (card.current) {
          hideSoon();
        }
      });
    },
    { passive: true },
  );

  document.addEventListener('focusin', (event) => {
    if (!event.isTrusted) return;
    const target = event.target as Node | null;
    if (!target || target.nodeName === 'TERMLIGHT-CARD') return;
    const clause = clauseContaining(clauses(), target);
    if (clause) card.show(clause, (target as Element).getBoundingClientRect?.() ?? clauseBox(clause));
    else if (card.current) hideSoon();
  });

  const bringIntoView = (clause: AnchoredClause, focus: boolean) => {
    reveal(clause);
    const box = clauseBox(clause);
    window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: 'instant' as ScrollBehavior });
    flash(clause.range);
    card.show(clause, clauseBox(clause), focus);
  };

  let position = -1;
  let returnFocus: HTMLElement | null = null;
  document.addEventListener('keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'Escape' && card.current) {
      card.hide();
      // Back to where the reader was before walking the clauses by keyboard.
      if (returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
    const list = clauses();
    if (list.length === 0) return;
    event.preventDefault();
    if (!card.current) returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const step = event.code === 'KeyN' ? 1 : -1;
    position = (position + step + list.length) % list.length;
    bringIntoView(list[position]!, true);
  });

  return {
    show(key) {
      const list = clauses();
      const index = list.findIndex((c) => c.key === key);
      if (index < 0) return false;
      position = index;
      bringIntoView(list[index]!, false);
      return true;
    },
    hideCard: () => card.hide(),
  };
}
