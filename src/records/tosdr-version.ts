/**
 * The version a ToS;DR pack carries: the latest date its export file holds, or that it holds
 * none. The converter writes it and the options page reads it back, so the format lives here
 * only. ToS;DR's api/1 files carry no export date; the only dates in them are the submission
 * times of a few points (`subbmittedTimestamp`).
 */

const PREFIX = 'tosdr-data-';
const UNDATED = `${PREFIX}undated`;

/** `tosdr-data-2018-01-04`, or `tosdr-data-undated` when the file holds no date. */
export function tosdrPackVersion(dataDate: string | null): string {
  return dataDate ? `${PREFIX}${dataDate}` : UNDATED;
}

/** The date a ToS;DR pack version names (YYYY-MM-DD); null when undated or not one of ours. */
export function tosdrDataDate(packVersion: string): string | null {
  const date = packVersion.startsWith(PREFIX) ? packVersion.slice(PREFIX.length) : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}
