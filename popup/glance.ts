/**
 * What the popup's first screen is made of, apart from how it is drawn: the clauses counted by
 * severity (the summary line, which doubles as the filter), the rows a filter leaves, and the
 * sources other than Termlight's own that a document's clauses come from (named as credit).
 */
import type { RecordView } from '../src/messages/protocol';
import { SEVERITIES, severityRank, type Severity } from '../src/records/taxonomy';
import { shortSource } from '../src/ui/record-source';

export interface SeverityCount {
  severity: Severity;
  count: number;
}

/** The severities present among `records`, worst first, with how many clauses each. */
export function severityCounts(records: readonly Pick<RecordView, 'severity'>[]): SeverityCount[] {
  return SEVERITIES.map((severity) => ({ severity, count: records.filter((r) => r.severity === severity).length })).filter(
    (c) => c.count > 0,
  );
}

/** The records worst first (stable: the background's order within a severity is kept). */
export function worstFirst<T extends Pick<RecordView, 'severity'>>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

/** Whether a record passes the filter: an empty filter lets everything through. */
export const passes = (filter: ReadonlySet<Severity>, record: Pick<RecordView, 'severity'>): boolean =>
  filter.size === 0 || filter.has(record.severity);

/** The filter with `severity` switched on or off. */
export function toggled(filter: ReadonlySet<Severity>, severity: Severity): Set<Severity> {
  const next = new Set(filter);
  if (!next.delete(severity)) next.add(severity);
  return next;
}

export interface Credit {
  /** How many of the clauses found on the page come from other sources than Termlight's own. */
  count: number;
  /** Those sources as the badge title names them: "ToS;DR (CC BY-SA 3.0)". */
  sources: string[];
}

/**
 * The sources other than Termlight's own behind the clauses found on the page, or null when they
 * are all Termlight's own (its own records are not named). For the page, not per document: a
 * document described by two sources is listed once, under one of their keys.
 */
export function pageCredit(found: readonly RecordView[]): Credit | null {
  const theirs = found.filter((r) => r.source);
  if (theirs.length === 0) return null;
  return { count: theirs.length, sources: [...new Set(theirs.map((r) => shortSource(r.source!)))] };
}
