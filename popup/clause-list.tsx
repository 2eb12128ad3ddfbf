/**
 * The clauses found on the page at a glance: how many, counted by severity (the counts filter
 * the list), "Expand all / Collapse all", then one compact row per clause, worst first. Below,
 * folded, the recorded clauses the page does not show.
 */
import { useEffect, useState } from 'preact/hooks';
import { plural, t } from '../src/i18n/t';
import type { RecordView } from '../src/messages/protocol';
import type { Severity } from '../src/records/taxonomy';
import { passes, severityCounts, toggled, worstFirst } from './glance';
import { RecordRow } from './record';
import { SeveritySummary } from './summary';

export interface ClauseListProps {
  found: RecordView[];
  notFound: RecordView[];
  onShow: (key: string) => void;
  /** The record the popup was opened for (?record=): opened, outlined and focused. */
  focusedRecord: string | null;
}

export function ClauseList(props: ClauseListProps) {
  const found = worstFirst(props.found);
  const notFound = worstFirst(props.notFound);
  const focused = props.focusedRecord;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(focused ? [focused] : []));
  const [filter, setFilter] = useState<ReadonlySet<Severity>>(new Set());
  const counts = severityCounts(found);
  // A severity no longer present (the page changed) filters nothing.
  const active = new Set([...filter].filter((s) => counts.some((c) => c.severity === s)));
  const shown = found.filter((r) => passes(active, r));
  const allOpen = shown.length > 0 && shown.every((r) => open.has(r.key));

  const toggle = (key: string, isOpen: boolean) =>
    setOpen((current) => {
      const next = new Set(current);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  const expandAll = () =>
    setOpen((current) => {
      const next = new Set(current);
      for (const r of shown) {
        if (allOpen) next.delete(r.key);
        else next.add(r.key);
      }
      return next;
    });

  // Opened for one record (the card's "Open the full record"): bring it into view, focused.
  useEffect(() => {
    if (!focused) return;
    const row = document.getElementById(`record-${focused}`);
    row?.scrollIntoView({ block: 'start' });
    row?.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
  }, []);

  return (
    <section class="found" aria-labelledby="found-heading">
      <div class="found-head">
        <h2 class="count" id="found-heading">
          {plural(found.length, 'popupClausesFoundOne', 'popupClausesFoundMany')}
        </h2>
        {shown.length > 0 && (
          <button type="button" class="expand-all" aria-controls="records" onClick={expandAll}>
            {allOpen ? t('popupCollapseAll') : t('popupExpandAll')}
          </button>
        )}
      </div>
      {counts.length > 0 && (
        <SeveritySummary counts={counts} filter={active} label={t('popupFilterLabel')} onToggle={(s) => setFilter(toggled(active, s))} />
      )}
      {/* Always there, so that a screen reader announces what the filter shows as it changes. */}
      <p class="filter-status" role="status">
        {active.size > 0 && (
          <>
            {plural(found.length, 'popupFilterShowingOne', 'popupFilterShowingMany', shown.length, found.length)}{' '}
            <button type="button" class="link" onClick={() => setFilter(new Set())}>
              {t('popupFilterClear')}
            </button>
          </>
        )}
      </p>
      <section class="records" id="records" aria-labelledby="found-heading">
        {found.map((record) => (
          <RecordRow
            key={record.key}
            record={record}
            open={open.has(record.key)}
            onToggle={toggle}
            onShow={props.onShow}
            hidden={!passes(active, record)}
            focused={record.key === focused}
          />
        ))}
      </section>
      {notFound.length > 0 && (
        <details class="not-found" open={notFound.some((r) => r.key === focused)}>
          <summary>{plural(notFound.length, 'popupNotFoundOne', 'popupNotFoundMany')}</summary>
          <p class="meta">{t('popupNotFoundExplanation')}</p>
          {notFound.map((record) => (
            <RecordRow key={record.key} record={record} open={open.has(record.key)} onToggle={toggle} focused={record.key === focused} />
          ))}
        </details>
      )}
    </section>
  );
}
