import { describe, expect, it } from 'vitest';
import type { RecordView } from '../src/messages/protocol';
import { pageCredit, passes, severityCounts, toggled, worstFirst } from './glance';

const record = (key: string, severity: RecordView['severity'], source?: RecordView['source']): RecordView => ({
  key,
  documentKey: 'doc',
  title: key,
  severity,
  whyItMatters: '',
  notes: [],
  quote: '',
  platformName: 'Acme',
  documentTitle: 'Terms',
  sourceUrl: 'https://acme.example/terms',
  comparison: [],
  ...(source ? { source } : {}),
});
const tosdr = { kind: 'tosdr', name: 'ToS;DR: Acme', credit: 'ToS;DR contributors', licence: 'CC BY-SA 3.0' } as const;

describe('the popup at a glance', () => {
  it('counts the severities present, worst first, good for you last', () => {
    const records = [record('a', 'positive'), record('b', 'critical'), record('c', 'medium'), record('d', 'critical')];
    expect(severityCounts(records)).toEqual([
      { severity: 'critical', count: 2 },
      { severity: 'medium', count: 1 },
      { severity: 'positive', count: 1 },
    ]);
    expect(severityCounts([])).toEqual([]);
  });

  it('orders worst first, keeping the order within a severity', () => {
    const records = [record('low', 'low'), record('high1', 'high'), record('good', 'positive'), record('high2', 'high')];
    expect(worstFirst(records).map((r) => r.key)).toEqual(['high1', 'high2', 'low', 'good']);
  });

  it('filters: nothing pressed shows all; pressed severities show only theirs; pressing again lifts it', () => {
    const high = record('h', 'high');
    const good = record('g', 'positive');
    expect([high, good].filter((r) => passes(new Set(), r))).toEqual([high, good]);
    const onlyHigh = toggled(new Set(), 'high');
    expect([high, good].filter((r) => passes(onlyHigh, r))).toEqual([high]);
    expect([high, good].filter((r) => passes(toggled(onlyHigh, 'positive'), r))).toEqual([high, good]);
    expect(toggled(onlyHigh, 'high').size).toBe(0);
  });

  it('credits other sources than Termlight’s own, with how many clauses, and names none for its own', () => {
    expect(pageCredit([record('a', 'high'), record('b', 'low')])).toBeNull();
    expect(pageCredit([record('a', 'high'), record('b', 'low', tosdr), record('c', 'medium', tosdr)])).toEqual({
      count: 2,
      sources: ['ToS;DR (CC BY-SA 3.0)'],
    });
  });
});
