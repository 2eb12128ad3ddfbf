/** Timing tables: per document and for the scale pages, ours against the floor and Hypothesis. */
import type { QuoteSelector } from '../../src/anchoring';
import type { Measured } from './measure';
import { Report, ms, n, ratio } from './report';

export interface Row {
  name: string;
  htmlBytes: number;
  records: QuoteSelector[];
  m: Measured;
}

/** Ratios on summed times, so that small documents do not weigh like large ones. */
export function totals(rows: readonly Row[]) {
  const sum = (f: (r: Row) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    records: sum((r) => r.records.length),
    floor: sum((r) => r.m.median.floor),
    extract: sum((r) => r.m.median.extract),
    index: sum((r) => r.m.median.index),
    anchor: sum((r) => r.m.median.anchor),
    ranges: sum((r) => r.m.median.ranges || 0),
    paint: sum((r) => r.m.median.paint),
    total: sum((r) => r.m.median.total),
    refAnchor: sum((r) => r.m.median.refAnchor),
    refTotal: sum((r) => r.m.median.refTotal),
    first: sum((r) => r.m.firstTotal),
    found: sum((r) => r.m.ours.filter(Boolean).length),
    refFound: sum((r) => r.m.reference.filter(Boolean).length),
  };
}

export function speedTable(report: Report, rows: readonly Row[], browser: boolean): void {
  const headers = [
    'page', 'KB', 'text nodes', 'records', 'floor', 'extract', 'anchor (index)',
    'ranges', ...(browser ? ['paint'] : []),
    'ours', 'ours/floor', 'Hypothesis anchor', 'ref/ours', 'found ours / ref',
  ];
  const line = (name: string, kb: string, nodes: string, t: ReturnType<typeof totals>) => [
    name, kb, nodes, n(t.records), ms(t.floor), ms(t.extract), `${ms(t.anchor)} (${ms(t.index)})`,
    ms(t.ranges), ...(browser ? [ms(t.paint)] : []),
    ms(t.total), ratio(t.total, t.floor), ms(t.refAnchor), ratio(t.refTotal, t.total), `${t.found} / ${t.refFound}`,
  ];
  const body = rows.map((r) => line(r.name, (r.htmlBytes / 1024).toFixed(0), n(r.m.textNodes), totals([r])));
  report.table(headers, body);
}

/** The summary lines under a per-document table. */
export function speedSummary(report: Report, label: string, rows: readonly Row[], browser: boolean): void {
  const t = totals(rows);
  report.para(
    `${label}: ${rows.length} documents, ${n(t.records)} records. Ours (extract + anchor + ranges${browser ? ' + paint' : ''}) ${ms(t.total)} ms in all, ` +
      `${ms(t.total / rows.length)} ms per document, ${ms(t.anchor / Math.max(1, t.records))} ms anchoring per record ` +
      `(createIndex ${ms(t.index)} ms of the ${ms(t.anchor)} ms anchoring). ` +
      `**ours / floor = ${ratio(t.total, t.floor)}** (goal ≤ 3x); **Hypothesis / ours = ${ratio(t.refTotal, t.total)}** (goal ≥ 10x; anchoring alone ${ratio(t.refAnchor, t.anchor)}). ` +
      `First runs (code not yet optimised, as when the content script runs once on a page): ${ms(t.first)} ms in all.`,
  );
}
