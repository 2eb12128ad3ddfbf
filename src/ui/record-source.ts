/**
 * What a reader is told about where a record comes from, the same words on the card, the popup
 * and the badge title: an imported record says whose analysis it is, under which licence, and
 * how old its data may be. Termlight's own records carry no source and get no line. Imports
 * types only, so the content script can use it without zod.
 */
import { formatDate } from '../i18n/date';
import { t } from '../i18n/t';
import type { PageRecord } from '../messages/protocol';

export type RecordSource = NonNullable<PageRecord['source']>;

/** The source in a few words: "ToS;DR", or the name of an imported pack or feed. */
function sourceName(source: RecordSource): string {
  switch (source.kind) {
    case 'tosdr':
      return t('sourceTosdrPoint');
    case 'feed':
      return t('sourceFeed', source.name);
    default:
      return t('sourceImported', source.name);
  }
}

/** "ToS;DR point — Terms of Service; Didn't Read (tosdr.org) contributors, CC BY-SA 3.0". */
export function sourceLine(source: RecordSource): string {
  const name = sourceName(source);
  if (source.credit) {
    return source.licence ? t('sourceWithCreditLicence', name, source.credit, source.licence) : t('sourceWithCredit', name, source.credit);
  }
  return source.licence ? t('sourceWithLicence', name, source.licence) : name;
}

/**
 * How old the record's data may be, from its source: ToS;DR's exports carry no date of their
 * own, only the latest date in their points (src/records/tosdr-version.ts), so the sentence
 * says that date is the latest one found, or that there is none, and that the data may be out
 * of date. Other imports are dated by their publisher.
 */
export function dataAgeSentence(source: RecordSource): string {
  // Dates as the rest of Termlight writes them for people ("Nov 27, 2017"), the same on every page.
  if (source.kind === 'tosdr') {
    return source.dataDate ? t('dataAgeTosdr', formatDate(source.dataDate)) : t('dataAgeTosdrUnknown');
  }
  return source.dataDate ? t('dataAgePublished', formatDate(source.dataDate)) : t('dataAgeUnknown');
}

/** The source as the badge title counts it: "ToS;DR (CC BY-SA 3.0)", "imported “Acme” (CC0)". */
export function shortSource(source: RecordSource): string {
  const name =
    source.kind === 'tosdr' ? t('sourceTosdr') : source.kind === 'feed' ? t('sourceShortFeed', source.name) : t('sourceShortImported', source.name);
  return source.licence ? t('sourceWithLicence', name, source.licence) : name;
}
