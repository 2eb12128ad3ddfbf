/**
 * Values derived from the whole store (search rows, comparisons), kept until the next write, so
 * a popup over thousands of imported records opens without re-reading them all.
 */
import type { Database } from './db';

/**
 * Bumped on every write, so cached values know when to rebuild. Per background instance: a
 * restarted worker starts with empty caches.
 */
let generation = 0;

/** Every write to the store calls this once it has landed. */
export function markChanged(): void {
  generation++;
}

type Derived = Map<string, { generation: number; value: Promise<unknown> }>;
const derivedByDb = new WeakMap<Database, Derived>();

/**
 * The value `build` gives for `key`, built once per store generation. A build that fails is
 * forgotten, so the next call tries again instead of repeating the failure.
 */
export function cached<T>(db: Database, key: string, build: () => Promise<T>): Promise<T> {
  let derived = derivedByDb.get(db);
  if (!derived) derivedByDb.set(db, (derived = new Map() as Derived));
  const hit = derived.get(key);
  if (hit && hit.generation === generation) return hit.value as Promise<T>;
  const value = build();
  derived.set(key, { generation, value });
  value.catch(() => derived.delete(key));
  return value;
}
