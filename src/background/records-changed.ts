/**
 * What follows a change of the stored records (a source removed, a feed update), told by the
 * code that changed them without it knowing what follows: index.ts subscribes (automatic
 * highlights re-check their sites). Listeners report their own failures and never throw.
 */
import { warmSearch } from '../store/search';
import { database } from './records-db';

const listeners: (() => Promise<void>)[] = [];

export function onRecordsChanged(listener: () => Promise<void>): void {
  listeners.push(listener);
}

export async function recordsChanged(): Promise<void> {
  // The search index is rebuilt now, not awaited, so the first search after an update answers
  // at once; a build that fails is forgotten (cache.ts) and the search itself tries again.
  void database()
    .then(warmSearch)
    .catch(() => undefined);
  for (const listener of listeners) await listener();
}
