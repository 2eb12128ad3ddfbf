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
  warmSearchSoon();
  for (const listener of listeners) await listener();
}

/**
 * Builds the search index now, not awaited, so the first search after new records (an import,
 * a feed update) answers at once. A build that fails is forgotten (cache.ts) and the search
 * itself tries again and reports it.
 */
export function warmSearchSoon(): void {
  void database()
    .then(warmSearch)
    .catch(() => undefined);
}
