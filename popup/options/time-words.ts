/**
 * Times on the options page as people say them: how long an import took ("in under a
 * second", "in 2.4 s") and when something happened ("2 Dec 2026, 15:40", in the interface's
 * language, to the minute), never raw ISO or the system's long default.
 */
import { t } from '../../src/i18n/t';

/** "in under a second" below 1 s, else "in 2.4 s" (one decimal, in the interface's language). */
export function durationWords(seconds: number, locale = t('htmlLang')): string {
  if (!(seconds >= 1)) return t('timeUnderASecond');
  const shown = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(seconds * 10) / 10);
  return t('timeSeconds', shown);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, timeZone?: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) };
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A language tag Intl does not know still gets a readable date.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format;
}

/**
 * An instant (ISO timestamp) as a date and time to the minute in the reader's time zone:
 * "Dec 2, 2026, 3:40 PM" in English, "2 Dec 2026, 15:40" in British English. Anything that is
 * not a date is shown as given. `timeZone` is for tests.
 */
export function dateTimeWords(iso: string, locale = t('htmlLang'), timeZone?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat(locale, timeZone).format(date);
}
