/** What is cached: one row per source (all ToS;DR services form one), with remove and restore. */
import { count } from '../../src/i18n/count';
import { t } from '../../src/i18n/t';
import type { CacheSummary, PackMeta } from '../../src/messages/protocol';
import { tosdrDataDate } from '../../src/records/tosdr-version';

const tosdrName = (services: number) => t('sourcesTosdrName', count(services, 'nServicesOne', 'nServicesMany'));

interface SourceRow {
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
  return latest ? t('sourcesTosdrVersion', latest) : t('sourcesTosdrUndated');
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

export function SourcesSection(props: {
  summary: CacheSummary | null;
  /** Why the summary could not be read; shown instead of "Reading…", which would never end. */
  readError: string;
  busy: boolean;
  onRemove: (row: { name: string; packIds: string[] }) => void;
  onRestore: () => void;
}) {
  const { summary } = props;
  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">{t('sourcesHeading')}</h2>
      {summary ? (
        <>
          <p id="totals">
            {t(
              'sourcesTotals',
              count(summary.totals.platforms, 'nPlatformsOne', 'nPlatformsMany'),
              count(summary.totals.documents, 'nDocumentsOne', 'nDocumentsMany'),
              count(summary.totals.records, 'nRecordsOne', 'nRecordsMany'),
              count(sourceRows(summary.packs).length, 'nSourcesOne', 'nSourcesMany'),
            )}
          </p>
          <table>
            <caption class="visually-hidden">{t('sourcesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('sourcesColumnSource')}</th>
                <th scope="col">{t('sourcesColumnVersion')}</th>
                <th scope="col">{t('sourcesColumnStored')}</th>
                <th scope="col">{t('sourcesColumnRecords')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('sourcesColumnActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sourceRows(summary.packs).map((row) => (
                <tr key={row.key}>
                  <th scope="row">
                    {row.name}
                    {row.credit && <div class="meta">{row.credit}</div>}
                  </th>
                  <td>{row.version}</td>
                  <td>{new Date(row.storedAt).toLocaleString()}</td>
                  <td>{row.records.toLocaleString('en')}</td>
                  <td>
                    <button type="button" disabled={props.busy} aria-label={t('sourcesRemoveLabel', row.name)} onClick={() => props.onRemove(row)}>
                      {t('sourcesRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : props.readError ? (
        <p id="totals" class="error">
          {props.readError}
        </p>
      ) : (
        <p aria-busy="true">{t('sourcesReading')}</p>
      )}
      <button type="button" disabled={props.busy} onClick={props.onRestore}>
        {t('sourcesRestore')}
      </button>
    </section>
  );
}
