/**
 * What is cached: one row per source (all ToS;DR services form one). "Remove" asks nothing and
 * offers Undo right under the table, which stores the removed packs again exactly as they were
 * (the page keeps them meanwhile, see background/pack-copies.ts); when Termlight's own records
 * are absent the section says so, with "Restore Termlight records" beside it.
 */
import { useEffect, useState } from 'preact/hooks';
import { count } from '../../src/i18n/count';
import { t } from '../../src/i18n/t';
import type { CacheSummary, PackMeta, RemovedPack } from '../../src/messages/protocol';
import { request } from '../api';
import { sourceRows, type SourceRow } from './source-rows';
import { ErrorNotice } from './status';
import { dateTimeWords } from '../../src/i18n/date';

/** What a removal, an Undo or a restore did, said under the table (newest first). */
type Outcome =
  | { id: number; kind: 'removed'; name: string; records: number; removed: RemovedPack[]; undoing?: boolean }
  | { id: number; kind: 'back' | 'restored'; name: string; records: number }
  | { id: number; kind: 'failed'; what: string; detail: string };

let nextId = 1;

/** Whether Termlight's own records are stored (the source the bundled pack calls itself). */
export const hasBundled = (packs: readonly PackMeta[]): boolean => packs.some((pack) => pack.source.kind === 'bundled');

function OutcomeLine(props: { outcome: Outcome; busy: boolean; onUndo: (id: number) => void }) {
  const { outcome } = props;
  const records = (n: number) => count(n, 'nRecordsOne', 'nRecordsMany');
  switch (outcome.kind) {
    case 'removed':
      return (
        <li id={`outcome-${outcome.id}`} tabIndex={-1}>
          {t('sourcesRemovedUndoable', outcome.name, records(outcome.records))}{' '}
          <button
            type="button"
            id={`undo-${outcome.id}`}
            class="undo"
            disabled={props.busy || outcome.undoing}
            aria-label={t('sourcesUndoLabel', outcome.name)}
            onClick={() => props.onUndo(outcome.id)}
          >
            {t('sourcesUndo')}
          </button>
        </li>
      );
    case 'back':
    case 'restored':
      return (
        <li id={`outcome-${outcome.id}`} tabIndex={-1} class="notice-success">
          {t(outcome.kind === 'back' ? 'sourcesPutBack' : 'sourcesRestoredBundled', outcome.name, records(outcome.records))}
        </li>
      );
    case 'failed':
      return (
        <li id={`outcome-${outcome.id}`} tabIndex={-1}>
          <ErrorNotice failures={[{ error: { what: outcome.what, todo: t('plainOtherTodo'), detail: outcome.detail } }]} />
        </li>
      );
  }
}

export function SourcesSection(props: {
  summary: CacheSummary | null;
  /** Why the summary could not be read; shown instead of "Reading…", which would never end. */
  readError: string;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  setSummary: (summary: CacheSummary) => void;
}) {
  const { summary, busy } = props;
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  /** The element to focus once the next render is in (the Undo just offered, or what was said). */
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    // Once the buttons are enabled again: a disabled one cannot take the focus.
    if (!focus || busy) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus, outcomes, busy]);

  const say = (outcome: Outcome, focusOn = `outcome-${outcome.id}`) => {
    setOutcomes((list) => [outcome, ...list]);
    setFocus(focusOn);
  };
  const failed = (what: string, e: unknown) => say({ id: nextId++, kind: 'failed', what, detail: (e as Error).message });

  const run = async (work: () => Promise<void>) => {
    props.setBusy(true);
    try {
      await work();
    } finally {
      props.setBusy(false);
    }
  };

  const remove = (row: SourceRow) =>
    run(async () => {
      try {
        const { removed, ...next } = await request({ type: 'options/remove-packs', packIds: row.packIds });
        props.setSummary(next);
        const id = nextId++;
        say({ id, kind: 'removed', name: row.name, records: row.records, removed }, `undo-${id}`);
      } catch (e) {
        failed(t('sourcesRemoveFailed', row.name), e);
      }
    });

  const undo = (id: number) =>
    run(async () => {
      const entry = outcomes.find((o): o is Extract<Outcome, { kind: 'removed' }> => o.id === id && o.kind === 'removed');
      if (!entry) return;
      setOutcomes((list) => list.map((o) => (o.id === id ? { ...entry, undoing: true } : o)));
      try {
        props.setSummary(await request({ type: 'options/restore-packs', removed: entry.removed }));
        const back: Outcome = { id, kind: 'back', name: entry.name, records: entry.records };
        setOutcomes((list) => list.map((o) => (o.id === id ? back : o)));
        setFocus(`outcome-${id}`);
      } catch (e) {
        setOutcomes((list) => list.map((o) => (o.id === id ? entry : o)));
        failed(t('sourcesUndoFailed', entry.name), e);
      }
    });

  const restore = () =>
    run(async () => {
      try {
        const next = await request({ type: 'options/restore-bundled' });
        props.setSummary(next);
        const bundled = next.packs.find((pack) => pack.source.kind === 'bundled');
        // An Undo of the bundled records' removal has nothing left to do.
        setOutcomes((list) => list.filter((o) => !(o.kind === 'removed' && o.removed.every((r) => isBundled(r.pack)))));
        say({ id: nextId++, kind: 'restored', name: bundled?.source.name ?? '', records: bundled?.counts.records ?? 0 });
      } catch (e) {
        failed(t('sourcesRestoreFailed'), e);
      }
    });

  const rows = summary ? sourceRows(summary.packs) : [];
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
              count(rows.length, 'nSourcesOne', 'nSourcesMany'),
            )}
          </p>
          {rows.length > 0 && (
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
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">
                      {row.name}
                      {row.credit && <div class="meta">{row.credit}</div>}
                    </th>
                    <td>{row.version}</td>
                    <td>{dateTimeWords(row.storedAt)}</td>
                    <td>{row.records.toLocaleString('en')}</td>
                    <td>
                      <button type="button" disabled={busy} aria-label={t('sourcesRemoveLabel', row.name)} onClick={() => void remove(row)}>
                        {t('sourcesRemove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!hasBundled(summary.packs) && (
            <div class="notice notice-warning" id="bundled-absent">
              <p>{t(rows.length ? 'sourcesBundledAbsent' : 'sourcesNoneStored')}</p>
              <button type="button" id="restore-bundled" disabled={busy} onClick={() => void restore()}>
                {t('sourcesRestore')}
              </button>
            </div>
          )}
        </>
      ) : props.readError ? (
        <p id="totals" class="error">
          {props.readError}
        </p>
      ) : (
        <p aria-busy="true">{t('sourcesReading')}</p>
      )}
      <div id="sources-status" class="status-area" role="status">
        {outcomes.length > 0 && (
          <ul class="outcomes">
            {outcomes.map((o) => (
              <OutcomeLine key={o.id} outcome={o} busy={busy} onUndo={(id) => void undo(id)} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** Whether a removed pack is Termlight's own (its source calls itself bundled). */
function isBundled(pack: unknown): boolean {
  const source = (pack as { source?: { kind?: unknown } } | null)?.source;
  return source?.kind === 'bundled';
}
