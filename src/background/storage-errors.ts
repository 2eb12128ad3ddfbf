/**
 * A storage failure said as a sentence a reader can act on. The browser's own messages for
 * these are often empty (a full quota) or about internals (an IndexedDB that is not there, as
 * in some private windows).
 */
import { t } from '../i18n/t';

export function describeError(error: unknown): string {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return t('errorStorageFull');
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError' || /indexedDB/i.test(message)) {
    return t('errorStorageUnavailable');
  }
  return message || t('errorUnknown', typeof name === 'string' ? name : 'Error');
}
