import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../src/messages/protocol';
import { backgroundProgress, fileRead, progressBar, startSteps, type ImportSteps } from './progress';

describe('import progress: one bar across reading, checking and storing', () => {
  it('the case seen going backwards: 645/645 checked, then 100 of 645 stored, now moves forward', () => {
    let steps = startSteps(645);
    steps = fileRead(steps, 645);
    const read = progressBar(steps);
    steps = backgroundProgress(steps, { phase: 'checking', done: 645, total: 645 });
    const checked = progressBar(steps);
    steps = backgroundProgress(steps, { phase: 'writing', done: 100, total: 645 });
    const storing = progressBar(steps);
    expect(read.value).toBe(645);
    expect(checked.value).toBe(1290);
    expect(storing.value).toBe(1390);
    expect(storing.max).toBe(checked.max);
    expect([read.phase, checked.phase, storing.phase]).toEqual(['checking', 'checking', 'storing']);
    expect(storing).toMatchObject({ done: 100, total: 645 });
  });

  it('there is a bar, in the reading phase, before the first file is read', () => {
    const bar = progressBar(startSteps(3));
    expect(bar).toEqual({ value: 0, max: 9, phase: 'reading', done: 0, total: 3 });
    expect(progressBar(fileRead(startSteps(3), 1))).toMatchObject({ value: 1, phase: 'reading', done: 1 });
  });

  it('storing fewer files than were checked (some refused) still fills the bar', () => {
    let steps = backgroundProgress(fileRead(startSteps(10), 10), { phase: 'checking', done: 10, total: 10 });
    steps = backgroundProgress(steps, { phase: 'writing', done: 4, total: 4 });
    const bar = progressBar(steps);
    expect(bar.value).toBe(bar.max);
  });

  it('never goes backwards, whatever order the updates arrive in', () => {
    const update = fc.oneof(
      fc.record({ kind: fc.constant('read' as const), n: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('checking' as const), n: fc.integer({ min: 0, max: 60 }) }),
      fc.record({ kind: fc.constant('writing' as const), n: fc.integer({ min: 0, max: 60 }), total: fc.integer({ min: 1, max: 50 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(update, { maxLength: 80 }), (files, updates) => {
        let steps: ImportSteps = startSteps(files);
        let last = progressBar(steps);
        for (const u of updates) {
          const progress: ImportProgress =
            u.kind === 'writing' ? { phase: 'writing', done: u.n, total: u.total } : { phase: 'checking', done: u.n, total: files };
          steps = u.kind === 'read' ? fileRead(steps, u.n) : backgroundProgress(steps, progress);
          const bar = progressBar(steps);
          expect(bar.value).toBeGreaterThanOrEqual(last.value);
          expect(bar.max).toBe(last.max);
          expect(bar.value).toBeLessThanOrEqual(bar.max);
          last = bar;
        }
      }),
    );
  });
});
