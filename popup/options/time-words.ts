/**
 * How long an import took, as people say it ("in under a second", "in 2.4 s"), never "0.0 s".
 * When something happened is src/i18n/date.ts's dateTimeWords.
 */
import { t } from '../../src/i18n/t';

/** "in under a second" below 1 s, else "in 2.4 s" (one decimal, in the interface's language). */
export function durationWords(seconds: number, locale = t('htmlLang')): string {
  if (!(seconds >= 1)) return t('timeUnderASecond');
  const shown = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(seconds * 10) / 10);
  return t('timeSeconds', shown);
}
