/** What is cached: one row per source (all ToS;DR services form one), with remove and restore. */
import type { CacheSummary } from '../../src/messages/protocol';
import type { PackMeta } from '../../src/store/db';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

interface SourceRow {
  key: string;
  name: string;
  credit: string;
  version: string;
  storedAt: string;
  records: number;
  packIds: string[];
}

/** ToS;DR imports arrive one pack per service; people think of them as one source. */
export function sourceRows(packs: readonly PackMeta[]): SourceRow[] {
  const rows = new Map<string, SourceRow>();
  for (const pack of packs) {
    const key = pack.source.kind === 'tosdr' ? 'tosdr' : pack.packId;
    const row = rows.get(key);
    if (row) {
      row.records += pack.counts.records;
      row.packIds.push(pack.packId);
      if (pack.storedAt > row.storedAt) row.storedAt = pack.storedAt;
      row.name = `ToS;DR (${plural(row.packIds.length, 'service')})`;
      continue;
    }
    rows.set(key, {
      key,
      name: key === 'tosdr' ? 'ToS;DR (1 service)' : pack.source.name,
      credit: [pack.source.attribution, pack.source.licence].filter(Boolean).join(', '),
      version: key === 'tosdr' ? 'export of 2021-01-05' : pack.packVersion,
      storedAt: pack.storedAt,
      records: pack.counts.records,
      packIds: [pack.packId],
    });
  }
  return [...rows.values()];
}

export function SourcesSection(props: {
  summary: CacheSummary | null;
  busy: boolean;
  onRemove: (row: { name: string; packIds: string[] }) => void;
  onRestore: () => void;
}) {
  const { summary } = props;
  return (
    <section aria-labelledby="cache-heading">
      <h2 id="cache-heading">What is cached</h2>
      {summary ? (
        <>
          <p id="totals">
            {plural(summary.totals.platforms, 'platform')}, {plural(summary.totals.documents, 'document')},{' '}
            {plural(summary.totals.records, 'record')} from {plural(sourceRows(summary.packs).length, 'source')}.
          </p>
          <table>
            <caption class="visually-hidden">Record sources</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Version</th>
                <th scope="col">Stored</th>
                <th scope="col">Records</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
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
                    <button type="button" disabled={props.busy} aria-label={`Remove ${row.name}`} onClick={() => props.onRemove(row)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p aria-busy="true">Reading the records…</p>
      )}
      <button type="button" disabled={props.busy} onClick={props.onRestore}>
        Restore the bundled records
      </button>
    </section>
  );
}
