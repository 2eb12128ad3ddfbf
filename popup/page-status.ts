/**
 * The sentence the popup shows while a page has no clauses to list: still looking, given up
 * waiting, or failed. Kept apart from popup.tsx so what the reader is told can be tested alone.
 */
import { t } from '../src/i18n/t';
import type { TabView } from '../src/messages/protocol';

export interface PageStatus {
  text: string;
  /** 'busy': still working (aria-busy); 'note': waiting stopped; 'alert': something failed. */
  tone: 'busy' | 'note' | 'alert';
}

/** `gaveUp`: the popup stopped asking again (30 s) while the page had not reported. */
export function pageStatus(view: TabView, gaveUp: boolean): PageStatus | null {
  if (view.status === 'failed') return { text: t('popupPageFailed', view.error ?? ''), tone: 'alert' };
  if (view.status === 'pending') return gaveUp ? { text: t('popupStillLooking'), tone: 'note' } : { text: t('popupLookingForClauses'), tone: 'busy' };
  return null;
}
