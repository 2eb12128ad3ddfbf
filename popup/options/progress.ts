/**
 * One progress bar for an import, across its three phases: reading the files in the page,
 * checking them in the background, storing the good ones. Each phase has its steps (files), the
 * bar's value is the steps done over all of them, so it only ever moves forward: updates that
 * arrive late or out of order never take a step back, and storing fewer files than were checked
 * (some were refused) still fills the bar.
 */
import type { ImportProgress } from '../../src/messages/protocol';

export type Phase = 'reading' | 'checking' | 'storing';

export interface ImportSteps {
  /** Files picked. */
  files: number;
  read: number;
  checked: number;
  stored: number;
  /** Files to store (the good ones), once the background starts storing. */
  toStore: number | null;
}

export interface Bar {
  value: number;
  max: number;
  phase: Phase;
  /** Steps done and to do in the current phase, for the words beside the bar. */
  done: number;
  total: number;
}

/** Before anything is read. */
export const startSteps = (files: number): ImportSteps => ({ files, read: 0, checked: 0, stored: 0, toStore: null });

const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

/** Another file read in the page. */
export function fileRead(steps: ImportSteps, read: number): ImportSteps {
  return { ...steps, read: Math.max(steps.read, clamp(read, steps.files)) };
}

/** The background's progress: checking means every file was read; storing, every file checked. */
export function backgroundProgress(steps: ImportSteps, update: ImportProgress): ImportSteps {
  const read = steps.files;
  if (update.phase === 'checking') {
    return { ...steps, read, checked: Math.max(steps.checked, clamp(update.done, steps.files)) };
  }
  const toStore = steps.toStore ?? clamp(update.total, steps.files);
  return { ...steps, read, checked: steps.files, toStore, stored: Math.max(steps.stored, clamp(update.done, toStore)) };
}

/** The bar: three equal parts, one per phase; storing fills its part whatever share of the files is stored. */
export function progressBar(steps: ImportSteps): Bar {
  const { files, read, checked, stored, toStore } = steps;
  const storedPart = toStore ? (stored / toStore) * files : 0;
  const value = read + checked + storedPart;
  const max = 3 * files;
  if (toStore !== null) return { value, max, phase: 'storing', done: stored, total: toStore };
  if (checked > 0 || read >= files) return { value, max, phase: 'checking', done: checked, total: files };
  return { value, max, phase: 'reading', done: read, total: files };
}
