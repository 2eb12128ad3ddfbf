/**
 * A storage failure said as a sentence a reader can act on. The browser's own messages for
 * these are often empty (a full quota) or about internals (an IndexedDB that is not there, as
 * in some private windows).
 */
import { t } from '../i18n/t';
import type { Problem } from '../messages/protocol';

export function describeError(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return t('errorStorageFull');
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError' || /indexedDB/i.test(message)) {
    return t('errorStorageUnavailable');
  }
  return message || t('errorUnknown', typeof name === 'string' ? name : 'Error');
}

/** A failure as the options page's kind of problem: storage full, storage refused, or another. */
export function storageProblem(error: unknown): Problem {
  const said = describeError(error);
  if (said === t('errorStorageFull')) return { kind: 'storage', full: true };
  return said === t('errorStorageUnavailable') ? { kind: 'storage', full: false } : { kind: 'other' };
}
