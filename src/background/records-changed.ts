/**
 * What follows a change of the stored records (a source removed, a feed update), told by the
 * code that changed them without it knowing what follows: index.ts subscribes (automatic
 * highlights re-check their sites). Listeners report their own failures and never throw.
 */
const listeners: (() => Promise<void>)[] = [];

export function onRecordsChanged(listener: () => Promise<void>): void {
  listeners.push(listener);
}

export async function recordsChanged(): Promise<void> {
  for (const listener of listeners) await listener();
}
