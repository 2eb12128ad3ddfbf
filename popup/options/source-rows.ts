/** The options page's sources: one row per source, all ToS;DR services forming one. */
import { count } from '../../src/i18n/count';
import { formatDate } from '../../src/i18n/date';
import { t } from '../../src/i18n/t';
import type { PackMeta } from '../../src/messages/protocol';
import { tosdrDataDate } from '../../src/records/tosdr-version';

const tosdrName = (services: number) => t('sourcesTosdrName', count(services, 'nServicesOne', 'nServicesMany'));

export interface SourceRow {
  key: string;
  name: string;
  credit: string;
  version: string;
  storedAt: string;
  records: number;
  packIds: string[];
}

/**
 * ToS;DR's version: the latest date its imported files hold (their export carries no date of
 * its own, see tosdr-version.ts), or that they hold none.
 */
function tosdrVersion(packs: readonly PackMeta[]): string {
  const latest = packs.map((p) => tosdrDataDate(p.packVersion) ?? '').reduce((a, b) => (b > a ? b : a), '');
  return latest ? t('sourcesTosdrVersion', formatDate(latest)) : t('sourcesTosdrUndated');
}

/** ToS;DR imports arrive one pack per service; people think of them as one source. */
export function sourceRows(packs: readonly PackMeta[]): SourceRow[] {
  const rows = new Map<string, SourceRow>();
  const tosdr = packs.filter((pack) => pack.source.kind === 'tosdr');
  for (const pack of packs) {
    const key = pack.source.kind === 'tosdr' ? 'tosdr' : pack.packId;
    const row = rows.get(key);
    if (row) {
      row.records += pack.counts.records;
      row.packIds.push(pack.packId);
      if (pack.storedAt > row.storedAt) row.storedAt = pack.storedAt;
      row.name = tosdrName(row.packIds.length);
      continue;
    }
    rows.set(key, {
      key,
      name: key === 'tosdr' ? tosdrName(1) : pack.source.name,
      credit: [pack.source.attribution, pack.source.licence].filter(Boolean).join(', '),
      version: key === 'tosdr' ? tosdrVersion(tosdr) : pack.packVersion,
      storedAt: pack.storedAt,
      records: pack.counts.records,
      packIds: [pack.packId],
    });
  }
  return [...rows.values()];
}
