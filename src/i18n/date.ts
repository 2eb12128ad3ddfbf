/**
 * Dates as people read them, in the interface's language ("Aug 26, 2025" in English): the
 * records keep ISO dates (YYYY-MM-DD), which are days, not instants, so they are formatted in
 * UTC and never shift a day with the reader's time zone. Plain Intl: safe in the content script.
 */
import { t } from './t';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

let format: Intl.DateTimeFormat | null = null;

function formatter(): Intl.DateTimeFormat {
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat(t('htmlLang'), options);
    } catch {
      // A translation whose language tag Intl does not know still gets readable dates.
      format = new Intl.DateTimeFormat(undefined, options);
    }
  }
  return format;
}

/** "2025-08-26" as "Aug 26, 2025" (in the UI language); anything that is not such a date as given. */
export function formatDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : formatter().format(date);
}

/** Forgets the formatter (tests that change the UI language). */
export function resetDateFormat(): void {
  format = null;
}
