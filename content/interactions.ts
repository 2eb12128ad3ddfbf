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
  const card = createCard((clause) => openRecord(clause.key));
  let pending = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (!card.isEngaged()) card.hide();
    }, 300);
  };

  document.addEventListener(
    'mousemove',
    (event) => {
      if (pending) return;
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
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && card.current) {
      card.hide();
      return;
    }
    if (!event.altKey || !event.shiftKey || (event.code !== 'KeyN' && event.code !== 'KeyP')) return;
    const list = clauses();
    if (list.length === 0) return;
    event.preventDefault();
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
