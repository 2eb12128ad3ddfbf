/**
 * Dates and times as people read them, in the interface's language ("Aug 26, 2025" in
 * English). The records keep ISO dates (YYYY-MM-DD), which are days, not instants, so they are
 * formatted in UTC and never shift a day with the reader's time zone; instants (when a pack was
 * stored, when the feed was checked) are shown in the reader's time zone. Plain Intl: safe in
 * the content script.
 */
import { t } from './t';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per language and options, made once. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      // A translation whose language tag Intl does not know still gets readable dates.
      format = new Intl.DateTimeFormat(undefined, options);
    }
    formats.set(key, format);
  }
  return format;
}

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };

/** "2025-08-26" as "Aug 26, 2025" (in the UI language); anything that is not such a date as given. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : formatter(t('htmlLang'), DAY).format(date);
}

/**
 * An instant (ISO timestamp) as a date and time to the minute in the reader's time zone:
 * "Dec 2, 2026, 3:40 PM" in English, "2 Dec 2026, 15:40" in British English. Anything that is
 * not a date is shown as given. `timeZone` is for tests.
 */
export function dateTimeWords(iso: string, locale = t('htmlLang'), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}
